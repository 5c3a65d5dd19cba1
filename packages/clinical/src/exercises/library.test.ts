import { findNotOffered } from '../guidelines/not-offered.js';
import { describe, expect, it } from 'vitest';
import { angleDifference, landmarks } from '../skeleton/skeleton.js';
import { isSourceId } from '../sources.js';
import type { Aim, DoseVariable, Exercise, ExerciseRegion } from './exercise.js';
import { exerciseLibrary } from './library/index.js';

const byId = new Map(exerciseLibrary.map((exercise) => [exercise.id, exercise]));
const ids = exerciseLibrary.map((exercise) => exercise.id);
const each = exerciseLibrary.map((exercise) => [exercise.id, exercise] as const);

const allAims: readonly Aim[] = [
  'mobility',
  'coreEndurance',
  'strength',
  'posture',
  'function',
  'aerobic',
  'relaxation',
  'neck',
];
const allRegions: readonly ExerciseRegion[] = ['lumbar', 'cervical', 'thoracic', 'general'];

/**
 * Exercises whose arms work outside the side view's plane (elbows raised with the hands under
 * the back; the forearm up a door frame), where a 2D side view cannot show the elbow's bend.
 */
const armsOutOfPlane = new Set(['curl-up-elbows-raised', 'doorway-chest-stretch']);

/** The exercises our users name, and the evidence-based staples (issue 3). */
const required = [
  'cat-cow',
  'upper-back-flexibility',
  'dynamic-back-stretch',
  'curl-up',
  'plank',
  'side-plank',
  'childs-pose',
  'forward-fold',
  'bird-dog',
  'dead-bug',
  'glute-bridge',
  'pelvic-tilt',
  'knee-to-chest',
  'prone-press-up',
  'hip-hinge',
  'sit-to-stand',
  'suitcase-carry',
  'lifting-technique',
  'graded-walking',
  'chin-tuck',
  'scapular-retraction',
  'diaphragmatic-breathing',
];

