import { getInstrument, instrumentIds, type InstrumentId } from '@spinewise/clinical';
import { and, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertPeople, type People } from '../../auth/people.fixture.js';
import { createSession } from '../../auth/sessions.js';
import { connect, type DatabaseClient } from '../../database/client.js';
import { runMigrations } from '../../database/migrate.js';
import { auditLog, instrumentImports, users } from '../../database/schema.js';
import { createTestDatabase, type TestDatabase } from '../../database/test-database.fixture.js';
import { buildApp, type App } from '../app.js';
import { PROBLEM_CONTENT_TYPE } from '../problem.js';
import { SESSION_COOKIE } from '../session/plugin.js';
import { registerSessionFeature } from '../session/routes.js';
import { registerAssessmentFeature } from './routes.js';

let database: TestDatabase;
let client: DatabaseClient;
let app: App;
let home: People;
let other: People;

const clock = new Date('2026-03-02T09:00:00.000Z');
const now = () => clock;

interface Login {
  readonly cookies: Record<string, string>;
  readonly csrf: Record<string, string>;
}

let clinician: Login;
let admin: Login;
let otherAdmin: Login;
let patient: Login;
let adminId: string;

async function loginAs(userId: string): Promise<Login> {
  const session = await createSession(client.db, { userId, now: clock });
  return {
    cookies: { [SESSION_COOKIE]: session.token },
    csrf: { 'x-csrf-token': session.csrfToken },
  };
}

async function insertUser(clinicId: string, role: 'admin' | 'patient', email?: string) {
  const [user] = await client.db
    .insert(users)
    .values({ clinicId, role, displayName: role, ...(email === undefined ? {} : { email }) })
    .returning();
  if (user === undefined) throw new Error('no user inserted');
  return user.id;
}

/** A Questionnaire as a licence holder would give it: linkIds `<instrument>-<number>`. */
function licensedQuestionnaire(id: InstrumentId) {
  const definition = getInstrument(id);
  return {
    resourceType: 'Questionnaire',
    status: 'active',
    title: `Licensed ${definition.shortTitle}`,
    publisher: 'The licence holder',
    copyright: '© The licence holder, used under licence',
    item: definition.items.map((item) => ({
      linkId: `${id}-${item.number}`,
      type: 'choice',
      text: `Licensed wording of item ${item.number}`,
      answerOption: item.options.map((option) => ({
        valueCoding: { code: String(option.value), display: `Licensed answer ${option.value}` },
      })),
    })),
  };
}

function put(who: Login, instrument: string, payload: object) {
  return app.inject({
    method: 'PUT',
    url: `/api/instruments/${instrument}/questionnaire`,
    cookies: who.cookies,
    headers: who.csrf,
    payload,
  });
}

function list(who: Login) {
  return app.inject({ method: 'GET', url: '/api/instruments', cookies: who.cookies });
}

interface Instrument {
  id: string;
  itemCount: number;
  items: { label: string; text?: string }[];
  bands: { bands: unknown[] } | null;
  mcid: { description: string }[];
  loinc: { panel?: string } | null;
  copyright: string;
  licenceNote: string;
  wording: string;
  licensed: {
    importedBy: string;
    questionnaire: { title: string | null };
    items: { number: number; text: string; options: { value: number; label: string }[] }[];
  } | null;
}

