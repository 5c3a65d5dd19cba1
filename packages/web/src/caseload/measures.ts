/**
 * What a caseload entry's numbers say, in words: adherence, latest pain, the main disability
 * score against its MCID, and why the patient is where they are in the list. Pure, so the
 * wording is tested without rendering.
 */
import { daysBetween, formatDay } from '../format/dates.js';
import { PAIN_INSTRUMENT, disabilityInstruments, instrumentName } from '../outcomes/instruments.js';
import type { CaseloadEntry, CaseloadScore } from './caseload-api.js';

export interface Measure {
  /** The headline: a number or a short phrase. */
  readonly value: string;
  /** A second line of context, if any. */
  readonly detail?: string;
  /** How it reads at a glance, for styling only (the words carry the meaning). */
  readonly tone: 'good' | 'concern' | 'neutral';
}

/** Below this share of prescribed sessions over 14 days, adherence is worth a look. */
const LOW_ADHERENCE_PERCENT = 50;

export function adherenceMeasure(entry: CaseloadEntry): Measure {
  const window = entry.adherence?.last14Days;
  if (window === undefined) return { value: 'No active programme', tone: 'neutral' };
  if (window.percent === null) return { value: 'Nothing prescribed yet', tone: 'neutral' };
  return {
    value: `${window.percent}%`,
    detail: `${window.done} of ${window.prescribed} sessions logged`,
    tone: window.percent < LOW_ADHERENCE_PERCENT ? 'concern' : 'good',
  };
}

function findScore(entry: CaseloadEntry, instrument: string): CaseloadScore | undefined {
  return entry.scores.find((score) => score.instrument === instrument);
}

export function painMeasure(entry: CaseloadEntry): Measure {
  const pain = findScore(entry, PAIN_INSTRUMENT);
  if (pain === undefined) return { value: 'Not recorded', tone: 'neutral' };
  const value = `${pain.latest.score} out of 10`;
  if (pain.change === null) return { value, detail: 'At baseline', tone: 'neutral' };
  return {
    value,
    detail: `Was ${pain.baseline.score} at baseline`,
    tone:
      pain.change.direction === 'worsened'
        ? 'concern'
        : pain.change.direction === 'improved'
          ? 'good'
          : 'neutral',
  };
}

/** The region's main disability score (ODI for the low back, NDI for the neck) if assessed. */
export function mainDisabilityScore(entry: CaseloadEntry): CaseloadScore | undefined {
  for (const instrument of disabilityInstruments(entry.episode?.region ?? null)) {
    const score = findScore(entry, instrument);
    if (score !== undefined) return score;
  }
  return undefined;
}

export function disabilityMeasure(entry: CaseloadEntry): Measure & { readonly label: string } {
  const score = mainDisabilityScore(entry);
  if (score === undefined) {
    return { label: 'Disability', value: 'Not assessed yet', tone: 'neutral' };
  }
  const label = instrumentName(score.instrument);
  const { change } = score;
  if (change === null) {
    return { label, value: `${score.latest.score}`, detail: 'Baseline only', tone: 'neutral' };
  }
  const points = Math.abs(change.absolute);
  const moved =
    change.direction === 'unchanged'
      ? 'No change since baseline'
      : `${change.direction === 'improved' ? 'Improved' : 'Worse'} by ${points} ${points === 1 ? 'point' : 'points'}`;
  const mcid =
    change.mcidMet === null
      ? ''
      : change.mcidMet
        ? `; meets the MCID${change.mcid === null ? '' : ` (${change.mcid})`}`
        : `; below the MCID${change.mcid === null ? '' : ` (${change.mcid})`}`;
  return {
    label,
    value: `${score.baseline.score} → ${score.latest.score}`,
    detail: `${moved}${mcid}`,
    tone:
      change.direction === 'worsened'
        ? 'concern'
        : change.direction === 'improved' && change.mcidMet === true
          ? 'good'
          : 'neutral',
  };
}

export function lastLogMeasure(entry: CaseloadEntry, today: string): Measure {
  if (entry.lastLogOn === null) return { value: 'Nothing logged yet', tone: 'neutral' };
  const days = daysBetween(entry.lastLogOn, today);
  const ago = days <= 0 ? 'Today' : days === 1 ? 'Yesterday' : `${days} days ago`;
  return { value: ago, detail: formatDay(entry.lastLogOn), tone: days > 7 ? 'concern' : 'neutral' };
}

export function programmeSummary(entry: CaseloadEntry): string {
  const { programme } = entry;
  if (entry.episode === null) return 'No episode of care yet';
  if (programme === null) return 'No programme yet';
  switch (programme.status) {
    case 'generated':
    case 'edited':
      return 'Programme awaiting your approval';
    case 'approved':
      return `Programme approved, starts ${formatDay(programme.startDate)}`;
    case 'active':
      return programme.week === null
        ? `Programme starts ${formatDay(programme.startDate)}`
        : `Week ${programme.week} of ${programme.weeks}`;
    case 'completed':
      return 'Programme completed';
    case 'archived':
      return 'Programme archived';
  }
}

export interface CaseloadFilters {
  readonly search: string;
  readonly alertsOnly: boolean;
  readonly reassessmentDue: boolean;
}

/** The entries a search and the filters keep, in the server's order (attention first). */
export function filterCaseload(
  entries: readonly CaseloadEntry[],
  filters: CaseloadFilters,
): readonly CaseloadEntry[] {
  const words = filters.search.toLocaleLowerCase('en-GB').split(/\s+/u).filter(Boolean);
  return entries.filter((entry) => {
    if (filters.alertsOnly && entry.alerts.open === 0) return false;
    if (filters.reassessmentDue && entry.reassessment === null) return false;
    const name = entry.patient.displayName.toLocaleLowerCase('en-GB');
    return words.every((word) => name.includes(word));
  });
}
