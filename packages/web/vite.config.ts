/**
 * The web app's build: one `index.html` and hashed files under `/assets`, served by the server
 * beside the API (same origin). The server's CSP allows scripts from our origin only, so the
 * build must not inline a script: Vite's entry is an external module and the module-preload
 * polyfill is left out (every browser we support preloads modules itself).
 *
 * The patient app's service worker (`/sw.js`) is written by the build too (plugin below), with
 * the list of files it keeps on the phone and a version that changes with them.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, transformWithOxc, type Plugin } from 'vite';

const SERVICE_WORKER_SOURCE = fileURLToPath(
  new URL('./src/patient-app/offline/sw-source.js', import.meta.url),
);

/** The reminders' push and notification-click handlers, put into the worker as plain script. */
const PUSH_HANDLER = fileURLToPath(
  new URL('./src/patient-app/settings/push-handler.ts', import.meta.url),
);

/** The modules whose chunks (and everything they load) the patient app needs offline. */
const PATIENT_MODULES = /[\\/]src[\\/]patient-app[\\/]/u;

/** Every file under `dir`, as site paths (`/manifest.webmanifest`, `/icons/icon-192.png`). */
function filesUnder(dir: string): string[] {
  const files: string[] = [];
  const walk = (current: string) => {
    for (const name of readdirSync(current)) {
      const path = join(current, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.push(`/${relative(dir, path).split(sep).join('/')}`);
    }
  };
  try {
    walk(dir);
  } catch {
    // No such directory: no files.
  }
  return files;
}

/**
 * Writes `/sw.js`: `sw-source.js` with `PRECACHE` (index.html, the entry and every chunk of
 * the patient app's routes with what they import, their styles and assets, and the public
 * files: manifest, icons) and `VERSION` (a hash of all that) put in front. The clinician
 * console's chunks are left out: a patient's phone never needs them. index.html gets a
 * `<meta name="spinewise-service-worker">` naming the worker, which the patient app looks
 * for before registering it (the dev server has none, so it never registers there).
 */
function serviceWorker(): Plugin {
  let publicDir = '';
  return {
    name: 'spinewise-service-worker',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      publicDir = config.publicDir;
    },
    transformIndexHtml() {
      return [
        {
          tag: 'meta',
          attrs: { name: 'spinewise-service-worker', content: '/sw.js' },
          injectTo: 'head',
        },
      ];
    },
    async generateBundle(_options, bundle) {
      const files = new Set<string>();
      const seen = new Set<string>();
      const visit = (fileName: string, followDynamic: boolean) => {
        if (seen.has(fileName)) return;
        seen.add(fileName);
        const output = bundle[fileName];
        if (output?.type !== 'chunk') return;
        files.add(`/${output.fileName}`);
        for (const css of output.viteMetadata?.importedCss ?? []) files.add(`/${css}`);
        for (const asset of output.viteMetadata?.importedAssets ?? []) files.add(`/${asset}`);
        for (const imported of output.imports) visit(imported, followDynamic);
        if (followDynamic) {
          for (const imported of output.dynamicImports) visit(imported, true);
        }
      };
      for (const output of Object.values(bundle)) {
        if (output.type !== 'chunk') continue;
        // The entry (router, log-in, session) and its static imports; not its lazy routes.
        if (output.isEntry) visit(output.fileName, false);
      }
      for (const output of Object.values(bundle)) {
        if (output.type !== 'chunk') continue;
        const patient =
          output.facadeModuleId !== null && PATIENT_MODULES.test(output.facadeModuleId);
        if (patient) {
          seen.delete(output.fileName);
          visit(output.fileName, true);
        }
      }
      for (const file of filesUnder(publicDir)) files.add(file);
      files.add('/index.html');

      const precache = [...files].sort();
      // The handlers module has no imports: its TypeScript, stripped of types and `export`s.
      const handlers = (
        await transformWithOxc(readFileSync(PUSH_HANDLER, 'utf8'), PUSH_HANDLER, { lang: 'ts' })
      ).code.replace(/^export /gmu, '');
      const source = `${handlers}\n${readFileSync(SERVICE_WORKER_SOURCE, 'utf8')}`;
      const index = bundle['index.html'];
      const version = createHash('sha256')
        .update(precache.join('\n'))
        .update(index?.type === 'asset' ? String(index.source) : '')
        .update(source)
        .digest('hex')
        .slice(0, 16);
      this.emitFile({
        type: 'asset',
        fileName: 'sw.js',
        source:
          `// Spinewise service worker, build ${version}. Written by vite.config.ts from sw-source.js.\n` +
          `const VERSION = ${JSON.stringify(version)};\n` +
          `const PRECACHE = ${JSON.stringify(precache, null, 1)};\n` +
          source,
      });
    },
  };
}

