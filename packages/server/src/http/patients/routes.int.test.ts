import { and, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../auth/passwords.js';
import { CLINICIAN_PASSWORD, insertPeople, type People } from '../../auth/people.fixture.js';
import { connect, type DatabaseClient } from '../../database/client.js';
import { runMigrations } from '../../database/migrate.js';
import { auditLog, patients, users } from '../../database/schema.js';
import { createTestDatabase, type TestDatabase } from '../../database/test-database.fixture.js';
import { buildApp, type App } from '../app.js';
import { PROBLEM_CONTENT_TYPE } from '../problem.js';
import { CSRF_COOKIE, SESSION_COOKIE } from '../session/plugin.js';
import { registerSessionFeature } from '../session/routes.js';
import { CURRENT_CONSENT_VERSION } from './consent.js';
import { registerPatientFeature } from './routes.js';

let database: TestDatabase;
let client: DatabaseClient;
let people: People;
let other: People;
let app: App;

const clock = new Date('2026-03-02T09:00:00.000Z');
const now = () => clock;
const ADMIN_EMAIL = 'admin@example.org';
const ADMIN_PASSWORD = 'an administrator passphrase';

interface Signed {
  readonly cookies: Record<string, string>;
  readonly csrfToken: string;
}

async function logIn(email: string, password: string): Promise<Signed> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/session',
    payload: { email, password },
  });
  expect(response.statusCode).toBe(200);
  return signedFrom(response);
}

function signedFrom(response: LightMyRequestResponse): Signed {
  const token = response.cookies.find((cookie) => cookie.name === SESSION_COOKIE)?.value ?? '';
  const { csrfToken } = response.json<{ csrfToken: string }>();
  return { cookies: { [SESSION_COOKIE]: token }, csrfToken };
}

function write(who: Signed, url: string, payload?: object) {
  return app.inject({
    method: 'POST',
    url,
    cookies: who.cookies,
    headers: { 'x-csrf-token': who.csrfToken },
    ...(payload === undefined ? {} : { payload }),
  });
}

function read(who: Signed, url: string) {
  return app.inject({ method: 'GET', url, cookies: who.cookies });
}

function errorPaths(response: LightMyRequestResponse): string[] {
  return response.json<{ errors: { path: string }[] }>().errors.map((error) => error.path);
}

async function newPatient(clinician: Signed, displayName: string) {
  const created = await write(clinician, '/api/patients', { displayName });
  expect(created.statusCode).toBe(201);
  return created.json<{ id: string }>();
}

async function invite(clinician: Signed, patientId: string): Promise<string> {
  const invited = await write(clinician, `/api/patients/${patientId}/invitations`);
  expect(invited.statusCode).toBe(201);
  return invited.json<{ code: string }>().code;
}

/** The patient accepted the current consent and privacy note. */
const CONSENT = { accepted: true, version: CURRENT_CONSENT_VERSION } as const;

function redeem(payload: object) {
  return app.inject({
    method: 'POST',
    url: '/api/invitations/redeem',
    payload: { consent: CONSENT, ...payload },
  });
}

beforeAll(async () => {
  database = await createTestDatabase();
  await runMigrations(database.url);
  client = connect(database.url);
  people = await insertPeople(client.db);
  other = await insertPeople(client.db, { clinicianEmail: 'other@example.org' });
  await client.db.insert(users).values({
    clinicId: people.clinicId,
    role: 'admin',
    email: ADMIN_EMAIL,
    displayName: 'Admin',
    passwordHash: await hashPassword(ADMIN_PASSWORD),
  });
  app = buildApp({ health: () => Promise.resolve({ database: 'ok' }) });
  // Every request comes from one address here: a limit that the tests' sign-ins stay under.
  const loginRateLimit = { max: 1000, timeWindow: 60_000 };
  registerSessionFeature(app, { db: client.db, now, loginRateLimit });
  registerPatientFeature(app, { db: client.db, now, redeemRateLimit: loginRateLimit });
  await app.ready();
}, 60_000);

