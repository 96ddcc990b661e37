/** What the authentication stage records. */
import type { AuthorizationDetails } from './authorization';
import type { UserInfo } from './identity';

export interface AuthenticatorAttempt {
  /** e.g. `x509`, `token-file`, `service-account`, `anonymous`. */
  readonly authenticator: string;
  /** `no-credential`: the authenticator saw nothing it handles and passed on. */
  readonly result: 'authenticated' | 'rejected' | 'no-credential' | 'disabled';
  readonly reason: string;
  /** For `authenticated`: the user this authenticator produced (before `system:authenticated` is added). */
  readonly user?: UserInfo;
}

export interface AuthenticationDetails {
  readonly attempts: readonly AuthenticatorAttempt[];
  /** Who sent the request (the requestor, when impersonating). */
  readonly user?: UserInfo;
  /** Set when Impersonate-* headers switched the user: who the request then runs as, and the `impersonate` checks. */
  readonly impersonation?: {
    readonly user: UserInfo;
    readonly checks: readonly AuthorizationDetails[];
  };
}
