// Test fixture: a complete, realistic low back profile to vary in tests.
export const acuteLowBack = {
  region: 'lumbar',
  condition: 'nonspecific',
  symptomDurationDays: 12,
  age: 38,
  sbstRisk: 'medium',
  scores: { odi: 34, nprs: 6 },
  directionalPreference: 'none',
  osteoporosis: false,
  redFlags: { findings: { bladderDysfunction: false, saddleNumbness: false, age: 38 } },
  goals: [
    { activity: 'Lifting my toddler into the car seat', rating: 3 },
    { activity: 'Sitting through a one-hour meeting', rating: 5 },
  ],
  minutesPerDay: 15,
  startDate: '2026-11-23',
} as const;