afterAll(async () => {
  await app.close();
  await client.close();
  await database.drop();
}, 60_000);

describe('patients, episodes and invitations', () => {
  it('runs from a new patient to the patient signed in with their own PIN', async () => {
    const clinician = await logIn('clinician@example.org', CLINICIAN_PASSWORD);

    // Create: 201, the caller is responsible, audited.
    const created = await write(clinician, '/api/patients', {
      displayName: ' Sam Spine ',
      dateOfBirth: '1980-05-17',
    });
    expect(created.statusCode).toBe(201);
    const patient = created.json<{ id: string }>();
    expect(patient).toMatchObject({
      displayName: 'Sam Spine',
      dateOfBirth: '1980-05-17',
      clinicianId: people.clinicianId,
      hasLogin: false,
    });
    const createdAudit = await client.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.patientId, patient.id), eq(auditLog.action, 'create')));
    expect(createdAudit).toEqual([
      expect.objectContaining({
        userId: people.clinicianId,
        clinicId: people.clinicId,
        resource: 'patient',
        ip: '127.0.0.1',
        userAgent: 'lightMyRequest',
      }),
    ]);

    // Episode: 201, then the list shows it as the active one.
    const episode = await write(clinician, `/api/patients/${patient.id}/episodes`, {
      region: 'lumbar',
      condition: 'discRadicular',
      startedOn: '2026-03-01',
    });
    expect(episode.statusCode).toBe(201);
    const episodeBody = episode.json<{ id: string }>();
    expect(episodeBody).toMatchObject({ region: 'lumbar', status: 'active', dischargedOn: null });

    const list = await read(clinician, '/api/patients');
    expect(list.statusCode).toBe(200);
    const listed = list.json<{ patients: { id: string; activeEpisode: unknown }[] }>().patients;
    expect(listed.map((item) => item.id).sort()).toEqual([people.patientId, patient.id].sort());
    expect(listed.find((item) => item.id === patient.id)?.activeEpisode).toEqual({
      id: episodeBody.id,
      region: 'lumbar',
      condition: 'discRadicular',
      startedOn: '2026-03-01',
    });

    // Read: the patient with episodes, audited.
    const one = await read(clinician, `/api/patients/${patient.id}`);
    expect(one.statusCode).toBe(200);
    expect(one.json()).toMatchObject({
      id: patient.id,
      episodes: [{ id: episodeBody.id, condition: 'discRadicular' }],
    });
    const reads = await client.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.patientId, patient.id), eq(auditLog.action, 'read')));
    expect(reads.length).toBeGreaterThanOrEqual(2);
    expect(reads.at(-1)).toMatchObject({ userId: people.clinicianId, resource: 'patient' });

    // Invitation: a one-time code and its link, never in the audit log.
    const invited = await write(clinician, `/api/patients/${patient.id}/invitations`);
    expect(invited.statusCode).toBe(201);
    expect(invited.headers['cache-control']).toBe('no-store');
    const { code, link } = invited.json<{ code: string; link: string; expiresAt: string }>();
    expect(link).toBe(`/join?code=${encodeURIComponent(code)}`);
    expect(JSON.stringify(await client.db.select().from(auditLog))).not.toContain(code);

    // A weak PIN names body.secret and does not use the code up.
    const weak = await app.inject({
      method: 'POST',
      url: '/api/invitations/redeem',
      payload: { code, secret: '123456', kind: 'pin', consent: CONSENT },
    });
    expect(weak.statusCode).toBe(400);
    expect(errorPaths(weak)).toEqual(['body.secret']);

    // Redeem: signed in as the patient, with cookies as log-in sets them.
    const redeemed = await app.inject({
      method: 'POST',
      url: '/api/invitations/redeem',
      payload: { code: code.toLowerCase(), secret: '270418', kind: 'pin', consent: CONSENT },
    });
    expect(redeemed.statusCode).toBe(200);
    expect(redeemed.body).not.toContain('270418');
    expect(redeemed.cookies.find((cookie) => cookie.name === SESSION_COOKIE)).toMatchObject({
      httpOnly: true,
      sameSite: 'Strict',
    });
    expect(redeemed.cookies.find((cookie) => cookie.name === CSRF_COOKIE)?.value).toBe(
      redeemed.json<{ csrfToken: string }>().csrfToken,
    );
    const patientUser = signedFrom(redeemed);

    const session = await read(patientUser, '/api/session');
    expect(session.json()).toMatchObject({
      user: { role: 'patient', clinicId: people.clinicId, displayName: 'Sam Spine' },
    });
    expect((await read(patientUser, `/api/patients/${patient.id}`)).statusCode).toBe(200);
    const forbiddenList = await read(patientUser, '/api/patients');
    expect(forbiddenList.statusCode).toBe(403);
    expect(forbiddenList.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
    // Another patient of the same clinic is "not found" to a patient.
    expect((await read(patientUser, `/api/patients/${people.patientId}`)).statusCode).toBe(404);

    // The same code a second time: the generic 400.
    const again = await app.inject({
      method: 'POST',
      url: '/api/invitations/redeem',
      payload: { code, secret: '270418', kind: 'pin', consent: CONSENT },
    });
    expect(again.statusCode).toBe(400);
    expect(again.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
    const unknown = await app.inject({
      method: 'POST',
      url: '/api/invitations/redeem',
      payload: { code: 'AAAA-AAAA', secret: '270418', kind: 'pin', consent: CONSENT },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json<{ detail: string }>().detail).toBe(again.json<{ detail: string }>().detail);

    // A clinician of another clinic: 404 for the patient, on reads and writes.
    const stranger = await logIn('other@example.org', CLINICIAN_PASSWORD);
    const hidden = await read(stranger, `/api/patients/${patient.id}`);
    expect(hidden.statusCode).toBe(404);
    // Exactly what an id that never existed gets: nothing confirms the patient is there.
    const missing = await read(stranger, '/api/patients/00000000-0000-4000-8000-000000000000');
    const { instance: _hiddenAt, ...hiddenProblem } = hidden.json<{ instance: string }>();
    const { instance: _missingAt, ...missingProblem } = missing.json<{ instance: string }>();
    expect(hiddenProblem).toEqual(missingProblem);
    const hiddenWrite = await write(stranger, `/api/patients/${patient.id}/invitations`);
    expect(hiddenWrite.statusCode).toBe(404);
    const theirs = await read(stranger, '/api/patients?all=true');
    expect(theirs.json<{ patients: { id: string }[] }>().patients.map((p) => p.id)).toEqual([
      other.patientId,
    ]);
  });

  it('refuses a write without the CSRF header, and names the failing field of a bad body', async () => {
    const clinician = await logIn('clinician@example.org', CLINICIAN_PASSWORD);
    const without = await app.inject({
      method: 'POST',
      url: '/api/patients',
      cookies: clinician.cookies,
      payload: { displayName: 'No CSRF' },
    });
    expect(without.statusCode).toBe(403);
    expect(without.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);

    const missingName = await write(clinician, '/api/patients', { dateOfBirth: '1980-01-01' });
    expect(missingName.statusCode).toBe(400);
    expect(errorPaths(missingName)).toEqual(['body.displayName']);

    const badCondition = await write(clinician, `/api/patients/${people.patientId}/episodes`, {
      region: 'lumbar',
      condition: 'sciatica',
      startedOn: '2026-03-01',
    });
    expect(badCondition.statusCode).toBe(400);
    expect(errorPaths(badCondition)).toEqual(['body.condition']);

    const badId = await read(clinician, '/api/patients/not-a-uuid');
    expect(badId.statusCode).toBe(400);
    expect(errorPaths(badId)).toEqual(['params.patientId']);
  });

  it('lets an admin add a patient for a clinician of their own clinic only', async () => {
    const admin = await logIn(ADMIN_EMAIL, ADMIN_PASSWORD);
    const created = await write(admin, '/api/patients', {
      displayName: 'Alex Admin-Added',
      clinicianId: people.clinicianId,
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ clinicianId: people.clinicianId });

    const foreign = await write(admin, '/api/patients', {
      displayName: 'Nobody',
      clinicianId: other.clinicianId,
    });
    expect(foreign.statusCode).toBe(400);
    expect(errorPaths(foreign)).toEqual(['body.clinicianId']);

    // Episodes and invitations are a clinician's.
    const episode = await write(admin, `/api/patients/${people.patientId}/episodes`, {
      region: 'cervical',
      condition: 'neckNonspecific',
      startedOn: '2026-03-01',
    });
    expect(episode.statusCode).toBe(403);
  });

  it('redeems only with the consent and privacy note accepted, and records which note', async () => {
    const clinician = await logIn('clinician@example.org', CLINICIAN_PASSWORD);
    const patient = await newPatient(clinician, 'Cora Consent');
    const code = await invite(clinician, patient.id);
    const payload = { code, secret: '270418', kind: 'pin' };

    // Without it, or not accepted, or an unknown note: 400 naming the field; the code still works.
    const missing = await app.inject({ method: 'POST', url: '/api/invitations/redeem', payload });
    expect(missing.statusCode).toBe(400);
    expect(errorPaths(missing)).toContain('body.consent.accepted');
    const declined = await redeem({ ...payload, consent: { ...CONSENT, accepted: false } });
    expect(declined.statusCode).toBe(400);
    expect(errorPaths(declined)).toEqual(['body.consent.accepted']);
    const unknownNote = await redeem({ ...payload, consent: { ...CONSENT, version: '1999-01' } });
    expect(unknownNote.statusCode).toBe(400);
    expect(errorPaths(unknownNote)).toEqual(['body.consent.version']);
    const [before] = await client.db.select().from(patients).where(eq(patients.id, patient.id));
    expect(before?.consentAcceptedAt).toBeNull();

    const redeemed = await redeem(payload);
    expect(redeemed.statusCode).toBe(200);
    const [after] = await client.db.select().from(patients).where(eq(patients.id, patient.id));
    expect(after?.consentVersion).toBe(CURRENT_CONSENT_VERSION);
    expect(after?.consentAcceptedAt?.toISOString()).toBe(clock.toISOString());
  });

  it('lets a patient who gave an email sign in with it later, and refuses a taken one', async () => {
    const clinician = await logIn('clinician@example.org', CLINICIAN_PASSWORD);
    const patient = await newPatient(clinician, 'Eve Email');
    const code = await invite(clinician, patient.id);

    // A colleague's email: 409 naming body.email, and the code still works afterwards.
    const taken = await redeem({ code, secret: '270418', kind: 'pin', email: ADMIN_EMAIL });
    expect(taken.statusCode).toBe(409);
    expect(taken.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
    expect(errorPaths(taken)).toEqual(['body.email']);
    const malformed = await redeem({ code, secret: '270418', kind: 'pin', email: 'not an email' });
    expect(malformed.statusCode).toBe(400);
    expect(errorPaths(malformed)).toEqual(['body.email']);

    const redeemed = await redeem({
      code,
      secret: '270418',
      kind: 'pin',
      email: ' Eve.Email@Example.org ',
    });
    expect(redeemed.statusCode).toBe(200);
    const body = redeemed.json<{ user: { id: string }; signInName: string; email: string }>();
    expect(body.email).toBe('eve.email@example.org');
    expect(body.signInName).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/u);

    // Once the session has ended, the email and PIN sign her in again, anywhere.
    const again = await app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { email: 'EVE.EMAIL@example.org', password: '270418' },
    });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({
      user: { id: body.user.id, role: 'patient', displayName: 'Eve Email' },
      signInName: body.signInName,
    });
    const audit = JSON.stringify(await client.db.select().from(auditLog));
    expect(audit).not.toContain('270418');
    expect(audit).not.toContain(code);
  });

  it('gives a patient without an email a sign-in name for their PIN, with the same lock-out', async () => {
    const clinician = await logIn('clinician@example.org', CLINICIAN_PASSWORD);
    const patient = await newPatient(clinician, 'Nia No-Email');
    const redeemed = await redeem({
      code: await invite(clinician, patient.id),
      secret: '581302',
      kind: 'pin',
    });
    expect(redeemed.statusCode).toBe(200);
    const { user, signInName, email } = redeemed.json<{
      user: { id: string };
      signInName: string;
      email: string | null;
    }>();
    expect(email).toBeNull();

    const signIn = (password: string) =>
      app.inject({ method: 'POST', url: '/api/session', payload: { signInName, password } });
    const signedIn = await signIn('581302');
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.json()).toMatchObject({ user: { id: user.id, role: 'patient' } });
    const own = await read(signedFrom(signedIn), `/api/patients/${patient.id}`);
    expect(own.statusCode).toBe(200);

    // Wrong PINs: the generic 401, then the lock after the policy's five.
    const unknown = await app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { email: 'nobody@example.org', password: '581302' },
    });
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      const wrong = await signIn(`58130${attempt + 3}`);
      expect(wrong.statusCode).toBe(401);
      expect(wrong.json<{ detail: string }>().detail).toBe(
        unknown.json<{ detail: string }>().detail,
      );
    }
    const locked = await signIn('581302');
    expect(locked.statusCode).toBe(429);
    expect(locked.headers['retry-after']).toBe(String(15 * 60));
  });

  it('resets a forgotten PIN with a new invitation: the same user, a new secret, old sessions ended', async () => {
    const clinician = await logIn('clinician@example.org', CLINICIAN_PASSWORD);
    const patient = await newPatient(clinician, 'Fay Forgetful');
    const first = await redeem({
      code: await invite(clinician, patient.id),
      secret: '730261',
      kind: 'pin',
    });
    expect(first.statusCode).toBe(200);
    const before = first.json<{ user: { id: string }; signInName: string }>();
    const oldDevice = signedFrom(first);

    // She forgets the PIN (and locks herself out trying); the clinician invites her again.
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      await app.inject({
        method: 'POST',
        url: '/api/session',
        payload: { signInName: before.signInName, password: `11223${attempt}` },
      });
    }
    const reset = await redeem({
      code: await invite(clinician, patient.id),
      secret: 'a new patient passphrase',
      kind: 'password',
    });
    expect(reset.statusCode).toBe(200);
    const after = reset.json<{ user: { id: string }; signInName: string }>();
    expect(after.user.id).toBe(before.user.id);
    expect(after.signInName).toBe(before.signInName);
    expect((await read(oldDevice, '/api/session')).statusCode).toBe(401);

    const patientUsers = await client.db
      .select()
      .from(users)
      .where(and(eq(users.role, 'patient'), eq(users.displayName, 'Fay Forgetful')));
    expect(patientUsers).toHaveLength(1);
    const signIn = (password: string) =>
      app.inject({
        method: 'POST',
        url: '/api/session',
        payload: { signInName: before.signInName, password },
      });
    expect((await signIn('730261')).statusCode).toBe(401);
    expect((await signIn('a new patient passphrase')).statusCode).toBe(200);
    expect((await read(clinician, `/api/patients/${patient.id}`)).json()).toMatchObject({
      hasLogin: true,
    });
  });

  it('lists the routes in the OpenAPI document', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/docs/json' });
    const document = response.json<{ paths: Record<string, object> }>();
    expect(Object.keys(document.paths['/api/patients'] ?? {}).sort()).toEqual(['get', 'post']);
    expect(document.paths['/api/patients/{patientId}/episodes']).toHaveProperty('post');
    expect(document.paths['/api/invitations/redeem']).toHaveProperty('post');
  });
});
