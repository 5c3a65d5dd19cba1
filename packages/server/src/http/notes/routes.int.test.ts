import { notOfferedNote } from '@spinewise/clinical';
import { and, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertPeople, type People } from '../../auth/people.fixture.js';
import { createSession } from '../../auth/sessions.js';
import { connect, type DatabaseClient } from '../../database/client.js';
import { runMigrations } from '../../database/migrate.js';
import { auditLog, episodes, passiveTreatments, patients, users } from '../../database/schema.js';
import { createTestDatabase, type TestDatabase } from '../../database/test-database.fixture.js';
import { buildApp, type App } from '../app.js';
import { PROBLEM_CONTENT_TYPE } from '../problem.js';
import { SESSION_COOKIE } from '../session/plugin.js';
import { registerSessionFeature } from '../session/routes.js';
import { registerNoteFeature } from './routes.js';

let database: TestDatabase;
let client: DatabaseClient;
let app: App;
let home: People;
let other: People;

const TODAY = '2026-03-02';
const clock = new Date(`${TODAY}T09:00:00.000Z`);
const now = () => clock;

interface Login {
  readonly cookies: Record<string, string>;
  readonly csrf: Record<string, string>;
}

let clinician: Login;
let colleague: Login;
let admin: Login;
let patient: Login;
let otherClinician: Login;

let lumbarEpisode: string;
let cervicalEpisode: string;
let dischargedEpisode: string;
let otherPatientEpisode: string;

async function loginAs(userId: string): Promise<Login> {
  const session = await createSession(client.db, { userId, now: clock });
  return {
    cookies: { [SESSION_COOKIE]: session.token },
    csrf: { 'x-csrf-token': session.csrfToken },
  };
}

async function insertUser(
  clinicId: string,
  role: 'clinician' | 'admin' | 'patient',
  email: string | null,
): Promise<string> {
  const [user] = await client.db
    .insert(users)
    .values({ clinicId, role, email, displayName: `${role} ${email ?? ''}` })
    .returning();
  if (user === undefined) throw new Error('no user inserted');
  return user.id;
}

async function insertEpisode(
  patientId: string,
  values: Partial<typeof episodes.$inferInsert> = {},
): Promise<string> {
  const [episode] = await client.db
    .insert(episodes)
    .values({
      patientId,
      region: 'lumbar',
      condition: 'nonspecificLowBackPain',
      startedOn: '2026-02-01',
      ...values,
    })
    .returning();
  if (episode === undefined) throw new Error('no episode inserted');
  return episode.id;
}

function send(who: Login, method: 'POST' | 'PATCH', url: string, payload: object) {
  return app.inject({ method, url, cookies: who.cookies, headers: who.csrf, payload });
}

function read(who: Login, url: string) {
  return app.inject({ method: 'GET', url, cookies: who.cookies });
}

function errorPaths(response: LightMyRequestResponse): string[] {
  return response.json<{ errors?: { path: string }[] }>().errors?.map((e) => e.path) ?? [];
}

function note(extra: object = {}) {
  return {
    episodeId: lumbarEpisode,
    visitOn: '2026-02-20',
    subjective: 'Back pain eased since last week; sitting tolerance 40 minutes.',
    objective: 'Flexion to mid-shin, no neurological signs.',
    assessment: 'Improving; movement control.',
    plan: 'Progress bird dog; review in two weeks.',
    ...extra,
  };
}

interface NoteBody {
  id: string;
  patientId: string;
  authorId: string;
  visitOn: string;
  plan: string;
  passiveTreatments: {
    modality: string;
    notOfferedId: string | null;
    notOfferedName: string | null;
    guidelineNote: string | null;
    clinicianReason: string | null;
  }[];
}

