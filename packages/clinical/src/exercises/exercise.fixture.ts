// Test fixture: a minimal valid exercise to vary in unit tests.
import { standing } from '../skeleton/poses.js';
import type { Exercise, MovementTags } from './exercise.js';

export function fakeExercise(
  overrides: Partial<Omit<Exercise, 'movement'>> & { movement?: Partial<MovementTags> } = {},
): Exercise {
  const { movement, ...rest } = overrides;
  return {
    id: 'fake',
    name: 'Fake exercise',
    region: 'lumbar',
    aims: ['mobility'],
    equipment: ['none'],
    position: 'standing',
    movement: {
      directions: ['neutral'],
      endRange: false,
      sustained: false,
      load: 'bodyweight',
      rotationForce: 'none',
      gentleIsometric: false,
      ...movement,
    },
    dosage: {
      kind: 'reps',
      default: { sets: 1, reps: 8, perDay: 1, daysPerWeek: 7 },
      bounds: {
        sets: { min: 1, max: 3, step: 1 },
        reps: { min: 6, max: 12, step: 2 },
        perDay: { min: 1, max: 3 },
        daysPerWeek: { min: 3, max: 7 },
      },
      progressionOrder: ['reps', 'sets'],
      secondsPerRep: 5,
      restSeconds: 30,
      rationale: 'test',
      sources: ['S-ACSM'],
    },
    chain: 'fake',
    level: 1,
    regression: null,
    progression: null,
    summary: 'A fake exercise for tests.',
    steps: ['One.', 'Two.'],
    cues: ['Cue.'],
    mistakes: ['Mistake.'],
    feel: 'Something gentle.',
    stopIf: ['Pain spreads.'],
    precautions: [],
    animation: {
      view: 'side',
      cycleSeconds: 2,
      keyframes: [
        { at: 0, pose: standing },
        { at: 1, pose: standing },
      ],
    },
    sources: ['S-ACSM'],
    ...rest,
  };
}
