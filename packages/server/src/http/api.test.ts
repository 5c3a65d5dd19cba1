// The README's API table documents every route the server serves; this keeps them in step.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Database } from '../database/client.js';
import { buildApp } from './app.js';
import { registerApi } from './api.js';

const readme = readFileSync(new URL('../../../../README.md', import.meta.url), 'utf8');

async function servedRoutes(): Promise<string[]> {
  const app = buildApp({ health: () => Promise.resolve({ database: 'ok' }) });
  const routes: string[] = [];
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === 'HEAD' || method === 'OPTIONS') continue;
      if (route.url.startsWith('/api/docs') || !route.url.startsWith('/api')) continue;
      routes.push(`${method} ${route.url}`);
    }
  });
  // Routes reach the database only when they are called: registering needs none.
  registerApi(app, { db: Object.create(null) as Database });
  await app.ready();
  await app.close();
  return routes;
}

describe('the README API table', () => {
  it('has a row for every route the server serves', async () => {
    const routes = await servedRoutes();
    expect(routes.length).toBeGreaterThan(40);
    const missing = routes.filter((route) => !readme.includes(`| \`${route}\``));
    expect(missing).toEqual([]);
  });
});
