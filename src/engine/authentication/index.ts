import { engineMessage } from '../messages';
import { unauthorized } from '../responses/status';
import type {
  AuthenticationDetails,
  AuthenticatorAttempt,
  ObjectReader,
  RequestHeaderConfig,
  ServerConfig,
  StageResult,
  Status,
  UserInfo,
  WireRequest,
} from '../types';
import { ANONYMOUS_USER, authenticateAnonymous, UNAUTHENTICATED_GROUP } from './anonymous';
import { AUTHENTICATOR, type AuthenticatorVerdict, attemptOf } from './authenticator';
import { extractBearerToken, INVALID_BEARER_TOKEN } from './bearer-token';
import { authenticateBootstrapToken } from './bootstrap-token';
import { authenticateOidcToken } from './oidc';
import { authenticateRequestHeader } from './request-header';
import { authenticateServiceAccountToken } from './service-account';
import { authenticateTokenFile } from './token-file';
import { authenticateX509 } from './x509';

export { ANONYMOUS_USER, anonymousUser, UNAUTHENTICATED_GROUP } from './anonymous';
export { AUTHENTICATOR } from './authenticator';
export { authenticateBootstrapToken, BOOTSTRAP_DEFAULT_GROUP } from './bootstrap-token';
export {
  mintIdToken,
  mintServiceAccountToken,
  presentCredential,
  SERVICE_ACCOUNT_ISSUER,
} from './credentials';
export type { ImpersonationResult } from './impersonation';
export { impersonate } from './impersonation';
export { authenticateOidcToken, oidcUsernamePrefix } from './oidc';
export { authenticateRequestHeader } from './request-header';

export const AUTHENTICATED_GROUP = 'system:authenticated';

/** For configs built before the front proxy was modelled: the authenticator is off. */
const DEFAULT_REQUEST_HEADER: RequestHeaderConfig = {
  enabled: false,
  allowedNames: [],
  usernameHeaders: ['X-Remote-User'],
  groupHeaders: ['X-Remote-Group'],
  extraHeaderPrefixes: ['X-Remote-Extra-'],
};

export interface AuthenticationOutcome {
  readonly result: StageResult<AuthenticationDetails>;
  /** The authenticated user (with `system:authenticated` added), when authentication succeeded. */
  readonly user?: UserInfo;
  /** The 401 sent when it did not. */
  readonly status?: Status;
}

/**
 * Adds `system:authenticated` unless the user is anonymous or already in
 * system:authenticated / system:unauthenticated.
 * Models staging/src/k8s.io/apiserver/pkg/authentication/group/authenticated_group_adder.go.
 */
export function addAuthenticatedGroup(user: UserInfo): UserInfo {
  if (user.username === ANONYMOUS_USER) return user;
  if (user.groups.some((g) => g === AUTHENTICATED_GROUP || g === UNAUTHENTICATED_GROUP)) return user;
  return { ...user, groups: [...user.groups, AUTHENTICATED_GROUP] };
}

/** utilerrors.NewAggregate(errs).Error(): one message alone, several deduplicated as `[a, b]`. */
function aggregateText(messages: readonly string[]): string {
  const unique = [...new Set(messages)];
  return unique.length === 1 ? (unique[0] ?? '') : `[${unique.join(', ')}]`;
}

interface Rejection {
  readonly authenticator: string;
  readonly reason: string;
}

/** Why basic auth is gone, shown when a request carries `Authorization: Basic …`. */
export const BASIC_AUTH_REMOVED =
  'HTTP basic authentication (--basic-auth-file) was removed in Kubernetes v1.19, so no authenticator reads a Basic Authorization header: the request is treated as if it carried no credential';

function hasBasicAuthHeader(wire: WireRequest): boolean {
  const entry = Object.entries(wire.request.headers).find(([name]) => name.toLowerCase() === 'authorization');
  return (entry?.[1] ?? '').trim().toLowerCase().startsWith('basic ');
}

/** One bearer token authenticator, in config.go's order. */
interface TokenAuthenticator {
  readonly name: string;
  readonly enabled: boolean;
  readonly disabledReason: string;
  readonly run: (token: string) => AuthenticatorVerdict;
}

/**
 * Runs kube-apiserver's authenticator chain on a request.
 *
 * Models pkg/kubeapiserver/authenticator/config.go `New()`: a union of the request header
 * authenticator (front proxy), x509, then one bearer token authenticator over the token
 * authenticators (token file, service account tokens, bootstrap tokens, OIDC; the token webhook is
 * not modelled); the union is wrapped by the authenticated-group adder and, when
 * `--anonymous-auth` is on, by `union.NewFailOnError(…, anonymous)`. Basic auth, which sat
 * between the front proxy and x509, was removed in v1.19; a Basic header is noted and ignored.
 *
 * The union (staging/src/k8s.io/apiserver/pkg/authentication/request/union/union.go) returns the
 * first success even after another authenticator failed; only when none succeeds does an error
 * become a 401. Anonymous is consulted only when nobody failed: a bad credential never falls
 * back to anonymous. The response is always the bare `Unauthorized` Status; the reason is only
 * logged by the real server, and shown here in `details.attempts`.
 */
