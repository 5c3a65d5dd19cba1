import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import {
  DataDirectoryLockedError,
  startEmbeddedPostgres,
  type EmbeddedDatabase,
} from './embedded.js';

const directories: string[] = [];
const running: EmbeddedDatabase[] = [];

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'spinewise-pg-'));
  directories.push(dir);
  return dir;
}

async function start(dataDir: string, port = 54_400 + Math.floor(Math.random() * 500)) {
  const database = await startEmbeddedPostgres({ dataDir, port });
  running.push(database);
  return database;
}

async function query(url: string, sql: string): Promise<unknown[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<Record<string, unknown>>(sql)).rows;
  } finally {
    await client.end();
  }
}

/** A pid that certainly belongs to no running process. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
    encoding: 'utf8',
  });
  return Number(child.stdout);
}

// Stopping several PostgreSQL servers can take a while on a busy two-core machine.
afterAll(async () => {
  for (const database of running) await database.stop().catch(() => undefined);
  for (const dir of directories) rmSync(dir, { recursive: true, force: true });
}, 60_000);

describe('embedded PostgreSQL', () => {
  it('initialises, serves the spinewise database, and stops cleanly', async () => {
    const dataDir = tempDir();
    const database = await start(dataDir);
    expect(database.url).toMatch(
      /^postgres:\/\/spinewise:[0-9a-f]{48}@127\.0\.0\.1:\d+\/spinewise$/,
    );
    expect(await query(database.url, 'select current_database() as name')).toEqual([
      { name: 'spinewise' },
    ]);
    await database.stop();
    // Data survives a restart (persistent), with the same credentials.
    const again = await start(dataDir);
    expect(again.url.split('@')[0]).toBe(database.url.split('@')[0]);
    await query(again.url, 'create table kept (x int)');
    await again.stop();
    const third = await start(dataDir);
    expect(await query(third.url, 'select count(*)::int as n from kept')).toEqual([{ n: 0 }]);
    await third.stop();
  }, 60_000);

  it('lets only one server use a data directory', async () => {
    const dataDir = tempDir();
    const first = await start(dataDir);
    await expect(startEmbeddedPostgres({ dataDir, port: first.port + 1 })).rejects.toBeInstanceOf(
      DataDirectoryLockedError,
    );
    await first.stop();
  }, 60_000);

  it('clears a lock whose owner has gone', async () => {
    const dataDir = tempDir();
    writeFileSync(join(dataDir, 'spinewise.lock'), String(deadPid()));
    const database = await start(dataDir);
    expect(await query(database.url, 'select 1 as one')).toEqual([{ one: 1 }]);
    await database.stop();
  }, 60_000);

  it('recovers after a crash that killed PostgreSQL (stale postmaster.pid)', async () => {
    const dataDir = tempDir();
    const database = await start(dataDir);
    running.splice(running.indexOf(database), 1); // killed below: nothing left to stop
    const pid = Number(
      readFileSync(join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0],
    );
    process.kill(pid, 'SIGKILL');
    await new Promise((next) => setTimeout(next, 500));
    // The server died too: its lock names a process that is gone.
    writeFileSync(join(dataDir, 'spinewise.lock'), String(deadPid()));
    const recovered = await start(dataDir);
    expect(await query(recovered.url, 'select 1 as one')).toEqual([{ one: 1 }]);
    await recovered.stop();
  }, 60_000);

  it('stops a PostgreSQL orphaned by a crashed server and starts afresh', async () => {
    const dataDir = tempDir();
    const orphan = await start(dataDir);
    running.splice(running.indexOf(orphan), 1); // the recovery below stops its PostgreSQL
    // The server died, PostgreSQL kept running: the lock names a dead process.
    writeFileSync(join(dataDir, 'spinewise.lock'), String(deadPid()));
    const database = await start(dataDir, orphan.port + 1);
    expect(await query(database.url, 'select 1 as one')).toEqual([{ one: 1 }]);
    await database.stop();
  }, 60_000);
});
