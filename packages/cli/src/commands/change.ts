import { ClinicalInputError, change, getInstrument } from '@spinewise/clinical';
import {
  formatCommandHelp,
  formatJson,
  parseCommandArgs,
  parseNumberOption,
  requirePositional,
  stringOption,
} from '../command.js';
import type { Command } from '../command.js';
import { UsageError } from '../usage-error.js';
import { renderChange } from '../text/change.js';

const usage =
  'spinewise change <instrument> --baseline N --follow-up N [--region lumbar|cervical] [--subscale NAME] [--format json|text]';

/** The clinical core names its parameters; on the command line they are options. */
const optionNames: Readonly<Record<string, string>> = {
  baseline: '--baseline',
  followUp: '--follow-up',
  region: '--region',
  subscale: '--subscale',
};

function asOptionError(error: unknown): unknown {
  if (!(error instanceof ClinicalInputError)) return error;
  const [field] = error.path;
  const option = typeof field === 'string' ? optionNames[field] : undefined;
  return option === undefined ? error : new UsageError(`${option}: ${error.detail}`, usage);
}

export const changeCommand: Command = {
  name: 'change',
  summary: 'Change between two scores and whether it meets the MCID.',
  usage,
  help: `Compares a baseline and a follow-up score of one instrument: absolute and percent
change, direction (improved / worsened / unchanged, knowing whether lower or higher is
better for that instrument) and whether the minimal clinically important difference
(MCID) is met.

Options:
  --baseline N       the earlier score (required)
  --follow-up N      the later score (required)
  --region R         lumbar or cervical: picks the MCID for that region where the
                     instrument has one per region (e.g. NPRS)
  --subscale NAME    compare a subscale instead of the total (e.g. fabq work)
  --format F         json (default) or text

Examples:
  spinewise change odi --baseline 36 --follow-up 20
  spinewise change nprs --baseline 7 --follow-up 5 --region cervical --format text`,
  run(argv, io) {
    const args = parseCommandArgs(
      changeCommand,
      argv,
      {
        baseline: { type: 'string' },
        'follow-up': { type: 'string' },
        region: { type: 'string' },
        subscale: { type: 'string' },
      },
      1,
    );
    if (args.help) {
      io.stdout(formatCommandHelp(changeCommand));
      return Promise.resolve(0);
    }
    const instrument = requirePositional(args.positionals, 0, 'instrument', usage);
    const baseline = parseNumberOption('--baseline', stringOption(args.values, 'baseline'), usage);
    const followUp = parseNumberOption(
      '--follow-up',
      stringOption(args.values, 'follow-up'),
      usage,
    );
    const region = stringOption(args.values, 'region');
    if (region !== undefined && region !== 'lumbar' && region !== 'cervical') {
      throw new UsageError(
        `--region: must be lumbar or cervical, not ${JSON.stringify(region)}`,
        usage,
      );
    }
    const subscale = stringOption(args.values, 'subscale');
    const definition = getInstrument(instrument);
    let result;
    try {
      result = change(instrument, baseline, followUp, {
        ...(region === undefined ? {} : { region }),
        ...(subscale === undefined ? {} : { subscale }),
      });
    } catch (error) {
      throw asOptionError(error);
    }
    io.stdout(args.format === 'text' ? renderChange(result, definition.title) : formatJson(result));
    return Promise.resolve(0);
  },
};
