import type { AuthenticatorAttempt, UserInfo } from '../types';

/**
 * What one authenticator says about a request, as Go's `(*Response, bool, error)` triple:
 * `authenticated` is `(resp, true, nil)`, `rejected` is `(nil, false, err)` and `no-credential`
 * is `(nil, false, nil)`: nothing this authenticator handles, so the union tries the next one.
 * Models staging/src/k8s.io/apiserver/pkg/authentication/authenticator/interfaces.go.
 */
export type AuthenticatorVerdict =
  | { readonly result: 'authenticated'; readonly user: UserInfo; readonly reason: string }
  | { readonly result: 'rejected'; readonly reason: string }
  | { readonly result: 'no-credential'; readonly reason: string };

/** Authenticator names as they appear in `AuthenticationDetails.attempts`. */
export const AUTHENTICATOR = {
  x509: 'x509',
  tokenFile: 'token-file',
  serviceAccount: 'service-account',
  bearerToken: 'bearer-token',
  anonymous: 'anonymous',
  requestHeader: 'request-header',
  bootstrapToken: 'bootstrap-token',
  oidc: 'oidc',
  basicAuth: 'basic-auth',
} as const;

export function attemptOf(authenticator: string, verdict: AuthenticatorVerdict): AuthenticatorAttempt {
  return verdict.result === 'authenticated'
    ? { authenticator, result: verdict.result, reason: verdict.reason, user: verdict.user }
    : { authenticator, result: verdict.result, reason: verdict.reason };
}

export function makeUserInfo(username: string, uid: string, groups: readonly string[]): UserInfo {
  return { username, uid, groups: [...groups], extra: {} };
}
