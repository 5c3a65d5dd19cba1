import { describe, expect, it } from 'vitest';
import { ClinicalInputError } from '../input-error.js';
import type { Findings } from './findings.js';
import { defaultScreenOptions, screenDisclaimer, screenRedFlags } from './red-flags.js';
import type { Concern, RedFlagScreen, ScreenOptions } from './red-flags.js';
import { regions, type Region } from '../region.js';
import { caudaEquinaSafetyNet } from './safety-net.js';
import * as screening from './index.js';

function screen(
  findings: Findings,
  region: Region = 'lumbar',
  options?: Partial<ScreenOptions>,
): RedFlagScreen {
  return screenRedFlags({ region, findings }, options);
}

function concern(result: RedFlagScreen, condition: Concern['condition']): Concern | undefined {
  return result.concerns.find((item) => item.condition === condition);
}

function errorOf(run: () => unknown): ClinicalInputError {
  try {
    run();
  } catch (error) {
    if (error instanceof ClinicalInputError) return error;
    throw error;
  }
  throw new Error('expected a ClinicalInputError');
}

describe('screenRedFlags: one vignette per row of the REFERENCE table', () => {
  it('cauda equina: saddle numbness alone → emergency [S-CES]', () => {
    const result = screen({ saddleNumbness: true, bladderDysfunction: false });
    expect(result.action).toBe('emergency');
    expect(result.requiresClinicianDecision).toBe(true);
    expect(result.concerns).toEqual([
      expect.objectContaining({
        condition: 'caudaEquinaSyndrome',
        title: 'Cauda equina syndrome',
        level: 'high',
        action: 'emergency',
        findings: ['saddleNumbness'],
        sources: ['S-CES'],
      }),
    ]);
  });

  it('cauda equina: each finding alone is enough', () => {
    for (const id of [
      'bladderDysfunction',
      'bowelDysfunction',
      'saddleNumbness',
      'bilateralLegSymptoms',
      'sexualDysfunction',
    ] as const) {
      expect(screen({ [id]: true }).action, id).toBe('emergency');
    }
  });

  it('metastatic spinal cord compression: cancer and neurological symptoms → emergency [S-MSCC]', () => {
    const result = screen({ historyOfCancer: true, neuroSymptoms: true });
    expect(result.action).toBe('emergency');
    expect(concern(result, 'metastaticSpinalCordCompression')).toMatchObject({
      level: 'high',
      action: 'emergency',
      findings: ['historyOfCancer', 'neuroSymptoms'],
      sources: ['S-MSCC'],
    });
    // the known cancer still surfaces under spinal metastasis, without escalating it
    expect(concern(result, 'spinalMetastasis')).toMatchObject({ level: 'low', action: 'none' });
  });

  it('spinal metastasis: cancer and night pain → urgent [S-MSCC] [S-RF]', () => {
    const result = screen({ historyOfCancer: true, nightPain: true, painOnStraining: true });
    expect(result.action).toBe('urgent');
    expect(result.requiresClinicianDecision).toBe(true);
    expect(concern(result, 'spinalMetastasis')).toMatchObject({
      level: 'high',
      action: 'urgent',
      findings: ['historyOfCancer', 'painOnStraining', 'nightPain'],
      sources: ['S-MSCC', 'S-RF'],
    });
  });

  it('spinal metastasis: every pain feature escalates with known cancer', () => {
    for (const id of [
      'thoracicOrCervicalPain',
      'progressivePain',
      'unremittingPain',
      'painOnStraining',
      'localisedTenderness',
      'nightPain',
    ] as const) {
      expect(screen({ historyOfCancer: true, [id]: true }).action, id).toBe('urgent');
    }
  });

  it('malignancy without known cancer: a cluster of 2 → urgent [S-RF]', () => {
    const result = screen({ age: 60, unexplainedWeightLoss: true, historyOfCancer: false });
    expect(result.action).toBe('urgent');
    expect(concern(result, 'malignancy')).toMatchObject({
      level: 'high',
      action: 'urgent',
      findings: ['age', 'unexplainedWeightLoss'],
    });
    expect(concern(result, 'malignancy')?.criteria).toContain('2 of 5 present');
  });

  it('malignancy: all five features counted', () => {
    const result = screen({
      age: 51,
      unexplainedWeightLoss: true,
      noImprovementAfter4Weeks: true,
      nightPain: true,
      systemicallyUnwell: true,
    });
    expect(concern(result, 'malignancy')?.criteria).toContain('5 of 5 present');
  });

  it('malignancy: one feature → routine review', () => {
    const result = screen({ noImprovementAfter4Weeks: true });
    expect(result.action).toBe('routine');
    expect(result.requiresClinicianDecision).toBe(false);
    expect(concern(result, 'malignancy')).toMatchObject({ level: 'moderate', action: 'routine' });
  });

  it('malignancy: constant pain and night pain count as one feature', () => {
    const result = screen({ unremittingPain: true, nightPain: true });
    expect(result.action).toBe('routine');
    expect(concern(result, 'malignancy')).toMatchObject({
      action: 'routine',
      findings: ['unremittingPain', 'nightPain'],
    });
    expect(concern(result, 'malignancy')?.criteria).toContain('1 of 5 present');
  });

  it('malignancy: not applied when cancer is known (the metastasis rules apply instead)', () => {
    const result = screen({ historyOfCancer: true, age: 70, unexplainedWeightLoss: true });
    expect(concern(result, 'malignancy')).toBeUndefined();
    expect(result.action).toBe('none');
  });

  it('spinal infection: unwell with a risk factor → emergency [S-RF]', () => {
    const result = screen({ fever: true, ivDrugUse: true, newSeverePain: true });
    expect(result.action).toBe('emergency');
    expect(concern(result, 'spinalInfection')).toMatchObject({
      level: 'high',
      action: 'emergency',
      findings: ['fever', 'ivDrugUse', 'newSeverePain'],
    });
  });

  it('spinal infection: risk factor with new severe pain → urgent [S-RF]', () => {
    const result = screen({ diabetes: true, newSeverePain: true });
    expect(result.action).toBe('urgent');
    expect(concern(result, 'spinalInfection')).toMatchObject({
      level: 'high',
      action: 'urgent',
      findings: ['diabetes', 'newSeverePain'],
    });
  });

  it('vertebral fracture: major trauma → emergency [S-RF]', () => {
    const result = screen({ majorTrauma: true }, 'cervical');
    expect(result.action).toBe('emergency');
    expect(concern(result, 'vertebralFracture')).toMatchObject({
      level: 'high',
      action: 'emergency',
      findings: ['majorTrauma'],
    });
  });

  it('vertebral fracture: a suspected fracture with a neurological deficit → emergency [S-RF]', () => {
    const result = screen({ osteoporosis: true, age: 72, progressiveMotorDeficit: true });
    expect(result.action).toBe('emergency');
    expect(concern(result, 'vertebralFracture')).toMatchObject({
      action: 'emergency',
      findings: ['osteoporosis', 'age', 'progressiveMotorDeficit'],
    });
    expect(
      concern(screen({ significantTrauma: true, neuroSymptoms: true }), 'vertebralFracture'),
    ).toMatchObject({ action: 'emergency', findings: ['significantTrauma', 'neuroSymptoms'] });
  });

  it('vertebral fracture: one weak feature with nerve-root symptoms does not escalate [S-RF]', () => {
    // A 70-year-old with ordinary sciatica: age is one weak feature, not a suspected fracture.
    const sciatica = screen({ age: 70, neuroSymptoms: true });
    expect(concern(sciatica, 'vertebralFracture')).toMatchObject({ level: 'low', action: 'none' });
    expect(
      concern(screen({ osteoporosis: true, neuroSymptoms: true }), 'vertebralFracture'),
    ).toMatchObject({
      action: 'none',
    });
  });

  it('vertebral fracture: 2 features → urgent imaging [S-RF]', () => {
    const result = screen({ corticosteroidUse: true, age: 70 });
    expect(concern(result, 'vertebralFracture')).toMatchObject({
      level: 'high',
      action: 'urgent',
      findings: ['corticosteroidUse', 'age'],
    });
    expect(result.action).toBe('urgent');
  });

  it('vertebral fracture: neurological symptoms without a fracture feature raise no fracture concern', () => {
    expect(concern(screen({ neuroSymptoms: true }), 'vertebralFracture')).toBeUndefined();
  });

  it('progressive motor deficit → urgent [S-RF]', () => {
    const result = screen({ progressiveMotorDeficit: true });
    expect(result.action).toBe('urgent');
    expect(result.concerns).toEqual([
      expect.objectContaining({
        condition: 'progressiveMotorDeficit',
        level: 'high',
        action: 'urgent',
        findings: ['progressiveMotorDeficit'],
      }),
    ]);
  });

  it('axial spondyloarthritis: 4 features with the gate → routine rheumatology referral [S-AXSPA]', () => {
    const result = screen({
      backPainOver3Months: true,
      onsetBeforeAge45: true,
      inflammatoryBackPainFeatures: 4,
    });
    expect(result.action).toBe('routine');
    expect(result.concerns).toEqual([
      expect.objectContaining({
        condition: 'axialSpondyloarthritis',
        level: 'moderate',
        action: 'routine',
        findings: ['backPainOver3Months', 'onsetBeforeAge45', 'inflammatoryBackPainFeatures'],
        sources: ['S-AXSPA'],
      }),
    ]);
    expect(result.concerns[0]?.recommendation).toMatch(/rheumatology/);
  });

  it('cervical myelopathy → urgent [S-RF]', () => {
    const result = screen({ myelopathySigns: true }, 'cervical');
    expect(result.action).toBe('urgent');
    expect(concern(result, 'cervicalMyelopathy')).toMatchObject({ level: 'high' });
  });

  it('cervical arterial dysfunction → emergency and no neck manipulation [S-RF]', () => {
    const result = screen({ cervicalArterialSymptoms: true }, 'cervical');
    expect(result.action).toBe('emergency');
    expect(result.contraindications).toEqual(['neckManipulation']);
    expect(concern(result, 'cervicalArterialDysfunction')).toMatchObject({
      level: 'high',
      action: 'emergency',
    });
  });

  it('a present neck finding surfaces in a lumbar screen too', () => {
    const result = screen({ myelopathySigns: true, cervicalArterialSymptoms: true });
    expect(result.action).toBe('emergency');
    expect(result.contraindications).toEqual(['neckManipulation']);
    expect(result.concerns.map((item) => item.condition)).toEqual([
      'cervicalArterialDysfunction',
      'cervicalMyelopathy',
    ]);
  });
});

