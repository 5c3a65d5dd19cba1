import { ClinicalInputError } from '@spinewise/clinical';
import { changeCommand } from './commands/change.js';
import { classifyCommand } from './commands/classify.js';
import { exercisesCommand } from './commands/exercises.js';
import { importQuestionnaireCommand } from './commands/import-questionnaire.js';
import { migrateCommand } from './commands/migrate.js';
import { seedDemoCommand } from './commands/seed-demo.js';
import { serveCommand } from './commands/serve.js';
import { instrumentsCommand } from './commands/instruments.js';
import { planCommand } from './commands/plan.js';
import { progressCommand } from './commands/progress.js';
import { scoreCommand } from './commands/score.js';
import { scoreCsvCommand } from './commands/score-csv.js';
import { screenCommand } from './commands/screen.js';
import { formatCommandHelp } from './command.js';
import type { Command } from './command.js';
import { processIo } from './io.js';
import type { Io } from './io.js';
import { UsageError } from './usage-error.js';

export type { Io } from './io.js';

export const commands: readonly Command[] = [
  scoreCommand,
  changeCommand,
  screenCommand,
  classifyCommand,
  scoreCsvCommand,
  instrumentsCommand,
  importQuestionnaireCommand,
  exercisesCommand,
  planCommand,
  progressCommand,
  migrateCommand,
  serveCommand,
  seedDemoCommand,
];

const topUsage = 'spinewise <command> [options]   (spinewise help <command> for details)';

function topHelp(): string {
  const width = Math.max(...commands.map((command) => command.name.length));
  return `Spinewise: outcome scores, red-flag screening, classification, home exercise programmes
and progression for spine rehabilitation. Decision support for clinicians; it never
replaces clinical judgement.

Usage: ${topUsage}

Commands:
${commands.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`).join('\n')}
  ${'help'.padEnd(width)}  Show this list, or one command's help.

Every command prints pretty JSON by default, or a readable report with --format text.
Input is a file, or stdin when the file is - or left out. Errors go to stderr with exit
code 2.

Examples:
  spinewise score odi examples/odi.json
  spinewise change odi --baseline 36 --follow-up 20 --format text
  spinewise screen examples/screen-cauda-equina.json --format text
  cat examples/assessment-lumbar.json | spinewise classify - --format text
  spinewise score-csv odi examples/odi-batch.csv --skip-columns 1
  spinewise instruments --format text
  spinewise exercises bird-dog --format text
  spinewise plan examples/profile-lumbar.json --format text
  spinewise plan examples/profile-lumbar.json > programme.json
  spinewise progress programme.json examples/logs.json --today 2026-11-30 --format text
`;
}

function findCommand(name: string): Command {
  const command = commands.find((candidate) => candidate.name === name);
  if (command === undefined) {
    throw new UsageError(
      `unknown command ${JSON.stringify(name)}; run spinewise help for the list`,
    );
  }
  return command;
}

async function dispatch(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    // Called bare: show what is possible, but as a usage error so scripts notice.
    io.stderr(topHelp());
    return 2;
  }
  if (name === 'help' || name === '--help' || name === '-h') {
    const topic = rest[0];
    io.stdout(topic === undefined ? topHelp() : formatCommandHelp(findCommand(topic)));
    return 0;
  }
  if (name.startsWith('-')) {
    throw new UsageError(`unknown option ${name}; options go after the command`, topUsage);
  }
  return findCommand(name).run(rest, io);
}

/**
 * Runs `spinewise` with `argv` (without node and the script) and returns the exit code:
 * 0 success, 2 bad input or usage (message on stderr, nothing on stdout), 1 internal error.
 */
export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (error) {
    if (error instanceof ClinicalInputError) {
      io.stderr(`spinewise: ${error.message}\n`);
      return 2;
    }
    if (error instanceof UsageError) {
      io.stderr(`spinewise: ${error.message}\n`);
      if (error.usage !== undefined) io.stderr(`usage: ${error.usage}\n`);
      return 2;
    }
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.stderr(`spinewise: internal error: ${detail}\n`);
    return 1;
  }
}
