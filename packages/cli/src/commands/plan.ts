import { ClinicalInputError, generateProgramme, isPlainObject } from '@spinewise/clinical';
import {
  formatCommandHelp,
  formatJson,
  parseCommandArgs,
  parseWholeNumberOption,
  stringOption,
} from '../command.js';
import type { Command } from '../command.js';
import { parseJsonInput, readInput } from '../input.js';
import { renderPlan } from '../text/plan.js';
import { UsageError } from '../usage-error.js';

const usage = 'spinewise plan [file|-] [--weeks N] [--clinician] [--format json|text]';

interface PlanInput {
  readonly profile: unknown;
  readonly options: unknown;
  /** True when the input was `{"profile": …, "options": …}`: profile errors then say `profile.`. */
  readonly wrapped: boolean;
}

/** The input is a profile, or `{"profile": {...}, "options": {...}}`. */
function readPlanInput(input: unknown): PlanInput {
  if (!isPlainObject(input) || !('profile' in input)) {
    return { profile: input, options: undefined, wrapped: false };
  }
  for (const key of Object.keys(input)) {
    if (key !== 'profile' && key !== 'options') {
      throw new ClinicalInputError(
        [key],
        'is not a known field; the input is a profile, or {"profile": {...}, "options": {...}}',
      );
    }
  }
  return { profile: input.profile, options: input.options, wrapped: true };
}

/** `--weeks N` replaces `options.weeks`; other options stay as given. */
function withWeeks(options: unknown, weeks: number | undefined): unknown {
  if (weeks === undefined) return options;
  if (options === undefined) return { weeks };
  // Anything but an object is left for the core to reject, naming `options`.
  return isPlainObject(options) ? { ...options, weeks } : options;
}

export const planCommand: Command = {
  name: 'plan',
  summary: 'Generate a dated, phased home programme from a patient profile.',
  usage,
  help: `Reads a patient profile from the file, or from stdin when the file is - or left out:
either the profile itself or {"profile": {...}, "options": {...}}. Profile fields: region
(lumbar or cervical), condition, symptomDurationDays, age, minutesPerDay, startDate
(YYYY-MM-DD), redFlags {"findings": {...}} (as for spinewise screen), and optionally
sbstRisk, scores {odi, ndi, nprs}, directionalPreference, osteoporosis, surgeryDate,
surgeonClearance, clinicianDecision, goals [{activity, rating, kind}], equipment and
activityBaselineMinutes. Options: weeks (default 6), exercisesPerSession {min, max},
reassessmentWeeks, startPhase.

Output (JSON): the programme: status (active, or blocked when the red-flag screen needs a
clinician's decision first), phases, weeks[] with their phase, sessions[].exercises[] (id,
sets, reps or holdSeconds or minutes, perDay, daysPerWeek, rationale…), activity quota,
lessons, posture tasks and questionnaires, the screen and the programme's rationale.
The text format is the plan a patient follows, week by week, in plain words, with the
warning signs to act on at the end.

Options:
  --weeks N      programme length in weeks, 1–26 (replaces options.weeks)
  --clinician    text format: also show why each exercise and dose was chosen (rule
                 and sources), the programme's rationale and the exercises left out
  --format F     json (default) or text

Examples:
  spinewise plan examples/profile-lumbar.json --format text
  spinewise plan examples/profile-lumbar.json --format text --clinician
  spinewise plan examples/profile-neck.json --weeks 4 | jq '.weeks[0].phase'
  spinewise plan examples/profile-lumbar.json > programme.json`,
  async run(argv, io) {
    const args = parseCommandArgs(
      planCommand,
      argv,
      { weeks: { type: 'string' }, clinician: { type: 'boolean' } },
      1,
    );
    if (args.help) {
      io.stdout(formatCommandHelp(planCommand));
      return 0;
    }
    const weeksOption = stringOption(args.values, 'weeks');
    const weeks =
      weeksOption === undefined ? undefined : parseWholeNumberOption('--weeks', weeksOption, usage);
    const clinician = args.values.clinician === true;
    if (clinician && args.format !== 'text') {
      throw new UsageError('--clinician: shapes the text format; add --format text', usage);
    }
    const input = readPlanInput(parseJsonInput(await readInput(io, args.positionals[0], usage)));
    let programme;
    try {
      programme = generateProgramme(input.profile, withWeeks(input.options, weeks));
    } catch (error) {
      if (!(error instanceof ClinicalInputError)) throw error;
      // The core names `options.weeks`; here it came from --weeks.
      if (weeks !== undefined && error.path[0] === 'options' && error.path[1] === 'weeks') {
        throw new UsageError(`--weeks: ${error.detail}`, usage);
      }
      // Inside {"profile": …}, a profile field's path starts at `profile`.
      if (input.wrapped && error.path[0] !== 'options') {
        throw new ClinicalInputError(['profile', ...error.path], error.detail);
      }
      throw error;
    }
    io.stdout(
      args.format === 'text' ? renderPlan(programme, { clinician }) : formatJson(programme),
    );
    return 0;
  },
};
