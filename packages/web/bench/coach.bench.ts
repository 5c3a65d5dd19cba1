/**
 * The camera coach's figures (issue 7): `npm run bench -w packages/web` (after `npm run build`;
 * needs Debian's `opencv-doc` and `ffmpeg`, as the coach's browser test does). Figures are
 * printed, never asserted.
 *
 * 1. The analysis per frame, excluding the model, in Node: every coached exercise's animation
 *    played through the synthetic camera (with noise) and fed to `CoachSession.push`, plus the
 *    page's own per-frame work (framing check, elbow and knee readout).
 * 2. The pose model's frames per second in headless Chromium on this machine: the real server
 *    and build, the coach page with the fake camera playing `basketball1.png`, then the model
 *    alone (lite and full) timed on the video element for `BENCH_FRAMES` frames each.
 *
 * Settings (environment): BENCH_FRAMES (30), BENCH_CYCLES (10).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CoachSession,
  coachRules,
  exerciseTimeline,
  getExercise,
  synthesiseFrames,
  type PoseFrame,
} from '@spinewise/clinical';
import { chromium } from 'playwright-core';
import { it } from 'vitest';
import { CHROMIUM, startHarness } from '../src/e2e/harness.js';
import { checkFraming, limbAngles, ruleMeasures } from '../src/patient-app/coach/framing.js';

function setting(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

const settings = { frames: setting('BENCH_FRAMES', 30), cycles: setting('BENCH_CYCLES', 10) };
const PHOTO = '/usr/share/doc/opencv-doc/examples/data/basketball1.png';
const DEMO_PATIENT = { email: 'patient@demo.spinewise.dev', password: 'demo-patient-2026' };

/** The part of MediaPipe's `Pose` the benchmark uses (the page's global, from our origin). */
interface PoseLike {
  setOptions(options: object): void;
  onResults(listener: (results: { poseLandmarks?: unknown[] }) => void): void;
  initialize(): Promise<void>;
  send(input: { image: HTMLVideoElement }): Promise<void>;
  close(): Promise<void>;
}

const print = (line = '') => {
  process.stdout.write(`${line}\n`);
};

function analysisPerFrame(): void {
  print('Analysis per frame, excluding the model (Node, synthetic frames with noise):');
  let allFrames = 0;
  let allMs = 0;
  for (const rule of coachRules) {
    const exercise = getExercise(rule.exerciseId);
    const frames: PoseFrame[] = synthesiseFrames(
      exerciseTimeline(exercise.animation, settings.cycles),
      { view: exercise.animation.view, noise: 0.003 },
    );
    const measures = ruleMeasures(rule);
    // One warm-up pass, so the timing is of compiled code.
    const warm = new CoachSession(rule, { aspectRatio: 4 / 3 });
    for (const frame of frames) warm.push(frame);
    const session = new CoachSession(rule, { aspectRatio: 4 / 3 });
    const started = performance.now();
    for (const frame of frames) {
      session.push(frame);
      checkFraming({
        landmarks: frame.landmarks,
        aspectRatio: 4 / 3,
        brightness: 128,
        view: rule.view,
        measures,
      });
      limbAngles(frame.landmarks, 4 / 3);
    }
    const ms = performance.now() - started;
    allFrames += frames.length;
    allMs += ms;
    print(
      `  ${rule.exerciseId.padEnd(24)} ${String(frames.length).padStart(5)} frames  ${(
        (ms / frames.length) *
        1000
      ).toFixed(1)} µs/frame`,
    );
  }
  print(
    `  all coached exercises: ${((allMs / allFrames) * 1000).toFixed(1)} µs/frame (${allFrames} frames)`,
  );
}

async function modelFramesPerSecond(): Promise<void> {
  if (!existsSync(PHOTO)) throw new Error(`Needs ${PHOTO} (apt-get install opencv-doc).`);
  const dir = mkdtempSync(join(tmpdir(), 'spinewise-coach-bench-'));
  const clip = join(dir, 'camera.y4m');
  execFileSync('ffmpeg', [
    '-v',
    'error',
    '-y',
    '-loop',
    '1',
    '-i',
    PHOTO,
    '-t',
    '2',
    '-r',
    '10',
    '-pix_fmt',
    'yuv420p',
    clip,
  ]);
  const harness = await startHarness();
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${clip}`,
    ],
  });
  try {
    const context = await browser.newContext({ baseURL: harness.server.url });
    const page = await context.newPage();
    await page.goto('/login');
    await page.getByLabel('Email address').fill(DEMO_PATIENT.email);
    await page.getByLabel('Password').fill(DEMO_PATIENT.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/app$/u);
    await page.goto('/app/coach/sit-to-stand');
    await page.getByRole('button', { name: 'Start the camera' }).click();
    const stage = page.locator('figure.coach-stage');
    await stage.and(page.locator('[data-person="yes"]')).waitFor({ timeout: 300_000 });
    await page.waitForFunction(
      () => Number(document.querySelector('figure.coach-stage')?.getAttribute('data-frames')) > 10,
      undefined,
      { timeout: 300_000 },
    );
    print();
    print(
      `Coach page loop (model + analysis + overlay, lite model): ${(await stage.getAttribute('data-fps')) ?? '?'} frames/s`,
    );
    // Then the model alone: on a page that does not run the coach, the same camera in a video
    // element of its own and the model script from our origin.
    await page.goto('/app/coach/range');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.evaluate(async () => {
      const script = document.createElement('script');
      script.src = '/mediapipe/pose/pose.js';
      await new Promise((resolve, reject) => {
        script.onload = resolve;
        script.onerror = reject;
        document.head.append(script);
      });
      const video = document.createElement('video');
      video.muted = true;
      video.srcObject = await navigator.mediaDevices.getUserMedia({ video: true });
      document.body.append(video);
      await video.play();
    });
    for (const complexity of [0, 1] as const) {
      const result = await page.evaluate(
        async ({ complexity, frames }) => {
          const PoseClass = (
            window as unknown as {
              Pose: new (config: { locateFile: (file: string) => string }) => PoseLike;
            }
          ).Pose;
          const video = document.querySelector('body > video');
          if (!(video instanceof HTMLVideoElement)) throw new Error('no video');
          const pose = new PoseClass({ locateFile: (file) => `/mediapipe/pose/${file}` });
          pose.setOptions({ modelComplexity: complexity, smoothLandmarks: false });
          let found = 0;
          pose.onResults((results) => {
            if (results.poseLandmarks !== undefined) found += 1;
          });
          await pose.initialize();
          await pose.send({ image: video });
          const started = performance.now();
          for (let index = 0; index < frames; index += 1) await pose.send({ image: video });
          const ms = performance.now() - started;
          await pose.close();
          return { fps: (frames * 1000) / ms, found };
        },
        { complexity, frames: settings.frames },
      );
      print(
        `Model alone, ${complexity === 0 ? 'lite' : 'full'}: ${result.fps.toFixed(2)} frames/s over ${settings.frames} frames (person found in ${result.found})`,
      );
    }
    await context.close();
  } finally {
    await browser.close();
    await harness.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

it('measures the camera coach', { timeout: 3_600_000 }, async () => {
  print();
  print('Spinewise web benchmark: the camera coach');
  analysisPerFrame();
  await modelFramesPerSecond();
  print('(Headless Chromium with --disable-gpu runs WebGL on SwiftShader, on the CPU: a phone');
  print(' with a GPU is faster. The machine is shared, so figures vary from run to run.)');
});
