// Test fixture: the lessons API's answers for a patient in week 2 of a low back programme.
import type { Lesson, LessonList } from './learn-api.js';

export const LESSON_LIST: LessonList = {
  date: '2026-11-10',
  programme: {
    id: '00000000-0000-4000-8000-0000000000a1',
    startDate: '2026-11-02',
    endDate: '2026-12-13',
  },
  lessons: [
    {
      id: 'cauda-equina-warning-signs',
      title: 'Warning signs to act on at once',
      summary: 'Rare signs that need urgent help.',
      minutes: 3,
      kind: 'safety',
      week: 1,
      unlockedOn: null,
      unlocked: true,
      completedAt: '2026-11-03T08:00:00.000Z',
      score: { right: 2, total: 2 },
    },
    {
      id: 'understanding-pain',
      title: 'Understanding back and neck pain',
      summary: 'Why pain happens.',
      minutes: 5,
      kind: 'programme',
      week: 1,
      unlockedOn: '2026-11-02',
      unlocked: true,
      completedAt: null,
      score: null,
    },
    {
      id: 'sleep',
      title: 'Sleeping well with pain',
      summary: 'Rest that helps.',
      minutes: 4,
      kind: 'programme',
      week: 3,
      unlockedOn: '2026-11-16',
      unlocked: false,
      completedAt: null,
      score: null,
    },
  ],
};

export const LESSON: Lesson = {
  id: 'stress-and-relaxation',
  title: 'Stress, worry and relaxation',
  summary: 'How stress and pain feed each other.',
  minutes: 5,
  sections: [
    {
      heading: 'Stress turns the volume up',
      paragraphs: ['Worry can make pain feel stronger.'],
      bullets: ['Slow breathing', 'A short walk'],
    },
  ],
  keyPoints: ['Relaxing helps calm pain.'],
  checkQuestions: [
    {
      id: 'calm-breath',
      question: 'Which breath helps you relax?',
      options: [
        { id: '0', text: 'Fast and shallow.' },
        { id: '1', text: 'Slow, with a longer breath out.' },
      ],
      result: null,
    },
  ],
  breathingTimer: { inhaleSeconds: 4, holdSeconds: 0, exhaleSeconds: 6, cycles: 6 },
  sources: ['S-NICE'],
  completedAt: null,
};
