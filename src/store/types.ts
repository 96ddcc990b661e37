import type { StoreApi } from 'zustand/vanilla';
import type { Cluster, HttpRequest, Trace } from '../engine';
import type { ScenarioDocument, ScenarioProblem } from '../scenarios/format';
import type { Scenario } from '../scenarios/runtime';
import type { ScenarioSources, SourceId, SourceProblems } from '../scenarios/sources';
import type { NodeId } from './path';
import type { LessonSlice } from './slices/lesson';

/** One send of this session, kept so any edit can rebuild the world and replay it. */
export interface LoggedSend {
  readonly user: string;
  /** The kubectl command line; empty for a raw HTTP send. */
  readonly command: string;
  readonly files: Readonly<Record<string, string>>;
  readonly namespace: string;
  /** A raw HTTP send (composer in raw mode): replayed as this one request instead of the command. */
  readonly raw?: HttpRequest;
}

/** A state the workspace can go back to: the scenario's texts, with what changed them. */
export interface HistoryEntry {
  /** What the change was, e.g. "Edit RBAC" (a catalog key + values). */
  readonly label: { readonly key: string; readonly values?: Readonly<Record<string, string>> };
  readonly sources: ScenarioSources;
  /** When it was made (ms); edits to one tab within a second are merged into one step. */
  readonly at: number;
}

/** Where an edit came from, for the undo label and for merging keystrokes into one step. */
export interface EditOptions {
  readonly label?: HistoryEntry['label'];
  /** Merge into the previous step when it edited the same tab moments ago (typing). */
  readonly coalesce?: boolean;
}

/**
 * The world: a simulated cluster built from the scenario's texts, plus the sends of this session
 * replayed on it. Any edit rebuilds the cluster and replays; a broken edit keeps its text, shows
 * its problems and leaves the last good world running.
 */
export interface WorldSlice {
  /** The last good scenario, as the engine runs it. */
  readonly scenario: Scenario;
  readonly cluster: Cluster;
  /** Bumped on every reset or rebuild so views keyed on the world start fresh. */
  readonly worldVersion: number;
  /** etcd's revision when this world was (re)built, before any replay: where the Watch panel starts. */
  readonly worldRevision: number;
  /** What the editors show: one text per tab (possibly broken). */
  readonly sources: ScenarioSources;
  /** Problems per tab; empty when the texts make a valid world. */
  readonly problems: SourceProblems;
  /** The built-in scenario this workspace started from ("reset to lesson" goes back to it). */
  readonly lessonId: string;
  /** Sends of this session, oldest first. */
  readonly log: readonly LoggedSend[];
  /** The simulated clock's start (ms): replays see the same timestamps. */
  readonly epoch: number;
  readonly past: readonly HistoryEntry[];
  readonly future: readonly HistoryEntry[];
  /** The last good document before the latest edit (compare "before and after"). */
  readonly previousDocument: ScenarioDocument | undefined;
  /** applyExtensions was called while playing: it runs once playback stops. */
  readonly extensionsPending: boolean;
  /** A fresh cluster from the scenario; clears the run and the log. */
  resetWorld(): void;
  /**
   * Rebuilds the world now that the engine extensions (schemas, CEL) have loaded, replaying the
   * log; waits until playback is not 'playing' so a running animation is not cut short.
   */
  applyExtensions(): void;
  /** Replaces one tab's text, records an undo step and rebuilds the world. */
  editSource(id: SourceId, text: string, options?: EditOptions): void;
  /** Replaces the whole scenario (import, share link, lesson); undoable. */
  replaceScenario(sources: ScenarioSources, label: HistoryEntry['label'], lessonId?: string): void;
  /** Back to the built-in file this workspace started from (fetched if not loaded yet); undoable. */
  resetToLesson(): Promise<void>;
  /** Opens a built-in scenario or lesson by id, fetching its file (unknown ids are ignored); undoable. */
  openLesson(id: string): Promise<void>;
  undo(): void;
  redo(): void;
  /** Replaces the whole workspace (another tab's save, a discarded share link): not an undo step. */
  loadWorkspace(workspace: WorkspaceRestore): void;
}

