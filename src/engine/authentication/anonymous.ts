import type { UserInfo } from '../types';
import { type AuthenticatorVerdict, makeUserInfo } from './authenticator';

export const ANONYMOUS_USER = 'system:anonymous';
export const UNAUTHENTICATED_GROUP = 'system:unauthenticated';

/**
 * The anonymous authenticator (`--anonymous-auth`, on by default).
 * Models staging/src/k8s.io/apiserver/pkg/authentication/request/anonymous/anonymous.go.
 */
export function anonymousUser(): UserInfo {
  return makeUserInfo(ANONYMOUS_USER, '', [UNAUTHENTICATED_GROUP]);
}

export function authenticateAnonymous(): AuthenticatorVerdict {
  return {
    result: 'authenticated',
    user: anonymousUser(),
    reason: 'no credential was presented, so the request is treated as anonymous',
  };
}
