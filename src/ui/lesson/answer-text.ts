import { HTTP_REASON } from '../../engine';
import type { Translate } from '../../i18n';
import type { StopStage } from '../../scenarios/format';

/** A stopping stage as the learner reads it ("Authorization", or "no stage: it succeeded"). */
export function stageLabel(t: Translate, stage: StopStage): string {
  return stage === 'none' ? t('lesson.answer.none') : t(`stage.${stage}`);
}

/** `403 Forbidden`: the code with its reason phrase, as the response panel shows it. */
export function statusLabel(status: number): string {
  return `${status} ${HTTP_REASON[status] ?? ''}`.trim();
}
