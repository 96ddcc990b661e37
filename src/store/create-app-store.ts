import { createStore } from 'zustand/vanilla';
import type { Scenario } from '../scenarios/runtime';
import { createCompareSlice } from './slices/compare';
import { type ComposerInit, createComposerSlice } from './slices/composer';
import { createLessonSlice, type LessonInit } from './slices/lesson';
import { createPlaybackSlice } from './slices/playback';
import { createRunSlice } from './slices/run';
import { createSessionSlice, type SessionInit } from './slices/session';
import { createUiSlice, type UiInit } from './slices/ui';
import { createWorldSlice, type WorldInit } from './slices/world';
import type { AppState, AppStore } from './types';

export interface AppStoreOptions extends ComposerInit, UiInit, WorldInit, SessionInit, LessonInit {}

/**
 * One store per app (and per test): the world, the composer, the last run, its playback, the
 * UI preferences, the session (notices, shared or saved workspace), compare mode and the lesson
 * guide, each slice beside the actions that change it. A restored workspace replays its sends and shows the last.
 */
export function createAppStore(scenario: Scenario, options: AppStoreOptions = {}): AppStore {
  const store = createStore<AppState>()((set, get) => {
    const world = createWorldSlice(scenario, options, set, get);
    const composerScenario = world.slice.scenario;
    return {
      ...world.slice,
      ...createComposerSlice(composerScenario, options, set, get),
      ...createRunSlice(set, get),
      ...createPlaybackSlice(set, get),
      ...createUiSlice(options, set, get),
      ...createSessionSlice(options, set, get),
      ...createCompareSlice(set, get),
      ...createLessonSlice(options, set, get),
      ...world.initialRun,
    };
  });
  // Extensions that arrived mid-animation are applied once it stops (see applyExtensions).
  store.subscribe((s) => {
    if (s.extensionsPending && s.status !== 'playing') s.applyExtensions();
  });
  return store;
}
