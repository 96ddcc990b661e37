import { describe, expect, it } from 'vitest';
import {
  decodeLessonProgress,
  encodeLessonProgress,
  LESSON_PROGRESS_KEY,
  readLessonProgress,
  withPrediction,
  withStepDone,
  writeLessonProgress,
} from '../../../src/store/persistence';
import { memoryStorage } from '../store/fake-storage';

describe('Lesson progress', () => {
  it('records done steps and predictions per lesson, and reads back what it wrote', () => {
    let progress = withStepDone({}, 'rbac-basics', 'list-denied');
    progress = withStepDone(progress, 'rbac-basics', 'list-denied');
    progress = withPrediction(progress, 'rbac-basics', 'list-denied', {
      stage: 'authorization',
      status: 403,
      right: true,
    });
    const storage = memoryStorage();
    expect(writeLessonProgress(storage, progress)).toEqual({ ok: true });
    expect(JSON.parse(storage.getItem(LESSON_PROGRESS_KEY) ?? '')).toEqual({
      version: 1,
      lessons: {
        'rbac-basics': {
          done: ['list-denied'],
          predictions: { 'list-denied': { stage: 'authorization', status: 403, right: true } },
        },
      },
    });
    expect(readLessonProgress(storage)).toEqual(progress);
  });

  it('starts empty on nothing saved, corrupt JSON, a newer version or blocked storage', () => {
    expect(readLessonProgress(memoryStorage())).toEqual({});
    expect(decodeLessonProgress('{not json')).toEqual({});
    expect(decodeLessonProgress('[1,2]')).toEqual({});
    expect(decodeLessonProgress(JSON.stringify({ version: 2, lessons: { a: { done: ['x'] } } }))).toEqual({});
    const blocked = {
      getItem: () => {
        throw new Error('SecurityError');
      },
    };
    expect(readLessonProgress(blocked)).toEqual({});
  });

  it('keeps what is readable and drops a bad step id or prediction alone', () => {
    const raw = JSON.stringify({
      version: 1,
      lessons: {
        a: {
          done: ['ok', 'Not An Id', 7, 'ok'],
          predictions: { ok: { stage: 'authorization', status: 403, right: false }, bad: { stage: 'rbac' } },
        },
        b: 'garbage',
      },
    });
    expect(decodeLessonProgress(raw)).toEqual({
      a: { done: ['ok'], predictions: { ok: { stage: 'authorization', status: 403, right: false } } },
    });
  });

  it('migrates the unversioned form (lesson id → done step ids)', () => {
    expect(decodeLessonProgress(JSON.stringify({ 'rbac-basics': ['list-denied', 'bind'] }))).toEqual({
      'rbac-basics': { done: ['list-denied', 'bind'], predictions: {} },
    });
  });

  it('reports a full quota instead of throwing', () => {
    const full = {
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(writeLessonProgress(full, {})).toEqual({ ok: false, reason: 'QuotaExceededError' });
    expect(encodeLessonProgress({})).toBe('{"version":1,"lessons":{}}');
  });
});
