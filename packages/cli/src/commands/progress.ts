import {
  ClinicalInputError,
  decideProgression,
  isPlainObject,
  logSymptoms,
} from '@spinewise/clinical';
import type { ProgressionResult } from '@spinewise/clinical';
import {
  formatCommandHelp,
  formatJson,
  parseCommandArgs,
  requirePositional,
  stringOption,
} from '../command.js';
import type { Command } from '../command.js';
import { parseJsonInput, readInput } from '../input.js';
import { wrap } from '../text/layout.js';
import { renderProgress } from '../text/progress.js';
import { UsageError } from '../usage-error.js';

const usage =
  'spinewise progress <programme.json> <logs.json> --today YYYY-MM-DD [--history FILE] [--format json|text]';

/** A file holding a list, either bare or as `{"<key>": [...]}`. */
function unwrapList(input: unknown, key: string): unknown {
  if (!isPlainObject(input)) return input;
  for (const field of Object.keys(input)) {
    if (field !== key) {
      throw new ClinicalInputError(
        [field],
        `is not a known field; the file is a list, or {"${key}": [...]}`,
      );
    }
  }
  if (!(key in input)) throw new ClinicalInputError([key], 'is required: the list');
  return input[key];
}

export const progressCommand: Command = {
  name: 'progress',
  summary: 'Progress, hold, regress or stop each exercise from session logs.',
  usage,
  help: `Reads a programme (as spinewise plan writes it) and the patient's session logs, and
decides for each exercise of the current week: PROGRESS one step, HOLD, REGRESS one
step, or STOP AND SCREEN (any red-flag symptom logged halts the whole programme). Every
decision is a default that waits for the clinician's sign-off. One of the files may be -
for stdin.

The logs file is a list of session logs, or {"logs": [...]}. Each log: date (YYYY-MM-DD),
exerciseId (an exercise of the programme), setsDone, and optionally repsDone,
holdSecondsDone, minutesDone, completed (done, partly, skipped), painBefore, painDuring,
painAfter, nextMorningPain, nextMorningStiffness (0–10), difficulty (easy, moderate,
hard) or rpe (0–10), symptoms and note. Symptoms:
${wrap(logSymptoms.join(', '), '  ').join('\n')}

--today is required: the rules read no clock, so the same files and the same date always
give the same decisions, and a decision can be replayed for an earlier day (logs after
--today are left out).

Options:
  --today YYYY-MM-DD   the day to decide for (required)
  --history FILE       changes already applied: a list of {"date", "exerciseId",
                       "change": "dose" | "level"}, or {"history": [...]}. A new
                       dose or level is judged on its own logs, and a chain moves
                       at most one level a week.
  --format F           json (default) or text

Output (JSON): today, week (null after the programme's end), status (continue or halted),
decisions[] (exerciseId, decision, reason, rule, sources, logs, current, proposed),
adherence per week, flags (redFlagSymptom, painFlare, peripheralisation, nonAdherence) and
the thresholds used.

Examples:
  spinewise plan examples/profile-lumbar.json > programme.json
  spinewise progress programme.json examples/logs.json --today 2026-11-30 --format text
  spinewise progress programme.json examples/logs.json --today 2026-11-30 |
    jq '.decisions[].decision'`,
  async run(argv, io) {
    const args = parseCommandArgs(
      progressCommand,
      argv,
      { today: { type: 'string' }, history: { type: 'string' } },
      2,
    );
    if (args.help) {
      io.stdout(formatCommandHelp(progressCommand));
      return 0;
    }
    const programmeFile = requirePositional(args.positionals, 0, 'programme file', usage);
    const logsFile = requirePositional(args.positionals, 1, 'logs file', usage);
    const historyFile = stringOption(args.values, 'history');
    const files = [programmeFile, logsFile, historyFile];
    if (files.filter((file) => file === '-').length > 1) {
      throw new UsageError('only one of the files can be - (stdin)', usage);
    }
    const today = stringOption(args.values, 'today');
    if (today === undefined) {
      throw new UsageError(
        'missing --today YYYY-MM-DD: the decision is for a day you name, so it can be reproduced',
        usage,
      );
    }

    const read = async (file: string): Promise<unknown> =>
      parseJsonInput(await readInput(io, file, usage));
    // decideProgression checks the programme and names a bad field (`programme.weeks[0]…`).
    const programme = await read(programmeFile);
    const logs = unwrapList(await read(logsFile), 'logs');
    const history =
      historyFile === undefined ? undefined : unwrapList(await read(historyFile), 'history');

    let result: ProgressionResult;
    try {
      result = decideProgression(
        programme,
        logs,
        today,
        // The core validates the history (parseHistory) and names a bad entry's field.
        history === undefined ? {} : { history },
      );
    } catch (error) {
      if (!(error instanceof ClinicalInputError)) throw error;
      // The core names `today` and `options.history`; here they are --today and the history file.
      if (error.path[0] === 'today') throw new UsageError(`--today: ${error.detail}`, usage);
      if (error.path[0] === 'options' && error.path[1] === 'history') {
        throw new ClinicalInputError(['history', ...error.path.slice(2)], error.detail);
      }
      throw error;
    }
    io.stdout(args.format === 'text' ? renderProgress(result) : formatJson(result));
    return 0;
  },
};
