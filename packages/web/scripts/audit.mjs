// The patient app's budgets, measured: `npm run audit -w packages/web` (not part of `npm test`).
//
// 1. Sizes, read from the build (packages/web/dist, or SPINEWISE_WEB_DIR; this script builds
//    nothing): the JavaScript a phone downloads to open /app (the entry, the patient layout and
//    the Today page, with every chunk they import statically), gzipped, against the budget of
//    150 KB; the console's first screen (/caseload) beside it for comparison.
// 2. Lighthouse 12 on /app, mobile profile (Moto G-class phone, slow 4G, simulated), in
//    Debian's Chromium: the real server (`spinewise serve` on a temporary data directory, which
//    creates the demo clinic), signed in as the demo patient with the session cookie.
// 3. The installable-app basics Lighthouse 12 no longer scores: the manifest, its icons and
//    the service worker, as the server serves them.
//
// Environment: SPINEWISE_WEB_DIR (the build), SPINEWISE_CHROMIUM (default /usr/bin/chromium),
// SPINEWISE_AUDIT_FROM_SOURCE=1 (run the server from its TypeScript sources, with tsx, when its
// dist is older than the change being measured), SPINEWISE_AUDIT_REPORT=<file> (write the full
// Lighthouse result there, as JSON), SPINEWISE_AUDIT_CHROME_FLAGS (more Chromium flags, for a
// diagnosis).
/* global fetch, setTimeout */
import { spawn } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const WEB_DIR = process.env.SPINEWISE_WEB_DIR ?? fileURLToPath(new URL('../dist', import.meta.url));
const CHROMIUM = process.env.SPINEWISE_CHROMIUM ?? '/usr/bin/chromium';
const CLI = fileURLToPath(new URL('../../cli/bin/spinewise.js', import.meta.url));
const SERVE_FROM_SOURCE = fileURLToPath(new URL('./serve-from-source.mjs', import.meta.url));
const ROOT_TSCONFIG = fileURLToPath(new URL('../../../tsconfig.json', import.meta.url));
const PATIENT = { email: 'patient@demo.spinewise.dev', password: 'demo-patient-2026' };
const BUDGET = { patientJsGzipKb: 150, performance: 0.9, accessibility: 1, bestPractices: 0.9 };
const CHROME_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

function fail(message) {
  console.error(`audit: ${message}`);
  process.exit(2);
}

// ------------------------------------------------------------------ sizes from the build

const ASSETS = join(WEB_DIR, 'assets');

function gzipKb(file) {
  return gzipSync(readFileSync(join(ASSETS, file)), { level: 9 }).length / 1024;
}

/** The chunks a chunk imports statically (`import{…}from"./x.js"`), not its lazy imports. */
function staticImports(file) {
  const code = readFileSync(join(ASSETS, file), 'utf8');
  const found = new Set();
  const pattern =
    /(?:^|[;}\s])(?:import|export)\s*(?:[^"'`;()]*?from\s*)?["'`]\.\/([\w.-]+\.js)["'`]/gu;
  for (const match of code.matchAll(pattern)) found.add(match[1]);
  return [...found];
}

function closure(roots) {
  const files = new Set();
  const visit = (file) => {
    if (files.has(file)) return;
    files.add(file);
    for (const imported of staticImports(file)) visit(imported);
  };
  for (const root of roots) visit(root);
  return files;
}

/** The one chunk of a route module, by the name Vite gives it (`today-page-<hash>.js`). */
function chunkOf(files, name) {
  const matches = files.filter((file) => new RegExp(`^${name}-[\\w-]{8}\\.js$`, 'u').test(file));
  if (matches.length !== 1)
    fail(`expected one ${name} chunk in ${ASSETS}, found ${matches.length}`);
  return matches[0];
}

function measureBuild() {
  if (!existsSync(join(WEB_DIR, 'index.html'))) {
    fail(
      `no build at ${WEB_DIR}. Build it first (npm run build -w packages/web) or set SPINEWISE_WEB_DIR.`,
    );
  }
  const html = readFileSync(join(WEB_DIR, 'index.html'), 'utf8');
  const entry = /<script type="module"[^>]*src="\/assets\/([^"]+\.js)"/u.exec(html)?.[1];
  if (entry === undefined) fail('index.html names no entry script');
  const css = [...html.matchAll(/<link rel="stylesheet"[^>]*href="\/assets\/([^"]+\.css)"/gu)].map(
    (match) => match[1],
  );
  const files = readdirSync(ASSETS).filter((file) => file.endsWith('.js'));
  const route = (names) => {
    const chunks = closure([entry, ...names.map((name) => chunkOf(files, name))]);
    const kb = [...chunks].reduce((sum, file) => sum + gzipKb(file), 0);
    return { chunks: [...chunks].sort(), kb };
  };
  return {
    entry,
    entryKb: gzipKb(entry),
    cssKb: css.reduce((sum, file) => sum + gzipKb(file), 0),
    patient: route(['patient-layout', 'today-page']),
    console: route(['console-layout', 'caseload-page']),
  };
}

// ------------------------------------------------------------------ the server

async function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function startServer() {
  if (!existsSync(CLI)) fail(`no CLI at ${CLI}`);
  const dataDir = mkdtempSync(join(tmpdir(), 'spinewise-audit-'));
  // PostgreSQL runs as another user when this runs as root: it must reach the directory.
  chmodSync(dataDir, 0o755);
  const port = await freePort();
  const fromSource = process.env.SPINEWISE_AUDIT_FROM_SOURCE === '1';
  const command = fromSource
    ? [fileURLToPath(import.meta.resolve('tsx/cli')), SERVE_FROM_SOURCE, 'serve']
    : [CLI, 'serve'];
  const child = spawn(process.execPath, command, {
    env: {
      ...process.env,
      TSX_TSCONFIG_PATH: ROOT_TSCONFIG,
      DATABASE_URL: '',
      SPINEWISE_DATA_DIR: dataDir,
      SPINEWISE_PG_PORT: String(await freePort()),
      SPINEWISE_WEB_DIR: WEB_DIR,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'error',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const started = Date.now();
  while (!output.includes('Stop with Ctrl-C')) {
    if (child.exitCode !== null || Date.now() - started > 180_000) {
      child.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
      fail(`the server did not start:\n${output}`);
    }
    await new Promise((next) => setTimeout(next, 250));
  }
  return {
    url: `http://127.0.0.1:${port}`,
    async stop() {
      child.kill('SIGTERM');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Signs the demo patient in; returns the Cookie header the browser would send. */
async function signIn(url) {
  const response = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(PATIENT),
  });
  if (!response.ok) fail(`signing in the demo patient failed: ${response.status}`);
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0])
    .join('; ');
}

