import { describe, expect, it } from 'vitest';
import { ClinicalInputError } from '../input-error.js';
import { regions } from '../region.js';
import { caudaEquinaSafetyNet } from '../screening/safety-net.js';
import { isSourceId } from '../sources.js';
import { getLesson, lessonIds, lessons, lessonTopics, type Lesson } from './index.js';

const kebab = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const placeholder = /\b(todo|tbd|fixme|xxx|lorem|ipsum|placeholder|undefined|nan)\b/i;

const required = [
  'understanding-pain',
  'staying-active',
  'flare-up-plan',
  'cauda-equina-warning-signs',
  'neck-warning-signs',
  'lifting-and-body-mechanics',
  'posture-and-workstation',
  'pacing-and-graded-activity',
  'sleep',
  'stress-and-relaxation',
  'returning-to-work',
  'keeping-healthy',
];

const each = lessons.map((lesson) => [lesson.id, lesson] as const);

/** Every piece of text a patient reads in the lesson. */
function texts(lesson: Lesson): string[] {
  return [
    lesson.title,
    lesson.summary,
    ...lesson.sections.flatMap((section) => [
      section.heading,
      ...section.paragraphs,
      ...(section.bullets ?? []),
    ]),
    ...lesson.keyPoints,
    ...lesson.checkQuestions.flatMap((check) => [
      check.question,
      ...check.options,
      check.explanation,
    ]),
  ];
}

function allText(lesson: Lesson): string {
  return texts(lesson).join('\n');
}

function bullets(lesson: Lesson): string[] {
  return lesson.sections.flatMap((section) => section.bullets ?? []);
}

