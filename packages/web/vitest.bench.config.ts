import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const source = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// The web app's benchmark (bench/*.bench.ts) runs only through `npm run bench -w packages/web`:
// one long test that prints its figures, apart from `npm test`.
export default defineConfig({
  resolve: {
    alias: {
      '@spinewise/clinical': source('../clinical/src/index.ts'),
      '@spinewise/server': source('../server/src/index.ts'),
    },
  },
  test: {
    root: source('.'),
    include: ['bench/**/*.bench.ts'],
    disableConsoleIntercept: true,
    fileParallelism: false,
  },
});