/**
 * The camera coach's pose model (`@mediapipe/pose`: its script, WebAssembly, graph, packed
 * assets and the lite and full models; not heavy) copied to `/mediapipe/pose/`, so the coach
 * loads it from our own origin (`locateFile` in `patient-app/coach/pose-model.ts`). Emitted as
 * plain assets, not chunks: the service worker does not precache them (a phone downloads them
 * only when the patient opens the coach, then keeps them; see `sw-source.js`). The dev server
 * serves the same files from node_modules.
 */
const POSE_FILES = [
  'pose.js',
  'pose_web.binarypb',
  'pose_solution_packed_assets_loader.js',
  'pose_solution_packed_assets.data',
  'pose_solution_simd_wasm_bin.js',
  'pose_solution_simd_wasm_bin.wasm',
  'pose_solution_wasm_bin.js',
  'pose_solution_wasm_bin.wasm',
  'pose_landmark_lite.tflite',
  'pose_landmark_full.tflite',
] as const;

function mediapipePose(): Plugin {
  const dir = dirname(createRequire(import.meta.url).resolve('@mediapipe/pose/package.json'));
  const types: Readonly<Record<string, string>> = {
    js: 'text/javascript',
    wasm: 'application/wasm',
  };
  return {
    name: 'spinewise-mediapipe-pose',
    configureServer(server) {
      server.middlewares.use('/mediapipe/pose/', (request, response, next) => {
        const name = (request.url ?? '').split('?')[0]?.replace(/^\//u, '') ?? '';
        if (!(POSE_FILES as readonly string[]).includes(name)) {
          next();
          return;
        }
        response.setHeader(
          'content-type',
          types[name.slice(name.lastIndexOf('.') + 1)] ?? 'application/octet-stream',
        );
        response.end(readFileSync(join(dir, name)));
      });
    },
    generateBundle() {
      for (const name of POSE_FILES) {
        this.emitFile({
          type: 'asset',
          fileName: `mediapipe/pose/${name}`,
          source: readFileSync(join(dir, name)),
        });
      }
    },
  };
}

/** The text files worth compressing; images (PNG) are compressed already. */
const COMPRESSIBLE = /\.(?:js|css|html|svg|json|webmanifest|txt)$/u;

/**
 * Writes a brotli and a gzip copy beside each text file of the build (`x.js.br`, `x.js.gz`),
 * once, at the highest levels; the server sends the one the browser accepts. A phone on a slow
 * connection downloads a third of the bytes, and the server compresses nothing per request.
 */
function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'spinewise-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      for (const file of filesUnder(outDir)) {
        if (!COMPRESSIBLE.test(file)) continue;
        const path = join(outDir, file);
        const source = readFileSync(path);
        if (source.length < 1024) continue;
        const brotli = brotliCompressSync(source, {
          params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: source.length },
        });
        if (brotli.length < source.length) writeFileSync(`${path}.br`, brotli);
        const gzip = gzipSync(source, { level: 9 });
        if (gzip.length < source.length) writeFileSync(`${path}.gz`, gzip);
      }
    },
  };
}

export default defineConfig({
  plugins: [react(), serviceWorker(), mediapipePose(), precompress()],
  resolve: {
    // The clinical core's sources, so the build never depends on its dist being current.
    alias: {
      '@spinewise/clinical': fileURLToPath(new URL('../clinical/src/index.ts', import.meta.url)),
    },
  },
  build: {
    outDir: 'dist',
    assetsDir: 'assets',
    emptyOutDir: true,
    modulePreload: { polyfill: false },
    sourcemap: true,
    // Never inline an asset as a data: URL into a script or style; files are cached for a year.
    assetsInlineLimit: 0,
  },
  server: {
    // `npm run dev -w packages/web` beside `npm start`: the API on the same origin via the proxy.
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
