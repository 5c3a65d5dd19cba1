/**
 * The web app (clinician console and patient app, `packages/web`) served from its build on the
 * API's port, so one process and one origin serve everything: the session cookie is
 * same-origin, the CSP can stay `'self'`, and a clinic has one address to put behind HTTPS.
 *
 * - Hashed build assets (`/assets/…`) are immutable and cached for a year.
 * - Every other file (`index.html`, the service worker, the manifest) is revalidated on each
 *   load, so a new release reaches phones at the next visit.
 * - The build writes gzip and brotli copies beside its text files (`x.js.br`, `x.js.gz`); a
 *   browser that accepts one gets it (the patient app's budget is counted compressed, on slow
 *   phone connections), with `Vary: Accept-Encoding`. No compression at request time.
 * - A page address the app routes itself (`/patients/…`, `/today`) answers `index.html`; an
 *   unknown `/api/…` address stays a problem+json 404.
 * - Without a build (the web app not built yet), `/` explains where it would be, instead of a
 *   bare 404.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from './app.js';

/** `packages/web/dist`, found from this file in `src/http` or `dist/http`. */
export const DEFAULT_WEB_DIR = fileURLToPath(new URL('../../../web/dist', import.meta.url));

const YEAR_SECONDS = 31_536_000;

export interface WebAppOptions {
  /** The build directory; `DEFAULT_WEB_DIR` unless configured (`SPINEWISE_WEB_DIR`). */
  readonly root?: string;
}

/** Whether a request is for an address the app routes itself, rather than a file or the API. */
export function isAppPage(request: FastifyRequest): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const path = request.url.split('?')[0] ?? '/';
  if (path === '/api' || path.startsWith('/api/')) return false;
  // A path whose last segment has an extension names a file: missing files stay 404.
  const last = path.slice(path.lastIndexOf('/') + 1);
  return !last.includes('.');
}

const NOT_BUILT_PAGE = (root: string) => `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Spinewise</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; line-height: 1.5">
<h1>Spinewise is running</h1>
<p>The API is up; the web app has not been built, so there is no page to show here yet.
It is looked for in <code>${root.replaceAll('&', '&amp;').replaceAll('<', '&lt;')}</code>.</p>
<p>Build it with <code>npm run build</code>, or point <code>SPINEWISE_WEB_DIR</code> at a build.
The API and its documentation are at <a href="/api/docs">/api/docs</a>.</p>
</body>
</html>
`;

/**
 * The app's page for an address the app routes itself (see `isAppPage`), or `false` when the
 * request is not for one: the not-found handler calls it before answering a 404 problem.
 */
export type AppPageFallback = (request: FastifyRequest, reply: FastifyReply) => boolean;

/**
 * Serves the web build under `/`. Returns whether there is a build and, when there is, the
 * fallback for app addresses that `buildApp`'s not-found handler uses.
 */
export function registerWebApp(
  app: App,
  options: WebAppOptions = {},
): { readonly built: boolean; readonly fallback: AppPageFallback | null } {
  const root = resolve(options.root ?? DEFAULT_WEB_DIR);
  const built = existsSync(join(root, 'index.html'));

  if (!built) {
    app.get('/', { schema: { hide: true } }, (_request, reply) => {
      void reply.header('cache-control', 'no-cache');
      return reply.type('text/html; charset=utf-8').send(NOT_BUILT_PAGE(root));
    });
    return { built, fallback: null };
  }

  void app.register(fastifyStatic, {
    root,
    prefix: '/',
    // One route per file found at start (the build does not change while serving), so an
    // unknown path falls through to the app page below, not to a file lookup per request.
    wildcard: false,
    index: ['index.html'],
    // `x.js.br` / `x.js.gz` written by the build, when the browser accepts them.
    preCompressed: true,
    cacheControl: false,
    setHeaders: (response, path) => {
      const immutable = path.includes('/assets/') || path.includes('\\assets\\');
      response.setHeader(
        'cache-control',
        immutable ? `public, max-age=${YEAR_SECONDS}, immutable` : 'no-cache',
      );
      // The body depends on Accept-Encoding (a compressed copy or the file itself).
      response.setHeader('vary', 'accept-encoding');
    },
  });

  const fallback: AppPageFallback = (request, reply) => {
    if (!isAppPage(request)) return false;
    void reply.header('cache-control', 'no-cache').sendFile('index.html', root);
    return true;
  };
  return { built, fallback };
}
