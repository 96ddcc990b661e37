import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { AppState, AppStore } from './types';

export const AppStoreContext = createContext<AppStore | null>(null);

/** The store itself, for operations and event handlers. */
export function useAppStoreApi(): AppStore {
  const store = useContext(AppStoreContext);
  if (store === null) throw new Error('useAppStore must be used inside <AppStoreContext.Provider>');
  return store;
}

/** One narrow read from the store; pass a module-level selector. */
export function useAppStore<T>(selector: (state: AppState) => T): T {
  return useStore(useAppStoreApi(), selector);
}