describe('screenRedFlags: a single weak flag does not escalate [S-RF]', () => {
  it('age 55 alone → routine review at most', () => {
    const result = screen({ age: 55 });
    expect(result.action).toBe('routine');
    expect(result.requiresClinicianDecision).toBe(false);
    expect(result.concerns).toEqual([
      expect.objectContaining({ condition: 'malignancy', level: 'moderate', findings: ['age'] }),
    ]);
  });

  it('age 70 alone → routine review, and the fracture feature is only surfaced', () => {
    const result = screen({ age: 70 });
    expect(result.action).toBe('routine');
    expect(concern(result, 'vertebralFracture')).toMatchObject({
      level: 'low',
      action: 'none',
      findings: ['age'],
    });
  });

  it.each([
    ['diabetes', 'spinalInfection'],
    ['fever', 'spinalInfection'],
    ['osteoporosis', 'vertebralFracture'],
    ['corticosteroidUse', 'vertebralFracture'],
    ['historyOfCancer', 'spinalMetastasis'],
  ] as const)('%s alone → action none, concern low', (id, condition) => {
    const result = screen({ [id]: true });
    expect(result.action).toBe('none');
    expect(result.requiresClinicianDecision).toBe(false);
    expect(result.concerns).toEqual([
      expect.objectContaining({ condition, level: 'low', action: 'none', findings: [id] }),
    ]);
  });

  it('history of cancer alone recommends asking about new spinal pain', () => {
    expect(screen({ historyOfCancer: true }).concerns[0]?.recommendation).toMatch(/spinal pain/);
  });

  it('feeling unwell with new severe pain but no risk factor does not escalate infection', () => {
    const result = screen({ fever: true, newSeverePain: true });
    expect(concern(result, 'spinalInfection')).toMatchObject({
      level: 'low',
      action: 'none',
      findings: ['fever'],
    });
  });

  it('new severe pain alone raises no infection concern', () => {
    expect(screen({ newSeverePain: true }).concerns).toEqual([]);
  });

  it('3 axial spondyloarthritis features with the gate → routine with an HLA-B27 suggestion', () => {
    const result = screen({
      backPainOver3Months: true,
      onsetBeforeAge45: true,
      inflammatoryBackPainFeatures: 3,
    });
    expect(result.action).toBe('routine');
    expect(result.concerns).toEqual([
      expect.objectContaining({ condition: 'axialSpondyloarthritis', level: 'low' }),
    ]);
    expect(result.concerns[0]?.recommendation).toContain('HLA-B27');
  });

  it('axial spondyloarthritis: 4 features without the gate → surfaced, no referral', () => {
    const result = screen({ backPainOver3Months: true, inflammatoryBackPainFeatures: 5 });
    expect(result.action).toBe('none');
    expect(result.concerns).toEqual([
      expect.objectContaining({
        condition: 'axialSpondyloarthritis',
        level: 'low',
        action: 'none',
        findings: ['backPainOver3Months', 'inflammatoryBackPainFeatures'],
      }),
    ]);
    expect(result.concerns[0]?.recommendation).toMatch(/not met/);
  });

  it('axial spondyloarthritis: fewer than 3 features, or an unknown count, is not listed', () => {
    const gate = { backPainOver3Months: true, onsetBeforeAge45: true } as const;
    expect(screen({ ...gate, inflammatoryBackPainFeatures: 2 }).concerns).toEqual([]);
    expect(screen({ ...gate, inflammatoryBackPainFeatures: 'unknown' }).concerns).toEqual([]);
  });

  it('unknown answers count as absent', () => {
    const result = screen({
      saddleNumbness: 'unknown',
      age: 'unknown',
      historyOfCancer: 'unknown',
    });
    expect(result.action).toBe('none');
    expect(result.concerns).toEqual([]);
  });
});

