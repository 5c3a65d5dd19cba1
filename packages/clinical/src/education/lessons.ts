/**
 * The patient education lessons, as data. Plain English for a patient reading on a phone
 * (reading age about 11–12), second person, reassuring; alarming only where safety needs it.
 * Every sentence is Spinewise's own wording. A comment beside each fact from the clinical
 * reference names its source id; advice marked "convention" is common practice, not a
 * REFERENCE fact, and is there for clinician review.
 */
import { caudaEquinaSafetyNet } from '../screening/safety-net.js';
import type { BreathingTimer, Lesson } from './lesson.js';

/**
 * Paced breathing for the relaxation lesson. **default** convention, not evidence: a longer
 * out-breath than in-breath, about six slow breaths a minute. Clinicians may change it.
 */
export const relaxationBreathing: BreathingTimer = {
  inhaleSeconds: 4,
  holdSeconds: 0,
  exhaleSeconds: 6,
  cycles: 6,
};

const understandingPain: Lesson = {
  id: 'understanding-pain',
  title: 'Understanding back and neck pain',
  summary: 'Why pain happens, why it rarely means damage, and why most people get better.',
  regions: ['lumbar', 'cervical'],
  minutes: 5,
  topics: ['painEducation', 'psychologicallyInformed'],
  sections: [
    {
      heading: 'Most back and neck pain is not serious',
      paragraphs: [
        // [S-LANCET] back pain is very common
        'Back and neck pain are very common. Most people have them at some point in their lives.',
        // [S-NICE] [S-LANCET] most back pain has no serious specific cause
        'In most cases the pain is not caused by a serious disease or by lasting damage. ' +
          'Doctors may call it "non-specific" pain. That can sound vague, but it is good news: ' +
          'it means no serious cause has been found.',
        'Your spine is strong. It is made of solid bones, tough joints and thick muscles, and ' +
          'it is built to bend, twist and carry loads.',
      ],
    },
    {
      heading: 'Hurt does not mean harm',
      paragraphs: [
        'Pain is your body’s alarm system. Its job is to protect you, and it often goes off ' +
          'before any harm is done. Think of a smoke alarm that goes off when you burn toast.',
        'So when your back or neck hurts as you move, it does not mean you are damaging it. ' +
          'Gentle movement is safe, even if it feels a bit sore at first.',
        // [S-LANCET] imaging findings are common without pain; [S-NICE] no routine imaging
        'Scans often show "wear and tear". These changes are very common in people with no ' +
          'pain at all, like grey hair on the inside, so they rarely explain your pain. Most ' +
          'people with back pain do not need a scan.',
      ],
    },
    {
      heading: 'Why pain can hang around',
      paragraphs: [
        'Sometimes the alarm system becomes extra sensitive. Your nerves and brain turn up the ' +
          'volume, so things that would not normally hurt start to hurt. This pain is real. It ' +
          'is not "all in your head".',
        'Poor sleep, stress, worry, low mood and avoiding movement can all turn the volume up. ' +
          'The good news is that you can help turn it down:',
      ],
      bullets: [
        'Moving little and often.',
        'Sleeping well.',
        'Doing things you enjoy.',
        'Understanding your pain, as you are doing now.',
        'Building up activity step by step.',
      ],
    },
    {
      heading: 'Recovery is the normal path',
      paragraphs: [
        // [S-LANCET] the usual course is favourable, with recurrences common
        'Most people find their pain eases a lot over days or weeks, and they get back to ' +
          'their usual activities.',
        'Pain can come back now and then. That is common too, and it does not mean something ' +
          'is broken. Flare-ups usually settle, and each time you will know more about what ' +
          'helps you.',
      ],
    },
  ],
  keyPoints: [
    'Most back and neck pain is not caused by serious damage.',
    'Hurt does not mean harm: pain is an alarm that often goes off early.',
    'A sensitive alarm can be turned down with movement, sleep and less worry.',
    'Most people get better, and flare-ups usually settle.',
  ],
  checkQuestions: [
    {
      id: 'hurt-not-harm',
      question:
        'Your back hurts a little when you bend to tie your shoes. What does this most likely mean?',
      options: [
        'You are damaging your spine and should stop bending.',
        'Your pain alarm is sensitive, and bending is still safe.',
        'You need a scan straight away.',
      ],
      answer: 1,
      explanation:
        'Pain is a protective alarm that often goes off before any harm is done. Gentle ' +
        'bending is safe, and it usually gets easier as you keep moving.',
    },
    {
      id: 'scan-changes',
      question: 'A scan shows "wear and tear" in your spine. What does that usually tell you?',
      options: [
        'That your back is badly damaged.',
        'Not much: these changes are common in people with no pain.',
        'That you will always have pain.',
      ],
      answer: 1,
      explanation:
        'These changes are a normal part of getting older, like grey hair. Many people who have ' +
        'them feel no pain at all, so on their own they rarely explain pain.',
    },
    {
      id: 'turn-volume-down',
      question: 'Which of these can help turn down a sensitive pain system?',
      options: [
        'Staying in bed until the pain goes.',
        'Poor sleep and lots of worry.',
        'Moving little and often, and sleeping well.',
      ],
      answer: 2,
      explanation:
        'Regular gentle movement and good sleep help calm a sensitive pain system. Long rest, ' +
        'poor sleep and worry tend to turn the volume up.',
    },
  ],
  sources: ['S-LANCET', 'S-NICE'],
};

