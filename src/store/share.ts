import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import { MAX_SCENARIO_BYTES, type Result, type ScenarioDocument } from '../scenarios/format';
import { parseScenario } from '../scenarios/parse';

/** Links longer than this are not offered (browsers, chat apps and mail clients cut them). */
export const MAX_SHARE_URL_LENGTH = 8000;
export const SHARE_PARAM = 'scenario';

export type ShareLink =
  | { readonly ok: true; readonly url: string }
  | { readonly ok: false; readonly reason: 'tooLong'; readonly length: number; readonly limit: number };

/** A link that opens `scenarioText` (a scenario file), compressed into the URL fragment. */
export function createShareLink(scenarioText: string, base: string): ShareLink {
  const url = `${base.split('#')[0]}#${SHARE_PARAM}=${compressToEncodedURIComponent(scenarioText)}`;
  if (url.length > MAX_SHARE_URL_LENGTH)
    return { ok: false, reason: 'tooLong', length: url.length, limit: MAX_SHARE_URL_LENGTH };
  return { ok: true, url };
}

/** The compressed scenario in a fragment (`#scenario=…`), if the fragment carries one. */
export function shareParamOf(hash: string): string | undefined {
  const fragment = hash.startsWith('#') ? hash.slice(1) : hash;
  for (const part of fragment.split('&')) {
    const [name, ...rest] = part.split('=');
    if (name === SHARE_PARAM) return rest.join('=');
  }
  return undefined;
}

export interface SharedScenario {
  readonly document: ScenarioDocument;
  readonly text: string;
}

/**
 * A fragment → the scenario it carries. Hostile or truncated links are data: a link that does
 * not decompress, decompresses to too much, or holds an invalid scenario answers with a message
 * (and the app keeps the saved workspace). Never throws.
 */
export function readShareLink(hash: string): Result<SharedScenario> | undefined {
  const param = shareParamOf(hash);
  if (param === undefined) return undefined;
  if (param.length > MAX_SHARE_URL_LENGTH * 4)
    return { ok: false, problems: [{ message: 'the link is longer than any this app creates' }] };
  if (!/^[A-Za-z0-9+\-$]*$/.test(param))
    return { ok: false, problems: [{ message: 'the link contains characters a scenario link never has' }] };
  let text: string | null;
  try {
    text = decompressFromEncodedURIComponent(param);
  } catch {
    text = null;
  }
  if (text === null || text === '')
    return { ok: false, problems: [{ message: 'the link is truncated or damaged: it does not decompress' }] };
  if (text.length > MAX_SCENARIO_BYTES)
    return { ok: false, problems: [{ message: 'the link decompresses to more than 3 MiB' }] };
  const parsed = parseScenario(text);
  if (!parsed.ok) return parsed;
  return { ok: true, value: { document: parsed.value, text } };
}
