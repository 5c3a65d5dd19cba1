/**
 * The phone's camera for the coach: asked for only when the patient presses the button, and
 * every way it can fail put into words the patient can act on. The stream stays in the page;
 * it is stopped when the coach closes.
 */

export type CameraProblem = 'denied' | 'none' | 'busy' | 'unsupported' | 'other';

export class CameraError extends Error {
  readonly problem: CameraProblem;
  constructor(problem: CameraProblem, message: string) {
    super(message);
    this.problem = problem;
  }
}

/** What to tell the patient for each problem, and what they can do about it. */
export const cameraHelp: Readonly<
  Record<CameraProblem, { title: string; help: readonly string[] }>
> = {
  denied: {
    title: 'The camera is turned off for Spinewise',
    help: [
      'Your phone said no when we asked to use the camera.',
      'To turn it on: open your browser’s settings for this site (often the lock or “i” beside the address), find Camera and choose Allow. Then press “Try again”.',
      'You can always do your exercises without the camera and log them yourself.',
    ],
  },
  none: {
    title: 'No camera was found',
    help: [
      'This device does not seem to have a camera we can use.',
      'You can do your exercises without the camera and log them yourself.',
    ],
  },
  busy: {
    title: 'The camera is busy',
    help: [
      'Another app may be using the camera. Close it (for example a video call), then press “Try again”.',
    ],
  },
  unsupported: {
    title: 'This browser cannot use the camera here',
    help: [
      'The camera works only on a secure connection and in an up-to-date browser.',
      'Try opening Spinewise in your phone’s usual browser, or log your exercises yourself.',
    ],
  },
  other: {
    title: 'The camera did not start',
    help: ['Something went wrong while starting the camera. Press “Try again”.'],
  },
};

function classify(error: unknown): CameraError {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return new CameraError('denied', 'Camera permission was refused.');
    case 'NotFoundError':
    case 'OverconstrainedError':
      return new CameraError('none', 'No camera was found.');
    case 'NotReadableError':
    case 'AbortError':
      return new CameraError('busy', 'The camera could not be opened.');
    default:
      return new CameraError('other', 'The camera did not start.');
  }
}

/** Opens the camera (front camera first: the patient sees themselves) and plays it in `video`. */
export async function startCamera(video: HTMLVideoElement): Promise<MediaStream> {
  if (!('mediaDevices' in navigator)) {
    throw new CameraError('unsupported', 'getUserMedia is not available.');
  }
  let stream: MediaStream;
  try {
    stream = await navigator.mediaDevices.getUserMedia({
      audio: false,
      video: { facingMode: 'user', width: { ideal: 640 }, height: { ideal: 480 } },
    });
  } catch (error) {
    throw classify(error);
  }
  video.srcObject = stream;
  video.muted = true;
  video.playsInline = true;
  try {
    await video.play();
  } catch (error) {
    stopCamera(stream);
    throw classify(error);
  }
  if (video.videoWidth === 0) {
    await new Promise<void>((resolve) => {
      video.addEventListener(
        'loadedmetadata',
        () => {
          resolve();
        },
        { once: true },
      );
    });
  }
  return stream;
}

export function stopCamera(stream: MediaStream | undefined): void {
  for (const track of stream?.getTracks() ?? []) track.stop();
}
