/**
 * `/app/coach/range`: measuring how far the patient can move — standing trunk bending forward,
 * back and to each side, and turning the head — with the camera, in degrees from their own
 * start position. The limits of such a measurement are stated before and beside the result.
 * The patient confirms before the number is saved (`POST /api/me/rom`, through the outbox, with
 * its own Idempotency-Key).
 */
import {
  measureRangeOfMotion,
  rangeOfMotionLimits,
  rangeOfMotionMovements,
  rangeOfMotionSettings,
  rangeOfMotionSetup,
  type PoseFrame,
  type RangeOfMotionMovement,
  type RangeOfMotionResult,
} from '@spinewise/clinical';
import { useCallback, useRef, useState } from 'react';
import { Link } from 'react-router';
import { Button } from '../../ui/button.js';
import { PageHeader } from '../../ui/page.js';
import { SyncStatus, enqueue } from '../offline/outbox.js';
import { CameraProblemHelp, CameraStage, FramingList, PRIVACY_SENTENCE } from './camera-stage.js';
import { checkFraming, type Framing } from './framing.js';
import { loadModelChoice } from './preferences.js';
import { usePoseCamera, type CameraFrame } from './use-pose-camera.js';
import './coach.css';

export const ROM_URL = '/api/me/rom';

export const movementNames: Readonly<Record<RangeOfMotionMovement, string>> = {
  trunkFlexion: 'Bending forward',
  trunkExtension: 'Leaning back',
  trunkSideBendLeft: 'Bending to the left side',
  trunkSideBendRight: 'Bending to the right side',
  neckRotationLeft: 'Turning your head to the left',
  neckRotationRight: 'Turning your head to the right',
};

type Stage = 'choose' | 'measuring' | 'result' | 'saved';

/** The body `POST /api/me/rom` takes: whole degrees within 0–180. */
export function romBody(result: Extract<RangeOfMotionResult, { ok: true }>, measuredAt: Date) {
  return {
    movement: result.movement,
    degrees: Math.min(180, Math.max(0, Math.round(result.degrees))),
    measuredAt: measuredAt.toISOString(),
  };
}

