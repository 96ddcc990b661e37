import { createContext, useContext } from 'react';
import type { AutosaveController } from './autosave';

/** Persistence actions for the workspace banners and the World panel (save, load theirs, keep mine). */
export const WorkspaceContext = createContext<AutosaveController | null>(null);

/** Undefined outside the app (tests render panels without persistence). */
export function useWorkspace(): AutosaveController | undefined {
  return useContext(WorkspaceContext) ?? undefined;
}
