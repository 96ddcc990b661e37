import type { SliceArgs, TextSize, ThemeChoice, UiSlice } from '../types';

export interface UiInit {
  readonly theme?: ThemeChoice;
  readonly textSize?: TextSize;
  readonly reducedMotion?: boolean;
}

export function createUiSlice(init: UiInit, ...[set]: SliceArgs): UiSlice {
  return {
    selectedNode: undefined,
    theme: init.theme ?? 'system',
    textSize: init.textSize ?? 'normal',
    reducedMotion: init.reducedMotion ?? false,
    selectNode: (node) => set({ selectedNode: node }),
    setTheme: (theme) => set({ theme }),
    setTextSize: (textSize) => set({ textSize }),
    setReducedMotion: (reducedMotion) => set({ reducedMotion }),
  };
}
