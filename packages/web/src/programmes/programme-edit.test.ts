import { generateProgramme, libraryLookup, type Programme } from '@spinewise/clinical';
import { describe, expect, it } from 'vitest';
import {
  addLesson,
  describeContentPath,
  readDose,
  removeLesson,
  setDose,
  swapOptions,
} from './programme-edit.js';

const content: Programme = generateProgramme(
  {
    region: 'lumbar',
    condition: 'nonspecific',
    symptomDurationDays: 12,
    age: 38,
    sbstRisk: 'medium',
    scores: { odi: 34, nprs: 6 },
    directionalPreference: 'none',
    osteoporosis: false,
    redFlags: { findings: { bladderDysfunction: false, saddleNumbness: false, age: 38 } },
    goals: [{ activity: 'Sitting through a meeting', rating: 5 }],
    minutesPerDay: 15,
    startDate: '2026-11-23',
  },
  { weeks: 3 },
);
const at = { week: 0, session: 0, exercise: 0 };
const prescribed = content.weeks[0]?.sessions[0]?.exercises[0];
const exercise = prescribed === undefined ? undefined : libraryLookup(prescribed.id);
if (prescribed === undefined || exercise === undefined) throw new Error('no first exercise');

describe('readDose', () => {
  const values = {
    sets: String(prescribed.sets),
    reps: String(prescribed.reps ?? ''),
    holdSeconds: String(prescribed.holdSeconds ?? ''),
    minutes: String(prescribed.minutes ?? ''),
    perDay: String(prescribed.perDay),
    daysPerWeek: String(prescribed.daysPerWeek),
  };

  it('accepts the prescribed dose and refuses one beyond the bounds, naming the field', () => {
    expect(readDose(exercise, values).ok).toBe(true);
    const { max } = exercise.dosage.bounds.sets;
    const result = readDose(exercise, { ...values, sets: String(max + 1) });
    expect(result).toEqual({
      ok: false,
      errors: { sets: expect.stringContaining(`to ${String(max)}`) as unknown },
    });
    expect(readDose(exercise, { ...values, sets: '1.5' }).ok).toBe(false);
  });
});

describe('edits', () => {
  it('changes the dose of one exercise in one week only', () => {
    const edited = setDose(content, at, { ...exercise.dosage.default, sets: 1 });
    expect(edited.weeks[0]?.sessions[0]?.exercises[0]?.sets).toBe(1);
    expect(edited.weeks[1]).toBe(content.weeks[1]);
  });

  it('offers neither excluded exercises, nor those the server refuses, nor those in the session', () => {
    const offered = swapOptions(content, at).map((item) => item.id);
    const inSession = (content.weeks[0]?.sessions[0]?.exercises ?? []).map((item) => item.id);
    expect(offered.some((id) => inSession.includes(id))).toBe(false);
    for (const item of content.excluded) expect(offered).not.toContain(item.id);
    const refused = offered[0] ?? '';
    const narrowed = swapOptions(content, at, [
      { id: refused, name: 'x', suitability: { allowed: false, reasons: ['not now'] } },
    ]).map((item) => item.id);
    expect(narrowed).not.toContain(refused);
    expect(narrowed).toHaveLength(offered.length - 1);
  });

  it('never removes the warning-signs lesson', () => {
    const required = content.requiredLessons[0] ?? '';
    const week = content.weeks.findIndex((item) => item.lessons.includes(required));
    expect(removeLesson(content, week, required)).toBe(content);
    const added = addLesson(content, 1, 'pacing-and-graded-activity');
    expect(removeLesson(added, 1, 'pacing-and-graded-activity').weeks[1]?.lessons).toEqual(
      content.weeks[1]?.lessons,
    );
  });

  it('says where a field the server names lies', () => {
    expect(
      describeContentPath(content, 'body.content.weeks[0].sessions[0].exercises[0].sets'),
    ).toBe(`Week 1, ${prescribed.name}, sets`);
    expect(describeContentPath(content, 'body.content.region')).toBe('The programme');
  });
});