describe('exercise library', () => {
  it('has at least 40 exercises with unique, kebab-case ids', () => {
    expect(exerciseLibrary.length).toBeGreaterThanOrEqual(40);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('includes the exercises our users name and the staples', () => {
    expect(required.filter((id) => !byId.has(id))).toEqual([]);
  });

  it('covers every aim and every region', () => {
    const aims = new Set(exerciseLibrary.flatMap((exercise) => exercise.aims));
    expect(allAims.filter((aim) => !aims.has(aim))).toEqual([]);
    const regions = new Set(exerciseLibrary.map((exercise) => exercise.region));
    expect(allRegions.filter((region) => !regions.has(region))).toEqual([]);
  });

  it('has what a programme needs before surgical clearance: walking, breathing, gentle isometrics', () => {
    expect(
      exerciseLibrary.filter((exercise) => exercise.movement.gentleIsometric).length,
    ).toBeGreaterThanOrEqual(3);
    expect(byId.get('graded-walking')?.aims).toContain('aerobic');
    expect(byId.get('diaphragmatic-breathing')?.aims).toContain('relaxation');
  });

  it('never names a modality NICE says not to offer', () => {
    for (const exercise of exerciseLibrary) {
      expect(findNotOffered(`${exercise.id} ${exercise.name}`)).toEqual([]);
    }
  });

  describe.each(each)('%s', (_id, exercise: Exercise) => {
    it('has text for the patient', () => {
      expect(exercise.name.length).toBeGreaterThan(2);
      expect(exercise.summary.length).toBeGreaterThan(10);
      expect(exercise.steps.length).toBeGreaterThanOrEqual(2);
      expect(exercise.cues.length).toBeGreaterThanOrEqual(1);
      expect(exercise.mistakes.length).toBeGreaterThanOrEqual(1);
      expect(exercise.feel.length).toBeGreaterThan(10);
      expect(exercise.stopIf.length).toBeGreaterThanOrEqual(1);
      expect(exercise.aims.length).toBeGreaterThanOrEqual(1);
      expect(exercise.equipment.length).toBeGreaterThanOrEqual(1);
    });

    it('has consistent movement tags', () => {
      const { directions, endRange, load, rotationForce, gentleIsometric, sustained } =
        exercise.movement;
      expect(directions.length).toBeGreaterThanOrEqual(1);
      expect(new Set(directions).size).toBe(directions.length);
      if (directions.includes('neutral')) {
        expect(directions).toEqual(['neutral']);
        expect(endRange).toBe(false);
      }
      if (rotationForce !== 'none') expect(directions).toContain('rotation');
      if (gentleIsometric) {
        expect(directions).toEqual(['neutral']);
        expect(load).not.toBe('loaded');
        expect(sustained).toBe(true);
      }
    });

    it('has a dose within its bounds, with the variables its kind needs', () => {
      const { kind, bounds, progressionOrder } = exercise.dosage;
      const dose = exercise.dosage.default;
      const within = (
        value: number | undefined,
        range: { min: number; max: number } | undefined,
      ) => {
        expect(value).toBeDefined();
        expect(range).toBeDefined();
        expect(value).toBeGreaterThanOrEqual(range?.min ?? Number.NaN);
        expect(value).toBeLessThanOrEqual(range?.max ?? Number.NaN);
      };
      within(dose.sets, bounds.sets);
      within(dose.perDay, bounds.perDay);
      within(dose.daysPerWeek, bounds.daysPerWeek);
      if (kind === 'reps') within(dose.reps, bounds.reps);
      if (kind === 'hold') {
        within(dose.reps, bounds.reps);
        within(dose.holdSeconds, bounds.holdSeconds);
      }
      if (kind === 'duration') within(dose.minutes, bounds.minutes);
      const variables: Record<DoseVariable, boolean> = {
        sets: true,
        reps: bounds.reps !== undefined,
        holdSeconds: bounds.holdSeconds !== undefined,
        minutes: bounds.minutes !== undefined,
      };
      for (const variable of progressionOrder) expect(variables[variable]).toBe(true);
      expect(new Set(progressionOrder).size).toBe(progressionOrder.length);
      for (const range of [bounds.sets, bounds.reps, bounds.holdSeconds, bounds.minutes]) {
        if (range === undefined) continue;
        expect(range.min).toBeLessThanOrEqual(range.max);
        expect(range.step).toBeGreaterThan(0);
      }
      expect(exercise.dosage.secondsPerRep).toBeGreaterThan(0);
      expect(exercise.dosage.restSeconds).toBeGreaterThanOrEqual(0);
      // [S-MCGILL] core endurance holds progress by repetitions and lever, not hold length.
      if (exercise.aims.includes('coreEndurance') && kind === 'hold') {
        expect(progressionOrder).not.toContain('holdSeconds');
      }
    });

    it('sits in a consistent progression chain', () => {
      expect(exercise.level).toBeGreaterThanOrEqual(1);
      if (exercise.regression === null) {
        expect(exercise.level).toBe(1);
      } else {
        const easier = byId.get(exercise.regression);
        expect(easier?.chain).toBe(exercise.chain);
        expect(easier?.level).toBe(exercise.level - 1);
        expect(easier?.progression).toBe(exercise.id);
      }
      if (exercise.progression !== null) {
        const harder = byId.get(exercise.progression);
        expect(harder?.chain).toBe(exercise.chain);
        expect(harder?.level).toBe(exercise.level + 1);
        expect(harder?.regression).toBe(exercise.id);
      }
    });

    it('is animatable: timed keyframes whose poses stand on the floor', () => {
      const { keyframes, cycleSeconds } = exercise.animation;
      expect(keyframes.length).toBeGreaterThanOrEqual(2);
      expect(keyframes[0]?.at).toBe(0);
      keyframes.forEach((keyframe, index) => {
        if (index > 0) expect(keyframe.at).toBeGreaterThan(keyframes[index - 1]?.at ?? Number.NaN);
        expect(keyframe.at).toBeLessThan(cycleSeconds);
        const points = Object.values(landmarks(keyframe.pose, exercise.animation.view));
        for (const point of points) {
          expect(Number.isFinite(point.x) && Number.isFinite(point.y)).toBe(true);
        }
        const lowest = Math.min(...points.map((point) => point.y));
        // Something touches the floor (or the chair seat / step it stands on), nothing sinks below it.
        expect(lowest, `keyframe ${index}`).toBeGreaterThan(-0.03);
        expect(lowest, `keyframe ${index}`).toBeLessThan(0.06);
      });
    });

    it('bends knees and elbows only the way they bend (side view)', () => {
      if (exercise.animation.view !== 'side') return;
      const armsInPlane = !armsOutOfPlane.has(exercise.id);
      exercise.animation.keyframes.forEach((keyframe, index) => {
        for (const side of ['left', 'right'] as const) {
          const limb = keyframe.pose[side];
          // Facing right, a knee flexes with the shin turning clockwise from the thigh, an elbow
          // with the forearm turning anticlockwise from the upper arm; 5° of give either way.
          expect(
            angleDifference(limb.thigh, limb.shin),
            `${side} knee, keyframe ${index}`,
          ).toBeLessThanOrEqual(5);
          if (armsInPlane) {
            expect(
              angleDifference(limb.upperArm, limb.forearm),
              `${side} elbow, keyframe ${index}`,
            ).toBeGreaterThanOrEqual(-5);
          }
        }
      });
    });

    it('cites known sources', () => {
      expect(exercise.sources.length).toBeGreaterThanOrEqual(1);
      for (const source of [
        ...exercise.sources,
        ...exercise.dosage.sources,
        ...exercise.precautions.flatMap((p) => p.sources),
      ]) {
        expect(isSourceId(source), source).toBe(true);
      }
    });
  });

  it('has chains whose levels run 1, 2, 3 … without gaps and without cycles', () => {
    const chains = new Map<string, Exercise[]>();
    for (const exercise of exerciseLibrary) {
      chains.set(exercise.chain, [...(chains.get(exercise.chain) ?? []), exercise]);
    }
    for (const [chain, members] of chains) {
      const levels = members.map((member) => member.level).sort((a, b) => a - b);
      expect(levels, chain).toEqual(levels.map((_, index) => index + 1));
      // Walking up from level 1 reaches every member once.
      let current = members.find((member) => member.level === 1);
      const seen = new Set<string>();
      while (current !== undefined && !seen.has(current.id)) {
        seen.add(current.id);
        current = current.progression === null ? undefined : byId.get(current.progression);
      }
      expect(seen.size, chain).toBe(members.length);
    }
  });
});
