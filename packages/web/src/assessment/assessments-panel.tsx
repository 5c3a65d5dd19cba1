/**
 * The patient page's assessments: for each episode, its assessments (newest first, with a
 * pending red-flag decision called out) and, for an active episode, "New assessment".
 */
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { formatMoment } from '../format/dates.js';
import { instrumentName } from '../outcomes/instruments.js';
import { conditionLabel } from '../patients/conditions.js';
import type { Episode } from '../patients/patients-api.js';
import { ButtonLink } from '../ui/button.js';
import { ErrorState, LoadingState } from '../ui/states.js';
import { episodeAssessmentsQueryKey, fetchEpisodeAssessments } from './assessment-api.js';

function EpisodeAssessments({
  patientId,
  episode,
}: {
  readonly patientId: string;
  readonly episode: Episode;
}) {
  const list = useQuery({
    queryKey: episodeAssessmentsQueryKey(episode.id),
    queryFn: ({ signal }) => fetchEpisodeAssessments(episode.id, signal),
  });
  const patientPath = `/patients/${encodeURIComponent(patientId)}`;
  return (
    <div className="assessment-episode">
      <h3>{conditionLabel(episode.condition)}</h3>
      {episode.status === 'active' ? (
        <ButtonLink
          variant="secondary"
          to={`${patientPath}/episodes/${encodeURIComponent(episode.id)}/assess`}
        >
          New assessment
          <span className="visually-hidden"> for {conditionLabel(episode.condition)}</span>
        </ButtonLink>
      ) : null}
      {list.isPending ? (
        <LoadingState label="Loading the assessments" />
      ) : list.isError ? (
        <ErrorState title="The assessments could not be loaded" error={list.error} />
      ) : list.data.length === 0 ? (
        <p className="panel-empty">No assessments yet.</p>
      ) : (
        <ul className="history-list">
          {list.data.map((assessment) => (
            <li key={assessment.id}>
              <Link to={`${patientPath}/assessments/${encodeURIComponent(assessment.id)}`}>
                {assessment.kind === 'baseline' ? 'Baseline' : 'Reassessment'},{' '}
                {formatMoment(assessment.assessedAt)}
              </Link>
              {assessment.decisionPending ? (
                <strong className="assessment-pending"> · Red-flag decision needed</strong>
              ) : null}
              <span className="history-meta">
                {assessment.scores
                  .map(
                    (score) =>
                      `${instrumentName(score.instrument)} ${score.display}${score.bandLabel === null ? '' : ` (${score.bandLabel})`}`,
                  )
                  .join(' · ')}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function AssessmentsPanel({
  patientId,
  episodes,
}: {
  readonly patientId: string;
  readonly episodes: readonly Episode[];
}) {
  return (
    <section className="panel" aria-labelledby="assessments-heading">
      <h2 id="assessments-heading">Assessments</h2>
      {episodes.length === 0 ? (
        <p className="panel-empty">Add an episode of care to assess the patient.</p>
      ) : (
        episodes.map((episode) => (
          <EpisodeAssessments key={episode.id} patientId={patientId} episode={episode} />
        ))
      )}
    </section>
  );
}
