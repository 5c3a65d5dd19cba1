// Throughput of programme generation and progression, for the record (no thresholds):
// programmes generated per second and progression decisions per second.
import { bench, describe } from 'vitest';
import { decideProgression, generateProgramme, type Programme } from '@spinewise/clinical';

const profile = {
  region: 'lumbar',
  condition: 'discRadicular',
  symptomDurationDays: 20,
  age: 44,
  sbstRisk: 'high',
  scores: { odi: 46, nprs: 7 },
  directionalPreference: 'extension',
  redFlags: { findings: { bladderDysfunction: false, saddleNumbness: false, age: 44 } },
  goals: [{ activity: 'Lifting boxes at work' }, { activity: 'Walking the dog' }],
  minutesPerDay: 20,
  startDate: '2026-11-23',
};

const programme: Programme = generateProgramme(profile);
const week = programme.weeks[0]?.sessions[0]?.exercises ?? [];
// Two weeks of daily logs for every exercise of week 1: a realistic history to decide from.
const logs = Array.from({ length: 14 }, (_, day) => `2026-11-${String(23 + day).padStart(2, '0')}`)
  .filter((date) => date <= '2026-11-30')
  .flatMap((date, day) =>
    week.map((exercise) => ({
      date,
      exerciseId: exercise.id,
      setsDone: exercise.sets,
      painBefore: 3,
      painDuring: day % 3 === 0 ? 4 : 2,
      painAfter: 3,
      nextMorningPain: 2,
      difficulty: day % 4 === 0 ? 'hard' : 'moderate',
    })),
  );

describe('programmes generated per second', () => {
  bench('6-week lumbar programme (disc, extension preference, high risk)', () => {
    generateProgramme(profile);
  });
  bench('12-week programme', () => {
    generateProgramme(profile, { weeks: 12 });
  });
});

describe('progression decisions per second', () => {
  bench(`decideProgression: ${week.length} exercises, ${logs.length} logs`, () => {
    decideProgression(programme, logs, '2026-11-30');
  });
});
