/**
 * The red-flag screen's result. An emergency or urgent action is an alert (announced at once,
 * drawn large, worded as well as coloured) with what to do and the findings behind it; lesser
 * concerns and the unanswered questions follow quietly. The words are the clinical core's.
 */
import { findingDefinitions } from '@spinewise/clinical';
import type { Concern, RedFlagScreen, ScreenAction } from './assessment-api.js';

const questionOf: ReadonlyMap<string, string> = new Map(
  findingDefinitions.map((finding) => [finding.id, finding.question.replace(/\?$/u, '')]),
);

/** A finding in words: the screen's own question for it (the API names findings by id). */
export function findingLabel(id: string): string {
  return questionOf.get(id) ?? id;
}

const actionWords: Readonly<Record<ScreenAction, string>> = {
  emergency: 'Emergency',
  urgent: 'Urgent',
  routine: 'Routine follow-up',
  none: 'No red flags found',
};

export function isSerious(action: ScreenAction): boolean {
  return action === 'emergency' || action === 'urgent';
}

export function Sources({ ids }: { readonly ids: readonly string[] }) {
  if (ids.length === 0) return null;
  return (
    <span className="assessment-sources">Sources: {ids.map((id) => `[${id}]`).join(' ')}</span>
  );
}

function ConcernItem({ concern }: { readonly concern: Concern }) {
  return (
    <li className={`assessment-concern assessment-concern--${concern.action}`}>
      <p className="assessment-concern-title">
        <strong>{actionWords[concern.action]}:</strong> {concern.title}
      </p>
      <p>{concern.recommendation}</p>
      {concern.findings.length === 0 ? null : (
        <div>
          Findings:
          <ul>
            {concern.findings.map((finding) => (
              <li key={finding}>{findingLabel(finding)}</li>
            ))}
          </ul>
        </div>
      )}
      <p className="assessment-concern-criteria">{concern.criteria}</p>
      <Sources ids={concern.sources} />
    </li>
  );
}

export function RedFlagBanner({
  screen,
  saved = false,
}: {
  readonly screen: RedFlagScreen;
  /** A saved assessment's screen, rather than one that follows the answers as they change. */
  readonly saved?: boolean;
}) {
  const sofar = saved ? 'from this assessment' : 'from the answers so far';
  const serious = screen.concerns.filter((concern) => isSerious(concern.action));
  const other = screen.concerns.filter((concern) => !isSerious(concern.action));
  return (
    <div className="assessment-screen">
      {serious.length === 0 ? null : (
        <div className={`red-flag-alert red-flag-alert--${screen.action}`} role="alert">
          <h3 className="red-flag-alert-title">
            {screen.action === 'emergency'
              ? 'Emergency: act on this now'
              : 'Urgent: this needs action today'}
          </h3>
          <ul className="assessment-concerns">
            {serious.map((concern) => (
              <ConcernItem key={concern.condition} concern={concern} />
            ))}
          </ul>
          {screen.requiresClinicianDecision && !saved ? (
            <p>
              <strong>Your decision is needed.</strong> After saving, record whether you referred
              the patient or reviewed and cleared them before a programme is made.
            </p>
          ) : null}
        </div>
      )}
      {serious.length === 0 ? (
        <p className="notice notice--info" role="status">
          {other.length === 0
            ? `No emergency or urgent red flags ${sofar}.`
            : `No emergency or urgent red flags ${sofar}. Other points to follow up are listed below.`}
        </p>
      ) : null}
      {other.length === 0 ? null : (
        <ul className="assessment-concerns">
          {other.map((concern) => (
            <ConcernItem key={concern.condition} concern={concern} />
          ))}
        </ul>
      )}
      {screen.unanswered.length === 0 ? null : (
        <p className="field-hint">
          {screen.unanswered.length === 1
            ? '1 question is not answered yet.'
            : `${screen.unanswered.length} questions are not answered yet.`}{' '}
          Unanswered questions count as absent.
        </p>
      )}
      <p className="field-hint">{screen.disclaimer}</p>
    </div>
  );
}