// ------------------------------------------------------------------ installability

async function checkInstallable(url) {
  const checks = [];
  const check = (name, ok, detail = '') => checks.push({ name, ok, detail });
  const html = await (await fetch(`${url}/app`)).text();
  check('index.html links the manifest', html.includes('rel="manifest"'));
  check('index.html sets theme-color', html.includes('name="theme-color"'));
  const manifestResponse = await fetch(`${url}/manifest.webmanifest`);
  check(
    'manifest served as application/manifest+json',
    (manifestResponse.headers.get('content-type') ?? '').startsWith('application/manifest+json'),
    manifestResponse.headers.get('content-type') ?? '',
  );
  const manifest = await manifestResponse.json();
  check('manifest: name and short_name', Boolean(manifest.name && manifest.short_name));
  check(
    'manifest: start_url /app, display standalone',
    manifest.start_url === '/app' && manifest.display === 'standalone',
  );
  const icons = manifest.icons ?? [];
  for (const size of ['192x192', '512x512']) {
    const icon = icons.find(
      (candidate) => candidate.sizes === size && candidate.purpose !== 'maskable',
    );
    const maskable = icons.find(
      (candidate) => candidate.sizes === size && candidate.purpose === 'maskable',
    );
    for (const [label, entry] of [
      [`icon ${size}`, icon],
      [`maskable icon ${size}`, maskable],
    ]) {
      const ok = entry !== undefined && (await fetch(`${url}${entry.src}`)).ok;
      check(`manifest: ${label} served`, ok, entry?.src ?? 'missing');
    }
  }
  const sw = await fetch(`${url}/sw.js`);
  check(
    '/sw.js served as JavaScript, revalidated on every load',
    sw.ok &&
      (sw.headers.get('content-type') ?? '').includes('javascript') &&
      (sw.headers.get('cache-control') ?? '').includes('no-cache'),
    `${sw.headers.get('content-type')}; ${sw.headers.get('cache-control')}`,
  );
  const source = await sw.text();
  const precache = /const PRECACHE = (\[[^\]]*\])/u.exec(source);
  check(
    '/sw.js precaches index.html and the app',
    precache !== null && JSON.parse(precache[1]).includes('/index.html'),
  );
  return checks;
}

// ------------------------------------------------------------------ Lighthouse

async function runLighthouse(url, cookie) {
  const { default: lighthouse } = await import('lighthouse');
  const chromeLauncher = await import('chrome-launcher');
  // Extra flags for a diagnosis, e.g. `--force-prefers-reduced-motion` (no animations).
  const extra = (process.env.SPINEWISE_AUDIT_CHROME_FLAGS ?? '').split(' ').filter(Boolean);
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM,
    chromeFlags: [...CHROME_FLAGS, ...extra],
  });
  try {
    const result = await lighthouse(
      `${url}/app`,
      {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
        extraHeaders: { Cookie: cookie },
      },
      // The mobile profile is Lighthouse's default: an emulated mid-range phone on slow 4G.
      undefined,
    );
    if (result === undefined) fail('Lighthouse returned nothing');
    return result.lhr;
  } finally {
    chrome.kill();
  }
}

