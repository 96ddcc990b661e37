import { findResource, storageKey } from '../resources';
import type { KubeObject, ObjectReader } from '../types';
import { type AuthenticatorVerdict, makeUserInfo } from './authenticator';
import { decodeBase64Url } from './base64url';
import { SERVICE_ACCOUNT_ISSUER, SIMULATED_SIGNATURE } from './credentials';

/** go-jose's ErrCryptoFailure, what a token signed by another key fails with. */
export const SIGNATURE_INVALID = 'go-jose/go-jose: error in cryptographic primitive';

/** jwt.DefaultLeeway: clock skew tolerated on `exp` and `nbf`. */
const LEEWAY_SECONDS = 60;

/** The claims the service account authenticator reads (pkg/serviceaccount/claims.go privateClaims). */
export interface ServiceAccountClaims {
  readonly iss?: string;
  readonly sub?: string;
  readonly exp?: number;
  readonly nbf?: number;
  readonly iat?: number;
  readonly 'kubernetes.io'?: {
    readonly namespace?: string;
    readonly serviceaccount?: { readonly name?: string; readonly uid?: string };
  };
}

/** The decoded header and claims of a compact JWT, or undefined when it is not one. */
export function decodeJwt(
  token: string,
): { header: unknown; claims: ServiceAccountClaims; signature: string } | undefined {
  if (token.trim().startsWith('{')) return undefined;
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  const [headerPart = '', payloadPart = '', signature = ''] = parts;
  const header = parseJson(decodeBase64Url(headerPart));
  const claims = parseJson(decodeBase64Url(payloadPart));
  if (!isRecord(header) || !isRecord(claims)) return undefined;
  return { header, claims: claims as ServiceAccountClaims, signature };
}

function parseJson(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function serviceAccountKey(namespace: string, name: string): string {
  const type = findResource('serviceaccounts');
  if (type === undefined) throw new Error('serviceaccounts is missing from RESOURCES');
  return storageKey(type, namespace, name);
}

/**
 * The service account token authenticator (`--service-account-issuer` and key files).
 * Models pkg/serviceaccount/jwt.go `AuthenticateToken` and claims.go `Validate`: a token that is
 * not a JWT from this issuer is "not mine" (the next token authenticator is tried); once issuer
 * and signature match, every failure is an error, so the request is rejected with a 401.
 */
export function authenticateServiceAccountToken(
  token: string,
  objects: ObjectReader,
  now: Date,
): AuthenticatorVerdict {
  const jwt = decodeJwt(token);
  if (jwt === undefined || jwt.claims.iss !== SERVICE_ACCOUNT_ISSUER) {
    return { result: 'no-credential', reason: `not a JWT issued by ${SERVICE_ACCOUNT_ISSUER}` };
  }
  if (jwt.signature !== SIMULATED_SIGNATURE) return { result: 'rejected', reason: SIGNATURE_INVALID };

  // public.Validate(jwt.Expected{Time: now}) with the default one-minute leeway.
  const nowSeconds = Math.floor(now.getTime() / 1000);
  if (typeof jwt.claims.nbf === 'number' && nowSeconds + LEEWAY_SECONDS < jwt.claims.nbf) {
    return { result: 'rejected', reason: 'service account token is not valid yet' };
  }
  if (typeof jwt.claims.exp === 'number' && nowSeconds - LEEWAY_SECONDS > jwt.claims.exp) {
    return { result: 'rejected', reason: 'service account token has expired' };
  }

  const namespace = jwt.claims['kubernetes.io']?.namespace ?? '';
  const name = jwt.claims['kubernetes.io']?.serviceaccount?.name ?? '';
  const claimedUid = jwt.claims['kubernetes.io']?.serviceaccount?.uid;
  // The getter's NotFound error is returned as is (claims.go: `return nil, err`).
  const serviceAccount: KubeObject | undefined = objects.get(serviceAccountKey(namespace, name));
  if (serviceAccount === undefined) {
    return { result: 'rejected', reason: `serviceaccounts ${JSON.stringify(name)} not found` };
  }
  const deletion = serviceAccount.metadata?.deletionTimestamp;
  if (typeof deletion === 'string' && Date.parse(deletion) < now.getTime() - LEEWAY_SECONDS * 1000) {
    return { result: 'rejected', reason: `service account ${namespace}/${name} has been deleted` };
  }
  const uid = serviceAccount.metadata?.uid ?? '';
  // Upstream always compares; the simulator's kubeconfig tokens are minted without the uid
  // (presentCredential cannot read storage), so only a token that names one is checked.
  if (claimedUid !== undefined && claimedUid !== uid) {
    return {
      result: 'rejected',
      reason: `service account UID (${uid}) does not match claim (${claimedUid})`,
    };
  }

  const username = `system:serviceaccount:${namespace}:${name}`;
  return {
    result: 'authenticated',
    // staging/src/k8s.io/apiserver/pkg/authentication/serviceaccount/util.go UserInfo()
    user: makeUserInfo(username, claimedUid ?? uid, [
      'system:serviceaccounts',
      `system:serviceaccounts:${namespace}`,
    ]),
    reason: `a valid token for ServiceAccount ${namespace}/${name}, which exists`,
  };
}
