import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../io.js';
import { main } from '../main.js';

const dataDir = mkdtempSync(join(tmpdir(), 'spinewise-migrate-'));
chmodSync(dataDir, 0o755);

afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

async function migrate(env: Record<string, string>) {
  const io = { ...memoryIo(), env: () => env };
  const code = await main(['migrate'], io);
  return { code, out: io.out(), err: io.err() };
}

describe('spinewise migrate', () => {
  it('brings the embedded database up to date, and again changes nothing', async () => {
    const env = {
      SPINEWISE_DATA_DIR: dataDir,
      SPINEWISE_PG_PORT: String(56_000 + Math.floor(Math.random() * 1000)),
    };
    const first = await migrate(env);
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    expect(first.out).toMatch(
      /^Database embedded \(.+spinewise-migrate-.+, port \d+\) is up to date\.\n$/,
    );
    expect((await migrate(env)).code).toBe(0);
  }, 90_000);

  it('names a bad variable and exits 2', async () => {
    const result = await migrate({ DATABASE_URL: 'mysql://nope' });
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/DATABASE_URL: must start with postgres:\/\//);
    expect(result.out).toBe('');
  });

  it('uses an external PostgreSQL when DATABASE_URL is set, without printing its password', async () => {
    // Start an embedded one to stand in for an external server.
    const { startEmbeddedPostgres } = await import('@spinewise/server');
    const externalDir = mkdtempSync(join(tmpdir(), 'spinewise-external-'));
    chmodSync(externalDir, 0o755);
    const external = await startEmbeddedPostgres({
      dataDir: externalDir,
      port: 57_000 + Math.floor(Math.random() * 1000),
    });
    try {
      const result = await migrate({ DATABASE_URL: external.url });
      expect(result.code).toBe(0);
      expect(result.out).toMatch(
        /^Database external \(127\.0\.0\.1:\d+\/spinewise\) is up to date\.\n$/,
      );
      expect(result.out).not.toContain(new URL(external.url).password);
      const client = new pg.Client({ connectionString: external.url });
      await client.connect();
      const { rows } = await client.query<{ n: number }>(
        'select count(*)::int as n from drizzle.__drizzle_migrations',
      );
      await client.end();
      // Every committed migration, as drizzle-kit's journal lists them.
      const journal = JSON.parse(
        readFileSync(
          new URL('../../../server/drizzle/meta/_journal.json', import.meta.url),
          'utf8',
        ),
      ) as { entries: unknown[] };
      expect(rows[0]?.n).toBe(journal.entries.length);
    } finally {
      await external.stop();
      rmSync(externalDir, { recursive: true, force: true });
    }
  }, 90_000);
});
