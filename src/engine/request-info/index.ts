/**
 * Works out the RequestInfo (verb, group, resource, namespace, name…) of an HTTP request, the way
 * kube-apiserver's WithRequestInfo filter does before authentication and authorization.
 *
 * Modelled line by line on staging/src/k8s.io/apiserver/pkg/endpoints/request/requestinfo.go
 * (RequestInfoFactory.NewRequestInfo, Kubernetes v1.31) with APIPrefixes {api, apis} and
 * GrouplessAPIPrefixes {api}, as pkg/controlplane configures them.
 */
import type { HttpRequest, RequestInfo } from '../types';
import { requiresExactMatch } from './field-selector';
import { parseQuery, queryValues } from './query';

export { parseQuery, queryValues } from './query';

const API_PREFIXES = new Set(['api', 'apis']);
const GROUPLESS_API_PREFIXES = new Set(['api']);
/** Verbs that may appear as the first path segment after the version (`/api/v1/watch/pods`). */
const SPECIAL_VERBS = new Set(['proxy', 'watch']);
/** Root verbs whose third part is not a subresource. */
const SPECIAL_VERBS_NO_SUBRESOURCES = new Set(['proxy']);
/** Lets `/api/v1/namespaces/dev/status` be the namespace's status, not a resource named `status`. */
const NAMESPACE_SUBRESOURCES = new Set(['status', 'finalize']);

/** Integer ListOptions fields: a value that does not parse makes the whole ListOptions decode fail. */
const INTEGER_LIST_OPTIONS = ['limit', 'timeoutSeconds'];

/** Resolves the RequestInfo the apiserver attaches to `req`. Never throws. */
export function resolveRequestInfo(req: HttpRequest): RequestInfo {
  const { path, query } = splitUrl(req.path);
  const nonResource: RequestInfo = {
    isResourceRequest: false,
    path,
    verb: req.method.toLowerCase(),
    apiPrefix: '',
    apiGroup: '',
    apiVersion: '',
    namespace: '',
    resource: '',
    subresource: '',
    name: '',
    parts: [],
  };

  let parts = splitPath(path);
  if (parts.length < 3) return nonResource;
  const apiPrefix = parts[0] ?? '';
  if (!API_PREFIXES.has(apiPrefix)) return nonResource;
  parts = parts.slice(1);

  let apiGroup = '';
  if (!GROUPLESS_API_PREFIXES.has(apiPrefix)) {
    // One part (the prefix) is already consumed, so this asks "were there four parts?".
    if (parts.length < 3) return { ...nonResource, apiPrefix };
    apiGroup = parts[0] ?? '';
    parts = parts.slice(1);
  }

  const apiVersion = parts[0] ?? '';
  parts = parts.slice(1);

  let verb: string;
  const first = parts[0] ?? '';
  if (SPECIAL_VERBS.has(first)) {
    if (parts.length < 2) {
      // Upstream returns an error here ("unable to determine kind and namespace from url") together
      // with the RequestInfo as far as it got; the filter then answers 500.
      return { ...nonResource, isResourceRequest: true, apiPrefix, apiGroup, apiVersion };
    }
    verb = first;
    parts = parts.slice(1);
  } else {
    verb = verbForMethod(req.method);
  }

  let namespace = '';
  if (parts[0] === 'namespaces') {
    if (parts.length > 1) {
      namespace = parts[1] ?? '';
      // A further segment that is not a namespace subresource is a resource in its own right.
      if (parts.length > 2 && !NAMESPACE_SUBRESOURCES.has(parts[2] ?? '')) parts = parts.slice(2);
    }
  }

  let resource = '';
  let name = '';
  let subresource = '';
  if (parts.length >= 3 && !SPECIAL_VERBS_NO_SUBRESOURCES.has(verb)) subresource = parts[2] ?? '';
  if (parts.length >= 2) name = parts[1] ?? '';
  if (parts.length >= 1) resource = parts[0] ?? '';

  // No name and a GET: a list or a watch, decided by ListOptions from the query.
  if (name === '' && verb === 'get') {
    const decoded = decodeListOptions(query);
    verb = decoded.watch ? 'watch' : 'list';
    if (decoded.fieldSelectorName !== undefined && isValidPathSegmentName(decoded.fieldSelectorName)) {
      name = decoded.fieldSelectorName;
    }
  }
  if (name === '' && verb === 'delete') verb = 'deletecollection';
  // Upstream also records fieldSelector/labelSelector for AuthorizeWithSelectors (unless the verb
  // came from a `/watch/` path prefix); RequestInfo here does not carry them.

  return {
    isResourceRequest: true,
    path,
    verb,
    apiPrefix,
    apiGroup,
    apiVersion,
    namespace,
    resource,
    subresource,
    name,
    parts,
  };
}

function verbForMethod(method: string): string {
  switch (method) {
    case 'POST':
      return 'create';
    case 'GET':
    case 'HEAD':
      return 'get';
    case 'PUT':
      return 'update';
    case 'PATCH':
      return 'patch';
    case 'DELETE':
      return 'delete';
    default:
      return '';
  }
}

/** Splits `path?query`, percent-decoding the path as Go's `url.URL.Path` holds it. */
function splitUrl(raw: string): { path: string; query: string } {
  const q = raw.indexOf('?');
  const rawPath = q === -1 ? raw : raw.slice(0, q);
  const query = q === -1 ? '' : raw.slice(q + 1);
  let path = rawPath;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    // Go would reject the URL outright; keep the raw path so the simulator can still show it.
  }
  return { path, query };
}

/** requestinfo.go splitPath: trim slashes, then split. */
function splitPath(path: string): string[] {
  const trimmed = path.replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? [] : trimmed.split('/');
}

interface DecodedListOptions {
  readonly watch: boolean;
  /** The name a `metadata.name=x` field selector pins, if the selector parsed and pins one. */
  readonly fieldSelectorName?: string;
}

/**
 * The parts of metav1 ListOptions decoding that RequestInfo depends on. If any field fails to
 * decode, upstream resets the options and only honours `watch` (requestinfo.go), so the name from
 * the field selector is lost too.
 */
function decodeListOptions(query: string): DecodedListOptions {
  const params = parseQuery(query);
  const watchValues = queryValues(params, 'watch');
  // Convert_Slice_string_To_bool: any first value other than "0" or "false" (any case) is true.
  const watch = watchValues.length > 0 && !['0', 'false'].includes((watchValues[0] ?? '').toLowerCase());

  for (const key of INTEGER_LIST_OPTIONS) {
    const value = queryValues(params, key)[0];
    if (value !== undefined && !/^[+-]?\d+$/.test(value)) return { watch };
  }
  const fieldSelector = queryValues(params, 'fieldSelector')[0];
  if (fieldSelector === undefined) return { watch };
  const match = requiresExactMatch(fieldSelector, 'metadata.name');
  if (match.error) return { watch };
  return match.value === undefined ? { watch } : { watch, fieldSelectorName: match.value };
}

/** apimachinery pkg/api/validation/path IsValidPathSegmentName. */
function isValidPathSegmentName(name: string): boolean {
  return name !== '.' && name !== '..' && !name.includes('/') && !name.includes('%');
}