describe('screenRedFlags: overall result', () => {
  it('takes the most severe action and lists concerns most severe first', () => {
    const result = screen({
      fever: true,
      historyOfCancer: true,
      nightPain: true,
      bowelDysfunction: true,
    });
    expect(result.action).toBe('emergency');
    expect(result.concerns.map((item) => [item.condition, item.action, item.level])).toEqual([
      ['caudaEquinaSyndrome', 'emergency', 'high'],
      ['spinalMetastasis', 'urgent', 'high'],
      ['spinalInfection', 'none', 'low'],
    ]);
  });

  it('puts a more severe later condition before an earlier milder one', () => {
    const result = screen({ age: 55, majorTrauma: true });
    expect(result.concerns.map((item) => item.condition)).toEqual([
      'vertebralFracture',
      'malignancy',
    ]);
  });

  it('orders by level within the same action, then by table order', () => {
    const result = screen({
      age: 40,
      unexplainedWeightLoss: true,
      backPainOver3Months: true,
      onsetBeforeAge45: true,
      inflammatoryBackPainFeatures: 3,
      osteoporosis: true,
      diabetes: true,
    });
    expect(result.concerns.map((item) => [item.condition, item.action, item.level])).toEqual([
      ['malignancy', 'routine', 'moderate'],
      ['axialSpondyloarthritis', 'routine', 'low'],
      ['spinalInfection', 'none', 'low'],
      ['vertebralFracture', 'none', 'low'],
    ]);
  });

  it('returns no concerns, action none and the standard fields for an empty screen', () => {
    const result = screen({});
    expect(result).toMatchObject({
      region: 'lumbar',
      action: 'none',
      concerns: [],
      contraindications: [],
      requiresClinicianDecision: false,
      disclaimer: screenDisclaimer,
      sources: ['S-RF', 'S-CES', 'S-MSCC', 'S-AXSPA'],
    });
    expect(result.disclaimer).toMatch(/not a diagnosis/);
  });

  it('always gives the cauda equina safety net for lumbar, never for cervical [S-CES]', () => {
    expect(screen({}).safetyNet).toBe(caudaEquinaSafetyNet);
    expect(screen({ saddleNumbness: false }).safetyNet).toEqual(
      expect.objectContaining({ sources: ['S-CES'] }),
    );
    expect(screen({}, 'cervical').safetyNet).toBeNull();
  });
});

