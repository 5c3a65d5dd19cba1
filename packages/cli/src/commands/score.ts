import { ClinicalInputError, isPlainObject, scoreInstrument } from '@spinewise/clinical';
import type { InstrumentScore } from '@spinewise/clinical';
import {
  formatCommandHelp,
  formatJson,
  parseCommandArgs,
  parseWholeNumberOption,
  requirePositional,
  stringOption,
} from '../command.js';
import type { Command } from '../command.js';
import { parseJsonInput, readInput } from '../input.js';
import { UsageError } from '../usage-error.js';
import { renderScore } from '../text/score.js';

const usage = 'spinewise score <instrument> [file|-] [--max-missing N] [--format json|text]';

function parseMaxMissing(value: string | undefined): number | undefined {
  return value === undefined ? undefined : parseWholeNumberOption('--max-missing', value, usage);
}

/**
 * The score with each subscale also at the top level (`jq .psychosocial`), never replacing a
 * field of the score itself.
 */
export function flattenScore(score: InstrumentScore): Record<string, unknown> {
  const flat: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(score)) {
    flat[key] = value;
    if (key !== 'subscales') continue;
    // Right after `subscales`, so the JSON reads in order.
    for (const [name, subscale] of Object.entries(score.subscales)) {
      if (!(name in score)) flat[name] = subscale;
    }
  }
  return flat;
}

export const scoreCommand: Command = {
  name: 'score',
  summary: 'Score one completed questionnaire (ODI, NDI, STarT Back, PSFS, …).',
  usage,
  help: `Reads {"answers": [...]} from the file, or from stdin when the file is - or left out.
Answers are in item order; null marks a skipped item. STarT Back item 9 may be its
label ("very much") or 0–4; PSFS answers may be ratings or {"activity", "rating"}.
Run \`spinewise instruments\` for the instrument ids. An "instrument" key in the input,
if present, must match the command's instrument.

Options:
  --max-missing N   most skipped items to accept (default: the instrument's rule,
                    e.g. 2 sections for the ODI)
  --format F        json (default) or text

Output (JSON): instrument, score (full precision), display, band, subscales (also as
top-level keys such as psychosocial), answered, missing, interpretation, sources.

Examples:
  spinewise score odi examples/odi.json
  spinewise score sbst examples/sbst.json --format text
  echo '{"answers":[3,5,4]}' | spinewise score psfs -`,
  async run(argv, io) {
    const args = parseCommandArgs(scoreCommand, argv, { 'max-missing': { type: 'string' } }, 2);
    if (args.help) {
      io.stdout(formatCommandHelp(scoreCommand));
      return 0;
    }
    const instrument = requirePositional(args.positionals, 0, 'instrument', usage);
    const input = parseJsonInput(await readInput(io, args.positionals[1], usage));
    if (!isPlainObject(input)) {
      throw new ClinicalInputError([], 'must be an object {"answers": [...]}');
    }
    for (const key of Object.keys(input)) {
      if (key !== 'answers' && key !== 'instrument') {
        throw new ClinicalInputError(
          [key],
          'is not a known field; the input is {"answers": [...]}',
        );
      }
    }
    if (!('answers' in input)) {
      throw new ClinicalInputError(['answers'], 'is required: the answers in item order');
    }
    // An input that names its instrument must name the one asked for, so a PSFS file is not
    // silently scored as an ODI.
    if ('instrument' in input && input.instrument !== instrument) {
      throw new ClinicalInputError(
        ['instrument'],
        `the input is for ${JSON.stringify(input.instrument)} but the command asks for ${JSON.stringify(instrument)}`,
      );
    }
    const maxMissing = parseMaxMissing(stringOption(args.values, 'max-missing'));
    let score;
    try {
      score = scoreInstrument(
        instrument,
        input.answers,
        maxMissing === undefined ? undefined : { maxMissing },
      );
    } catch (error) {
      // The core names the option `maxMissing`; here it is `--max-missing`.
      if (error instanceof ClinicalInputError && error.path[0] === 'maxMissing') {
        throw new UsageError(`--max-missing: ${error.detail}`, usage);
      }
      throw error;
    }
    io.stdout(args.format === 'text' ? renderScore(score) : formatJson(flattenScore(score)));
    return 0;
  },
};
