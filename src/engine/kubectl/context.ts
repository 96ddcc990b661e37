/**
 * What every command implementation receives: its parsed arguments, the effective namespace, the
 * files it may read, and a helper that builds requests with kubectl's headers.
 */
import type { HttpMethod, HttpRequest, KubeObject } from '../types';
import { type Flags, validationDirective } from './flags';
import { impersonationHeaders, kubectlHeaders } from './headers';
import { type QueryParams, withQuery } from './query';

export interface KubectlContext {
  /** Namespace when no -n/--namespace is given (the kubeconfig context's). Default `default`. */
  readonly namespace?: string;
  /**
   * File name → contents, for `-f`. `kubectl edit` reads the edited object (YAML or JSON) from the
   * file named `<edit>` when no `edit` function is given.
   */
  readonly files?: Readonly<Record<string, string>>;
  /**
   * Plays the editor in `kubectl edit` (runKubectl only): receives the object kubectl would open
   * in $EDITOR (managedFields hidden) and returns the edited object, or YAML/JSON text.
   */
  readonly edit?: (object: KubeObject) => KubeObject | string;
  /**
   * The machine's discovery cache (~/.kube/cache/discovery), shared by the runs that pass it and
   * updated by them (rest-mapper.ts). Without one every run is a first run on a new machine.
   */
  readonly discoveryCache?: DiscoveryCache;
}

/** The `files` key `kubectl edit` reads the edited object from when no `edit` function is given. */
export const EDIT_FILE = '<edit>';

export interface CommandInput {
  /** The cobra command path, e.g. `kubectl create deployment`. */
  readonly commandPath: string;
  readonly args: readonly string[];
  /** Positional arguments before `--`, or -1. */
  readonly argsLenAtDash: number;
  readonly flags: Flags;
  /** The namespace the command works in. */
  readonly namespace: string;
  /** True when -n/--namespace was given (kubectl's `enforceNamespace`). */
  readonly explicitNamespace: boolean;
  readonly files: Readonly<Record<string, string>>;
  /** Environment variables assigned before `kubectl` on the command line (`KUBECTL_X=y kubectl …`). */
  readonly env: Readonly<Record<string, string>>;
}

export interface RequestSpec {
  readonly method: HttpMethod;
  readonly path: string;
  readonly query?: QueryParams;
  readonly accept: string;
  readonly contentType?: string;
  readonly body?: string;
  readonly extraHeaders?: Readonly<Record<string, string>>;
}

/** Builds one request with kubectl's standard headers. */
export function buildRequest(input: CommandInput, spec: RequestSpec): HttpRequest {
  const headers = kubectlHeaders({
    accept: spec.accept,
    commandPath: input.commandPath,
    impersonation: impersonationHeaders(input.flags),
    ...(spec.contentType === undefined ? {} : { contentType: spec.contentType }),
    ...(spec.extraHeaders === undefined ? {} : { extra: spec.extraHeaders }),
  });
  return {
    method: spec.method,
    path: withQuery(spec.path, spec.query ?? []),
    headers,
    ...(spec.body === undefined ? {} : { body: spec.body }),
  };
}

/**
 * Query parameters of metav1.CreateOptions/UpdateOptions/PatchOptions as the parameter codec writes
 * them: `dryRun=All` for --dry-run=server, `fieldManager`, `fieldValidation` (empty ones omitted).
 */
export function writeOptions(
  input: CommandInput,
  options: {
    readonly fieldManager?: string;
    readonly fieldValidation?: boolean;
    readonly dryRunServer?: boolean;
  },
): Array<[string, string]> {
  const params: Array<[string, string]> = [];
  if (options.dryRunServer) params.push(['dryRun', 'All']);
  if (options.fieldManager !== undefined && options.fieldManager !== '') {
    params.push(['fieldManager', options.fieldManager]);
  }
  if (options.fieldValidation) params.push(['fieldValidation', validationDirective(input.flags)]);
  return params;
}

/** The simulated machine's ~/.kube/cache/discovery: empty (a new machine) until a discovery succeeds. */
export interface DiscoveryCache {
  warm: boolean;
}
