import { crookLying, sitting } from '../../skeleton/poses.js';
import type { Pose } from '../../skeleton/skeleton.js';
import type { Exercise } from '../exercise.js';

/** Crook lying with the left hand resting on the belly (the right stays by the side). */
const handOnBelly: Pose = {
  ...crookLying,
  left: { ...crookLying.left, upperArm: 341, forearm: 21 },
};

/** Lying on the back with the legs straight, toes pointing up, arms by the sides. */
const supineLegsStraight: Pose = {
  ...crookLying,
  left: { upperArm: 355, forearm: 0, thigh: 0, shin: 0, foot: 80 },
  right: { upperArm: 355, forearm: 0, thigh: 0, shin: 0, foot: 80 },
};

/** Relaxation and breathing. */
export const relaxationExercises: readonly Exercise[] = [
  {
    id: 'diaphragmatic-breathing',
    name: 'Belly breathing',
    region: 'general',
    aims: ['relaxation'],
    equipment: ['mat'],
    position: 'supine',
    movement: {
      directions: ['neutral'],
      endRange: false,
      sustained: false,
      load: 'unloaded',
      rotationForce: 'none',
      gentleIsometric: false,
    },
    dosage: {
      kind: 'duration',
      default: { sets: 1, minutes: 5, perDay: 1, daysPerWeek: 7 },
      bounds: {
        sets: { min: 1, max: 1, step: 1 },
        minutes: { min: 3, max: 10, step: 1 },
        perDay: { min: 1, max: 3 },
        daysPerWeek: { min: 3, max: 7 },
      },
      progressionOrder: ['minutes'],
      secondsPerRep: 10,
      restSeconds: 0,
      rationale:
        'A few minutes of slow breathing, once or more a day (default: no evidence sets the dose). Breathing exercise is allowed from the start after spinal surgery.',
      sources: ['S-FUSION'],
    },
    chain: 'diaphragmatic-breathing',
    level: 1,
    regression: null,
    progression: null,
    summary: 'Slow, deep breathing into your belly to calm your body and ease tense back muscles.',
    steps: [
      'Lie on your back with your knees bent and your feet flat, with a pillow under your head if you like.',
      'Rest one hand on your chest and the other on your belly, just below your ribs.',
      'Breathe in slowly through your nose and let your belly rise under your hand, while your chest stays almost still.',
      'Breathe out slowly through your mouth and let your belly sink back down.',
      'Keep going at a slow, easy pace for the minutes in your plan.',
    ],
    cues: [
      'The hand on your belly moves; the hand on your chest barely does.',
      'Make the breath out a little longer than the breath in.',
      'Let your shoulders, jaw and hands go soft.',
    ],
    mistakes: [
      'Forcing very big breaths.',
      'Lifting your shoulders and chest as you breathe in.',
      'Breathing fast.',
    ],
    feel: 'Calmer and looser, with your belly gently rising and falling.',
    stopIf: [
      'You feel dizzy, light-headed or tingly in your fingers (breathe normally for a minute, then go more gently).',
      'Lying on your back is painful (try it sitting in a chair instead).',
    ],
    precautions: [],
    animation: {
      view: 'side',
      cycleSeconds: 10,
      keyframes: [
        { at: 0, pose: handOnBelly, label: 'breathe out' },
        { at: 4, pose: { ...handOnBelly, upperTrunk: 178 }, label: 'breathe in' },
      ],
    },
    sources: ['S-JOSPT', 'S-FUSION'],
  },
  {
    id: 'progressive-muscle-relaxation',
    name: 'Progressive muscle relaxation',
    region: 'general',
    aims: ['relaxation'],
    equipment: ['mat', 'pillow'],
    position: 'supine',
    movement: {
      directions: ['neutral'],
      endRange: false,
      sustained: false,
      load: 'unloaded',
      rotationForce: 'none',
      gentleIsometric: false,
    },
    dosage: {
      kind: 'duration',
      default: { sets: 1, minutes: 10, perDay: 1, daysPerWeek: 7 },
      bounds: {
        sets: { min: 1, max: 1, step: 1 },
        minutes: { min: 5, max: 20, step: 5 },
        perDay: { min: 1, max: 2 },
        daysPerWeek: { min: 3, max: 7 },
      },
      progressionOrder: ['minutes'],
      secondsPerRep: 15,
      restSeconds: 0,
      rationale:
        'About 10 minutes, once a day (default: no evidence sets the dose); a mind–body approach, offered alongside exercise.',
      sources: ['S-JOSPT', 'S-NICE'],
    },
    chain: 'progressive-muscle-relaxation',
    level: 1,
    regression: null,
    progression: null,
    summary:
      'Gently tightens and then lets go of one muscle group at a time, to help your whole body relax.',
    steps: [
      'Lie comfortably on your back, with a pillow under your head and one under your knees if you like.',
      'Take a few slow breaths.',
      'Start with your feet: pull your toes up gently, at about half effort, and hold for about five seconds.',
      'Let go all at once and notice the muscles softening for ten or fifteen seconds.',
      'Work slowly up your body in the same way: calves, thighs, buttocks, hands, arms, shoulders and face.',
      'Finish with a few slow breaths before you get up.',
    ],
    cues: [
      'Tighten gently; it should never cramp or hurt.',
      'Keep breathing while you tighten.',
      'Skip any area that is painful.',
    ],
    mistakes: [
      'Squeezing as hard as you can.',
      'Holding your breath while you tighten.',
      'Rushing from one muscle group to the next.',
    ],
    feel: 'Heavier, warmer and more relaxed, with less tension in your back and shoulders.',
    stopIf: [
      'A muscle cramps (let it go, and tighten more gently next time).',
      'Tightening a muscle brings on pain above 5 out of 10.',
    ],
    precautions: [
      {
        when: 'postSurgeryNotCleared',
        effect: 'avoid',
        note: 'Tensing muscle groups in turn, the trunk included, is more than gentle activation: not before the surgeon clears rehabilitation.',
        sources: ['S-FUSION'],
      },
    ],
    animation: {
      view: 'side',
      cycleSeconds: 15,
      keyframes: [
        { at: 0, pose: supineLegsStraight, label: 'relaxed' },
        {
          at: 1,
          pose: {
            ...supineLegsStraight,
            left: { ...supineLegsStraight.left, forearm: 8, foot: 100 },
            right: { ...supineLegsStraight.right, forearm: 8, foot: 100 },
          },
          label: 'tighten',
        },
        {
          at: 5,
          pose: {
            ...supineLegsStraight,
            left: { ...supineLegsStraight.left, forearm: 8, foot: 100 },
            right: { ...supineLegsStraight.right, forearm: 8, foot: 100 },
          },
          label: 'hold',
        },
        { at: 6, pose: supineLegsStraight, label: 'let go' },
      ],
    },
    sources: ['S-JOSPT', 'S-NICE'],
  },
  {
    id: 'relaxed-breathing-seated',
    name: 'Slow breathing in a chair',
    region: 'general',
    aims: ['relaxation'],
    equipment: ['chair'],
    position: 'sitting',
    movement: {
      directions: ['neutral'],
      endRange: false,
      sustained: false,
      // Sitting back in a supported chair, breathing only: counts as breathing before surgical
      // clearance [S-FUSION].
      load: 'unloaded',
      rotationForce: 'none',
      gentleIsometric: false,
    },
    dosage: {
      kind: 'duration',
      default: { sets: 1, minutes: 3, perDay: 2, daysPerWeek: 7 },
      bounds: {
        sets: { min: 1, max: 1, step: 1 },
        minutes: { min: 2, max: 10, step: 1 },
        perDay: { min: 1, max: 4 },
        daysPerWeek: { min: 3, max: 7 },
      },
      progressionOrder: ['minutes'],
      secondsPerRep: 10,
      restSeconds: 0,
      rationale:
        'A few minutes, a few times a day and whenever pain or stress builds up (default: no evidence sets the dose).',
      sources: ['S-JOSPT'],
    },
    chain: 'relaxed-breathing-seated',
    level: 1,
    regression: null,
    progression: null,
    summary:
      'Slow breathing with a long breath out, to settle your body whenever pain or stress builds up.',
    steps: [
      'Sit well back in a chair with your feet flat on the floor and your hands resting on your thighs.',
      'Let your shoulders drop and your jaw loosen.',
      'Breathe in gently through your nose for a slow count of about four.',
      'Breathe out slowly through your mouth for a count of about six, longer than the breath in.',
      'Carry on for the minutes in your plan.',
    ],
    cues: [
      'The long, slow breath out is what helps you settle.',
      'Breathe quietly; there is no need for big breaths.',
      'You can do this anywhere: at work, in the car when parked, before bed.',
    ],
    mistakes: [
      'Taking big, forced breaths.',
      'Slumping down in the chair.',
      'Holding your breath between breaths.',
    ],
    feel: 'Calmer and steadier, with your shoulders and back softening.',
    stopIf: [
      'You feel dizzy, light-headed or tingly in your fingers (breathe normally for a minute, then go more gently).',
    ],
    precautions: [],
    animation: {
      view: 'side',
      cycleSeconds: 10,
      keyframes: [
        { at: 0, pose: sitting, label: 'breathe out' },
        { at: 4, pose: { ...sitting, upperTrunk: 92 }, label: 'breathe in' },
      ],
    },
    sources: ['S-JOSPT', 'S-FUSION'],
  },
];
