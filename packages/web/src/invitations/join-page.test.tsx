// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, problem, renderApp } from '../app/test-app.fixture.js';
import { CONSENT_VERSION } from '../patient-app/welcome/consent-note.js';
import { checkRedemption } from './join-page.js';

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

async function choosePin(pin: string, again = pin) {
  fireEvent.change(await screen.findByLabelText('Choose a PIN'), { target: { value: pin } });
  fireEvent.change(screen.getByLabelText('Type the PIN again'), { target: { value: again } });
  fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
}

/** The second step: the consent and privacy note, accepted. */
async function agree() {
  await screen.findByRole('heading', { level: 1, name: 'Before you start' });
  fireEvent.click(screen.getByLabelText('I have read this and I agree'));
  fireEvent.click(screen.getByRole('button', { name: 'Set up my app' }));
}

describe('the join page', () => {
  it('takes the code from the link, sets a PIN and opens the patient’s Today page', async () => {
    let signedIn = false;
    const seen = fakeApi({
      'GET /api/session': () =>
        signedIn ? { status: 200, body: { user: patientUser } } : problem(401, 'Sign in.'),
      'POST /api/invitations/redeem': () => {
        signedIn = true;
        return { status: 200, body: { user: patientUser, csrfToken: 't' } };
      },
      'GET /api/me/today': problem(404, 'No such active programme.'),
    });
    const { router } = renderApp('/join?code=RZSB-ZUYK');
    expect((await screen.findByLabelText<HTMLInputElement>('Invitation code')).value).toBe(
      'RZSB-ZUYK',
    );
    await choosePin('246810');
    // Nothing is sent before the note is accepted.
    await screen.findByRole('heading', { level: 2, name: 'Your information and your privacy' });
    fireEvent.click(screen.getByRole('button', { name: 'Set up my app' }));
    expect(
      await screen.findByText('Tick the box to say you agree, so we can set up your app.', {
        selector: '.error-summary p',
      }),
    ).toBeTruthy();
    expect(seen.some((request) => request.method === 'POST')).toBe(false);

    fireEvent.click(screen.getByLabelText('I have read this and I agree'));
    fireEvent.click(screen.getByRole('button', { name: 'Set up my app' }));
    await waitFor(() => {
      expect(router.state.location.pathname).toBe('/app/welcome');
    });
    expect(seen.find((request) => request.method === 'POST')?.body).toEqual({
      code: 'RZSB-ZUYK',
      secret: '246810',
      kind: 'pin',
      consent: { accepted: true, version: CONSENT_VERSION },
    });
    // No programme yet: the welcome says so kindly.
    expect(
      await screen.findByText(/Your clinician is still getting your programme ready/u),
    ).toBeTruthy();
  });

  it('says kindly when a code cannot be used', async () => {
    fakeApi({
      'GET /api/session': problem(401, 'Sign in.'),
      'POST /api/invitations/redeem': problem(400, 'This invitation code cannot be used.', [
        { path: 'body.code', message: 'cannot be used' },
      ]),
    });
    renderApp('/join?code=OLD1-CODE');
    await choosePin('246810');
    await agree();
    expect(
      await screen.findByRole('link', {
        name: 'This code cannot be used. It may have expired or been used already. Please ask your clinician for a new one.',
      }),
    ).toBeTruthy();
  });

  it('shows the server’s reason when a PIN is too easy to guess', async () => {
    fakeApi({
      'GET /api/session': problem(401, 'Sign in.'),
      'POST /api/invitations/redeem': problem(400, 'Choose another PIN.', [
        {
          path: 'body.secret',
          message: 'Avoid a repeated digit or a run like 123456; choose another PIN.',
        },
      ]),
    });
    renderApp('/join?code=RZSB-ZUYK');
    await choosePin('123456');
    await agree();
    expect(
      await screen.findByRole('link', {
        name: 'Avoid a repeated digit or a run like 123456; choose another PIN.',
      }),
    ).toBeTruthy();
  });
});

describe('checkRedemption', () => {
  it('checks the code, the PIN or password and that both entries match', () => {
    expect(
      checkRedemption({ code: '', kind: 'pin', secret: '12345', confirm: '12345' }).fields,
    ).toEqual({
      code: 'Enter the code from your invitation.',
      secret: 'Your PIN needs to be exactly 6 digits.',
    });
    expect(
      checkRedemption({ code: 'A', kind: 'pin', secret: '246810', confirm: '246811' }).fields,
    ).toEqual({
      confirm: 'The two PINs are not the same.',
    });
    expect(
      checkRedemption({ code: 'A', kind: 'password', secret: 'short', confirm: 'short' }).fields,
    ).toEqual({
      secret: 'Your password needs at least 10 characters.',
    });
    expect(
      checkRedemption({
        code: 'A',
        kind: 'password',
        secret: 'walking by the river',
        confirm: 'walking by the river',
      }).fields,
    ).toEqual({});
  });
});
