import { describe, expect, it } from 'vitest';
import { STARTER } from '../../../src/scenarios/starter';
import { createAppStore } from '../../../src/store/create-app-store';
import { pathOf } from '../../../src/store/path';
import { selectInspectedNode, selectNodeOutcome, selectResponseRevealed } from '../../../src/store/selectors';

/** Ticks the playback clock until it stops, as the UI's timer would. */
function playToEnd(store: ReturnType<typeof createAppStore>): void {
  for (let i = 0; i < 100 && store.getState().status === 'playing'; i++) store.getState().tick();
}

describe('The composer', () => {
  it('starts with the scenario default user and no command', () => {
    const store = createAppStore(STARTER);
    expect(store.getState().user).toBe('alice');
    expect(store.getState().command).toBe('');
  });

  it('loads an example: its command, user and files', () => {
    const store = createAppStore(STARTER);
    store.getState().loadExample('invalid-pod');
    const s = store.getState();
    expect(s.user).toBe('alice');
    expect(s.command).toBe('kubectl create -f broken-pod.yaml');
    expect(Object.keys(s.files)).toEqual(['broken-pod.yaml']);
    expect(s.derived.ok && s.derived.requests[0]?.method).toBe('POST');
  });

  it('keeps the typed text and reports kubectl errors as data', () => {
    const store = createAppStore(STARTER);
    store.getState().setCommand('kubectl frob');
    const s = store.getState();
    expect(s.command).toBe('kubectl frob');
    expect(s.derived).toEqual({ ok: false, error: expect.stringContaining('unknown command') });
    s.send();
    expect(store.getState().traces).toEqual([]);
  });

  it('falls back to the default user for an unknown name (deep links)', () => {
    const store = createAppStore(STARTER, { user: 'eve', command: 'kubectl get pods' });
    expect(store.getState().user).toBe('alice');
    expect(store.getState().derived.ok).toBe(true);
  });
});

describe('Sending and playback', () => {
  it('sends, plays hop by hop, and reveals a 201 only at the end', () => {
    const store = createAppStore(STARTER);
    store.getState().loadExample('create-pod');
    store.getState().send();
    expect(store.getState().status).toBe('playing');
    expect(selectResponseRevealed(store.getState())).toBe(false);
    store.getState().tick();
    expect(selectNodeOutcome('authentication')(store.getState())).toBe('active');
    playToEnd(store);
    const s = store.getState();
    expect(s.status).toBe('done');
    expect(s.traces[0]?.response.status).toBe(201);
    expect(selectResponseRevealed(s)).toBe(true);
    expect(selectNodeOutcome('storage')(s)).toBe('passed');
  });

  it('shows the deciding stage in the inspector at the end of a 403', () => {
    const store = createAppStore(STARTER);
    store.getState().loadExample('forbidden-delete');
    store.getState().send();
    store.getState().skipToEnd();
    expect(selectInspectedNode(store.getState())).toBe('authorization');
    expect(selectNodeOutcome('authorization')(store.getState())).toBe('failed');
  });

  it('pauses on Step and resumes from the same place on Play', () => {
    const store = createAppStore(STARTER);
    store.getState().loadExample('create-pod');
    store.getState().send();
    store.getState().step1();
    store.getState().step1();
    expect(store.getState()).toMatchObject({ status: 'paused', step: 2 });
    store.getState().tick();
    expect(store.getState().step).toBe(2);
    store.getState().play();
    store.getState().tick();
    expect(store.getState()).toMatchObject({ status: 'playing', step: 3 });
  });

  it('restarts from the client, and Play after the end replays', () => {
    const store = createAppStore(STARTER);
    store.getState().loadExample('bad-token');
    store.getState().send();
    store.getState().skipToEnd();
    store.getState().play();
    expect(store.getState()).toMatchObject({ status: 'playing', step: 0 });
    store.getState().skipToEnd();
    store.getState().restart();
    expect(store.getState()).toMatchObject({ status: 'playing', step: 0, activeTrace: 0 });
  });

  it('plays several requests of one command in order', () => {
    const store = createAppStore(STARTER);
    store.getState().setUser('bob');
    store.getState().setCommand('kubectl get pods,services');
    store.getState().send();
    expect(store.getState().traces).toHaveLength(2);
    const first = store.getState().traces[0];
    for (let i = 0; first !== undefined && i < pathOf(first).length; i++) store.getState().tick();
    expect(store.getState().status).toBe('playing');
    store.getState().tick();
    expect(store.getState()).toMatchObject({ activeTrace: 1, step: 0 });
    playToEnd(store);
    expect(store.getState().status).toBe('done');
  });

  it('jumps straight to the answer with reduced motion', () => {
    const store = createAppStore(STARTER, { reducedMotion: true });
    store.getState().loadExample('forbidden-delete');
    store.getState().send();
    expect(store.getState().status).toBe('done');
    expect(selectResponseRevealed(store.getState())).toBe(true);
  });

  it('cycles speed 0.5 → 1 → 2', () => {
    const store = createAppStore(STARTER);
    store.getState().cycleSpeed();
    expect(store.getState().speed).toBe(2);
    store.getState().cycleSpeed();
    expect(store.getState().speed).toBe(0.5);
  });
});

describe('The world', () => {
  it('remembers writes until it is reset', () => {
    const store = createAppStore(STARTER);
    store.getState().loadExample('create-pod');
    store.getState().send();
    store.getState().send();
    expect(store.getState().traces[0]?.response.status).toBe(409);
    store.getState().resetWorld();
    expect(store.getState()).toMatchObject({ traces: [], status: 'idle', worldVersion: 1 });
    store.getState().send();
    expect(store.getState().traces[0]?.response.status).toBe(201);
  });

  it('shows a simulator throw as an error instead of crashing', () => {
    const store = createAppStore(STARTER);
    store.getState().setCommand('kubectl get pods');
    store.setState({
      cluster: {
        ...store.getState().cluster,
        send: () => {
          throw new Error('boom');
        },
        kubectl: () => {
          throw new Error('boom');
        },
      },
    });
    store.getState().send();
    expect(store.getState().runError).toBe('boom');
    expect(store.getState().status).toBe('idle');
  });
});
