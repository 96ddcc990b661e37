import type { ClientCertificate } from '../types';
import { type AuthenticatorVerdict, makeUserInfo } from './authenticator';

/** Go's crypto/x509 CertificateInvalidError text for an Expired certificate (detail omitted). */
export const X509_EXPIRED = 'x509: certificate has expired or is not yet valid';
/** Go's crypto/x509 UnknownAuthorityError text. */
export const X509_UNKNOWN_AUTHORITY = 'x509: certificate signed by unknown authority';

/**
 * The client certificate authenticator (`--client-ca-file`).
 * Models staging/src/k8s.io/apiserver/pkg/authentication/request/x509/x509.go: the chain is
 * verified against the client CA, then CommonNameUserConversion makes CN the user name and each
 * O a group. Upstream wraps a verification error as
 * `verifying certificate SN=…, SKID=…, AKID=… failed: <x509 error>`; the simulated certificate
 * has no serial number, so the reason is the x509 error alone.
 */
export function authenticateX509(certificate: ClientCertificate | undefined): AuthenticatorVerdict {
  if (certificate === undefined) {
    return { result: 'no-credential', reason: 'no client certificate was presented' };
  }
  // Go checks the leaf's validity period before it builds chains, so an expired certificate
  // from an unknown CA reports the expiry.
  if (certificate.expired) return { result: 'rejected', reason: X509_EXPIRED };
  // A front proxy's certificate is signed by the front-proxy CA, which --client-ca-file does not hold.
  if (certificate.unknownCA || certificate.signer === 'front-proxy-ca') {
    return { result: 'rejected', reason: X509_UNKNOWN_AUTHORITY };
  }
  if (certificate.commonName === '') {
    return { result: 'no-credential', reason: 'the certificate has no common name (CN)' };
  }
  const user = makeUserInfo(certificate.commonName, '', certificate.organizations);
  const groups =
    certificate.organizations.length === 0 ? 'no O' : `O=${certificate.organizations.join(', O=')}`;
  return {
    result: 'authenticated',
    user,
    reason: `client certificate CN=${certificate.commonName} (${groups}) verified against the client CA`,
  };
}
