import type { HttpRequest } from '../types';

/** The error the bearer token authenticator returns when no token authenticator claims the token. */
export const INVALID_BEARER_TOKEN = 'invalid bearer token';

/**
 * The token in `Authorization: Bearer <token>`, or undefined when the header is absent, is
 * another scheme, or carries an empty token.
 * Models staging/src/k8s.io/apiserver/pkg/authentication/request/bearertoken/bearertoken.go.
 */
export function extractBearerToken(request: HttpRequest): string | undefined {
  const entry = Object.entries(request.headers).find(([name]) => name.toLowerCase() === 'authorization');
  const value = (entry?.[1] ?? '').trim();
  if (value === '') return undefined;
  const parts = value.split(' ');
  if (parts.length < 2 || parts[0]?.toLowerCase() !== 'bearer') return undefined;
  const token = parts[1] ?? '';
  return token === '' ? undefined : token;
}
