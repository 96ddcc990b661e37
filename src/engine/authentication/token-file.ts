import type { StaticTokenEntry } from '../types';
import { type AuthenticatorVerdict, makeUserInfo } from './authenticator';

/**
 * The static token file authenticator (`--token-auth-file`).
 * Models staging/src/k8s.io/apiserver/pkg/authentication/token/tokenfile/tokenfile.go: an
 * unknown token is not an error here, it only means "not mine", so the next token
 * authenticator gets a go.
 */
export function authenticateTokenFile(
  token: string,
  entries: readonly StaticTokenEntry[],
): AuthenticatorVerdict {
  const entry = entries.find((e) => e.token === token);
  if (entry === undefined) {
    return { result: 'no-credential', reason: 'the token is not listed in the token file' };
  }
  return {
    result: 'authenticated',
    user: makeUserInfo(entry.user, entry.uid, entry.groups),
    reason: `the token file maps this token to user "${entry.user}"`,
  };
}
