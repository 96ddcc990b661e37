import { createStore } from 'zustand/vanilla';
import type { Scenario } from '../scenarios/starter';
import { type ComposerInit, createComposerSlice } from './slices/composer';
import { createPlaybackSlice } from './slices/playback';
import { createRunSlice } from './slices/run';
import { createUiSlice, type UiInit } from './slices/ui';
import { createWorldSlice } from './slices/world';
import type { AppState, AppStore } from './types';

export interface AppStoreOptions extends ComposerInit, UiInit {}

/**
 * One store per app (and per test): the world, the composer, the last run, its playback and the
 * UI preferences, each slice beside the actions that change it.
 */
export function createAppStore(scenario: Scenario, options: AppStoreOptions = {}): AppStore {
  return createStore<AppState>()((set, get) => ({
    ...createWorldSlice(scenario, set, get),
    ...createComposerSlice(scenario, options, set, get),
    ...createRunSlice(set, get),
    ...createPlaybackSlice(set, get),
    ...createUiSlice(options, set, get),
  }));
}
