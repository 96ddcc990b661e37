import type { ClientCertificate, HttpRequest, RequestHeaderConfig } from '../types';
import type { AuthenticatorVerdict } from './authenticator';
import { X509_EXPIRED, X509_UNKNOWN_AUTHORITY } from './x509';

/**
 * All values of a header. The simulator's header map cannot repeat a name, so several values
 * (`-H 'X-Remote-Group: a' -H 'X-Remote-Group: b'`) are carried joined with `, `, as the
 * impersonation filter's Impersonate-Group already is; they are split back here.
 */
function headerValues(request: HttpRequest, name: string): string[] {
  const lower = name.trim().toLowerCase();
  if (lower === '') return [];
  const entry = Object.entries(request.headers).find(([h]) => h.toLowerCase() === lower);
  return entry === undefined ? [] : entry[1].split(', ');
}

/** requestheader.go headerValue: the first non-empty value of the first header that has one. */
function firstValue(request: HttpRequest, names: readonly string[]): string {
  for (const name of names) {
    const value = headerValues(request, name)[0] ?? '';
    if (value !== '') return value;
  }
  return '';
}

/** requestheader.go unescapeExtraKey: extra keys are lower-cased and %-unescaped. */
function unescapeExtraKey(key: string): string {
  try {
    return decodeURIComponent(key).toLowerCase();
  } catch {
    return key.toLowerCase();
  }
}

/**
 * The authenticating proxy (`--requestheader-*`), first in the union.
 *
 * Models staging/src/k8s.io/apiserver/pkg/authentication/request/headerrequest/requestheader.go
 * wrapped by x509.Verifier (request/x509/verify_options.go): without a client certificate the
 * headers are ignored ("not mine"); a certificate that the front-proxy CA did not sign, or whose
 * CN is not in `--requestheader-allowed-names`, is an error; a verified proxy without a user
 * header is "not mine". The user has only the groups and extras the headers name; uid is empty.
 */
export function authenticateRequestHeader(
  request: HttpRequest,
  certificate: ClientCertificate | undefined,
  config: RequestHeaderConfig,
): AuthenticatorVerdict {
  if (certificate === undefined) {
    return {
      result: 'no-credential',
      reason: 'no client certificate was presented, so X-Remote-* headers are not trusted (nor read)',
    };
  }
  if (certificate.expired) return { result: 'rejected', reason: X509_EXPIRED };
  if (certificate.unknownCA || certificate.signer !== 'front-proxy-ca') {
    return { result: 'rejected', reason: X509_UNKNOWN_AUTHORITY };
  }
  if (config.allowedNames.length > 0 && !config.allowedNames.includes(certificate.commonName)) {
    return {
      result: 'rejected',
      reason: `x509: subject with cn=${certificate.commonName} is not in the allowed list`,
    };
  }
  const username = firstValue(request, config.usernameHeaders);
  if (username === '') {
    return {
      result: 'no-credential',
      reason: `the proxy certificate is trusted but no ${config.usernameHeaders.join('/')} header names a user`,
    };
  }
  const groups = config.groupHeaders.flatMap((h) => headerValues(request, h)).filter((g) => g !== '');
  const extra: Record<string, string[]> = {};
  for (const prefix of config.extraHeaderPrefixes) {
    const lowerPrefix = prefix.trim().toLowerCase();
    if (lowerPrefix === '') continue;
    for (const [name, value] of Object.entries(request.headers)) {
      if (!name.toLowerCase().startsWith(lowerPrefix)) continue;
      const key = unescapeExtraKey(name.slice(lowerPrefix.length));
      extra[key] = [...(extra[key] ?? []), ...value.split(', ')];
    }
  }
  return {
    result: 'authenticated',
    user: { username, uid: '', groups, extra },
    reason: `the front proxy (CN=${certificate.commonName}, signed by the front-proxy CA) vouches for "${username}"`,
  };
}
