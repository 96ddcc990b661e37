/**
 * Unpadded base64url (RFC 4648 §5), the encoding of a JWT's three parts.
 * Uses btoa/atob and TextEncoder so it runs in browsers and Node alike.
 */

export function encodeBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The decoded text, or undefined when `encoded` is not valid unpadded base64url. */
export function decodeBase64Url(encoded: string): string | undefined {
  // base64.RawURLEncoding rejects padding and the standard alphabet's `+` and `/`.
  if (!/^[A-Za-z0-9_-]*$/.test(encoded) || encoded.length % 4 === 1) return undefined;
  const standard = encoded.replace(/-/g, '+').replace(/_/g, '/');
  const padded = standard + '='.repeat((4 - (standard.length % 4)) % 4);
  try {
    const binary = atob(padded);
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}
