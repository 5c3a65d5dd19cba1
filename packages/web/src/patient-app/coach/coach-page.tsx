/**
 * `/app/coach/:exerciseId`: the camera coach for one exercise. The patient reads what the camera
 * does (and that the picture never leaves the phone), starts the camera, sets up the picture
 * until the framing check passes, calibrates (a few seconds still, one comfortable repetition)
 * or skips it, and exercises while the coach counts repetitions, times holds and gives form
 * cues in words (and aloud, if they turned speech on). Stop shows the numbers; only when the
 * patient confirms are they saved as the exercise's log, through the outbox.
 *
 * All analysis is the clinical core's (`CoachSession`, `calibrateCoachRule`): this page only
 * feeds it frames and shows what it says.
 */
import {
  CoachSession,
  calibrateCoachRule,
  calibrationLimits,
  getCoachRule,
  type CoachRule,
  type PoseFrame,
  type SessionResult,
} from '@spinewise/clinical';
import { useCallback, useMemo, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { localToday } from '../../format/dates.js';
import { Button } from '../../ui/button.js';
import { PageHeader } from '../../ui/page.js';
import { EmptyState } from '../../ui/states.js';
import { SyncStatus, enqueue } from '../offline/outbox.js';
import { LOGS_URL, type SessionLogBody } from '../today-api.js';
import { CameraProblemHelp, CameraStage, FramingList, PRIVACY_SENTENCE } from './camera-stage.js';
import { checkFraming, ruleMeasures, type Framing } from './framing.js';
import {
  loadModelChoice,
  loadSpeech,
  saveModelChoice,
  saveSpeech,
  speak,
  speechAvailable,
} from './preferences.js';
import { usePoseCamera, type CameraFrame } from './use-pose-camera.js';
import './coach.css';

type Stage =
  'setup' | 'calibrateStill' | 'calibrateRep' | 'calibrated' | 'counting' | 'summary' | 'saved';

/** Seconds of standing still recorded for calibration (at least `calibrationLimits.minFrames` frames). */
const STILL_SECONDS = 3;

/** What the patient confirms before it is saved: the core's result in the log's shape. */
export function coachLogBody(
  rule: CoachRule,
  result: SessionResult,
  date: string,
): SessionLogBody & { coach: Record<string, unknown> } {
  const doseReps = rule.dose.reps ?? 1;
  return {
    date,
    exerciseId: rule.exerciseId,
    setsDone: 1,
    ...(result.reps > 0 ? { repsDone: result.reps } : {}),
    ...(rule.kind === 'hold' && result.holdSeconds > 0
      ? { holdSecondsDone: Math.round(result.holdSeconds) }
      : {}),
    completed: result.reps >= doseReps ? 'done' : 'partly',
    note: 'Counted by the camera coach.',
    coach: {
      reps: result.reps,
      ...(rule.kind === 'hold' ? { holdSeconds: result.holdSeconds } : {}),
      ...(result.rangeDegrees === null ? {} : { rangeDegrees: result.rangeDegrees }),
      formWarnings: result.formWarnings.map(({ id, cue, count }) => ({ id, cue, count })),
      exerciseRule: rule.exerciseId,
      view: rule.view,
    },
  };
}

function Summary({ rule, result }: { readonly rule: CoachRule; readonly result: SessionResult }) {
  return (
    <dl className="coach-summary">
      <div>
        <dt>{rule.kind === 'hold' ? 'Holds counted' : 'Repetitions counted'}</dt>
        <dd>{result.reps}</dd>
      </div>
      {rule.kind === 'hold' ? (
        <div>
          <dt>Time holding</dt>
          <dd>{Math.round(result.holdSeconds)} seconds</dd>
        </div>
      ) : null}
      <div>
        <dt>Range the camera saw</dt>
        <dd>
          {result.rangeDegrees === null
            ? 'Not measured'
            : `${Math.round(result.rangeDegrees.min)}° to ${Math.round(result.rangeDegrees.max)}°`}
        </dd>
      </div>
      <div>
        <dt>Tips given</dt>
        <dd>
          {result.formWarnings.length === 0 ? (
            'None'
          ) : (
            <ul>
              {result.formWarnings.map((warning) => (
                <li key={warning.id}>
                  {warning.cue} ({warning.count === 1 ? 'once' : `${warning.count} times`})
                </li>
              ))}
            </ul>
          )}
        </dd>
      </div>
    </dl>
  );
}

function CoachScreen({ baseRule }: { readonly baseRule: CoachRule }) {
  const [stage, setStage] = useState<Stage>('setup');
  const [rule, setRule] = useState<CoachRule>(baseRule);
  const [framing, setFraming] = useState<Framing | undefined>(undefined);
  const [model, setModel] = useState(loadModelChoice);
  const [speech, setSpeech] = useState(loadSpeech);
  const [calibrationNote, setCalibrationNote] = useState<string | undefined>(undefined);
  const [stillProgress, setStillProgress] = useState(0);
  const [status, setStatus] = useState<{ reps: number; holdSeconds: number; holding: boolean }>({
    reps: 0,
    holdSeconds: 0,
    holding: false,
  });
  const [cues, setCues] = useState<readonly string[]>([]);
  const [result, setResult] = useState<SessionResult | undefined>(undefined);
  const [savedKey, setSavedKey] = useState<string | undefined>(undefined);
  const [saveError, setSaveError] = useState<string | undefined>(undefined);
  const [saving, setSaving] = useState(false);

  const stageRef = useRef<Stage>('setup');
  const stillFrames = useRef<PoseFrame[]>([]);
  const stillStart = useRef<number | undefined>(undefined);
  const repFrames = useRef<PoseFrame[]>([]);
  const session = useRef<CoachSession | undefined>(undefined);
  const aspect = useRef(4 / 3);
  const speechRef = useRef(speech);
  const measures = useMemo(() => ruleMeasures(baseRule), [baseRule]);

  const go = useCallback((next: Stage) => {
    stageRef.current = next;
    setStage(next);
  }, []);

  const onFrame = useCallback(
    (input: CameraFrame) => {
      aspect.current = input.aspectRatio;
      const { frame } = input;
      switch (stageRef.current) {
        case 'setup':
          setFraming(
            checkFraming({
              landmarks: frame?.landmarks,
              aspectRatio: input.aspectRatio,
              brightness: input.brightness,
              view: baseRule.view,
              measures,
            }),
          );
          return;
        case 'calibrateStill': {
          if (frame === undefined) return;
          stillStart.current ??= frame.timestampMs;
          stillFrames.current.push(frame);
          const seconds = (frame.timestampMs - stillStart.current) / 1000;
          setStillProgress(Math.min(1, seconds / STILL_SECONDS));
          if (
            seconds >= STILL_SECONDS &&
            stillFrames.current.length >= calibrationLimits.minFrames.value
          ) {
            go('calibrateRep');
          }
          return;
        }
        case 'calibrateRep':
          if (frame !== undefined) repFrames.current.push(frame);
          return;
        case 'counting': {
          const current = session.current;
          if (current === undefined || frame === undefined) return;
          const report = current.push(frame);
          setStatus({
            reps: report.reps,
            holdSeconds: report.holdSeconds,
            holding: report.holding,
          });
          if (report.cues.length > 0) {
            setCues(report.cues);
            if (speechRef.current) speak(report.cues.join(' '));
          } else if (report.rep?.counted === true && speechRef.current) {
            speak(String(report.reps));
          }
          return;
        }
        case 'calibrated':
        case 'summary':
        case 'saved':
          return;
      }
    },
    [baseRule.view, go, measures],
  );

  const camera = usePoseCamera(model, onFrame);

  const startCounting = (withRule: CoachRule) => {
    session.current = new CoachSession(withRule, { aspectRatio: aspect.current });
    setStatus({ reps: 0, holdSeconds: 0, holding: false });
    setCues([]);
    go('counting');
  };

  const finishCalibration = () => {
    const calibrated = calibrateCoachRule(
      baseRule,
      { startFrames: stillFrames.current, repFrames: repFrames.current },
      { aspectRatio: aspect.current },
    );
    if (calibrated.ok) {
      setRule(calibrated.rule);
      setCalibrationNote(
        `Set to your range: from ${Math.round(calibrated.startDegrees)}° to ${Math.round(calibrated.comfortableDegrees)}°.`,
      );
    } else {
      setRule(baseRule);
      setCalibrationNote(
        `${calibrated.reason} The coach will use the exercise’s own range instead; you can calibrate again.`,
      );
    }
    go('calibrated');
  };

  const beginCalibration = () => {
    stillFrames.current = [];
    repFrames.current = [];
    stillStart.current = undefined;
    setStillProgress(0);
    go('calibrateStill');
  };

  const stop = () => {
    const current = session.current;
    camera.stop();
    setResult(current?.result());
    session.current = undefined;
    go('summary');
  };

  const save = () => {
    if (result === undefined) return;
    setSaving(true);
    setSaveError(undefined);
    enqueue('log', LOGS_URL, coachLogBody(rule, result, localToday()))
      .then((entry) => {
        setSavedKey(entry.key);
        go('saved');
      })
      .catch(() => {
        setSaveError('This phone could not save it. Please try again.');
      })
      .finally(() => {
        setSaving(false);
      });
  };

  const discard = () => {
    setResult(undefined);
    setRule(baseRule);
    setCalibrationNote(undefined);
    go('setup');
  };

  const running = camera.phase === 'running';
  const speechToggle = speechAvailable() ? (
    <label className="coach-check">
      <input
        type="checkbox"
        checked={speech}
        onChange={(event) => {
          setSpeech(event.target.checked);
          speechRef.current = event.target.checked;
          saveSpeech(event.target.checked);
        }}
      />{' '}
      Say the tips out loud
    </label>
  ) : null;
  const viewWords = baseRule.view === 'side' ? 'from the side' : 'from the front';

  return (
    <div className="coach-page">
      <PageHeader
        title={`Coach: ${baseRule.exerciseName}`}
        lead={PRIVACY_SENTENCE}
        backLink={<Link to="/app">Back to today</Link>}
      />

      {stage !== 'setup' ? null : (
        <>
          <section className="panel coach-intro" aria-labelledby="coach-setup-heading">
            <h2 id="coach-setup-heading" className="coach-heading">
              Before you start
            </h2>
            <p>
              Put the phone on the floor or a shelf, so it sees your whole body {viewWords}. Stand
              back until all of you is in the picture.
            </p>
            <details className="coach-limits">
              <summary>What the camera can and cannot see</summary>
              <p>{baseRule.limits}</p>
              <p>The numbers are estimates from the picture, not a clinical measurement.</p>
            </details>
            <p>
              <Link to="/app/coach/range">Measure how far you can bend and turn</Link>
            </p>
            <div className="coach-options">
              {speechToggle}
              <label className="coach-check">
                <input
                  type="checkbox"
                  checked={model === 'full'}
                  disabled={camera.phase !== 'idle' && camera.phase !== 'failed'}
                  onChange={(event) => {
                    const choice = event.target.checked ? 'full' : 'lite';
                    setModel(choice);
                    saveModelChoice(choice);
                  }}
                />{' '}
                More accurate, but slower (for newer phones)
              </label>
            </div>
            {camera.phase === 'idle' ? (
              <Button className="coach-button" onClick={camera.start}>
                Start the camera
              </Button>
            ) : null}
          </section>
        </>
      )}

      {camera.phase === 'failed' && camera.error !== undefined ? (
        <CameraProblemHelp
          error={camera.error}
          onRetry={() => {
            go('setup');
            camera.start();
          }}
        />
      ) : null}

      {stage === 'summary' || stage === 'saved' ? null : (
        <CameraStage
          videoRef={camera.videoRef}
          canvasRef={camera.canvasRef}
          view={camera.view}
          label={`Camera picture for ${baseRule.exerciseName}`}
        />
      )}

      {running && stage === 'setup' ? (
        <section className="panel" aria-labelledby="coach-framing-heading">
          <h2 id="coach-framing-heading" className="coach-heading">
            Setting up the picture
          </h2>
          {framing === undefined ? <p>Looking for you…</p> : <FramingList framing={framing} />}
          <div className="coach-actions">
            <Button
              className="coach-button"
              aria-disabled={framing?.ready !== true}
              onClick={() => {
                if (framing?.ready === true) beginCalibration();
              }}
            >
              Next: fit the coach to you
            </Button>
            <Button
              variant="secondary"
              className="coach-button"
              aria-disabled={framing?.ready !== true}
              onClick={() => {
                if (framing?.ready === true) startCounting(baseRule);
              }}
            >
              Skip and start counting
            </Button>
          </div>
          {framing?.ready === true ? null : (
            <p className="coach-muted">The buttons work once every item above has a tick.</p>
          )}
        </section>
      ) : null}

      {running && stage === 'calibrateStill' ? (
        <section className="panel" aria-labelledby="coach-calibrate-heading">
          <h2 id="coach-calibrate-heading" className="coach-heading">
            Stand still for a moment
          </h2>
          <p>Get into the start position and stay still.</p>
          <progress className="coach-progress" value={stillProgress} max={1}>
            {Math.round(stillProgress * 100)}%
          </progress>
        </section>
      ) : null}

      {running && stage === 'calibrateRep' ? (
        <section className="panel" aria-labelledby="coach-rep-heading">
          <h2 id="coach-rep-heading" className="coach-heading">
            Now one comfortable repetition
          </h2>
          <p>
            Do one {baseRule.kind === 'hold' ? 'hold' : 'repetition'}, only as far as feels
            comfortable, and come back to the start. Then press the button.
          </p>
          <Button className="coach-button" onClick={finishCalibration}>
            I have done one
          </Button>
        </section>
      ) : null}

      {running && stage === 'calibrated' ? (
        <section className="panel" aria-labelledby="coach-ready-heading">
          <h2 id="coach-ready-heading" className="coach-heading">
            Ready
          </h2>
          <p role="status">{calibrationNote}</p>
          <div className="coach-actions">
            <Button
              className="coach-button"
              onClick={() => {
                startCounting(rule);
              }}
            >
              Start counting
            </Button>
            <Button variant="secondary" className="coach-button" onClick={beginCalibration}>
              Calibrate again
            </Button>
          </div>
        </section>
      ) : null}

      {running && stage === 'counting' ? (
        <section className="panel coach-live" aria-labelledby="coach-live-heading">
          <h2 id="coach-live-heading" className="coach-heading">
            {rule.kind === 'hold' ? 'Holding' : 'Counting'}
          </h2>
          <p className="coach-count">
            <span className="coach-count-number">{status.reps}</span>{' '}
            {rule.kind === 'hold' ? 'holds' : 'repetitions'}
            {rule.dose.reps === undefined ? null : ` of ${rule.dose.reps}`}
          </p>
          {rule.kind === 'hold' ? (
            <p className="coach-hold">
              {status.holding ? 'Holding: ' : 'Time held: '}
              {Math.round(status.holdSeconds)} s
              {rule.hold === undefined ? null : ` (aim: ${rule.hold.targetSeconds} s each)`}
            </p>
          ) : null}
          {speechToggle}
          <div className="coach-cues" aria-live="polite">
            {cues.map((cue) => (
              <p key={cue}>{cue}</p>
            ))}
          </div>
          <Button className="coach-button" variant="danger" onClick={stop}>
            Stop
          </Button>
        </section>
      ) : null}

      {stage === 'summary' ? (
        <section className="panel" aria-labelledby="coach-summary-heading">
          <h2 id="coach-summary-heading" className="coach-heading" tabIndex={-1}>
            What the coach counted
          </h2>
          {result === undefined || result.frames.used === 0 ? (
            <p>The coach could not see you well enough to count anything.</p>
          ) : (
            <Summary rule={rule} result={result} />
          )}
          <p>Check the numbers. Save them to today’s log, or throw them away.</p>
          {saveError === undefined ? null : (
            <p className="coach-error" role="alert">
              {saveError}
            </p>
          )}
          <div className="coach-actions">
            {result === undefined || result.frames.used === 0 ? null : (
              <Button className="coach-button" busy={saving} busyLabel="Saving" onClick={save}>
                Save to today’s log
              </Button>
            )}
            <Button variant="secondary" className="coach-button" onClick={discard}>
              Throw away
            </Button>
          </div>
        </section>
      ) : null}

      {stage === 'saved' && savedKey !== undefined ? (
        <section className="panel" aria-labelledby="coach-saved-heading">
          <h2 id="coach-saved-heading" className="coach-heading">
            Saved
          </h2>
          <p>
            Your numbers are in today’s log for {rule.exerciseName}.{' '}
            <SyncStatus entryKey={savedKey} />
          </p>
          <Link className="button button--primary coach-button" to="/app">
            Back to today
          </Link>
        </section>
      ) : null}
    </div>
  );
}

export function CoachPage() {
  const { exerciseId = '' } = useParams();
  const rule = getCoachRule(exerciseId);
  if (rule === undefined) {
    return (
      <div className="coach-page">
        <PageHeader title="Camera coach" backLink={<Link to="/app">Back to today</Link>} />
        <EmptyState title="This exercise has no camera coach">
          <p>The camera can follow only some exercises. You can still do this one and log it.</p>
        </EmptyState>
      </div>
    );
  }
  return <CoachScreen key={rule.exerciseId} baseRule={rule} />;
}
