/**
 * "Exercise along": the figure's movement looped in time with the player's timer — it moves
 * while the timer runs and stops when it is paused. Someone who asks for less motion sees the
 * still starting position and the step to do, in words, instead.
 */
import type { Animation } from '@spinewise/clinical';
import { useEffect, useMemo, useState } from 'react';
import { describeMovement, drawAt, frameOf, labelAt } from '../../library/figure.js';

const REDUCED_MOTION = '(prefers-reduced-motion: reduce)';

export function prefersReducedMotion(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia(REDUCED_MOTION).matches;
}

export function AlongFigure({
  name,
  animation,
  running,
  stepText,
}: {
  readonly name: string;
  readonly animation: Animation;
  readonly running: boolean;
  /** The step to show beside a still figure. */
  readonly stepText?: string;
}) {
  const [reduced] = useState(prefersReducedMotion);
  const [seconds, setSeconds] = useState(0);
  const frame = useMemo(() => frameOf(animation), [animation]);

  useEffect(() => {
    if (!running || reduced || typeof window.requestAnimationFrame !== 'function') return undefined;
    let handle = 0;
    let last: number | null = null;
    const tick = (now: number) => {
      if (last !== null) {
        const step = (now - last) / 1000;
        setSeconds((current) => (current + step) % animation.cycleSeconds);
      }
      last = now;
      handle = window.requestAnimationFrame(tick);
    };
    handle = window.requestAnimationFrame(tick);
    return () => {
      window.cancelAnimationFrame(handle);
    };
  }, [running, reduced, animation]);

  const drawing = drawAt(animation, reduced ? 0 : seconds);
  const label = reduced ? undefined : labelAt(animation, seconds);
  const viewBox = `${frame.minX.toFixed(1)} ${frame.minY.toFixed(1)} ${frame.width.toFixed(1)} ${frame.height.toFixed(1)}`;
  return (
    <figure className="along-figure">
      <svg
        className="exercise-figure-svg"
        viewBox={viewBox}
        role="img"
        aria-label={describeMovement(name, animation)}
        data-moving={running && !reduced ? 'true' : 'false'}
      >
        <line
          className="figure-floor"
          x1={frame.minX}
          x2={frame.minX + frame.width}
          y1={0}
          y2={0}
        />
        <g className="figure-body">
          {drawing.bones.map((bone) => (
            <line
              key={bone.id}
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
      </svg>
      <figcaption className="along-figure-caption">
        {reduced ? (stepText ?? null) : label === undefined ? null : <>Now: {label}</>}
      </figcaption>
    </figure>
  );
}
