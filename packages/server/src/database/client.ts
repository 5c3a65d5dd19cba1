/** The connection pool and the typed Drizzle client the server's repositories share. */
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import * as schema from './schema.js';

export type Database = NodePgDatabase<typeof schema>;

export interface DatabaseClient {
  readonly db: Database;
  readonly pool: pg.Pool;
  close(): Promise<void>;
}

export function connect(url: string, options: { max?: number } = {}): DatabaseClient {
  // Every session works in UTC (timestamps are timestamptz), set at connection time.
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    options: '-c TimeZone=UTC',
  });
  // An idle client losing its connection (a database restart) must not crash the process.
  pool.on('error', () => undefined);
  return {
    db: drizzle(pool, { schema }),
    pool,
    close: () => pool.end(),
  };
}
