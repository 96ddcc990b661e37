import type { ClientCertificate, Credential, HttpRequest, WireRequest } from '../types';
import { encodeBase64Url } from './base64url';

/** `--service-account-issuer` on a kubeadm cluster; also the tokens' default audience. */
export const SERVICE_ACCOUNT_ISSUER = 'https://kubernetes.default.svc.cluster.local';

/**
 * The simulator signs nothing: every token it mints carries this signature, and the
 * service account authenticator treats any other signature as a failed verification.
 */
export const SIMULATED_SIGNATURE = 'simulated-signature';

export interface MintOptions {
  /** The ServiceAccount's metadata.uid; omitted from the token when not given. */
  readonly uid?: string;
  /** Adds `iat`, `nbf` and `exp` claims, as the TokenRequest API does. */
  readonly issuedAt?: Date;
  /** Lifetime when `issuedAt` is given; the TokenRequest default is one hour. */
  readonly expirationSeconds?: number;
}

/**
 * A JWT-shaped bound service account token for `system:serviceaccount:<namespace>:<name>`.
 * The claims follow pkg/serviceaccount/claims.go `Claims()`; keys are in the sorted order
 * go-jose serialises them in. The signature is fake (see SIMULATED_SIGNATURE).
 */
export function mintServiceAccountToken(namespace: string, name: string, options: MintOptions = {}): string {
  const header = { alg: 'RS256', kid: 'simulated' };
  const issuedAt = options.issuedAt === undefined ? undefined : Math.floor(options.issuedAt.getTime() / 1000);
  const times =
    issuedAt === undefined ? {} : { exp: issuedAt + (options.expirationSeconds ?? 3600), iat: issuedAt };
  const payload = {
    aud: [SERVICE_ACCOUNT_ISSUER],
    ...times,
    iss: SERVICE_ACCOUNT_ISSUER,
    'kubernetes.io': {
      namespace,
      serviceaccount: options.uid === undefined ? { name } : { name, uid: options.uid },
    },
    ...(issuedAt === undefined ? {} : { nbf: issuedAt }),
    sub: `system:serviceaccount:${namespace}:${name}`,
  };
  return `${encodeBase64Url(JSON.stringify(header))}.${encodeBase64Url(JSON.stringify(payload))}.${SIMULATED_SIGNATURE}`;
}

/** Header names are canonical case, but a hand-written request may not be. */
function hasHeader(request: HttpRequest, name: string): boolean {
  const lower = name.toLowerCase();
  return Object.keys(request.headers).some((h) => h.toLowerCase() === lower);
}

function withBearerToken(request: HttpRequest, token: string): WireRequest {
  // A request that already carries an Authorization header (curl -H) keeps it: kubectl's
  // transport does not overwrite a header the caller set.
  if (hasHeader(request, 'Authorization')) return { request };
  return { request: { ...request, headers: { ...request.headers, Authorization: `Bearer ${token}` } } };
}

/**
 * Puts a kubeconfig credential on the wire the way client-go's transport does: a bearer token
 * becomes an `Authorization` header, a client certificate is presented in the TLS handshake
 * (so it is no header at all), and an anonymous user sends nothing.
 */
export function presentCredential(request: HttpRequest, credential: Credential): WireRequest {
  switch (credential.type) {
    case 'token':
      return withBearerToken(request, credential.token);
    case 'serviceAccount':
      return withBearerToken(request, mintServiceAccountToken(credential.namespace, credential.name));
    case 'x509': {
      const clientCertificate: ClientCertificate = {
        commonName: credential.commonName,
        organizations: credential.organizations ?? [],
        expired: credential.expired ?? false,
        unknownCA: credential.unknownCA ?? false,
      };
      return { request, clientCertificate };
    }
    case 'bootstrapToken':
      return withBearerToken(request, `${credential.tokenId}.${credential.tokenSecret}`);
    case 'oidc':
      return withBearerToken(request, mintIdToken(credential.claims, credential.badSignature ?? false));
    case 'proxy':
      return presentThroughProxy(request, credential);
    case 'basic':
      if (hasHeader(request, 'Authorization')) return { request };
      return {
        request: {
          ...request,
          headers: {
            ...request.headers,
            Authorization: `Basic ${encodeBase64(`${credential.username}:${credential.password}`)}`,
          },
        },
      };
    case 'anonymous':
      return { request };
  }
}

/** Standard (padded) base64 of UTF-8 text, as net/http's SetBasicAuth encodes user:password. */
function encodeBase64(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** An ID token as an identity provider would issue it; the signature is fake (see SIMULATED_SIGNATURE). */
export function mintIdToken(claims: Readonly<Record<string, unknown>>, badSignature = false): string {
  const header = { alg: 'RS256', kid: 'simulated-idp' };
  return `${encodeBase64Url(JSON.stringify(header))}.${encodeBase64Url(JSON.stringify(claims))}.${
    badSignature ? 'tampered-signature' : SIMULATED_SIGNATURE
  }`;
}

/**
 * What an authenticating proxy forwards: its own client certificate (signed by the front-proxy
 * CA when trusted) and the user in X-Remote-* headers. Several groups or extra values are joined
 * with `, ` because the simulator's header map cannot repeat a name (see request-header.ts).
 */
function presentThroughProxy(
  request: HttpRequest,
  credential: Extract<Credential, { type: 'proxy' }>,
): WireRequest {
  const headers: Record<string, string> = { ...request.headers, 'X-Remote-User': credential.user };
  if (credential.groups !== undefined && credential.groups.length > 0) {
    headers['X-Remote-Group'] = credential.groups.join(', ');
  }
  for (const [key, values] of Object.entries(credential.extra ?? {})) {
    headers[`X-Remote-Extra-${encodeURIComponent(key)}`] = values.join(', ');
  }
  return {
    request: { ...request, headers },
    clientCertificate: {
      commonName: credential.proxyCommonName ?? 'front-proxy-client',
      organizations: [],
      expired: false,
      unknownCA: !credential.trusted,
      signer: 'front-proxy-ca',
    },
  };
}
