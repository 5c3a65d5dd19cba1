/**
 * The camera and the pose model together, for one page: start on the patient's press, then
 * frame after frame through the model, the skeleton drawn over the picture, and each frame's
 * landmarks handed to the page's analysis. One frame is in the model at a time, so a slow
 * phone analyses fewer frames rather than falling behind.
 */
import type { NormalizedLandmark, PoseFrame } from '@spinewise/clinical';
import { useCallback, useEffect, useRef, useState } from 'react';
import { startCamera, stopCamera, type CameraError } from './camera.js';
import { meanBrightness } from './framing.js';
import { drawSkeleton } from './overlay.js';
import {
  loadPoseModel,
  poseFileUrl,
  poseModelFiles,
  type PoseModel,
  type PoseModelChoice,
} from './pose-model.js';

export type CameraPhase = 'idle' | 'starting' | 'loading' | 'running' | 'failed';

export interface CameraFrame {
  /** The frame with its landmarks, or undefined when no person was found. */
  readonly frame?: PoseFrame;
  readonly timestampMs: number;
  /** Width over height of the picture. */
  readonly aspectRatio: number;
  /** Mean brightness, 0–255 (measured every few frames). */
  readonly brightness: number;
}

/** What the camera shows, as plain data for rendering. */
export interface CameraView {
  readonly phase: CameraPhase;
  /** Frames analysed per second, recently. */
  readonly fps?: number;
  /** The latest landmarks (for the overlay's words and the readout), or undefined. */
  readonly landmarks?: readonly NormalizedLandmark[];
  /** Width over height of the picture (4:3 until the camera says). */
  readonly aspectRatio: number;
  readonly frames: number;
}

export interface PoseCamera {
  readonly phase: CameraPhase;
  readonly error?: CameraError | Error;
  readonly view: CameraView;
  readonly videoRef: React.RefObject<HTMLVideoElement | null>;
  readonly canvasRef: React.RefObject<HTMLCanvasElement | null>;
  readonly start: () => void;
  readonly stop: () => void;
}

const BRIGHTNESS_EVERY = 5;

/** The other model is fetched once the first runs, so the service worker keeps both for offline use. */
function warmOtherModel(choice: PoseModelChoice): void {
  if (!('serviceWorker' in navigator) || navigator.serviceWorker.controller === null) return;
  if (!navigator.onLine) return;
  const other: PoseModelChoice = choice === 'lite' ? 'full' : 'lite';
  void fetch(poseFileUrl(poseModelFiles[other])).catch(() => undefined);
}

export function usePoseCamera(
  choice: PoseModelChoice,
  onFrame: (frame: CameraFrame) => void,
): PoseCamera {
  const videoRef = useRef<HTMLVideoElement | null>(null);
  const canvasRef = useRef<HTMLCanvasElement | null>(null);
  const [phase, setPhase] = useState<CameraPhase>('idle');
  const [error, setError] = useState<CameraError | Error | undefined>(undefined);
  const [fps, setFps] = useState<number | undefined>(undefined);
  const [landmarks, setLandmarks] = useState<readonly NormalizedLandmark[] | undefined>(undefined);
  const [aspectRatio, setAspectRatio] = useState(4 / 3);
  const [frames, setFrames] = useState(0);
  const onFrameRef = useRef(onFrame);
  const run = useRef(0);
  const stream = useRef<MediaStream | undefined>(undefined);
  const model = useRef<PoseModel | undefined>(undefined);

  useEffect(() => {
    onFrameRef.current = onFrame;
  }, [onFrame]);

  const stop = useCallback(() => {
    run.current += 1;
    stopCamera(stream.current);
    stream.current = undefined;
    const loaded = model.current;
    model.current = undefined;
    void loaded?.close().catch(() => undefined);
    setPhase('idle');
  }, []);

  const start = useCallback(() => {
    const video = videoRef.current;
    if (video === null) return;
    const id = (run.current += 1);
    setError(undefined);
    setPhase('starting');
    void (async () => {
      try {
        stream.current = await startCamera(video);
        if (run.current !== id) return;
        setPhase('loading');
        const loaded = model.current ?? (await loadPoseModel(choice));
        model.current = loaded;
        if (run.current !== id) return;
        warmOtherModel(choice);
        setPhase('running');
        setAspectRatio(video.videoWidth > 0 ? video.videoWidth / video.videoHeight : 4 / 3);
        const sampler = document.createElement('canvas');
        sampler.width = 32;
        sampler.height = 24;
        const sample = sampler.getContext('2d', { willReadFrequently: true });
        let brightness = 128;
        let count = 0;
        let rate: number | undefined;
        let last = performance.now();
        while (run.current === id) {
          if (video.readyState < 2 || video.videoWidth === 0) {
            await new Promise((resolve) => setTimeout(resolve, 50));
            continue;
          }
          const timestampMs = performance.now();
          if (count % BRIGHTNESS_EVERY === 0 && sample !== null) {
            sample.drawImage(video, 0, 0, sampler.width, sampler.height);
            brightness = meanBrightness(
              sample.getImageData(0, 0, sampler.width, sampler.height).data,
              1,
            );
          }
          const output = await loaded.detect(video, timestampMs);
          if (run.current !== id) break;
          count += 1;
          const now = performance.now();
          const instant = 1000 / Math.max(1, now - last);
          last = now;
          rate = rate === undefined ? instant : rate * 0.8 + instant * 0.2;
          const canvas = canvasRef.current;
          if (canvas !== null) {
            if (canvas.width !== video.videoWidth) canvas.width = video.videoWidth;
            if (canvas.height !== video.videoHeight) canvas.height = video.videoHeight;
            drawSkeleton(canvas, output.frame?.landmarks);
          }
          setLandmarks(output.frame?.landmarks);
          setFrames(count);
          if (count % 5 === 1) setFps(Math.round(rate * 10) / 10);
          onFrameRef.current({
            ...(output.frame === undefined ? {} : { frame: output.frame }),
            timestampMs,
            aspectRatio: video.videoWidth / video.videoHeight,
            brightness,
          });
          // Let the page draw between frames.
          await new Promise((resolve) => requestAnimationFrame(resolve));
        }
      } catch (caught) {
        if (run.current !== id) return;
        stopCamera(stream.current);
        stream.current = undefined;
        setError(caught instanceof Error ? caught : new Error('The camera coach could not start.'));
        setPhase('failed');
      }
    })();
  }, [choice]);

  useEffect(() => stop, [stop]);

  return {
    phase,
    ...(error === undefined ? {} : { error }),
    view: {
      phase,
      ...(fps === undefined ? {} : { fps }),
      ...(landmarks === undefined ? {} : { landmarks }),
      aspectRatio,
      frames,
    },
    videoRef,
    canvasRef,
    start,
    stop,
  };
}
