import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from './app.js';
import { PROBLEM_CONTENT_TYPE } from './problem.js';

const health = () => Promise.resolve({ database: 'ok' as const });

describe('the web app beside the API', () => {
  let root: string;
  let app: App;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'spinewise-web-'));
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>Spinewise app</title>');
    writeFileSync(join(root, 'assets', 'main-abc123.js'), 'console.log(1)');
    writeFileSync(join(root, 'sw.js'), 'self.addEventListener("fetch", () => {})');
    writeFileSync(join(root, 'assets', 'main-abc123.js.gz'), gzipSync('console.log(1)'));
    writeFileSync(join(root, 'assets', 'main-abc123.js.br'), brotliCompressSync('console.log(1)'));
    writeFileSync(join(root, 'manifest.webmanifest'), '{"name":"Spinewise"}');
    app = buildApp({ health, webRoot: root });
    await app.ready();
  });

  afterAll(async () => {
    await app.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('serves the app page at / and revalidates it on every load', async () => {
    const response = await app.inject({ method: 'GET', url: '/' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('Spinewise app');
    expect(response.headers['cache-control']).toBe('no-cache');
  });

  it('caches hashed assets for a year and revalidates the service worker', async () => {
    const asset = await app.inject({ method: 'GET', url: '/assets/main-abc123.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const worker = await app.inject({ method: 'GET', url: '/sw.js' });
    expect(worker.headers['cache-control']).toBe('no-cache');
  });

  it("serves the build's compressed copy the browser accepts, with the file's type", async () => {
    const brotli = await app.inject({
      method: 'GET',
      url: '/assets/main-abc123.js',
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(brotli.headers['content-type']).toContain('javascript');
    expect(brotli.headers.vary).toContain('accept-encoding');
    expect(brotli.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const gzip = await app.inject({
      method: 'GET',
      url: '/assets/main-abc123.js',
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.rawPayload).toString()).toBe('console.log(1)');
    const plain = await app.inject({ method: 'GET', url: '/assets/main-abc123.js' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe('console.log(1)');
  });

  it('serves the web app manifest with its own type', async () => {
    const manifest = await app.inject({ method: 'GET', url: '/manifest.webmanifest' });
    expect(manifest.statusCode).toBe(200);
    expect(manifest.headers['content-type']).toContain('application/manifest+json');
    expect(manifest.headers['cache-control']).toBe('no-cache');
  });

  it('answers the app page for addresses the app routes itself', async () => {
    const response = await app.inject({ method: 'GET', url: '/patients/123?tab=notes' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('Spinewise app');
  });

  it('keeps unknown API addresses and missing files as problem+json 404s', async () => {
    for (const url of ['/api/nothing-here', '/api', '/assets/missing.js']) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(404);
      expect(response.headers['content-type'], url).toContain(PROBLEM_CONTENT_TYPE);
    }
    const post = await app.inject({ method: 'POST', url: '/patients/123' });
    expect(post.statusCode).toBe(404);
  });

  it('serves the API with its security headers alongside', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    const page = await app.inject({ method: 'GET', url: '/' });
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    expect(page.headers['x-frame-options']).toBe('DENY');
  });
});

describe('without a web build', () => {
  it('explains at / where the build is looked for, and serves the API', async () => {
    const root = mkdtempSync(join(tmpdir(), 'spinewise-no-web-'));
    const app = buildApp({ health, webRoot: root });
    try {
      const page = await app.inject({ method: 'GET', url: '/' });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('the web app has not been built');
      expect(page.body).toContain(root);
      const other = await app.inject({ method: 'GET', url: '/patients' });
      expect(other.statusCode).toBe(404);
    } finally {
      await app.close();
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('request logs', () => {
  it('never carry the query string (an invitation link holds its code there)', async () => {
    const lines: string[] = [];
    const stream = { write: (line: string) => lines.push(line) };
    const app = buildApp({ health, logger: { level: 'info', stream } });
    try {
      await app.inject({ method: 'GET', url: '/join?code=ABCD-EFGH' });
      const logged = lines.join('\n');
      expect(logged).toContain('"path":"/join"');
      expect(logged).not.toContain('ABCD-EFGH');
    } finally {
      await app.close();
    }
  });
});
