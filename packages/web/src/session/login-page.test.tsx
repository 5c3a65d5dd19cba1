// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SIGNED_IN_CLINICIAN, fakeApi, problem, renderApp } from '../app/test-app.fixture.js';
import { safeNext, waitInWords } from './login-page.js';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const signedOut = { 'GET /api/session': problem(401, 'Sign in to use this resource.') };

async function submit(email: string, password: string) {
  fireEvent.change(await screen.findByLabelText('Email address'), { target: { value: email } });
  fireEvent.change(screen.getByLabelText('Password'), { target: { value: password } });
  fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
}

describe('the log-in page', () => {
  it('asks for both fields before sending anything', async () => {
    const seen = fakeApi(signedOut);
    renderApp('/login');
    await submit('', '');
    expect(await screen.findByRole('link', { name: 'Enter your email address.' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Enter your password.' })).toBeTruthy();
    expect(seen.filter((request) => request.method === 'POST')).toEqual([]);
  });

  it('says the details are not right, without saying which', async () => {
    fakeApi({
      ...signedOut,
      'POST /api/session': problem(401, 'The email or password is not right.'),
    });
    renderApp('/login');
    await submit('sam@example.org', 'wrong-password');
    const summary = await screen.findByText(/The email address or password is not right/u);
    expect(summary).toBeTruthy();
    expect(screen.getByLabelText('Email address').getAttribute('aria-invalid')).toBeNull();
  });

  it('explains a lock-out and when to try again', async () => {
    fakeApi({
      ...signedOut,
      'POST /api/session': {
        status: 429,
        body: { type: 'x', title: 'Too many', status: 429, detail: 'Locked.', retryAfter: 840 },
      },
    });
    renderApp('/login');
    await submit('sam@example.org', 'wrong-password');
    expect(
      await screen.findByText(
        'Too many attempts to sign in. For your account’s safety, signing in is paused for now. Please try again in about 14 minutes.',
      ),
    ).toBeTruthy();
  });

  it('signs in and goes on to the page asked for', async () => {
    let signedIn = false;
    const seen = fakeApi({
      'GET /api/session': () =>
        signedIn ? { status: 200, body: { user: SIGNED_IN_CLINICIAN } } : problem(401, 'Sign in.'),
      'POST /api/session': () => {
        signedIn = true;
        return { status: 200, body: { user: SIGNED_IN_CLINICIAN, csrfToken: 't' } };
      },
      'GET /api/patients': { status: 200, body: { patients: [] } },
    });
    const { router } = renderApp('/login?next=%2Fpatients');
    await submit(' sam@example.org ', 'a password with spaces ');
    await waitFor(() => {
      expect(router.state.location.pathname).toBe('/patients');
    });
    const login = seen.find((request) => request.method === 'POST');
    // The email is trimmed; the password is sent exactly as typed.
    expect(login?.body).toEqual({ email: 'sam@example.org', password: 'a password with spaces ' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Patients' })).toBeTruthy();
  });
});

describe('safeNext', () => {
  it('returns only paths of this app, never another site or the log-in page itself', () => {
    expect(safeNext('/patients/1?tab=notes')).toBe('/patients/1?tab=notes');
    expect(safeNext('https://evil.example')).toBeNull();
    expect(safeNext('//evil.example')).toBeNull();
    expect(safeNext('/\\evil.example')).toBeNull();
    expect(safeNext('/login?next=/x')).toBeNull();
    expect(safeNext(null)).toBeNull();
  });
});

describe('waitInWords', () => {
  it('rounds up to whole minutes', () => {
    expect(waitInWords(30)).toBe('in a minute');
    expect(waitInWords(61)).toBe('in about 2 minutes');
    expect(waitInWords(undefined)).toBe('in a minute');
  });
});
