import { describe, expect, it } from 'vitest';
import { STARTER } from '../../../src/scenarios/starter';
import { createAppStore } from '../../../src/store/create-app-store';
import { pathOf } from '../../../src/store/path';
import { selectInspectedNode, selectNodeOutcome, selectResponseRevealed } from '../../../src/store/selectors';
import { TestDriver } from '../driver';

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
    const app = new TestDriver().loadExample('create-pod').pressSend();
    expect(app.state.status).toBe('playing');
    expect(selectResponseRevealed(app.state)).toBe(false);
    app.tick();
    expect(selectNodeOutcome('authentication')(app.state)).toBe('active');
    app.playToEnd().expectStatuses(201).expectStoppedAt('storage');
    expect(app.state.status).toBe('done');
    expect(selectResponseRevealed(app.state)).toBe(true);
    expect(selectNodeOutcome('storage')(app.state)).toBe('passed');
  });

  it('shows the deciding stage in the inspector at the end of a 403', () => {
    const app = new TestDriver().loadExample('forbidden-delete').pressSend().skipToEnd();
    // The text of responsewriters.forbiddenMessage (apiserver/pkg/endpoints/handlers/responsewriters/errors.go).
    app
      .expectStoppedAt('authorization', 'Forbidden')
      .expectMessage(
        'pods "nginx" is forbidden: User "bob" cannot delete resource "pods" in API group "" in the namespace "default"',
      );
    expect(selectInspectedNode(app.state)).toBe('authorization');
    expect(selectNodeOutcome('authorization')(app.state)).toBe('failed');
  });

  it('pauses on Step and resumes from the same place on Play', () => {
    const app = new TestDriver().loadExample('create-pod').pressSend();
    app.state.step1();
    app.state.step1();
    expect(app.state).toMatchObject({ status: 'paused', step: 2 });
    app.tick();
    expect(app.state.step).toBe(2);
    app.state.play();
    app.tick();
    expect(app.state).toMatchObject({ status: 'playing', step: 3 });
  });

  it('restarts from the client, and Play after the end replays', () => {
    const app = new TestDriver().loadExample('bad-token').pressSend().skipToEnd();
    app.expectStoppedAt('authentication', 'Unauthorized').expectMessage('Unauthorized');
    app.state.play();
    expect(app.state).toMatchObject({ status: 'playing', step: 0 });
    app.skipToEnd();
    app.state.restart();
    expect(app.state).toMatchObject({ status: 'playing', step: 0, activeTrace: 0 });
  });

  it('plays several requests of one command in order', () => {
    const app = new TestDriver().send('kubectl get pods,services', { as: 'bob' });
    expect(app.traces).toHaveLength(2);
    const first = app.traces[0];
    app.tick(first === undefined ? 0 : pathOf(first).length);
    expect(app.state.status).toBe('playing');
    app.tick();
    expect(app.state).toMatchObject({ activeTrace: 1, step: 0 });
    app.playToEnd();
    expect(app.state.status).toBe('done');
  });

  it('jumps straight to the answer with reduced motion', () => {
    const app = new TestDriver(STARTER, { reducedMotion: true }).loadExample('forbidden-delete').pressSend();
    expect(app.state.status).toBe('done');
    expect(selectResponseRevealed(app.state)).toBe(true);
  });

  it('cycles speed 0.5 → 1 → 2', () => {
    const app = new TestDriver();
    app.state.cycleSpeed();
    expect(app.state.speed).toBe(2);
    app.state.cycleSpeed();
    expect(app.state.speed).toBe(0.5);
  });
});

describe('The world', () => {
  it('remembers writes until it is reset', () => {
    const app = new TestDriver().loadExample('create-pod').pressSend().pressSend();
    app.expectStatuses(409).expectStoppedAt('storage', 'AlreadyExists');
    app.state.resetWorld();
    expect(app.state).toMatchObject({ traces: [], status: 'idle', worldVersion: 1 });
    app.pressSend().expectStatuses(201);
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
