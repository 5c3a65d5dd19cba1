// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  SIGNED_IN_CLINICIAN,
  fakeApi,
  problem,
  renderApp,
  type FakeRoutes,
} from '../app/test-app.fixture.js';
import { checkDetails } from './new-patient-page.js';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const patient = {
  id: '11111111-1111-4111-8111-111111111111',
  displayName: 'Jordan Avery',
  dateOfBirth: null,
  clinicianId: SIGNED_IN_CLINICIAN.id,
  hasLogin: false,
  createdAt: '2026-11-22T09:00:00Z',
};

const episode = {
  id: '22222222-2222-4222-8222-222222222222',
  region: 'lumbar',
  condition: 'discRadicular',
  startedOn: '2026-11-20',
  status: 'active',
  dischargedOn: null,
};

function routes(extra: FakeRoutes = {}): FakeRoutes {
  return {
    'GET /api/session': { status: 200, body: { user: SIGNED_IN_CLINICIAN } },
    'POST /api/patients': { status: 201, body: patient },
    'POST /api/patients/:patientId/episodes': { status: 201, body: episode },
    'POST /api/patients/:patientId/invitations': {
      status: 201,
      body: { code: 'RZSB-ZUYK', expiresAt: '2026-11-25T09:00:00Z', link: '/join?code=RZSB-ZUYK' },
    },
    ...extra,
  };
}

async function fillDetails() {
  fireEvent.change(await screen.findByLabelText('Name'), { target: { value: ' Jordan Avery ' } });
  fireEvent.click(screen.getByLabelText('Low back (lumbar)'));
  fireEvent.change(screen.getByLabelText('Condition'), { target: { value: 'discRadicular' } });
  fireEvent.change(screen.getByLabelText('Episode start date'), {
    target: { value: '2026-11-20' },
  });
}

describe('the new patient page', () => {
  it('adds the patient, then their episode, then shows a one-time invitation', async () => {
    const seen = fakeApi(routes());
    renderApp('/patients/new');
    await fillDetails();
    fireEvent.click(screen.getByRole('button', { name: 'Add patient' }));

    expect(await screen.findByRole('heading', { name: 'Jordan Avery is added' })).toBeTruthy();
    const writes = seen.filter((request) => request.method === 'POST');
    expect(writes.map((request) => [request.path, request.body])).toEqual([
      ['/api/patients', { displayName: 'Jordan Avery' }],
      [
        `/api/patients/${patient.id}/episodes`,
        { region: 'lumbar', condition: 'discRadicular', startedOn: '2026-11-20' },
      ],
    ]);

    fireEvent.click(screen.getByRole('button', { name: 'Create invitation' }));
    expect(await screen.findByText('RZSB-ZUYK')).toBeTruthy();
    expect(screen.getByTestId('invitation-link').textContent).toBe(
      `${window.location.origin}/join?code=RZSB-ZUYK`,
    );
    const qr = await screen.findByRole('img', { name: /QR code that opens the invitation link/u });
    expect(qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml/u);
  });

  it('offers only conditions that fit the chosen region', async () => {
    fakeApi(routes());
    renderApp('/patients/new');
    fireEvent.click(await screen.findByLabelText('Neck (cervical)'));
    const options = Array.from(
      screen.getByLabelText<HTMLSelectElement>('Condition').options,
      (option) => option.value,
    );
    expect(options).toEqual([
      '',
      'postFusion',
      'postDiscectomy',
      'neckNonspecific',
      'cervicalRadiculopathy',
    ]);
  });

  it('keeps the saved patient when the episode fails, so trying again adds no duplicate', async () => {
    let episodeAttempts = 0;
    const seen = fakeApi(
      routes({
        'POST /api/patients/:patientId/episodes': () => {
          episodeAttempts += 1;
          return episodeAttempts === 1
            ? problem(400, 'Invalid.', [{ path: 'body.startedOn', message: 'is in the future' }])
            : { status: 201, body: episode };
        },
      }),
    );
    renderApp('/patients/new');
    await fillDetails();
    fireEvent.click(screen.getByRole('button', { name: 'Add patient' }));

    expect(
      await screen.findByRole('link', { name: 'Episode start date is in the future.' }),
    ).toBeTruthy();
    expect(
      screen.getByText(/Jordan Avery has been added\. Their episode of care is not saved yet/u),
    ).toBeTruthy();
    expect(screen.getByLabelText<HTMLInputElement>('Name').readOnly).toBe(true);

    fireEvent.click(screen.getByRole('button', { name: 'Save the episode' }));
    await screen.findByRole('heading', { name: 'Jordan Avery is added' });
    await waitFor(() => {
      expect(seen.filter((request) => request.path === '/api/patients')).toHaveLength(1);
    });
    expect(episodeAttempts).toBe(2);
  });
});

describe('checkDetails', () => {
  const valid = {
    displayName: 'Ann',
    dateOfBirth: '',
    region: 'lumbar',
    condition: 'stenosis',
    startedOn: '2026-11-20',
  };

  it('accepts a complete form', () => {
    expect(checkDetails(valid, '2026-11-22')).toEqual({ fields: {} });
  });

  it('refuses future dates and a condition from the other region, in plain words', () => {
    expect(
      checkDetails(
        {
          ...valid,
          dateOfBirth: '2030-01-01',
          condition: 'neckNonspecific',
          startedOn: '2026-11-23',
        },
        '2026-11-22',
      ).fields,
    ).toEqual({
      dateOfBirth: 'The date of birth cannot be in the future.',
      condition: 'Choose a condition that fits the region.',
      startedOn: 'The episode cannot start in the future.',
    });
  });
});
