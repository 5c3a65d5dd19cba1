import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from './config/config.js';
import { seedDemo } from './demo/start.js';
import { startServer } from './serve.js';

const dataDir = mkdtempSync(join(tmpdir(), 'spinewise-serve-'));
chmodSync(dataDir, 0o755);
afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        resolve(typeof address === 'object' && address !== null ? address.port : 0);
      });
    });
  });
}

describe('startServer', () => {
  it('starts the embedded database, migrates, seeds the demo clinic once, serves, and stops', async () => {
    const config = loadConfig({
      SPINEWISE_DATA_DIR: dataDir,
      SPINEWISE_PG_PORT: String(await freePort()),
      PORT: String(await freePort()),
      LOG_LEVEL: 'silent',
    });
    let databaseUrl = '';
    const created: boolean[] = [];
    const server = await startServer(config, {
      prepare: async (url) => {
        databaseUrl = url;
        created.push((await seedDemo(url, '2026-11-22')).created);
      },
    });
    try {
      const health = await fetch(`${server.url}/api/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ status: 'ok', database: 'ok' });
      // The demo clinician logs in over real HTTP and gets an httpOnly session cookie.
      const login = await fetch(`${server.url}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          email: 'clinician@demo.spinewise.dev',
          password: 'demo-clinician-2026',
        }),
      });
      expect(login.status).toBe(200);
      expect(login.headers.get('set-cookie')).toMatch(/spinewise_session=[^;]+;.*HttpOnly/i);
      // Signed in, the clinician sees the demo patients and their open alerts.
      const cookie = login.headers
        .getSetCookie()
        .map((value) => value.split(';')[0])
        .join('; ');
      const patients = await fetch(`${server.url}/api/patients?all=true`, { headers: { cookie } });
      expect(patients.status).toBe(200);
      const alerts = await fetch(`${server.url}/api/alerts`, { headers: { cookie } });
      expect(alerts.status).toBe(200);
      const missing = await fetch(`${server.url}/api/nothing-here`);
      expect(missing.status).toBe(404);
      expect(missing.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      const counts = (
        await client.query<{ patients: number; alerts: number }>(
          "select (select count(*)::int from patients) as patients, (select count(*)::int from alerts where state = 'open') as alerts",
        )
      ).rows[0];
      await client.end();
      expect(counts?.patients).toBe(5);
      expect(counts?.alerts).toBeGreaterThan(0);
      expect(existsSync(join(dataDir, 'spinewise.lock'))).toBe(true);
    } finally {
      await server.close();
    }
    expect(existsSync(join(dataDir, 'spinewise.lock'))).toBe(false);
    await expect(fetch(`${server.url}/api/health`)).rejects.toThrow();

    // A second start finds the demo already there.
    const again = await startServer(config, {
      prepare: async (url) => {
        created.push((await seedDemo(url, '2026-11-22')).created);
      },
    });
    await again.close();
    expect(created).toEqual([true, false]);
  }, 120_000);
});