function transferredScripts(lhr) {
  const requests = lhr.audits['network-requests']?.details?.items ?? [];
  const scripts = requests.filter((item) => item.resourceType === 'Script');
  return {
    count: scripts.length,
    kb: scripts.reduce((sum, item) => sum + (item.transferSize ?? 0), 0) / 1024,
  };
}

// ------------------------------------------------------------------ report

const mark = (ok) => (ok ? 'ok  ' : 'MISS');

const sizes = measureBuild();
console.log(`Build: ${WEB_DIR}`);
console.log(`\nInitial JavaScript (gzip -9, from the build):`);
console.log(
  `  ${mark(sizes.patient.kb <= BUDGET.patientJsGzipKb)} patient /app   ${sizes.patient.kb.toFixed(1)} KB in ${sizes.patient.chunks.length} files (budget ≤ ${BUDGET.patientJsGzipKb} KB)`,
);
console.log(`       ${sizes.patient.chunks.join(', ')}`);
console.log(
  `       console /caseload ${sizes.console.kb.toFixed(1)} KB in ${sizes.console.chunks.length} files (for comparison)`,
);
console.log(
  `       of which the shared entry ${sizes.entry} is ${sizes.entryKb.toFixed(1)} KB; CSS ${sizes.cssKb.toFixed(1)} KB`,
);

const server = await startServer();
let failed = sizes.patient.kb > BUDGET.patientJsGzipKb;
try {
  console.log(`\nServer: ${server.url} (a temporary demo clinic)`);
  const checks = await checkInstallable(server.url);
  console.log('\nInstallable app (manifest, icons, service worker):');
  for (const { name, ok, detail } of checks) {
    console.log(`  ${mark(ok)} ${name}${ok || detail === '' ? '' : ` (${detail})`}`);
    failed ||= !ok;
  }

  const cookie = await signIn(server.url);
  const lhr = await runLighthouse(server.url, cookie);
  if (process.env.SPINEWISE_AUDIT_REPORT !== undefined) {
    writeFileSync(process.env.SPINEWISE_AUDIT_REPORT, JSON.stringify(lhr));
    console.log(`\nThe full Lighthouse result: ${process.env.SPINEWISE_AUDIT_REPORT}`);
  }
  const score = (id) => lhr.categories[id]?.score ?? 0;
  if (lhr.runtimeError !== undefined)
    console.log(`\nLighthouse failed: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  for (const warning of lhr.runWarnings ?? []) console.log(`Lighthouse warning: ${warning}`);
  console.log(
    `Host CPU benchmark index: ${lhr.environment?.benchmarkIndex ?? '?'} (Lighthouse calibrates for about 1000+; lower means a busy or slow host)`,
  );
  console.log(
    `\nLighthouse ${lhr.lighthouseVersion} on ${lhr.finalDisplayedUrl} (${lhr.configSettings.formFactor}, ${lhr.configSettings.throttlingMethod} throttling):`,
  );
  const rows = [
    ['performance', 'performance', BUDGET.performance],
    ['accessibility', 'accessibility', BUDGET.accessibility],
    ['best-practices', 'best practices', BUDGET.bestPractices],
    ['seo', 'SEO (no budget)', 0],
  ];
  for (const [id, label, budget] of rows) {
    const ok = score(id) >= budget;
    failed ||= !ok;
    console.log(
      `  ${mark(ok)} ${label.padEnd(16)} ${score(id).toFixed(2)}${budget > 0 ? `  (budget ≥ ${budget})` : ''}`,
    );
  }
  for (const id of [
    'first-contentful-paint',
    'largest-contentful-paint',
    'total-blocking-time',
    'cumulative-layout-shift',
    'speed-index',
  ]) {
    const audit = lhr.audits[id];
    if (audit !== undefined) console.log(`       ${audit.title}: ${audit.displayValue ?? ''}`);
  }
  const scripts = transferredScripts(lhr);
  console.log(
    `       scripts transferred loading /app: ${scripts.count} files, ${scripts.kb.toFixed(1)} KB`,
  );
  // What keeps a category from its budget: its failing audits, by weight.
  for (const [id] of rows) {
    const category = lhr.categories[id];
    if (category === undefined || category.score === 1) continue;
    const misses = category.auditRefs
      .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 0.9)
      .map((ref) => `${ref.id} (${lhr.audits[ref.id]?.displayValue ?? lhr.audits[ref.id]?.score})`);
    if (misses.length > 0) console.log(`       ${id} short on: ${misses.join(', ')}`);
  }
  const errors = lhr.audits['errors-in-console']?.details?.items ?? [];
  for (const item of errors)
    console.log(`       console error: ${item.description ?? item.source}`);
} finally {
  await server.stop();
}
console.log(failed ? '\nSome budgets are missed (marked MISS).' : '\nEvery budget is met.');
process.exitCode = failed ? 1 : 0;
