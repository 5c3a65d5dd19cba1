import { aims, exerciseLibrary, exerciseRegions, getExercise } from '@spinewise/clinical';
import type { Aim, Exercise } from '@spinewise/clinical';
import { formatCommandHelp, formatJson, parseCommandArgs, stringOption } from '../command.js';
import type { Command } from '../command.js';
import { renderExercise, renderExerciseList } from '../text/exercises.js';
import { UsageError } from '../usage-error.js';

const usage =
  'spinewise exercises [id] [--region R] [--aim AIM] [--with-animation] [--format json|text]';

// Keyed by the core's type, so an aim added there fails to compile here until it is described.
const aimWords: Readonly<Record<Aim, string>> = {
  mobility: 'pain relief and mobility',
  coreEndurance: 'core strength and endurance, motor control',
  strength: 'general and hip strength',
  posture: 'posture',
  function: 'lifting, bending, carrying, sit-to-stand',
  aerobic: 'walking, cycling',
  relaxation: 'relaxation and breathing',
  neck: 'neck exercises',
};

function choice<T extends string>(option: string, value: string, allowed: readonly T[]): T {
  const found = allowed.find((candidate) => candidate === value);
  if (found !== undefined) return found;
  throw new UsageError(
    `${option}: must be one of ${allowed.join(', ')}, not ${JSON.stringify(value)}`,
    usage,
  );
}

/** An exercise as the list shows it: everything but the animation's keyframes. */
export type ExerciseListing = Omit<Exercise, 'animation'> & {
  readonly animation: Omit<Exercise['animation'], 'keyframes'> &
    Partial<Pick<Exercise['animation'], 'keyframes'>>;
};

function withoutKeyframes(exercise: Exercise): ExerciseListing {
  const { keyframes: _keyframes, ...animation } = exercise.animation;
  return { ...exercise, animation };
}

export const exercisesCommand: Command = {
  name: 'exercises',
  summary: 'List the exercise library, or show one exercise in full.',
  usage,
  help: `Without an argument, lists every exercise of the library with its movement tags,
dosage (default dose, bounds, progression order), progression chain and level, and the
easier (regression) and harder (progression) exercise in its chain. The animation's
keyframes are left out of the list unless --with-animation is given. With an exercise id,
shows that exercise in full, keyframes included.

Options:
  --region R          only exercises for one region: ${exerciseRegions.join(', ')}
  --aim AIM           only exercises with this aim:
${aims.map((aim) => `                        ${aim.padEnd(14)} ${aimWords[aim]}`).join('\n')}
  --with-animation    include the animation keyframes in the JSON list
  --format F          json (default) or text: a table, or one exercise as a readable page

Examples:
  spinewise exercises --region lumbar --aim coreEndurance --format text
  spinewise exercises bird-dog --format text
  spinewise exercises | jq '.[] | select(.level > 1) | .id'`,
  run(argv, io) {
    const args = parseCommandArgs(
      exercisesCommand,
      argv,
      {
        region: { type: 'string' },
        aim: { type: 'string' },
        'with-animation': { type: 'boolean' },
      },
      1,
    );
    if (args.help) {
      io.stdout(formatCommandHelp(exercisesCommand));
      return Promise.resolve(0);
    }
    const regionOption = stringOption(args.values, 'region');
    const aimOption = stringOption(args.values, 'aim');
    const region =
      regionOption === undefined ? undefined : choice('--region', regionOption, exerciseRegions);
    const aim = aimOption === undefined ? undefined : choice('--aim', aimOption, aims);
    const id = args.positionals[0];
    if (id !== undefined) {
      if (region !== undefined || aim !== undefined) {
        throw new UsageError(
          '--region and --aim filter the list; leave them out with an id',
          usage,
        );
      }
      const exercise = getExercise(id);
      io.stdout(args.format === 'text' ? renderExercise(exercise) : formatJson(exercise));
      return Promise.resolve(0);
    }
    const chosen = exerciseLibrary.filter(
      (exercise) =>
        (region === undefined || exercise.region === region) &&
        (aim === undefined || exercise.aims.includes(aim)),
    );
    if (args.format === 'text') {
      io.stdout(renderExerciseList(chosen, { region, aim }));
    } else {
      const withAnimation = args.values['with-animation'] === true;
      io.stdout(formatJson(withAnimation ? chosen : chosen.map(withoutKeyframes)));
    }
    return Promise.resolve(0);
  },
};
