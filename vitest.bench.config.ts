import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const clinicalSource = fileURLToPath(new URL('packages/clinical/src/index.ts', import.meta.url));

// Benchmarks live apart from tests (bench/*.bench.ts) and only run through `npm run bench`.
export default defineConfig({
  resolve: { alias: { '@spinewise/clinical': clinicalSource } },
  test: { benchmark: { include: ['bench/**/*.bench.ts'] } },
});
