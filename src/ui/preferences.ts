import type { TextSize, ThemeChoice } from '../store/types';

const KEY = 'kube-request-flow:preferences';

export interface Preferences {
  readonly theme: ThemeChoice;
  readonly textSize: TextSize;
}

/** Saved choices, or nothing when storage is blocked or holds something unexpected. */
export function loadPreferences(): Partial<Preferences> {
  try {
    const raw: unknown = JSON.parse(window.localStorage.getItem(KEY) ?? '{}');
    if (typeof raw !== 'object' || raw === null) return {};
    const { theme, textSize } = raw as Record<string, unknown>;
    return {
      ...(theme === 'system' || theme === 'light' || theme === 'dark' ? { theme } : {}),
      ...(textSize === 'normal' || textSize === 'large' ? { textSize } : {}),
    };
  } catch {
    return {};
  }
}

export function savePreferences(preferences: Preferences): void {
  try {
    window.localStorage.setItem(KEY, JSON.stringify(preferences));
  } catch {
    // Private mode or a full quota: the choice simply isn't remembered.
  }
}