describe('screenRedFlags: unanswered', () => {
  it('lists unknown or missing cauda equina findings first, then the rest in order', () => {
    const result = screen({ bladderDysfunction: false, bowelDysfunction: 'unknown', fever: false });
    expect(result.unanswered.slice(0, 4)).toEqual([
      'bowelDysfunction',
      'saddleNumbness',
      'bilateralLegSymptoms',
      'sexualDysfunction',
    ]);
    expect(result.unanswered).not.toContain('bladderDysfunction');
    expect(result.unanswered).not.toContain('fever');
    expect(result.unanswered).toContain('age');
    expect(result.unanswered).toContain('inflammatoryBackPainFeatures');
    expect(result.unanswered).toContain('historyOfCancer');
  });

  it('asks neck questions for a cervical screen and low-back ones for a lumbar screen', () => {
    const lumbar = screen({}).unanswered;
    expect(lumbar).not.toContain('myelopathySigns');
    expect(lumbar).not.toContain('cervicalArterialSymptoms');
    expect(lumbar[0]).toBe('bladderDysfunction');

    const cervical = screen({}, 'cervical').unanswered;
    expect(cervical).toContain('myelopathySigns');
    expect(cervical).toContain('cervicalArterialSymptoms');
    expect(cervical).not.toContain('saddleNumbness');
    expect(cervical).not.toContain('inflammatoryBackPainFeatures');
    expect(cervical[0]).toBe('historyOfCancer');
  });

  it('is empty when every relevant finding is answered', () => {
    const findings = Object.fromEntries(
      screen({}).unanswered.map((id) => [id, id === 'age' ? 30 : false]),
    ) as Findings;
    const complete = { ...findings, inflammatoryBackPainFeatures: 0 };
    expect(screen(complete).unanswered).toEqual([]);
  });
});

