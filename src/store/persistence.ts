import type { HttpMethod, HttpRequest } from '../engine';
import { MAX_SCENARIO_BYTES, STOP_STAGES, type StopStage } from '../scenarios/format';
import { parseScenario } from '../scenarios/parse';
import { isBuiltInId } from '../scenarios/registry';
import { type ScenarioSources, SOURCE_IDS, splitScenario } from '../scenarios/sources';
import type { WorkspaceInit } from './slices/world';
import type { AppState, HistoryEntry, LoggedSend } from './types';

/** Where the workspace lives in localStorage. */
export const WORKSPACE_KEY = 'kube-request-flow:workspace';
/** A saved value that cannot be read is moved here (with the time) instead of being lost. */
export const QUARANTINE_PREFIX = 'kube-request-flow:workspace:quarantine:';
/** The envelope version written today; older ones are migrated on load (see MIGRATIONS). */
export const WORKSPACE_VERSION = 2;

/** The part of the Storage API persistence needs (tests pass a Map-backed fake). */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** Everything that makes a workspace: the scenario's texts, the sends, the composer, the undo steps. */
export interface WorkspaceData extends Required<Pick<WorkspaceInit, 'sources' | 'lessonId'>> {
  readonly log: readonly LoggedSend[];
  readonly epoch: number;
  readonly past: readonly HistoryEntry[];
  readonly future: readonly HistoryEntry[];
  readonly composer: {
    readonly user: string;
    readonly command: string;
    readonly files: Readonly<Record<string, string>>;
  };
}

/** What is stored: a versioned envelope saying who saved it and when (to notice other tabs). */
export interface WorkspaceEnvelope {
  readonly version: typeof WORKSPACE_VERSION;
  readonly savedAt: number;
  /** The tab that wrote it; another tab's write is never silently overwritten. */
  readonly tabId: string;
  readonly workspace: WorkspaceData;
}

export type LoadOutcome =
  | { readonly kind: 'empty' }
  | { readonly kind: 'loaded'; readonly envelope: WorkspaceEnvelope; readonly migratedFrom?: number }
  | { readonly kind: 'quarantined'; readonly reason: string; readonly quarantineKey: string | undefined };

export function toWorkspaceData(s: AppState): WorkspaceData {
  return {
    sources: s.sources,
    lessonId: s.lessonId,
    log: s.log,
    epoch: s.epoch,
    past: s.past,
    future: s.future,
    composer: { user: s.user, command: s.command, files: s.files },
  };
}

// ---- shape checks: saved state is untrusted input ----

type Json = Record<string, unknown>;
const isRecord = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';
const isStringRecord = (v: unknown): v is Record<string, string> =>
  isRecord(v) && Object.entries(v).every(([k, x]) => k !== '__proto__' && isString(x));

/** Saved steps look like steps (id and narration strings); anything else is dropped. */
function isGuidedLesson(v: unknown): v is NonNullable<ScenarioSources['header']['lesson']> {
  if (!isRecord(v)) return false;
  const steps = v.steps;
  return (
    steps === undefined ||
    (Array.isArray(steps) &&
      steps.every((step) => isRecord(step) && isString(step.id) && isString(step.narration)))
  );
}

function readSources(v: unknown): ScenarioSources | undefined {
  if (!isRecord(v) || !isRecord(v.texts) || !isRecord(v.header) || !isRecord(v.header.metadata))
    return undefined;
  const texts = v.texts;
  if (!SOURCE_IDS.every((id) => isString(texts[id]))) return undefined;
  const { metadata, defaultUser, defaultNamespace } = v.header;
  if (!isString(metadata.name)) return undefined;
  return {
    header: {
      metadata: {
        name: metadata.name,
        ...(isString(metadata.title) ? { title: metadata.title } : {}),
        ...(isString(metadata.description) ? { description: metadata.description } : {}),
      },
      ...(isString(defaultUser) ? { defaultUser } : {}),
      ...(isString(defaultNamespace) ? { defaultNamespace } : {}),
      // The lesson's steps and translations: without them a reload would lose guided mode.
      ...(isGuidedLesson(v.header.lesson) ? { lesson: v.header.lesson } : {}),
    },
    texts: Object.fromEntries(SOURCE_IDS.map((id) => [id, texts[id] as string])) as ScenarioSources['texts'],
  };
}