const stayingActive: Lesson = {
  id: 'staying-active',
  title: 'Why staying active helps',
  summary: 'Gentle, regular movement is one of the best things you can do for your back and neck.',
  regions: ['lumbar', 'cervical'],
  minutes: 4,
  topics: ['selfManagement', 'function'],
  sections: [
    {
      heading: 'Movement helps you recover',
      paragraphs: [
        // [S-NICE] [S-JOSPT] advice to stay active is first-line care
        'Staying active is one of the most helpful things you can do for back or neck pain. ' +
          'Health guidelines recommend it for almost everyone.',
        'Moving keeps your joints supple and your muscles strong. It also helps calm a ' +
          'sensitive pain system.',
        // [S-LANCET] bed rest is not advised
        'Long spells of rest in bed tend to make you stiffer and weaker, and they can slow ' +
          'your recovery.',
      ],
    },
    {
      heading: 'Keep doing your normal things',
      paragraphs: [
        // [S-NICE] return to normal activities
        'Try to keep up your everyday life as much as you can: walking, housework, seeing ' +
          'friends, hobbies and work. You may need to do some things differently for a while, ' +
          'and that is fine.',
        'You do not need to wait until the pain has gone. Some soreness while you move is ' +
          'normal and safe.',
        // [S-PMM] 0–2 safe, 3–5 acceptable, >5 too much; settled by the next morning
        'A simple guide: pain up to 5 out of 10 while you move is acceptable, as long as it ' +
          'settles by the next morning.',
      ],
    },
    {
      heading: 'Which exercise is best?',
      paragraphs: [
        // [S-NICE] [S-JOSPT] strengthening, endurance, motor control, aerobic, mind–body
        'There is no single best exercise. Strength work, walking, swimming, cycling, yoga, ' +
          'Pilates and tai chi can all help.',
        'The best exercise is one you enjoy and will keep doing. Your programme in this app is ' +
          'a good place to start.',
      ],
    },
    {
      heading: 'You do not need gadgets',
      paragraphs: [
        // [S-NICE] NG59 "do not offer" list for low back pain
        'For low back pain, guidelines advise against back belts, corsets, special shoe ' +
          'inserts and rocker-sole shoes. Machines such as TENS and traction are not advised ' +
          'either. Your time is better spent moving.',
      ],
    },
  ],
  keyPoints: [
    'Staying active helps recovery; long rest in bed does not.',
    'Keep up your normal daily life, changing things for a while if you need to.',
    'Pick exercise you enjoy: there is no single best one.',
    'Some soreness while you move is normal and safe.',
  ],
  checkQuestions: [
    {
      id: 'rest-or-move',
      question: 'Your back is sore this week. What is usually best?',
      options: [
        'Stay in bed until the pain has gone.',
        'Keep moving and doing normal things, changing them a little if needed.',
        'Stop all exercise for a month.',
      ],
      answer: 1,
      explanation:
        'Staying active, even with some soreness, helps you recover. Long rest tends to make ' +
        'you stiffer and can slow recovery.',
    },
    {
      id: 'best-exercise',
      question: 'Which type of exercise is best for back and neck pain?',
      options: [
        'Only exercise on special back machines.',
        'Any regular exercise you enjoy and will keep doing.',
        'None, because exercise makes pain worse.',
      ],
      answer: 1,
      explanation:
        'Many kinds of exercise help, and none is clearly best. The one you enjoy is the one ' +
        'you will stick with.',
    },
  ],
  sources: ['S-NICE', 'S-JOSPT', 'S-LANCET', 'S-PMM'],
};

const flareUpPlan: Lesson = {
  id: 'flare-up-plan',
  title: 'Your flare-up plan',
  summary: 'What to do today if your pain flares up, and when to get help.',
  regions: ['lumbar', 'cervical'],
  minutes: 4,
  topics: ['selfManagement', 'safety'],
  sections: [
    {
      heading: 'Flare-ups are normal',
      paragraphs: [
        'A flare-up is when your pain gets worse for a while. Flare-ups are common, and they ' +
          'usually settle. Most do not mean you have hurt yourself.',
        'Having a plan ready means you can act early and calmly.',
      ],
    },
    {
      heading: 'What to do today',
      paragraphs: ['Try these steps for the next few days:'],
      bullets: [
        'Keep moving gently. Short walks and easy movements are better than staying in bed.',
        'Switch to the gentler set of exercises in your app.',
        'Change position often, and rest for short spells in whatever position feels easiest.',
        'If you use pain relief, take it as your doctor or pharmacist advised, so that you ' +
          'can keep moving.',
        'Break jobs into smaller chunks and take more breaks than usual.',
        'Use slow, calm breathing to help tense muscles relax.',
      ],
    },
    {
      heading: 'How much pain is OK?',
      paragraphs: [
        // [S-PMM] pain-monitoring model, 0–10
        'Rate your pain from 0 to 10, where 0 is no pain and 10 is the worst pain you can ' +
          'imagine.',
        // [S-PMM] pain after exercise must settle by the next morning, and not rise week on week
        'Pain after exercise is fine if it is back to your usual level by the next morning. ' +
          'If it is not, do a little less next time. If your pain and stiffness keep creeping ' +
          'up week after week, tell your clinician.',
        'As the flare-up settles, build back up to your usual exercises over a few days.',
      ],
      bullets: [
        '0 to 2: safe. Carry on.',
        '3 to 5: acceptable. Carry on, but do not push harder.',
        'Above 5: too much for now. Ease off, or switch to an easier version.',
      ],
    },
    {
      heading: 'When to get help',
      paragraphs: [
        // [S-CES] [S-RF] emergency signs
        'Get emergency help straight away if you notice any warning sign from your warning ' +
          'signs lesson. For the low back, these include trouble peeing, losing control of ' +
          'your bowels, or numbness around your bottom or genitals. For the neck, they include ' +
          'sudden dizziness, double vision, slurred speech or trouble swallowing.',
        // [S-RF] stop-and-screen findings (new weakness or numbness, unwell, unremitting night pain)
        'Contact your doctor or clinician the same day if you have:',
      ],
      bullets: [
        'New or spreading numbness, pins and needles or weakness in an arm or leg.',
        'A fever, or you feel generally unwell, along with your pain.',
        'Severe pain that does not ease at all, even when you rest at night.',
      ],
    },
    {
      heading: 'If it is not settling',
      paragraphs: [
        'Get in touch with your clinician if the pain is getting worse instead of better, or ' +
          'is not settling after a few days of following this plan. You do not have to manage ' +
          'on your own.',
      ],
    },
  ],
  keyPoints: [
    'Flare-ups are common and usually settle.',
    'Keep moving gently and use your gentler exercises for a few days.',
    'Pain up to 5 out of 10 is acceptable if it settles by the next morning.',
    'Know the warning signs that need emergency or same-day help.',
  ],
  checkQuestions: [
    {
      id: 'flare-first-step',
      question: 'Your back flares up after gardening. What is the best first step?',
      options: [
        'Stay in bed for a week.',
        'Keep moving gently and switch to your gentler exercises.',
        'Do your hardest exercises to push through it.',
      ],
      answer: 1,
      explanation:
        'Gentle movement and an easier set of exercises help a flare-up settle. Bed rest and ' +
        'pushing hard both tend to make it last longer.',
    },
    {
      id: 'pain-above-five',
      question: 'During an exercise your pain reaches 7 out of 10. What should you do?',
      options: [
        'Ease off, or switch to an easier version.',
        'Keep going, it will pass.',
        'Do extra repetitions.',
      ],
      answer: 0,
      explanation:
        'Above 5 out of 10 is too much for now. Ease off or choose an easier version. Pain up ' +
        'to 5 is acceptable if it settles by the next morning.',
    },
    {
      id: 'settled-by-morning',
      question:
        'Your pain rose to 4 out of 10 during exercise and was back to normal the next morning. ' +
        'What does this mean?',
      options: [
        'The exercise is harming you.',
        'This is an acceptable response, so carry on at the same level.',
        'You must stop exercising.',
      ],
      answer: 1,
      explanation:
        'Pain of 3 to 5 that settles by the next morning is an acceptable response. Keep going ' +
        'at the same level until it feels easier.',
    },
  ],
  sources: ['S-PMM', 'S-CES', 'S-RF'],
};

