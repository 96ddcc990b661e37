import type { ServerConfigInput, UserSpec } from '../engine';

/** The apiVersion every scenario file is written in today; older ones are migrated on load. */
export const SCENARIO_API_VERSION = 'kube-request-flow.dev/v1alpha1';
export const SCENARIO_KIND = 'Scenario';

/**
 * The apiserver's default request body limit (3 MiB): a scenario, a share link or a saved
 * workspace larger than this is refused with the apiserver's own 413 message.
 * Models staging/src/k8s.io/apiserver/pkg/server/config.go MaxRequestBodyBytes.
 */
export const MAX_SCENARIO_BYTES = 3 * 1024 * 1024;
/** Deeper nesting than this is refused before it can exhaust the stack. */
export const MAX_NESTING_DEPTH = 64;
/** YAML aliases allowed per document (the `yaml` package's guard against alias bombs). */
export const MAX_ALIAS_COUNT = 100;

/** A request the scenario prepares: one click in the composer, one line of the exported script. */
export interface PreparedRequest {
  readonly id: string;
  /** A label for the button; the catalog's `example.<id>` wins for built-in scenarios. */
  readonly title?: string;
  /** The picker name of the user it is sent as (UserSpec.name). */
  readonly user: string;
  /** A kubectl command line. */
  readonly command: string;
  /** Files the command reads with `-f`, by name. */
  readonly files?: Readonly<Record<string, string>>;
  /**
   * The outcome the scenario promises (checked by tests and the grader, shown in exports). For a
   * built-in scenario on a fresh world; in a lesson, at the step that plays it. For commands that
   * send several requests (apply, edit, scale…) it applies to the LAST request.
   */
  readonly expect?: RequestExpectation;
}

/** The engine stages a request can stop at, plus `none` for a request no stage failed. */
export const STOP_STAGES = [
  'authentication',
  'authorization',
  'decoding',
  'mutatingAdmission',
  'schemaValidation',
  'validatingAdmission',
  'storage',
  'none',
] as const;
export type StopStage = (typeof STOP_STAGES)[number];

/** What a request must end with: the HTTP status and, optionally, where and why it stopped. */
export interface RequestExpectation {
  readonly status: number;
  /** The stage whose outcome is `failed`, or `none` when no stage failed. */
  readonly stoppedAt?: StopStage;
  /** The response Status's `reason` (Forbidden, Invalid, Conflict…); omitted for success. */
  readonly reason?: string;
  /** A substring of what kubectl prints for the command. */
  readonly output?: string;
}

/** The languages lessons are written in besides English. */
export const LESSON_LANGUAGES = ['en', 'zh-CN'] as const;
export type LessonLanguage = (typeof LESSON_LANGUAGES)[number];

/** The World editor tabs a step can point into. */
export const LESSON_EDITORS = ['users', 'rbac', 'objects', 'server'] as const;
export type LessonEditor = (typeof LESSON_EDITORS)[number];

/** What a step points the learner at: a graph node (a stage) or a line of an editor tab. */
export type LessonHighlight =
  | { readonly stage: Exclude<StopStage, 'none'> }
  | { readonly editor: LessonEditor; readonly find: string };

/** A request run against a copy of the learner's world to see whether a goal is met. */
export interface LessonRequest {
  readonly user: string;
  readonly command: string;
  readonly files?: Readonly<Record<string, string>>;
}

/** A goal the learner reaches by changing the world; done when `check` meets its `expect`. */
export interface LessonTask {
  /** English. */
  readonly goal: string;
  readonly check: LessonRequest & { readonly expect: RequestExpectation };
  /** One way to reach the goal, applied as a real request (tests and the grader's self-check). */
  readonly solution?: LessonRequest;
}

/** One guided step; steps play in order on one world (state carries over). */
export interface LessonStep {
  /** Unique in the lesson, DNS-label-like. */
  readonly id: string;
  /** English Markdown, 1–4 sentences. */
  readonly narration: string;
  readonly highlight?: LessonHighlight;
  /** The `spec.requests` id this step plays. */
  readonly request?: string;
  /** Ask for the stopping stage and status before playing (needs `request` with `expect.stoppedAt`). */
  readonly predict?: boolean;
  readonly task?: LessonTask;
}

/** Every English text of a lesson in another language (Kubernetes terms stay as written). */
export interface LessonTranslation {
  readonly title: string;
  readonly description?: string;
  readonly markdown: string;
  /** Request id → title. */
  readonly requests?: Readonly<Record<string, string>>;
  /** Step id → narration (and goal, for a step with a task). */
  readonly steps?: Readonly<Record<string, { readonly narration: string; readonly goal?: string }>>;
}

/** A lesson: the introduction (`markdown`), its place in the course and its guided steps. */
export interface Lesson {
  /** Lesson text, Markdown (a small safe subset: headings, lists, emphasis, code, links). */
  readonly markdown: string;
  /** Position in the course; the lesson index sorts by it. */
  readonly order?: number;
  readonly steps?: readonly LessonStep[];
  readonly translations?: Readonly<Partial<Record<Exclude<LessonLanguage, 'en'>, LessonTranslation>>>;
}

/**
 * One world, as a file: Kubernetes-style (`apiVersion`, `kind: Scenario`, `metadata`, `spec`).
 * The single source of a world: the users and their credentials, the server's flags, the
 * objects etcd starts with, the prepared requests and an optional lesson.
 */
export interface ScenarioDocument {
  readonly apiVersion: typeof SCENARIO_API_VERSION;
  readonly kind: typeof SCENARIO_KIND;
  readonly metadata: {
    /** A DNS-label-like id (`starter`, `rbac-basics`). */
    readonly name: string;
    readonly title?: string;
    readonly description?: string;
  };
  readonly spec: {
    /** The user the composer starts with; the first user when unset. */
    readonly defaultUser?: string;
    /** The namespace commands run in without `-n` (`default` when unset). */
    readonly defaultNamespace?: string;
    /** kube-apiserver's flags: authenticators, `--authorization-mode`, admission plugins. */
    readonly server?: ServerConfigInput;
    readonly users: readonly UserSpec[];
    /**
     * The objects etcd starts with, as multi-document YAML text (kept as text so comments and
     * formatting survive editing). Any manifests: namespaces, RBAC, policies, pods…
     */
    readonly objects: string;
    readonly requests: readonly PreparedRequest[];
    /** The lesson: an introduction in Markdown, optionally guided steps and translations. */
    readonly lesson?: Lesson;
  };
}

/** Where in a text something went wrong: 1-based line and column, like kubectl and editors. */
export interface SourcePosition {
  readonly line: number;
  readonly column: number;
}

/** One thing wrong with a scenario or one of its parts, located when possible. */
export interface ScenarioProblem {
  readonly message: string;
  /** The field path, e.g. `spec.users[1].credential.type`. */
  readonly path?: string;
  readonly position?: SourcePosition;
  /** Character offsets in the text, for editors' underlines. */
  readonly from?: number;
  readonly to?: number;
}

/** Parsers never throw: they answer with a value or with what is wrong, located. */
export type Result<T, E = readonly ScenarioProblem[]> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly problems: E };

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const fail = (...problems: ScenarioProblem[]): Result<never> => ({ ok: false, problems });
