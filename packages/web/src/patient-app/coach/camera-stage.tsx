/**
 * The camera picture with the skeleton over it, what the camera is doing in words, and the
 * help when it cannot start. The `data-…` attributes on the picture are a readout for the
 * browser test (a person found, frames analysed, the elbow and knee angles); they are not shown.
 */
import type { RefObject } from 'react';
import { CameraError, cameraHelp } from './camera.js';
import type { Framing } from './framing.js';
import { limbAngles } from './framing.js';
import type { CameraView } from './use-pose-camera.js';

export const PRIVACY_SENTENCE =
  'The camera picture stays on this phone: nothing is recorded or sent, only the numbers you choose to save.';

export function CameraStage({
  videoRef,
  canvasRef,
  view,
  label,
}: {
  readonly videoRef: RefObject<HTMLVideoElement | null>;
  readonly canvasRef: RefObject<HTMLCanvasElement | null>;
  readonly view: CameraView;
  readonly label: string;
}) {
  const angles = view.landmarks === undefined ? {} : limbAngles(view.landmarks, view.aspectRatio);
  const hidden = view.phase === 'idle' || view.phase === 'failed';
  return (
    <figure
      className={`coach-stage${hidden ? ' coach-stage--hidden' : ''}`}
      data-person={view.landmarks === undefined ? 'no' : 'yes'}
      data-frames={view.frames}
      data-angles={JSON.stringify(angles)}
      data-fps={view.fps ?? ''}
    >
      <div className="coach-picture">
        {/* A mirror image, as people expect of a front camera; the numbers are not mirrored. */}
        <video ref={videoRef} className="coach-video" muted playsInline aria-label={label} />
        <canvas ref={canvasRef} className="coach-overlay" aria-hidden="true" />
      </div>
      <figcaption className="coach-caption">
        {view.phase === 'starting' ? 'Starting the camera…' : null}
        {view.phase === 'loading'
          ? 'Getting the coach ready… The first time, this downloads about 12 MB.'
          : null}
        {view.phase === 'running'
          ? view.landmarks === undefined
            ? 'Looking for you…'
            : 'The lines show what the coach sees.'
          : null}
      </figcaption>
    </figure>
  );
}

/** Why the camera did not start, and what to do. */
export function CameraProblemHelp({
  error,
  onRetry,
}: {
  readonly error: Error;
  readonly onRetry: () => void;
}) {
  const help =
    error instanceof CameraError
      ? cameraHelp[error.problem]
      : {
          title: 'The coach could not start',
          help: [
            'The coach needs to download its files the first time, with a connection. Check that you are online, then try again.',
          ],
        };
  return (
    <div className="coach-problem" role="alert">
      <p className="coach-problem-title">{help.title}</p>
      {help.help.map((line) => (
        <p key={line}>{line}</p>
      ))}
      <button type="button" className="button button--primary coach-button" onClick={onRetry}>
        Try again
      </button>
    </div>
  );
}

/** The framing checklist: each item in words with a mark, never colour alone. */
export function FramingList({ framing }: { readonly framing: Framing }) {
  return (
    <ul className="coach-framing" aria-label="Camera set-up">
      {framing.items.map((item) => (
        <li key={item.id} className={item.ok ? 'coach-framing-ok' : 'coach-framing-todo'}>
          <span aria-hidden="true">{item.ok ? '✓ ' : '○ '}</span>
          <span className="visually-hidden">{item.ok ? 'Done: ' : 'To do: '}</span>
          {item.text}
        </li>
      ))}
    </ul>
  );
}