/** Built around the screening safety net so the warning signs are written in one place only. */
const caudaEquinaWarningSigns: Lesson = {
  id: 'cauda-equina-warning-signs',
  title: 'Low back warning signs: cauda equina syndrome',
  summary: 'Rare but serious warning signs that mean you need emergency care straight away.',
  regions: ['lumbar'],
  minutes: 3,
  topics: ['safety'],
  sections: [
    {
      heading: 'Why we tell everyone this',
      paragraphs: [
        // [S-CES] every low back patient gets the safety-net advice
        'We give this information to everyone with low back pain. It does not mean we think ' +
          'you have this problem. It is very rare.',
        'Knowing the signs means that, if it ever did happen, you would act quickly. Acting ' +
          'quickly is what protects you.',
      ],
    },
    {
      heading: caudaEquinaSafetyNet.title,
      paragraphs: [caudaEquinaSafetyNet.intro],
      bullets: caudaEquinaSafetyNet.symptoms,
    },
    {
      heading: 'What to do',
      paragraphs: [
        caudaEquinaSafetyNet.action,
        'Go even if a doctor or physiotherapist has checked your back before. New or worsening ' +
          'signs need checking again.',
      ],
    },
    {
      heading: 'Keep this close',
      paragraphs: [
        'It can feel awkward to talk about your bladder, bowels or sex life. Health staff ask ' +
          'about these things every day, and they will be glad you spoke up.',
      ],
      bullets: [
        'Save a screenshot of the warning signs on your phone.',
        'Tell someone you live with what to look out for.',
        'If a warning sign appears, stop your exercises and get help first. Your exercises can ' +
          'wait.',
      ],
    },
  ],
  keyPoints: [
    'Cauda equina syndrome is rare, but it needs emergency treatment within hours.',
    'The warning signs involve your bladder, bowels, the saddle area, both legs or your sex life.',
    'If you notice any of them, go to an emergency department straight away, day or night.',
    'Do not wait for your next appointment or to see if it gets better.',
  ],
  checkQuestions: [
    {
      id: 'ces-what-to-do',
      question:
        'You suddenly find it hard to start peeing, and the skin around your bottom feels numb. ' +
        'What should you do?',
      options: [
        'Wait a few days to see if it gets better.',
        'Mention it at your next physiotherapy appointment.',
        'Go to an emergency department straight away.',
      ],
      answer: 2,
      explanation:
        'These can be warning signs of cauda equina syndrome, which needs treatment within ' +
        'hours. Go to an emergency department at once, even at night or at the weekend.',
    },
    {
      id: 'ces-which-sign',
      question: 'Which of these is a warning sign that needs emergency care?',
      options: [
        'Stiffness in your back first thing in the morning.',
        'Numbness around your genitals or back passage.',
        'Back pain that eases when you walk.',
      ],
      answer: 1,
      explanation:
        'Numbness in the saddle area is a warning sign of cauda equina syndrome. Morning ' +
        'stiffness and pain that eases with walking are common and not signs of an emergency.',
    },
    {
      id: 'ces-when',
      question: 'When should you act on a warning sign?',
      options: [
        'At once, whatever the time of day or night.',
        'Only during working hours.',
        'Only if your back pain is severe.',
      ],
      answer: 0,
      explanation:
        'Act at once, day or night. A warning sign matters even when your back pain itself ' +
        'is not bad.',
    },
  ],
  sources: caudaEquinaSafetyNet.sources,
};

