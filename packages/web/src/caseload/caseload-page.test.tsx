// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Alert } from '../alerts/alerts-api.js';
import {
  SIGNED_IN_CLINICIAN,
  fakeApi,
  problem,
  renderApp,
  type FakeRoutes,
} from '../app/test-app.fixture.js';
import { caseloadEntry } from './caseload.fixture.js';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const aisha = caseloadEntry({
  name: 'Aisha Rahman',
  alerts: {
    open: 1,
    worstSeverity: 'urgent',
    newest: [
      {
        id: 'a1',
        type: 'painFlare',
        severity: 'urgent',
        message: 'Pain after sessions above 5.',
        createdAt: '2026-11-20T10:00:00Z',
      },
    ],
  },
});
const tom = caseloadEntry({ name: 'Tom Becker', reassessment: { week: 4, dueOn: '2026-11-17' } });
const margaret = caseloadEntry({ name: 'Margaret Ellis' });

function alert(overrides: Partial<Alert>): Alert {
  return {
    id: 'a1',
    patientId: aisha.patient.id,
    clinicId: SIGNED_IN_CLINICIAN.clinicId,
    type: 'painFlare',
    severity: 'warning',
    state: 'open',
    message: 'Pain after sessions above 5.',
    advice: null,
    sessionLogIds: [],
    acknowledgedBy: null,
    acknowledgedAt: null,
    resolvedBy: null,
    resolvedAt: null,
    createdAt: '2026-11-20T10:00:00Z',
    ...overrides,
  };
}

function routes(extra: FakeRoutes = {}): FakeRoutes {
  return {
    'GET /api/session': { status: 200, body: { user: SIGNED_IN_CLINICIAN } },
    'GET /api/caseload': {
      status: 200,
      body: {
        today: '2026-11-22',
        scope: 'mine',
        total: 3,
        withAlerts: 1,
        reassessmentsDue: 1,
        offset: 0,
        patients: [aisha, tom, margaret],
      },
    },
    'GET /api/alerts?state=open': {
      status: 200,
      body: {
        alerts: [
          alert({
            id: 'a2',
            severity: 'warning',
            message: 'Fewer sessions than planned.',
            type: 'nonAdherence',
          }),
          alert({
            id: 'a1',
            severity: 'emergency',
            type: 'redFlagSymptom',
            message: 'New numbness reported.',
            advice: 'Go to an emergency department now.',
          }),
          // A colleague's patient: counted, not listed, in "mine".
          alert({ id: 'a9', patientId: 'someone-else' }),
        ],
      },
    },
    'GET /api/alerts?state=acknowledged': {
      status: 200,
      body: {
        alerts: [
          alert({
            id: 'a3',
            patientId: tom.patient.id,
            state: 'acknowledged',
            acknowledgedBy: 'another-clinician',
            acknowledgedAt: '2026-11-21T09:30:00Z',
          }),
        ],
      },
    },
    ...extra,
  };
}

function cards(): string[] {
  return Array.from(document.querySelectorAll('.caseload-card h3')).map(
    (heading) => heading.textContent,
  );
}

