/**
 * Safety invariants of progression (issue 3 §4, items 6 and 8), checked over at least 10,000
 * generated log histories per run: a progression changes one variable by one step and never
 * more than one level a week; a red-flag symptom always halts progression and raises a flag.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayNumber, isoDate } from '../dates.js';
import { isWithinBounds } from '../exercises/dosing.js';
import type { Dose, Exercise } from '../exercises/exercise.js';
import { exerciseLibrary } from '../exercises/library/index.js';
import { generateProgramme } from '../programmes/generate.js';
import type { Programme } from '../programmes/programme.js';
import { decideProgression } from '../progression/decide.js';
import { optionsArbitrary, profileArbitrary } from './arbitraries.fixture.js';

const RUNS = 10_000;
const WINDOW_DAYS = 7;
const byId = new Map(exerciseLibrary.map((exercise) => [exercise.id, exercise]));
const redFlagSymptoms = [
  'newNumbnessOrWeakness',
  'bladderBowelSaddle',
  'feverUnwell',
  'nightPain',
] as const;

/** A pool of active programmes from generated profiles (generation is tested on its own). */
const programmes: Programme[] = fc
  .sample(fc.tuple(profileArbitrary, optionsArbitrary), { numRuns: 400, seed: 7 })
  .flatMap(([profile, options]) => {
    try {
      const programme = generateProgramme(profile, {
        ...options,
        weeks: Math.max(2, options.weeks),
      });
      return programme.status === 'active' ? [programme] : [];
    } catch {
      return [];
    }
  })
  .slice(0, 60);

/** The same programme with every dose at the top of its bounds: the next step is a new level. */
function atMaximum(programme: Programme): Programme {
  return {
    ...programme,
    weeks: programme.weeks.map((week) => ({
      ...week,
      sessions: week.sessions.map((session) => ({
        ...session,
        exercises: session.exercises.map((exercise) => {
          const { bounds } = (byId.get(exercise.id) as Exercise).dosage;
          // The pyramid's reps per set follow the new dose, so the copy drops them.
          const { repsPerSet, ...rest } = exercise;
          return {
            ...rest,
            sets: bounds.sets.max,
            ...(exercise.reps === undefined ? {} : { reps: bounds.reps?.max ?? exercise.reps }),
            ...(exercise.holdSeconds === undefined
              ? {}
              : { holdSeconds: bounds.holdSeconds?.max ?? exercise.holdSeconds }),
            ...(exercise.minutes === undefined
              ? {}
              : { minutes: bounds.minutes?.max ?? exercise.minutes }),
          };
        }),
      })),
    })),
  };
}
programmes.push(...programmes.map(atMaximum));

/** A week of logs that meets every progress criterion, for the exercises of today's week. */
function goodWeek(programme: Programme, todayDay: number) {
  const start = dayNumber(programme.startDate) as number;
  const weekIndex = Math.min(programme.weeks.length - 1, Math.floor((todayDay - start) / 7));
  const exercises =
    programme.weeks[weekIndex]?.sessions.flatMap((session) => session.exercises) ?? [];
  const logs = [];
  for (let back = 0; back < 7; back++) {
    const day = todayDay - back;
    if (day < start) break;
    for (const exercise of exercises) {
      for (let bout = 0; bout < exercise.perDay; bout++) {
        logs.push({
          date: isoDate(day),
          exerciseId: exercise.id,
          setsDone: exercise.sets,
          painBefore: 2,
          painDuring: 1,
          painAfter: 2,
          nextMorningPain: 1,
          nextMorningStiffness: 1,
          difficulty: 'easy',
        });
      }
    }
  }
  return logs;
}

const rating = fc.integer({ min: 0, max: 10 });
const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined, freq: 3 });

function logArbitrary(programme: Programme, start: number, days: number) {
  const ids = [
    ...new Set(
      programme.weeks.flatMap((week) =>
        week.sessions.flatMap((session) => session.exercises.map((exercise) => exercise.id)),
      ),
    ),
  ];
  return fc
    .record({
      day: fc.integer({ min: 0, max: days - 1 }),
      exerciseId: fc.constantFrom(...ids),
      setsDone: fc.integer({ min: 0, max: 4 }),
      painBefore: maybe(rating),
      painDuring: maybe(rating),
      painAfter: maybe(rating),
      nextMorningPain: maybe(rating),
      nextMorningStiffness: maybe(rating),
      difficulty: maybe(fc.constantFrom('easy' as const, 'moderate' as const, 'hard' as const)),
      symptoms: fc.oneof(
        { weight: 12, arbitrary: fc.constant([] as string[]) },
        { weight: 1, arbitrary: fc.subarray(['peripheralisation', ...redFlagSymptoms]) },
      ),
    })
    .map(({ day, symptoms, ...log }) => ({
      date: isoDate(start + day),
      ...Object.fromEntries(Object.entries(log).filter(([, value]) => value !== undefined)),
      ...(symptoms.length === 0 ? {} : { symptoms }),
    }));
}

const historyCase = fc.constantFrom(...programmes.keys()).chain((index) => {
  const programme = programmes[index] as Programme;
  const start = dayNumber(programme.startDate) as number;
  const days = programme.weeks.length * 7;
  return fc.record({
    index: fc.constant(index),
    today: fc.integer({ min: 0, max: days + 6 }).map((day) => isoDate(start + day)),
    logs: fc.array(logArbitrary(programme, start, days), { maxLength: 40 }),
    levelChangeDaysAgo: fc.option(fc.integer({ min: 0, max: 14 }), { nil: undefined }),
    good: fc.boolean(),
  });
});