const HTTP_METHODS: readonly string[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];

/** A logged raw HTTP request, if `v` is one. */
function readRawRequest(v: unknown): HttpRequest | undefined {
  if (!isRecord(v) || !isString(v.method) || !HTTP_METHODS.includes(v.method) || !isString(v.path))
    return undefined;
  if (!isStringRecord(v.headers) || (v.body !== undefined && !isString(v.body))) return undefined;
  return {
    method: v.method as HttpMethod,
    path: v.path,
    headers: v.headers,
    ...(isString(v.body) ? { body: v.body } : {}),
  };
}

function readLog(v: unknown): LoggedSend[] {
  if (!Array.isArray(v)) return [];
  return v
    .filter((e): e is Json => isRecord(e) && isString(e.user) && isString(e.command) && isString(e.namespace))
    .flatMap((e) => {
      const raw = readRawRequest(e.raw);
      // A raw entry whose request is unreadable is dropped rather than replayed as an empty command.
      if (e.raw !== undefined && raw === undefined) return [];
      return [
        {
          user: e.user as string,
          command: e.command as string,
          namespace: e.namespace as string,
          files: isStringRecord(e.files) ? e.files : {},
          ...(raw === undefined ? {} : { raw }),
        },
      ];
    });
}

function readHistory(v: unknown): HistoryEntry[] {
  if (!Array.isArray(v)) return [];
  const out: HistoryEntry[] = [];
  for (const e of v) {
    const sources = isRecord(e) ? readSources(e.sources) : undefined;
    if (sources === undefined || !isRecord(e) || !isRecord(e.label) || !isString(e.label.key)) continue;
    out.push({
      label: { key: e.label.key, ...(isStringRecord(e.label.values) ? { values: e.label.values } : {}) },
      sources,
      at: typeof e.at === 'number' ? e.at : 0,
    });
  }
  return out;
}

/** A v2 workspace from untrusted JSON, or why not. */
function readWorkspaceData(v: unknown): WorkspaceData | string {
  if (!isRecord(v)) return 'the workspace is not an object';
  const sources = readSources(v.sources);
  if (sources === undefined) return 'the scenario texts are missing or malformed';
  const composer = isRecord(v.composer) ? v.composer : {};
  return {
    sources,
    lessonId: isString(v.lessonId) && isBuiltInId(v.lessonId) ? v.lessonId : 'starter',
    log: readLog(v.log),
    epoch:
      typeof v.epoch === 'number' && Number.isFinite(v.epoch) ? v.epoch : Date.parse('2025-01-01T09:00:00Z'),
    past: readHistory(v.past),
    future: readHistory(v.future),
    composer: {
      user: isString(composer.user) ? composer.user : '',
      command: isString(composer.command) ? composer.command.slice(0, 2000) : '',
      files: isStringRecord(composer.files) ? composer.files : {},
    },
  };
}

/**
 * Envelope migrations, version → version. v1 (the first release) stored the scenario as one
 * YAML file text and the composer's user and command, with no log or history.
 */
const MIGRATIONS: Readonly<Record<number, (raw: Json) => Json | string>> = {
  1: (raw) => {
    if (!isString(raw.scenario)) return 'version 1 workspace has no scenario text';
    const parsed = parseScenario(raw.scenario);
    if (!parsed.ok) return `version 1 scenario is invalid: ${parsed.problems[0]?.message ?? ''}`;
    const composer = isRecord(raw.composer) ? raw.composer : {};
    return {
      version: 2,
      savedAt: typeof raw.savedAt === 'number' ? raw.savedAt : 0,
      tabId: 'migrated',
      workspace: {
        sources: splitScenario(parsed.value, raw.scenario),
        lessonId: parsed.value.metadata.name,
        log: [],
        past: [],
        future: [],
        composer: { user: composer.user, command: composer.command, files: {} },
      },
    };
  },
};

