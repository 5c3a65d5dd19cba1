// Test fixture: fast-check generators of patient profiles and generation options.
import fc from 'fast-check';
import { answerFindingIds } from '../screening/findings.js';

const lumbarConditions = [
  'nonspecific',
  'discRadicular',
  'stenosis',
  'spondylolisthesis',
  'postFusion',
  'postDiscectomy',
  'scoliosis',
] as const;
const cervicalConditions = [
  'neckNonspecific',
  'cervicalRadiculopathy',
  'postFusion',
  'postDiscectomy',
] as const;
const answer = fc.constantFrom<boolean | 'unknown'>(true, false, 'unknown');

/** Mostly negative findings with the occasional positive one, as real screens are. */
const findings = fc
  .tuple(
    fc.dictionary(
      fc.constantFrom(...answerFindingIds),
      fc.oneof({ weight: 6, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: answer }),
      { maxKeys: 12 },
    ),
    fc.option(fc.integer({ min: 16, max: 99 }), { nil: undefined }),
    fc.option(fc.integer({ min: 0, max: 9 }), { nil: undefined }),
  )
  .map(([answers, age, features]) => ({
    ...answers,
    ...(age === undefined ? {} : { age }),
    ...(features === undefined ? {} : { inflammatoryBackPainFeatures: features }),
  }));

const goal = fc.record(
  {
    activity: fc.constantFrom(
      'Lifting my toddler',
      'Carrying the shopping',
      'Gardening',
      'Walking the dog',
      'Sitting at my desk',
      'Playing golf',
      'Putting on socks',
    ),
    rating: fc.integer({ min: 0, max: 10 }),
  },
  { requiredKeys: ['activity'] },
);

export const profileArbitrary = fc
  .record({
    region: fc.constantFrom('lumbar' as const, 'cervical' as const),
    lumbarCondition: fc.constantFrom(...lumbarConditions),
    cervicalCondition: fc.constantFrom(...cervicalConditions),
    symptomDurationDays: fc.integer({ min: 0, max: 3650 }),
    age: fc.integer({ min: 16, max: 95 }),
    sbstRisk: fc.option(fc.constantFrom('low' as const, 'medium' as const, 'high' as const), {
      nil: undefined,
    }),
    disability: fc.option(fc.double({ min: 0, max: 100, noNaN: true }), { nil: undefined }),
    nprs: fc.option(fc.integer({ min: 0, max: 10 }), { nil: undefined }),
    directionalPreference: fc.option(
      fc.constantFrom(
        'extension' as const,
        'flexion' as const,
        'lateral' as const,
        'none' as const,
      ),
      { nil: undefined },
    ),
    osteoporosis: fc.option(fc.boolean(), { nil: undefined }),
    surgeonClearance: fc.option(fc.boolean(), { nil: undefined }),
    findings,
    decision: fc.option(fc.constantFrom('reviewedAndCleared' as const, 'referred' as const), {
      nil: undefined,
    }),
    goals: fc.array(goal, { maxLength: 3 }),
    minutesPerDay: fc.integer({ min: 5, max: 60 }),
    equipment: fc.option(
      fc.subarray([
        'mat',
        'chair',
        'wall',
        'table',
        'towel',
        'pillow',
        'step',
        'band',
        'weight',
        'bike',
      ] as const),
      { nil: undefined },
    ),
    activityBaselineMinutes: fc.option(fc.integer({ min: 1, max: 120 }), { nil: undefined }),
    startDate: fc.constantFrom('2026-01-05', '2026-11-23', '2027-02-27'),
  })
  .map((raw) => {
    const condition = raw.region === 'lumbar' ? raw.lumbarCondition : raw.cervicalCondition;
    const surgical = condition === 'postFusion' || condition === 'postDiscectomy';
    return {
      region: raw.region,
      condition,
      symptomDurationDays: raw.symptomDurationDays,
      age: raw.age,
      ...(raw.sbstRisk === undefined ? {} : { sbstRisk: raw.sbstRisk }),
      scores: {
        ...(raw.disability === undefined
          ? {}
          : raw.region === 'lumbar'
            ? { odi: raw.disability }
            : { ndi: raw.disability }),
        ...(raw.nprs === undefined ? {} : { nprs: raw.nprs }),
      },
      ...(raw.directionalPreference === undefined
        ? {}
        : { directionalPreference: raw.directionalPreference }),
      ...(raw.osteoporosis === undefined ? {} : { osteoporosis: raw.osteoporosis }),
      ...(surgical ? { surgeryDate: '2025-12-01' } : {}),
      ...(surgical && raw.surgeonClearance !== undefined
        ? { surgeonClearance: raw.surgeonClearance }
        : {}),
      redFlags: { findings: raw.findings },
      ...(raw.decision === undefined
        ? {}
        : { clinicianDecision: { decision: raw.decision, reason: 'Recorded in the test' } }),
      goals: raw.goals,
      minutesPerDay: raw.minutesPerDay,
      ...(raw.equipment === undefined ? {} : { equipment: raw.equipment }),
      ...(raw.activityBaselineMinutes === undefined
        ? {}
        : { activityBaselineMinutes: raw.activityBaselineMinutes }),
      startDate: raw.startDate,
    };
  });

export const optionsArbitrary = fc
  .record({
    weeks: fc.integer({ min: 1, max: 12 }),
    min: fc.integer({ min: 2, max: 3 }),
    extra: fc.integer({ min: 0, max: 2 }),
  })
  .map(({ weeks, min, extra }) => ({
    weeks,
    exercisesPerSession: { min, max: Math.min(4, min + extra) },
  }));
