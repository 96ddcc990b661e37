import type { SessionSlice, SliceArgs, WorkspaceMode } from '../types';

export interface SessionInit {
  readonly workspaceMode?: WorkspaceMode;
  readonly notices?: SessionSlice['notices'];
}

/** Which workspace is shown, the app's notices and the World panel's place. */
export function createSessionSlice(init: SessionInit, ...[set]: SliceArgs): SessionSlice {
  return {
    workspaceMode: init.workspaceMode ?? 'saved',
    notices: init.notices ?? [],
    conflict: undefined,
    worldOpen: false,
    worldTab: 'rbac',
    pushNotice: (notice) =>
      set((s) => ({ notices: [...s.notices.filter((n) => n.id !== notice.id), notice] })),
    dismissNotice: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
    setConflict: (conflict) => set({ conflict }),
    setWorkspaceMode: (workspaceMode) => set({ workspaceMode }),
    setWorldOpen: (worldOpen) => set({ worldOpen }),
    setWorldTab: (worldTab) => set({ worldTab, worldOpen: true }),
  };
}
