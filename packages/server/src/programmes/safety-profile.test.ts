import {
  classifyAssessment,
  generateProgramme,
  screenRedFlags,
  type Programme,
} from '@spinewise/clinical';
import { describe, expect, it } from 'vitest';
import { firstPhaseWeeksOf, safetyProfileOf } from './safety-profile.js';

const base = {
  region: 'lumbar',
  condition: 'nonspecific',
  symptomDurationDays: 20,
  age: 58,
  scores: { odi: 45, nprs: 5 },
  redFlags: { findings: { bladderDysfunction: false } },
  minutesPerDay: 20,
  startDate: '2026-11-02',
};

function generated(extra: Record<string, unknown> = {}): Programme {
  return generateProgramme({ ...base, ...extra });
}

describe('safetyProfileOf', () => {
  it('reads back the safety context the generator applied', () => {
    expect(safetyProfileOf(generated(), null).context).toEqual({
      condition: 'nonspecific',
      directionalPreference: 'none',
      osteoporosis: false,
      surgeryNotCleared: false,
      cervicalArterialSymptoms: false,
    });
    expect(safetyProfileOf(generated({ osteoporosis: true }), null).context.osteoporosis).toBe(
      true,
    );
    expect(
      safetyProfileOf(generated({ directionalPreference: 'extension' }), null).context
        .directionalPreference,
    ).toBe('extension');
    const fusion = generated({ condition: 'postFusion', surgeryDate: '2026-10-01' });
    expect(safetyProfileOf(fusion, null).context).toMatchObject({
      condition: 'postFusion',
      surgeryNotCleared: true,
    });
    const cleared = generated({
      condition: 'postFusion',
      surgeryDate: '2026-08-01',
      surgeonClearance: true,
    });
    expect(safetyProfileOf(cleared, null).context.surgeryNotCleared).toBe(false);
  });

  it('adds what the latest assessment says: known osteoporosis and the directional preference', () => {
    const findings = { osteoporosis: true };
    const assessment = {
      redFlagFindings: findings,
      redFlagScreen: screenRedFlags({ region: 'lumbar', findings }),
      classification: classifyAssessment({
        region: 'lumbar',
        examination: {
          repeatedMovements: [
            { direction: 'extension', effect: 'centralises' },
            { direction: 'flexion', effect: 'peripheralises' },
          ],
        },
      }),
    } as const;
    expect(safetyProfileOf(generated(), assessment).context).toMatchObject({
      osteoporosis: true,
      directionalPreference: 'extension',
    });
  });

  it('counts the leading run of weeks in the starting phase as the first phase', () => {
    const programme = generated();
    const first = programme.weeks[0]?.phase;
    const expected = programme.weeks
      .slice(
        0,
        programme.weeks.findIndex((week) => week.phase !== first),
      )
      .map((week) => week.week);
    expect(expected.length).toBeGreaterThan(0);
    expect([...firstPhaseWeeksOf(programme)]).toEqual(expected);
    expect([...safetyProfileOf(programme, null).firstPhaseWeeks]).toEqual(expected);
  });
});
