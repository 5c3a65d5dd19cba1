/**
 * One exercise of today's session on the phone: the moving figure, the steps and cues in plain
 * words, the dose in words and any caution; the guided player; and its log. What is logged
 * today stays shown, with whether it is still on the phone or sent; logging it again the same
 * day is a deliberate choice ("Log another round").
 */
import { useCallback, useId, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { ExerciseFigure } from '../../library/exercise-figure.js';
import { Button } from '../../ui/button.js';
import { SyncStatus, useOutbox, type OutboxEntry } from '../offline/outbox.js';
import { EmergencyAdvice } from '../safety/emergency-advice.js';
import { adviceFor, type Advice } from '../safety/symptoms.js';
import type { ExerciseGuide, SessionLogBody } from '../today-api.js';
import { LogForm } from './log-form.js';
import { Player } from './player.js';
import type { PlayerPlan, PlayerState } from './player-state.js';
import '../../library/library.css';
import './session.css';

export interface CardExercise {
  readonly id: string;
  readonly name: string;
  readonly sets: number;
  readonly repsPerSet: readonly number[];
  readonly holdSeconds?: number;
  readonly minutes?: number;
  /** The dose in plain words. */
  readonly dose: string;
  readonly cautions: readonly string[];
  /** How to do it; null when the library does not know the exercise. */
  readonly guide: ExerciseGuide | null;
}

export interface ExerciseCardProps {
  readonly exercise: CardExercise;
  readonly date: string;
  readonly painBefore?: number;
  /** Today's logs of this exercise on this phone, oldest first. */
  readonly logged: readonly OutboxEntry[];
  /** Put in each log's note (e.g. that it was the gentler set). */
  readonly note?: string;
  /** Shown above the dose, e.g. the flare-up rule. */
  readonly lead?: string;
  readonly headingLevel?: 2 | 3;
}

export function ExerciseCard({
  exercise,
  date,
  painBefore,
  logged,
  note,
  lead,
  headingLevel = 3,
}: ExerciseCardProps) {
  const entry = exercise.guide ?? undefined;
  const [playing, setPlaying] = useState(false);
  const [logging, setLogging] = useState(false);
  const [progress, setProgress] = useState<PlayerState | undefined>(undefined);
  const [justLogged, setJustLogged] = useState<string | undefined>(undefined);
  const [alerted, setAlerted] = useState<{ key: string; advice: Advice } | undefined>(undefined);
  const { online } = useOutbox();
  const plan: PlayerPlan = useMemo(
    () => ({
      repsPerSet: exercise.repsPerSet,
      ...(exercise.holdSeconds === undefined ? {} : { holdSeconds: exercise.holdSeconds }),
      ...(exercise.minutes === undefined ? {} : { minutes: exercise.minutes }),
      restSeconds: entry?.restSeconds ?? 30,
    }),
    [exercise, entry],
  );
  const onProgress = useCallback((state: PlayerState) => {
    setProgress(state);
    if (state.phase === 'finished') setLogging(true);
  }, []);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const headingId = `exercise-${useId().replace(/[^a-zA-Z0-9_-]/gu, '')}`;
  const done = logged.length > 0;

  return (
    <article className="panel exercise-card" aria-labelledby={headingId}>
      <Heading id={headingId} className="exercise-name">
        {exercise.name}
        {done ? <span className="exercise-done-badge"> · done today</span> : null}
      </Heading>
      {lead === undefined ? null : <p className="exercise-lead">{lead}</p>}
      <p className="exercise-dose">{exercise.dose}</p>
      {exercise.cautions.length === 0 ? null : (
        <ul className="exercise-cautions" aria-label={`Take care with ${exercise.name}`}>
          {exercise.cautions.map((caution) => (
            <li key={caution}>{caution}</li>
          ))}
        </ul>
      )}
      {entry === undefined ? null : (
        <>
          {/* Still until played: several figures moving at once keep a phone's processor busy. */}
          <ExerciseFigure name={exercise.name} animation={entry.animation} autoPlay={false} />
          <details className="exercise-how">
            <summary>How to do it</summary>
            <p>{entry.summary}</p>
            <ol className="exercise-steps">
              {entry.steps.map((step) => (
                <li key={step}>{step}</li>
              ))}
            </ol>
            {entry.cues.length === 0 ? null : (
              <>
                <p className="exercise-subheading">Tips</p>
                <ul>
                  {entry.cues.map((cue) => (
                    <li key={cue}>{cue}</li>
                  ))}
                </ul>
              </>
            )}
            {entry.stopIf.length === 0 ? null : (
              <>
                <p className="exercise-subheading">Stop if</p>
                <ul>
                  {entry.stopIf.map((item) => (
                    <li key={item}>{item}</li>
                  ))}
                </ul>
              </>
            )}
          </details>
        </>
      )}
      {entry?.coached !== true ? null : (
        <Link
          className="button button--quiet exercise-coach-link"
          to={`/app/coach/${encodeURIComponent(exercise.id)}`}
        >
          Coach me with the camera
        </Link>
      )}
      {playing ? (
        <Player
          name={exercise.name}
          plan={plan}
          steps={entry?.steps ?? []}
          onProgress={onProgress}
          {...(entry === undefined ? {} : { animation: entry.animation })}
        />
      ) : (
        <Button
          className="exercise-start"
          variant={done ? 'secondary' : 'primary'}
          onClick={() => {
            setPlaying(true);
          }}
        >
          {done ? `Do ${exercise.name} again` : `Start ${exercise.name}`}
        </Button>
      )}
      {alerted === undefined ? null : (
        <EmergencyAdvice
          advice={alerted.advice}
          online={online}
          status={<SyncStatus entryKey={alerted.key} />}
        />
      )}
      {done ? (
        <div className="exercise-logged">
          <p className="exercise-logged-title">
            <span aria-hidden="true">✓ </span>Logged today
          </p>
          <ul className="exercise-logged-list">
            {logged.map((item, index) => (
              <li key={item.key}>
                {logged.length > 1 ? `Round ${index + 1}: ` : ''}
                <SyncStatus entryKey={item.key} />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {logging ? (
        <LogForm
          key={justLogged ?? 'first'}
          target={{
            exerciseId: exercise.id,
            name: exercise.name,
            date,
            plannedSets: exercise.sets,
            ...(progress === undefined || progress.totalReps === 0
              ? {}
              : { repsDone: progress.totalReps }),
            ...(note === undefined ? {} : { note }),
          }}
          {...(painBefore === undefined ? {} : { painBefore })}
          {...(progress === undefined ? {} : { setsDone: progress.setsDone })}
          onLogged={(saved) => {
            const advice = adviceFor((saved.body as SessionLogBody).symptoms ?? []);
            setAlerted(advice === null ? undefined : { key: saved.key, advice });
            setJustLogged(saved.key);
            setLogging(false);
            setPlaying(false);
            setProgress(undefined);
          }}
          onCancel={() => {
            setLogging(false);
          }}
        />
      ) : (
        <Button
          variant="secondary"
          onClick={() => {
            setLogging(true);
          }}
        >
          {done ? 'Log another round' : `Log ${exercise.name}`}
        </Button>
      )}
    </article>
  );
}
