import { describe, expect, it } from 'vitest';
import { getExercise } from '../exercises/library/index.js';
import { ClinicalInputError } from '../input-error.js';
import { flareUpSet, type FlareUpInput } from './flare-up.js';

const none = { allowedExerciseIds: new Set<string>() };

describe('flareUpSet', () => {
  it("takes the chain's level below when the programme allows it, at that level's default dose", () => {
    const plank: FlareUpInput = {
      id: 'plank',
      sets: 2,
      reps: 6,
      holdSeconds: 10,
      perDay: 1,
      daysPerWeek: 7,
    };
    const [gentler] = flareUpSet([plank], {
      allowedExerciseIds: new Set(['plank', 'plank-kneeling']),
    });
    const kneeling = getExercise('plank-kneeling');
    expect(gentler).toMatchObject({
      insteadOf: 'plank',
      exerciseId: 'plank-kneeling',
      level: 1,
      dose: kneeling.dosage.default,
      change: { kind: 'level', fromExercise: 'plank', fromLevel: 2, toLevel: 1 },
    });
    expect(gentler?.rule).toContain('One step back');
    expect(gentler?.rule).toContain(kneeling.name);
  });

  it('steps one dose variable down when the level below is not allowed for the patient', () => {
    const [gentler] = flareUpSet(
      [{ id: 'plank', sets: 2, reps: 6, holdSeconds: 10, perDay: 1, daysPerWeek: 7 }],
      none,
    );
    // plank progresses reps then sets: stepping back lowers sets first.
    expect(gentler).toMatchObject({
      exerciseId: 'plank',
      dose: { sets: 1, reps: 6, holdSeconds: 10 },
      change: { kind: 'dose', variable: 'sets', from: 2, to: 1 },
      rule: 'One step back: 1 set instead of 2 sets.',
    });
    expect(gentler?.repsPerSet).toHaveLength(1);
  });

  it('lowers the next variable once sets are at their minimum, keeping the pyramid', () => {
    const [gentler] = flareUpSet(
      [{ id: 'cat-cow', sets: 1, reps: 10, perDay: 1, daysPerWeek: 7 }],
      none,
    );
    expect(gentler).toMatchObject({
      dose: { sets: 1, reps: 8 },
      change: { kind: 'dose', variable: 'reps', from: 10, to: 8 },
      repsPerSet: [8],
      rule: 'One step back: 8 repetitions instead of 10 repetitions.',
    });
  });

  it('keeps the exercise as it is at its lowest dose with no level below', () => {
    const lowest = getExercise('curl-up').dosage.bounds;
    const input: FlareUpInput = {
      id: 'curl-up',
      sets: lowest.sets.min,
      reps: lowest.reps?.min ?? 1,
      holdSeconds: lowest.holdSeconds?.min ?? 1,
      perDay: 1,
      daysPerWeek: 7,
    };
    const [gentler] = flareUpSet([input], { allowedExerciseIds: new Set(['curl-up']) });
    expect(gentler?.change).toEqual({ kind: 'none' });
    expect(gentler?.dose).toMatchObject({ sets: input.sets, reps: input.reps });
    expect(gentler?.rule).toContain('gentlest');
  });

  it('names the exercise it does not know', () => {
    try {
      flareUpSet(
        [
          { id: 'cat-cow', sets: 1, reps: 8, perDay: 1, daysPerWeek: 7 },
          { id: 'nope', sets: 1, perDay: 1, daysPerWeek: 7 },
        ],
        none,
      );
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ClinicalInputError);
      expect((error as ClinicalInputError).path).toEqual(['exercises', 1, 'id']);
    }
  });
});
