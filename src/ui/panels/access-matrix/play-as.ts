import { type Cluster, findResource, type RequestInfo, storageKey, type UserInfo } from '../../../engine';
import type { PlayAs } from './matrix-model';

function resourceRequest(over: Partial<RequestInfo>): RequestInfo {
  return {
    isResourceRequest: true,
    path: '',
    verb: 'get',
    apiPrefix: 'api',
    apiGroup: '',
    apiVersion: 'v1',
    namespace: '',
    resource: '',
    subresource: '',
    name: '',
    parts: [],
    ...over,
  };
}

/** The review `kubectl auth can-i` POSTs must itself be authorized: create selfsubjectaccessreviews. */
const SELF_REVIEW = resourceRequest({
  verb: 'create',
  apiPrefix: 'apis',
  apiGroup: 'authorization.k8s.io',
  resource: 'selfsubjectaccessreviews',
});

/**
 * The `impersonate` check kube-apiserver makes for `--as=<subject>`: a service account name is
 * checked against `serviceaccounts` in its namespace, anything else against `users`
 * (staging/src/k8s.io/apiserver/pkg/endpoints/filters/impersonation.go).
 */
function impersonationCheck(subject: string): RequestInfo {
  const sa = /^system:serviceaccount:([^:]+):([^:]+)$/.exec(subject);
  return resourceRequest({
    verb: 'impersonate',
    namespace: sa?.[1] ?? '',
    resource: sa === null ? 'users' : 'serviceaccounts',
    name: sa?.[2] ?? subject,
  });
}

/** The user an impersonated subject becomes (impersonation.go adds the service account groups). */
function impersonatedUser(subject: string): UserInfo {
  const sa = /^system:serviceaccount:([^:]+):([^:]+)$/.exec(subject);
  const groups =
    sa === null
      ? ['system:authenticated']
      : ['system:serviceaccounts', `system:serviceaccounts:${sa[1]}`, 'system:authenticated'];
  return { username: subject, uid: '', groups, extra: {} };
}

/**
 * Who plays each matrix subject. Each picker user's credential is authenticated by the cluster
 * (`cluster.authenticateUser`), as `cluster.accessMatrix` does, so the picker entry `admin` maps to the user name the matrix
 * rows carry (`kubernetes-admin`). A subject no picker entry produces (a service account) is
 * played, via `--as`, by the first picker user the engine's authorizer lets impersonate it —
 * or by nobody.
 */
export function resolvePlayAs(
  cluster: Cluster,
  now: Date = new Date(),
): (subject: string) => PlayAs | undefined {
  const pickers: { readonly name: string; readonly user: UserInfo }[] = [];
  for (const spec of cluster.users) {
    const user = cluster.authenticateUser(spec.name, now);
    if (user !== undefined) pickers.push({ name: spec.name, user });
  }
  const allows = (user: UserInfo, info: RequestInfo) => cluster.authorize(user, info).decision === 'allow';
  const cache = new Map<string, PlayAs | undefined>();
  return (subject) => {
    if (cache.has(subject)) return cache.get(subject);
    const direct = pickers.find((p) => p.user.username === subject);
    let play: PlayAs | undefined;
    if (direct !== undefined) {
      play = { kind: 'direct', user: direct.name, canSelfReview: allows(direct.user, SELF_REVIEW) };
    } else {
      const check = impersonationCheck(subject);
      const impersonator = pickers.find((p) => allows(p.user, check));
      if (impersonator !== undefined) {
        play = {
          kind: 'impersonate',
          user: impersonator.name,
          canSelfReview: allows(impersonatedUser(subject), SELF_REVIEW),
        };
      }
    }
    cache.set(subject, play);
    return play;
  };
}

/**
 * A name to `get`, `delete` or `patch` for one matrix row: the first object of that resource
 * stored in the namespace, so an allowed get shows the object; undefined when there is none.
 * `resource` is the matrix's `pods` / `deployments.apps` form.
 */
export function sampleObjectName(cluster: Cluster, resource: string, namespace: string): string | undefined {
  const type = findResource(resource);
  if (type === undefined || !type.namespaced) return undefined;
  return cluster.storage.list(storageKey(type, namespace))[0]?.metadata?.name;
}
