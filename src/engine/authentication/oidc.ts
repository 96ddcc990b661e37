import type { OidcConfig, UserInfo } from '../types';
import type { AuthenticatorVerdict } from './authenticator';
import { SIMULATED_SIGNATURE } from './credentials';
import { decodeJwt } from './service-account';

/** What go-oidc's Verify fails with when the issuer's keys do not verify the signature. */
export const OIDC_BAD_SIGNATURE = 'failed to verify signature: failed to verify id token signature';

/** Go's time.Time String() for a UTC instant: `2025-06-01 11:00:00 +0000 UTC`. */
export function goTimeString(date: Date): string {
  const iso = date.toISOString();
  const fraction = iso.slice(20, 23).replace(/0+$/, '');
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}${fraction === '' ? '' : `.${fraction}`} +0000 UTC`;
}

/** Go's %q on a []string: `["a" "b"]`. */
export function goQuoteList(values: readonly string[]): string {
  return `[${values.map((v) => JSON.stringify(v)).join(' ')}]`;
}

function stringOrArray(value: unknown): string[] | undefined {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
  return undefined;
}

/** pkg/kubeapiserver/authenticator/config.go: the default prefix for the legacy `--oidc-*` flags. */
export function oidcUsernamePrefix(config: OidcConfig): string {
  if (config.usernamePrefix === undefined || config.usernamePrefix === '') {
    return config.usernameClaim === 'email' ? '' : `${config.issuerURL}#`;
  }
  return config.usernamePrefix === '-' ? '' : config.usernamePrefix;
}

/**
 * The OIDC (JWT) token authenticator, simulated without a network: the issuer's keys are
 * "whatever signs with SIMULATED_SIGNATURE".
 *
 * Models staging/src/k8s.io/apiserver/plugin/pkg/authenticator/token/oidc/oidc.go
 * `AuthenticateToken`: a token from another issuer is "not mine"; then go-oidc's Verify checks
 * expiry and signature, oidc.go checks the audience, reads the username claim (an `email` claim
 * needs `email_verified` not false), adds the prefix, reads the groups claim (a string or a
 * list), puts `jti` in extra as the credential id, and checks required claims. Every failure
 * after the issuer matched is an error, so the request gets a 401.
 */
export function authenticateOidcToken(token: string, config: OidcConfig, now: Date): AuthenticatorVerdict {
  const jwt = decodeJwt(token);
  const claims = (jwt?.claims ?? {}) as Record<string, unknown>;
  if (jwt === undefined || claims.iss !== config.issuerURL) {
    return { result: 'no-credential', reason: `not a JWT issued by ${config.issuerURL}` };
  }
  const fail = (reason: string): AuthenticatorVerdict => ({ result: 'rejected', reason });

  // go-oidc IDTokenVerifier.Verify: expiry (a missing exp is Go's zero time), then the signature.
  const exp = typeof claims.exp === 'number' ? claims.exp : undefined;
  if (exp === undefined || exp * 1000 < now.getTime()) {
    const text = exp === undefined ? '0001-01-01 00:00:00 +0000 UTC' : goTimeString(new Date(exp * 1000));
    return fail(`oidc: verify token: oidc: token is expired (Token Expiry: ${text})`);
  }
  if (jwt.signature !== SIMULATED_SIGNATURE) return fail(`oidc: verify token: ${OIDC_BAD_SIGNATURE}`);
  // oidc.go idTokenVerifier.verifyAudience (MatchAny).
  const audiences = stringOrArray(claims.aud) ?? [];
  if (!audiences.includes(config.clientID)) {
    return fail(
      `oidc: verify token: oidc: expected audience in ${goQuoteList([config.clientID])} got ${goQuoteList(audiences)}`,
    );
  }

  const usernameValue = claims[config.usernameClaim];
  if (usernameValue === undefined) {
    return fail(`oidc: parse username claims ${JSON.stringify(config.usernameClaim)}: claim not present`);
  }
  if (typeof usernameValue !== 'string') {
    return fail(
      `oidc: parse username claims ${JSON.stringify(config.usernameClaim)}: json: cannot unmarshal ${Array.isArray(usernameValue) ? 'array' : typeof usernameValue} into Go value of type string`,
    );
  }
  if (config.usernameClaim === 'email' && 'email_verified' in claims && claims.email_verified !== true) {
    return fail('oidc: email not verified');
  }
  const username = `${oidcUsernamePrefix(config)}${usernameValue}`;

  let groups: string[] = [];
  const groupsClaim = config.groupsClaim ?? '';
  if (groupsClaim !== '' && groupsClaim in claims) {
    const values = stringOrArray(claims[groupsClaim]);
    if (values === undefined) {
      return fail(
        `oidc: parse groups claim ${JSON.stringify(groupsClaim)}: json: cannot unmarshal into []string`,
      );
    }
    groups = values.map((g) => `${config.groupsPrefix ?? ''}${g}`);
  }

  const extra: Record<string, string[]> = {};
  // authentication/token/jwt CredentialIDForJTI.
  if (typeof claims.jti === 'string')
    extra['authentication.kubernetes.io/credential-id'] = [`JTI=${claims.jti}`];

  for (const [claim, want] of Object.entries(config.requiredClaims ?? {})) {
    if (!(claim in claims)) return fail(`oidc: required claim ${claim} not present in ID token`);
    const got = claims[claim];
    if (got !== want) {
      return fail(`oidc: required claim ${claim} value does not match. Got = ${String(got)}, want = ${want}`);
    }
  }

  const user: UserInfo = { username, uid: '', groups, extra };
  return {
    result: 'authenticated',
    user,
    reason: `an ID token from ${config.issuerURL} for audience ${config.clientID}; claim "${config.usernameClaim}" gives the user name${groupsClaim === '' ? '' : `, claim "${groupsClaim}" the groups`}`,
  };
}
