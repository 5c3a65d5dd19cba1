import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type DatabaseClient } from '../database/client.js';
import { runMigrations } from '../database/migrate.js';
import { createTestDatabase, type TestDatabase } from '../database/test-database.fixture.js';
import { buildDemoClinic } from './demo-clinic.js';
import { DEMO_PASSWORDS, seedDemoClinic } from './seed.js';

const today = '2026-11-22';
// A trivial stand-in for argon2: the seed must store what the injected hasher returns.
const fakeHash = (plain: string) => Promise.resolve(`fake$${plain}`);

let database: TestDatabase;
let client: DatabaseClient;

beforeAll(async () => {
  database = await createTestDatabase();
  await runMigrations(database.url);
  client = connect(database.url);
}, 60_000);

afterAll(async () => {
  await client.close();
  await database.drop();
}, 60_000);

const tables = [
  'clinics',
  'users',
  'patients',
  'episodes',
  'assessments',
  'programmes',
  'programme_versions',
  'session_logs',
  'progression_decisions',
  'alerts',
] as const;

async function counts(): Promise<Record<string, number>> {
  const result: Record<string, number> = {};
  for (const table of tables) {
    const { rows } = await client.pool.query<{ n: number }>(
      `select count(*)::int as n from ${table}`,
    );
    result[table] = (rows[0] as { n: number }).n;
  }
  return result;
}

describe('seedDemoClinic', () => {
  const demo = buildDemoClinic({ today });

  it('writes the demo clinic and returns the demo log-ins', async () => {
    const result = await seedDemoClinic(client.db, { today, hashPassword: fakeHash });
    expect(result.created).toBe(true);
    if (!result.created) return;
    expect(result.logins).toEqual([
      { role: 'admin', email: 'admin@demo.spinewise.dev', password: DEMO_PASSWORDS.admin },
      {
        role: 'clinician',
        email: 'clinician@demo.spinewise.dev',
        password: DEMO_PASSWORDS.clinician,
      },
      { role: 'patient', email: 'patient@demo.spinewise.dev', password: DEMO_PASSWORDS.patient },
    ]);

    const logs = demo.patients.reduce((sum, patient) => sum + patient.logs.length, 0);
    const decisions = demo.patients.reduce(
      (sum, patient) =>
        sum + new Set(patient.progression?.decisions.map((d) => d.exerciseId) ?? []).size,
      0,
    );
    const alerts = demo.patients.reduce((sum, patient) => sum + patient.alerts.length, 0);
    expect(await counts()).toEqual({
      clinics: 1,
      users: 3, // the admin, the clinician and the demo patient's own log-in
      patients: 5,
      episodes: 5,
      assessments: 5,
      programmes: 5,
      programme_versions: 5,
      session_logs: logs,
      progression_decisions: decisions,
      alerts,
    });

    const { rows: hashes } = await client.pool.query<{ hash: string }>(
      "select password_hash as hash from users where role = 'clinician'",
    );
    expect(hashes).toEqual([{ hash: `fake$${DEMO_PASSWORDS.clinician}` }]);

    const { rows: versions } = await client.pool.query<{ status: string; approved: boolean }>(
      `select v.status, v.approved_by = u.id as approved
         from programme_versions v join users u on u.role = 'clinician'`,
    );
    expect(versions).toHaveLength(5);
    for (const version of versions) expect(version).toEqual({ status: 'active', approved: true });
  }, 30_000);

  it('does nothing the second time', async () => {
    const before = await counts();
    const result = await seedDemoClinic(client.db, {
      today: '2026-12-01',
      hashPassword: fakeHash,
    });
    expect(result).toEqual({ created: false });
    expect(await counts()).toEqual(before);
  }, 30_000);

  it('shows the red-flag alert first when alerts are ordered by severity', async () => {
    const { rows } = await client.pool.query<{
      patient: string;
      type: string;
      severity: string;
      state: string;
    }>(
      `select p.display_name as patient, a.type, a.severity, a.state
         from patients p join alerts a on a.patient_id = p.id
        where a.state = 'open'
        order by a.severity, a.created_at desc`,
    );
    expect(rows.length).toBeGreaterThan(1);
    expect(rows[0]).toMatchObject({
      patient: 'Carlos Mendes',
      type: 'redFlagSymptom',
      severity: 'urgent',
      state: 'open',
    });
  });

  it('links every alert to the session logs that raised it', async () => {
    const { rows } = await client.pool.query<{ missing: number }>(
      `select count(*)::int as missing
         from alerts a, jsonb_array_elements_text(a.source -> 'sessionLogIds') as log_id
        where not exists (select 1 from session_logs s where s.id = log_id::uuid
                                                        and s.patient_id = a.patient_id)`,
    );
    expect(rows[0]).toEqual({ missing: 0 });
  });
});
