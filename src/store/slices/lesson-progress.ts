import type { KeyValueStorage } from '../persistence';
import type { LessonProgress } from './lesson';

/** Progress lives apart from the workspace: resetting or replacing the world keeps it. */
export const LESSON_PROGRESS_KEY = 'kube-request-flow:lesson-progress';

const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

/** The saved progress; anything unreadable (old, corrupt, blocked storage) is an empty start. */
export function readLessonProgress(storage: Pick<KeyValueStorage, 'getItem'>): LessonProgress {
  let raw: string | null = null;
  try {
    raw = storage.getItem(LESSON_PROGRESS_KEY);
  } catch {
    return {};
  }
  if (raw === null) return {};
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
    const out: Record<string, readonly string[]> = {};
    for (const [lesson, done] of Object.entries(value)) if (isStringList(done)) out[lesson] = done;
    return out;
  } catch {
    return {};
  }
}

/** Saves progress; a full quota or private mode just means it is not remembered. */
export function writeLessonProgress(
  storage: Pick<KeyValueStorage, 'setItem'>,
  progress: LessonProgress,
): void {
  try {
    storage.setItem(LESSON_PROGRESS_KEY, JSON.stringify(progress));
  } catch {
    // Not remembered; the session still shows it.
  }
}
