/** What a shared link asks for: `?as=alice&cmd=kubectl%20get%20pods&autoplay=1&lesson=rbac-basics`. */
export interface DeepLink {
  readonly user?: string;
  readonly command?: string;
  /** A built-in lesson's id to open. */
  readonly lesson?: string;
  readonly autoplay: boolean;
}

/** Reads the query string; anything odd is ignored (the store falls back to its defaults). */
export function parseDeepLink(search: string): DeepLink {
  const params = new URLSearchParams(search);
  const user = params.get('as')?.trim();
  const command = params.get('cmd');
  const autoplay = params.get('autoplay');
  const lesson = params.get('lesson')?.trim();
  return {
    ...(lesson ? { lesson: lesson.slice(0, 100) } : {}),
    ...(user ? { user } : {}),
    ...(command !== null && command.trim() !== '' ? { command: command.slice(0, 2000) } : {}),
    autoplay: autoplay === '1' || autoplay === 'true',
  };
}