describe('screenRedFlags: options', () => {
  it('uses the defaults (65 for fracture, 50 for malignancy)', () => {
    expect(defaultScreenOptions).toEqual({ fractureAgeOver: 65, malignancyAgeOver: 50 });
    expect(concern(screen({ age: 65 }), 'vertebralFracture')).toBeUndefined();
    expect(concern(screen({ age: 50 }), 'malignancy')).toBeUndefined();
    expect(concern(screen({ age: 50.5 }), 'malignancy')).toBeDefined();
  });

  it('accepts other thresholds and shows them in the criteria', () => {
    const result = screen({ age: 62 }, 'lumbar', { fractureAgeOver: 60, malignancyAgeOver: 70 });
    expect(concern(result, 'malignancy')).toBeUndefined();
    expect(concern(result, 'vertebralFracture')?.criteria).toContain('age over 60');
  });

  it('names a bad option', () => {
    const unknownOption = errorOf(() =>
      screen({}, 'lumbar', { fractureAge: 60 } as unknown as Partial<ScreenOptions>),
    );
    expect(unknownOption.path).toEqual(['options', 'fractureAge']);
    expect(unknownOption.detail).toMatch(/is not a known option/);

    for (const value of ['65', -1, 121, Number.NaN]) {
      const error = errorOf(() =>
        screen({}, 'lumbar', { malignancyAgeOver: value } as unknown as Partial<ScreenOptions>),
      );
      expect(error.path).toEqual(['options', 'malignancyAgeOver']);
      expect(error.detail).toMatch(/^must be a number from 0 to 120/);
    }
  });
});

