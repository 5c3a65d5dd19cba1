/**
 * One week of a programme as the clinician reviews it: its sessions and exercises with their
 * doses, the activity, lessons, posture tasks and questionnaires due, and behind each choice
 * its rationale (the rule and the source ids). In edit mode each exercise offers a dose change
 * and a swap, and lessons can be added or removed.
 */
import type { Programme, ProgrammeWeek, Rationale } from '@spinewise/clinical';
import { useState } from 'react';
import { actorName } from '../alerts/alerts-api.js';
import { formatDay, formatMoment } from '../format/dates.js';
import { instrumentName } from '../outcomes/instruments.js';
import { useCurrentUser } from '../session/session.js';
import { useStaffNames } from '../session/staff.js';
import { Button } from '../ui/button.js';
import { DoseEditor, SwapEditor } from './exercise-editors.js';
import {
  addLesson as addLessonTo,
  isRequiredLesson,
  lessonTitle,
  lessonsToAdd,
  overrideOf,
  removeLesson as removeLessonFrom,
  taskTitle,
  type ExerciseOverride,
} from './programme-edit.js';
import { activityText, doseText, phaseNames } from './programme-text.js';

/** The reasons behind a choice, folded away until asked for. */
export function RationaleList({
  rationale,
  summary = 'Why',
}: {
  readonly rationale: readonly Rationale[] | undefined;
  readonly summary?: string;
}) {
  if (rationale === undefined || rationale.length === 0) return null;
  return (
    <details className="rationale">
      <summary>{summary}</summary>
      <ul>
        {rationale.map((reason, index) => (
          <li key={`${reason.rule}-${String(index)}`}>
            {reason.text}{' '}
            <span className="rationale-meta">
              Rule <code>{reason.rule}</code>
              {reason.sources.length === 0
                ? ''
                : ` · ${reason.sources.map((id) => `[${id}]`).join(' ')}`}
              {reason.isDefault === true ? ' · a default convention' : ''}
            </span>
          </li>
        ))}
      </ul>
    </details>
  );
}

/** A first-phase precaution the clinician overrode for this exercise, with their reason. */
function OverrideBadge({ override }: { readonly override: ExerciseOverride }) {
  const me = useCurrentUser();
  const names = useStaffNames();
  return (
    <p className="override-note">
      <span className="badge badge--warning">Overridden</span> {override.reason}
      {override.by === undefined || override.at === undefined ? (
        <span className="rationale-meta"> · not saved yet</span>
      ) : (
        <span className="rationale-meta">
          {' '}
          · by {actorName(override.by, me.id, names)}, {formatMoment(override.at)}
        </span>
      )}
    </p>
  );
}

export interface WeekEditing {
  readonly content: Programme;
  readonly patientId: string;
  readonly onChange: (content: Programme) => void;
}

interface Open {
  readonly kind: 'dose' | 'swap';
  readonly session: number;
  readonly exercise: number;
}

