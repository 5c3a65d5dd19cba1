// Test fixture: a real, empty PostgreSQL database for one test file. With DATABASE_URL set (the
// CI run against Debian's PostgreSQL 15) it is a fresh database on that server; otherwise an
// embedded PostgreSQL in a temporary directory.
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from './embedded.js';

export interface TestDatabase {
  readonly url: string;
  drop(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const external = process.env.DATABASE_URL;
  if (external !== undefined && external !== '') {
    const name = `spinewise_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: external });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(external);
    url.pathname = `/${name}`;
    return {
      url: url.toString(),
      async drop() {
        const client = new pg.Client({ connectionString: external });
        await client.connect();
        await client.query(`drop database if exists ${name} with (force)`);
        await client.end();
      },
    };
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'spinewise-test-'));
  chmodSync(dataDir, 0o755);
  const database = await startEmbeddedPostgres({
    dataDir,
    port: 55_000 + Math.floor(Math.random() * 2000),
  });
  return {
    url: database.url,
    async drop() {
      await database.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
