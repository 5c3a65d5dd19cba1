/**
 * Whether a library exercise suits a patient: the clinical core's `checkExercise` against the
 * patient's safety profile (REFERENCE §6, [S-OSTEO] [S-FUSION] [S-MDT] [S-STEN] [S-RF]).
 *
 * The profile is the server's own (`programmes/safety-profile.ts`), read from the active
 * episode's newest programme and latest assessment. Before any programme, it is read from the
 * latest assessment alone; surgery clearance is only recorded when a programme is generated,
 * so until then a post-surgical patient is judged as not yet cleared [S-FUSION] (the stricter
 * reading). Without an assessment there is nothing safe to judge by, and no verdict is given.
 *
 * The verdict is for the programme's first phase, when the direction-specific precautions
 * apply: the library asks "may I start this patient on it?".
 */
import {
  checkExercise,
  patientConditions,
  type Condition,
  type DirectionalPreference,
  type Exercise,
  type SafetyContext,
  type SafetyReason,
} from '@spinewise/clinical';
import { and, asc, desc, eq } from 'drizzle-orm';
import type { Database } from '../../database/client.js';
import { episodes, patients, programmes } from '../../database/schema.js';
import { latestAssessment, versionOf } from '../../programmes/programmes.js';
import { safetyProfileOf, type AssessmentSafetyInput } from '../../programmes/safety-profile.js';

/** What the profile was read from; `none`: no active episode with an assessment. */
export type ProfileBasis = 'programme' | 'assessment' | 'none';

export interface PatientSafety {
  readonly basis: ProfileBasis;
  readonly context: SafetyContext | null;
}

export interface Suitability {
  readonly allowed: boolean;
  /** Why not, in words (empty when allowed). */
  readonly reasons: readonly string[];
  /** The same reasons with their rule and source ids. */
  readonly details: readonly SafetyReason[];
  /** Notes that go with an allowed exercise. */
  readonly cautions: readonly SafetyReason[];
}

const POST_SURGICAL: readonly Condition[] = ['postFusion', 'postDiscectomy'];

function isCondition(value: string): value is Condition {
  return (patientConditions as readonly string[]).includes(value);
}

/** The profile from an assessment alone (no programme yet); see the module comment. */
export function contextFromAssessment(
  episodeCondition: string,
  assessment: AssessmentSafetyInput,
): SafetyContext {
  // An episode condition the generator does not know carries no condition-specific rule.
  const condition: Condition = isCondition(episodeCondition) ? episodeCondition : 'nonspecific';
  const found = assessment.classification?.directionalPreference.result.preference;
  const directionalPreference: DirectionalPreference =
    found === 'extension' || found === 'flexion' || found === 'lateral' ? found : 'none';
  return {
    condition,
    directionalPreference,
    osteoporosis: assessment.redFlagFindings.osteoporosis === true,
    surgeryNotCleared: POST_SURGICAL.includes(condition),
    cervicalArterialSymptoms:
      assessment.redFlagScreen.contraindications.includes('neckManipulation'),
  };
}

/** The patient's safety profile, from their active episode (see the module comment). */
export async function patientSafety(db: Database, patientId: string): Promise<PatientSafety> {
  const [episode] = await db
    .select()
    .from(episodes)
    .where(and(eq(episodes.patientId, patientId), eq(episodes.status, 'active')))
    .orderBy(desc(episodes.startedOn), desc(episodes.createdAt))
    .limit(1);
  if (episode === undefined) return { basis: 'none', context: null };
  const assessment = (await latestAssessment(db, episode.id)) ?? null;
  const [programme] = await db
    .select({ id: programmes.id })
    .from(programmes)
    .where(eq(programmes.episodeId, episode.id))
    .orderBy(desc(programmes.createdAt), desc(programmes.id))
    .limit(1);
  const generated = programme === undefined ? undefined : await versionOf(db, programme.id, 1);
  if (generated !== undefined) {
    return { basis: 'programme', context: safetyProfileOf(generated.content, assessment).context };
  }
  if (assessment === null) return { basis: 'none', context: null };
  return { basis: 'assessment', context: contextFromAssessment(episode.condition, assessment) };
}

/** The verdict on one exercise for a profile, for the first phase. */
export function suitabilityOf(exercise: Exercise, context: SafetyContext): Suitability {
  const verdict = checkExercise(exercise, context, true);
  return {
    allowed: verdict.allowed,
    reasons: verdict.reasons.map((reason) => reason.text),
    details: verdict.reasons,
    cautions: verdict.cautions,
  };
}

/** At most this many patients in an exercise's "who it suits" list. */
export const CASELOAD_SUITS_MAX = 50;

/** The patients `clinicianId` is responsible for in their clinic, by name, bounded. */
export async function caseloadOf(
  db: Database,
  clinicId: string,
  clinicianId: string,
): Promise<{ id: string; displayName: string }[]> {
  return db
    .select({ id: patients.id, displayName: patients.displayName })
    .from(patients)
    .where(and(eq(patients.clinicId, clinicId), eq(patients.clinicianId, clinicianId)))
    .orderBy(asc(patients.displayName), asc(patients.id))
    .limit(CASELOAD_SUITS_MAX);
}
