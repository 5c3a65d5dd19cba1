import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const clinicalSource = fileURLToPath(new URL('packages/clinical/src/index.ts', import.meta.url));
const serverSource = fileURLToPath(new URL('packages/server/src/index.ts', import.meta.url));

export default defineConfig({
  resolve: {
    // Tests run against the TypeScript sources, not the built dist.
    alias: { '@spinewise/clinical': clinicalSource, '@spinewise/server': serverSource },
  },
  test: {
    // `.test.tsx`: the web app's component tests, each in jsdom (`// @vitest-environment jsdom`).
    include: ['packages/*/src/**/*.test.{ts,tsx}'],
    coverage: {
      provider: 'v8',
      include: ['packages/*/src/**/*.{ts,tsx}'],
      exclude: ['**/*.test.{ts,tsx}', '**/*.bench.ts', '**/*.fixture.{ts,tsx}'],
      reporter: ['text-summary'],
      thresholds: {
        // The scoring code must be fully covered, every branch included.
        'packages/clinical/src/instruments/**/*.ts': {
          branches: 100,
          functions: 100,
          lines: 100,
          statements: 100,
        },
      },
    },
  },
});