export function authenticate(
  wire: WireRequest,
  config: ServerConfig['authentication'],
  objects: ObjectReader,
  now: Date,
): AuthenticationOutcome {
  const attempts: AuthenticatorAttempt[] = [];
  const rejections: Rejection[] = [];

  const succeed = (authenticator: string, user: UserInfo): AuthenticationOutcome => {
    const finalUser = authenticator === AUTHENTICATOR.anonymous ? user : addAuthenticatedGroup(user);
    return {
      user: finalUser,
      result: {
        stage: 'authentication',
        outcome: 'passed',
        ...engineMessage('authn.authenticated', { username: finalUser.username, authenticator }),
        details: { attempts, user: finalUser },
      },
    };
  };
  /** Records a verdict; returns the user when it authenticated. */
  const record = (authenticator: string, verdict: AuthenticatorVerdict): UserInfo | undefined => {
    attempts.push(attemptOf(authenticator, verdict));
    if (verdict.result === 'rejected') rejections.push({ authenticator, reason: verdict.reason });
    return verdict.result === 'authenticated' ? verdict.user : undefined;
  };
  const disabled = (authenticator: string, reason: string): void => {
    attempts.push({ authenticator, result: 'disabled', reason });
  };

  // The authenticating front proxy (--requestheader-client-ca-file).
  const requestHeader = config.requestHeader ?? DEFAULT_REQUEST_HEADER;
  if (!requestHeader.enabled) {
    disabled(AUTHENTICATOR.requestHeader, 'no --requestheader-client-ca-file is set');
  } else {
    const user = record(
      AUTHENTICATOR.requestHeader,
      authenticateRequestHeader(wire.request, wire.clientCertificate, requestHeader),
    );
    if (user !== undefined) return succeed(AUTHENTICATOR.requestHeader, user);
  }

  if (hasBasicAuthHeader(wire)) disabled(AUTHENTICATOR.basicAuth, BASIC_AUTH_REMOVED);

  // x509 client certificates (--client-ca-file).
  if (!config.x509) {
    disabled(AUTHENTICATOR.x509, 'no --client-ca-file is set');
  } else {
    const user = record(AUTHENTICATOR.x509, authenticateX509(wire.clientCertificate));
    if (user !== undefined) return succeed(AUTHENTICATOR.x509, user);
  }

  // Bearer tokens: one authenticator over the token authenticators, in config.go's order.
  const oidc = config.oidc;
  const tokenAuthenticators: TokenAuthenticator[] = [
    {
      name: AUTHENTICATOR.tokenFile,
      enabled: config.tokenFile.length > 0,
      disabledReason: 'no --token-auth-file is set',
      run: (token) => authenticateTokenFile(token, config.tokenFile),
    },
    {
      name: AUTHENTICATOR.serviceAccount,
      enabled: config.serviceAccountTokens,
      disabledReason: 'no --service-account-issuer / --service-account-key-file is set',
      run: (token) => authenticateServiceAccountToken(token, objects, now),
    },
    {
      name: AUTHENTICATOR.bootstrapToken,
      enabled: config.bootstrapTokens ?? false,
      disabledReason: '--enable-bootstrap-token-auth is not set',
      run: (token) => authenticateBootstrapToken(token, objects, now),
    },
    {
      name: AUTHENTICATOR.oidc,
      enabled: oidc?.enabled ?? false,
      disabledReason: 'no --oidc-issuer-url / --oidc-client-id is set',
      run: (token) =>
        oidc === undefined
          ? { result: 'no-credential', reason: '' }
          : authenticateOidcToken(token, oidc, now),
    },
  ];
  const enabledTokenAuthenticators = tokenAuthenticators.filter((a) => a.enabled);
  const token = extractBearerToken(wire.request);
  const before = rejections.length;
  for (const authenticator of tokenAuthenticators) {
    if (!authenticator.enabled) {
      disabled(authenticator.name, authenticator.disabledReason);
    } else if (token === undefined) {
      attempts.push({
        authenticator: authenticator.name,
        result: 'no-credential',
        reason: 'no bearer token in the Authorization header',
      });
    } else {
      const user = record(authenticator.name, authenticator.run(token));
      if (user !== undefined) return succeed(authenticator.name, user);
    }
  }
  // No token authenticator configured: nothing reads the Authorization header at all.
  if (token !== undefined && enabledTokenAuthenticators.length > 0 && rejections.length === before) {
    // bearertoken.go: no token authenticator claimed the token and none failed.
    record(AUTHENTICATOR.bearerToken, { result: 'rejected', reason: INVALID_BEARER_TOKEN });
  }

  if (rejections.length > 0) {
    const status = unauthorized();
    return {
      status,
      result: {
        stage: 'authentication',
        outcome: 'failed',
        ...engineMessage('authn.rejected', {
          authenticator: [...new Set(rejections.map((r) => r.authenticator))].join(' and '),
          reason: aggregateText(rejections.map((r) => r.reason)),
        }),
        details: { attempts },
      },
    };
  }

  if (config.anonymous) {
    const user = record(AUTHENTICATOR.anonymous, authenticateAnonymous());
    if (user !== undefined) return succeed(AUTHENTICATOR.anonymous, user);
  }
  disabled(AUTHENTICATOR.anonymous, '--anonymous-auth=false');
  const status = unauthorized();
  return {
    status,
    result: {
      stage: 'authentication',
      outcome: 'failed',
      ...engineMessage('authn.anonymousDisabled'),
      details: { attempts },
    },
  };
}
