/**
 * The one result shape every stratification or classification rule returns, and the small
 * helpers the rules share to build it. Kept apart so each rule file holds only its rule.
 */

/** `unknown` when the assessment did not give the item. */
export type CriterionStatus = 'met' | 'notMet' | 'unknown';

export interface Criterion {
  id: string;
  /** Our own plain words, e.g. 'Symptoms for less than 16 days'. */
  label: string;
  status: CriterionStatus;
  /** The value the status was judged on, when the assessment gave one. */
  value?: number | boolean | string;
}

export interface RuleResult<R> {
  rule: string;
  title: string;
  /** False when the rule does not apply to this patient (e.g. a low-back rule for neck pain). */
  applicable: boolean;
  result: R;
  /** One sentence a clinician reads. */
  summary: string;
  criteria: Criterion[];
  /** Criterion ids by status. */
  met: string[];
  notMet: string[];
  unknown: string[];
  /** Source ids from the clinical reference, e.g. 'S-SB'. */
  sources: string[];
  caveat?: string;
}

export interface CriteriaCount {
  met: number;
  notMet: number;
  unknown: number;
}

export function criterion(
  id: string,
  label: string,
  status: CriterionStatus,
  value: number | boolean | string | undefined,
): Criterion {
  return value === undefined ? { id, label, status } : { id, label, status, value };
}

/** Status of a numeric criterion: unknown when the value was not given. */
export function numberStatus(
  value: number | undefined,
  isMet: (value: number) => boolean,
): CriterionStatus {
  if (value === undefined) return 'unknown';
  return isMet(value) ? 'met' : 'notMet';
}

/** Status of a yes/no criterion that is met when the finding equals `metWhen`. */
export function booleanStatus(value: boolean | undefined, metWhen: boolean): CriterionStatus {
  if (value === undefined) return 'unknown';
  return value === metWhen ? 'met' : 'notMet';
}

export function countCriteria(criteria: readonly Criterion[]): CriteriaCount {
  const count: CriteriaCount = { met: 0, notMet: 0, unknown: 0 };
  for (const item of criteria) count[item.status] += 1;
  return count;
}

/**
 * "At least `needed` criteria met": true or false when the known items settle it, null when
 * the unknown items could still tip it either way.
 */
export function atLeast(count: CriteriaCount, needed: number): boolean | null {
  if (count.met >= needed) return true;
  if (count.met + count.unknown < needed) return false;
  return null;
}

/** "1 item was", "2 items were": for summaries. */
export function itemCount(n: number, noun = 'item'): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

export function ruleResult<R>(fields: {
  rule: string;
  title: string;
  result: R;
  summary: string;
  criteria: Criterion[];
  sources: string[];
  caveat?: string | undefined;
}): RuleResult<R> {
  const byStatus = (status: CriterionStatus): string[] =>
    fields.criteria.filter((item) => item.status === status).map((item) => item.id);
  const base: RuleResult<R> = {
    rule: fields.rule,
    title: fields.title,
    applicable: true,
    result: fields.result,
    summary: fields.summary,
    criteria: fields.criteria,
    met: byStatus('met'),
    notMet: byStatus('notMet'),
    unknown: byStatus('unknown'),
    sources: fields.sources,
  };
  return fields.caveat === undefined ? base : { ...base, caveat: fields.caveat };
}

/** A rule that does not apply: empty criteria and a summary that says why. */
export function notApplicable<R>(fields: {
  rule: string;
  title: string;
  result: R;
  summary: string;
  sources: string[];
}): RuleResult<R> {
  return {
    ...ruleResult({ ...fields, criteria: [] }),
    applicable: false,
  };
}
