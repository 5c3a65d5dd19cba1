import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const clinicalSource = fileURLToPath(new URL('../clinical/src/index.ts', import.meta.url));

// The server benchmarks (bench/*.bench.ts) run only through `npm run bench -w packages/server`:
// one long test that prints its figures, apart from `npm test` (which reads src/**/*.test.ts).
export default defineConfig({
  resolve: { alias: { '@spinewise/clinical': clinicalSource } },
  test: {
    root: fileURLToPath(new URL('.', import.meta.url)),
    include: ['bench/**/*.bench.ts'],
    // The figures go straight to the terminal as they are printed.
    disableConsoleIntercept: true,
    fileParallelism: false,
  },
});
