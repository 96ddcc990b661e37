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
  /** The outcome the scenario promises on a fresh world (checked by tests, shown in exports). */
  readonly expect?: { readonly status: number };
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
    /** Lesson text, Markdown (a small safe subset: headings, lists, emphasis, code, links). */
    readonly lesson?: { readonly markdown: string };
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
