import type { LessonLanguage } from './format';

/**
 * What the lesson index shows before any lesson file is loaded: every built-in lesson's id, its
 * place in the course, its title in each language and its number of steps. Each lesson's YAML
 * is fetched only when opened (registry.ts); tests/unit/scenarios/lessons.test.ts fails when an
 * entry here and its file disagree, or when a file has no entry.
 */
export interface LessonIndexEntry {
  readonly id: string;
  /** `spec.lesson.order`. */
  readonly order: number;
  /** `metadata.title` and its translations. */
  readonly title: Readonly<Record<LessonLanguage, string>>;
  /** `spec.lesson.steps.length`. */
  readonly steps: number;
}

/** Add a lesson here when adding its file under src/scenarios/lessons/ (any order: sorted below). */
const ENTRIES: readonly LessonIndexEntry[] = [
  {
    id: 'rbac-basics',
    order: 45,
    title: {
      en: 'RBAC: a Role does nothing without a binding',
      'zh-CN': 'RBAC：没有绑定的 Role 什么也不授予',
    },
    steps: 4,
  },
  {
    id: 'admission-basics',
    order: 95,
    title: { en: 'Admission: defaults in, latest out', 'zh-CN': '准入：补上默认值，拒绝 latest' },
    steps: 4,
  },
];

/** The course, in order (ties by id). */
export const LESSON_INDEX: readonly LessonIndexEntry[] = [...ENTRIES].sort(
  (a, b) => a.order - b.order || a.id.localeCompare(b.id),
);

export function lessonIndexEntry(id: string): LessonIndexEntry | undefined {
  return LESSON_INDEX.find((e) => e.id === id);
}