function paths(response: LightMyRequestResponse): string[] {
  expect(response.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
  return response.json<{ errors: { path: string }[] }>().errors.map((error) => error.path);
}

beforeAll(async () => {
  database = await createTestDatabase();
  await runMigrations(database.url);
  client = connect(database.url);
  home = await insertPeople(client.db);
  other = await insertPeople(client.db, { clinicianEmail: 'other@example.org' });
  adminId = await insertUser(home.clinicId, 'admin', 'admin@example.org');
  clinician = await loginAs(home.clinicianId);
  admin = await loginAs(adminId);
  otherAdmin = await loginAs(await insertUser(other.clinicId, 'admin', 'admin@other.example.org'));
  patient = await loginAs(await insertUser(home.clinicId, 'patient'));

  app = buildApp({ health: () => Promise.resolve({ database: 'ok' }) });
  registerSessionFeature(app, { db: client.db, now });
  registerAssessmentFeature(app, { db: client.db, now });
  await app.ready();
}, 60_000);

afterAll(async () => {
  await app.close();
  await client.close();
  await database.drop();
}, 60_000);

describe('GET /api/instruments', () => {
  it('lists the ten instruments with their metadata, and no licensed wording yet', async () => {
    const response = await list(clinician);
    expect(response.statusCode).toBe(200);
    const { instruments } = response.json<{ instruments: Instrument[] }>();
    expect(instruments.map((instrument) => instrument.id)).toEqual([...instrumentIds]);
    const odi = instruments.find((instrument) => instrument.id === 'odi');
    expect(odi).toMatchObject({
      itemCount: 10,
      wording: 'paraphrase',
      licensed: null,
      loinc: { panel: '97908-8' },
    });
    expect(odi?.bands?.bands).toHaveLength(5);
    expect(odi?.mcid[0]?.description).toContain('10 percentage points');
    expect(odi?.copyright).not.toBe('');
    expect(odi?.items[0]?.text).toBeUndefined();

    expect((await list(admin)).statusCode).toBe(200);
    expect((await list(patient)).statusCode).toBe(403);
    expect((await app.inject({ method: 'GET', url: '/api/instruments' })).statusCode).toBe(401);
  });
});

describe('PUT /api/instruments/:instrument/questionnaire', () => {
  it('imports licensed wording for the clinic, shown on the list, replaced on re-import', async () => {
    const response = await put(admin, 'odi', licensedQuestionnaire('odi'));
    expect(response.statusCode).toBe(200);
    const imported = response.json<Instrument & { mapping: { linkId: string }[] }>();
    expect(imported.wording).toBe('licensed-import');
    expect(imported.copyright).toBe('© The licence holder, used under licence');
    expect(imported.mapping).toHaveLength(10);
    expect(imported.licensed?.items[2]).toMatchObject({
      number: 3,
      text: 'Licensed wording of item 3',
    });
    expect(imported.licensed?.items[2]?.options[5]).toEqual({
      value: 5,
      label: 'Licensed answer 5',
    });
    expect(imported.licensed?.importedBy).toBe(adminId);

    const listed = (await list(clinician))
      .json<{ instruments: Instrument[] }>()
      .instruments.find((instrument) => instrument.id === 'odi');
    expect(listed?.licensed?.items[0]?.text).toBe('Licensed wording of item 1');
    // Another clinic holds no licence: it still sees our labels only.
    const elsewhere = (await list(otherAdmin))
      .json<{ instruments: Instrument[] }>()
      .instruments.find((instrument) => instrument.id === 'odi');
    expect(elsewhere).toMatchObject({ wording: 'paraphrase', licensed: null });

    const again = await put(admin, 'odi', { ...licensedQuestionnaire('odi'), title: 'Version 2' });
    expect(again.statusCode).toBe(200);
    const rows = await client.db
      .select()
      .from(instrumentImports)
      .where(eq(instrumentImports.clinicId, home.clinicId));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.imported.questionnaire.title).toBe('Version 2');

    const audits = await client.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.resource, 'instrumentImport'), eq(auditLog.userId, adminId)));
    expect(audits).toHaveLength(2);
    expect(audits[0]).toMatchObject({ action: 'update', patientId: null });
  });

  it('answers 400 naming the Questionnaire’s field, and for another instrument', async () => {
    const questionnaire = licensedQuestionnaire('nprs');
    const noText = {
      ...questionnaire,
      item: questionnaire.item.map(({ text: _text, ...item }) => item),
    };
    const missing = await put(admin, 'nprs', noText);
    expect(missing.statusCode).toBe(400);
    expect(paths(missing)).toEqual(['body.item[0].text']);

    const notAQuestionnaire = await put(admin, 'nprs', { resourceType: 'Patient' });
    expect(paths(notAQuestionnaire)).toEqual(['body.resourceType']);

    const wrong = await put(admin, 'ndi', licensedQuestionnaire('odi'));
    expect(wrong.statusCode).toBe(400);
    expect(paths(wrong)).toEqual(['body.item']);

    const unknown = await put(admin, 'not-an-instrument', questionnaire);
    expect(paths(unknown)).toEqual(['params.instrument']);

    const nul = await put(admin, 'nprs', { ...questionnaire, title: 'Pain\u0000' });
    expect(nul.statusCode).toBe(400);
    expect(paths(nul)).toEqual(['body.title']);
  });

  it('is for administrators only', async () => {
    expect((await put(clinician, 'nprs', licensedQuestionnaire('nprs'))).statusCode).toBe(403);
    expect((await put(patient, 'nprs', licensedQuestionnaire('nprs'))).statusCode).toBe(403);
  });
});
