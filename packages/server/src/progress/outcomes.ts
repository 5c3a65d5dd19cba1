/**
 * The patient's questionnaire results against their own baseline, and their goals (issue 6 §5),
 * pure. The change and whether it is a real one (the MCID) come from the clinical core's
 * `change` and `psfsActivityChanges` [S-MCID] [S-PSFS]; this module only puts them in plain
 * words. The patient sees no citations; the source ids travel in the payload for the clinician.
 */
import {
  change,
  psfsActivityChanges,
  type InstrumentId,
  type InstrumentScore,
  type PsfsActivity,
  type Region,
} from '@spinewise/clinical';

/** One scored questionnaire at a point in time. */
export interface ScoredQuestionnaire {
  readonly instrument: InstrumentId;
  readonly score: InstrumentScore;
  /** ISO instant it was filled in. */
  readonly at: string;
  /** Where it came from: an assessment or a questionnaire the patient filled in on the phone. */
  readonly source: { readonly kind: 'assessment' | 'questionnaireRequest'; readonly id: string };
}

interface Wording {
  readonly title: string;
  readonly better: string;
  readonly same: string;
  readonly worse: string;
}

/**
 * Instruments shown to the patient, with what a change means in everyday words. The STarT Back
 * tool (a risk grouping for the clinician) and the FABQ (no total score) are left out.
 */
function wordingFor(instrument: InstrumentId): Wording | null {
  switch (instrument) {
    case 'odi':
    case 'rmdq':
    case 'ndi': {
      const own = instrument === 'ndi' ? 'neck' : 'back';
      return {
        title: `How much your ${own} affects daily life`,
        better: `Your ${own} is affecting your daily life less than at the start`,
        same: `Your ${own} is affecting your daily life about as much as at the start`,
        worse: `Your ${own} is affecting your daily life a bit more than at the start`,
      };
    }
    case 'nprs':
      return {
        title: 'Your pain',
        better: 'Your pain is lower than at the start',
        same: 'Your pain is about the same as at the start',
        worse: 'Your pain is a bit higher than at the start',
      };
    case 'psfs':
      return {
        title: 'The activities you chose',
        better: 'You can do the activities you chose more easily than at the start',
        same: 'You can do the activities you chose about as well as at the start',
        worse: 'The activities you chose are a bit harder than at the start',
      };
    case 'pseq':
      return {
        title: 'Your confidence',
        better: 'You feel more confident doing things despite pain than at the start',
        same: 'Your confidence is about the same as at the start',
        worse: 'Your confidence is a bit lower than at the start',
      };
    case 'tsk17':
    case 'tsk11':
      return {
        title: 'Worry about moving',
        better: 'You worry less about movement causing harm than at the start',
        same: 'Your worry about movement is about the same as at the start',
        worse: 'You worry a bit more about movement than at the start',
      };
    case 'sbst':
    case 'fabq':
      return null;
  }
}

export interface QuestionnaireResult {
  readonly instrument: InstrumentId;
  readonly title: string;
  readonly baseline: {
    readonly score: number;
    readonly display: string;
    readonly at: string;
    readonly source: ScoredQuestionnaire['source'];
  };
  readonly latest: {
    readonly score: number;
    readonly display: string;
    readonly at: string;
    readonly source: ScoredQuestionnaire['source'];
  } | null;
  readonly direction: 'improved' | 'worsened' | 'unchanged' | null;
  /** Whether the improvement is big enough to be a real change (the MCID); `null`: no follow-up, or no MCID. */
  readonly realChange: boolean | null;
  /** Plain words for the patient. */
  readonly meaning: string;
  /** Source ids of the MCID and the instrument, for the clinician; not shown to the patient. */
  readonly sources: string[];
}

function point(questionnaire: ScoredQuestionnaire, score: number) {
  return {
    score,
    display: questionnaire.score.display,
    at: questionnaire.at,
    source: questionnaire.source,
  };
}

