/**
 * The database a server or command uses: the external PostgreSQL at DATABASE_URL (production),
 * or the embedded one under the data directory (the default).
 */
import type { Config } from '../config/config.js';
import { startEmbeddedPostgres } from './embedded.js';

export interface OpenDatabase {
  readonly url: string;
  /** `embedded (<dataDir>, port N)` or `external (host:port/db)`, for the start-up message. */
  readonly description: string;
  close(): Promise<void>;
}

export async function openDatabase(
  config: Config,
  log: (message: string) => void = () => undefined,
): Promise<OpenDatabase> {
  if (config.DATABASE_URL !== undefined) {
    const url = new URL(config.DATABASE_URL);
    return {
      url: config.DATABASE_URL,
      // Never print the password.
      description: `external (${url.hostname}:${url.port || '5432'}${url.pathname})`,
      close: () => Promise.resolve(),
    };
  }
  const database = await startEmbeddedPostgres({
    dataDir: config.SPINEWISE_DATA_DIR,
    port: config.SPINEWISE_PG_PORT,
    log,
  });
  return {
    url: database.url,
    description: `embedded (${database.dataDir}, port ${database.port})`,
    close: () => database.stop(),
  };
}
