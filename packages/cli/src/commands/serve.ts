import { formatCommandHelp, parseCommandArgs } from '../command.js';
import type { Command } from '../command.js';
import { loadServer } from '../server.js';
import { UsageError } from '../usage-error.js';

const usage = 'spinewise serve';

export const serveCommand: Command = {
  name: 'serve',
  summary: 'Run the Spinewise server (embedded PostgreSQL by default, or DATABASE_URL).',
  usage,
  help: `Starts the database (the embedded PostgreSQL under SPINEWISE_DATA_DIR unless DATABASE_URL is
set), applies pending migrations and serves the API, with its OpenAPI document at /api/docs.
Stops cleanly on Ctrl-C (SIGINT) or SIGTERM.

Environment:
  DATABASE_URL         postgres://user:password@host:5432/database (an external PostgreSQL)
  SPINEWISE_DATA_DIR   where the embedded PostgreSQL keeps its data (default ./data)
  SPINEWISE_PG_PORT    preferred port of the embedded PostgreSQL (default 54329)
  PORT                 where the server listens (default 3000, or the next free port)
  HOST                 the interface (default 127.0.0.1: this machine only)
  SPINEWISE_TRUST_PROXY  true behind a reverse proxy that sets X-Forwarded-* (default false)
  SPINEWISE_WEB_DIR    the web app's build (default packages/web/dist)
  LOG_LEVEL            fatal, error, warn, info (default), debug, trace or silent

Examples:
  spinewise serve
  PORT=8080 HOST=0.0.0.0 DATABASE_URL=postgres://spinewise:secret@db:5432/spinewise spinewise serve`,
  async run(argv, io) {
    const args = parseCommandArgs(serveCommand, argv, {}, 0);
    if (args.help) {
      io.stdout(formatCommandHelp(serveCommand));
      return 0;
    }
    const {
      server: { DataDirectoryLockedError, PortInUseError, demoLogins, seedDemo, startServer },
      config,
    } = await loadServer(io, usage);
    const embedded = config.DATABASE_URL === undefined;
    const demo = { seeded: false };
    const starting = startServer(config, {
      log: (message) => {
        if (config.LOG_LEVEL === 'debug' || config.LOG_LEVEL === 'trace') io.stderr(`${message}\n`);
      },
      // The embedded database is the newcomer's: it gets the demo clinic on its first start.
      // An external DATABASE_URL never does unless asked (spinewise seed-demo).
      ...(embedded
        ? {
            prepare: async (url: string) => {
              demo.seeded = (await seedDemo(url, new Date().toISOString().slice(0, 10))).created;
            },
          }
        : {}),
    });
    // What the person starting it can fix (another server on the data directory, a busy port)
    // is a usage error: a message and exit 2, not a stack trace.
    const server = await starting.catch((error: unknown) => {
      if (error instanceof DataDirectoryLockedError || error instanceof PortInUseError) {
        throw new UsageError(error.message, usage);
      }
      throw error;
    });
    const logins = embedded
      ? `\nDemo clinic${demo.seeded ? ' (created now)' : ''}, log-ins:\n${demoLogins()
          .map((login) => `  ${login.role.padEnd(10)} ${login.email}  password ${login.password}`)
          .join('\n')}\n`
      : '';
    io.stdout(
      `Spinewise is running at ${server.url}\n  API docs  ${server.url}/api/docs\n  Database  ${server.database}\n${logins}Stop with Ctrl-C.\n`,
    );
    await new Promise<void>((resolve) => {
      const stop = () => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        resolve();
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    io.stdout('Stopping…\n');
    await server.close();
    io.stdout('Stopped.\n');
    return 0;
  },
};