beforeAll(async () => {
  database = await createTestDatabase();
  await runMigrations(database.url);
  client = connect(database.url);
  home = await insertPeople(client.db);
  other = await insertPeople(client.db, { clinicianEmail: 'other@example.org' });

  const colleagueId = await insertUser(home.clinicId, 'clinician', 'colleague@example.org');
  const adminId = await insertUser(home.clinicId, 'admin', 'admin@example.org');
  const patientUserId = await insertUser(home.clinicId, 'patient', null);
  await client.db
    .update(patients)
    .set({ userId: patientUserId })
    .where(eq(patients.id, home.patientId));

  lumbarEpisode = await insertEpisode(home.patientId);
  cervicalEpisode = await insertEpisode(home.patientId, {
    region: 'cervical',
    condition: 'nonspecificNeckPain',
    startedOn: '2026-01-10',
  });
  dischargedEpisode = await insertEpisode(home.patientId, {
    startedOn: '2025-06-01',
    status: 'discharged',
    dischargedOn: '2025-09-01',
  });
  const [second] = await client.db
    .insert(patients)
    .values({ clinicId: home.clinicId, clinicianId: home.clinicianId, displayName: 'Jo Second' })
    .returning();
  if (second === undefined) throw new Error('no patient inserted');
  otherPatientEpisode = await insertEpisode(second.id);

  clinician = await loginAs(home.clinicianId);
  colleague = await loginAs(colleagueId);
  admin = await loginAs(adminId);
  patient = await loginAs(patientUserId);
  otherClinician = await loginAs(other.clinicianId);

  app = buildApp({ health: () => Promise.resolve({ database: 'ok' }) });
  registerSessionFeature(app, { db: client.db, now });
  registerNoteFeature(app, { db: client.db, now });
  await app.ready();
}, 60_000);

afterAll(async () => {
  await app.close();
  await client.close();
  await database.drop();
}, 60_000);

describe('GET /api/passive-treatments', () => {
  it('lists the NICE not-offered modalities with the guideline note, for staff only', async () => {
    const lumbar = await read(clinician, '/api/passive-treatments?region=lumbar');
    expect(lumbar.statusCode).toBe(200);
    const body = lumbar.json<{
      modalities: { id: string; notOffered: boolean; guidelineNote: string | null }[];
    }>();
    expect(body.modalities).toContainEqual(
      expect.objectContaining({ id: 'tens', notOffered: true, guidelineNote: notOfferedNote }),
    );
    const cervical = await read(admin, '/api/passive-treatments?region=cervical');
    expect(
      cervical
        .json<{ modalities: { notOffered: boolean }[] }>()
        .modalities.every((m) => !m.notOffered),
    ).toBe(true);

    expect((await read(patient, '/api/passive-treatments')).statusCode).toBe(403);
    expect((await app.inject({ method: 'GET', url: '/api/passive-treatments' })).statusCode).toBe(
      401,
    );
    const bad = await read(clinician, '/api/passive-treatments?region=thoracic');
    expect(bad.statusCode).toBe(400);
    expect(errorPaths(bad)).toEqual(['query.region']);
  });
});