const neckWarningSigns: Lesson = {
  id: 'neck-warning-signs',
  title: 'Neck warning signs to act on',
  summary: 'Rare symptoms alongside neck pain that need urgent or emergency care.',
  regions: ['cervical'],
  minutes: 3,
  topics: ['safety'],
  sections: [
    {
      heading: 'Why we tell everyone this',
      paragraphs: [
        'Most neck pain is not serious. Very rarely, though, neck pain comes with other ' +
          'symptoms that need a doctor quickly. Knowing them means you can act fast if they ' +
          'ever happen.',
      ],
    },
    {
      heading: 'Call an ambulance for these',
      paragraphs: [
        // [S-RF] cervical arterial dysfunction: acute symptoms → emergency
        'These can be signs that the blood flow to your brain is affected, which can lead to a ' +
          'stroke. If any of them come on suddenly, stop what you are doing and call your local ' +
          'emergency number for an ambulance straight away. Do not drive yourself.',
      ],
      bullets: [
        'Dizziness, or feeling that the room is spinning.',
        'Double vision.',
        'Slurred speech.',
        'Difficulty swallowing.',
        'Suddenly falling to the ground without passing out (a drop attack).',
        'Numbness in your face.',
      ],
    },
    {
      heading: 'Contact your doctor the same day for these',
      paragraphs: [
        // [S-RF] signs of cervical myelopathy (cord compression) → urgent
        'These can be signs that the spinal cord in your neck is being squeezed. They often ' +
          'come on slowly, so they are easy to miss. Contact your doctor the same day. If they ' +
          'come on suddenly or get worse quickly, go to an emergency department instead.',
      ],
      bullets: [
        'Your hands feel clumsy: you drop things, or buttons, writing or typing are harder ' +
          'than usual.',
        'Your walking feels unsteady, or your balance feels off.',
        'Pins and needles or numbness in both arms or both hands.',
      ],
    },
    {
      heading: 'Other reasons to get checked',
      paragraphs: [
        // [S-RF] infection, malignancy and fracture flags
        'Contact your doctor soon if your neck pain comes with any of these. If you feel very ' +
          'unwell, or you hurt your neck in a fall or accident and your arms or legs feel weak ' +
          'or numb, go to an emergency department.',
        'Whatever the sign, stop your neck exercises until you have been checked.',
      ],
      bullets: [
        'A fever, or feeling generally unwell.',
        'Weight loss you cannot explain.',
        'Cancer now or in the past.',
        'A recent fall, accident or injury to your neck.',
        'Severe pain that does not ease at all, even at night.',
      ],
    },
  ],
  keyPoints: [
    'Most neck pain is not serious.',
    'Sudden dizziness, double vision, slurred speech, trouble swallowing or a drop attack: ' +
      'call an ambulance.',
    'Clumsy hands, unsteady walking, or pins and needles in both arms: contact your doctor the ' +
      'same day.',
    'Stop your neck exercises until you have been checked.',
  ],
  checkQuestions: [
    {
      id: 'neck-emergency',
      question:
        'While turning your head, you suddenly feel dizzy, see double and your speech is ' +
        'slurred. What should you do?',
      options: [
        'Lie down and try the exercise again later.',
        'Call your local emergency number for an ambulance straight away.',
        'Book a physiotherapy appointment for next week.',
      ],
      answer: 1,
      explanation:
        'These symptoms can mean the blood flow to your brain is affected. Call for an ' +
        'ambulance straight away and do not drive yourself.',
    },
    {
      id: 'neck-clumsy-hands',
      question:
        'Over the past few weeks you keep dropping cups and struggle with buttons. What should ' +
        'you do?',
      options: [
        'Contact your doctor the same day.',
        'Ignore it, as it is probably tiredness.',
        'Do more neck exercises.',
      ],
      answer: 0,
      explanation:
        'Clumsy hands can be a sign that the spinal cord in your neck is being squeezed. It ' +
        'needs a doctor’s check soon, so contact your doctor the same day.',
    },
  ],
  sources: ['S-RF'],
};

const liftingAndBodyMechanics: Lesson = {
  id: 'lifting-and-body-mechanics',
  title: 'Lifting, bending and carrying',
  summary: 'Your back is built to bend and lift. Here is how to make it comfortable and build up.',
  regions: ['lumbar', 'cervical'],
  minutes: 4,
  topics: ['function', 'selfManagement'],
  sections: [
    {
      heading: 'Your back is made to bend and lift',
      paragraphs: [
        'Bending and lifting are normal, healthy movements. Your spine is strong and designed ' +
          'to do them.',
        // Convention (current consensus, not a REFERENCE fact): no single "correct" technique
        'Many people worry that one wrong move will damage their back. In fact, there is more ' +
          'than one good way to lift. What matters most is that your body is used to the load.',
      ],
    },
    {
      heading: 'Tips for comfortable lifting',
      paragraphs: ['These tips can make lifting feel easier and steadier:'],
      bullets: [
        'Get close to the object and keep it near your body as you lift.',
        'Stand with your feet apart for a steady base.',
        'Bend at your hips and knees in whatever way feels most comfortable.',
        'Lift smoothly rather than with a jerk.',
        'Turn by moving your feet, rather than twisting while holding something heavy.',
        'Breathe normally instead of holding your breath.',
        'Split heavy loads into smaller ones, or ask for help.',
      ],
    },
    {
      heading: 'Building up your strength',
      paragraphs: [
        // [S-JOSPT] exercise, including strengthening and functional training
        'Like any skill, lifting gets easier with practice. Start with light things and add ' +
          'weight slowly over several weeks. Your programme may include lifting practice to ' +
          'help with this.',
        'For your neck and shoulders, carry loads close to your body and share the weight ' +
          'between both hands.',
      ],
    },
    {
      heading: 'When to take extra care',
      paragraphs: [
        'Some people need to follow special advice for a while. Always follow what your ' +
          'clinician or surgeon has told you if:',
      ],
      bullets: [
        // [S-FUSION] no bending, lifting or twisting for ~6–12 weeks; surgeon's protocol overrides
        'You have had back surgery recently. After a spinal fusion, most people avoid bending, ' +
          'lifting and twisting for several weeks, until the surgeon says it is OK.',
        // [S-OSTEO] avoid loaded and end-range flexion and forceful twisting
        'You have osteoporosis or fragile bones in your spine. Avoid lifting with a rounded ' +
          'back and avoid forceful twisting.',
        // [S-MDT] avoid the direction that peripheralises symptoms
        'Your clinician has found that bending forward makes your leg pain spread further ' +
          'down. Favour the movements that ease it for now.',
      ],
    },
  ],
  keyPoints: [
    'Bending and lifting are normal, healthy movements.',
    'Keep loads close and move smoothly; there is more than one good way to lift.',
    'Build up weight gradually so your body gets used to it.',
    'Follow any special advice after surgery or if you have fragile bones.',
  ],
  checkQuestions: [
    {
      id: 'lift-close',
      question: 'Which tip makes lifting a heavy box more comfortable?',
      options: [
        'Hold it at arm’s length.',
        'Keep it close to your body.',
        'Lift it as fast as you can.',
      ],
      answer: 1,
      explanation:
        'A load held close to your body feels lighter and steadier than one held out in front.',
    },
    {
      id: 'lift-build-up',
      question: 'How do you make lifting easier over time?',
      options: [
        'Avoid lifting anything at all.',
        'Start light and slowly add weight over several weeks.',
        'Lift the heaviest thing you can on the first day.',
      ],
      answer: 1,
      explanation:
        'Your body adapts to loads that grow step by step. Avoiding lifting altogether makes ' +
        'it harder, not easier.',
    },
  ],
  sources: ['S-JOSPT', 'S-FUSION', 'S-OSTEO', 'S-MDT'],
};

