import { describe, expect, it } from 'vitest';
import { crookLying, proneLying, quadruped, sitting, standing } from './poses.js';
import {
  angleAt,
  angleDifference,
  jointAngles,
  landmarks,
  landmarkIds,
  mixPoses,
  poseAt,
  type Animation,
  type Pose,
} from './skeleton.js';

const lowest = (pose: Pose) =>
  Math.min(...Object.values(landmarks(pose, 'side')).map((point) => point.y));

describe('skeleton', () => {
  it('stands upright with straight joints', () => {
    const angles = jointAngles(standing, 'side');
    expect(angles.leftKnee).toBeCloseTo(180);
    expect(angles.leftHip).toBeCloseTo(180);
    expect(angles.leftElbow).toBeCloseTo(180);
    expect(angles.trunkFromVertical).toBeCloseTo(0);
    expect(angles.spineFlexion).toBeCloseTo(0);
    expect(landmarks(standing, 'side').leftAnkle.y).toBeCloseTo(0);
    expect(landmarks(standing, 'side').head.y).toBeCloseTo(0.49 + 0.3 + 0.13);
  });

  it('puts every starting pose on the floor, nothing below it', () => {
    for (const pose of [standing, sitting, crookLying, proneLying, quadruped]) {
      expect(lowest(pose)).toBeGreaterThan(-0.01);
      expect(lowest(pose)).toBeLessThan(0.03);
    }
  });

  it('bends the knees and hips of a sitting figure to about 90°', () => {
    const angles = jointAngles(sitting, 'side');
    expect(angles.leftKnee).toBeCloseTo(90);
    expect(angles.leftHip).toBeCloseTo(90);
  });

  it('signs spinal flexion positive and extension negative for a figure facing right', () => {
    const cat: Pose = { ...quadruped, lowerTrunk: 35, upperTrunk: 0 };
    const pressUp: Pose = { ...proneLying, upperTrunk: 30 };
    const curlUp: Pose = { ...crookLying, upperTrunk: 150 };
    expect(jointAngles(cat, 'side').spineFlexion).toBeCloseTo(35);
    expect(jointAngles(pressUp, 'side').spineFlexion).toBeCloseTo(-30);
    expect(jointAngles(curlUp, 'side').spineFlexion).toBeCloseTo(30);
    expect(jointAngles({ ...standing, head: 70 }, 'side').neckFlexion).toBeCloseTo(20);
  });

  it('spreads the shoulders and hips in a front view', () => {
    const points = landmarks(standing, 'front');
    expect(points.leftShoulder.x - points.rightShoulder.x).toBeCloseTo(0.22);
    expect(points.leftHip.x - points.rightHip.x).toBeCloseTo(0.16);
    expect(landmarkIds).toHaveLength(Object.keys(points).length);
  });

  it('measures angles and differences the short way round', () => {
    expect(angleDifference(350, 10)).toBeCloseTo(20);
    expect(angleDifference(10, 350)).toBeCloseTo(-20);
    expect(angleDifference(0, 180)).toBe(180);
    expect(angleAt({ x: 1, y: 0 }, { x: 0, y: 0 }, { x: 0, y: 1 })).toBeCloseTo(90);
  });

  it('interpolates poses and loops animations', () => {
    const bent: Pose = { ...standing, lowerTrunk: 60, upperTrunk: 40 };
    expect(mixPoses(standing, bent, 0.5).upperTrunk).toBeCloseTo(65);
    expect(mixPoses({ ...standing, head: 350 }, { ...standing, head: 10 }, 0.5).head).toBeCloseTo(
      360,
    );
    const animation: Animation = {
      view: 'side',
      cycleSeconds: 4,
      keyframes: [
        { at: 0, pose: standing },
        { at: 2, pose: bent },
      ],
    };
    expect(poseAt(animation, 0).upperTrunk).toBeCloseTo(90);
    expect(poseAt(animation, 2).upperTrunk).toBeCloseTo(40);
    expect(poseAt(animation, 1).upperTrunk).toBeCloseTo(65);
    expect(poseAt(animation, 3).upperTrunk).toBeCloseTo(65); // back towards the start
    expect(poseAt(animation, 6).upperTrunk).toBeCloseTo(40); // loops
    expect(poseAt(animation, -2).upperTrunk).toBeCloseTo(40);
  });
});
