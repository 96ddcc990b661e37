import type { StoreApi } from 'zustand/vanilla';
import type { Cluster, HttpRequest, Trace } from '../engine';
import type { Scenario } from '../scenarios/starter';
import type { NodeId } from './path';

/** The world: a simulated cluster whose etcd keeps every change until it is reset. */
export interface WorldSlice {
  readonly scenario: Scenario;
  readonly cluster: Cluster;
  /** Bumped on every reset so views keyed on the world start fresh. */
  readonly worldVersion: number;
  /** A fresh cluster from the scenario; clears the run. */
  resetWorld(): void;
}

/** What the composer's command becomes: the HTTP requests, or kubectl's complaint. */
export type DerivedRequests =
  | { readonly ok: true; readonly requests: readonly HttpRequest[] }
  | { readonly ok: false; readonly error: string };

export interface ComposerSlice {
  /** The picker name of the user the request is sent as (UserSpec.name). */
  readonly user: string;
  readonly command: string;
  /** Files the command reads with `-f`, by name. */
  readonly files: Readonly<Record<string, string>>;
  readonly namespace: string;
  /** Recomputed on every change to command, files or namespace. */
  readonly derived: DerivedRequests;
  setUser(user: string): void;
  setCommand(command: string): void;
  setFile(name: string, content: string): void;
  loadExample(id: string): void;
  /** Sends every derived request in order and starts playback. Does nothing on a kubectl error. */
  send(): void;
}

export interface RunSlice {
  /** One trace per request of the last send, in order. */
  readonly traces: readonly Trace[];
  readonly activeTrace: number;
  /** The simulator threw (a bug, not a request failure): shown instead of a response. */
  readonly runError: string | undefined;
  /** Shows another request of the same send, at its end. */
  selectTrace(index: number): void;
}

export type PlaybackStatus = 'idle' | 'playing' | 'paused' | 'done';
export type Speed = 0.5 | 1 | 2;
export const SPEEDS: readonly Speed[] = [0.5, 1, 2];

export interface PlaybackSlice {
  readonly status: PlaybackStatus;
  /** Hops the token has made along the active trace's path (see pathOf). */
  readonly step: number;
  readonly speed: Speed;
  play(): void;
  pause(): void;
  togglePlay(): void;
  /** One hop forward, pausing playback. */
  step1(): void;
  /** Called by the playback clock while playing: one hop, then on to the next trace. */
  tick(): void;
  restart(): void;
  skipToEnd(): void;
  setSpeed(speed: Speed): void;
  cycleSpeed(): void;
}

export type ThemeChoice = 'system' | 'light' | 'dark';
export type TextSize = 'normal' | 'large';

export interface UiSlice {
  /** The node the learner picked; undefined means "follow the token / the deciding stage". */
  readonly selectedNode: NodeId | undefined;
  readonly theme: ThemeChoice;
  readonly textSize: TextSize;
  /** prefers-reduced-motion: no travelling token, results appear at once. */
  readonly reducedMotion: boolean;
  selectNode(node: NodeId | undefined): void;
  setTheme(theme: ThemeChoice): void;
  setTextSize(size: TextSize): void;
  setReducedMotion(reduced: boolean): void;
}

export type AppState = WorldSlice & ComposerSlice & RunSlice & PlaybackSlice & UiSlice;

export type AppStore = StoreApi<AppState>;

/** zustand's (set, get) pair, typed for the whole state, as each slice receives it. */
export type SliceArgs = [set: AppStore['setState'], get: AppStore['getState']];
