// `spinewise serve` from the TypeScript sources, for `SPINEWISE_AUDIT_FROM_SOURCE=1 npm run audit`:
// measures a change to the server before its dist is rebuilt. Run under tsx (which maps
// `@spinewise/*` to their sources through the root tsconfig's paths).
const { main } = await import('../../cli/src/main.ts');
process.exit(await main(process.argv.slice(2)));
