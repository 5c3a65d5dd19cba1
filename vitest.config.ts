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
    include: ['packages/*/src/**/*.test.ts'],
    coverage: {
      provider: 'v8',
      include: ['packages/*/src/**/*.ts'],
      exclude: ['**/*.test.ts', '**/*.bench.ts', '**/*.fixture.ts'],
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
