import type { Credential, HttpRequest } from '../types';

/** Where the simulated server listens; a kind cluster's default. */
export const SERVER_URL = 'https://127.0.0.1:6443';

/** Single-quotes a value for a POSIX shell. */
function shellQuote(value: string): string {
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

/**
 * The `curl` command that sends the same request. The credential is shown the way a
 * kubeconfig would supply it, with bearer tokens redacted.
 */
export function toCurl(request: HttpRequest, credential?: Credential): string {
  const args = ['curl', '--cacert ca.crt', `-X ${request.method}`];
  for (const [name, value] of Object.entries(request.headers))
    args.push(`-H ${shellQuote(`${name}: ${value}`)}`);
  if (request.headers.Authorization === undefined) {
    if (credential?.type === 'token' || credential?.type === 'serviceAccount') {
      args.push(`-H ${shellQuote('Authorization: Bearer <redacted>')}`);
    } else if (credential?.type === 'x509') {
      args.push('--cert client.crt --key client.key');
    }
  }
  if (request.body !== undefined) args.push(`--data-binary ${shellQuote(request.body)}`);
  args.push(shellQuote(`${SERVER_URL}${request.path}`));
  return args.join(' \\\n  ');
}
