import { useEffect } from 'react';
import { useAppStoreApi } from '../store/context';
import { operationForKey } from '../store/operations';

/** Where plain keys belong to the focused control rather than to the app. */
function isTypingTarget(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT') return true;
  // Space and Enter activate the focused button or disclosure natively; don't double them.
  if ((key === ' ' || key === 'Enter') && (tag === 'BUTTON' || tag === 'SUMMARY' || tag === 'A')) return true;
  return false;
}

/** Routes keyboard shortcuts to the same Operation objects the buttons use. */
export function useShortcuts(): void {
  const store = useAppStoreApi();
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.repeat) return;
      const operation = operationForKey({
        key: event.key,
        ctrlKey: event.ctrlKey,
        metaKey: event.metaKey,
        altKey: event.altKey,
        shiftKey: event.shiftKey,
        isTyping: isTypingTarget(event.target, event.key),
      });
      if (operation === undefined || !operation.isEnabled(store.getState())) return;
      event.preventDefault();
      operation.perform(store);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [store]);
}
