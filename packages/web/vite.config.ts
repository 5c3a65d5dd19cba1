/**
 * The web app's build: one `index.html` and hashed files under `/assets`, served by the server
 * beside the API (same origin). The server's CSP allows scripts from our origin only, so the
 * build must not inline a script: Vite's entry is an external module and the module-preload
 * polyfill is left out (every browser we support preloads modules itself).
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
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
