/** `{ a: 'x' }` → `{ 'p.a': 'x' }`, keeping the key types so catalogs stay checked. */
export function prefixKeys<P extends string, T extends Readonly<Record<string, string>>>(
  prefix: P,
  source: T,
): { readonly [K in keyof T & string as `${P}${K}`]: T[K] } {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(source)) out[`${prefix}${key}`] = value;
  return out as { readonly [K in keyof T & string as `${P}${K}`]: T[K] };
}