export function WeekView({
  week,
  weekIndex,
  phaseTitle,
  editing,
}: {
  readonly week: ProgrammeWeek;
  readonly weekIndex: number;
  readonly phaseTitle: string;
  /** Present in edit mode. */
  readonly editing?: WeekEditing;
}) {
  const [open, setOpen] = useState<Open | null>(null);
  const [lessonToAdd, setLessonToAdd] = useState('');
  const headingId = `week-${String(week.week)}-heading`;
  const addable = editing === undefined ? [] : lessonsToAdd(editing.content, weekIndex);
  return (
    <section className="panel programme-week" aria-labelledby={headingId}>
      <h2 id={headingId}>
        Week {week.week}: {phaseTitle || phaseNames[week.phase]}
      </h2>
      <p className="panel-summary">
        {formatDay(week.startDate)} to {formatDay(week.endDate)} · {phaseNames[week.phase]} phase
      </p>
      <RationaleList rationale={week.rationale} summary="Why this week looks like this" />

      {week.sessions.map((session, sessionIndex) => (
        <div key={session.id} className="programme-session">
          <h3>
            {session.name}{' '}
            <span className="history-meta">
              about {session.dailyMinutes} minutes a day, {session.daysPerWeek} days a week
            </span>
          </h3>
          <ul className="exercise-list">
            {session.exercises.map((exercise, exerciseIndex) => {
              const at = { week: weekIndex, session: sessionIndex, exercise: exerciseIndex };
              const isOpen =
                open !== null && open.session === sessionIndex && open.exercise === exerciseIndex;
              return (
                <li key={`${exercise.id}-${String(exerciseIndex)}`} className="exercise-item">
                  <div className="exercise-line">
                    <strong>{exercise.name}</strong>
                    <span>{doseText(exercise)}</span>
                  </div>
                  {(() => {
                    const override = overrideOf(exercise);
                    return override === undefined ? null : <OverrideBadge override={override} />;
                  })()}
                  {exercise.cautions.length === 0 ? null : (
                    <p className="exercise-caution">
                      <strong>Caution:</strong> {exercise.cautions.join(' ')}
                    </p>
                  )}
                  <RationaleList
                    rationale={exercise.rationale}
                    summary="Why this exercise and dose"
                  />
                  {editing === undefined ? null : isOpen ? (
                    open.kind === 'dose' ? (
                      <DoseEditor
                        content={editing.content}
                        at={at}
                        onApply={(content) => {
                          editing.onChange(content);
                          setOpen(null);
                        }}
                        onCancel={() => {
                          setOpen(null);
                        }}
                      />
                    ) : (
                      <SwapEditor
                        content={editing.content}
                        patientId={editing.patientId}
                        at={at}
                        onApply={(content) => {
                          editing.onChange(content);
                          setOpen(null);
                        }}
                        onCancel={() => {
                          setOpen(null);
                        }}
                      />
                    )
                  ) : (
                    <div className="exercise-actions">
                      <Button
                        variant="secondary"
                        onClick={() => {
                          setOpen({ kind: 'dose', session: sessionIndex, exercise: exerciseIndex });
                        }}
                      >
                        Change dose
                        <span className="visually-hidden">
                          {' '}
                          of {exercise.name}, week {week.week}
                        </span>
                      </Button>
                      <Button
                        variant="quiet"
                        onClick={() => {
                          setOpen({ kind: 'swap', session: sessionIndex, exercise: exerciseIndex });
                        }}
                      >
                        Swap
                        <span className="visually-hidden">
                          {' '}
                          {exercise.name}, week {week.week}
                        </span>
                      </Button>
                    </div>
                  )}
                </li>
              );
            })}
          </ul>
        </div>
      ))}

      <h3>Activity</h3>
      <p>{activityText(week.activity)}</p>
      <RationaleList rationale={week.activity.rationale} summary="Why this activity" />

      <h3>Lessons</h3>
      {week.lessons.length === 0 ? (
        <p className="panel-empty">No new lessons this week.</p>
      ) : (
        <ul className="plain-list">
          {week.lessons.map((id) => (
            <li key={id}>
              {lessonTitle(id)}
              {editing === undefined ? null : isRequiredLesson(editing.content, id) ? (
                <span className="history-meta"> · always kept: the warning signs</span>
              ) : (
                <>
                  {' '}
                  <Button
                    variant="quiet"
                    onClick={() => {
                      editing.onChange(removeLessonFrom(editing.content, weekIndex, id));
                    }}
                  >
                    Remove
                    <span className="visually-hidden">
                      {' '}
                      {lessonTitle(id)} from week {week.week}
                    </span>
                  </Button>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {editing === undefined || addable.length === 0 ? null : (
        <div className="inline-add">
          <label htmlFor={`add-lesson-${String(week.week)}`} className="field-label">
            Add a lesson to week {week.week}
          </label>
          <select
            id={`add-lesson-${String(week.week)}`}
            className="input"
            value={lessonToAdd}
            onChange={(event) => {
              setLessonToAdd(event.target.value);
            }}
          >
            <option value="">Choose a lesson</option>
            {addable.map((lesson) => (
              <option key={lesson.id} value={lesson.id}>
                {lesson.title}
              </option>
            ))}
          </select>{' '}
          <Button
            variant="secondary"
            onClick={() => {
              if (lessonToAdd === '') return;
              editing.onChange(addLessonTo(editing.content, weekIndex, lessonToAdd));
              setLessonToAdd('');
            }}
          >
            Add lesson
          </Button>
        </div>
      )}

      <h3>Posture and daily-life tasks</h3>
      {week.tasks.length === 0 ? (
        <p className="panel-empty">None this week.</p>
      ) : (
        <ul className="plain-list">
          {week.tasks.map((id) => (
            <li key={id}>{taskTitle(id)}</li>
          ))}
        </ul>
      )}

      {week.reassessments.length === 0 ? null : (
        <>
          <h3>Questionnaires due</h3>
          <ul className="plain-list">
            {week.reassessments.map((due) => (
              <li key={due.date}>
                {formatDay(due.date)}: {due.instruments.map(instrumentName).join(', ')}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
