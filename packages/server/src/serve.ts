/**
 * Running the server: configuration → database (embedded or external) → migrations → the HTTP
 * app. Returns a handle whose `close` shuts everything down in order (app, pool, database).
 */
import type { Config } from './config/config.js';
import { connect } from './database/client.js';
import { runMigrations } from './database/migrate.js';
import { openDatabase } from './database/open.js';
import { buildApp, type App } from './http/app.js';
import { databaseHealth } from './http/health.js';
import { registerApi } from './http/api.js';

export interface RunningServer {
  readonly url: string;
  readonly app: App;
  readonly database: string;
  close(): Promise<void>;
}

export interface StartOptions {
  readonly log?: (message: string) => void;
  /** Work done after migrations and before listening (the demo seed). */
  readonly prepare?: (databaseUrl: string) => Promise<void>;
}

export async function startServer(
  config: Config,
  options: StartOptions = {},
): Promise<RunningServer> {
  const log = options.log ?? (() => undefined);
  const database = await openDatabase(config, log);
  let client: ReturnType<typeof connect> | undefined;
  let app: App | undefined;
  try {
    await runMigrations(database.url);
    await options.prepare?.(database.url);
    client = connect(database.url);
    const pool = client.pool;
    app = buildApp({
      logger: config.LOG_LEVEL === 'silent' ? false : { level: config.LOG_LEVEL },
      health: () => databaseHealth(pool),
    });
    registerApi(app, { db: client.db });
    await app.listen({ port: config.PORT, host: config.HOST });
  } catch (error) {
    await app?.close();
    await client?.close();
    await database.close();
    throw error;
  }
  const running = app;
  const pool = client;
  const address = running.server.address();
  const port = address !== null && typeof address === 'object' ? address.port : config.PORT;
  let closed = false;
  return {
    url: `http://${config.HOST}:${port}`,
    app: running,
    database: database.description,
    async close() {
      if (closed) return;
      closed = true;
      await running.close();
      await pool.close();
      await database.close();
    },
  };
}