describe('lessons', () => {
  it('have unique, kebab-case ids, and lessonIds lists them in order', () => {
    const ids = lessons.map((lesson) => lesson.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(kebab);
    expect(lessonIds).toEqual(ids);
  });

  it('include every required lesson', () => {
    expect(required.filter((id) => !lessonIds.includes(id))).toEqual([]);
  });

  it.each(each)('%s has 3–5 sections, 3–5 key points and 2–3 check questions', (_, lesson) => {
    expect(lesson.sections.length).toBeGreaterThanOrEqual(3);
    expect(lesson.sections.length).toBeLessThanOrEqual(5);
    for (const section of lesson.sections) {
      expect(section.paragraphs.length).toBeGreaterThan(0);
      if (section.bullets !== undefined) expect(section.bullets.length).toBeGreaterThan(0);
    }
    expect(lesson.keyPoints.length).toBeGreaterThanOrEqual(3);
    expect(lesson.keyPoints.length).toBeLessThanOrEqual(5);
    expect(lesson.checkQuestions.length).toBeGreaterThanOrEqual(2);
    expect(lesson.checkQuestions.length).toBeLessThanOrEqual(3);
  });

  it.each(each)('%s has valid check questions', (_, lesson) => {
    const ids = lesson.checkQuestions.map((check) => check.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const check of lesson.checkQuestions) {
      expect(check.id).toMatch(kebab);
      expect(check.options.length).toBeGreaterThanOrEqual(2);
      expect(new Set(check.options).size).toBe(check.options.length);
      expect(Number.isInteger(check.answer)).toBe(true);
      expect(check.answer).toBeGreaterThanOrEqual(0);
      expect(check.answer).toBeLessThan(check.options.length);
    }
  });

  it('have check question ids unique across all lessons', () => {
    const ids = lessons.flatMap((lesson) => lesson.checkQuestions.map((check) => check.id));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(each)('%s has regions, topics, a reading time and known sources', (_, lesson) => {
    expect(lesson.regions.length).toBeGreaterThan(0);
    expect(new Set(lesson.regions).size).toBe(lesson.regions.length);
    for (const region of lesson.regions) expect(regions).toContain(region);
    expect(lesson.topics.length).toBeGreaterThan(0);
    for (const topic of lesson.topics) expect(lessonTopics).toContain(topic);
    expect(Number.isInteger(lesson.minutes)).toBe(true);
    expect(lesson.minutes).toBeGreaterThan(0);
    expect(lesson.minutes).toBeLessThanOrEqual(10);
    expect(lesson.sources.length).toBeGreaterThan(0);
    expect(new Set(lesson.sources).size).toBe(lesson.sources.length);
    expect(lesson.sources.filter((id) => !isSourceId(id))).toEqual([]);
  });

  it.each(each)('%s has clean text', (_, lesson) => {
    for (const text of texts(lesson)) {
      expect(text.trim()).not.toBe('');
      expect(text).toBe(text.trim());
      expect(text).not.toMatch(/ {2}/);
      expect(text).not.toMatch(placeholder);
    }
    expect(lesson.summary).not.toMatch(/\n/);
  });

  it.each(each)('%s keeps sentences short for reading on a phone', (_, lesson) => {
    // Plain English (reading age about 11–12): no sentence over 40 words.
    const sentences = texts(lesson).flatMap((text) => text.split(/(?<=[.!?:])\s+/));
    const long = sentences.filter((sentence) => sentence.split(/\s+/).length > 40);
    expect(long).toEqual([]);
  });

  it('only the relaxation lesson has a breathing timer, with sensible timings', () => {
    const withTimer = lessons.filter((lesson) => lesson.breathingTimer !== undefined);
    expect(withTimer.map((lesson) => lesson.id)).toEqual(['stress-and-relaxation']);
    const timer = getLesson('stress-and-relaxation').breathingTimer;
    expect(timer).toBeDefined();
    if (timer === undefined) return;
    expect(timer.inhaleSeconds).toBeGreaterThan(0);
    expect(timer.holdSeconds).toBeGreaterThanOrEqual(0);
    expect(timer.exhaleSeconds).toBeGreaterThan(0);
    expect(Number.isInteger(timer.cycles)).toBe(true);
    expect(timer.cycles).toBeGreaterThan(0);
    expect(getLesson('stress-and-relaxation').topics).toContain('relaxation');
  });
});

describe('safety lessons', () => {
  it('cauda equina lesson is lumbar only, cites S-CES and carries the whole safety net', () => {
    const lesson = getLesson('cauda-equina-warning-signs');
    expect(lesson.regions).toEqual(['lumbar']);
    expect(lesson.topics).toContain('safety');
    expect(lesson.sources).toContain('S-CES');
    const listed = bullets(lesson);
    for (const symptom of caudaEquinaSafetyNet.symptoms) expect(listed).toContain(symptom);
    const paragraphs = lesson.sections.flatMap((section) => section.paragraphs);
    expect(paragraphs).toContain(caudaEquinaSafetyNet.intro);
    expect(paragraphs).toContain(caudaEquinaSafetyNet.action);
  });

  it('neck warning signs lesson is cervical only, cites S-RF and names the urgent signs', () => {
    const lesson = getLesson('neck-warning-signs');
    expect(lesson.regions).toEqual(['cervical']);
    expect(lesson.topics).toContain('safety');
    expect(lesson.sources).toContain('S-RF');
    const text = allText(lesson).toLowerCase();
    // [S-RF] cervical myelopathy and cervical arterial dysfunction
    for (const sign of [
      'clumsy',
      'unsteady',
      'both arms',
      'dizziness',
      'double vision',
      'slurred speech',
      'swallowing',
      'drop attack',
      'emergency',
      'ambulance',
    ]) {
      expect(text).toContain(sign);
    }
  });

  it('flare-up plan states the pain-monitoring model and when to get help', () => {
    const lesson = getLesson('flare-up-plan');
    expect(lesson.sources).toContain('S-PMM');
    const text = allText(lesson);
    // [S-PMM] 0–2 safe, 3–5 acceptable, >5 too much, settled by the next morning
    expect(text).toContain('0 to 2: safe');
    expect(text).toContain('3 to 5: acceptable');
    expect(text).toContain('Above 5: too much');
    expect(text).toContain('next morning');
    expect(text).toMatch(/gentler set/);
    expect(text).toMatch(/emergency/i);
  });

  it('pacing lesson is time-contingent and builds up by the default 10 % a week', () => {
    const lesson = getLesson('pacing-and-graded-activity');
    expect(lesson.sources).toContain('S-GRADED');
    const text = allText(lesson);
    expect(text).toContain('10% more each week');
    expect(text).toMatch(/planned time/);
  });

  it('region-suited lessons: all but the two warning-sign lessons suit both regions', () => {
    for (const lesson of lessons) {
      if (lesson.id === 'cauda-equina-warning-signs' || lesson.id === 'neck-warning-signs')
        continue;
      expect([...lesson.regions].sort()).toEqual(['cervical', 'lumbar']);
    }
  });

  it('every region has its own warning-signs lesson', () => {
    for (const region of regions) {
      expect(
        lessons.some(
          (lesson) => lesson.topics.includes('safety') && lesson.regions.includes(region),
        ),
      ).toBe(true);
    }
  });
});

describe('getLesson', () => {
  it('returns a lesson by id', () => {
    expect(getLesson('sleep').title).toMatch(/sleep/i);
  });

  it.each([['no-such-lesson'], [''], [42], [undefined]])(
    'rejects %j as an input error naming the lesson',
    (id) => {
      expect(() => getLesson(id)).toThrow(ClinicalInputError);
      try {
        getLesson(id);
      } catch (error) {
        expect(error).toBeInstanceOf(ClinicalInputError);
        if (error instanceof ClinicalInputError) {
          expect(error.path).toEqual(['lesson']);
          expect(error.detail).toContain('understanding-pain');
        }
      }
    },
  );
});
