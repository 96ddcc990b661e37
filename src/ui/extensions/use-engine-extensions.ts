import { useSyncExternalStore } from 'react';
import {
  type ExtensionsSnapshot,
  getExtensionsSnapshot,
  subscribeToExtensions,
} from '../../store/extensions';

/**
 * Where the schema and CEL loading stands, for components that want to say "still loading".
 * Reads module state, not the app store, so it works in any tree. It does not start the load.
 */
export function useEngineExtensions(): ExtensionsSnapshot {
  return useSyncExternalStore(subscribeToExtensions, getExtensionsSnapshot, getExtensionsSnapshot);
}
