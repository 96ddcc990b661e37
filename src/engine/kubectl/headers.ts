/**
 * The headers kubectl v1.31 puts on its requests. client-go sets Accept from the client's content
 * config (staging/src/k8s.io/client-go/rest/request.go NewRequest), User-Agent from
 * rest.DefaultKubernetesUserAgent, and the Impersonate-* headers in transport/round_trippers.go;
 * kubectl adds Kubectl-Command (staging/src/k8s.io/kubectl/pkg/cmd/cmd.go addCmdHeaderHooks).
 */
import type { Flags } from './flags';

/** `rest.DefaultKubernetesUserAgent()` of the kubectl v1.31.0 release binary (git commit 9befc2b). */
export const KUBECTL_USER_AGENT = 'kubectl/v1.31.0 (linux/amd64) kubernetes/9befc2b';

export const ACCEPT = {
  /** The unstructured/dynamic clients kubectl's resource builder uses (cli-runtime resource.UnstructuredPlusDefaultContentConfig). */
  json: 'application/json',
  /** Typed clientsets (ContentType `application/json` and no AcceptContentTypes → `<type>, *\/*`). */
  typed: 'application/json, */*',
  /** `kubectl get` with a human-readable printer asks for a server-side Table (pkg/cmd/get/get.go transformRequests). */
  table:
    'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json',
  /** Aggregated discovery, newest first (client-go discovery/discovery_client.go acceptDiscoveryFormats). */
  discovery:
    'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json',
} as const;

/** Content types, k8s.io/apimachinery/pkg/types/patch.go and runtime.ContentTypeJSON. */
export const CONTENT_TYPE = {
  json: 'application/json',
  jsonPatch: 'application/json-patch+json',
  mergePatch: 'application/merge-patch+json',
  strategicMergePatch: 'application/strategic-merge-patch+json',
  applyPatch: 'application/apply-patch+yaml',
} as const;

/**
 * `--as`, `--as-uid` and `--as-group` become Impersonate-* headers. HTTP sends one Impersonate-Group
 * header per group; a Record holds one value per name, so several groups are joined with `, `
 * (RFC 9110 §5.3 list form). Split on `, ` to get them back; group names containing `, ` cannot be
 * represented.
 */
export function impersonationHeaders(flags: Flags): Record<string, string> {
  const headers: Record<string, string> = {};
  if (flags.string('as') !== '') headers['Impersonate-User'] = flags.string('as');
  if (flags.string('as-uid') !== '') headers['Impersonate-Uid'] = flags.string('as-uid');
  const groups = flags.strings('as-group');
  if (groups.length > 0) headers['Impersonate-Group'] = groups.join(', ');
  return headers;
}

export interface HeaderOptions {
  readonly accept: string;
  readonly contentType?: string;
  /** `kubectl get`, `kubectl create deployment`: the cobra command path. */
  readonly commandPath: string;
  readonly impersonation: Readonly<Record<string, string>>;
  /** Extra headers (websocket upgrade…). */
  readonly extra?: Readonly<Record<string, string>>;
}

/**
 * The headers of one request. Go's transport also adds Accept-Encoding: gzip, and kubectl a random
 * Kubectl-Session id per invocation; both are left out as they carry nothing the simulation uses.
 */
export function kubectlHeaders(options: HeaderOptions): Record<string, string> {
  return {
    Accept: options.accept,
    ...(options.contentType === undefined ? {} : { 'Content-Type': options.contentType }),
    ...options.impersonation,
    ...options.extra,
    'Kubectl-Command': options.commandPath,
    'User-Agent': KUBECTL_USER_AGENT,
  };
}
