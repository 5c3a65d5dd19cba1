import { exerciseLibrary, repsPerSet } from '@spinewise/clinical';
import type {
  DecisionKind,
  Dose,
  DoseVariable,
  FlagSeverity,
  ProgressionDecision,
  ProgressionFlag,
  ProgressionResult,
  WeekAdherence,
} from '@spinewise/clinical';
import { describeDose, formatDate, formatDateRange } from './dose.js';
import { formatNumber, heading, keyValues, list, render, table, wrap } from './layout.js';

const decisionWords: Readonly<Record<DecisionKind, string>> = {
  progress: 'PROGRESS',
  hold: 'HOLD',
  regress: 'REGRESS',
  stopAndScreen: 'STOP AND SCREEN',
};

const variableWords: Readonly<Record<DoseVariable, string>> = {
  reps: 'reps',
  sets: 'sets',
  holdSeconds: 'hold seconds',
  minutes: 'minutes',
};

const severityWords: Readonly<Record<FlagSeverity, string>> = {
  emergency: 'EMERGENCY',
  urgent: 'URGENT',
  warning: 'WARNING',
  info: 'INFO',
};

const signOff =
  "Every suggestion above is a default that waits for the clinician's sign-off: nothing " +
  'changes in the programme until a clinician applies it.';

const library = new Map(exerciseLibrary.map((exercise) => [exercise.id, exercise]));

/** A library dose in words ("2 sets: 8, then 6 holds of 10 seconds"), when the id is known. */
function doseWords(exerciseId: string, dose: Dose): string | undefined {
  const exercise = library.get(exerciseId);
  if (exercise === undefined) return undefined;
  return describeDose({
    kind: exercise.dosage.kind,
    ...dose,
    ...(exercise.dosage.pyramid === undefined || dose.reps === undefined
      ? {}
      : { repsPerSet: repsPerSet(exercise, dose) }),
  });
}

function nameOf(exerciseId: string): string {
  return library.get(exerciseId)?.name ?? exerciseId;
}

/** "reps 8 → 10 (…)", "move to Bird dog (level 2), at its default dose: …", or why none. */
function proposalWords(decision: ProgressionDecision): string {
  const { proposed } = decision;
  if (proposed === null) {
    switch (decision.decision) {
      case 'stopAndScreen':
        return 'none: no exercise until a clinician has screened the patient';
      case 'hold':
        return 'none: keep the current dose';
      case 'progress':
      case 'regress':
        return 'none in the chain: the clinician chooses (see why)';
    }
  }
  const words = doseWords(proposed.exerciseId, proposed.dose);
  const { change } = proposed;
  if (change.kind === 'dose') {
    const step = `${variableWords[change.variable]} ${change.from} → ${change.to}`;
    return words === undefined ? step : `${step} (${words})`;
  }
  const move = change.toLevel > change.fromLevel ? 'move to' : 'move back to';
  const target = `${move} ${nameOf(change.toExercise)} (level ${change.toLevel})`;
  return words === undefined ? target : `${target}, at its default dose: ${words}`;
}

function decisionLines(decision: ProgressionDecision, index: number): string[] {
  const now = doseWords(decision.current.exerciseId, decision.current.dose);
  return [
    `${index + 1}. ${decision.name} [${decision.exerciseId}, level ${decision.current.level}]: ${decisionWords[decision.decision]}`,
    ...keyValues(
      [
        ['Now', now],
        ['Why', decision.reason],
        ['Proposed', proposalWords(decision)],
        ['Rule', `${decision.rule} (${list(decision.sources)})`],
        [
          'Logs used',
          decision.logs.length === 0 ? 'none' : decision.logs.map((log) => `#${log}`).join(', '),
        ],
      ],
      '   ',
    ),
  ];
}

function flagLines(flag: ProgressionFlag): string[] {
  const lines = wrap(
    `${severityWords[flag.severity]} (${flag.type}): ${flag.message}`,
    '    ',
    undefined,
    '  - ',
  );
  if (flag.advice !== undefined) {
    lines.push(...wrap(`Tell the patient: ${flag.advice}`, '    '));
  }
  lines.push(`    Sources: ${list(flag.sources)}`);
  return lines;
}

function rate(week: WeekAdherence): string {
  return week.rate === null ? '—' : `${Math.round(week.rate * 100)} %`;
}

function headline(result: ProgressionResult): string {
  if (result.status === 'halted') {
    return 'HALTED: stop the programme; a clinician must screen the patient';
  }
  const counts = (['progress', 'hold', 'regress'] as const)
    .map((kind) => ({ kind, count: result.decisions.filter((d) => d.decision === kind).length }))
    .filter((entry) => entry.count > 0)
    .map((entry) => `${entry.count} to ${entry.kind}`);
  return `CONTINUE: ${counts.length > 0 ? counts.join(', ') : 'no exercise to decide'}`;
}

export function renderProgress(result: ProgressionResult): string {
  const redFlags = result.flags.filter((flag) => flag.type === 'redFlagSymptom');
  const others = result.flags.filter((flag) => flag.type !== 'redFlagSymptom');
  const lines = [
    ...heading(headline(result)),
    ...keyValues([
      ['Today', formatDate(result.today)],
      [
        'Week',
        result.week === null
          ? "after the programme's end: the last week's exercises carry on until renewed"
          : `${result.week} of the programme`,
      ],
      ['Status', result.status === 'halted' ? 'HALTED' : 'continue'],
    ]),
  ];
  if (redFlags.length > 0) {
    lines.push('', ...heading(`Red-flag symptoms: act now (${redFlags.length})`, '-'));
    for (const flag of redFlags) lines.push(...flagLines(flag));
  }
  lines.push('', ...heading(`Flags (${others.length})`, '-'));
  if (others.length === 0) lines.push('None.');
  for (const flag of others) lines.push(...flagLines(flag));

  lines.push('', ...heading(`Decisions (${result.decisions.length})`, '-'));
  result.decisions.forEach((decision, index) => {
    if (index > 0) lines.push('');
    lines.push(...decisionLines(decision, index));
  });

  lines.push('', ...heading('Adherence', '-'));
  lines.push(
    ...table(
      ['Week', 'Dates', 'Planned', 'Done', 'Partly', 'Rate'],
      result.adherence.map((week) => [
        String(week.week),
        formatDateRange(week.startDate, week.endDate),
        formatNumber(week.planned, 1),
        String(week.done),
        String(week.partly),
        rate(week),
      ]),
      ['right', 'left', 'right', 'right', 'right', 'right'],
    ),
  );
  lines.push(
    ...wrap(
      'Planned counts bouts (days a week × times a day), pro rata for the week under way; ' +
        `a partly done session counts ${formatNumber(result.thresholds.partlyCounts)} towards the rate.`,
    ),
  );
  lines.push('', ...wrap(signOff));
  return render(lines);
}
