/**
 * The pose model (MediaPipe Pose, BlazePose) loaded from our own origin, only when the coach
 * opens. The build copies the package's files to `/mediapipe/pose/` (vite.config.ts); nothing
 * is fetched from anywhere else. `pose.js` is a classic script that defines `window.Pose`, so it
 * is added as a `<script>` from our origin (the CSP allows `'self'`); the WebAssembly it runs
 * needs `'wasm-unsafe-eval'` in the server's CSP (packages/server/src/http/app.ts).
 *
 * Frames go from the `<video>` to the model in the page's memory and nowhere else.
 */
import type { NormalizedLandmark, PoseFrame, WorldLandmark } from '@spinewise/clinical';
import type { Pose, Results } from '@mediapipe/pose';

/** Where the build puts the package's files. */
export const POSE_BASE = '/mediapipe/pose/';
/** The package version, in every file's address, so a new release never mixes with cached files. */
export const POSE_VERSION = '0.5.1675469404';

/** `lite`: quicker, for most phones; `full`: more accurate, slower. (Not `heavy`: too slow.) */
export type PoseModelChoice = 'lite' | 'full';

export const poseModelFiles: Readonly<Record<PoseModelChoice, string>> = {
  lite: 'pose_landmark_lite.tflite',
  full: 'pose_landmark_full.tflite',
};

/** The address of one of the package's files on our origin. */
export function poseFileUrl(file: string): string {
  return `${POSE_BASE}${file}?v=${POSE_VERSION}`;
}

type PoseConstructor = new (config: { locateFile: (file: string) => string }) => Pose;

let script: Promise<PoseConstructor> | undefined;

function loadScript(): Promise<PoseConstructor> {
  script ??= new Promise<PoseConstructor>((resolve, reject) => {
    const existing = (window as unknown as { Pose?: PoseConstructor }).Pose;
    if (existing !== undefined) {
      resolve(existing);
      return;
    }
    const element = document.createElement('script');
    element.src = poseFileUrl('pose.js');
    element.async = true;
    element.onload = () => {
      const loaded = (window as unknown as { Pose?: PoseConstructor }).Pose;
      if (loaded === undefined) reject(new Error('The pose model script did not start.'));
      else resolve(loaded);
    };
    element.onerror = () => {
      reject(new Error('The pose model could not be downloaded.'));
    };
    document.head.append(element);
  }).catch((error: unknown) => {
    script = undefined;
    throw error;
  });
  return script;
}

/** What one frame through the model gave: the landmarks in our core's shape, if a person was found. */
export interface PoseOutput {
  readonly frame?: PoseFrame;
}

/** A loaded model: send a video frame, get its landmarks. One frame at a time. */
export interface PoseModel {
  readonly choice: PoseModelChoice;
  detect(video: HTMLVideoElement, timestampMs: number): Promise<PoseOutput>;
  close(): Promise<void>;
}

function toLandmarks(list: Results['poseLandmarks']): NormalizedLandmark[] {
  return list.map((point) => ({
    x: point.x,
    y: point.y,
    z: point.z,
    visibility: point.visibility ?? 0,
  }));
}

function toWorld(list: Results['poseWorldLandmarks'] | undefined): WorldLandmark[] | undefined {
  return list?.map((point) => ({
    x: point.x,
    y: point.y,
    z: point.z,
    visibility: point.visibility ?? 0,
  }));
}

/** Downloads (first time) and starts the model. Rejects with a plain message if it cannot. */
export async function loadPoseModel(choice: PoseModelChoice): Promise<PoseModel> {
  const PoseClass = await loadScript();
  const pose = new PoseClass({ locateFile: (file) => poseFileUrl(file) });
  pose.setOptions({
    modelComplexity: choice === 'lite' ? 0 : 1,
    // Our own One Euro smoothing runs in the clinical core; the model's would smooth twice.
    smoothLandmarks: false,
    enableSegmentation: false,
    minDetectionConfidence: 0.5,
    minTrackingConfidence: 0.5,
  });
  let latest: Results | undefined;
  pose.onResults((results) => {
    latest = results;
  });
  await pose.initialize();
  return {
    choice,
    async detect(video, timestampMs) {
      latest = undefined;
      await pose.send({ image: video });
      const results = latest as Results | undefined;
      const landmarks = results?.poseLandmarks;
      if (landmarks === undefined || landmarks.length === 0) return {};
      const world = toWorld(results?.poseWorldLandmarks);
      return {
        frame: {
          timestampMs,
          landmarks: toLandmarks(landmarks),
          ...(world === undefined ? {} : { worldLandmarks: world }),
        },
      };
    },
    close: () => pose.close(),
  };
}
