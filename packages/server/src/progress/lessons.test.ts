import { generateProgramme, getLesson, lessons as library } from '@spinewise/clinical';
import { describe, expect, it } from 'vitest';
import { PROGRAMME_START, lowBackProfile } from '../logs/programme.fixture.js';
import { answerResults, checkAnswers, lessonContent, lessonList, scoreAnswers } from './lessons.js';

const programme = generateProgramme(lowBackProfile);

describe('lessonList', () => {
  it('opens the safety lesson from the start and each programme lesson with its first week', () => {
    const before = lessonList({ programme, region: 'lumbar', today: '2026-10-30', progress: [] });
    const safety = before.find((item) => item.id === 'cauda-equina-warning-signs');
    expect(safety).toMatchObject({ kind: 'safety', unlocked: true, unlockedOn: null, week: 1 });
    // Before the first day, nothing else is open.
    expect(before.filter((item) => item.unlocked).map((item) => item.id)).toEqual([
      'cauda-equina-warning-signs',
    ]);

    const week2 = programme.weeks[1];
    if (week2 === undefined) throw new Error('the fixture programme has one week');
    const secondWeekLesson = week2.lessons.find((id) => !programme.weeks[0]?.lessons.includes(id));
    if (secondWeekLesson === undefined) throw new Error('week 2 unlocks no new lesson');
    const dayBefore = lessonList({
      programme,
      region: 'lumbar',
      today: programme.weeks[0]?.endDate ?? '',
      progress: [],
    }).find((item) => item.id === secondWeekLesson);
    expect(dayBefore).toMatchObject({
      kind: 'programme',
      week: 2,
      unlocked: false,
      unlockedOn: week2.startDate,
    });
    const onTheDay = lessonList({
      programme,
      region: 'lumbar',
      today: week2.startDate,
      progress: [],
    }).find((item) => item.id === secondWeekLesson);
    expect(onTheDay?.unlocked).toBe(true);
  });

  it('lists safety first, then the programme by opening day, and leaves out lessons for another region', () => {
    const list = lessonList({ programme, region: 'lumbar', today: PROGRAMME_START, progress: [] });
    expect(list[0]?.kind).toBe('safety');
    const opening = list
      .filter((item) => item.kind === 'programme')
      .map((item) => item.unlockedOn ?? '');
    expect(opening).toEqual([...opening].sort());
    // The neck warning signs suit the neck only.
    expect(list.some((item) => item.id === 'neck-warning-signs')).toBe(false);
    const inProgramme = new Set(programme.weeks.flatMap((week) => week.lessons));
    const suitable = library.filter((lesson) => lesson.regions.includes('lumbar'));
    expect(list.length).toBe(suitable.length);
    for (const item of list.filter((entry) => entry.kind === 'moreToRead')) {
      expect(inProgramme.has(item.id)).toBe(false);
    }
  });

  it('shows the read date and the score of a lesson answered', () => {
    const lesson = getLesson('cauda-equina-warning-signs');
    const first = lesson.checkQuestions[0];
    if (first === undefined) throw new Error('no check question');
    const completedAt = new Date('2026-11-03T08:00:00Z');
    const [item] = lessonList({
      programme,
      region: 'lumbar',
      today: PROGRAMME_START,
      progress: [
        {
          lessonId: lesson.id,
          answers: { [first.id]: String(first.answer) },
          completedAt,
        },
      ],
    });
    expect(item).toMatchObject({
      id: lesson.id,
      completedAt: completedAt.toISOString(),
      score: { right: 1, total: lesson.checkQuestions.length },
    });
  });

  it('without a programme shows the safety lesson for the region and lessons already read', () => {
    const neck = lessonList({
      programme: null,
      region: 'cervical',
      today: PROGRAMME_START,
      progress: [],
    });
    expect(neck.map((item) => item.id)).toEqual(['neck-warning-signs']);
    expect(neck[0]?.unlocked).toBe(true);
    const unknown = lessonList({
      programme: null,
      region: null,
      today: PROGRAMME_START,
      progress: [],
    });
    expect(unknown.map((item) => item.id).sort()).toEqual([
      'cauda-equina-warning-signs',
      'neck-warning-signs',
    ]);
    const read = lessonList({
      programme: null,
      region: 'lumbar',
      today: PROGRAMME_START,
      progress: [{ lessonId: 'sleep', answers: {}, completedAt: new Date('2026-11-01T00:00:00Z') }],
    });
    expect(read.map((item) => item.id)).toEqual(['cauda-equina-warning-signs', 'sleep']);
  });

  it('opens "more to read" the day after the programme ends', () => {
    const edited = {
      ...programme,
      weeks: programme.weeks.map((week) => ({
        ...week,
        lessons: week.lessons.filter((id) => id !== 'sleep'),
      })),
    };
    const during = lessonList({
      programme: edited,
      region: 'lumbar',
      today: edited.endDate,
      progress: [],
    });
    expect(during.find((item) => item.id === 'sleep')).toMatchObject({
      kind: 'moreToRead',
      unlocked: false,
      week: null,
    });
    const after = during.find((item) => item.id === 'sleep')?.unlockedOn ?? '';
    expect(after > edited.endDate).toBe(true);
    const later = lessonList({ programme: edited, region: 'lumbar', today: after, progress: [] });
    expect(later.find((item) => item.id === 'sleep')?.unlocked).toBe(true);
  });
});

describe('lesson content and answers', () => {
  const lesson = getLesson('understanding-pain');
  const [first, second] = lesson.checkQuestions;
  if (first === undefined || second === undefined) throw new Error('the lesson has questions');

  it('does not say which option is right until the question is answered', () => {
    const content = lessonContent(lesson, {});
    expect(content.checkQuestions[0]?.result).toBeNull();
    expect(JSON.stringify(content)).not.toContain('"answer"');
    expect(JSON.stringify(content)).not.toContain(first.explanation);
    expect(content.checkQuestions[0]?.options.map((option) => option.id)).toEqual(
      first.options.map((_, index) => String(index)),
    );
    const answered = lessonContent(lesson, { [first.id]: String(first.answer) });
    expect(answered.checkQuestions[0]?.result).toMatchObject({
      correct: true,
      rightOptionId: String(first.answer),
      explanation: first.explanation,
    });
  });

  it('checks answers against the core, naming unknown questions and options', () => {
    const wrong = String((first.answer + 1) % first.options.length);
    const checked = checkAnswers(lesson, { [first.id]: wrong });
    expect(checked).toEqual({
      ok: true,
      results: [
        {
          questionId: first.id,
          optionId: wrong,
          correct: false,
          rightOptionId: String(first.answer),
          explanation: first.explanation,
        },
      ],
    });
    const bad = checkAnswers(lesson, { nope: '0', [second.id]: '9' });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.errors.map((error) => error.questionId)).toEqual(['nope', second.id]);
  });

  it('scores and lists the stored answers in the lesson’s order', () => {
    const answers = { [second.id]: String(second.answer), [first.id]: String(first.answer) };
    expect(scoreAnswers(lesson, answers)).toEqual({
      right: 2,
      total: lesson.checkQuestions.length,
    });
    expect(answerResults(lesson, answers).map((result) => result.questionId)).toEqual([
      first.id,
      second.id,
    ]);
  });
});
