import { formatCommandHelp, parseCommandArgs, stringOption } from '../command.js';
import type { Command } from '../command.js';
import { loadServer } from '../server.js';
import { UsageError } from '../usage-error.js';

const usage = 'spinewise seed-demo [--today YYYY-MM-DD]';

export const seedDemoCommand: Command = {
  name: 'seed-demo',
  summary:
    'Add the demo clinic (5 patients with assessments, programmes and logs) to the database.',
  usage,
  help: `Creates the demo clinic if it is not there yet: an admin, a clinician and five patients whose
assessments, programmes, weeks of session logs, progression suggestions and alerts all come
from the clinical engine. Running it again changes nothing. The embedded database gets the demo
on its first \`spinewise serve\`; an external DATABASE_URL only when you run this.

Options:
  --today YYYY-MM-DD   the demo's "today" (default: the current date)

Examples:
  spinewise seed-demo
  DATABASE_URL=postgres://spinewise:secret@db:5432/spinewise_demo spinewise seed-demo`,
  async run(argv, io) {
    const args = parseCommandArgs(seedDemoCommand, argv, { today: { type: 'string' } }, 0);
    if (args.help) {
      io.stdout(formatCommandHelp(seedDemoCommand));
      return 0;
    }
    const today = stringOption(args.values, 'today') ?? new Date().toISOString().slice(0, 10);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || Number.isNaN(Date.parse(`${today}T00:00:00Z`))) {
      throw new UsageError(
        `--today: ${JSON.stringify(today)} is not a date; expected YYYY-MM-DD`,
        usage,
      );
    }
    const {
      server: { demoLogins, openDatabase, runMigrations, seedDemo },
      config,
    } = await loadServer(io, usage);
    const database = await openDatabase(config);
    try {
      await runMigrations(database.url);
      const result = await seedDemo(database.url, today);
      io.stdout(
        `${result.created ? 'Created the demo clinic' : 'The demo clinic is already there'} in ${database.description}.\nLog-ins:\n${demoLogins()
          .map((login) => `  ${login.role.padEnd(10)} ${login.email}  password ${login.password}`)
          .join('\n')}\n`,
      );
    } finally {
      await database.close();
    }
    return 0;
  },
};
