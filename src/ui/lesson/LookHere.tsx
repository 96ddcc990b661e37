import { Lightbulb, PanelLeftOpen } from 'lucide-react';
import { useT } from '../../i18n';
import type { LessonHighlight } from '../../scenarios/format';
import { useAppStoreApi } from '../../store/context';

/** Says where the step points (the graph node or editor line is marked there too). */
export function LookHere({ highlight }: { readonly highlight: LessonHighlight }) {
  const t = useT();
  const store = useAppStoreApi();
  if ('stage' in highlight)
    return (
      <p className="flex items-start gap-2 text-sm text-text" data-testid="lesson-look">
        <Lightbulb aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-accent" />
        {t('lesson.look.stage', { stage: t(`stage.${highlight.stage}`) })}
      </p>
    );
  const tab = t(`lesson.tab.${highlight.editor}`);
  return (
    <div className="flex flex-col items-start gap-2" data-testid="lesson-look">
      <p className="flex items-start gap-2 text-sm text-text">
        <Lightbulb aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-accent" />
        {t('lesson.look.editor', { tab })}
      </p>
      <button
        className="inline-flex h-8 items-center gap-1.5 rounded-lg border border-border px-2.5 text-sm font-medium text-text hover:bg-subtle"
        data-testid="lesson-show-editor"
        onClick={() => store.getState().setWorldTab(highlight.editor)}
        type="button"
      >
        <PanelLeftOpen aria-hidden="true" className="size-4" />
        {t('lesson.look.editorShow', { tab })}
      </button>
    </div>
  );
}