/** A whole workspace to restore: texts, sends, clock, undo steps and the composer. */
export interface WorkspaceRestore {
  readonly sources: ScenarioSources;
  readonly lessonId: string;
  readonly log?: readonly LoggedSend[];
  readonly epoch?: number;
  readonly past?: readonly HistoryEntry[];
  readonly future?: readonly HistoryEntry[];
  readonly composer?: {
    readonly user?: string;
    readonly command?: string;
    readonly files?: Readonly<Record<string, string>>;
  };
}

/** A message the app shows above the panels (saved state recovered, link too long…). */
export interface Notice {
  readonly id: string;
  readonly tone: 'info' | 'warning' | 'error';
  /** Catalog key and values. */
  readonly key: string;
  readonly values?: Readonly<Record<string, string | number>>;
  /** Extra detail shown as text (a parse error). */
  readonly detail?: string;
}

/** Which workspace is on screen: the saved one, or a shared link's (not saved until asked). */
export type WorkspaceMode = 'saved' | 'shared';

export interface SessionSlice {
  readonly workspaceMode: WorkspaceMode;
  readonly notices: readonly Notice[];
  /** Another tab saved while this one had changes: its savedAt, until the user chooses. */
  readonly conflict: { readonly savedAt: number } | undefined;
  /** Whether the World panel (editors) is open. */
  readonly worldOpen: boolean;
  readonly worldTab: SourceId;
  pushNotice(notice: Notice): void;
  dismissNotice(id: string): void;
  setConflict(conflict: SessionSlice['conflict']): void;
  setWorkspaceMode(mode: WorkspaceMode): void;
  setWorldOpen(open: boolean): void;
  setWorldTab(tab: SourceId): void;
}

/** Compare mode: the current request run a second time, as another user or on the world before the last edit. */
export type CompareAgainst = { readonly type: 'user'; readonly user: string } | { readonly type: 'before' };

export interface CompareSlice {
  readonly compareEnabled: boolean;
  readonly compareAgainst: CompareAgainst;
  /** The last send replayed for the other side; undefined when off or nothing was sent. */
  readonly compareTraces: readonly Trace[] | undefined;
  readonly compareError: string | undefined;
  setCompare(enabled: boolean, against?: CompareAgainst): void;
}

export type { ScenarioProblem };

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
  /**
   * Runs the command through kubectl (follow-ups decided by the responses) and starts playback.
   * Does nothing on a kubectl error.
   */
  send(): void;
  /** Puts `command` in the composer as `user` and sends it (an access-matrix cell, a lesson step). */
  playCommand(user: string, command: string): void;
  /** Sends one raw HTTP request as the chosen user (raw mode) and starts playback. */
  sendRaw(request: HttpRequest): void;
}

export interface RunSlice {
  /** One trace per request of the last send, in order. */
  readonly traces: readonly Trace[];
  readonly activeTrace: number;
  /** What kubectl printed for the whole run (runKubectl's output); undefined for a raw send. */
  readonly output: string | undefined;
  /** etcd's revision just before this run: the Watch panel holds later events until the token reaches etcd. */
  readonly revisionBefore: number;
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

/** How the composer writes a request: a kubectl command line, or raw HTTP. */
export type ComposerMode = 'kubectl' | 'raw';

/** The tabs of the details area beside the graph. */
export type DetailsTab = 'inspector' | 'etcd' | 'watch' | 'resources' | 'log' | 'access';

export interface UiSlice {
  /** The node the learner picked; undefined means "follow the token / the deciding stage". */
  readonly selectedNode: NodeId | undefined;
  readonly composerMode: ComposerMode;
  readonly detailsTab: DetailsTab;
  readonly theme: ThemeChoice;
  readonly textSize: TextSize;
  /** prefers-reduced-motion: no travelling token, results appear at once. */
  readonly reducedMotion: boolean;
  selectNode(node: NodeId | undefined): void;
  setTheme(theme: ThemeChoice): void;
  setTextSize(size: TextSize): void;
  setReducedMotion(reduced: boolean): void;
  setComposerMode(mode: ComposerMode): void;
  setDetailsTab(tab: DetailsTab): void;
}

export type AppState = WorldSlice &
  ComposerSlice &
  RunSlice &
  PlaybackSlice &
  UiSlice &
  SessionSlice &
  CompareSlice &
  LessonSlice;

export type AppStore = StoreApi<AppState>;

/** zustand's (set, get) pair, typed for the whole state, as each slice receives it. */
export type SliceArgs = [set: AppStore['setState'], get: AppStore['getState']];
