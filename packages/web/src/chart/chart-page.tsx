/**
 * Journey 5 and 6: the patient chart. Progression suggestions to review, outcome scores against
 * the baseline and MCID, pain around the sessions, the adherence calendar, the visit notes and
 * the timeline of everything, for the patient's current episode of care.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { formatDay } from '../format/dates.js';
import { NotesPanel } from '../notes/notes-panel.js';
import { instrumentTitle } from '../outcomes/instruments.js';
import { conditionLabel, regionLabel } from '../patients/conditions.js';
import { fetchPatient, patientQueryKey, type Episode } from '../patients/patients-api.js';
import { PageHeader } from '../ui/page.js';
import { ErrorState, LoadingState } from '../ui/states.js';
import { AdherenceCalendar, calendarWeeks } from './adherence-calendar.js';
import { CoachSections } from './coach-sections.js';
import {
  assessmentsQueryKey,
  fetchAssessments,
  fetchLogs,
  fetchProgramme,
  fetchProgrammes,
  fetchProgression,
  fetchTimeline,
  logsQueryKey,
  programmeQueryKey,
  programmesQueryKey,
  progressionQueryKey,
  timelineQueryKey,
  type AssessmentSummary,
  type ProgrammeSummary,
} from './chart-api.js';
import { OutcomeChart, type ScorePoint } from './outcome-chart.js';
import { PainChart, painByDay } from './pain-chart.js';
import { ProgressionPanel } from './progression-panel.js';
import { Timeline } from './timeline.js';
import './chart.css';

/** The scores of each instrument over the episode's assessments, oldest first. */
export function scoreSeries(
  assessments: readonly AssessmentSummary[],
): { instrument: string; points: ScorePoint[] }[] {
  const series = new Map<string, ScorePoint[]>();
  const ordered = [...assessments].sort((a, b) =>
    a.assessedAt < b.assessedAt ? -1 : a.assessedAt > b.assessedAt ? 1 : 0,
  );
  for (const assessment of ordered) {
    for (const score of assessment.scores) {
      if (score.score === null) continue;
      const points = series.get(score.instrument) ?? [];
      points.push({
        day: assessment.assessedAt.slice(0, 10),
        score: score.score,
        display: score.display,
      });
      series.set(score.instrument, points);
    }
  }
  return [...series.entries()].map(([instrument, points]) => ({ instrument, points }));
}

function chosenProgramme(programmes: readonly ProgrammeSummary[]): ProgrammeSummary | undefined {
  return programmes.find((programme) => programme.status === 'active') ?? programmes.at(-1);
}

