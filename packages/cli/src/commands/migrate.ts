import { formatCommandHelp, parseCommandArgs } from '../command.js';
import type { Command } from '../command.js';
import { loadServer } from '../server.js';

const usage = 'spinewise migrate';

export const migrateCommand: Command = {
  name: 'migrate',
  summary: 'Bring the database schema up to date (embedded PostgreSQL, or DATABASE_URL).',
  usage,
  help: `Applies the committed SQL migrations that have not run yet; running it again changes
nothing. Without DATABASE_URL it uses the embedded PostgreSQL under SPINEWISE_DATA_DIR
(default ./data), starting it for the duration.

Environment:
  DATABASE_URL         postgres://user:password@host:5432/database (an external PostgreSQL)
  SPINEWISE_DATA_DIR   where the embedded PostgreSQL keeps its data (default ./data)
  SPINEWISE_PG_PORT    preferred port of the embedded PostgreSQL (default 54329)

Examples:
  spinewise migrate
  DATABASE_URL=postgres://spinewise:secret@db.internal:5432/spinewise spinewise migrate`,
  async run(argv, io) {
    const args = parseCommandArgs(migrateCommand, argv, {}, 0);
    if (args.help) {
      io.stdout(formatCommandHelp(migrateCommand));
      return 0;
    }
    const {
      server: { openDatabase, runMigrations },
      config,
    } = await loadServer(io, usage);
    const database = await openDatabase(config);
    try {
      await runMigrations(database.url);
      io.stdout(`Database ${database.description} is up to date.\n`);
    } finally {
      await database.close();
    }
    return 0;
  },
};
