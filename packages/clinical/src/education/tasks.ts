/**
 * Posture and ergonomic tasks a programme assigns week by week, as data. Instructions are in
 * Spinewise's own plain words. Frequencies and counts are **default** conventions, not evidence,
 * unless a comment names a source; a task with no source id states no REFERENCE fact and is
 * common ergonomic practice, there for clinician review.
 */
import type { PhaseId } from '../programmes/programme.js';
import type { Region } from '../region.js';
import type { SourceId } from '../sources.js';

/**
 * The programme phases a task suits: `settle` (calm symptoms), `control` (movement control),
 * `function` (build capacity for daily life and work), `maintain` (after the programme).
 */
export type TaskPhase = PhaseId;

export const taskPhases: readonly TaskPhase[] = ['settle', 'control', 'function', 'maintain'];

export interface PostureTask {
  /** Kebab-case, stable: programmes and progress records refer to it. */
  readonly id: string;
  readonly title: string;
  /** Short steps, in order, in the second person. */
  readonly instructions: readonly string[];
  readonly regions: readonly Region[];
  readonly phases: readonly TaskPhase[];
  /** How often, in words the patient sees, e.g. `every 30–45 minutes at the desk`. */
  readonly frequency: string;
  /** Source ids for the facts the task states (sources.ts); empty for pure convention. */
  readonly sources: readonly SourceId[];
}