/** The latest follow-up per instrument, after the baseline. */
function latestByInstrument(
  followUps: readonly ScoredQuestionnaire[],
): Map<InstrumentId, ScoredQuestionnaire> {
  const latest = new Map<InstrumentId, ScoredQuestionnaire>();
  for (const followUp of followUps) {
    const seen = latest.get(followUp.instrument);
    if (seen === undefined || seen.at < followUp.at) latest.set(followUp.instrument, followUp);
  }
  return latest;
}

/** Each baseline questionnaire the patient sees, against the latest one filled in after it. */
export function questionnaireResults(
  baseline: readonly ScoredQuestionnaire[],
  followUps: readonly ScoredQuestionnaire[],
  region: Region | null,
): QuestionnaireResult[] {
  const later = latestByInstrument(followUps);
  return baseline.flatMap((first): QuestionnaireResult[] => {
    const wording = wordingFor(first.instrument);
    const from = first.score.score;
    if (wording === null || from === null) return [];
    const next = later.get(first.instrument);
    const to = next === undefined || next.at <= first.at ? null : next.score.score;
    if (next === undefined || to === null) {
      return [
        {
          instrument: first.instrument,
          title: wording.title,
          baseline: point(first, from),
          latest: null,
          direction: null,
          realChange: null,
          meaning: 'This is your starting point. We will compare when you fill it in again.',
          sources: [...first.score.sources],
        },
      ];
    }
    const result = change(first.instrument, from, to, region === null ? {} : { region });
    const sentence =
      result.direction === 'improved'
        ? wording.better
        : result.direction === 'worsened'
          ? wording.worse
          : wording.same;
    const ending =
      result.direction !== 'improved' || result.mcidMet === null
        ? '.'
        : result.mcidMet
          ? ': a real change.'
          : '. The change is small so far.';
    const followUpNote =
      result.direction === 'worsened' ? ' Your clinician will talk this through with you.' : '';
    return [
      {
        instrument: first.instrument,
        title: wording.title,
        baseline: point(first, from),
        latest: point(next, to),
        direction: result.direction,
        realChange: result.direction === 'improved' ? result.mcidMet : null,
        meaning: `${sentence}${ending}${followUpNote}`,
        sources: [...new Set([...result.sources, ...first.score.sources])],
      },
    ];
  });
}

/** One PSFS activity the patient named at the start, with how it is moving. */
export interface GoalProgress {
  readonly activity: string;
  /** 0 (unable) to 10 (as before the problem). [S-PSFS] */
  readonly baseline: number;
  readonly latest: number | null;
  readonly change: number | null;
  readonly meaning: string;
  readonly sources: string[];
}

function goalMeaning(absolute: number | null, realChange: boolean): string {
  if (absolute === null) return 'Your starting point. We will ask again later.';
  if (realChange) return 'Much easier than at the start.';
  if (absolute > 0) return 'A little easier than at the start.';
  if (absolute === 0) return 'About the same as at the start.';
  return 'Harder than at the start for now. Your clinician can help with this.';
}

/** The baseline PSFS activities with their latest ratings. [S-PSFS] */
export function goalProgress(
  baseline: readonly PsfsActivity[],
  latest: readonly PsfsActivity[] | null,
): GoalProgress[] {
  const named = baseline.filter(
    (activity): activity is PsfsActivity & { activity: string } =>
      activity.activity !== null && activity.activity.trim() !== '',
  );
  if (latest === null) {
    return named.map((activity) => ({
      activity: activity.activity,
      baseline: activity.rating,
      latest: null,
      change: null,
      meaning: goalMeaning(null, false),
      sources: ['S-PSFS'],
    }));
  }
  const { activities } = psfsActivityChanges(named, latest);
  const matched = new Map(activities.map((entry) => [entry.activity, entry]));
  return named.map((activity) => {
    const moved = matched.get(activity.activity);
    return {
      activity: activity.activity,
      baseline: activity.rating,
      latest: moved?.followUp ?? null,
      change: moved?.absolute ?? null,
      meaning: goalMeaning(moved?.absolute ?? null, moved?.mcidMet ?? false),
      sources: ['S-PSFS'],
    };
  });
}
