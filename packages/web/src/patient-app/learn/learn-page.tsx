/**
 * `/app/learn`: the patient's lessons in reading order. Open lessons are links; lessons still to
 * come say the day they open; lessons read carry a tick and the words "Read". Works offline from
 * the last copy kept on the phone.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Link } from 'react-router';
import { formatLongDay } from '../../format/dates.js';
import { EmptyState, ErrorState, LoadingState } from '../../ui/states.js';
import { SavedCopyNotice } from '../offline/cached-query.js';
import { keepOpenLessons, lessonGroups, useLessons, type LessonListItem } from './learn-api.js';
import './learn.css';

function LessonRow({ lesson }: { readonly lesson: LessonListItem }) {
  const read = lesson.completedAt !== null;
  const status = read
    ? 'Read'
    : lesson.unlocked
      ? `${lesson.minutes} minute read`
      : lesson.unlockedOn === null
        ? 'Not open yet'
        : `Opens on ${formatLongDay(lesson.unlockedOn)}`;
  const body = (
    <>
      <span className="lesson-row-title">{lesson.title}</span>
      <span className="lesson-row-summary">{lesson.summary}</span>
      <span className="lesson-row-status">
        {read ? (
          <span className="lesson-row-tick" aria-hidden="true">
            ✓
          </span>
        ) : null}
        {status}
      </span>
    </>
  );
  return (
    <li
      className={`lesson-row${lesson.unlocked ? '' : ' lesson-row--locked'}${read ? ' lesson-row--read' : ''}`}
    >
      {lesson.unlocked ? (
        <Link className="lesson-row-link" to={`/app/learn/${encodeURIComponent(lesson.id)}`}>
          {body}
        </Link>
      ) : (
        <div className="lesson-row-link">
          <svg
            className="lesson-row-lock"
            viewBox="0 0 24 24"
            width="20"
            height="20"
            aria-hidden="true"
            focusable="false"
          >
            <path
              d="M6 11h12v10H6z M9 11V8a3 3 0 0 1 6 0v3"
              fill="none"
              stroke="currentColor"
              strokeWidth="2"
              strokeLinejoin="round"
            />
          </svg>
          {body}
        </div>
      )}
    </li>
  );
}

function Group({
  id,
  title,
  lead,
  lessons,
}: {
  readonly id: string;
  readonly title: string;
  readonly lead?: string;
  readonly lessons: readonly LessonListItem[];
}) {
  if (lessons.length === 0) return null;
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {lead === undefined ? null : <p>{lead}</p>}
      <ol className="lesson-list">
        {lessons.map((lesson) => (
          <LessonRow key={lesson.id} lesson={lesson} />
        ))}
      </ol>
    </section>
  );
}

export function LearnPage() {
  const lessons = useLessons();
  const client = useQueryClient();
  const fresh = lessons.isSuccess && !lessons.fromPhone ? lessons.data.lessons : null;
  useEffect(() => {
    if (fresh !== null) void keepOpenLessons(client, fresh);
  }, [client, fresh]);
  return (
    <>
      <title>Learn · Spinewise</title>
      <header className="page-header">
        <h1 className="page-title" tabIndex={-1}>
          Learn
        </h1>
        <p className="page-lead">Short lessons about your back or neck. New ones open each week.</p>
      </header>
      <SavedCopyNotice query={lessons} />
      {lessons.isPending ? (
        <LoadingState label="Loading your lessons" />
      ) : lessons.isError ? (
        <ErrorState
          title="Your lessons could not be loaded"
          error={lessons.error}
          onRetry={() => {
            void lessons.refetch();
          }}
        />
      ) : lessons.data.lessons.length === 0 ? (
        <EmptyState title="No lessons yet">
          <p>Your lessons will appear here when your clinician has set up your programme.</p>
        </EmptyState>
      ) : (
        <Lessons lessons={lessons.data.lessons} hasProgramme={lessons.data.programme !== null} />
      )}
    </>
  );
}

function Lessons({
  lessons,
  hasProgramme,
}: {
  readonly lessons: readonly LessonListItem[];
  readonly hasProgramme: boolean;
}) {
  const groups = lessonGroups(lessons);
  const read = lessons.filter((lesson) => lesson.completedAt !== null).length;
  return (
    <>
      <p className="lesson-count">
        You have read {read} of {lessons.length} lessons.
      </p>
      <Group
        id="lessons-safety"
        title="Keep yourself safe"
        lead="Please read this one first. It is open from the start."
        lessons={groups.safety}
      />
      <Group id="lessons-programme" title="Your lessons" lessons={groups.programme} />
      <Group
        id="lessons-more"
        title="More to read"
        lead={
          hasProgramme
            ? 'These are not part of your programme. They open when your programme ends.'
            : 'Lessons you have read before.'
        }
        lessons={groups.moreToRead}
      />
    </>
  );
}
