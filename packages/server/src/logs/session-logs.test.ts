// The shortcut in `raiseAlerts` (session-logs.ts) skips the progression rules on a log write
// when no log of the rules' window reports a red-flag symptom. That is only right while every
// stop-and-screen the clinical core decides comes from a red-flag symptom: this property fails
// the day the core gains another way to stop a programme, pointing back at the shortcut.
import {
  addDays,
  decideProgression,
  defaultThresholds,
  generateProgramme,
  logSymptoms,
  redFlagSymptoms,
} from '@spinewise/clinical';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lowBackProfile, PROGRAMME_START } from './programme.fixture.js';

const programme = generateProgramme(lowBackProfile);
const exerciseIds = [
  ...new Set(
    programme.weeks.flatMap((week) =>
      week.sessions.flatMap((session) => session.exercises.map((exercise) => exercise.id)),
    ),
  ),
];
const days = 6 * 7;
const rating = fc.option(fc.integer({ min: 0, max: 10 }), { nil: undefined });
const otherSymptoms = logSymptoms.filter(
  (symptom) => !(redFlagSymptoms as readonly string[]).includes(symptom),
);

const log = fc.record(
  {
    day: fc.integer({ min: 0, max: days - 1 }),
    exerciseId: fc.constantFrom(...exerciseIds),
    setsDone: fc.integer({ min: 0, max: 5 }),
    painBefore: rating,
    painDuring: rating,
    painAfter: rating,
    nextMorningPain: rating,
    nextMorningStiffness: rating,
    rpe: rating,
    difficulty: fc.option(fc.constantFrom('easy', 'moderate', 'hard'), { nil: undefined }),
    symptoms: fc.option(fc.subarray(otherSymptoms, { minLength: 1 }), { nil: undefined }),
  },
  { requiredKeys: ['day', 'exerciseId', 'setsDone'] },
);

describe('the stop-and-screen shortcut', () => {
  it('holds: without a red-flag symptom the core never stops the programme', () => {
    fc.assert(
      fc.property(
        fc.array(log, { maxLength: 80 }),
        fc.integer({ min: 0, max: days + 7 }),
        (entries, todayOffset) => {
          const logs = entries.map(({ day, ...rest }) =>
            Object.fromEntries(
              Object.entries({ ...rest, date: addDays(PROGRAMME_START, day) }).filter(
                ([, value]) => value !== undefined,
              ),
            ),
          );
          const result = decideProgression(programme, logs, addDays(PROGRAMME_START, todayOffset));
          expect(result.decisions.some((d) => d.decision === 'stopAndScreen')).toBe(false);
          expect(result.status).toBe('continue');
        },
      ),
      { numRuns: 300 },
    );
  });

  it('holds: a red-flag symptom stops the programme only while it is inside the window', () => {
    const symptomDay = addDays(PROGRAMME_START, 3);
    const logs = [
      { date: symptomDay, exerciseId: exerciseIds[0], setsDone: 1, symptoms: ['nightPain'] },
    ];
    const lastDayInWindow = addDays(symptomDay, defaultThresholds.windowDays - 1);
    expect(decideProgression(programme, logs, lastDayInWindow).status).toBe('halted');
    expect(decideProgression(programme, logs, addDays(lastDayInWindow, 1)).status).toBe('continue');
  });
});
