import { describe, expect, it } from 'vitest';
import { exerciseLibrary } from '../exercises/library/index.js';
import { standing, standingFront } from '../skeleton/poses.js';
import { jointAngles, type Pose, type View } from '../skeleton/skeleton.js';
import { bodyFromImage, bodyFromWorld, type Body } from './body.js';
import { defaultFigureCamera, figureLandmarks } from './figure-landmarks.js';
import { blazePoseIndex } from './landmarks.js';
import { leftAxis, measureAngle, measureDescriptions, measureIds } from './measures.js';

const aspect = defaultFigureCamera.aspectRatio;
const image = (pose: Pose, view: View, mirror = false, yaw = 0): Body =>
  bodyFromImage(
    figureLandmarks(pose, view, { ...defaultFigureCamera, mirror }, yaw).landmarks,
    aspect,
    0.5,
  );
const world = (pose: Pose, view: View, mirror = false, yaw = 0): Body =>
  bodyFromWorld(
    figureLandmarks(pose, view, { ...defaultFigureCamera, mirror }, yaw).worldLandmarks,
    0.5,
  );
const bend = (degrees: number): Pose => ({
  ...standing,
  lowerTrunk: 90 - degrees,
  upperTrunk: 90 - degrees,
  head: 90 - degrees,
});

