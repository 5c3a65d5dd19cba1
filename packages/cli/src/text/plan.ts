import {
  NECK_WARNING_LESSON,
  exerciseLibrary,
  getInstrument,
  getLesson,
  postureTasks,
} from '@spinewise/clinical';
import type {
  Action,
  ActivityQuota,
  PrescribedExercise,
  Programme,
  ProgrammeWeek,
  Rationale,
  Reassessment,
  Region,
} from '@spinewise/clinical';
import { daysAWeek, describeDose, formatDate, formatDateRange } from './dose.js';
import { formatNumber, heading, keyValues, list, render, wrap } from './layout.js';

const regionWords: Readonly<Record<Region, string>> = { lumbar: 'low back', cervical: 'neck' };

const blockedAdvice: Readonly<Record<Action, string>> = {
  emergency:
    'The answers you gave need a same-day emergency assessment. Follow the warning-sign ' +
    'advice at the end of this page now; do not wait for your next appointment.',
  urgent:
    'The answers you gave need a medical review within 24 hours to a few days. Contact your ' +
    'clinician or GP today. If things get worse quickly, follow the warning-sign advice at the ' +
    'end of this page.',
  routine: 'The answers you gave need a review by your clinician before you start.',
  none: 'Your clinician will review your answers before you start.',
};

export interface PlanTextOptions {
  /** The clinician's review view: rationale, rules and sources, exercises left out. */
  readonly clinician: boolean;
}

const summaries = new Map(exerciseLibrary.map((exercise) => [exercise.id, exercise.summary]));
const tasksById = new Map(postureTasks.map((task) => [task.id, task]));

function weekSpan(weeks: readonly number[]): string {
  const first = weeks[0];
  const last = weeks.at(-1);
  if (first === undefined || last === undefined) return '';
  return first === last ? `Week ${first}` : `Weeks ${first}–${last}`;
}

function activityWords(activity: ActivityQuota): string {
  const minutes = `${activity.minutesPerDay} minutes a day`;
  const days = daysAWeek(activity.daysPerWeek);
  switch (activity.kind) {
    case 'walking':
      return `Walk ${minutes}, ${days}.`;
    case 'walkingIntervals':
      return `Walk ${minutes}, ${days}, in short bouts: rest by sitting or bending forward whenever your legs need it.`;
    case 'cycling':
      return `Cycle on an exercise bike ${minutes}, ${days}.`;
  }
}

function questionnaireWords(entry: Reassessment, startDate: string): string {
  const names = entry.instruments.map((id) => getInstrument(id).shortTitle);
  const when =
    entry.week === 0
      ? `before you start (${formatDate(startDate)})`
      : `on ${formatDate(entry.date)}`;
  return `${list(names)}, ${when}`;
}

/** `- text [rule; S-X, S-Y] (default)` lines for the clinician's view. */
function rationaleLines(rationale: readonly Rationale[], indent: string): string[] {
  return rationale.flatMap((reason) => {
    const tags = [reason.rule, ...(reason.sources.length > 0 ? [list(reason.sources)] : [])];
    const text = `${reason.text} [${tags.join('; ')}]${reason.isDefault === true ? ' (default)' : ''}`;
    return wrap(text, `${indent}  `, undefined, `${indent}- `);
  });
}

function exerciseLines(
  exercise: PrescribedExercise,
  index: number,
  sessionDays: number,
  options: PlanTextOptions,
): string[] {
  const days =
    exercise.daysPerWeek < sessionDays ? `, on ${daysAWeek(exercise.daysPerWeek)} only` : '';
  const id = options.clinician ? ` [${exercise.id}, level ${exercise.level}]` : '';
  const first = `  ${index + 1}. `;
  const indent = ' '.repeat(first.length);
  const lines = wrap(
    `${exercise.name}${id}: ${describeDose(exercise)}${days}.`,
    indent,
    undefined,
    first,
  );
  const summary = summaries.get(exercise.id);
  if (summary !== undefined) lines.push(...wrap(summary, indent));
  for (const caution of exercise.cautions) lines.push(...wrap(`Take care: ${caution}`, indent));
  if (options.clinician) lines.push(...rationaleLines(exercise.rationale, indent));
  return lines;
}

function weekLines(week: ProgrammeWeek, programme: Programme, options: PlanTextOptions): string[] {
  const phase = programme.phases.find((plan) => plan.phase === week.phase);
  const lines = [
    ...heading(
      `Week ${week.week}: ${formatDateRange(week.startDate, week.endDate)} · ${phase?.title ?? week.phase}`,
      '-',
    ),
  ];
  for (const session of week.sessions) {
    const when = session.daysPerWeek === 7 ? 'Each day' : `On ${daysAWeek(session.daysPerWeek)}`;
    lines.push(`${when} (about ${formatNumber(session.dailyMinutes, 1)} minutes):`);
    session.exercises.forEach((exercise, index) => {
      lines.push(...exerciseLines(exercise, index, session.daysPerWeek, options));
    });
  }
  lines.push('', ...wrap(activityWords(week.activity)));
  if (options.clinician) lines.push(...rationaleLines(week.activity.rationale, ''));
  if (week.lessons.length > 0) {
    lines.push('Read:');
    for (const id of week.lessons)
      lines.push(...wrap(getLesson(id).title, '    ', undefined, '  - '));
  }
  if (week.tasks.length > 0) {
    lines.push('Posture and everyday tasks:');
    for (const id of week.tasks) {
      const task = tasksById.get(id);
      const text = task === undefined ? id : `${task.title} (${task.frequency})`;
      lines.push(...wrap(text, '    ', undefined, '  - '));
    }
  }
  for (const entry of week.reassessments) {
    lines.push(...wrap(`Questionnaires: ${questionnaireWords(entry, programme.startDate)}.`));
  }
  if (options.clinician) lines.push(...rationaleLines(week.rationale, ''));
  return lines;
}

