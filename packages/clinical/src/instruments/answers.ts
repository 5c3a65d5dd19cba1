import { ClinicalInputError, describeValue, isPlainObject } from '../input-error.js';
import type { InstrumentDefinition, InstrumentItem } from './definition.js';

/** One activity of the PSFS, kept with its rating. [S-PSFS] */
export interface PsfsActivity {
  readonly activity: string | null;
  readonly rating: number;
}

export interface ReadAnswers {
  /** One value per answer, `null` where the item was skipped. */
  readonly values: readonly (number | null)[];
  /** Ids of skipped items, scored or not. */
  readonly missingItems: readonly string[];
  /** Scored items that were skipped. */
  readonly missingScored: number;
  /** PSFS only: each activity's text with its rating. */
  readonly activities?: readonly PsfsActivity[];
}

const MAX_ACTIVITY_LENGTH = 200;

function itemName(definition: InstrumentDefinition, item: InstrumentItem): string {
  return `${definition.shortTitle} item ${item.number} (${item.label})`;
}

function rangeText(item: InstrumentItem): string {
  const values = item.options.map((option) => option.value);
  return `${Math.min(...values)}–${Math.max(...values)}`;
}

/** Turns one answer (number, option label, yes/no boolean) into the option's value. */
function readValue(
  definition: InstrumentDefinition,
  item: InstrumentItem,
  answer: unknown,
  index: number,
): number {
  const path = ['answers', index];
  if (typeof answer === 'number') {
    if (item.options.some((option) => option.value === answer)) return answer;
    throw new ClinicalInputError(
      path,
      `${itemName(definition, item)}: ${answer} is not an answer; expected a whole number ${rangeText(item)}`,
    );
  }
  if (typeof answer === 'string') {
    const wanted = answer.trim().toLowerCase();
    const option = item.options.find((candidate) => candidate.label.toLowerCase() === wanted);
    if (option !== undefined) return option.value;
    const labels = item.options.map((candidate) => candidate.label).join(', ');
    throw new ClinicalInputError(
      path,
      `${itemName(definition, item)}: ${describeValue(answer)} is not an answer; expected ${rangeText(item)} or one of: ${labels}`,
    );
  }
  if (typeof answer === 'boolean' && item.options.length === 2) {
    // Two-option items are no/yes or disagree/agree scored 0/1.
    return answer ? 1 : 0;
  }
  throw new ClinicalInputError(
    path,
    `${itemName(definition, item)}: ${describeValue(answer)} is not an answer; expected a whole number ${rangeText(item)}${
      item.options.length === 2 ? ', true/false' : ''
    } or null when skipped`,
  );
}

function readItemAnswer(
  definition: InstrumentDefinition,
  item: InstrumentItem,
  answer: unknown,
  index: number,
): number | null {
  if (answer === null) return null;
  if (Array.isArray(answer)) {
    if (definition.multipleMarks === 'reject' || answer.length === 0) {
      throw new ClinicalInputError(
        ['answers', index],
        `${itemName(definition, item)}: give one answer, not a list`,
      );
    }
    // [S-ODI] two boxes ticked in one section → the higher counts.
    return Math.max(...answer.map((mark) => readValue(definition, item, mark, index)));
  }
  return readValue(definition, item, answer, index);
}

function readPsfsAnswer(
  definition: InstrumentDefinition,
  item: InstrumentItem,
  answer: unknown,
  index: number,
): PsfsActivity {
  if (isPlainObject(answer)) {
    for (const key of Object.keys(answer)) {
      if (key !== 'activity' && key !== 'rating') {
        throw new ClinicalInputError(
          ['answers', index, key],
          'is not a PSFS field; use activity and rating',
        );
      }
    }
    const { activity, rating } = answer;
    if (typeof activity !== 'string' || activity.trim() === '') {
      throw new ClinicalInputError(
        ['answers', index, 'activity'],
        'must name the activity (a non-empty text)',
      );
    }
    if (activity.length > MAX_ACTIVITY_LENGTH) {
      throw new ClinicalInputError(
        ['answers', index, 'activity'],
        `must be at most ${MAX_ACTIVITY_LENGTH} characters`,
      );
    }
    if (typeof rating !== 'number' || !item.options.some((option) => option.value === rating)) {
      throw new ClinicalInputError(
        ['answers', index, 'rating'],
        `${describeValue(rating)} is not a rating; expected a whole number 0 (unable) to 10 (as before)`,
      );
    }
    return { activity: activity.trim(), rating };
  }
  if (answer === null) {
    throw new ClinicalInputError(
      ['answers', index],
      `${itemName(definition, item)}: every named activity needs a rating (the PSFS has no missing-item rule)`,
    );
  }
  return { activity: null, rating: readValue(definition, item, answer, index) };
}

/**
 * Validates answers given in item order and applies the instrument's missing-item rule.
 * An answer outside an item's range, an unknown item, a wrong type or too many missing items
 * is an error naming the item — never a silent zero. [REFERENCE §1]
 */
export function readAnswers(
  definition: InstrumentDefinition,
  answers: unknown,
  maxMissing: number,
): ReadAnswers {
  if (!Array.isArray(answers)) {
    throw new ClinicalInputError(
      ['answers'],
      `must be a list of answers in item order, not ${describeValue(answers)}`,
    );
  }
  const { min, max } = definition.answerCount;
  if (answers.length < min || answers.length > max) {
    const expected = min === max ? String(min) : `${min} to ${max}`;
    throw new ClinicalInputError(
      ['answers'],
      `${definition.shortTitle} takes ${expected} answers (null for a skipped item), but ${answers.length} were given`,
    );
  }

  if (definition.id === 'psfs') {
    const activities = answers.map((answer, index) =>
      // answerCount.max equals the item count, so every index has an item.
      readPsfsAnswer(definition, definition.items[index] as InstrumentItem, answer, index),
    );
    return {
      values: activities.map((activity) => activity.rating),
      missingItems: [],
      missingScored: 0,
      activities,
    };
  }

  const values: (number | null)[] = [];
  const missingItems: string[] = [];
  let missingScored = 0;
  answers.forEach((answer, index) => {
    const item = definition.items[index] as InstrumentItem;
    const value = readItemAnswer(definition, item, answer, index);
    values.push(value);
    if (value !== null) return;
    missingItems.push(item.id);
    if (!item.scored) return;
    missingScored++;
    if (definition.missing.rule === 'none') {
      throw new ClinicalInputError(
        ['answers', index],
        `${itemName(definition, item)} is missing; ${definition.missing.description}`,
      );
    }
  });

  if (missingScored > maxMissing) {
    throw new ClinicalInputError(
      ['answers'],
      `${missingScored} ${definition.shortTitle} items are missing (${missingItems.join(', ')}); ${definition.missing.description}`,
    );
  }
  return { values, missingItems, missingScored };
}
