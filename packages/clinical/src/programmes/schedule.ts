/**
 * Everything a programme week carries besides exercises: lessons to unlock, posture and
 * ergonomic tasks, questionnaires, and the graded activity quota.
 */
import type { Region } from '../region.js';
import type { PhaseId, Rationale, Reassessment } from './programme.js';
import type { Profile } from './profile.js';

/** The cauda equina safety-net lesson: every low back programme has it, from week 1. [S-CES] */
export const CAUDA_EQUINA_LESSON = 'cauda-equina-warning-signs';
export const NECK_WARNING_LESSON = 'neck-warning-signs';

/**
 * Lessons in the order they unlock, one or two a week. The STarT Back pathway reorders them:
 * low risk puts self-management first; high risk brings pain education, pacing and relaxation
 * forward (psychologically informed care). [S-SB]
 */
const lessonOrder: Readonly<Record<'low' | 'medium' | 'high', readonly string[]>> = {
  low: [
    'understanding-pain',
    'staying-active',
    'flare-up-plan',
    'posture-and-workstation',
    'lifting-and-body-mechanics',
    'pacing-and-graded-activity',
    'sleep',
    'returning-to-work',
    'stress-and-relaxation',
    'keeping-healthy',
  ],
  medium: [
    'understanding-pain',
    'flare-up-plan',
    'staying-active',
    'pacing-and-graded-activity',
    'posture-and-workstation',
    'sleep',
    'lifting-and-body-mechanics',
    'stress-and-relaxation',
    'returning-to-work',
    'keeping-healthy',
  ],
  high: [
    'understanding-pain',
    'pacing-and-graded-activity',
    'stress-and-relaxation',
    'flare-up-plan',
    'staying-active',
    'sleep',
    'posture-and-workstation',
    'returning-to-work',
    'lifting-and-body-mechanics',
    'keeping-healthy',
  ],
};

export function lessonSchedule(
  profile: Profile,
  weeks: number,
): { byWeek: string[][]; rationale: Rationale[] } {
  const risk = profile.sbstRisk ?? 'medium';
  const order = [...lessonOrder[risk]];
  const byWeek: string[][] = Array.from({ length: weeks }, () => []);
  // The safety lesson comes first, whatever else the week holds.
  (byWeek[0] as string[]).push(
    profile.region === 'lumbar' ? CAUDA_EQUINA_LESSON : NECK_WARNING_LESSON,
  );
  const last = order.pop() as string; // `keeping-healthy` always unlocks in the last week
  const perWeek = Math.max(1, Math.ceil(order.length / Math.max(1, weeks - 1)));
  order.forEach((lesson, index) => {
    const week = Math.min(weeks - 1, Math.floor(index / perWeek));
    (byWeek[week] as string[]).push(lesson);
  });
  (byWeek[weeks - 1] as string[]).push(last);
  const rationale: Rationale[] = [
    {
      about: 'lesson',
      text:
        profile.region === 'lumbar'
          ? 'The cauda equina warning signs lesson unlocks in week 1: every low back programme carries the safety net.'
          : 'The neck warning signs lesson unlocks in week 1.',
      rule: 'lesson.safetyNet',
      sources: profile.region === 'lumbar' ? ['S-CES'] : ['S-RF'],
    },
    {
      about: 'lesson',
      text:
        risk === 'high'
          ? 'High STarT Back risk: pain education, pacing and relaxation come first (psychologically informed care).'
          : risk === 'low'
            ? 'Low STarT Back risk: self-management first — understanding pain, staying active, the flare-up plan.'
            : `${profile.sbstRisk === undefined ? 'No STarT Back risk recorded: the medium-risk order is used (default). ' : ''}Education and advice to stay active come early.`,
      rule: `lesson.order.${risk}`,
      sources: ['S-SB', 'S-NICE'],
      ...(profile.sbstRisk === undefined ? { isDefault: true } : {}),
    },
  ];
  return { byWeek, rationale };
}

/**
 * Posture and ergonomic tasks for a week: up to two that suit the phase and region, taken in
 * turn so the weeks differ; a lifting goal adds lifting practice at home from the function phase.
 */
export function weekTasks(
  tasks: readonly {
    readonly id: string;
    readonly regions: readonly Region[];
    readonly phases: readonly PhaseId[];
  }[],
  region: Region,
  phase: PhaseId,
  week: number,
  liftingGoal: boolean,
): string[] {
  const suitable = tasks.filter(
    (task) => task.regions.includes(region) && task.phases.includes(phase),
  );
  const chosen: string[] = [];
  if (
    liftingGoal &&
    (phase === 'function' || phase === 'maintain') &&
    suitable.some((task) => task.id === 'lifting-at-home')
  ) {
    chosen.push('lifting-at-home');
  }
  for (let offset = 0; offset < suitable.length && chosen.length < 2; offset++) {
    const task = suitable[(week - 1 + offset) % suitable.length] as { id: string };
    if (!chosen.includes(task.id)) chosen.push(task.id);
  }
  return chosen;
}

/** Questionnaires at baseline, mid-point and end by default (weeks 0/3/6 of six). */
export function reassessmentPlan(
  profile: Profile,
  weeks: number,
  requested: readonly number[] | undefined,
  dateOfWeekEnd: (week: number) => string,
): Reassessment[] {
  const plan = requested ?? [0, Math.round(weeks / 2), weeks];
  const unique = [...new Set(plan)].sort((a, b) => a - b);
  const disability = profile.region === 'lumbar' ? 'odi' : 'ndi';
  return unique.map((week) => ({
    week,
    date: week === 0 ? profile.startDate : dateOfWeekEnd(week),
    // STarT Back stratifies low back pain at the start and is repeated at the end. [S-SB]
    instruments: [
      disability,
      'nprs',
      'psfs',
      ...(profile.region === 'lumbar' && (week === 0 || week === weeks) ? ['sbst'] : []),
    ],
  }));
}

/** **default** start of the activity quota when no baseline was measured (minutes a day). */
export const DEFAULT_ACTIVITY_BASELINE_MINUTES = 10;
/** [S-GRADED] start 20 % below baseline, +10 % a week (both defaults). */
export const ACTIVITY_START_FRACTION = 0.8;
export const ACTIVITY_WEEKLY_RISE = 0.1;

export function activityMinutes(baseline: number, week: number): number {
  // [S-GRADED] time-contingent: the quota rises on schedule, not with how the pain feels.
  const start = Math.max(1, Math.round(baseline * ACTIVITY_START_FRACTION));
  return Math.max(start, Math.round(start * (1 + ACTIVITY_WEEKLY_RISE) ** (week - 1)));
}