describe('POST /api/patients/:patientId/notes', () => {
  const url = () => `/api/patients/${home.patientId}/notes`;

  it('refuses a NICE not-offered modality without the reason, naming the field', async () => {
    const response = await send(
      clinician,
      'POST',
      url(),
      note({
        passiveTreatments: [
          { modality: 'Soft-tissue massage' },
          { modality: 'Lumbar traction', details: '15 minutes' },
        ],
      }),
    );
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
    expect(errorPaths(response)).toEqual(['body.passiveTreatments[1].clinicianReason']);
    expect(response.json<{ detail: string }>().detail).toContain(notOfferedNote);
    expect(response.body).toContain('Traction');
    const stored = await client.db.select().from(passiveTreatments);
    expect(stored).toEqual([]);
  });

  it('stores it with the reason and the guideline note, and audits the write', async () => {
    const response = await send(
      clinician,
      'POST',
      url(),
      note({
        passiveTreatments: [
          { modality: 'Soft-tissue massage', details: 'Paraspinals, with exercise' },
          {
            modality: 'Electrotherapy',
            notOfferedId: 'tens',
            clinicianReason: 'Patient asked for it after discussing the evidence.',
          },
        ],
      }),
    );
    expect(response.statusCode).toBe(201);
    const body = response.json<NoteBody>();
    expect(body).toMatchObject({
      patientId: home.patientId,
      authorId: home.clinicianId,
      visitOn: '2026-02-20',
    });
    expect(body.passiveTreatments).toEqual([
      expect.objectContaining({
        modality: 'Soft-tissue massage',
        notOfferedId: null,
        guidelineNote: null,
      }),
      expect.objectContaining({
        modality: 'Electrotherapy',
        notOfferedId: 'tens',
        notOfferedName: 'TENS',
        guidelineNote: notOfferedNote,
        clinicianReason: 'Patient asked for it after discussing the evidence.',
      }),
    ]);
    const [row] = await client.db
      .select()
      .from(passiveTreatments)
      .where(eq(passiveTreatments.notOfferedId, 'tens'));
    expect(row).toMatchObject({ guidelineNote: notOfferedNote });

    const audit = await client.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.resource, 'clinicalNote'), eq(auditLog.resourceId, body.id)));
    expect(audit).toEqual([
      expect.objectContaining({
        action: 'create',
        userId: home.clinicianId,
        patientId: home.patientId,
        detail: expect.objectContaining({ notOfferedIds: ['tens'] }) as unknown,
      }),
    ]);
  });

  it('does not ask for a reason in a neck episode, which NG59 does not cover', async () => {
    const response = await send(
      clinician,
      'POST',
      url(),
      note({
        episodeId: cervicalEpisode,
        passiveTreatments: [{ modality: 'Cervical traction' }],
      }),
    );
    expect(response.statusCode).toBe(201);
    expect(response.json<NoteBody>().passiveTreatments[0]).toMatchObject({
      notOfferedId: null,
      guidelineNote: null,
    });
  });

  it('accepts a discharged episode within its dates', async () => {
    const inside = await send(
      clinician,
      'POST',
      url(),
      note({ episodeId: dischargedEpisode, visitOn: '2025-08-01' }),
    );
    expect(inside.statusCode).toBe(201);
    const after = await send(
      clinician,
      'POST',
      url(),
      note({ episodeId: dischargedEpisode, visitOn: '2025-10-01' }),
    );
    expect(after.statusCode).toBe(400);
    expect(errorPaths(after)).toEqual(['body.visitOn']);
  });

  it("refuses another patient's episode, a future visit and one before the episode", async () => {
    const otherEpisode = await send(
      clinician,
      'POST',
      url(),
      note({ episodeId: otherPatientEpisode }),
    );
    expect(otherEpisode.statusCode).toBe(400);
    expect(errorPaths(otherEpisode)).toEqual(['body.episodeId']);

    const future = await send(clinician, 'POST', url(), note({ visitOn: '2026-03-03' }));
    expect(errorPaths(future)).toEqual(['body.visitOn']);
    const before = await send(clinician, 'POST', url(), note({ visitOn: '2026-01-31' }));
    expect(before.statusCode).toBe(400);
    expect(errorPaths(before)).toEqual(['body.visitOn']);
    const today = await send(clinician, 'POST', url(), note({ visitOn: TODAY }));
    expect(today.statusCode).toBe(201);
  });

  it('refuses bad bodies as problems naming the field, never a 5xx', async () => {
    const empty = await send(
      clinician,
      'POST',
      url(),
      note({ subjective: ' ', objective: '', assessment: '', plan: '' }),
    );
    expect(empty.statusCode).toBe(400);
    expect(errorPaths(empty)).toContain('body.plan');

    const cases: [object, string][] = [
      [note({ plan: 'x'.repeat(10_001) }), 'body.plan'],
      [note({ plan: 'nul \u0000 here' }), 'body.plan'],
      [note({ visitOn: '2026-02-30' }), 'body.visitOn'],
      [note({ episodeId: 'not-a-uuid' }), 'body.episodeId'],
      [note({ passiveTreatments: [{ modality: '' }] }), 'body.passiveTreatments[0].modality'],
      [
        note({ passiveTreatments: [{ modality: 'TENS', notOfferedId: 'magic' }] }),
        'body.passiveTreatments[0].notOfferedId',
      ],
      [
        note({ passiveTreatments: [{ modality: 'TENS and traction', clinicianReason: 'why' }] }),
        'body.passiveTreatments[0].modality',
      ],
      [note({ mood: 'good' }), 'body.mood'],
    ];
    for (const [payload, path] of cases) {
      const response = await send(clinician, 'POST', url(), payload);
      expect(response.statusCode).toBe(400);
      expect(errorPaths(response)).toContain(path);
    }
  });

  it('answers 403 to a patient and an administrator, 404 to another clinic', async () => {
    expect((await send(patient, 'POST', url(), note())).statusCode).toBe(403);
    expect((await send(admin, 'POST', url(), note())).statusCode).toBe(403);
    const foreign = await send(otherClinician, 'POST', url(), note());
    expect(foreign.statusCode).toBe(404);
    const noCsrf = await app.inject({
      method: 'POST',
      url: url(),
      cookies: clinician.cookies,
      payload: note(),
    });
    expect(noCsrf.statusCode).toBe(403);
  });
});