/** Parses and migrates a stored value; a string says why it cannot be used. */
export function decodeEnvelope(raw: string): { envelope: WorkspaceEnvelope; migratedFrom?: number } | string {
  if (raw.length > MAX_SCENARIO_BYTES * 4) return 'the saved workspace is larger than any this app writes';
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (error) {
    return `the saved workspace is not valid JSON (${error instanceof Error ? error.message : String(error)})`;
  }
  if (!isRecord(value) || typeof value.version !== 'number') return 'the saved workspace has no version';
  const from = value.version;
  if (from > WORKSPACE_VERSION)
    return `the saved workspace has version ${from}, newer than this app (${WORKSPACE_VERSION})`;
  let current: Json = value;
  while (typeof current.version === 'number' && current.version < WORKSPACE_VERSION) {
    const step = MIGRATIONS[current.version];
    if (step === undefined)
      return `the saved workspace has version ${String(current.version)}, which cannot be migrated`;
    const next = step(current);
    if (isString(next)) return next;
    current = next;
  }
  const workspace = readWorkspaceData(current.workspace);
  if (isString(workspace)) return workspace;
  const envelope: WorkspaceEnvelope = {
    version: WORKSPACE_VERSION,
    savedAt: typeof current.savedAt === 'number' ? current.savedAt : 0,
    tabId: isString(current.tabId) ? current.tabId : 'unknown',
    workspace,
  };
  return from === WORKSPACE_VERSION ? { envelope } : { envelope, migratedFrom: from };
}

/** Moves an unreadable value aside so a fresh workspace can start without destroying it. */
function quarantine(storage: KeyValueStorage, raw: string, now: number): string | undefined {
  const key = `${QUARANTINE_PREFIX}${now}`;
  try {
    storage.setItem(key, raw);
    storage.removeItem(WORKSPACE_KEY);
    return key;
  } catch {
    return undefined;
  }
}

/** Reads the saved workspace; never throws. A corrupt or too-new value is quarantined. */
export function readWorkspace(storage: KeyValueStorage, now = Date.now()): LoadOutcome {
  let raw: string | null;
  try {
    raw = storage.getItem(WORKSPACE_KEY);
  } catch {
    return { kind: 'empty' };
  }
  if (raw === null) return { kind: 'empty' };
  const decoded = decodeEnvelope(raw);
  if (isString(decoded))
    return { kind: 'quarantined', reason: decoded, quarantineKey: quarantine(storage, raw, now) };
  return { kind: 'loaded', ...decoded };
}

/** The saved envelope as it is now, without side effects (for conflict checks). */
export function peekWorkspace(storage: KeyValueStorage): WorkspaceEnvelope | undefined {
  try {
    const raw = storage.getItem(WORKSPACE_KEY);
    if (raw === null) return undefined;
    const decoded = decodeEnvelope(raw);
    return isString(decoded) ? undefined : decoded.envelope;
  } catch {
    return undefined;
  }
}