describe('screenRedFlags: invalid input names the field', () => {
  it.each([[null], [[]], ['lumbar'], [42], [undefined]])('rejects input %j', (input) => {
    const error = errorOf(() => screenRedFlags(input));
    expect(error.path).toEqual([]);
    expect(error.detail).toMatch(/^must be an object with region and findings/);
  });

  it.each([[undefined], ['thoracic'], ['Lumbar'], [1]])('rejects region %j', (region) => {
    const error = errorOf(() => screenRedFlags({ region, findings: {} }));
    expect(error.path).toEqual(['region']);
    expect(error.detail).toMatch(/^must be "lumbar" or "cervical"/);
  });

  it('rejects missing findings', () => {
    const error = errorOf(() => screenRedFlags({ region: 'lumbar' }));
    expect(error.path).toEqual(['findings']);
  });

  it('rejects an unknown top-level field', () => {
    const error = errorOf(() => screenRedFlags({ region: 'lumbar', findings: {}, age: 60 }));
    expect(error.path).toEqual(['age']);
    expect(error.detail).toMatch(/is not a known field/);
  });

  it('passes finding errors through with their path', () => {
    expect(
      errorOf(() => screenRedFlags({ region: 'lumbar', findings: { bladder: true } })).path,
    ).toEqual(['findings', 'bladder']);
    expect(
      errorOf(() => screenRedFlags({ region: 'lumbar', findings: { fever: 'yes' } })).detail,
    ).toBe('must be true, false or "unknown"');
    expect(
      errorOf(() => screenRedFlags({ region: 'lumbar', findings: { age: 130 } })).path,
    ).toEqual(['findings', 'age']);
    expect(
      errorOf(() =>
        screenRedFlags({ region: 'lumbar', findings: { inflammatoryBackPainFeatures: 2.5 } }),
      ).path,
    ).toEqual(['findings', 'inflammatoryBackPainFeatures']);
  });
});

describe('safety net and index', () => {
  it('covers every warning symptom and says to go to an emergency department at once', () => {
    const text = caudaEquinaSafetyNet.symptoms.join(' ').toLowerCase();
    for (const word of ['bladder', 'bowel', 'numbness', 'both legs', 'genitals', 'thighs']) {
      expect(text).toContain(word);
    }
    expect(caudaEquinaSafetyNet.action).toMatch(/emergency department straight away/);
    expect(caudaEquinaSafetyNet.action).toMatch(/any time of the day or night/);
    expect(caudaEquinaSafetyNet.sources).toEqual(['S-CES']);
  });

  it('re-exports the public API', () => {
    expect(screening.screenRedFlags).toBe(screenRedFlags);
    expect(screening.conditionDefinitions).toHaveLength(10);
    expect(regions).toEqual(['lumbar', 'cervical']);
    expect(screening.conditions.caudaEquinaSyndrome.sources).toEqual(['S-CES']);
  });
});
