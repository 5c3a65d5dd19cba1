/**
 * Running the server: configuration → database (embedded or external) → migrations → the HTTP
 * app. Returns a handle whose `close` shuts everything down in order (app, pool, database).
 */
import { DEFAULT_VAPID_SUBJECT, type Config } from './config/config.js';
import { connect } from './database/client.js';
import { runMigrations } from './database/migrate.js';
import { openDatabase } from './database/open.js';
import { buildApp, type App } from './http/app.js';
import { databaseHealth } from './http/health.js';
import { registerApi } from './http/api.js';
import { DEFAULT_WEB_DIR } from './http/web.js';
import { webPushSender, type PushSender } from './reminders/push.js';
import { startReminderScheduler, type ReminderScheduler } from './reminders/scheduler.js';

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
  /**
   * The reminder scheduler's clock and sender (Web Push by default); `false`: no scheduler.
   */
  readonly reminders?: false | { readonly now?: () => Date; readonly sender?: PushSender };
}

export async function startServer(
  config: Config,
  options: StartOptions = {},
): Promise<RunningServer> {
  const log = options.log ?? (() => undefined);
  const database = await openDatabase(config, log);
  let client: ReturnType<typeof connect> | undefined;
  let app: App | undefined;
  let reminders: ReminderScheduler | undefined;
  try {
    await runMigrations(database.url);
    await options.prepare?.(database.url);
    client = connect(database.url);
    const pool = client.pool;
    app = buildApp({
      logger: config.LOG_LEVEL === 'silent' ? false : { level: config.LOG_LEVEL },
      health: () => databaseHealth(pool),
      trustProxy: config.SPINEWISE_TRUST_PROXY,
      webRoot: config.SPINEWISE_WEB_DIR ?? DEFAULT_WEB_DIR,
    });
    registerApi(app, { db: client.db });
    await listen(app, config);
    if (options.reminders !== false) {
      const db = client.db;
      const appLog = app.log;
      reminders = startReminderScheduler({
        db,
        sender:
          options.reminders?.sender ??
          webPushSender(db, config.SPINEWISE_VAPID_SUBJECT ?? DEFAULT_VAPID_SUBJECT),
        ...(options.reminders?.now === undefined ? {} : { now: options.reminders.now }),
        onError: (error) => {
          appLog.error({ err: error }, 'sending reminders failed');
        },
      });
    }
  } catch (error) {
    await app?.close();
    await client?.close();
    await database.close();
    throw error;
  }
  const listening = app;
  const pool = client;
  const scheduler = reminders;
  const address = listening.server.address();
  const port = address !== null && typeof address === 'object' ? address.port : DEFAULT_PORT;
  let closed = false;
  return {
    url: `http://${config.HOST}:${port}`,
    app: listening,
    database: database.description,
    async close() {
      if (closed) return;
      closed = true;
      // Reminders first: a pass under way finishes before the pool closes under it.
      await scheduler?.stop();
      await listening.close();
      await pool.close();
      await database.close();
    },
  };
}

/** The port when `PORT` is unset, and how many after it are tried when it is taken. */
export const DEFAULT_PORT = 3000;
const DEFAULT_PORT_TRIES = 20;

/** Thrown when the HTTP port cannot be had; the message says what to do. */
export class PortInUseError extends Error {
  override readonly name = 'PortInUseError';
}

function isAddressInUse(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'EADDRINUSE';
}

/**
 * Listens on `PORT`, or, when it is unset, on 3000 or the next free port after it: a newcomer's
 * `npm start` should not fail because another app holds 3000. An explicit `PORT` is exact.
 */
async function listen(app: App, config: Config): Promise<void> {
  if (config.PORT !== undefined) {
    try {
      await app.listen({ port: config.PORT, host: config.HOST });
    } catch (error) {
      if (!isAddressInUse(error)) throw error;
      throw new PortInUseError(
        `port ${String(config.PORT)} on ${config.HOST} is in use: stop what runs there or set PORT to another port`,
      );
    }
    return;
  }
  for (let port = DEFAULT_PORT; port < DEFAULT_PORT + DEFAULT_PORT_TRIES; port += 1) {
    try {
      await app.listen({ port, host: config.HOST });
      return;
    } catch (error) {
      if (!isAddressInUse(error)) throw error;
    }
  }
  throw new PortInUseError(
    `ports ${String(DEFAULT_PORT)}–${String(DEFAULT_PORT + DEFAULT_PORT_TRIES - 1)} on ${config.HOST} are all in use: set PORT`,
  );
}
