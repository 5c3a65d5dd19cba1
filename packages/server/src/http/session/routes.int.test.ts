import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../auth/passwords.js';
import { CLINICIAN_PASSWORD, insertPeople, type People } from '../../auth/people.fixture.js';
import { connect, type DatabaseClient } from '../../database/client.js';
import { runMigrations } from '../../database/migrate.js';
import { signInNameOf } from '../../auth/sign-in-names.js';
import { auditLog, sessions, users } from '../../database/schema.js';
import { createTestDatabase, type TestDatabase } from '../../database/test-database.fixture.js';
import { buildApp, type App } from '../app.js';
import { PROBLEM_CONTENT_TYPE } from '../problem.js';
import { CSRF_COOKIE, SESSION_COOKIE, requireRole } from './plugin.js';
import { registerSessionFeature, type LoginRateLimit } from './routes.js';

let database: TestDatabase;
let client: DatabaseClient;
let people: People;
let app: App;

const MINUTE = 60_000;
let clock = new Date('2026-03-02T09:00:00.000Z');
const now = () => clock;
const email = 'clinician@example.org';
const lockedEmail = 'locked@example.org';
const lockedPassword = 'a passphrase to be guessed';
const PATIENT_PIN = '270418';
let patientUserId: string;
let signInName: string;

function appWith(loginRateLimit: LoginRateLimit): App {
  const built = buildApp({ health: () => Promise.resolve({ database: 'ok' }) });
  registerSessionFeature(built, { db: client.db, now, loginRateLimit });
  // A write only admins may make, to see the CSRF check and requireRole on another route.
  built.post('/api/test/admin-only', async (request) => {
    requireRole(request, 'admin');
    return Promise.resolve({ ok: true });
  });
  return built;
}

async function logIn(body: object = { email, password: CLINICIAN_PASSWORD }) {
  return app.inject({ method: 'POST', url: '/api/session', payload: body });
}

async function loggedIn() {
  const response = await logIn();
  expect(response.statusCode).toBe(200);
  const token = response.cookies.find((cookie) => cookie.name === SESSION_COOKIE)?.value ?? '';
  const { csrfToken } = response.json<{ csrfToken: string }>();
  return { token, csrfToken };
}

async function auditRows() {
  return client.db.select().from(auditLog).orderBy(auditLog.id);
}

beforeAll(async () => {
  database = await createTestDatabase();
  await runMigrations(database.url);
  client = connect(database.url);
  people = await insertPeople(client.db);
  await client.db.insert(users).values({
    clinicId: people.clinicId,
    role: 'clinician',
    email: lockedEmail,
    displayName: 'Dr Locked',
    passwordHash: await hashPassword(lockedPassword),
  });
  // A patient who has no email: they sign in with their sign-in name and PIN.
  const [patientUser] = await client.db
    .insert(users)
    .values({
      clinicId: people.clinicId,
      role: 'patient',
      displayName: 'Pat Patient',
      passwordHash: await hashPassword(PATIENT_PIN),
    })
    .returning();
  patientUserId = patientUser?.id ?? '';
  signInName = signInNameOf(patientUserId);
  app = appWith({ max: 1000, timeWindow: MINUTE });
  await app.ready();
}, 60_000);

afterAll(async () => {
  await app.close();
  await client.close();
  await database.drop();
}, 60_000);