describe('the caseload page', () => {
  it('lists the patients in the server’s order with their measures', async () => {
    fakeApi(routes());
    renderApp('/caseload');
    expect(await screen.findByRole('heading', { level: 1, name: 'Caseload' })).toBeTruthy();
    await screen.findByText('Aisha Rahman', { selector: '.caseload-card a' });
    expect(cards()).toEqual(['Aisha Rahman', 'Tom Becker', 'Margaret Ellis']);
    const card = screen.getByRole('article', { name: 'Aisha Rahman' });
    expect(within(card).getByText('1 open alert')).toBeTruthy();
    expect(within(card).getByText('Urgent')).toBeTruthy();
    expect(within(card).getByText('71%')).toBeTruthy();
    expect(screen.getByText('Reassessment due since 17 Nov 2026')).toBeTruthy();
  });

  it('lists alerts most severe first, with the advice given, and who acknowledged', async () => {
    fakeApi(routes());
    renderApp('/caseload');
    const panel = await screen.findByRole('region', { name: /^Alerts/u });
    await within(panel).findByText('New numbness reported.');
    const items = within(panel).getAllByRole('article');
    expect(items.map((item) => item.querySelector('.badge')?.textContent)).toEqual([
      'Emergency',
      'Warning',
      'Warning',
    ]);
    expect(
      within(items[0] as HTMLElement).getByText('Go to an emergency department now.'),
    ).toBeTruthy();
    expect(within(panel).getByText(/^Acknowledged by a colleague, /u)).toBeTruthy();
    expect(within(panel).getByText("1 more alert is for a colleague's patient.")).toBeTruthy();
  });

  it('searches and filters, keeping both in the address', async () => {
    fakeApi(routes());
    const { router } = renderApp('/caseload');
    await screen.findByText('Aisha Rahman', { selector: '.caseload-card a' });

    fireEvent.change(screen.getByLabelText('Search by name'), { target: { value: 'tom' } });
    expect(cards()).toEqual(['Tom Becker']);
    expect(screen.getByText('Showing 1 of 3 patients')).toBeTruthy();
    await waitFor(() => {
      expect(router.state.location.search).toBe('?q=tom');
    });

    fireEvent.change(screen.getByLabelText('Search by name'), { target: { value: '' } });
    fireEvent.click(screen.getByLabelText('Patients with open alerts'));
    await waitFor(() => {
      expect(cards()).toEqual(['Aisha Rahman']);
    });
    fireEvent.click(screen.getByLabelText('Patients with open alerts'));
    await waitFor(() => {
      expect(cards()).toHaveLength(3);
    });
    fireEvent.click(screen.getByLabelText('Reassessment due'));
    await waitFor(() => {
      expect(cards()).toEqual(['Tom Becker']);
    });
    expect(router.state.location.search).toBe('?due=1');
  });

  it('acknowledges an alert, and puts it back with a message when the server refuses', async () => {
    const seen = fakeApi(
      routes({ 'POST /api/alerts/:alertId/acknowledge': problem(409, 'This alert is resolved.') }),
    );
    renderApp('/caseload');
    const panel = await screen.findByRole('region', { name: /^Alerts/u });
    await within(panel).findByText('New numbness reported.');
    fireEvent.click(
      within(panel).getAllByRole('button', { name: 'Acknowledge' })[0] as HTMLElement,
    );
    expect(await within(panel).findByRole('alert')).toBeTruthy();
    expect(within(panel).getByRole('alert').textContent).toMatch(
      /^The alert could not be acknowledged\. This alert is resolved\./u,
    );
    expect(seen.some((request) => request.path === '/api/alerts/a1/acknowledge')).toBe(true);
    // Rolled back: both open alerts can still be acknowledged.
    expect(within(panel).getAllByRole('button', { name: 'Acknowledge' })).toHaveLength(2);
  });

  it('resolves an alert after asking, and says who resolved it and when', async () => {
    const seen = fakeApi(
      routes({
        'POST /api/alerts/:alertId/resolve': (request) => ({
          status: 200,
          body: alert({
            id: request.params.alertId ?? '',
            state: 'resolved',
            resolvedBy: SIGNED_IN_CLINICIAN.id,
            resolvedAt: '2026-11-22T11:05:00Z',
          }),
        }),
      }),
    );
    renderApp('/caseload');
    const panel = await screen.findByRole('region', { name: /^Alerts/u });
    await within(panel).findByText('New numbness reported.');
    fireEvent.click(within(panel).getAllByRole('button', { name: 'Resolve…' })[0] as HTMLElement);
    const dialog = screen.getByRole('dialog', { name: 'Resolve this alert?' });
    expect(seen.some((request) => request.path.endsWith('/resolve'))).toBe(false);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Resolve alert' }));
    await waitFor(() => {
      expect(within(panel).getByRole('status').textContent).toMatch(
        /^Alert for Aisha Rahman resolved by you at /u,
      );
    });
    expect(seen.some((request) => request.path === '/api/alerts/a1/resolve')).toBe(true);
  });

  it('pages through the whole clinic on the server, searching there once typing pauses', async () => {
    const clinic = Array.from({ length: 120 }, (_, index) =>
      caseloadEntry({ name: `Patient ${String(index + 1).padStart(3, '0')}` }),
    );
    const seen = fakeApi(
      routes({
        'GET /api/caseload': (request) => {
          const query = new URL(request.path, 'http://localhost').searchParams;
          const search = (query.get('q') ?? '').toLowerCase();
          const matching = clinic.filter((entry) =>
            entry.patient.displayName.toLowerCase().includes(search),
          );
          const offset = Number(query.get('offset') ?? '0');
          const limit = Number(query.get('limit') ?? String(matching.length));
          return {
            status: 200,
            body: {
              today: '2026-11-22',
              scope: 'clinic',
              total: matching.length,
              withAlerts: 0,
              reassessmentsDue: 0,
              offset,
              patients: matching.slice(offset, offset + limit),
            },
          };
        },
      }),
    );
    renderApp('/caseload?scope=clinic');
    expect(await screen.findByText('120 patients in the clinic')).toBeTruthy();
    const list = () => within(document.querySelector('.caseload-list') as HTMLElement);
    expect(list().getAllByRole('listitem').length).toBeGreaterThanOrEqual(50);
    expect(list().queryByText('Patient 051')).toBeNull();
    expect(seen.some((request) => request.path.includes('all=true&limit=50&offset=0'))).toBe(true);

    fireEvent.click(screen.getByRole('button', { name: 'Show 50 more' }));
    expect(await list().findByText('Patient 051')).toBeTruthy();
    expect(seen.some((request) => request.path.includes('offset=50'))).toBe(true);
    expect(screen.getByRole('button', { name: 'Show 20 more' })).toBeTruthy();

    fireEvent.change(screen.getByRole('searchbox', { name: 'Search by name' }), {
      target: { value: 'Patient 11' },
    });
    expect(await screen.findByText('10 patients match', {}, { timeout: 3000 })).toBeTruthy();
    expect(seen.some((request) => request.path.includes('q=Patient+11'))).toBe(true);
    expect(screen.queryByRole('button', { name: /more$/u })).toBeNull();
  }, 30_000);

  it('says so when there are no patients, and offers to add one', async () => {
    fakeApi(
      routes({
        'GET /api/caseload': {
          status: 200,
          body: {
            today: '2026-11-22',
            scope: 'mine',
            total: 0,
            withAlerts: 0,
            reassessmentsDue: 0,
            offset: 0,
            patients: [],
          },
        },
      }),
    );
    renderApp('/caseload');
    expect(await screen.findByText('You have no patients yet')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Add your first patient' }).getAttribute('href')).toBe(
      '/patients/new',
    );
  });

  it('offers to try again when the caseload cannot be loaded', async () => {
    fakeApi(routes({ 'GET /api/caseload': problem(503, 'The database is not answering.') }));
    renderApp('/caseload');
    expect(await screen.findByText('Your caseload could not be loaded')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });

  it('sends a signed-out visitor to log in, to come back here after', async () => {
    fakeApi({ 'GET /api/session': problem(401, 'Sign in.') });
    const { router } = renderApp('/caseload?alerts=1');
    await waitFor(() => {
      expect(router.state.location.pathname).toBe('/login');
    });
    expect(router.state.location.search).toBe('?next=%2Fcaseload%3Falerts%3D1');
  });
});
