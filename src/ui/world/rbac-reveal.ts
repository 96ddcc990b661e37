/**
 * "Show in RBAC editor": the inspector asks, the RBAC tab answers by scrolling its highlighted row
 * into view. The tab may not be mounted yet (the World panel loads lazily), so a request waits
 * until a tab takes it. Tiny and dependency-free: it ships in the entry chunk with the inspector.
 */
let pending = false;
const listeners = new Set<() => void>();

/** Asks the RBAC tab to bring its highlighted row into view (now if it is shown, else when it mounts). */
export function requestRbacReveal(): void {
  pending = true;
  for (const listener of [...listeners]) listener();
}

/** Takes a pending request, if any (a request is answered once). */
export function takeRbacReveal(): boolean {
  const was = pending;
  pending = false;
  return was;
}

/** Called on every request while subscribed; returns the unsubscribe. */
export function onRbacReveal(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
