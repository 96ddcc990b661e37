import { authorize } from '../authorization/chain';
import { forbiddenErrorText } from '../authorization/forbidden-message';
import { forbidden } from '../responses/status';
import type {
  AuthorizationAttributes,
  AuthorizationDetails,
  HttpRequest,
  HttpResponse,
  ObjectReader,
  ServerConfig,
  UserInfo,
} from '../types';
import { ANONYMOUS_USER, UNAUTHENTICATED_GROUP } from './anonymous';

const AUTHENTICATED_GROUP = 'system:authenticated';
const SERVICE_ACCOUNT_PREFIX = 'system:serviceaccount:';
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** What the impersonation filter made of a request. */
export interface ImpersonationResult {
  /** The user the rest of the request runs as: the requestor itself when nothing is impersonated. */
  readonly user: UserInfo;
  /** True when Impersonate-* headers switched the user. */
  readonly impersonated: boolean;
  /** One `impersonate` check per impersonated user, service account, group and uid, in order. */
  readonly checks: readonly AuthorizationDetails[];
  /** Set when the filter refused the request: a 403 Status, or the 500 for groups without a user. */
  readonly response?: HttpResponse;
}

/** One thing the requestor asks to act as (buildImpersonationRequests' ObjectReferences). */
interface ImpersonationRequest {
  readonly resource: 'users' | 'serviceaccounts' | 'groups' | 'uids';
  readonly namespace: string;
  readonly name: string;
}

function header(request: HttpRequest, name: string): string {
  const lower = name.toLowerCase();
  return Object.entries(request.headers).find(([h]) => h.toLowerCase() === lower)?.[1] ?? '';
}

/** serviceaccount.SplitUsername: `system:serviceaccount:<ns>:<name>` with a valid namespace and name. */
function splitServiceAccountUsername(username: string): { namespace: string; name: string } | undefined {
  if (!username.startsWith(SERVICE_ACCOUNT_PREFIX)) return undefined;
  const parts = username.slice(SERVICE_ACCOUNT_PREFIX.length).split(':');
  const [namespace = '', name = ''] = parts;
  if (parts.length !== 2 || namespace.length > 63 || !DNS_LABEL.test(namespace)) return undefined;
  if (name.length > 253 || !DNS_SUBDOMAIN.test(name)) return undefined;
  return { namespace, name };
}

/**
 * The impersonation filter (staging/src/k8s.io/apiserver/pkg/endpoints/filters/impersonation.go),
 * for Impersonate-User, Impersonate-Group (several joined with `, `) and Impersonate-Uid; user
 * extras are not modelled. Each thing impersonated is authorized first with the verb
 * `impersonate` on `users`, `serviceaccounts` (in its namespace), `groups` or `uids`; the first
 * refusal is a 403 for that check. The new user has only the groups named (a service account
 * with none named gets its service account groups), plus `system:authenticated` for a
 * non-anonymous user unless system:authenticated or system:unauthenticated is among them.
 */
export function impersonate(
  request: HttpRequest,
  requestor: UserInfo,
  config: ServerConfig['authorization'],
  objects: ObjectReader,
): ImpersonationResult {
  const requestedUser = header(request, 'Impersonate-User');
  const requestedGroups = header(request, 'Impersonate-Group');
  const requestedUid = header(request, 'Impersonate-Uid');
  const groupNames = requestedGroups === '' ? [] : requestedGroups.split(', ');

  if (requestedUser === '' && groupNames.length === 0 && requestedUid === '') {
    return { user: requestor, impersonated: false, checks: [] };
  }
  if (requestedUser === '') {
    // buildImpersonationRequests fails, and the filter answers with responsewriters.InternalError.
    const what = groupNames.length > 0 ? 'groups' : 'a uid';
    return {
      user: requestor,
      impersonated: false,
      checks: [],
      response: {
        status: 500,
        body: `Internal Server Error: ${JSON.stringify(request.path)}: requested ${what} without impersonating a user`,
      },
    };
  }

  const requests: ImpersonationRequest[] = [];
  const serviceAccount = splitServiceAccountUsername(requestedUser);
  requests.push(
    serviceAccount === undefined
      ? { resource: 'users', namespace: '', name: requestedUser }
      : { resource: 'serviceaccounts', ...serviceAccount },
  );
  for (const group of groupNames) requests.push({ resource: 'groups', namespace: '', name: group });
  if (requestedUid !== '') requests.push({ resource: 'uids', namespace: '', name: requestedUid });

  const checks: AuthorizationDetails[] = [];
  for (const asked of requests) {
    const attrs: AuthorizationAttributes = {
      user: requestor,
      verb: 'impersonate',
      isResourceRequest: true,
      apiGroup: '',
      apiVersion: '',
      namespace: asked.namespace,
      resource: asked.resource,
      subresource: '',
      name: asked.name,
      path: '',
    };
    const details = authorize(attrs, config, objects);
    checks.push(details);
    if (details.decision !== 'allow') {
      const status = forbidden('', asked.resource, asked.name, forbiddenErrorText(attrs, details.reason));
      return {
        user: requestor,
        impersonated: false,
        checks,
        response: { status: status.code, body: status },
      };
    }
  }

  const groups =
    groupNames.length === 0 && serviceAccount !== undefined
      ? ['system:serviceaccounts', `system:serviceaccounts:${serviceAccount.namespace}`]
      : [...groupNames];
  if (requestedUser !== ANONYMOUS_USER) {
    if (!groups.some((g) => g === AUTHENTICATED_GROUP || g === UNAUTHENTICATED_GROUP))
      groups.push(AUTHENTICATED_GROUP);
  } else if (!groups.includes(UNAUTHENTICATED_GROUP)) {
    groups.push(UNAUTHENTICATED_GROUP);
  }
  return {
    user: { username: requestedUser, uid: requestedUid, groups, extra: {} },
    impersonated: true,
    checks,
  };
}