describe('POST /api/session', () => {
  it('logs in: the user, a CSRF token, an httpOnly SameSite=Strict session cookie, an audit row', async () => {
    const response = await logIn({
      email: ' Clinician@Example.org ',
      password: CLINICIAN_PASSWORD,
    });
    expect(response.statusCode).toBe(200);
    const body = response.json<{ user: object; csrfToken: string }>();
    expect(body).toEqual({
      user: {
        id: people.clinicianId,
        clinicId: people.clinicId,
        role: 'clinician',
        displayName: 'Dr Test',
      },
      csrfToken: expect.stringMatching(/^[\w-]{43}$/u) as unknown,
    });
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.body).not.toContain(CLINICIAN_PASSWORD);

    const session = response.cookies.find((cookie) => cookie.name === SESSION_COOKIE);
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(session?.secure).toBeUndefined();
    expect(session?.value).not.toBe(body.csrfToken);
    const csrf = response.cookies.find((cookie) => cookie.name === CSRF_COOKIE);
    expect(csrf).toMatchObject({ value: body.csrfToken, sameSite: 'Strict', path: '/' });
    expect(csrf?.httpOnly).toBeUndefined();

    const rows = await auditRows();
    expect(rows.at(-1)).toMatchObject({
      userId: people.clinicianId,
      clinicId: people.clinicId,
      action: 'login',
      resource: 'session',
      ip: '127.0.0.1',
      userAgent: 'lightMyRequest',
    });
  });

  it('answers a wrong password with a generic 401 problem and audits it', async () => {
    const response = await logIn({ email, password: 'not the password' });
    expect(response.statusCode).toBe(401);
    expect(response.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
    const problem = response.json<{ type: string; detail: string }>();
    expect(problem.type).toBe('https://spinewise.dev/problems/unauthorized');
    expect(response.body).not.toContain('not the password');
    expect(response.cookies).toEqual([]);
    expect((await auditRows()).at(-1)).toMatchObject({
      userId: people.clinicianId,
      clinicId: people.clinicId,
      action: 'loginFailed',
      detail: { reason: 'invalid' },
    });

    // An unknown email gets the very same answer, and an audit row naming nobody.
    const unknown = await logIn({ email: 'nobody@example.org', password: 'not the password' });
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json<{ detail: string }>().detail).toBe(problem.detail);
    const last = (await auditRows()).at(-1);
    expect(last).toMatchObject({ userId: null, clinicId: null, action: 'loginFailed' });
    expect(JSON.stringify(await auditRows())).not.toContain('not the password');
  });

  it('locks an account after 5 wrong passwords: 429 with Retry-After, even for the right one', async () => {
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      const response = await logIn({ email: lockedEmail, password: `guess ${attempt}` });
      expect(response.statusCode).toBe(401);
    }
    clock = new Date(clock.getTime() + MINUTE);
    const locked = await logIn({ email: lockedEmail, password: lockedPassword });
    expect(locked.statusCode).toBe(429);
    expect(locked.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
    expect(locked.headers['retry-after']).toBe(String(14 * 60));
    expect(locked.json()).toMatchObject({
      type: 'https://spinewise.dev/problems/rate-limited',
      retryAfter: 14 * 60,
    });
    expect((await auditRows()).at(-1)).toMatchObject({
      action: 'loginFailed',
      detail: { reason: 'locked' },
    });

    clock = new Date(clock.getTime() + 14 * MINUTE);
    expect((await logIn({ email: lockedEmail, password: lockedPassword })).statusCode).toBe(200);
  });

  it('refuses a disabled account with 403, but only to the right password', async () => {
    await client.db.update(users).set({ disabledAt: clock }).where(eq(users.email, lockedEmail));
    expect((await logIn({ email: lockedEmail, password: 'wrong' })).statusCode).toBe(401);
    const response = await logIn({ email: lockedEmail, password: lockedPassword });
    expect(response.statusCode).toBe(403);
    expect(response.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
  });

  it('answers a bad body with a 400 problem naming the field', async () => {
    const response = await logIn({ password: CLINICIAN_PASSWORD });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
    const { errors } = response.json<{ errors: { path: string }[] }>();
    expect(errors.map((error) => error.path)).toEqual(['body.email']);
    expect(response.body).not.toContain(CLINICIAN_PASSWORD);

    const extra = await logIn({ email, password: CLINICIAN_PASSWORD, role: 'admin' });
    expect(extra.statusCode).toBe(400);
    expect(extra.json<{ errors: { path: string }[] }>().errors[0]?.path).toBe('body.role');
  });

  it('names the fields of a body that is neither log-in shape', async () => {
    const paths = async (body: object) => {
      const response = await logIn(body);
      expect(response.statusCode).toBe(400);
      expect(response.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
      return response.json<{ errors: { path: string }[] }>().errors.map((error) => error.path);
    };
    expect(await paths({})).toEqual(['body.email', 'body.password']);
    expect(await paths({ signInName, password: '' })).toEqual(['body.password']);
    expect(await paths({ signInName: 'not a name', password: PATIENT_PIN })).toEqual([
      'body.signInName',
    ]);
    expect(await paths({ signInName, password: PATIENT_PIN, clinicId: people.clinicId })).toEqual([
      'body.clinicId',
    ]);
    expect(await paths({ email, password: 'x'.repeat(257) })).toEqual(['body.password']);
    expect(await paths({ email: 42, password: 'x' })).toEqual(['body.email']);
  });

  it('signs a patient in with their sign-in name and PIN, however they type the name', async () => {
    const typed = ` ${signInName.toLowerCase().replace('-', ' ')} `;
    const response = await logIn({ signInName: typed, password: PATIENT_PIN });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      user: {
        id: patientUserId,
        clinicId: people.clinicId,
        role: 'patient',
        displayName: 'Pat Patient',
      },
      csrfToken: expect.stringMatching(/^[\w-]{43}$/u) as unknown,
      signInName,
    });
    expect(response.body).not.toContain(PATIENT_PIN);
    expect((await auditRows()).at(-1)).toMatchObject({
      userId: patientUserId,
      action: 'login',
      detail: { by: 'signInName' },
    });

    // The app can show the name again from the session.
    const token = response.cookies.find((cookie) => cookie.name === SESSION_COOKIE)?.value ?? '';
    const current = await app.inject({
      method: 'GET',
      url: '/api/session',
      cookies: { [SESSION_COOKIE]: token },
    });
    expect(current.json()).toMatchObject({ user: { id: patientUserId }, signInName });
  });

  it('answers a wrong PIN with the generic 401 and locks the patient after 5, like email log-in', async () => {
    const byEmail = await logIn({ email: 'nobody@example.org', password: '111111' });
    const unknownName = await logIn({ signInName: 'ZZZZ-ZZZZ', password: PATIENT_PIN });
    expect(unknownName.statusCode).toBe(401);
    const detail = byEmail.json<{ detail: string }>().detail;
    expect(unknownName.json<{ detail: string }>().detail).toBe(detail);

    for (let attempt = 1; attempt <= 5; attempt += 1) {
      const response = await logIn({ signInName, password: `20491${attempt}` });
      expect(response.statusCode).toBe(401);
      expect(response.json<{ detail: string }>().detail).toBe(detail);
    }
    expect((await auditRows()).at(-1)).toMatchObject({
      userId: patientUserId,
      action: 'loginFailed',
      detail: { reason: 'invalid', by: 'signInName' },
    });
    const locked = await logIn({ signInName, password: PATIENT_PIN });
    expect(locked.statusCode).toBe(429);
    expect(locked.headers['retry-after']).toBe(String(15 * 60));
    expect(locked.json<{ detail: string }>().detail).toContain('15 minutes');
    expect(JSON.stringify(await auditRows())).not.toContain(PATIENT_PIN);

    clock = new Date(clock.getTime() + 15 * MINUTE);
    expect((await logIn({ signInName, password: PATIENT_PIN })).statusCode).toBe(200);
  });

  it('marks the cookies Secure when the request came over HTTPS', async () => {
    const behindProxy = buildApp({
      health: () => Promise.resolve({ database: 'ok' }),
      trustProxy: true,
    });
    registerSessionFeature(behindProxy, { db: client.db, now });
    const response = await behindProxy.inject({
      method: 'POST',
      url: '/api/session',
      headers: { 'x-forwarded-proto': 'https' },
      payload: { email, password: CLINICIAN_PASSWORD },
    });
    expect(response.statusCode).toBe(200);
    expect(response.cookies.every((cookie) => cookie.secure === true)).toBe(true);
    await behindProxy.close();
  });

  it('is rate limited per address', async () => {
    const limited = appWith({ max: 2, timeWindow: MINUTE });
    const attempt = () =>
      limited.inject({
        method: 'POST',
        url: '/api/session',
        payload: { email: 'nobody@example.org', password: 'guess' },
      });
    expect((await attempt()).statusCode).toBe(401);
    expect((await attempt()).statusCode).toBe(401);
    const response = await attempt();
    expect(response.statusCode).toBe(429);
    expect(response.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
    expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
    await limited.close();
  });
});

