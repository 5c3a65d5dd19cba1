/**
 * The flare-up plan: what to do today, in short kind steps (in line with the "Your flare-up
 * plan" lesson and the pain-monitoring model [S-PMM]), and a gentler set — today's exercises
 * each one step back (`flareUpSet`, REFERENCE §5 regress) — that the patient can do and log.
 */
import {
  exerciseLibrary,
  flareUpSet,
  getCoachRule,
  type GentlerExercise,
} from '@spinewise/clinical';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { EmptyState, ErrorState, LoadingState } from '../../ui/states.js';
import { SavedCopyNotice } from '../offline/cached-query.js';
import { useOutbox } from '../offline/outbox.js';
import { ExerciseCard } from '../session/exercise-card.js';
import { loadPainBefore, logsOn } from '../session/day-log.js';
import {
  doseInWords,
  exercisesOf,
  useToday,
  type ExerciseGuide,
  type Today,
  type TodayExercise,
} from '../today-api.js';
import './safety.css';

const steps = [
  'Flare-ups are common and usually settle within days. A flare-up rarely means new damage.',
  'Keep moving gently. Short, easy walks are better than lying down all day.',
  'Do the gentler set below instead of your usual exercises.',
  'Change position often. Rest in short spells, in whatever position is easiest.',
  'If you take pain relief, take it as your doctor or pharmacist told you, so you can keep moving.',
  'Split jobs into small pieces, and take more breaks than usual.',
  'Slow, calm breathing can help tight muscles let go.',
  'Pain during the exercises can go up to 5 out of 10. If it goes above 5, stop that exercise.',
  'As things settle over the next few days, build back up to your usual exercises.',
];

function asCard(gentler: GentlerExercise, prescribed: TodayExercise) {
  const dose: TodayExercise = {
    ...prescribed,
    id: gentler.exerciseId,
    name: gentler.name,
    sets: gentler.dose.sets,
    perDay: gentler.dose.perDay,
    repsPerSet: gentler.repsPerSet,
    ...(gentler.dose.reps === undefined ? {} : { reps: gentler.dose.reps }),
    ...(gentler.dose.holdSeconds === undefined ? {} : { holdSeconds: gentler.dose.holdSeconds }),
    ...(gentler.dose.minutes === undefined ? {} : { minutes: gentler.dose.minutes }),
  };
  // The pyramid only when the sets differ; otherwise "2 sets of 8".
  const same = gentler.repsPerSet.every((reps) => reps === gentler.repsPerSet[0]);
  const { repsPerSet: _repsPerSet, ...plain } = dose;
  return {
    id: gentler.exerciseId,
    name: gentler.name,
    sets: gentler.dose.sets,
    repsPerSet: gentler.repsPerSet,
    ...(gentler.dose.holdSeconds === undefined ? {} : { holdSeconds: gentler.dose.holdSeconds }),
    ...(gentler.dose.minutes === undefined ? {} : { minutes: gentler.dose.minutes }),
    dose: doseInWords(same ? plain : dose),
    cautions: prescribed.cautions,
    guide: gentler.exerciseId === prescribed.id ? prescribed.guide : guideOf(gentler.exerciseId),
  };
}

/** How to do an easier exercise than the one prescribed, from the library (this page has it). */
function guideOf(exerciseId: string): ExerciseGuide | null {
  const entry = exerciseLibrary.find((candidate) => candidate.id === exerciseId);
  if (entry === undefined) return null;
  return {
    summary: entry.summary,
    steps: entry.steps,
    cues: entry.cues,
    stopIf: entry.stopIf,
    restSeconds: entry.dosage.restSeconds,
    coached: getCoachRule(entry.id) !== undefined,
    animation: entry.animation,
  };
}

function GentlerSet({ today }: { readonly today: Today }) {
  const { entries } = useOutbox();
  const week = today.week;
  const exercises = useMemo(() => (week === null ? [] : exercisesOf(week)), [week]);
  const gentler = useMemo(() => {
    try {
      return flareUpSet(exercises, { allowedExerciseIds: new Set(exercises.map((e) => e.id)) });
    } catch {
      return null;
    }
  }, [exercises]);
  if (week === null || exercises.length === 0) {
    return (
      <EmptyState title="No exercises today">
        <p>Your programme has no exercises today. Keep gently active, and rest when you need to.</p>
      </EmptyState>
    );
  }
  if (gentler === null) {
    return (
      <ErrorState
        title="The gentler set could not be worked out"
        error={new Error('An exercise of your programme is not in this version of the app.')}
      />
    );
  }
  const logged = logsOn(entries, today.date);
  const painBefore = loadPainBefore(today.date);
  return (
    <>
      {gentler.map((item, index) => {
        const prescribed = exercises[index] as TodayExercise;
        return (
          <ExerciseCard
            key={`${item.insteadOf}-${item.exerciseId}`}
            exercise={asCard(item, prescribed)}
            date={today.date}
            lead={item.rule}
            note={`Flare-up plan: gentler set, instead of ${prescribed.name}`}
            logged={logged.get(item.exerciseId) ?? []}
            {...(painBefore === undefined ? {} : { painBefore })}
          />
        );
      })}
    </>
  );
}

export function FlareUpPage() {
  const today = useToday();
  return (
    <>
      <title>Flare-up plan · Spinewise</title>
      <header className="page-header">
        <h1 className="page-title" tabIndex={-1}>
          Your flare-up plan
        </h1>
        <p className="page-lead">
          Sorry you are having a hard day. Here is what can help, and a gentler set of exercises.
        </p>
      </header>
      <SavedCopyNotice query={today} />
      <section className="panel" aria-labelledby="flare-today">
        <h2 id="flare-today">What to do today</h2>
        <ul className="flare-steps">
          {steps.map((step) => (
            <li key={step}>{step}</li>
          ))}
        </ul>
        <p>
          Worried about new symptoms, like numbness or changes to your bladder or bowel?{' '}
          <Link to="/app/symptoms">Something feels wrong</Link>
        </p>
      </section>
      <section aria-labelledby="flare-set">
        <h2 id="flare-set">Your gentler set</h2>
        <p>
          Each exercise is one step back from your usual one: an easier version, or a little less of
          it. Your physio&apos;s plan stays the same for when you feel better.
        </p>
        {today.isPending ? (
          <LoadingState label="Loading your exercises" />
        ) : today.isError ? (
          <ErrorState
            title="Your exercises could not be loaded"
            error={today.error}
            onRetry={() => {
              void today.refetch();
            }}
          />
        ) : (
          <GentlerSet today={today.data} />
        )}
      </section>
      <p>
        <Link to="/app">Back to today</Link>
      </p>
    </>
  );
}