export function RangePage() {
  const [movement, setMovement] = useState<RangeOfMotionMovement>('trunkFlexion');
  const [stage, setStage] = useState<Stage>('choose');
  const [framing, setFraming] = useState<Framing | undefined>(undefined);
  const [result, setResult] = useState<RangeOfMotionResult | undefined>(undefined);
  const [recordedSeconds, setRecordedSeconds] = useState(0);
  const [savedKey, setSavedKey] = useState<string | undefined>(undefined);
  const [saveError, setSaveError] = useState<string | undefined>(undefined);
  const [saving, setSaving] = useState(false);
  const stageRef = useRef<Stage>('choose');
  const frames = useRef<PoseFrame[]>([]);
  const aspect = useRef(4 / 3);
  const setup = rangeOfMotionSetup[movement];

  const go = (next: Stage) => {
    stageRef.current = next;
    setStage(next);
  };

  const onFrame = useCallback(
    (input: CameraFrame) => {
      aspect.current = input.aspectRatio;
      if (stageRef.current === 'choose') {
        setFraming(
          checkFraming({
            landmarks: input.frame?.landmarks,
            aspectRatio: input.aspectRatio,
            brightness: input.brightness,
            view: setup.view,
            measures: [setup.measure],
          }),
        );
      } else if (stageRef.current === 'measuring' && input.frame !== undefined) {
        frames.current.push(input.frame);
        const first = frames.current[0]?.timestampMs ?? input.frame.timestampMs;
        setRecordedSeconds((input.frame.timestampMs - first) / 1000);
      }
    },
    [setup.view, setup.measure],
  );

  const camera = usePoseCamera(loadModelChoice(), onFrame);
  const running = camera.phase === 'running';

  const finish = () => {
    setResult(measureRangeOfMotion(frames.current, movement, { aspectRatio: aspect.current }));
    camera.stop();
    go('result');
  };

  const save = (measured: Extract<RangeOfMotionResult, { ok: true }>) => {
    setSaving(true);
    setSaveError(undefined);
    // The outbox sends it with its own Idempotency-Key, now or when the phone is back online.
    enqueue('rom', ROM_URL, romBody(measured, new Date()))
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

  const again = () => {
    setResult(undefined);
    setFraming(undefined);
    go('choose');
  };

  return (
    <div className="coach-page">
      <PageHeader
        title="Measure how far you can move"
        lead={PRIVACY_SENTENCE}
        backLink={<Link to="/app">Back to today</Link>}
      />
      <section className="panel coach-limits-panel" aria-labelledby="rom-limits-heading">
        <h2 id="rom-limits-heading" className="coach-heading">
          What these numbers mean
        </h2>
        <p>
          They are rough estimates from the camera, not a measurement by your clinician. Use them to
          compare with yourself over time, measured the same way each time.
        </p>
        <details className="coach-limits">
          <summary>More about the limits</summary>
          <p>{rangeOfMotionLimits}</p>
        </details>
      </section>

      {stage === 'choose' ? (
        <section className="panel" aria-labelledby="rom-choose-heading">
          <h2 id="rom-choose-heading" className="coach-heading">
            Choose a movement
          </h2>
          <fieldset className="coach-movements">
            <legend className="visually-hidden">Movement to measure</legend>
            {rangeOfMotionMovements.map((id) => (
              <label key={id} className="coach-radio">
                <input
                  type="radio"
                  name="movement"
                  value={id}
                  checked={movement === id}
                  onChange={() => {
                    setMovement(id);
                  }}
                />{' '}
                {movementNames[id]}
              </label>
            ))}
          </fieldset>
          <p>{setup.how}</p>
          <p className="coach-muted">
            Stand still for the first {rangeOfMotionSettings.baselineSeconds.value} second, then
            move. Stop if it hurts more than usual.
          </p>
          {camera.phase === 'idle' ? (
            <Button className="coach-button" onClick={camera.start}>
              Start the camera
            </Button>
          ) : null}
        </section>
      ) : null}

      {camera.phase === 'failed' && camera.error !== undefined ? (
        <CameraProblemHelp error={camera.error} onRetry={camera.start} />
      ) : null}

      {stage === 'choose' || stage === 'measuring' ? (
        <CameraStage
          videoRef={camera.videoRef}
          canvasRef={camera.canvasRef}
          view={camera.view}
          label={`Camera picture for ${movementNames[movement]}`}
        />
      ) : null}

      {running && stage === 'choose' ? (
        <section className="panel" aria-labelledby="rom-framing-heading">
          <h2 id="rom-framing-heading" className="coach-heading">
            Setting up the picture
          </h2>
          {framing === undefined ? <p>Looking for you…</p> : <FramingList framing={framing} />}
          <Button
            className="coach-button"
            aria-disabled={framing?.ready !== true}
            onClick={() => {
              if (framing?.ready !== true) return;
              frames.current = [];
              setRecordedSeconds(0);
              go('measuring');
            }}
          >
            Start measuring
          </Button>
        </section>
      ) : null}

      {running && stage === 'measuring' ? (
        <section className="panel" aria-labelledby="rom-measuring-heading">
          <h2 id="rom-measuring-heading" className="coach-heading">
            Measuring
          </h2>
          <p aria-live="polite">
            {recordedSeconds < rangeOfMotionSettings.baselineSeconds.value
              ? 'Stand still…'
              : `Now: ${setup.how}`}
          </p>
          <Button className="coach-button" onClick={finish}>
            Finish
          </Button>
        </section>
      ) : null}

      {stage === 'result' && result !== undefined ? (
        <section className="panel" aria-labelledby="rom-result-heading">
          <h2 id="rom-result-heading" className="coach-heading">
            {movementNames[result.movement]}
          </h2>
          {result.ok ? (
            <>
              <p className="coach-count">
                <span className="coach-count-number">{Math.round(result.degrees)}°</span> from where
                you started
              </p>
              <p className="coach-muted">
                An estimate from the camera, not a clinical measurement.
              </p>
              {saveError === undefined ? null : (
                <p className="coach-error" role="alert">
                  {saveError}
                </p>
              )}
              <div className="coach-actions">
                <Button
                  className="coach-button"
                  busy={saving}
                  busyLabel="Saving"
                  onClick={() => {
                    save(result);
                  }}
                >
                  Save this measurement
                </Button>
                <Button variant="secondary" className="coach-button" onClick={again}>
                  Throw away
                </Button>
              </div>
            </>
          ) : (
            <>
              <p role="alert">{result.reason}</p>
              <Button className="coach-button" onClick={again}>
                Try again
              </Button>
            </>
          )}
        </section>
      ) : null}

      {stage === 'saved' && savedKey !== undefined ? (
        <section className="panel" aria-labelledby="rom-saved-heading">
          <h2 id="rom-saved-heading" className="coach-heading">
            Saved
          </h2>
          <p>
            Your measurement is saved. <SyncStatus entryKey={savedKey} />
          </p>
          <Button className="coach-button" onClick={again}>
            Measure another movement
          </Button>
        </section>
      ) : null}
    </div>
  );
}