function Section({
  id,
  title,
  children,
}: {
  readonly id: string;
  readonly title: string;
  readonly children: ReactNode;
}) {
  return (
    <section className="panel" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

function OutcomeSection({ episode }: { readonly episode: Episode }) {
  const assessments = useQuery({
    queryKey: assessmentsQueryKey(episode.id),
    queryFn: ({ signal }) => fetchAssessments(episode.id, signal),
  });
  if (assessments.isPending) return <LoadingState label="Loading outcome scores" />;
  if (assessments.isError) {
    return <ErrorState title="The outcome scores could not be loaded" error={assessments.error} />;
  }
  const series = scoreSeries(assessments.data).filter((entry) => entry.instrument !== 'sbst');
  if (series.length === 0) return <p className="panel-empty">No outcome scores recorded yet.</p>;
  return (
    <div className="chart-grid">
      {series.map((entry) => (
        <OutcomeChart
          key={entry.instrument}
          instrument={entry.instrument}
          points={entry.points}
          region={episode.region}
        />
      ))}
      <p className="panel-footnote">
        Scores from each assessment of this episode:{' '}
        {series.map((entry) => instrumentTitle(entry.instrument)).join(', ')}.
      </p>
    </div>
  );
}

function ProgrammeSections({
  patientId,
  programme,
  refresh,
}: {
  readonly patientId: string;
  readonly programme: ProgrammeSummary;
  readonly refresh: () => Promise<void>;
}) {
  const active = programme.status === 'active';
  const detail = useQuery({
    queryKey: programmeQueryKey(programme.id),
    queryFn: ({ signal }) => fetchProgramme(programme.id, signal),
  });
  const progression = useQuery({
    queryKey: progressionQueryKey(programme.id),
    queryFn: ({ signal }) => fetchProgression(programme.id, signal),
    enabled: active,
  });
  const logs = useQuery({
    queryKey: logsQueryKey(patientId),
    queryFn: ({ signal }) => fetchLogs(patientId, signal),
  });
  return (
    <>
      <Section id="progression-heading" title="Progression suggestions">
        {!active ? (
          <p className="panel-empty">Suggestions come once the programme is approved and active.</p>
        ) : progression.isPending ? (
          <LoadingState label="Loading suggestions" />
        ) : progression.isError ? (
          <ErrorState title="The suggestions could not be loaded" error={progression.error} />
        ) : (
          <ProgressionPanel suggestions={progression.data.suggestions} onChanged={refresh} />
        )}
      </Section>
      <Section id="pain-heading" title="Pain around the sessions">
        {logs.isPending ? (
          <LoadingState label="Loading the logs" />
        ) : logs.isError ? (
          <ErrorState title="The logs could not be loaded" error={logs.error} />
        ) : (
          <PainChart days={painByDay(logs.data.logs)} />
        )}
      </Section>
      <Section id="adherence-heading" title="Adherence">
        {detail.isPending || logs.isPending ? (
          <LoadingState label="Loading the programme" />
        ) : detail.isError ? (
          <ErrorState title="The programme could not be loaded" error={detail.error} />
        ) : logs.isError ? (
          <ErrorState title="The logs could not be loaded" error={logs.error} />
        ) : (
          <AdherenceCalendar
            weeks={calendarWeeks(
              detail.data.current.content,
              logs.data.logs,
              logs.data,
              progression.data?.adherence ?? [],
            )}
          />
        )}
      </Section>
    </>
  );
}

function EpisodeSections({
  patientId,
  episode,
}: {
  readonly patientId: string;
  readonly episode: Episode;
}) {
  const queryClient = useQueryClient();
  const programmes = useQuery({
    queryKey: programmesQueryKey(episode.id),
    queryFn: ({ signal }) => fetchProgrammes(episode.id, signal),
  });
  const programme = programmes.data === undefined ? undefined : chosenProgramme(programmes.data);
  const refresh = async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: programmesQueryKey(episode.id) }),
      queryClient.invalidateQueries({ queryKey: ['chart', 'programme'] }),
      queryClient.invalidateQueries({ queryKey: timelineQueryKey(patientId) }),
    ]);
  };
  return (
    <>
      {programmes.isPending ? (
        <LoadingState label="Loading the programme" />
      ) : programmes.isError ? (
        <ErrorState title="The programmes could not be loaded" error={programmes.error} />
      ) : programme === undefined ? (
        <Section id="progression-heading" title="Programme">
          <p className="panel-empty">No programme for this episode yet.</p>
        </Section>
      ) : (
        <ProgrammeSections patientId={patientId} programme={programme} refresh={refresh} />
      )}
      <Section id="outcomes-heading" title="Outcome scores">
        <OutcomeSection episode={episode} />
      </Section>
    </>
  );
}

export function ChartPage() {
  const { patientId = '' } = useParams();
  const queryClient = useQueryClient();
  const patient = useQuery({
    queryKey: patientQueryKey(patientId),
    queryFn: ({ signal }) => fetchPatient(patientId, signal),
  });
  const timeline = useQuery({
    queryKey: timelineQueryKey(patientId),
    queryFn: ({ signal }) => fetchTimeline(patientId, signal),
  });
  const back = <Link to={`/patients/${encodeURIComponent(patientId)}`}>Back to the patient</Link>;
  if (patient.isPending) return <LoadingState label="Loading the chart" />;
  if (patient.isError) {
    return (
      <>
        <title>Chart · Spinewise</title>
        <PageHeader title="Patient chart" backLink={back} />
        <ErrorState
          title="This patient could not be loaded"
          error={patient.error}
          onRetry={() => {
            void patient.refetch();
          }}
        />
      </>
    );
  }
  const data = patient.data;
  const episode =
    data.episodes.find((candidate) => candidate.status === 'active') ?? data.episodes.at(-1);
  return (
    <>
      <title>{`Chart: ${data.displayName} · Spinewise`}</title>
      <PageHeader
        title={`${data.displayName}: chart`}
        lead={
          episode === undefined
            ? 'No episode of care yet.'
            : `${conditionLabel(episode.condition)} · ${regionLabel(episode.region)} · since ${formatDay(episode.startedOn)}${episode.status === 'discharged' ? ' · discharged' : ''}`
        }
        backLink={back}
      />
      {episode === undefined ? null : <EpisodeSections patientId={patientId} episode={episode} />}
      <CoachSections patientId={patientId} />
      <Section id="notes-heading" title="Visit notes">
        <NotesPanel
          patientId={patientId}
          episodeId={episode?.status === 'active' ? episode.id : null}
          region={episode?.region ?? null}
          onSaved={() => {
            void queryClient.invalidateQueries({ queryKey: timelineQueryKey(patientId) });
          }}
        />
      </Section>
      <Section id="timeline-heading" title="Timeline">
        {timeline.isPending ? (
          <LoadingState label="Loading the timeline" />
        ) : timeline.isError ? (
          <ErrorState title="The timeline could not be loaded" error={timeline.error} />
        ) : (
          <Timeline items={timeline.data.items} patientId={patientId} />
        )}
      </Section>
    </>
  );
}
