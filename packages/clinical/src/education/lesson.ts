/**
 * A patient education lesson as typed data: short sections a patient reads on a phone, the key
 * points to remember, a few check questions, and the sources behind the facts it states.
 * Written in Spinewise's own plain words so clinicians can review and translate it as content.
 */
import type { Region } from '../region.js';
import type { SourceId } from '../sources.js';

/** What a lesson is about; a programme picks lessons by topic (e.g. STarT Back high risk → psychologically informed). */
export type LessonTopic =
  | 'painEducation'
  | 'selfManagement'
  | 'psychologicallyInformed'
  | 'safety'
  | 'function'
  | 'work'
  | 'maintenance'
  | 'sleep'
  | 'relaxation';

export const lessonTopics: readonly LessonTopic[] = [
  'painEducation',
  'selfManagement',
  'psychologicallyInformed',
  'safety',
  'function',
  'work',
  'maintenance',
  'sleep',
  'relaxation',
];

export interface LessonSection {
  readonly heading: string;
  /** Short paragraphs, a few sentences each. */
  readonly paragraphs: readonly string[];
  /** An optional list shown after the paragraphs (a checklist, warning signs, tips). */
  readonly bullets?: readonly string[];
}

/** A multiple-choice question that checks the lesson landed; never scored clinically. */
export interface CheckQuestion {
  readonly id: string;
  readonly question: string;
  readonly options: readonly string[];
  /** Index into `options` of the right answer. */
  readonly answer: number;
  /** Shown after the patient answers, whichever option they chose. */
  readonly explanation: string;
}

/** A paced-breathing timer, in seconds per phase; the relaxation lesson carries one. */
export interface BreathingTimer {
  readonly inhaleSeconds: number;
  readonly holdSeconds: number;
  readonly exhaleSeconds: number;
  readonly cycles: number;
}

export interface Lesson {
  /** Kebab-case, stable: programmes and progress records refer to it. */
  readonly id: string;
  readonly title: string;
  /** One line, shown in the lesson list. */
  readonly summary: string;
  /** The regions the lesson suits. */
  readonly regions: readonly Region[];
  /** Estimated reading time in minutes. */
  readonly minutes: number;
  readonly topics: readonly LessonTopic[];
  readonly sections: readonly LessonSection[];
  readonly keyPoints: readonly string[];
  /** Two or three per lesson. */
  readonly checkQuestions: readonly CheckQuestion[];
  readonly breathingTimer?: BreathingTimer;
  /** Source ids for the facts the lesson states (sources.ts). */
  readonly sources: readonly SourceId[];
}
