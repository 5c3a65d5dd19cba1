/**
 * Safety invariants that must hold for EVERY patient (issue 3 §4), checked over at least
 * 10,000 generated profiles per run with fast-check.
 */
import { findNotOffered } from '../guidelines/not-offered.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isWithinBounds } from '../exercises/dosing.js';
import type { Exercise } from '../exercises/exercise.js';
import { exerciseLibrary } from '../exercises/library/index.js';
import { doseOf, type Programme } from '../programmes/programme.js';
import { generateProgramme } from '../programmes/generate.js';
import { ClinicalInputError } from '../input-error.js';
import { screenRedFlags } from '../screening/index.js';
import { optionsArbitrary, profileArbitrary } from './arbitraries.fixture.js';
import { isAllowedBeforeClearance } from './exercise-safety.js';

const RUNS = 10_000;
const byId = new Map(exerciseLibrary.map((exercise) => [exercise.id, exercise]));

type Profile = ReturnType<typeof profileArbitrary.generate>['value'];

function prescribed(programme: Programme) {
  return programme.weeks.flatMap((week, index) =>
    week.sessions.flatMap((session) =>
      session.exercises.map((exercise) => ({
        week,
        index,
        session,
        exercise,
        definition: byId.get(exercise.id) as Exercise,
      })),
    ),
  );
}

function firstPhaseWeeks(programme: Programme): number {
  const first = programme.weeks[0]?.phase;
  const end = programme.weeks.findIndex((week) => week.phase !== first);
  return end === -1 ? programme.weeks.length : end;
}

interface Options {
  weeks: number;
  exercisesPerSession: { min: number; max: number };
}

/** The one refusal allowed: too few minutes for the minimum session, said with the minutes needed. */
function generateOrRefuse(profile: Profile, options: Options): Programme | null {
  try {
    return generateProgramme(profile, options);
  } catch (error) {
    if (!(error instanceof ClinicalInputError) || error.path[0] !== 'minutesPerDay') throw error;
    const needed = Number(/at least (\d+) minutes/.exec(error.message)?.[1]);
    expect(needed).toBeGreaterThan(profile.minutesPerDay);
    // A quarter of an hour always holds a session of the minimum size.
    expect(profile.minutesPerDay).toBeLessThan(15);
    return null;
  }
}

function check(profile: Profile, options: Options): void {
  const programme = generateOrRefuse(profile, options);
  if (programme === null) return;
  const screen = screenRedFlags({ region: profile.region, findings: profile.redFlags.findings });
  const items = prescribed(programme);

  // 1. Emergency or urgent red flags without a clinician's decision → blocked, no exercises.
  if (
    screen.requiresClinicianDecision &&
    profile.clinicianDecision?.decision !== 'reviewedAndCleared'
  ) {
    expect(programme.status).toBe('blocked');
    expect(items).toEqual([]);
    expect(programme.blocked?.action).toBe(screen.action);
  } else {
    expect(programme.status).toBe('active');
    expect(programme.weeks).toHaveLength(options.weeks);
  }

  const findings: Readonly<Record<string, unknown>> = profile.redFlags.findings;
  const osteoporosis = profile.osteoporosis === true || findings.osteoporosis === true;
  const surgical = profile.condition === 'postFusion' || profile.condition === 'postDiscectomy';
  const notCleared = surgical && profile.surgeonClearance !== true;
  const firstPhase = firstPhaseWeeks(programme);
  const preference = profile.directionalPreference ?? 'none';

  for (const { definition, index, exercise } of items) {
    const { movement } = definition;
    // 2. Osteoporosis → no loaded or end-range flexion, no forceful rotation.
    if (osteoporosis) {
      expect(
        movement.directions.includes('flexion') &&
          (movement.endRange || movement.load === 'loaded'),
        exercise.id,
      ).toBe(false);
      expect(movement.rotationForce, exercise.id).not.toBe('forceful');
    }
    // 3. After fusion or discectomy without clearance → walking, breathing, gentle isometrics only.
    if (notCleared) expect(isAllowedBeforeClearance(definition), exercise.id).toBe(true);
    // 4. Direction precautions in the first phase.
    if (index < firstPhase) {
      if (preference === 'extension' || profile.condition === 'discRadicular') {
        expect(
          movement.directions.includes('flexion') && (movement.sustained || movement.endRange),
          exercise.id,
        ).toBe(false);
      }
      if (
        preference === 'flexion' ||
        profile.condition === 'stenosis' ||
        profile.condition === 'spondylolisthesis'
      ) {
        expect(movement.directions.includes('extension') && movement.endRange, exercise.id).toBe(
          false,
        );
      }
    }
    // 6. Every dose within the exercise's bounds.
    expect(isWithinBounds(definition, doseOf(exercise)), exercise.id).toBe(true);
    // 7. Never a NICE "do not offer" modality.
    expect(findNotOffered(`${definition.id} ${definition.name}`)).toEqual([]);
  }

  for (const week of programme.weeks) {
    for (const session of week.sessions) {
      // 5. Every session has 2–4 exercises (the configured bounds) and fits the minutes a day.
      expect(session.exercises.length).toBeGreaterThanOrEqual(options.exercisesPerSession.min);
      expect(session.exercises.length).toBeLessThanOrEqual(options.exercisesPerSession.max);
      expect(session.dailyMinutes).toBeLessThanOrEqual(profile.minutesPerDay);
    }
  }

  // 6. Never more than one level a week up a chain.
  for (let week = 1; week < programme.weeks.length; week++) {
    const before = new Map(
      programme.weeks[week - 1]?.sessions.flatMap((session) =>
        session.exercises.map((exercise) => [exercise.chain, exercise.level] as const),
      ),
    );
    for (const exercise of programme.weeks[week]?.sessions.flatMap(
      (session) => session.exercises,
    ) ?? []) {
      const previous = before.get(exercise.chain);
      if (previous !== undefined)
        expect(exercise.level - previous, exercise.id).toBeLessThanOrEqual(1);
    }
  }

  // 7. Every lumbar programme carries the cauda equina safety-net lesson.
  if (profile.region === 'lumbar') {
    expect(programme.requiredLessons).toContain('cauda-equina-warning-signs');
    expect(programme.screen.safetyNet).not.toBeNull();
    if (programme.status === 'active')
      expect(programme.weeks[0]?.lessons).toContain('cauda-equina-warning-signs');
  }
}

describe('safety invariants of generated programmes', () => {
  it(`hold for ${RUNS.toLocaleString('en')} generated profiles`, () => {
    fc.assert(
      fc.property(profileArbitrary, optionsArbitrary, (profile, options) => {
        check(profile, options);
      }),
      { numRuns: RUNS },
    );
  }, 120_000);
});
