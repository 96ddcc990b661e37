import type { StageResult } from '../../../engine';
import type { Translate } from '../../../i18n';

/** A stage's explanation from the catalog; the engine's English if the catalog lacks the id. */
export function stageSummary(t: Translate, result: StageResult): string {
  const key = `engine.${result.message.id}`;
  const text = t(key, result.message.values);
  return text === key ? result.summary : text;
}
