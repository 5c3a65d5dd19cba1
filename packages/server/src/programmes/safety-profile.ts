/**
 * The patient's safety profile for a stored programme: what `checkExercise` needs to judge an
 * exercise a clinician adds by hand or a progression brings in, so a contraindicated exercise
 * never gets into a programme whichever way it arrives (REFERENCE §6, [S-OSTEO] [S-FUSION]
 * [S-MDT] [S-STEN] [S-RF]).
 *
 * The generator does not store the profile it was given, so the profile is read back from two
 * records the server wrote itself, and the stricter reading wins:
 * - the generated version (version 1, never edited): its condition, its red-flag screen, and
 *   the rationale the generator adds exactly when a safety rule applies (`safety.osteoporosis`,
 *   `safety.surgery.notCleared`, `direction.extension` / `direction.flexion`);
 * - the episode's latest assessment: red-flag findings (known osteoporosis), its screen and the
 *   directional preference its classification found.
 * Pure: plain data in, plain data out.
 */
import type {
  Classification,
  DirectionalPreference,
  Findings,
  Programme,
  RedFlagScreen,
  SafetyContext,
} from '@spinewise/clinical';

/** The parts of an assessment row the safety profile reads. */
export interface AssessmentSafetyInput {
  readonly redFlagFindings: Findings;
  readonly redFlagScreen: RedFlagScreen;
  readonly classification: Classification | null;
}

export interface SafetyProfile {
  readonly context: SafetyContext;
  /**
   * Week numbers of the generated programme's first phase, when the direction-specific
   * precautions apply (the run of weeks in the starting phase, as the generator counts it).
   */
  readonly firstPhaseWeeks: ReadonlySet<number>;
}

function hasRule(programme: Programme, rule: string): boolean {
  return programme.rationale.some((reason) => reason.rule === rule);
}

/** The leading run of weeks in the programme's starting phase, by week number. */
export function firstPhaseWeeksOf(programme: Pick<Programme, 'weeks'>): Set<number> {
  const weeks = new Set<number>();
  const start = programme.weeks[0]?.phase;
  for (const week of programme.weeks) {
    if (week.phase !== start) break;
    weeks.add(week.week);
  }
  return weeks;
}

function preferenceOf(
  generated: Programme,
  assessment: AssessmentSafetyInput | null,
): DirectionalPreference {
  // What the clinician confirmed when generating wins; the classification fills in otherwise.
  if (hasRule(generated, 'direction.extension')) return 'extension';
  if (hasRule(generated, 'direction.flexion')) return 'flexion';
  const found = assessment?.classification?.directionalPreference.result.preference;
  return found === 'extension' || found === 'flexion' || found === 'lateral' ? found : 'none';
}

/** The safety profile of a programme's patient; see the module comment for where it comes from. */
export function safetyProfileOf(
  generated: Programme,
  assessment: AssessmentSafetyInput | null,
): SafetyProfile {
  const neckManipulation = (screen: RedFlagScreen | undefined) =>
    screen?.contraindications.includes('neckManipulation') === true;
  return {
    context: {
      condition: generated.condition as SafetyContext['condition'],
      directionalPreference: preferenceOf(generated, assessment),
      osteoporosis:
        hasRule(generated, 'safety.osteoporosis') ||
        assessment?.redFlagFindings.osteoporosis === true,
      surgeryNotCleared: hasRule(generated, 'safety.surgery.notCleared'),
      cervicalArterialSymptoms:
        neckManipulation(generated.screen) || neckManipulation(assessment?.redFlagScreen),
    },
    firstPhaseWeeks: firstPhaseWeeksOf(generated),
  };
}
