import { engineMessage } from '../messages';
import { unauthorized } from '../responses/status';
import type {
  AuthenticationDetails,
  AuthenticatorAttempt,
  ObjectReader,
  ServerConfig,
  StageResult,
  Status,
  UserInfo,
  WireRequest,
} from '../types';
import { ANONYMOUS_USER, authenticateAnonymous, UNAUTHENTICATED_GROUP } from './anonymous';
import { AUTHENTICATOR, type AuthenticatorVerdict, attemptOf } from './authenticator';
import { extractBearerToken, INVALID_BEARER_TOKEN } from './bearer-token';
import { authenticateServiceAccountToken } from './service-account';
import { authenticateTokenFile } from './token-file';
import { authenticateX509 } from './x509';

export { ANONYMOUS_USER, anonymousUser, UNAUTHENTICATED_GROUP } from './anonymous';
export { mintServiceAccountToken, presentCredential, SERVICE_ACCOUNT_ISSUER } from './credentials';
export type { ImpersonationResult } from './impersonation';
export { impersonate } from './impersonation';

export const AUTHENTICATED_GROUP = 'system:authenticated';

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

/**
 * Runs kube-apiserver's authenticator chain on a request.
 *
 * Models pkg/kubeapiserver/authenticator/config.go `New()`: a union of (request header — not
 * modelled), x509, then one bearer token authenticator over the token authenticators (token file,
 * service account tokens); the union is wrapped by the authenticated-group adder and, when
 * `--anonymous-auth` is on, by `union.NewFailOnError(…, anonymous)`.
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

  // x509 client certificates (--client-ca-file).
  if (!config.x509) {
    attempts.push({
      authenticator: AUTHENTICATOR.x509,
      result: 'disabled',
      reason: 'no --client-ca-file is set',
    });
  } else {
    const user = record(AUTHENTICATOR.x509, authenticateX509(wire.clientCertificate));
    if (user !== undefined) return succeed(AUTHENTICATOR.x509, user);
  }

  // Bearer tokens: one authenticator over the token authenticators, in config.go's order.
  const tokenFileEnabled = config.tokenFile.length > 0;
  const serviceAccountsEnabled = config.serviceAccountTokens;
  const token = extractBearerToken(wire.request);
  const disabledTokenAttempts = (): void => {
    if (!tokenFileEnabled) {
      attempts.push({
        authenticator: AUTHENTICATOR.tokenFile,
        result: 'disabled',
        reason: 'no --token-auth-file is set',
      });
    }
    if (!serviceAccountsEnabled) {
      attempts.push({
        authenticator: AUTHENTICATOR.serviceAccount,
        result: 'disabled',
        reason: 'no --service-account-issuer / --service-account-key-file is set',
      });
    }
  };
  if (!tokenFileEnabled && !serviceAccountsEnabled) {
    // No token authenticator is configured, so nothing reads the Authorization header at all.
    disabledTokenAttempts();
  } else if (token === undefined) {
    const reason = 'no bearer token in the Authorization header';
    if (tokenFileEnabled)
      attempts.push({ authenticator: AUTHENTICATOR.tokenFile, result: 'no-credential', reason });
    if (serviceAccountsEnabled) {
      attempts.push({ authenticator: AUTHENTICATOR.serviceAccount, result: 'no-credential', reason });
    }
    disabledTokenAttempts();
  } else {
    const before = rejections.length;
    if (tokenFileEnabled) {
      const user = record(AUTHENTICATOR.tokenFile, authenticateTokenFile(token, config.tokenFile));
      if (user !== undefined) return succeed(AUTHENTICATOR.tokenFile, user);
    }
    if (serviceAccountsEnabled) {
      const user = record(AUTHENTICATOR.serviceAccount, authenticateServiceAccountToken(token, objects, now));
      if (user !== undefined) return succeed(AUTHENTICATOR.serviceAccount, user);
    }
    disabledTokenAttempts();
    if (rejections.length === before) {
      // bearertoken.go: no token authenticator claimed the token and none failed.
      record(AUTHENTICATOR.bearerToken, { result: 'rejected', reason: INVALID_BEARER_TOKEN });
    }
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
  attempts.push({
    authenticator: AUTHENTICATOR.anonymous,
    result: 'disabled',
    reason: '--anonymous-auth=false',
  });
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
