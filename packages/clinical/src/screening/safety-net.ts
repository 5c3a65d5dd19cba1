/**
 * Cauda equina safety-net advice for patients, as data. Every low-back screen and every
 * programme carries it. [S-CES] Written in Spinewise's own plain words, not copied from the
 * pathway, so it can be reviewed and translated as content.
 */

export interface SafetyNetAdvice {
  readonly title: string;
  readonly intro: string;
  readonly symptoms: readonly string[];
  readonly action: string;
  readonly sources: readonly ['S-CES'];
}

export const caudaEquinaSafetyNet: SafetyNetAdvice = {
  title: 'Warning signs that need emergency care',
  intro:
    'Very rarely, a back problem squeezes the nerves at the bottom of the spine that look after ' +
    'your bladder, bowel, sex life and legs. This is called cauda equina syndrome. It needs ' +
    'treatment within hours to stop lasting harm. Watch for any of these, especially if they ' +
    'are new:',
  symptoms: [
    'Your bladder behaves differently: it is hard to start peeing, you cannot stop the flow, ' +
      'or you cannot empty your bladder.',
    'You cannot feel when your bladder is full, or you cannot feel the urine as you pee.',
    'You leak urine without meaning to.',
    'You lose control of your bowels, or cannot feel when you need to poo.',
    'Numbness, tingling or a strange feeling around your back passage, your genitals or the ' +
      'inside of your thighs (the parts that would touch a saddle).',
    'New weakness, numbness or pain in both legs, or it is getting worse in both legs.',
    'Changes in your sex life: less feeling in your genitals, or new problems getting an ' +
      'erection or ejaculating.',
  ],
  action:
    'If you notice any of these, go to an emergency department straight away, at any time of ' +
    'the day or night, including weekends. Do not wait for your next appointment or to see if ' +
    'it gets better. Tell the staff you have back pain and are worried about cauda equina ' +
    'syndrome.',
  sources: ['S-CES'],
};
