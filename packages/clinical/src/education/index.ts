/** Patient education: lessons and posture/ergonomic tasks, as reviewed content data. */
import { ClinicalInputError, describeValue } from '../input-error.js';
import type { Lesson } from './lesson.js';
import { lessons } from './lessons.js';

export {
  lessonTopics,
  type BreathingTimer,
  type CheckQuestion,
  type Lesson,
  type LessonSection,
  type LessonTopic,
} from './lesson.js';
export { lessons, relaxationBreathing } from './lessons.js';
export { postureTasks, taskPhases, type PostureTask, type TaskPhase } from './tasks.js';

const lessonsById: ReadonlyMap<string, Lesson> = new Map(
  lessons.map((lesson) => [lesson.id, lesson]),
);

/** Every lesson id, in the order `lessons` lists them. */
export const lessonIds: readonly string[] = lessons.map((lesson) => lesson.id);

/** The lesson with this id; an unknown id is an input error naming `lesson`. */
export function getLesson(id: unknown): Lesson {
  const lesson = typeof id === 'string' ? lessonsById.get(id) : undefined;
  if (lesson === undefined) {
    throw new ClinicalInputError(
      ['lesson'],
      `${describeValue(id)} is not a lesson; choose one of: ${lessonIds.join(', ')}`,
    );
  }
  return lesson;
}
