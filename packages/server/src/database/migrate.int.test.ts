import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationsFolder, runMigrations } from './migrate.js';
import { createTestDatabase, type TestDatabase } from './test-database.fixture.js';

let database: TestDatabase;
let client: pg.Client;

beforeAll(async () => {
  database = await createTestDatabase();
  await runMigrations(database.url);
  client = new pg.Client({ connectionString: database.url });
  await client.connect();
}, 60_000);

afterAll(async () => {
  await client.end();
  await database.drop();
}, 60_000);

async function error(sql: string, values: unknown[] = []): Promise<string> {
  try {
    await client.query(sql, values);
  } catch (failure) {
    return (failure as Error).message;
  }
  return 'no error';
}

describe('migrations', () => {
  it('create every table from an empty database', async () => {
    const { rows } = await client.query<{ name: string }>(
      "select table_name as name from information_schema.tables where table_schema = 'public' order by 1",
    );
    expect(rows.map((row) => row.name)).toEqual([
      'alerts',
      'assessments',
      'audit_log',
      'check_ins',
      'clinical_notes',
      'clinics',
      'episodes',
      'instrument_imports',
      'invitations',
      'lesson_progress',
      'passive_treatments',
      'patients',
      'programme_versions',
      'programmes',
      'progression_decisions',
      'push_subscriptions',
      'questionnaire_requests',
      'reminder_deliveries',
      'rom_measurements',
      'server_settings',
      'session_logs',
      'sessions',
      'users',
    ]);
  });

  it('are repeatable: a second run changes nothing', async () => {
    const count = async () =>
      (await client.query('select count(*)::int as n from drizzle.__drizzle_migrations'))
        .rows[0] as { n: number };
    const before = await count();
    await runMigrations(database.url);
    expect(await count()).toEqual(before);
    expect(before.n).toBe(committedMigrations());
  }, 30_000);

  it('keep timestamps in UTC-aware columns', async () => {
    const { rows } = await client.query<{ data_type: string }>(
      "select distinct data_type from information_schema.columns where table_schema = 'public' and column_name like '%\\_at' escape '\\'",
    );
    expect(rows.map((row) => row.data_type)).toEqual(['timestamp with time zone']);
  });

  it('make the audit log append-only', async () => {
    await client.query("insert into audit_log (action, resource) values ('read', 'patient')");
    expect(await error("update audit_log set action = 'edited'")).toMatch(
      /append-only|not allowed|audit/i,
    );
    expect(await error('delete from audit_log')).toMatch(/append-only|not allowed|audit/i);
    expect((await client.query('select count(*)::int as n from audit_log')).rows[0]).toEqual({
      n: 1,
    });
  });

  it('store a session log once per idempotency key, and need a reason for a not-offered treatment', async () => {
    const constraints = (
      await client.query<{ name: string }>(
        "select conname as name from pg_constraint where conrelid in ('session_logs'::regclass, 'passive_treatments'::regclass)",
      )
    ).rows.map((row) => row.name);
    expect(constraints).toContain('passive_treatments_not_offered_needs_reason');
    const unique = (
      await client.query<{ definition: string }>(
        "select indexdef as definition from pg_indexes where tablename = 'session_logs' and indexdef like '%UNIQUE%'",
      )
    ).rows.map((row) => row.definition);
    expect(unique.some((definition) => definition.includes('patient_id, idempotency_key'))).toBe(
      true,
    );
  });
});

/** How many migrations are committed (drizzle-kit's journal lists each once). */
function committedMigrations(): number {
  const journal = JSON.parse(
    readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8'),
  ) as { entries: unknown[] };
  return journal.entries.length;
}