/** Writes the envelope; a full quota or blocked storage is reported, not thrown. */
export function writeWorkspace(
  storage: KeyValueStorage,
  envelope: WorkspaceEnvelope,
): { ok: true } | { ok: false; reason: string } {
  try {
    storage.setItem(WORKSPACE_KEY, JSON.stringify(envelope));
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

// ---- Lesson progress -------------------------------------------------------------------------

/** Where lesson progress lives: apart from the workspace, so resetting or replacing a world keeps it. */
export const LESSON_PROGRESS_KEY = 'kube-request-flow:lesson-progress';
/** The progress version written today. Version 0 was a bare `{ lessonId: doneStepIds[] }`. */
export const LESSON_PROGRESS_VERSION = 1;

/** A learner's prediction for a step, as graded when the step was played. */
export interface SavedPrediction {
  readonly stage: StopStage;
  readonly status: number;
  readonly right: boolean;
}

/** One lesson's progress: the steps done and the predictions made, by step id. */
export interface LessonProgressEntry {
  readonly done: readonly string[];
  readonly predictions: Readonly<Record<string, SavedPrediction>>;
}

/** Progress per lesson id. */
export type SavedLessonProgress = Readonly<Record<string, LessonProgressEntry>>;

const STEP_ID = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const isStepId = (v: unknown): v is string => isString(v) && v.length <= 63 && STEP_ID.test(v);

function readPrediction(v: unknown): SavedPrediction | undefined {
  if (!isRecord(v)) return undefined;
  const { stage, status, right } = v;
  if (!STOP_STAGES.some((s) => s === stage)) return undefined;
  if (typeof status !== 'number' || !Number.isInteger(status) || status < 0 || status > 599) return undefined;
  if (typeof right !== 'boolean') return undefined;
  return { stage: stage as StopStage, status, right };
}

/** One lesson's entry, keeping what is readable (a bad step id or prediction is dropped alone). */
function readProgressEntry(v: unknown): LessonProgressEntry | undefined {
  if (!isRecord(v)) return undefined;
  const done = Array.isArray(v.done) ? [...new Set(v.done.filter(isStepId))] : [];
  const predictions: Record<string, SavedPrediction> = {};
  if (isRecord(v.predictions))
    for (const [step, p] of Object.entries(v.predictions)) {
      const prediction = readPrediction(p);
      if (isStepId(step) && prediction !== undefined) predictions[step] = prediction;
    }
  return { done, predictions };
}

/** Decodes saved progress; anything unreadable (corrupt, too new) is an empty start. */
export function decodeLessonProgress(raw: string): SavedLessonProgress {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return {};
  }
  if (!isRecord(value)) return {};
  const out: Record<string, LessonProgressEntry> = {};
  if (value.version === undefined) {
    // Version 0: `{ lessonId: doneStepIds[] }`, no predictions.
    for (const [lesson, done] of Object.entries(value))
      if (Array.isArray(done)) out[lesson] = { done: [...new Set(done.filter(isStepId))], predictions: {} };
    return out;
  }
  if (value.version !== LESSON_PROGRESS_VERSION || !isRecord(value.lessons)) return {};
  for (const [lesson, entry] of Object.entries(value.lessons)) {
    const read = readProgressEntry(entry);
    if (read !== undefined && lesson.length > 0 && lesson.length <= 253) out[lesson] = read;
  }
  return out;
}

export function encodeLessonProgress(progress: SavedLessonProgress): string {
  return JSON.stringify({ version: LESSON_PROGRESS_VERSION, lessons: progress });
}

/** The saved progress; never throws (blocked storage or corrupt data: an empty start). */
export function readLessonProgress(storage: Pick<KeyValueStorage, 'getItem'>): SavedLessonProgress {
  try {
    const raw = storage.getItem(LESSON_PROGRESS_KEY);
    return raw === null ? {} : decodeLessonProgress(raw);
  } catch {
    return {};
  }
}

/** Saves progress; a full quota or private mode is reported, not thrown. */
export function writeLessonProgress(
  storage: Pick<KeyValueStorage, 'setItem'>,
  progress: SavedLessonProgress,
): { ok: true } | { ok: false; reason: string } {
  try {
    storage.setItem(LESSON_PROGRESS_KEY, encodeLessonProgress(progress));
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

const EMPTY_ENTRY: LessonProgressEntry = { done: [], predictions: {} };

/** `progress` with `step` of `lesson` done. */
export function withStepDone(
  progress: SavedLessonProgress,
  lesson: string,
  step: string,
): SavedLessonProgress {
  const entry = progress[lesson] ?? EMPTY_ENTRY;
  if (entry.done.includes(step)) return progress;
  return { ...progress, [lesson]: { ...entry, done: [...entry.done, step] } };
}

/** `progress` with the learner's prediction for `step` of `lesson` recorded (the latest wins). */
export function withPrediction(
  progress: SavedLessonProgress,
  lesson: string,
  step: string,
  prediction: SavedPrediction,
): SavedLessonProgress {
  const entry = progress[lesson] ?? EMPTY_ENTRY;
  return { ...progress, [lesson]: { ...entry, predictions: { ...entry.predictions, [step]: prediction } } };
}
