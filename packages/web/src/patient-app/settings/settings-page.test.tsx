// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, renderApp } from '../../app/test-app.fixture.js';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const patientUser = {
  id: '33333333-3333-4333-8333-333333333333',
  clinicId: '00000000-0000-4000-8000-0000000000c1',
  role: 'patient',
  displayName: 'Jordan Avery',
};

describe('the settings page', () => {
  it('saves a reminder time with the phone’s zone, and says kindly when this phone cannot show reminders', async () => {
    const seen = fakeApi({
      'GET /api/session': { status: 200, body: { user: patientUser } },
      'GET /api/me/reminders': {
        status: 200,
        body: { times: [], timeZone: null, devices: 0, calendarLink: false },
      },
      'PUT /api/me/reminders': (request) => ({
        status: 200,
        body: { ...(request.body as object), devices: 0, calendarLink: false },
      }),
    });
    renderApp('/app/settings');
    fireEvent.click(await screen.findByLabelText('Yes, once a day'));
    fireEvent.change(screen.getByLabelText('Remind me at'), { target: { value: '07:30' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save reminders' }));

    expect(await screen.findByText('Saved. Your reminder time is 07:30.')).toBeTruthy();
    // jsdom has no service worker or Push API: the time is kept, and the page says so.
    expect(await screen.findByText(/This phone or browser cannot show reminders/u)).toBeTruthy();
    const put = seen.find((request) => request.method === 'PUT');
    expect(put?.body).toEqual({
      times: ['07:30'],
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    });
  });

  it('makes a calendar link, shows it once, and can turn it off', async () => {
    let live = false;
    fakeApi({
      'GET /api/session': { status: 200, body: { user: patientUser } },
      'GET /api/me/reminders': () => ({
        status: 200,
        body: { times: [], timeZone: 'Europe/London', devices: 0, calendarLink: live },
      }),
      'POST /api/me/calendar-link': () => {
        live = true;
        return { status: 201, body: { path: '/api/calendar/secret-token.ics' } };
      },
      'DELETE /api/me/calendar-link': () => {
        live = false;
        return { status: 204 };
      },
    });
    renderApp('/app/settings');
    fireEvent.click(await screen.findByRole('button', { name: 'Make a calendar link' }));
    const link = await screen.findByLabelText<HTMLInputElement>('Your calendar link');
    expect(link.value).toBe(`${window.location.origin}/api/calendar/secret-token.ics`);
    expect(
      screen.getByRole('link', { name: 'Open in my calendar app' }).getAttribute('href'),
    ).toMatch(/^webcal:\/\/.*\/api\/calendar\/secret-token\.ics$/u);
    expect(
      screen.getByRole('link', { name: 'download a calendar file' }).getAttribute('href'),
    ).toBe('/api/me/calendar.ics');

    fireEvent.click(screen.getByRole('button', { name: 'Turn off the calendar link' }));
    await waitFor(() => {
      expect(screen.queryByLabelText('Your calendar link')).toBeNull();
    });
    expect(screen.getByRole('button', { name: 'Make a calendar link' })).toBeTruthy();
  });
});