describe('reading and amending notes', () => {
  let noteId: string;

  beforeAll(async () => {
    const response = await send(
      clinician,
      'POST',
      `/api/patients/${home.patientId}/notes`,
      note({ visitOn: '2026-02-25', plan: 'Original plan' }),
    );
    noteId = response.json<NoteBody>().id;
  });

  it('lists the newest visit first, filters by episode, and audits the read', async () => {
    const response = await read(admin, `/api/patients/${home.patientId}/notes`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    const visits = response.json<{ notes: NoteBody[] }>().notes.map((n) => n.visitOn);
    expect(visits.length).toBeGreaterThan(2);
    expect(visits).toEqual([...visits].sort().reverse());

    const cervical = await read(
      clinician,
      `/api/patients/${home.patientId}/notes?episodeId=${cervicalEpisode}`,
    );
    expect(cervical.json<{ notes: NoteBody[] }>().notes).toHaveLength(1);

    const audit = await client.db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.resource, 'clinicalNote'),
          eq(auditLog.action, 'read'),
          eq(auditLog.userId, home.clinicianId),
        ),
      );
    expect(audit).toEqual([
      expect.objectContaining({
        patientId: home.patientId,
        detail: expect.objectContaining({ episodeId: cervicalEpisode }) as unknown,
      }),
    ]);
  });

  it('shows one note to staff of the clinic only; never to a patient', async () => {
    const one = await read(colleague, `/api/notes/${noteId}`);
    expect(one.statusCode).toBe(200);
    expect(one.json<NoteBody>().plan).toBe('Original plan');
    expect((await read(patient, `/api/notes/${noteId}`)).statusCode).toBe(403);
    expect((await read(patient, `/api/patients/${home.patientId}/notes`)).statusCode).toBe(403);
    expect((await read(otherClinician, `/api/notes/${noteId}`)).statusCode).toBe(404);
    expect((await read(otherClinician, `/api/patients/${home.patientId}/notes`)).statusCode).toBe(
      404,
    );
    expect((await read(clinician, '/api/notes/not-a-uuid')).statusCode).toBe(400);
  });

  it('lets only the author amend, and audits which parts changed without the text', async () => {
    const byColleague = await send(colleague, 'PATCH', `/api/notes/${noteId}`, { plan: 'Mine' });
    expect(byColleague.statusCode).toBe(403);
    expect((await send(admin, 'PATCH', `/api/notes/${noteId}`, { plan: 'x' })).statusCode).toBe(
      403,
    );
    expect(
      (await send(otherClinician, 'PATCH', `/api/notes/${noteId}`, { plan: 'x' })).statusCode,
    ).toBe(404);
    expect((await send(clinician, 'PATCH', `/api/notes/${noteId}`, {})).statusCode).toBe(400);

    const amended = await send(clinician, 'PATCH', `/api/notes/${noteId}`, {
      plan: 'Amended plan: add walking 20 minutes daily',
      subjective: note().subjective,
    });
    expect(amended.statusCode).toBe(200);
    expect(amended.json<NoteBody>().plan).toBe('Amended plan: add walking 20 minutes daily');

    const [audit] = await client.db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.resource, 'clinicalNote'),
          eq(auditLog.action, 'update'),
          eq(auditLog.resourceId, noteId),
        ),
      );
    expect(audit?.detail).toEqual({ changed: ['plan'] });
    expect(JSON.stringify(audit)).not.toContain('walking');

    const cleared = await send(clinician, 'PATCH', `/api/notes/${noteId}`, {
      subjective: '',
      objective: '',
      assessment: '',
      plan: ' ',
    });
    expect(cleared.statusCode).toBe(400);
  });
});
