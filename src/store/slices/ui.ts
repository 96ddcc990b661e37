import type { ComposerMode, DetailsTab, SliceArgs, TextSize, ThemeChoice, UiSlice } from '../types';

export interface UiInit {
  readonly theme?: ThemeChoice;
  readonly textSize?: TextSize;
  readonly reducedMotion?: boolean;
  readonly composerMode?: ComposerMode;
  readonly detailsTab?: DetailsTab;
}

export function createUiSlice(init: UiInit, ...[set]: SliceArgs): UiSlice {
  return {
    selectedNode: undefined,
    theme: init.theme ?? 'system',
    textSize: init.textSize ?? 'normal',
    reducedMotion: init.reducedMotion ?? false,
    composerMode: init.composerMode ?? 'kubectl',
    detailsTab: init.detailsTab ?? 'inspector',
    selectNode: (node) => set({ selectedNode: node }),
    setTheme: (theme) => set({ theme }),
    setTextSize: (textSize) => set({ textSize }),
    setReducedMotion: (reducedMotion) => set({ reducedMotion }),
    setComposerMode: (composerMode) => set({ composerMode }),
    setDetailsTab: (detailsTab) => set({ detailsTab }),
  };
}
