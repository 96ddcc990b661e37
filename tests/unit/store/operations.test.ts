import { describe, expect, it } from 'vitest';
import { STARTER } from '../../../src/scenarios/starter';
import { createAppStore } from '../../../src/store/create-app-store';
import {
  type KeyPress,
  operationForKey,
  playPauseOperation,
  sendOperation,
  stepOperation,
} from '../../../src/store/operations';

const press = (key: string, extra: Partial<KeyPress> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  isTyping: false,
  ...extra,
});

describe('Keyboard shortcuts', () => {
  it('sends on Ctrl+Enter or ⌘+Enter, even while typing', () => {
    expect(operationForKey(press('Enter', { ctrlKey: true, isTyping: true }))?.id).toBe('send');
    expect(operationForKey(press('Enter', { metaKey: true }))?.id).toBe('send');
  });

  it('plays and pauses on Space only when not typing', () => {
    expect(operationForKey(press(' '))?.id).toBe('play-pause');
    expect(operationForKey(press(' ', { isTyping: true }))).toBeUndefined();
  });

  it('steps on → and on "."', () => {
    expect(operationForKey(press('ArrowRight'))?.id).toBe('step');
    expect(operationForKey(press('.'))?.id).toBe('step');
  });

  it('restarts on R in either case, but not with Ctrl (browser reload)', () => {
    expect(operationForKey(press('R'))?.id).toBe('restart');
    expect(operationForKey(press('r', { ctrlKey: true }))).toBeUndefined();
  });
});

describe('Operations', () => {
  it('are enabled only when they can do something', () => {
    const store = createAppStore(STARTER);
    expect(sendOperation.isEnabled(store.getState())).toBe(false);
    expect(playPauseOperation.isEnabled(store.getState())).toBe(false);
    store.getState().loadExample('create-pod');
    expect(sendOperation.isEnabled(store.getState())).toBe(true);
    sendOperation.perform(store);
    expect(stepOperation.isEnabled(store.getState())).toBe(true);
    playPauseOperation.perform(store);
    expect(store.getState().status).toBe('paused');
  });
});
