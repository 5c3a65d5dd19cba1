/**
 * The patient's handout: the programme week by week with the doses, how to do each exercise,
 * and the warning signs (the safety-net lesson every programme keeps). Written for the patient:
 * no clinician rationale, rules or source ids. It prints the version the patient follows (the
 * approved one), or the current one marked as a draft when none is approved yet.
 */
import { lessons, libraryLookup, postureTasks, type Programme } from '@spinewise/clinical';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { formatDay } from '../format/dates.js';
import { instrumentTitles } from '../outcomes/instruments.js';
import { fetchPatient, patientQueryKey } from '../patients/patients-api.js';
import { Button } from '../ui/button.js';
import { ErrorState, LoadingState } from '../ui/states.js';
import { lessonTitle } from './programme-edit.js';
import { activityText, doseText } from './programme-text.js';
import {
  fetchProgramme,
  fetchProgrammeVersion,
  programmeQueryKey,
  programmeVersionQueryKey,
} from './programmes-api.js';
import './programmes.css';

function instrumentTitle(id: string): string {
  return (instrumentTitles as Readonly<Record<string, string>>)[id] ?? id;
}

function Handout({
  content,
  patientName,
}: {
  readonly content: Programme;
  readonly patientName: string;
}) {
  const exerciseIds = [
    ...new Set(
      content.weeks.flatMap((week) =>
        week.sessions.flatMap((session) => session.exercises.map((exercise) => exercise.id)),
      ),
    ),
  ];
  const taskIds = [...new Set(content.weeks.flatMap((week) => week.tasks))];
  const warnings = content.requiredLessons.flatMap((id) => {
    const lesson = lessons.find((item) => item.id === id);
    return lesson === undefined ? [] : [lesson];
  });
  return (
    <article className="handout">
      <header className="handout-header">
        <p className="handout-kicker">Your home exercise programme</p>
        <h1 className="page-title" tabIndex={-1}>
          {patientName}
        </h1>
        <p>
          From {formatDay(content.startDate)} to {formatDay(content.endDate)}. Do what you can each
          day; a little, often, is what helps.
        </p>
      </header>

      {warnings.map((lesson) => (
        <section key={lesson.id} className="handout-warning" aria-labelledby={`warn-${lesson.id}`}>
          <h2 id={`warn-${lesson.id}`}>{lesson.title}</h2>
          {lesson.sections.map((section) => (
            <div key={section.heading}>
              <h3>{section.heading}</h3>
              {section.paragraphs.map((paragraph) => (
                <p key={paragraph}>{paragraph}</p>
              ))}
              {section.bullets === undefined ? null : (
                <ul>
                  {section.bullets.map((bullet) => (
                    <li key={bullet}>{bullet}</li>
                  ))}
                </ul>
              )}
            </div>
          ))}
        </section>
      ))}

      <section aria-labelledby="handout-weeks">
        <h2 id="handout-weeks">Week by week</h2>
        {content.weeks.map((week) => {
          const phase = content.phases.find((item) => item.phase === week.phase);
          return (
            <section
              key={week.week}
              className="handout-week"
              aria-labelledby={`hw-${String(week.week)}`}
            >
              <h3 id={`hw-${String(week.week)}`}>
                Week {week.week}: {formatDay(week.startDate)} to {formatDay(week.endDate)}
              </h3>
              {phase === undefined ? null : (
                <p>
                  <strong>{phase.title}.</strong> {phase.aim}
                </p>
              )}
              <table className="handout-table">
                <caption className="visually-hidden">Exercises in week {week.week}</caption>
                <thead>
                  <tr>
                    <th scope="col">Exercise</th>
                    <th scope="col">How much</th>
                  </tr>
                </thead>
                <tbody>
                  {week.sessions.flatMap((session) =>
                    session.exercises.map((exercise) => (
                      <tr key={`${session.id}-${exercise.id}`}>
                        <td>{exercise.name}</td>
                        <td>{doseText(exercise)}</td>
                      </tr>
                    )),
                  )}
                </tbody>
              </table>
              <p>{activityText(week.activity)}.</p>
              {week.lessons.length === 0 ? null : (
                <p>To read in the app: {week.lessons.map(lessonTitle).join('; ')}.</p>
              )}
              {week.reassessments.map((due) => (
                <p key={due.date}>
                  Questionnaires to fill in around {formatDay(due.date)}:{' '}
                  {due.instruments.map(instrumentTitle).join(', ')}.
                </p>
              ))}
            </section>
          );
        })}
      </section>

      <section aria-labelledby="handout-how">
        <h2 id="handout-how">How to do each exercise</h2>
        {exerciseIds.map((id) => {
          const exercise = libraryLookup(id);
          if (exercise === undefined) return null;
          return (
            <section key={id} className="handout-exercise" aria-label={exercise.name}>
              <h3>{exercise.name}</h3>
              <p>{exercise.summary}</p>
              <ol>
                {exercise.steps.map((step) => (
                  <li key={step}>{step}</li>
                ))}
              </ol>
              <p>
                <strong>What you should feel:</strong> {exercise.feel}
              </p>
              {exercise.stopIf.length === 0 ? null : (
                <>
                  <p>
                    <strong>Stop and contact us if:</strong>
                  </p>
                  <ul>
                    {exercise.stopIf.map((item) => (
                      <li key={item}>{item}</li>
                    ))}
                  </ul>
                </>
              )}
            </section>
          );
        })}
      </section>

      {taskIds.length === 0 ? null : (
        <section aria-labelledby="handout-tasks">
          <h2 id="handout-tasks">Posture and daily life</h2>
          {taskIds.map((id) => {
            const task = postureTasks.find((item) => item.id === id);
            if (task === undefined) return null;
            return (
              <section key={id} className="handout-exercise" aria-label={task.title}>
                <h3>
                  {task.title} <span className="handout-frequency">({task.frequency})</span>
                </h3>
                <ol>
                  {task.instructions.map((step) => (
                    <li key={step}>{step}</li>
                  ))}
                </ol>
              </section>
            );
          })}
        </section>
      )}
    </article>
  );
}

