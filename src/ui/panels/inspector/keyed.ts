/**
 * Stable React keys for lists that may repeat an entry (a plugin re-invoked, the same diff line
 * twice): the entry's own key, plus `#n` for its n-th repeat. Lists here are replaced whole when
 * the trace changes, so "second occurrence of X" is a fair identity.
 */
export function keyed<T>(items: readonly T[], keyOf: (item: T) => string): { item: T; key: string }[] {
  const seen = new Map<string, number>();
  return items.map((item) => {
    const base = keyOf(item);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return { item, key: n === 0 ? base : `${base}#${n}` };
  });
}
