import { exerciseLibrary, repsPerSet } from '@spinewise/clinical';
import type { Aim, DoseVariable, Exercise, ExerciseRegion, Range } from '@spinewise/clinical';
import { daysAWeek, describeDose } from './dose.js';
import { heading, keyValues, list, render, table, wrap } from './layout.js';

const variableWords: Readonly<Record<DoseVariable, string>> = {
  reps: 'repetitions',
  sets: 'sets',
  holdSeconds: 'hold seconds',
  minutes: 'minutes',
};

const effectWords = {
  avoid: 'avoid',
  avoidEarly: 'not in the first phase',
  caution: 'caution',
} as const satisfies Readonly<Record<Exercise['precautions'][number]['effect'], string>>;

export function renderExerciseList(
  exercises: readonly Exercise[],
  filter: { region: ExerciseRegion | undefined; aim: Aim | undefined },
): string {
  const shown = [
    filter.region === undefined ? '' : `region ${filter.region}`,
    filter.aim === undefined ? '' : `aim ${filter.aim}`,
  ].filter((part) => part !== '');
  const title = `Exercise library${shown.length > 0 ? ` (${shown.join(', ')})` : ''}: ${exercises.length}`;
  const lines = [...heading(title)];
  if (exercises.length === 0) {
    lines.push('No exercise matches.');
    return render(lines);
  }
  lines.push(
    ...table(
      ['id', 'Name', 'Region', 'Aims', 'Position', 'Chain/level', 'Directions'],
      exercises.map((exercise) => [
        exercise.id,
        exercise.name,
        exercise.region,
        exercise.aims.join(', '),
        exercise.position,
        `${exercise.chain}/${exercise.level}`,
        exercise.movement.directions.join(', '),
      ]),
    ),
    '',
    'spinewise exercises <id> --format text shows one exercise in full.',
  );
  return render(lines);
}

function bounds(range: Range | { min: number; max: number } | undefined): string | undefined {
  if (range === undefined) return undefined;
  const span = range.min === range.max ? String(range.min) : `${range.min}–${range.max}`;
  return 'step' in range ? `${span} (step ${range.step})` : span;
}

function bullets(items: readonly string[], numbered = false): string[] {
  return items.flatMap((item, index) => {
    const marker = numbered ? `${index + 1}. ` : '- ';
    const first = `  ${marker}`;
    return wrap(item, ' '.repeat(first.length), undefined, first);
  });
}

function chainLine(exercise: Exercise): string {
  const named = (id: string | null, none: string): string => {
    if (id === null) return none;
    const linked = exerciseLibrary.find((candidate) => candidate.id === id);
    return linked === undefined ? id : `${linked.name} (${id}, level ${linked.level})`;
  };
  return (
    `${named(exercise.regression, 'none (easiest level)')} ← ` +
    `${exercise.name} (level ${exercise.level}) → ` +
    named(exercise.progression, 'none (top level)')
  );
}

function movementLine(exercise: Exercise): string {
  const { movement } = exercise;
  const traits = [
    movement.directions.join(', '),
    movement.endRange ? 'to end range' : '',
    movement.sustained ? 'held' : '',
    `${movement.load} load`,
    movement.rotationForce === 'none' ? '' : `${movement.rotationForce} rotation`,
    movement.gentleIsometric ? 'gentle isometric' : '',
  ];
  return traits.filter((trait) => trait !== '').join('; ');
}

export function renderExercise(exercise: Exercise): string {
  const { dosage } = exercise;
  const dose = dosage.default;
  const defaultDose = describeDose({
    kind: dosage.kind,
    ...dose,
    ...(dosage.pyramid === undefined || dose.reps === undefined
      ? {}
      : { repsPerSet: repsPerSet(exercise, dose) }),
  });
  const lines: string[] = [
    ...heading(`${exercise.name} (${exercise.id})`),
    ...wrap(exercise.summary),
    '',
    ...keyValues([
      ['Region', exercise.region],
      ['Aims', list(exercise.aims)],
      ['Position', exercise.position],
      ['Equipment', list(exercise.equipment)],
      ['Movement', movementLine(exercise)],
    ]),
    '',
    ...heading('Steps', '-'),
    ...bullets(exercise.steps, true),
    '',
    ...heading('Cues', '-'),
    ...bullets(exercise.cues),
    '',
    ...heading('Common mistakes', '-'),
    ...bullets(exercise.mistakes),
    '',
    ...heading('What you should feel', '-'),
    ...wrap(exercise.feel),
    '',
    ...heading('Stop if', '-'),
    ...bullets(exercise.stopIf),
    '',
    ...heading('Dose', '-'),
    ...keyValues([
      ['Default', `${defaultDose}, ${daysAWeek(dose.daysPerWeek)}`],
      ['Sets', bounds(dosage.bounds.sets)],
      ['Repetitions', bounds(dosage.bounds.reps)],
      ['Hold seconds', bounds(dosage.bounds.holdSeconds)],
      ['Minutes', bounds(dosage.bounds.minutes)],
      ['Times a day', bounds(dosage.bounds.perDay)],
      ['Days a week', bounds(dosage.bounds.daysPerWeek)],
      [
        'Pyramid',
        dosage.pyramid === undefined
          ? undefined
          : `each set ${dosage.pyramid.step} fewer repetitions than the one before`,
      ],
      [
        'Progresses',
        dosage.progressionOrder.map((variable) => variableWords[variable]).join(' → ') +
          ', then the next level',
      ],
      ['Why', `${dosage.rationale} (${list(dosage.sources)})`],
    ]),
    '',
    ...heading('Chain', '-'),
    ...wrap(`${exercise.chain}: ${chainLine(exercise)}`),
    '',
    ...heading('Precautions', '-'),
  ];
  if (exercise.precautions.length === 0) {
    lines.push('None beyond the safety rules every programme applies.');
  }
  for (const precaution of exercise.precautions) {
    lines.push(
      ...wrap(
        `${precaution.when} (${effectWords[precaution.effect]}): ${precaution.note} (${list(precaution.sources)})`,
        '    ',
        undefined,
        '  - ',
      ),
    );
  }
  lines.push('', `Sources: ${list(exercise.sources)}`);
  return render(lines);
}