const postureAndWorkstation: Lesson = {
  id: 'posture-and-workstation',
  title: 'Posture and your workstation',
  summary: 'There is no perfect posture. Changing position often matters most.',
  regions: ['lumbar', 'cervical'],
  minutes: 5,
  topics: ['function', 'work'],
  sections: [
    {
      heading: 'There is no perfect posture',
      paragraphs: [
        // Convention (not a REFERENCE fact): no single posture prevents back or neck pain
        'You may have been told to sit up straight at all times. In fact, no single posture ' +
          'has been shown to prevent back or neck pain. Slouching now and then is not harmful.',
        'Any position gets uncomfortable if you stay in it too long. Your best posture is ' +
          'usually your next one.',
      ],
    },
    {
      heading: 'Keep changing position',
      paragraphs: [
        // default convention: a movement break every 30–45 minutes
        'Try to stand up or move around every 30 to 45 minutes. Vary how you sit: lean back, ' +
          'sit forward, or stand up for a phone call.',
        // [S-NICE] staying active
        'Short movement breaks also count towards staying active, which helps your recovery.',
      ],
    },
    {
      heading: 'Set up your workstation',
      paragraphs: ['A good set-up makes it easier to sit comfortably. Use this checklist:'],
      // Convention: common office ergonomics, not a REFERENCE fact
      bullets: [
        'Screen: the top at about eye level or a little lower, about an arm’s length away.',
        'Laptop: raise it on a stand or some books, and use a separate keyboard and mouse.',
        'Chair: set the height so your hips are level with your knees or a little higher. Use ' +
          'the backrest, with a small cushion in the curve of your lower back if that helps.',
        'Feet: flat on the floor, or on a footrest or a box.',
        'Keyboard and mouse: close to you, so your elbows stay near your sides and your ' +
          'shoulders can relax.',
        'Breaks: stand up and move at least every 30 to 45 minutes. A reminder on your phone ' +
          'can help.',
        'Phone: hold it up nearer eye level, and use a headset or speaker for long calls. ' +
          'Avoid holding it between your ear and your shoulder.',
      ],
    },
    {
      heading: 'Phones and tablets',
      paragraphs: [
        'Looking down at a phone for a long time can make your neck ache. This is not damage. ' +
          'It is a sign that it is time to change position.',
        'Prop a tablet up on a stand or a cushion, swap hands now and then, and take regular ' +
          'breaks from the screen.',
      ],
    },
  ],
  keyPoints: [
    'There is no single perfect posture.',
    'Change position and move about every 30 to 45 minutes.',
    'Set up your screen, chair, feet and keyboard so that sitting is comfortable.',
    'Hold your phone nearer eye level and take breaks from screens.',
  ],
  checkQuestions: [
    {
      id: 'best-posture',
      question: 'What is the best posture for your back and neck?',
      options: [
        'Always sitting bolt upright.',
        'Your next one: changing position often.',
        'Staying in one position all day.',
      ],
      answer: 1,
      explanation:
        'No single posture is best. Moving and changing position often keeps you more ' +
        'comfortable than holding any one position.',
    },
    {
      id: 'screen-height',
      question: 'Where should the top of your computer screen be?',
      options: [
        'At about eye level, or a little lower.',
        'Well above your head.',
        'Flat on the desk.',
      ],
      answer: 0,
      explanation:
        'With the top of the screen at about eye level, you can see it without tipping your ' +
        'head up or down for long spells.',
    },
  ],
  sources: ['S-NICE'],
};

