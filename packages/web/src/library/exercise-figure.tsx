/**
 * An exercise's animated stick figure: the clinical core's keyframes, eased one into the next on
 * every animation frame. Someone who asks for reduced motion gets a still figure (the starting
 * position) and the key positions side by side; anyone can pause or play it.
 */
import type { Animation } from '@spinewise/clinical';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Button } from '../ui/button.js';
import {
  describeMovement,
  drawAt,
  drawPose,
  frameOf,
  labelAt,
  type FigureDrawing,
} from './figure.js';

const REDUCED_MOTION = '(prefers-reduced-motion: reduce)';

function prefersReducedMotion(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia(REDUCED_MOTION).matches;
}

/** Whether the person has asked for less motion, kept up to date. */
function useReducedMotion(): boolean {
  const [reduced, setReduced] = useState(prefersReducedMotion);
  useEffect(() => {
    if (typeof window.matchMedia !== 'function') return undefined;
    const query = window.matchMedia(REDUCED_MOTION);
    const update = () => {
      setReduced(query.matches);
    };
    query.addEventListener('change', update);
    return () => {
      query.removeEventListener('change', update);
    };
  }, []);
  return reduced;
}

function Figure({ drawing }: { readonly drawing: FigureDrawing }) {
  return (
    <g className="figure-body">
      {drawing.bones.map((bone) => (
        <line
          key={bone.id}
          data-bone={bone.id}
          x1={bone.from.x.toFixed(2)}
          y1={bone.from.y.toFixed(2)}
          x2={bone.to.x.toFixed(2)}
          y2={bone.to.y.toFixed(2)}
        />
      ))}
      <circle
        cx={drawing.head.centre.x.toFixed(2)}
        cy={drawing.head.centre.y.toFixed(2)}
        r={drawing.head.radius}
      />
    </g>
  );
}

export function ExerciseFigure({
  name,
  animation,
  autoPlay = true,
}: {
  readonly name: string;
  readonly animation: Animation;
  /** Whether it starts moving by itself (never when less motion is asked for). */
  readonly autoPlay?: boolean;
}) {
  const reduced = useReducedMotion();
  // Until the person presses play or pause, the figure moves unless they asked for less motion.
  const [choice, setChoice] = useState<boolean | null>(null);
  const playing = choice ?? (autoPlay && !reduced);
  const [seconds, setSeconds] = useState(0);
  const secondsRef = useRef(0);
  const frame = useMemo(() => frameOf(animation), [animation]);
  const description = useMemo(() => describeMovement(name, animation), [name, animation]);

  useEffect(() => {
    if (!playing) return undefined;
    let handle = 0;
    let last: number | null = null;
    const tick = (now: number) => {
      if (last !== null) {
        secondsRef.current = (secondsRef.current + (now - last) / 1000) % animation.cycleSeconds;
        setSeconds(secondsRef.current);
      }
      last = now;
      handle = window.requestAnimationFrame(tick);
    };
    handle = window.requestAnimationFrame(tick);
    return () => {
      window.cancelAnimationFrame(handle);
    };
  }, [playing, animation]);

  const drawing = drawAt(animation, seconds);
  const label = labelAt(animation, seconds);
  const viewBox = `${frame.minX.toFixed(1)} ${frame.minY.toFixed(1)} ${frame.width.toFixed(1)} ${frame.height.toFixed(1)}`;
  const keyPositions = animation.keyframes.filter(
    (keyframe, index) =>
      index === animation.keyframes.findIndex((other) => other.label === keyframe.label),
  );

  return (
    <figure className="exercise-figure">
      <div className="exercise-figure-stage">
        <svg
          className="exercise-figure-svg"
          viewBox={viewBox}
          role="img"
          aria-label={description}
          data-playing={playing ? 'true' : 'false'}
        >
          <line
            className="figure-floor"
            x1={frame.minX}
            x2={frame.minX + frame.width}
            y1={0}
            y2={0}
          />
          <Figure drawing={drawing} />
        </svg>
      </div>
      <figcaption className="exercise-figure-caption">
        <Button
          variant="secondary"
          aria-pressed={playing}
          onClick={() => {
            setChoice(!playing);
          }}
        >
          {playing ? 'Pause the movement' : 'Play the movement'}
        </Button>
        {label === undefined ? null : (
          <span className="exercise-figure-label">
            Now: <strong>{label}</strong>
          </span>
        )}
      </figcaption>
      {reduced && keyPositions.length > 1 ? (
        <div className="exercise-figure-positions">
          <p className="field-hint">The key positions, one after the other:</p>
          <ol className="figure-positions">
            {keyPositions.map((keyframe) => (
              <li key={`${keyframe.at}`}>
                <svg viewBox={viewBox} aria-hidden="true" className="figure-position-svg">
                  <Figure drawing={drawPose(keyframe.pose, animation.view)} />
                </svg>
                <span>{keyframe.label ?? `at ${keyframe.at} s`}</span>
              </li>
            ))}
          </ol>
        </div>
      ) : null}
    </figure>
  );
}
