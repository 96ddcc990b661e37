import { findResource, storageKey } from '../resources';
import type { ObjectReader } from '../types';
import { type AuthenticatorVerdict, makeUserInfo } from './authenticator';

/** k8s.io/cluster-bootstrap/token/api: `[a-z0-9]{6}.[a-z0-9]{16}`. */
const BOOTSTRAP_TOKEN = /^([a-z0-9]{6})\.([a-z0-9]{16})$/;
const BOOTSTRAP_GROUP_NAME = /^system:bootstrappers:[a-z0-9:-]{0,255}[a-z0-9]$/;
export const BOOTSTRAP_DEFAULT_GROUP = 'system:bootstrappers';
export const BOOTSTRAP_USER_PREFIX = 'system:bootstrap:';
export const BOOTSTRAP_SECRET_TYPE = 'bootstrap.kubernetes.io/token';

/**
 * A Secret's value under `key`: `data` is base64 as stored; a seeded object may carry
 * `stringData` instead (the apiserver would have merged it into `data` on write).
 */
function secretValue(secret: Record<string, unknown>, key: string): string {
  const data = secret.data as Record<string, unknown> | undefined;
  const encoded = data?.[key];
  if (typeof encoded === 'string') {
    try {
      return atob(encoded);
    } catch {
      return '';
    }
  }
  const plain = (secret.stringData as Record<string, unknown> | undefined)?.[key];
  return typeof plain === 'string' ? plain : '';
}

/**
 * The bootstrap token authenticator (`--enable-bootstrap-token-auth`).
 *
 * Models plugin/pkg/auth/authenticator/token/bootstrap/bootstrap.go: every failure after the
 * token's shape matched is only logged and answered "not mine" (`nil, false, nil`), so a bad
 * bootstrap token ends as bearertoken.go's "invalid bearer token". The user is
 * `system:bootstrap:<token-id>` in `system:bootstrappers` plus the Secret's `auth-extra-groups`
 * (cluster-bootstrap/util/secrets GetGroups: deduplicated and sorted).
 */
export function authenticateBootstrapToken(
  token: string,
  objects: ObjectReader,
  now: Date,
): AuthenticatorVerdict {
  const match = BOOTSTRAP_TOKEN.exec(token);
  if (match === null) {
    return { result: 'no-credential', reason: 'not of the bootstrap token form [a-z0-9]{6}.[a-z0-9]{16}' };
  }
  const [, tokenId = '', tokenSecret = ''] = match;
  const secretName = `bootstrap-token-${tokenId}`;
  const secrets = findResource('secrets');
  if (secrets === undefined) throw new Error('secrets is missing from RESOURCES');
  const secret = objects.get(storageKey(secrets, 'kube-system', secretName));
  const where = `Bootstrap secret kube-system/${secretName} matching bearer token`;
  if (secret === undefined) {
    return {
      result: 'no-credential',
      reason: `No secret of name ${secretName} to match bootstrap bearer token`,
    };
  }
  if (secret.metadata?.deletionTimestamp !== undefined) {
    return { result: 'no-credential', reason: `${where} is deleted and awaiting removal` };
  }
  if (
    secret.type !== BOOTSTRAP_SECRET_TYPE ||
    (secret.data === undefined && secret.stringData === undefined)
  ) {
    return {
      result: 'no-credential',
      reason: `${where} has invalid type, expected ${BOOTSTRAP_SECRET_TYPE}.`,
    };
  }
  if (secretValue(secret, 'token-secret') !== tokenSecret) {
    return { result: 'no-credential', reason: `${where} has invalid value for key token-secret.` };
  }
  if (secretValue(secret, 'token-id') !== tokenId) {
    return {
      result: 'no-credential',
      reason: `${where} has invalid value for key token-id, expected ${tokenId}.`,
    };
  }
  // cluster-bootstrap/util/secrets HasExpired: an unparsable expiration counts as expired.
  const expiration = secretValue(secret, 'expiration');
  if (expiration !== '') {
    const at = Date.parse(expiration);
    if (Number.isNaN(at) || now.getTime() > at) {
      return { result: 'no-credential', reason: `${where} has expired (expiration ${expiration})` };
    }
  }
  if (secretValue(secret, 'usage-bootstrap-authentication') !== 'true') {
    return { result: 'no-credential', reason: `${where} not marked usage-bootstrap-authentication=true.` };
  }
  const groups = new Set([BOOTSTRAP_DEFAULT_GROUP]);
  const extra = secretValue(secret, 'auth-extra-groups');
  if (extra !== '') {
    for (const group of extra.split(',')) {
      if (!BOOTSTRAP_GROUP_NAME.test(group)) {
        return {
          result: 'no-credential',
          reason: `${where} has invalid value for key auth-extra-groups: ${JSON.stringify(group)} is not a valid bootstrap group name.`,
        };
      }
      groups.add(group);
    }
  }
  return {
    result: 'authenticated',
    user: makeUserInfo(`${BOOTSTRAP_USER_PREFIX}${tokenId}`, '', [...groups].sort()),
    reason: `Secret kube-system/${secretName} holds this token, is marked for authentication and has not expired`,
  };
}