const pacingAndGradedActivity: Lesson = {
  id: 'pacing-and-graded-activity',
  title: 'Pacing and building up activity',
  summary: 'Steady, planned steps help you do more without the boom-and-bust cycle.',
  regions: ['lumbar', 'cervical'],
  minutes: 5,
  topics: ['selfManagement', 'psychologicallyInformed', 'function'],
  sections: [
    {
      heading: 'The boom-and-bust cycle',
      paragraphs: [
        'On a good day it is tempting to do lots. Then the pain flares, and you need days to ' +
          'recover. Over time you can end up doing less and less.',
        'Pacing breaks this cycle. It means doing a steady, planned amount each day, on good ' +
          'days and bad days.',
      ],
    },
    {
      heading: 'Find your starting point',
      paragraphs: [
        'Pick an activity you want to do more of, such as walking, gardening or sitting at a ' +
          'desk.',
        // [S-GRADED] measure baseline tolerance
        'For a few days, notice how long you can do it before the pain builds. This is your ' +
          'starting level.',
        // [S-GRADED] start below baseline; default 20 % below
        'Start a little below it. For example, if you can walk comfortably for 10 minutes, ' +
          'start with 8 minutes.',
      ],
    },
    {
      heading: 'Go by the clock, not the pain',
      paragraphs: [
        // [S-GRADED] time-contingent, not pain-contingent
        'Stop when you reach your planned time, even if you feel you could do more. On a sore ' +
          'day, try to stick to your plan, split into shorter bits if you need to.',
        // [S-PMM] >5 too much; must settle by the next morning
        'Ease off only if your pain goes above 5 out of 10, or does not settle by the next ' +
          'morning.',
        'Sticking to the plan shows your body, step by step, that the activity is safe.',
      ],
    },
    {
      heading: 'Build up gradually',
      paragraphs: [
        // [S-GRADED] raise by quota on a schedule; default +10 % a week
        'Each week, add a little. A good guide is about 10% more each week, so 8 minutes of ' +
          'walking becomes about 9 minutes the next week.',
        'Small steps add up. After a few months you can be doing much more than when you ' +
          'started.',
      ],
      bullets: [
        'Choose one or two activities to build up.',
        'Write down your plan and tick off each day.',
        'Notice your progress, however small.',
      ],
    },
  ],
  keyPoints: [
    'Pacing means a steady, planned amount of activity on good days and bad days.',
    'Start a little below what you can comfortably do now.',
    'Stop when the time is up, not when the pain stops you.',
    'Add about 10% more each week.',
  ],
  checkQuestions: [
    {
      id: 'pacing-good-day',
      question: 'You feel great today. What does pacing suggest?',
      options: [
        'Do as much as you can while it lasts.',
        'Stick to your planned amount.',
        'Rest all day to save energy.',
      ],
      answer: 1,
      explanation:
        'Doing lots on good days often leads to a flare-up. A steady, planned amount lets you ' +
        'build up without the boom and bust.',
    },
    {
      id: 'pacing-start',
      question: 'You can walk comfortably for 10 minutes. Where should you start?',
      options: [
        'At 15 minutes, to push yourself.',
        'At about 8 minutes, a little below your comfortable amount.',
        'Not at all until the pain goes.',
      ],
      answer: 1,
      explanation:
        'Starting a little below what you can do makes the plan easy to keep, even on a sore ' +
        'day.',
    },
    {
      id: 'pacing-build',
      question: 'How quickly should you build up?',
      options: [
        'Double it each week.',
        'About 10% more each week.',
        'Only when you are free of pain.',
      ],
      answer: 1,
      explanation:
        'Small, regular steps of about 10% a week add up over time without causing flare-ups.',
    },
  ],
  sources: ['S-GRADED', 'S-PMM'],
};

const sleep: Lesson = {
  id: 'sleep',
  title: 'Sleeping well with back or neck pain',
  summary: 'Simple ways to get comfortable at night and sleep better.',
  regions: ['lumbar', 'cervical'],
  minutes: 4,
  topics: ['sleep', 'selfManagement'],
  sections: [
    {
      heading: 'Sleep and pain are linked',
      paragraphs: [
        // Convention (not a REFERENCE fact): sleep and pain influence each other
        'Pain can make it harder to sleep, and poor sleep can make pain feel worse. The good ' +
          'news is that better sleep can help turn the pain volume down.',
      ],
    },
    {
      heading: 'Get comfortable in bed',
      paragraphs: [
        'There is no single best sleeping position. Choose the one that feels easiest, and ' +
          'use pillows to support you. A mattress you find comfortable is fine. You do not need ' +
          'a special back mattress.',
      ],
      bullets: [
        'On your side: try a pillow between your knees.',
        'On your back: try a pillow under your knees.',
        'For your neck: use a pillow that keeps your head level with your body, not tipped up ' +
          'or down.',
        'Getting out of bed: roll onto your side, let your legs drop over the edge, and push ' +
          'up with your arms.',
      ],
    },
    {
      heading: 'Habits that help you sleep',
      paragraphs: ['Small changes to your routine can make a big difference:'],
      bullets: [
        'Go to bed and get up at about the same time each day.',
        'Keep your bedroom dark, quiet and cool.',
        'Put screens away for a while before bed.',
        'Avoid caffeine in the afternoon and evening, and big meals or alcohol late at night.',
        // [S-NICE] staying active
        'Stay active during the day.',
        'Try the slow breathing exercise from the stress and relaxation lesson in bed.',
        'If you cannot sleep after about 20 minutes, get up, do something calm in dim light, ' +
          'and go back to bed when you feel sleepy.',
      ],
    },
    {
      heading: 'When to get advice',
      paragraphs: [
        // [S-RF] constant or night pain, unwell or weight loss → review
        'Tell your clinician if pain wakes you most nights and does not ease at all when you ' +
          'move or change position. Tell them too if you feel unwell, have a fever or are ' +
          'losing weight without trying.',
        'If poor sleep goes on for weeks, talk to your doctor. There are good treatments for ' +
          'sleep problems.',
      ],
    },
  ],
  keyPoints: [
    'Poor sleep can make pain feel worse, and better sleep can help.',
    'There is no single best position: use pillows to get comfortable.',
    'Keep regular sleep times and stay active during the day.',
    'Tell your clinician about night pain that does not ease when you move.',
  ],
  checkQuestions: [
    {
      id: 'sleep-position',
      question: 'What is the best sleeping position for back or neck pain?',
      options: [
        'Only on your back.',
        'Whichever is most comfortable for you, with pillows for support.',
        'Sitting up in a chair.',
      ],
      answer: 1,
      explanation:
        'No position is best for everyone. Find the one that feels easiest and use pillows to ' +
        'support you.',
    },
    {
      id: 'sleep-lying-awake',
      question: 'You have been lying awake for a long time. What can help?',
      options: [
        'Scrolling on your phone until you feel tired.',
        'Getting up, doing something calm in dim light, then going back to bed.',
        'Having a strong coffee.',
      ],
      answer: 1,
      explanation:
        'A calm break in dim light helps your body link bed with sleep. Bright screens and ' +
        'caffeine keep you awake.',
    },
  ],
  sources: ['S-NICE', 'S-RF'],
};

