import { describe, expect, it } from 'vitest';
import { ClinicalInputError } from '../input-error.js';
import { generateProgramme } from './generate.js';
import { parseProgramme } from './parse-programme.js';
import { acuteLowBack } from './profile.fixture.js';

const programme = generateProgramme(acuteLowBack);

function pathOf(input: unknown): readonly (string | number)[] {
  try {
    parseProgramme(input);
  } catch (error) {
    if (error instanceof ClinicalInputError) return error.path;
    throw error;
  }
  throw new Error('expected a ClinicalInputError');
}

/** A deep copy of the programme with one change made by `edit`. */
function edited(
  edit: (
    copy: {
      weeks: { week: unknown; sessions: { exercises: Record<string, unknown>[] }[] }[];
    } & Record<string, unknown>,
  ) => void,
): unknown {
  const copy = structuredClone(programme) as unknown as Parameters<typeof edit>[0];
  edit(copy);
  return copy;
}

describe('parseProgramme', () => {
  it('accepts a programme as the generator writes it, JSON round trip included', () => {
    expect(parseProgramme(JSON.parse(JSON.stringify(programme)))).toEqual(programme);
  });

  it.each<[string, unknown, readonly (string | number)[]]>([
    ['not an object', 'plan', ['programme']],
    ['a bad status', edited((copy) => (copy.status = 'draft')), ['programme', 'status']],
    ['weeks not a list', edited((copy) => (copy.weeks = {} as never)), ['programme', 'weeks']],
    [
      'a week not an object',
      edited((copy) => (copy.weeks[0] = 3 as never)),
      ['programme', 'weeks', 0],
    ],
    [
      'a week number of 0',
      edited((copy) => ((copy.weeks[0] as { week: unknown }).week = 0)),
      ['programme', 'weeks', 0, 'week'],
    ],
    [
      'sessions not a list',
      edited((copy) => ((copy.weeks[1] as { sessions: unknown }).sessions = null)),
      ['programme', 'weeks', 1, 'sessions'],
    ],
    [
      'exercises not a list',
      edited((copy) => ((copy.weeks[0]?.sessions[0] as { exercises: unknown }).exercises = 'x')),
      ['programme', 'weeks', 0, 'sessions', 0, 'exercises'],
    ],
    [
      'an exercise without an id',
      edited((copy) => delete copy.weeks[0]?.sessions[0]?.exercises[0]?.id),
      ['programme', 'weeks', 0, 'sessions', 0, 'exercises', 0, 'id'],
    ],
    [
      'sets of 0',
      edited((copy) => {
        const first = copy.weeks[0]?.sessions[0]?.exercises[0];
        if (first) first.sets = 0;
      }),
      ['programme', 'weeks', 0, 'sessions', 0, 'exercises', 0, 'sets'],
    ],
    [
      'a negative hold',
      edited((copy) => {
        const first = copy.weeks[0]?.sessions[0]?.exercises[0];
        if (first) first.holdSeconds = -5;
      }),
      ['programme', 'weeks', 0, 'sessions', 0, 'exercises', 0, 'holdSeconds'],
    ],
  ])('names the field for %s', (_name, input, path) => {
    expect(pathOf(input)).toEqual(path);
  });
});
