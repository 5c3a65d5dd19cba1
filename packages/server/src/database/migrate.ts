/**
 * Database migrations: the committed SQL in `packages/server/drizzle`, applied in order and
 * recorded, so running them again is a no-op. Generated with drizzle-kit from `schema.ts`.
 */
import { fileURLToPath } from 'node:url';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';

/** The migrations folder, next to `src` and `dist` alike. */
export const migrationsFolder = fileURLToPath(new URL('../../drizzle', import.meta.url));

/** Applies every pending migration to the database at `url`. */
export async function runMigrations(url: string): Promise<void> {
  // One client whose end we await, so nothing is left closing when the database stops.
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await migrate(drizzle(client), { migrationsFolder });
  } finally {
    await client.end();
  }
}