function changedVariables(from: Dose, to: Dose): string[] {
  return (['sets', 'reps', 'holdSeconds', 'minutes', 'perDay', 'daysPerWeek'] as const).filter(
    (key) => from[key] !== to[key],
  );
}

describe('safety invariants of progression', () => {
  it('has a pool of programmes to test with', () => {
    expect(programmes.length).toBeGreaterThanOrEqual(30);
  });

  it(`hold for ${RUNS.toLocaleString('en')} generated log histories`, () => {
    // What the histories exercised, so the property cannot pass vacuously.
    const seen = {
      halted: 0,
      progressDose: 0,
      progressLevel: 0,
      regress: 0,
      heldAfterLevelChange: 0,
    };
    fc.assert(
      fc.property(historyCase, ({ index, today, logs: randomLogs, levelChangeDaysAgo, good }) => {
        const programme = programmes[index] as Programme;
        const todayDay = dayNumber(today) as number;
        const logs: { date: string; symptoms?: readonly string[] }[] = good
          ? [
              ...goodWeek(programme, todayDay),
              ...randomLogs.filter((log) => (log.symptoms ?? []).length > 0),
            ]
          : randomLogs;
        const chained = programme.weeks[0]?.sessions[0]?.exercises[0];
        const history =
          levelChangeDaysAgo === undefined ||
          chained === undefined ||
          todayDay - levelChangeDaysAgo < (dayNumber(programme.startDate) as number)
            ? []
            : [
                {
                  date: isoDate(todayDay - levelChangeDaysAgo),
                  exerciseId: chained.id,
                  change: 'level' as const,
                },
              ];
        const result = decideProgression(programme, logs, today, { history });

        // 8. A red-flag symptom in the window halts progression and raises a flag; every
        //    stop-and-screen comes with that flag.
        const inWindow = logs.filter((log) => {
          const day = dayNumber(log.date) as number;
          return day <= todayDay && day > todayDay - WINDOW_DAYS;
        });
        const redFlag = inWindow.some((log) =>
          (log.symptoms ?? []).some((symptom) =>
            (redFlagSymptoms as readonly string[]).includes(symptom),
          ),
        );
        if (result.status === 'halted') seen.halted++;
        if (redFlag) {
          expect(result.status).toBe('halted');
          expect(result.flags.some((flag) => flag.type === 'redFlagSymptom')).toBe(true);
          for (const decision of result.decisions) expect(decision.decision).toBe('stopAndScreen');
        }
        if (result.decisions.some((decision) => decision.decision === 'stopAndScreen')) {
          expect(result.status).toBe('halted');
          expect(result.flags.some((flag) => flag.type === 'redFlagSymptom')).toBe(true);
        }
        if (
          result.flags.some(
            (flag) => flag.type === 'redFlagSymptom' && flag.severity === 'emergency',
          )
        ) {
          expect(result.flags.find((flag) => flag.severity === 'emergency')?.advice).toBeTruthy();
        }

        for (const decision of result.decisions) {
          if (decision.decision === 'regress') seen.regress++;
          if (decision.decision === 'progress') {
            if (decision.proposed?.change.kind === 'dose') seen.progressDose++;
            if (decision.proposed?.change.kind === 'level') seen.progressLevel++;
          }
          if (decision.rule === 'hold.levelChangeThisWeek') seen.heldAfterLevelChange++;
          expect(decision.requiresClinician).toBe(true);
          const { proposed, current } = decision;
          if (decision.decision === 'hold' || decision.decision === 'stopAndScreen')
            expect(proposed).toBeNull();
          if (proposed === null) continue;
          const target = byId.get(proposed.exerciseId) as Exercise;
          // 6. Every proposed dose lies within the exercise's bounds…
          expect(isWithinBounds(target, proposed.dose)).toBe(true);
          if (proposed.change.kind === 'dose') {
            // …a dose change moves one variable by at most one step…
            expect(proposed.exerciseId).toBe(current.exerciseId);
            const changed = changedVariables(current.dose, proposed.dose);
            expect(changed).toEqual([proposed.change.variable]);
            const range = target.dosage.bounds[proposed.change.variable];
            expect(Math.abs(proposed.change.to - proposed.change.from)).toBeLessThanOrEqual(
              range?.step ?? 0,
            );
            expect(Math.sign(proposed.change.to - proposed.change.from)).toBe(
              decision.decision === 'progress' ? 1 : -1,
            );
          } else {
            // …a level change moves one level, in the chain, and never up twice in a week.
            expect(Math.abs(proposed.change.toLevel - proposed.change.fromLevel)).toBe(1);
            expect(target.chain).toBe((byId.get(current.exerciseId) as Exercise).chain);
            if (
              decision.decision === 'progress' &&
              levelChangeDaysAgo !== undefined &&
              levelChangeDaysAgo < 7 &&
              history[0]?.exerciseId === current.exerciseId
            ) {
              throw new Error(
                `level progression for ${current.exerciseId} ${levelChangeDaysAgo} days after a level change`,
              );
            }
          }
        }
      }),
      { numRuns: RUNS },
    );
    for (const [name, count] of Object.entries(seen)) expect(count, name).toBeGreaterThan(0);
  }, 120_000);
});
