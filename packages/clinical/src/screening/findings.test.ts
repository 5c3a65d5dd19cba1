import { describe, expect, it } from 'vitest';
import { ClinicalInputError } from '../input-error.js';
import { conditionDefinitions } from './conditions.js';
import {
  answerFindingIds,
  axialSpondyloarthritisFeatures,
  findingDefinitions,
  findingIds,
  numericFindingIds,
  parseFindings,
} from './findings.js';

function errorOf(run: () => unknown): ClinicalInputError {
  try {
    run();
  } catch (error) {
    if (error instanceof ClinicalInputError) return error;
    throw error;
  }
  throw new Error('expected a ClinicalInputError');
}

describe('findingDefinitions', () => {
  it('defines every finding exactly once, answers first', () => {
    expect(findingIds).toEqual([...answerFindingIds, ...numericFindingIds]);
    expect(new Set(findingIds).size).toBe(findingIds.length);
    expect(findingIds).toHaveLength(34);
    expect(findingIds).toContain('newSeverePain');
    expect(findingIds).toContain('majorTrauma');
  });

  it('gives each finding a question and at least one known condition', () => {
    const conditionIds = conditionDefinitions.map((condition) => condition.id);
    for (const finding of findingDefinitions) {
      expect(finding.question, finding.id).toMatch(/\?$/);
      expect(finding.usedBy.length, finding.id).toBeGreaterThan(0);
      for (const condition of finding.usedBy) expect(conditionIds).toContain(condition);
    }
  });

  it('uses every condition in at least one finding', () => {
    for (const condition of conditionDefinitions) {
      expect(
        findingDefinitions.some((finding) => finding.usedBy.includes(condition.id)),
        condition.id,
      ).toBe(true);
    }
  });

  it('describes the numeric findings with their ranges', () => {
    const numeric = findingDefinitions.filter((finding) => finding.type === 'number');
    expect(numeric).toEqual([
      expect.objectContaining({ id: 'age', min: 0, max: 120, integer: false, unit: 'years' }),
      expect.objectContaining({
        id: 'inflammatoryBackPainFeatures',
        min: 0,
        max: 9,
        integer: true,
        unit: 'features',
      }),
    ]);
  });

  it('lists the nine axial spondyloarthritis features', () => {
    expect(axialSpondyloarthritisFeatures).toHaveLength(9);
  });
});

describe('parseFindings', () => {
  it('accepts true, false, "unknown", numbers in range and an empty object', () => {
    const input = {
      saddleNumbness: false,
      fever: true,
      diabetes: 'unknown',
      age: 42.5,
      inflammatoryBackPainFeatures: 0,
    };
    expect(parseFindings(input)).toEqual(input);
    expect(parseFindings({})).toEqual({});
    expect(parseFindings({ age: 'unknown', inflammatoryBackPainFeatures: 'unknown' })).toEqual({
      age: 'unknown',
      inflammatoryBackPainFeatures: 'unknown',
    });
    expect(parseFindings({ age: 0, inflammatoryBackPainFeatures: 9 })).toEqual({
      age: 0,
      inflammatoryBackPainFeatures: 9,
    });
    expect(parseFindings({ age: 120 })).toEqual({ age: 120 });
  });

  it('names an unknown finding and points to the list', () => {
    const error = errorOf(() => parseFindings({ bladder: true }));
    expect(error.path).toEqual(['findings', 'bladder']);
    expect(error.detail).toMatch(/^is not a known finding; known findings are bladderDysfunction/);
    expect(error.detail).toContain('spinewise screen --help');
    expect(error.detail).not.toContain('Did you mean');
  });

  it('suggests the right spelling when only the case is wrong', () => {
    const error = errorOf(() => parseFindings({ SaddleNumbness: true }));
    expect(error.path).toEqual(['findings', 'SaddleNumbness']);
    expect(error.detail).toContain('Did you mean saddleNumbness?');
  });

  it('rejects keys inherited from Object.prototype', () => {
    expect(errorOf(() => parseFindings({ constructor: true })).path).toEqual([
      'findings',
      'constructor',
    ]);
    expect(errorOf(() => parseFindings(JSON.parse('{"__proto__": true}'))).path).toEqual([
      'findings',
      '__proto__',
    ]);
  });

  it.each([['yes'], [1], [null], ['Unknown'], [{}]])('rejects %j as an answer', (value) => {
    const error = errorOf(() => parseFindings({ fever: value }));
    expect(error.path).toEqual(['findings', 'fever']);
    expect(error.detail).toBe('must be true, false or "unknown"');
  });

  it.each([[-1], [121], ['60'], [Number.NaN], [Number.POSITIVE_INFINITY], [true], [null]])(
    'rejects age %j',
    (value) => {
      const error = errorOf(() => parseFindings({ age: value }));
      expect(error.path).toEqual(['findings', 'age']);
      expect(error.detail).toMatch(/^must be a number from 0 to 120 or "unknown", not /);
    },
  );

  it.each([[-1], [10], [3.5], ['3'], [true]])(
    'rejects inflammatoryBackPainFeatures %j',
    (value) => {
      const error = errorOf(() => parseFindings({ inflammatoryBackPainFeatures: value }));
      expect(error.path).toEqual(['findings', 'inflammatoryBackPainFeatures']);
      expect(error.detail).toMatch(/^must be a whole number from 0 to 9 or "unknown", not /);
    },
  );

  it.each([[null], [[]], ['saddleNumbness'], [undefined]])(
    'rejects findings that are %j',
    (value) => {
      const error = errorOf(() => parseFindings(value));
      expect(error.path).toEqual(['findings']);
      expect(error.detail).toMatch(/^must be an object of named findings/);
    },
  );
});
