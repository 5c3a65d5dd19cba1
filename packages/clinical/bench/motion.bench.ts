// Time per frame of the camera coach's analysis (excluding the pose model), for the record (no
// thresholds): One Euro smoothing of 33 + 33 landmarks, the angles the rule needs, and the
// repetition counter, hold timer and form checker — one frame of a noisy synthetic sequence.
import { bench, describe } from 'vitest';
import {
  CoachSession,
  analyseSet,
  defaultFigureCamera,
  exerciseTimeline,
  getCoachRule,
  getExercise,
  seededRandom,
  synthesiseFrames,
  type CoachRule,
  type PoseFrame,
} from '@spinewise/clinical';

const tracking = { aspectRatio: defaultFigureCamera.aspectRatio };

function sequence(exerciseId: string): { rule: CoachRule; frames: PoseFrame[] } {
  const rule = getCoachRule(exerciseId);
  if (rule === undefined) throw new Error(`${exerciseId} is not coached`);
  const frames = synthesiseFrames(exerciseTimeline(getExercise(exerciseId).animation, 4), {
    view: rule.view,
    noise: 0.004,
    random: seededRandom(1),
  });
  return { rule, frames };
}

/** A session fed frame after frame, the sequence looping with ever-later timestamps. */
function streaming(exerciseId: string, source: 'image' | 'world' = 'image') {
  const { rule, frames } = sequence(exerciseId);
  const session = new CoachSession(rule, { ...tracking, source });
  let index = 0;
  return () => {
    const frame = frames[index % frames.length] as PoseFrame;
    session.push({ ...frame, timestampMs: (index * 1000) / 30 });
    index += 1;
  };
}

describe('motion pipeline: one frame (smoothing + angles + analysers)', () => {
  bench('sit-to-stand (reps, 2 form checks), image landmarks', streaming('sit-to-stand'));
  bench('plank (hold, 2 form checks), image landmarks', streaming('plank'));
  bench('bird-dog (hold, 3 form checks), world landmarks', streaming('bird-dog', 'world'));
});

const whole = sequence('sit-to-stand');
describe('motion pipeline: a whole set', () => {
  bench(`sit-to-stand, 4 repetitions = ${whole.frames.length} frames at 30 fps`, () => {
    analyseSet(whole.rule, whole.frames, tracking);
  });
});
