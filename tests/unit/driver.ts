import { expect } from 'vitest';
import { type HttpRequest, isStatus, type StageName, type StatusReason, type Trace } from '../../src/engine';
import { loadAllBuiltInScenarios } from '../../src/scenarios/registry';
import type { Scenario } from '../../src/scenarios/runtime';
import { STARTER } from '../../src/scenarios/starter';
import { type AppStoreOptions, createAppStore } from '../../src/store/create-app-store';
import { decidingStage } from '../../src/store/path';
import type { AppState, AppStore } from '../../src/store/types';

// Lesson files load on demand in the app; loaded here up front, `openLesson` is synchronous.
await loadAllBuiltInScenarios();

/** What a send may set besides the command line: the user it goes as and the files `-f` reads. */
export interface SendOptions {
  readonly as?: string;
  readonly files?: Readonly<Record<string, string>>;
}

/**
 * A headless app for tests, in the manner of tldraw's TestEditor: a real store driven through the
 * actions the UI calls, in chained steps that read as sentences
 * (`app.send('kubectl delete pod web', { as: 'bob' }).expectStoppedAt('authorization', 'Forbidden')`),
 * with expectations on what the learner is shown rather than on slice internals.
 */
export class TestDriver {
  readonly store: AppStore;

  constructor(scenario: Scenario = STARTER, options: AppStoreOptions = {}) {
    this.store = createAppStore(scenario, options);
  }

  /** The store's state now (for assertions the driver has no words for). */
  get state(): AppState {
    return this.store.getState();
  }

  /** The traces of the last send, one per request. */
  get traces(): readonly Trace[] {
    return this.state.traces;
  }

  /** The last request of the last send; throws when nothing was sent. */
  get lastTrace(): Trace {
    const trace = this.state.traces.at(-1);
    if (trace === undefined) throw new Error('nothing was sent');
    return trace;
  }

  /** Types `command` in the composer (with the user and files given) and presses Send. */
  send(command: string, options: SendOptions = {}): this {
    if (options.as !== undefined) this.state.setUser(options.as);
    for (const [name, content] of Object.entries(options.files ?? {})) this.state.setFile(name, content);
    this.state.setCommand(command);
    this.state.send();
    return this;
  }

  /** Presses Send on what the composer holds. */
  pressSend(): this {
    this.state.send();
    return this;
  }

  /** Sends one raw HTTP request (the composer's raw mode), as `as` when given. */
  sendRaw(request: HttpRequest, options: Pick<SendOptions, 'as'> = {}): this {
    if (options.as !== undefined) this.state.setUser(options.as);
    this.state.sendRaw(request);
    return this;
  }

  /** Puts a scenario example in the composer (command, user, files) without sending it. */
  loadExample(id: string): this {
    this.state.loadExample(id);
    return this;
  }

  /** Opens a built-in scenario or lesson by id, as the lesson picker does. */
  openLesson(id: string): this {
    this.state.openLesson(id);
    return this;
  }

  /** `count` ticks of the playback clock, as the UI's timer would make. */
  tick(count = 1): this {
    for (let i = 0; i < count; i++) this.state.tick();
    return this;
  }

  /** Ticks the playback clock until playback stops (bounded, so a bug cannot hang the test). */
  playToEnd(): this {
    for (let i = 0; i < 200 && this.state.status === 'playing'; i++) this.state.tick();
    return this;
  }

  skipToEnd(): this {
    this.state.skipToEnd();
    return this;
  }

  /** The HTTP status of each request of the last send, in order. */
  expectStatuses(...statuses: readonly number[]): this {
    expect(this.traces.map((t) => t.response.status)).toEqual(statuses);
    return this;
  }

  /**
   * The last request stopped at `stage` (the failed stage, else storage: see decidingStage), with
   * that stage's outcome, and, when given, the Status `reason` of the response (`Forbidden`).
   */
  expectStoppedAt(stage: StageName, reason?: StatusReason): this {
    const trace = this.lastTrace;
    expect(decidingStage(trace)).toBe(stage);
    const failed = trace.stages.find((r) => r.outcome === 'failed');
    expect(failed?.stage ?? 'storage').toBe(stage);
    if (reason !== undefined) {
      expect(isStatus(trace.response.body) ? trace.response.body.reason : undefined).toBe(reason);
    }
    return this;
  }

  /** The last response's Status message, word for word. */
  expectMessage(message: string): this {
    const body = this.lastTrace.response.body;
    expect(isStatus(body) ? body.message : undefined).toBe(message);
    return this;
  }

  /** What kubectl printed for the whole last send. */
  expectOutput(output: string | undefined): this {
    expect(this.state.output).toBe(output);
    return this;
  }
}
