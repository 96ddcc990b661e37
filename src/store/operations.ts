import type { MessageKey } from '../i18n';
import type { AppState, AppStore } from './types';

/** A key combination; `mod` is Ctrl, or ⌘ on a Mac. */
export interface Shortcut {
  /** KeyboardEvent.key values that trigger it (compared case-insensitively for letters). */
  readonly keys: readonly string[];
  readonly mod?: boolean;
  /** Shift must be held (true) or not (false); undefined accepts either. */
  readonly shift?: boolean;
  /** Works while typing in a field (only for modified shortcuts such as Ctrl+Enter). */
  readonly whileTyping?: boolean;
  /** How the shortcut is shown to people, e.g. `Ctrl+Enter`. */
  readonly display: string;
}

/**
 * Something the user can do: the same object drives its button, its keyboard shortcut and tests.
 * `isEnabled` reads state only; `perform` changes it through the store's actions.
 */
export interface Operation {
  readonly id: string;
  readonly labelKey: MessageKey;
  readonly shortcut?: Shortcut;
  /** Left out of the on-screen shortcut list (an alternative key for another operation). */
  readonly hideHint?: boolean;
  isEnabled(state: AppState): boolean;
  perform(store: AppStore): void;
}

const hasRun = (s: AppState) => s.traces.length > 0;

export const sendOperation: Operation = {
  id: 'send',
  labelKey: 'op.send',
  shortcut: { keys: ['Enter'], mod: true, whileTyping: true, display: 'Ctrl+Enter' },
  // In raw mode the raw form sends (its own Ctrl+Enter); this is kubectl's Send.
  isEnabled: (s) => s.composerMode === 'kubectl' && s.derived.ok && s.derived.requests.length > 0,
  perform: (store) => store.getState().send(),
};

export const playPauseOperation: Operation = {
  id: 'play-pause',
  labelKey: 'op.play',
  shortcut: { keys: [' '], display: 'Space' },
  isEnabled: hasRun,
  perform: (store) => store.getState().togglePlay(),
};

export const stepOperation: Operation = {
  id: 'step',
  labelKey: 'op.step',
  shortcut: { keys: ['ArrowRight', '.'], display: '→' },
  isEnabled: (s) => hasRun(s) && s.status !== 'done',
  perform: (store) => store.getState().step1(),
};

export const restartOperation: Operation = {
  id: 'restart',
  labelKey: 'op.restart',
  shortcut: { keys: ['r'], display: 'R' },
  isEnabled: hasRun,
  perform: (store) => store.getState().restart(),
};

export const skipOperation: Operation = {
  id: 'skip',
  labelKey: 'op.skip',
  shortcut: { keys: ['End', 'e'], display: 'E' },
  isEnabled: (s) => hasRun(s) && s.status !== 'done',
  perform: (store) => store.getState().skipToEnd(),
};

export const cycleSpeedOperation: Operation = {
  id: 'cycle-speed',
  labelKey: 'op.cycleSpeed',
  shortcut: { keys: ['s'], display: 'S' },
  isEnabled: () => true,
  perform: (store) => store.getState().cycleSpeed(),
};

/** Undo the last edit of the world (CodeMirror keeps its own history while it has focus). */
export const undoOperation: Operation = {
  id: 'undo',
  labelKey: 'op.undo',
  shortcut: { keys: ['z'], mod: true, shift: false, display: 'Ctrl+Z' },
  isEnabled: (s) => s.past.length > 0,
  perform: (store) => store.getState().undo(),
};

export const redoOperation: Operation = {
  id: 'redo',
  labelKey: 'op.redo',
  shortcut: { keys: ['z'], mod: true, shift: true, display: 'Ctrl+Shift+Z' },
  isEnabled: (s) => s.future.length > 0,
  perform: (store) => store.getState().redo(),
};

/** Ctrl+Y, the other redo people know. */
export const redoAltOperation: Operation = {
  ...redoOperation,
  id: 'redo-alt',
  hideHint: true,
  shortcut: { keys: ['y'], mod: true, display: 'Ctrl+Y' },
};

export const toggleWorldOperation: Operation = {
  id: 'toggle-world',
  labelKey: 'op.world',
  shortcut: { keys: ['w'], display: 'W' },
  isEnabled: () => true,
  perform: (store) => store.getState().setWorldOpen(!store.getState().worldOpen),
};

export const toggleCompareOperation: Operation = {
  id: 'toggle-compare',
  labelKey: 'op.compare',
  shortcut: { keys: ['c'], display: 'C' },
  isEnabled: () => true,
  perform: (store) => store.getState().setCompare(!store.getState().compareEnabled),
};

export const resetToLessonOperation: Operation = {
  id: 'reset-to-lesson',
  labelKey: 'op.resetToLesson',
  isEnabled: () => true,
  perform: (store) => store.getState().resetToLesson(),
};

export const OPERATIONS: readonly Operation[] = [
  sendOperation,
  playPauseOperation,
  stepOperation,
  restartOperation,
  skipOperation,
  cycleSpeedOperation,
  undoOperation,
  redoOperation,
  redoAltOperation,
  toggleWorldOperation,
  toggleCompareOperation,
];

/** The fields of a keydown event the shortcut matcher needs (so tests need no DOM). */
export interface KeyPress {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
  readonly shiftKey?: boolean;
  /** Focus is in a text field, select or button, where plain keys belong to that control. */
  readonly isTyping: boolean;
}

/** The operation a key press triggers, if any. */
export function operationForKey(
  press: KeyPress,
  operations: readonly Operation[] = OPERATIONS,
): Operation | undefined {
  if (press.altKey) return undefined;
  const mod = press.ctrlKey || press.metaKey;
  return operations.find((op) => {
    const shortcut = op.shortcut;
    if (shortcut === undefined) return false;
    if (Boolean(shortcut.mod) !== mod) return false;
    if (shortcut.shift !== undefined && shortcut.shift !== Boolean(press.shiftKey)) return false;
    if (press.isTyping && !shortcut.whileTyping) return false;
    return shortcut.keys.some((k) => k.toLowerCase() === press.key.toLowerCase());
  });
}