const stressAndRelaxation: Lesson = {
  id: 'stress-and-relaxation',
  title: 'Stress, worry and relaxation',
  summary: 'How stress affects pain, and a simple breathing exercise to help you relax.',
  regions: ['lumbar', 'cervical'],
  minutes: 5,
  topics: ['psychologicallyInformed', 'relaxation'],
  sections: [
    {
      heading: 'Stress and pain feed each other',
      paragraphs: [
        'When you feel stressed or worried, your body goes on high alert. Muscles tighten, ' +
          'sleep suffers, and your pain system can become more sensitive.',
        'This does not mean your pain is imagined. It means your mind and body work together, ' +
          'and you can use that to help yourself.',
      ],
    },
    {
      heading: 'Worry about pain',
      paragraphs: [
        // [S-SB] psychologically informed care: address unhelpful beliefs and distress
        'It is natural to worry when something hurts. But worrying that movement will cause ' +
          'damage can lead you to avoid things you enjoy, and that can keep pain going.',
        'Try to notice worried thoughts, such as "I will never get better". Then remind ' +
          'yourself of what you have learned: hurt does not mean harm, and most people improve.',
        // [S-NICE] psychological approaches alongside exercise for persistent pain
        'Talking helps. Share how you feel with someone you trust, or with your clinician. If ' +
          'stress or low mood is getting in the way, your clinician can offer extra support, ' +
          'such as talking therapy alongside your exercise.',
      ],
    },
    {
      heading: 'A simple breathing exercise',
      paragraphs: [
        'Slow breathing helps your body switch from high alert to calm. Use the timer with ' +
          'this lesson, or count in your head.',
      ],
      bullets: [
        'Sit or lie comfortably and let your shoulders drop.',
        `Breathe in gently through your nose for ${relaxationBreathing.inhaleSeconds} seconds, ` +
          'letting your belly rise.',
        `Breathe out slowly for ${relaxationBreathing.exhaleSeconds} seconds.`,
        `Repeat ${relaxationBreathing.cycles} times. If you feel light-headed, breathe ` +
          'normally for a moment.',
        'Use it when you feel tense, during a flare-up, or at bedtime.',
      ],
    },
    {
      heading: 'Other ways to relax',
      paragraphs: [
        'Find what works for you. If you feel low most days or feel hopeless, please speak to ' +
          'your doctor: help is available. If you ever have thoughts of harming yourself, ' +
          'contact your doctor or your local emergency number straight away.',
      ],
      bullets: [
        'A short walk outside.',
        // [S-JOSPT] [S-NICE] mind–body exercise
        'Gentle yoga, Pilates or tai chi.',
        'Music or a relaxation recording.',
        'Time with friends, family or pets.',
        'A hobby that absorbs you.',
      ],
    },
  ],
  keyPoints: [
    'Stress and worry can turn up the pain volume; that does not make the pain imagined.',
    'Notice worried thoughts and remind yourself that hurt does not mean harm.',
    `Slow breathing: in for ${relaxationBreathing.inhaleSeconds} seconds, out for ` +
      `${relaxationBreathing.exhaleSeconds}.`,
    'Talk to someone, and ask for help if your mood is low.',
  ],
  checkQuestions: [
    {
      id: 'stress-and-pain',
      question: 'How can stress affect pain?',
      options: [
        'It has no effect at all.',
        'It can make your pain system more sensitive.',
        'It means the pain is not real.',
      ],
      answer: 1,
      explanation:
        'Stress puts your body on high alert, which can turn up the pain volume. The pain is ' +
        'still real, and calming your body can help.',
    },
    {
      id: 'longer-breath',
      question: 'In the breathing exercise, which part is the longest?',
      options: ['Breathing in.', 'Breathing out.', 'Holding your breath.'],
      answer: 1,
      explanation:
        'A slow, long breath out helps your body relax. There is no need to hold your breath.',
    },
  ],
  breathingTimer: relaxationBreathing,
  sources: ['S-SB', 'S-NICE', 'S-JOSPT'],
};