/**
 * The warning signs every patient gets, always last: the cauda equina safety net of a low back
 * screen, or the neck warning-signs lesson (a cervical screen carries no safety net).
 */
function safetyNetLines(programme: Programme): string[] {
  const advice = programme.screen.safetyNet;
  if (advice !== null) {
    return [
      ...heading(`Safety net: ${advice.title}`),
      ...wrap(advice.intro),
      ...advice.symptoms.flatMap((symptom) => wrap(symptom, '    ', undefined, '  - ')),
      ...wrap(advice.action),
    ];
  }
  if (programme.region !== 'cervical') return [];
  const lesson = getLesson(NECK_WARNING_LESSON);
  const lines = [...heading(`Safety net: ${lesson.title}`)];
  for (const section of lesson.sections.filter((part) => part.bullets !== undefined)) {
    if (lines.length > 2) lines.push('');
    lines.push(...heading(section.heading, '-'));
    for (const paragraph of section.paragraphs) lines.push(...wrap(paragraph));
    for (const bullet of section.bullets ?? [])
      lines.push(...wrap(bullet, '    ', undefined, '  - '));
  }
  return lines;
}

function blockedLines(programme: Programme, options: PlanTextOptions): string[] {
  const blocked = programme.blocked;
  const action = blocked?.action ?? programme.screen.action;
  const lines = [
    ...heading(
      `PROGRAMME ON HOLD: your ${regionWords[programme.region]} programme has not started`,
    ),
    ...wrap(
      'No exercises are planned yet: the red-flag screen found something a clinician must ' +
        'look at first.',
    ),
    '',
    ...keyValues([
      ['Red-flag screen', action.toUpperCase()],
      ['Why', blocked?.reason],
    ]),
    '',
    ...wrap(blockedAdvice[action]),
    '',
    ...heading(`Concerns (${blocked?.concerns.length ?? 0})`, '-'),
  ];
  (blocked?.concerns ?? []).forEach((concern, index) => {
    lines.push(
      `${index + 1}. ${concern.title}: ${concern.action.toUpperCase()} (${concern.level} concern)`,
      ...keyValues(
        [
          ['Findings', list(concern.findings)],
          ['Do', concern.recommendation],
          ['Sources', list(concern.sources)],
        ],
        '   ',
      ),
    );
  });
  lines.push(
    '',
    ...heading('What happens next', '-'),
    ...wrap(
      'A clinician must record a decision before any programme is made: refer you for ' +
        'assessment, or review the findings and clear the programme with a reason. Your ' +
        'programme is made once the decision is recorded.',
    ),
  );
  if (options.clinician) {
    lines.push(
      '',
      ...heading('Rationale', '-'),
      ...rationaleLines(programme.rationale, ''),
      ...wrap(
        'Record the decision as clinicianDecision in the profile ({"decision": "referred" | ' +
          '"reviewedAndCleared", "reason": …}) and run spinewise plan again.',
      ),
    );
  }
  return lines;
}

function activeLines(programme: Programme, options: PlanTextOptions): string[] {
  const lines = [
    ...heading(`Your home programme for your ${regionWords[programme.region]}`),
    ...keyValues([
      [
        'Dates',
        `${formatDateRange(programme.startDate, programme.endDate)} (${programme.weeks.length} weeks)`,
      ],
      ['Condition', options.clinician ? programme.condition : undefined],
      ['Red-flag screen', options.clinician ? programme.screen.action.toUpperCase() : undefined],
      ['Rules', options.clinician ? programme.generator : undefined],
    ]),
    '',
    ...heading('The stages', '-'),
  ];
  lines.push(
    ...keyValues(
      programme.phases.map((phase) => [weekSpan(phase.weeks), `${phase.title}: ${phase.aim}`]),
      '  ',
    ),
  );
  for (const week of programme.weeks) lines.push('', ...weekLines(week, programme, options));
  if (options.clinician) {
    lines.push(
      '',
      ...heading('Programme rationale', '-'),
      ...rationaleLines(programme.rationale, ''),
    );
    lines.push('', ...heading(`Exercises left out (${programme.excluded.length})`, '-'));
    if (programme.excluded.length === 0) lines.push('None: no safety rule excludes an exercise.');
    for (const entry of programme.excluded) {
      lines.push(...wrap(`${entry.id}: ${entry.reasons.join(' ')}`, '    ', undefined, '  - '));
    }
  }
  return lines;
}

/** The programme as a patient follows it, or (`clinician`) as a clinician reviews it. */
export function renderPlan(programme: Programme, options: PlanTextOptions): string {
  const lines =
    programme.status === 'blocked'
      ? blockedLines(programme, options)
      : activeLines(programme, options);
  const safetyNet = safetyNetLines(programme);
  if (safetyNet.length > 0) lines.push('', ...safetyNet);
  return render(lines);
}