describe('measures', () => {
  it('describes every measure', () => {
    for (const id of measureIds) expect(measureDescriptions[id].length).toBeGreaterThan(10);
  });

  it('gives the skeleton’s own joint angles for every keyframe of the side-view exercises', () => {
    for (const exercise of exerciseLibrary.filter((each) => each.animation.view === 'side')) {
      for (const { pose } of exercise.animation.keyframes) {
        const expected = jointAngles(pose, 'side');
        const body = image(pose, 'side');
        expect(measureAngle(body, 'leftKnee')).toBeCloseTo(expected.leftKnee, 4);
        expect(measureAngle(body, 'rightKnee')).toBeCloseTo(expected.rightKnee, 4);
        expect(measureAngle(body, 'leftHip')).toBeCloseTo(expected.leftHip, 4);
        expect(measureAngle(body, 'rightElbow')).toBeCloseTo(expected.rightElbow, 4);
        expect(measureAngle(body, 'leftShoulder')).toBeCloseTo(expected.leftShoulder, 4);
        expect(measureAngle(body, 'trunkFromVertical')).toBeCloseTo(expected.trunkFromVertical, 4);
      }
    }
  });

  it('agrees between image and world landmarks (within 1°) where depth plays no part', () => {
    for (const exercise of exerciseLibrary.filter((each) => each.animation.view === 'side')) {
      for (const { pose } of exercise.animation.keyframes) {
        for (const id of [
          'knee',
          'trunkFromVertical',
          'trunkFlexion',
          'neckFlexion',
          'bodyLineSag',
        ] as const) {
          const fromImage = measureAngle(image(pose, 'side'), id);
          const fromWorld = measureAngle(world(pose, 'side'), id);
          if (fromImage === undefined) continue;
          expect(Math.abs((fromWorld ?? Number.NaN) - fromImage)).toBeLessThan(1);
        }
      }
    }
  });

  it('signs trunk flexion forward-positive, whichever way the person faces', () => {
    for (const mirror of [false, true]) {
      expect(measureAngle(image(bend(60), 'side', mirror), 'trunkFlexion')).toBeCloseTo(60, 6);
      expect(measureAngle(image(bend(-20), 'side', mirror), 'trunkFlexion')).toBeCloseTo(-20, 6);
      expect(measureAngle(world(bend(60), 'side', mirror), 'trunkFlexion')).toBeCloseTo(60, 6);
      expect(leftAxis(image(standing, 'side', mirror))?.z).toBe(mirror ? 1 : -1);
    }
  });

  it('signs neck flexion chin-to-chest positive, like the skeleton', () => {
    const nodding: Pose = { ...standing, head: 60 };
    expect(measureAngle(image(nodding, 'side'), 'neckFlexion')).toBeCloseTo(
      jointAngles(nodding, 'side').neckFlexion,
      6,
    );
    expect(
      measureAngle(image({ ...standing, head: 110 }, 'side', true), 'neckFlexion'),
    ).toBeCloseTo(-20, 6);
  });

  it("signs side bending towards the person's left positive in a front view", () => {
    const towardsLeft: Pose = { ...standingFront, lowerTrunk: 75, upperTrunk: 75, head: 75 };
    expect(measureAngle(image(towardsLeft, 'front'), 'trunkSideBend')).toBeCloseTo(15, 6);
    expect(measureAngle(world(towardsLeft, 'front'), 'trunkSideBend')).toBeCloseTo(15, 6);
  });

  it('estimates neck rotation from the face in the picture and from world landmarks', () => {
    for (const yaw of [-50, -20, 0, 35, 60]) {
      expect(measureAngle(image(standingFront, 'front', false, yaw), 'neckRotation')).toBeCloseTo(
        yaw,
        6,
      );
      expect(measureAngle(world(standingFront, 'front', false, yaw), 'neckRotation')).toBeCloseTo(
        yaw,
        6,
      );
    }
  });

  it('measures the hip line against level for pelvis tilt', () => {
    const body: Body = {
      source: 'image',
      points: { leftHip: { x: 1, y: 0.1, z: 0 }, rightHip: { x: 0, y: 0, z: 0 } },
    };
    expect(measureAngle(body, 'pelvisTilt')).toBeCloseTo((Math.atan(0.1) * 180) / Math.PI, 6);
    expect(measureAngle(image(standingFront, 'front'), 'pelvisTilt')).toBeCloseTo(0, 6);
  });

  it('signs the body line: hips low positive, hips high negative', () => {
    const body = (hipY: number): Body => ({
      source: 'image',
      points: {
        leftShoulder: { x: 1, y: 0.3, z: 0 },
        leftHip: { x: 0.5, y: hipY, z: 0 },
        leftAnkle: { x: 0, y: 0.1, z: 0 },
      },
    });
    expect(measureAngle(body(0.2), 'bodyLineSag')).toBeCloseTo(0, 6);
    expect(measureAngle(body(0.1), 'bodyLineSag')).toBeGreaterThan(5);
    expect(measureAngle(body(0.3), 'bodyLineSag')).toBeLessThan(-5);
  });

  it('leaves out a landmark below the visibility threshold, and a measure that needs it', () => {
    const landmarks = figureLandmarks(standing, 'side').landmarks.map((point, index) =>
      index === blazePoseIndex.leftKnee ? { ...point, visibility: 0.2 } : point,
    );
    const body = bodyFromImage(landmarks, aspect, 0.5);
    expect(body.points.leftKnee).toBeUndefined();
    expect(measureAngle(body, 'leftKnee')).toBeUndefined();
    expect(measureAngle(body, 'knee')).toBeCloseTo(180, 6);
    const none = bodyFromImage(
      landmarks.map((point) => ({ ...point, visibility: 0 })),
      aspect,
      0.5,
    );
    for (const id of measureIds) expect(measureAngle(none, id)).toBeUndefined();
  });

  it('needs the picture’s aspect ratio: without it angles are skewed', () => {
    const hinged: Pose = { ...standing, lowerTrunk: 45, upperTrunk: 45 };
    const landmarks = figureLandmarks(hinged, 'side').landmarks;
    expect(measureAngle(bodyFromImage(landmarks, aspect, 0.5), 'trunkFromVertical')).toBeCloseTo(
      45,
      6,
    );
    expect(measureAngle(bodyFromImage(landmarks, 1, 0.5), 'trunkFromVertical')).not.toBeCloseTo(
      45,
      0,
    );
  });
});