const returningToWork: Lesson = {
  id: 'returning-to-work',
  title: 'Staying at or returning to work',
  summary: 'Work is usually good for recovery. Here is how to make it manageable.',
  regions: ['lumbar', 'cervical'],
  minutes: 4,
  topics: ['work', 'function'],
  sections: [
    {
      heading: 'Work can help you recover',
      paragraphs: [
        // [S-NICE] advice to return to normal activities, including work
        'Guidelines advise people with back pain to get back to their normal activities, ' +
          'including work, as soon as they can.',
        'Being at work keeps you active, gives your day a shape and keeps you in touch with ' +
          'people. You do not need to be free of pain to go back.',
      ],
    },
    {
      heading: 'Talk to your employer',
      paragraphs: [
        'A short chat with your manager or occupational health team can make a big difference. ' +
          'Changes for a while might include:',
      ],
      bullets: [
        'Starting with shorter hours or fewer days.',
        'Swapping heavier tasks for lighter ones for a few weeks.',
        'Short, frequent breaks to move.',
        'Changes to your desk, chair or screen.',
        'Working from home on some days, if your job allows.',
      ],
    },
    {
      heading: 'Plan your return',
      paragraphs: ['A plan makes the first weeks easier:'],
      bullets: [
        'Use pacing: build up your hours and tasks step by step.',
        'Use your movement breaks and the workstation checklist.',
        'Keep doing your exercises on workdays, even a shorter version.',
        'Expect some soreness at first. It usually settles as you get used to it.',
      ],
    },
    {
      heading: 'If work feels hard right now',
      paragraphs: [
        'If your job involves heavy lifting, or you feel worried about going back, tell your ' +
          'clinician. They can help you plan and build up the strength and confidence your job ' +
          'needs.',
        'If you have been off work for a few weeks, ask your clinician about extra support to ' +
          'help you return.',
      ],
    },
  ],
  keyPoints: [
    'Getting back to normal activities, including work, helps recovery.',
    'You do not need to be free of pain to work.',
    'Talk to your employer about changes for a while.',
    'Build up your hours and tasks step by step.',
  ],
  checkQuestions: [
    {
      id: 'work-pain-free',
      question: 'Do you need to be completely free of pain before going back to work?',
      options: [
        'Yes, always.',
        'No: going back with some pain, with changes if needed, usually helps recovery.',
        'Only if your job is at a desk.',
      ],
      answer: 1,
      explanation:
        'Returning to normal activities, including work, is part of getting better. Some ' +
        'soreness at first is normal and usually settles.',
    },
    {
      id: 'work-changes',
      question: 'Which of these could help you return to work?',
      options: [
        'Starting with shorter hours and lighter tasks for a while.',
        'Going straight back to your heaviest tasks.',
        'Staying off until you feel perfect.',
      ],
      answer: 0,
      explanation:
        'Building up hours and tasks step by step lets your body and confidence catch up.',
    },
  ],
  sources: ['S-NICE'],
};

const keepingHealthy: Lesson = {
  id: 'keeping-healthy',
  title: 'Keeping your back and neck healthy',
  summary: 'How to keep the gains you have made after your programme ends.',
  regions: ['lumbar', 'cervical'],
  minutes: 4,
  topics: ['maintenance', 'selfManagement'],
  sections: [
    {
      heading: 'Keep up what works',
      paragraphs: [
        'Well done for the work you have put in. The aim now is to keep it going.',
        // [S-ACSM] strength training 2–3 days a week (default)
        'Keep doing the exercises that helped you most. Two or three times a week is a good ' +
          'target for strength exercises.',
        // [S-LANCET] exercise helps prevent recurrences
        'Regular exercise is one of the best ways to lower the chance of your pain coming back.',
      ],
    },
    {
      heading: 'Stay active for life',
      paragraphs: [
        'Aim to move every day. Walking, swimming, cycling, dancing, gardening or sport: any ' +
          'activity you enjoy counts.',
        'Keep challenging yourself a little. A strong, fit body copes better with everyday ' +
          'loads. Exercising with other people, or putting it in your diary, can help you keep ' +
          'it up.',
      ],
    },
    {
      heading: 'Act early on flare-ups',
      paragraphs: [
        'Pain may come back now and then. That is normal, and it does not mean you are back ' +
          'to square one.',
        'Use your flare-up plan straight away: keep moving gently, switch to your gentler ' +
          'exercises for a few days, then build back up.',
        // [S-PMM] 3–5 acceptable if settled by the next morning
        'Remember the pain guide: up to 5 out of 10 is acceptable if it settles by the next ' +
          'morning.',
      ],
    },
    {
      heading: 'When to get back in touch',
      paragraphs: ['Contact your clinician or doctor if:'],
      bullets: [
        'A flare-up is not settling, or flare-ups keep coming back.',
        'Pain stops you doing your usual activities or work.',
        'You notice any warning sign from your safety lessons. Get help straight away, as ' +
          'those lessons explain.',
      ],
    },
  ],
  keyPoints: [
    'Keep doing the exercises that helped, two or three times a week.',
    'Stay active every day in ways you enjoy.',
    'Flare-ups are normal: use your flare-up plan early.',
    'Know when to get back in touch, and act at once on warning signs.',
  ],
  checkQuestions: [
    {
      id: 'maintain-flare-up',
      question: 'Months after your programme, your back flares up. What should you do first?',
      options: [
        'Use your flare-up plan: keep moving gently and use your gentler exercises.',
        'Stop all activity until the pain has gone.',
        'Decide the programme did not work.',
      ],
      answer: 0,
      explanation:
        'Flare-ups are normal and usually settle. Acting early with your plan helps them pass ' +
        'more quickly.',
    },
    {
      id: 'maintain-strength',
      question: 'After your programme, how often is a good target for your strength exercises?',
      options: ['Once a year.', 'Two or three times a week.', 'Only when you have pain.'],
      answer: 1,
      explanation:
        'Two or three sessions a week keeps up the strength you have built, and regular ' +
        'exercise lowers the chance of pain coming back.',
    },
  ],
  sources: ['S-ACSM', 'S-LANCET', 'S-PMM'],
};

/** Every lesson, in the order a programme usually offers them. */
export const lessons: readonly Lesson[] = [
  understandingPain,
  stayingActive,
  flareUpPlan,
  caudaEquinaWarningSigns,
  neckWarningSigns,
  liftingAndBodyMechanics,
  postureAndWorkstation,
  pacingAndGradedActivity,
  sleep,
  stressAndRelaxation,
  returningToWork,
  keepingHealthy,
];