describe('GET /api/session', () => {
  it('answers the signed-in user with the cookie, and a 401 problem without', async () => {
    const { token } = await loggedIn();
    const response = await app.inject({
      method: 'GET',
      url: '/api/session',
      cookies: { [SESSION_COOKIE]: token },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      user: {
        id: people.clinicianId,
        clinicId: people.clinicId,
        role: 'clinician',
        displayName: 'Dr Test',
      },
      clinicName: 'Test Clinic',
    });

    const anonymous = await app.inject({ method: 'GET', url: '/api/session' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
    expect(anonymous.json()).toMatchObject({
      type: 'https://spinewise.dev/problems/unauthorized',
      instance: '/api/session',
    });

    const forged = await app.inject({
      method: 'GET',
      url: '/api/session',
      cookies: { [SESSION_COOKIE]: 'not-a-session' },
    });
    expect(forged.statusCode).toBe(401);
    // The stale cookie is cleared.
    expect(forged.cookies.find((cookie) => cookie.name === SESSION_COOKIE)?.value).toBe('');
  });

  it('slides the session’s expiry with activity', async () => {
    const { token } = await loggedIn();
    clock = new Date(clock.getTime() + 11 * 60 * MINUTE);
    const active = await app.inject({
      method: 'GET',
      url: '/api/session',
      cookies: { [SESSION_COOKIE]: token },
    });
    expect(active.statusCode).toBe(200);
    clock = new Date(clock.getTime() + 11 * 60 * MINUTE);
    const later = await app.inject({
      method: 'GET',
      url: '/api/session',
      cookies: { [SESSION_COOKIE]: token },
    });
    expect(later.statusCode).toBe(200);
  });
});

describe('CSRF and roles on writes', () => {
  it('refuses a cookie-authenticated write without the CSRF header, and checks the role', async () => {
    const { token, csrfToken } = await loggedIn();
    const cookies = { [SESSION_COOKIE]: token };
    const without = await app.inject({ method: 'POST', url: '/api/test/admin-only', cookies });
    expect(without.statusCode).toBe(403);
    expect(without.json<{ detail: string }>().detail).toContain('x-csrf-token');
    const wrong = await app.inject({
      method: 'POST',
      url: '/api/test/admin-only',
      cookies,
      headers: { 'x-csrf-token': 'guessed' },
    });
    expect(wrong.statusCode).toBe(403);
    const clinician = await app.inject({
      method: 'POST',
      url: '/api/test/admin-only',
      cookies,
      headers: { 'x-csrf-token': csrfToken },
    });
    expect(clinician.statusCode).toBe(403);
    expect(clinician.json<{ detail: string }>().detail).not.toContain('x-csrf-token');
    const anonymous = await app.inject({ method: 'POST', url: '/api/test/admin-only' });
    expect(anonymous.statusCode).toBe(401);
  });
});

describe('POST /api/session/password', () => {
  const change = (who: { token: string; csrfToken: string }, payload: object) =>
    app.inject({
      method: 'POST',
      url: '/api/session/password',
      cookies: { [SESSION_COOKIE]: who.token },
      headers: { 'x-csrf-token': who.csrfToken },
      payload,
    });
  const sessionOf = async (token: string) =>
    (
      await app.inject({
        method: 'GET',
        url: '/api/session',
        cookies: { [SESSION_COOKIE]: token },
      })
    ).statusCode;
  const patientSignIn = async (pin: string) => {
    const response = await logIn({ signInName, password: pin });
    expect(response.statusCode).toBe(200);
    const token = response.cookies.find((cookie) => cookie.name === SESSION_COOKIE)?.value ?? '';
    return { token, csrfToken: response.json<{ csrfToken: string }>().csrfToken };
  };

  it('changes a patient’s PIN: the other sessions end, this one stays, audited without secrets', async () => {
    await client.db.delete(sessions).where(eq(sessions.userId, patientUserId));
    const phone = await patientSignIn(PATIENT_PIN);
    const tablet = await patientSignIn(PATIENT_PIN);

    const response = await change(phone, { current: PATIENT_PIN, next: '583920', kind: 'pin' });
    expect(response.statusCode).toBe(204);
    expect(await sessionOf(phone.token)).toBe(200);
    expect(await sessionOf(tablet.token)).toBe(401);

    expect((await logIn({ signInName, password: PATIENT_PIN })).statusCode).toBe(401);
    expect((await logIn({ signInName, password: '583920' })).statusCode).toBe(200);
    const audit = (await auditRows()).filter((row) => row.resource === 'password');
    expect(audit.at(-1)).toMatchObject({
      userId: patientUserId,
      action: 'update',
      detail: { kind: 'pin', otherSessionsEnded: 1 },
    });
    const everything = JSON.stringify(await auditRows());
    expect(everything).not.toContain('583920');

    // Back to the PIN the other tests use.
    expect(
      (await change(phone, { current: '583920', next: PATIENT_PIN, kind: 'pin' })).statusCode,
    ).toBe(204);
  });

  it('names the field at fault: the current secret, a weak or unchanged new one, a PIN for staff', async () => {
    const clinician = await loggedIn();
    const paths = async (payload: object) => {
      const response = await change(clinician, payload);
      expect(response.statusCode).toBe(400);
      expect(response.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
      return response.json<{ errors: { path: string }[] }>().errors.map((error) => error.path);
    };
    expect(await paths({ current: 'not it', next: 'a brand new passphrase' })).toEqual([
      'body.current',
    ]);
    expect(await paths({ current: CLINICIAN_PASSWORD, next: 'short' })).toEqual(['body.next']);
    expect(await paths({ current: CLINICIAN_PASSWORD, next: CLINICIAN_PASSWORD })).toEqual([
      'body.next',
    ]);
    expect(await paths({ current: CLINICIAN_PASSWORD, next: '583920', kind: 'pin' })).toEqual([
      'body.kind',
    ]);
    expect(await paths({ current: CLINICIAN_PASSWORD, next: 'x', extra: true })).toEqual([
      'body.extra',
    ]);
    expect((await auditRows()).at(-1)).toMatchObject({
      userId: people.clinicianId,
      action: 'loginFailed',
      resource: 'password',
    });
    // Only the wrong current password reached the check (the rest were refused before), and
    // it counted towards the lock-out.
    const [row] = await client.db.select().from(users).where(eq(users.id, people.clinicianId));
    expect(row?.failedLogins).toBe(1);
  });

  it('counts wrong current passwords towards the lock-out', async () => {
    const clinician = await loggedIn();
    await client.db
      .update(users)
      .set({ failedLogins: 0, lockedUntil: null })
      .where(eq(users.id, people.clinicianId));
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      const response = await change(clinician, {
        current: `guess ${attempt}`,
        next: 'a brand new passphrase',
      });
      expect(response.statusCode).toBe(400);
    }
    const locked = await change(clinician, {
      current: CLINICIAN_PASSWORD,
      next: 'a brand new passphrase',
    });
    expect(locked.statusCode).toBe(429);
    expect(locked.headers['retry-after']).toBe(String(15 * 60));
    // Signed-in sessions are not ended by a lock.
    expect(await sessionOf(clinician.token)).toBe(200);
    clock = new Date(clock.getTime() + 15 * MINUTE);
  });

  it('needs a session and the CSRF header', async () => {
    const anonymous = await app.inject({
      method: 'POST',
      url: '/api/session/password',
      payload: { current: CLINICIAN_PASSWORD, next: 'a brand new passphrase' },
    });
    expect(anonymous.statusCode).toBe(401);
    const clinician = await loggedIn();
    const withoutCsrf = await app.inject({
      method: 'POST',
      url: '/api/session/password',
      cookies: { [SESSION_COOKIE]: clinician.token },
      payload: { current: CLINICIAN_PASSWORD, next: 'a brand new passphrase' },
    });
    expect(withoutCsrf.statusCode).toBe(403);
    expect(withoutCsrf.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
  });
});

describe('DELETE /api/session', () => {
  it('needs the CSRF header; then ends the session, clears the cookies and audits it', async () => {
    const { token, csrfToken } = await loggedIn();
    const cookies = { [SESSION_COOKIE]: token };
    const without = await app.inject({ method: 'DELETE', url: '/api/session', cookies });
    expect(without.statusCode).toBe(403);
    expect(without.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);

    const response = await app.inject({
      method: 'DELETE',
      url: '/api/session',
      cookies,
      headers: { 'x-csrf-token': csrfToken },
    });
    expect(response.statusCode).toBe(204);
    expect(response.body).toBe('');
    const cleared = response.cookies.find((cookie) => cookie.name === SESSION_COOKIE);
    expect(cleared?.value).toBe('');
    expect(cleared?.expires?.getTime()).toBeLessThan(Date.now());
    expect((await auditRows()).at(-1)).toMatchObject({
      userId: people.clinicianId,
      action: 'logout',
      resource: 'session',
    });

    const after = await app.inject({ method: 'GET', url: '/api/session', cookies });
    expect(after.statusCode).toBe(401);
    const again = await app.inject({
      method: 'DELETE',
      url: '/api/session',
      cookies,
      headers: { 'x-csrf-token': csrfToken },
    });
    expect(again.statusCode).toBe(401);
  });

  it('lists the session routes in the OpenAPI document', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/docs/json' });
    const document = response.json<{ paths: Record<string, object> }>();
    expect(Object.keys(document.paths['/api/session'] ?? {}).sort()).toEqual([
      'delete',
      'get',
      'post',
    ]);
    expect(document.paths['/api/session/password']).toHaveProperty('post');
  });
});