export function ProgrammePrintPage() {
  const { programmeId = '' } = useParams();
  const programme = useQuery({
    queryKey: programmeQueryKey(programmeId),
    queryFn: ({ signal }) => fetchProgramme(programmeId, signal),
  });
  const patientId = programme.data?.patientId ?? '';
  const patient = useQuery({
    queryKey: patientQueryKey(patientId),
    queryFn: ({ signal }) => fetchPatient(patientId, signal),
    enabled: patientId !== '',
  });
  const active = programme.data?.activeVersion ?? null;
  const printsOld = active !== null && active !== programme.data?.currentVersion;
  const approved = useQuery({
    queryKey: programmeVersionQueryKey(programmeId, active ?? 0),
    queryFn: ({ signal }) => fetchProgrammeVersion(programmeId, active ?? 0, signal),
    enabled: printsOld,
  });

  if (programme.isPending) return <LoadingState label="Preparing the handout" />;
  if (programme.isError) {
    return (
      <>
        <title>Programme handout · Spinewise</title>
        <ErrorState title="The handout could not be prepared" error={programme.error} />
      </>
    );
  }
  const data = programme.data;
  const content = printsOld ? approved.data?.content : data.current.content;
  if (content === undefined || patient.isPending) {
    return approved.isError ? (
      <ErrorState title="The handout could not be prepared" error={approved.error} />
    ) : (
      <LoadingState label="Preparing the handout" />
    );
  }
  const patientName = patient.isError ? 'Your programme' : patient.data.displayName;
  return (
    <>
      <title>{`Handout: ${patientName} · Spinewise`}</title>
      <div className="no-print handout-tools">
        <Link to={`/programmes/${data.id}`}>Back to the programme</Link>
        {active === null ? (
          <p className="notice notice--info">
            This programme is not approved yet: the handout shows version {data.currentVersion} as a
            draft. Approve it before giving it to the patient.
          </p>
        ) : printsOld ? (
          <p className="notice notice--info">
            The handout shows version {active}, the one the patient follows. Version{' '}
            {data.currentVersion} is waiting for approval.
          </p>
        ) : null}
        <Button
          onClick={() => {
            window.print();
          }}
        >
          Print the handout
        </Button>
      </div>
      <Handout content={content} patientName={patientName} />
    </>
  );
}