export const postureTasks: readonly PostureTask[] = [
  {
    id: 'movement-breaks',
    title: 'Take movement breaks',
    instructions: [
      'Set a reminder to stand up and move while you sit.',
      'Stand, walk a few steps, stretch gently or fetch a drink.',
      'One or two minutes is enough. Then carry on.',
      'Every break counts towards staying active.',
    ],
    regions: ['lumbar', 'cervical'],
    phases: ['settle', 'control', 'function', 'maintain'],
    // default convention: 30–45 minutes; [S-NICE] staying active
    frequency: 'every 30–45 minutes while you sit',
    sources: ['S-NICE'],
  },
  {
    id: 'workstation-setup',
    title: 'Set up your workstation',
    instructions: [
      'Set your chair height so your hips are level with your knees or a little higher.',
      'Sit back against the backrest. Add a small cushion behind your lower back if that ' +
        'feels better.',
      'Rest your feet flat on the floor, or on a footrest or a box.',
      'Bring your keyboard and mouse close, so your elbows stay near your sides and your ' +
        'shoulders can relax.',
      'Check your screen height too (see the screen height task).',
    ],
    regions: ['lumbar', 'cervical'],
    phases: ['settle', 'control'],
    frequency: 'once this week, then whenever you change desk or chair',
    sources: [],
  },
  {
    id: 'screen-height',
    title: 'Raise your screen',
    instructions: [
      'Set the top of your screen at about eye level or a little lower.',
      'Place it about an arm’s length away, straight in front of you.',
      'Raise a laptop on a stand or some books, and use a separate keyboard and mouse.',
      'Check that you can read the screen without tipping your head up or down.',
    ],
    regions: ['cervical', 'lumbar'],
    phases: ['settle', 'control', 'maintain'],
    frequency: 'set up once, then check whenever you work somewhere new',
    sources: [],
  },
  {
    id: 'phone-at-eye-level',
    title: 'Hold your phone higher',
    instructions: [
      'Hold your phone up nearer eye level, resting your elbow on a table or your other arm.',
      'Prop a tablet on a stand or a cushion rather than on your lap.',
      'Use a headset or the speaker for long calls, rather than holding the phone between ' +
        'your ear and your shoulder.',
      'Put the phone down and look up and around every few minutes.',
    ],
    regions: ['cervical'],
    phases: ['settle', 'control', 'function', 'maintain'],
    frequency: 'whenever you use your phone or tablet',
    sources: [],
  },
  {
    id: 'driving-position',
    title: 'Set up your driving position',
    instructions: [
      'Move the seat so you can press the pedals fully with a slight bend in your knees.',
      'Tilt the backrest slightly back, and use the lower back support or a small cushion if ' +
        'it helps.',
      'Set the head restraint so its top is about level with the top of your head.',
      'Adjust the mirrors so you can see without straining your neck.',
      'On long journeys, stop for a short walk at least every 2 hours, or sooner if you ' +
        'stiffen up.',
    ],
    regions: ['lumbar', 'cervical'],
    phases: ['settle', 'control', 'function'],
    frequency: 'each time you drive; a walking break at least every 2 hours on long journeys',
    sources: [],
  },
  {
    id: 'sleeping-position',
    title: 'Get comfortable in bed',
    instructions: [
      'Choose the position you find easiest; there is no single best one.',
      'On your side, put a pillow between your knees.',
      'On your back, put a pillow under your knees.',
      'Use a pillow that keeps your head level with your body, not tipped up or down.',
      'To get up, roll onto your side, let your legs drop over the edge, and push up with ' +
        'your arms.',
    ],
    regions: ['lumbar', 'cervical'],
    phases: ['settle', 'control'],
    frequency: 'each night',
    sources: [],
  },
  {
    id: 'carrying-bags',
    title: 'Carry bags the easy way',
    instructions: [
      'Split shopping into two bags and carry one in each hand.',
      'Wear a backpack on both shoulders rather than a bag on one shoulder.',
      'Keep loads close to your body.',
      'Make two lighter trips rather than one heavy one, and build up the weight over weeks.',
    ],
    regions: ['lumbar', 'cervical'],
    phases: ['function', 'maintain'],
    frequency: 'whenever you carry shopping or bags',
    sources: [],
  },
  {
    id: 'lifting-at-home',
    title: 'Practise lifting at home',
    instructions: [
      'Choose something light to start, such as a laundry basket or a bag of shopping.',
      'Stand close to it with your feet apart.',
      'Bend at your hips and knees in the way that feels most comfortable, and keep the load ' +
        'close as you lift.',
      'Lift smoothly, and turn with your feet rather than twisting.',
      'Add a little weight each week as it feels easier.',
      // [S-FUSION] [S-OSTEO] surgeon's protocol and fragility precautions override this task
      'If you have had spinal surgery recently or have fragile bones, follow your clinician’s ' +
        'lifting advice instead.',
    ],
    regions: ['lumbar'],
    phases: ['function', 'maintain'],
    // default convention for the count; [S-JOSPT] functional training within exercise
    frequency: '5 practice lifts, 3 days a week, then in everyday jobs',
    sources: ['S-JOSPT', 'S-FUSION', 'S-OSTEO'],
  },
  {
    id: 'standing-work-breaks',
    title: 'Breaks from standing',
    instructions: [
      'If you stand for long spells, shift your weight and move your feet often.',
      'Rest one foot on a low step or box, and swap feet now and then.',
      'Sit down for a minute or two if you can.',
      // [S-STEN] neurogenic claudication is eased by sitting or bending forward
      'If standing makes pain build in your legs, sitting down or leaning forward on something ' +
        'for a moment often eases it.',
    ],
    regions: ['lumbar', 'cervical'],
    phases: ['control', 'function', 'maintain'],
    // default convention: 30–45 minutes
    frequency: 'every 30–45 minutes of standing',
    sources: ['S-STEN'],
  },
  {
    id: 'desk-stretch-routine',
    title: 'Desk movement routine',
    instructions: [
      'Roll your shoulders slowly backwards 5 times.',
      'Gently draw your chin straight back, as if making a double chin, then relax. Do this 5 ' +
        'times.',
      'Slowly turn your head to look over each shoulder, 5 times each way, only as far as is ' +
        'comfortable.',
      'Sitting, gently round your back, then sit tall again. Do this 5 times.',
      'Stand up, put your hands on your hips and lean back gently 5 times, if your clinician ' +
        'has said this suits you.',
      // [S-MDT] avoid movements that peripheralise symptoms; [S-RF] arterial symptoms
      'Stop any movement that sends pain down an arm or leg. If you feel dizzy or see ' +
        'double, stop and get medical help straight away.',
    ],
    regions: ['lumbar', 'cervical'],
    phases: ['control', 'function', 'maintain'],
    frequency: 'once or twice a workday',
    sources: ['S-MDT', 'S-RF'],
  },
];
