// The real `spinewise serve` process: starts, answers, and stops cleanly on SIGTERM (exit 0,
// its database stopped, its lock released).
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../bin/spinewise.js', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'spinewise-bin-serve-'));
chmodSync(dataDir, 0o755);
afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

describe('spinewise serve', () => {
  it('serves until SIGTERM, then stops cleanly with exit code 0', async () => {
    const port = 39_000 + Math.floor(Math.random() * 1000);
    const child = spawn(process.execPath, [bin, 'serve'], {
      env: {
        ...process.env,
        SPINEWISE_DATA_DIR: dataDir,
        SPINEWISE_PG_PORT: String(port + 1000),
        PORT: String(port),
        LOG_LEVEL: 'silent',
        DATABASE_URL: '',
      },
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    for (let waited = 0; !out.includes('Stop with Ctrl-C') && waited < 90_000; waited += 200) {
      await new Promise((next) => setTimeout(next, 200));
    }
    expect(out).toContain(`Spinewise is running at http://127.0.0.1:${port}`);
    expect(out).toMatch(/clinician@demo\.spinewise\.dev +password demo-clinician-2026/);
    const health = await fetch(`http://127.0.0.1:${port}/api/health`);
    expect(health.status).toBe(200);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(out).toContain('Stopped.');
    expect(existsSync(join(dataDir, 'spinewise.lock'))).toBe(false);
  }, 120_000);

  it('names the busy port and exits 2 when PORT is taken', async () => {
    const blocker = createServer();
    const port = await new Promise<number>((resolve) => {
      blocker.listen(0, '127.0.0.1', () => {
        resolve((blocker.address() as { port: number }).port);
      });
    });
    try {
      const child = spawn(process.execPath, [bin, 'serve'], {
        env: {
          ...process.env,
          SPINEWISE_DATA_DIR: dataDir,
          SPINEWISE_PG_PORT: String(40_000 + Math.floor(Math.random() * 1000)),
          PORT: String(port),
          LOG_LEVEL: 'silent',
          DATABASE_URL: '',
        },
      });
      let err = '';
      child.stderr.on('data', (chunk: Buffer) => {
        err += chunk.toString();
      });
      const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
      expect(err).toContain(`port ${String(port)} on 127.0.0.1 is in use`);
      expect(code).toBe(2);
      // The database it had started is stopped again and the lock released.
      expect(existsSync(join(dataDir, 'spinewise.lock'))).toBe(false);
    } finally {
      blocker.close();
    }
  }, 120_000);
});
