import { ArrowLeft, ArrowRight, CircleCheck, LibraryBig, X } from 'lucide-react';
import { useCallback, useEffect } from 'react';
import { useT } from '../../i18n';
import { useAppStore, useAppStoreApi } from '../../store/context';
import { isReadingStep } from '../../store/slices/lesson-model';
import { guideStepIndex, lessonStepsOf, selectLessonKey } from '../../store/slices/lesson-selectors';
import type { AppState } from '../../store/types';
import { Card } from '../components/Card';
import { Disclosure } from '../components/Disclosure';
import { LessonView } from '../world/LessonView';
import { LessonI18n } from './LessonI18n';
import { LookHere } from './LookHere';
import { StepNav } from './StepNav';
import { StepRequest } from './StepRequest';
import { TaskCard } from './TaskCard';
import { useLessonText } from './use-lesson-text';

const EMPTY: readonly string[] = [];
const selectDocument = (s: AppState) => s.scenario.document;
const selectWorldOpen = (s: AppState) => s.worldOpen;

const NAV =
  'inline-flex h-9 items-center gap-1.5 rounded-lg border border-border px-3 text-sm font-medium text-text hover:bg-subtle disabled:cursor-not-allowed disabled:text-muted disabled:opacity-60';
const ICON_BUTTON =
  'inline-flex size-8 items-center justify-center rounded-lg border border-border text-muted hover:bg-subtle hover:text-text';

function LessonPanelBody() {
  const t = useT();
  const store = useAppStoreApi();
  const text = useLessonText();
  const doc = useAppStore(selectDocument);
  const lesson = useAppStore(selectLessonKey);
  const index = useAppStore(guideStepIndex);
  const worldOpen = useAppStore(selectWorldOpen);
  const done = useAppStore(useCallback((s: AppState) => s.lessonProgress[lesson] ?? EMPTY, [lesson]));
  const steps = lessonStepsOf(doc);
  const step = steps[index];
  const request =
    step?.request === undefined ? undefined : doc.spec.requests.find((r) => r.id === step.request);
  const complete = steps.length > 0 && steps.every((s) => done.includes(s.id));

  // A step with nothing to do is done once shown.
  useEffect(() => {
    if (step !== undefined && isReadingStep(step)) store.getState().markLessonStepDone(lesson, step.id);
  }, [store, lesson, step]);

  if (step === undefined) return null;
  return (
    <Card
      actions={
        <div className="flex items-center gap-1.5">
          <button
            aria-label={t('lesson.index')}
            className={ICON_BUTTON}
            data-testid="lesson-panel-index"
            onClick={() => store.getState().setLessonIndexOpen(true)}
            title={t('lesson.index')}
            type="button"
          >
            <LibraryBig aria-hidden="true" className="size-4" />
          </button>
          <button
            aria-label={t('lesson.hide')}
            className={ICON_BUTTON}
            data-testid="lesson-close"
            onClick={() => store.getState().setGuideHidden(true)}
            title={t('lesson.hide')}
            type="button"
          >
            <X aria-hidden="true" className="size-4" />
          </button>
        </div>
      }
      // With the World panel open the editors get most of the column.
      className={`lg:shrink-0 ${worldOpen ? 'lg:max-h-[40%]' : 'lg:max-h-[60%]'}`}
      labelId="lesson-title"
      testId="lesson-panel"
      title={t('lesson.title')}
    >
      <div className="flex flex-col gap-4" data-lesson={lesson} data-step={index + 1}>
        <div className="flex flex-col gap-2">
          <p className="font-semibold text-text" data-testid="lesson-name">
            {text.title}
          </p>
          <StepNav current={index} done={done} steps={steps} />
          <p aria-live="polite" className="text-sm text-muted" data-testid="lesson-step-of">
            {t('lesson.stepOf', { n: index + 1, count: steps.length })}
          </p>
        </div>
        {text.markdown.trim() !== '' && (
          <Disclosure summary={t('lesson.intro')}>
            <LessonView markdown={text.markdown} />
          </Disclosure>
        )}
        <section
          className="flex flex-col gap-3"
          data-step-id={step.id}
          data-testid="lesson-step"
          key={step.id}
        >
          <div data-testid="lesson-narration">
            <LessonView markdown={text.narration(step)} />
          </div>
          {step.highlight !== undefined && <LookHere highlight={step.highlight} />}
          {request !== undefined && <StepRequest request={request} step={step} />}
          {step.task !== undefined && <TaskCard step={{ ...step, task: step.task }} />}
        </section>
        {complete && (
          <p
            className="flex items-start gap-2 rounded-lg border border-passed bg-passed-soft px-3 py-2 text-sm font-medium text-passed"
            data-testid="lesson-complete"
          >
            <CircleCheck aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
            {t('lesson.complete')}
          </p>
        )}
        <nav
          aria-label={t('lesson.pager')}
          className="flex justify-between gap-2 border-t border-border pt-3"
        >
          <button
            className={NAV}
            data-testid="lesson-previous"
            disabled={index === 0}
            onClick={() => store.getState().goToLessonStep(index - 1)}
            type="button"
          >
            <ArrowLeft aria-hidden="true" className="size-4" />
            {t('lesson.previous')}
          </button>
          <button
            className={NAV}
            data-testid="lesson-next"
            disabled={index >= steps.length - 1}
            onClick={() => store.getState().goToLessonStep(index + 1)}
            type="button"
          >
            {t('lesson.next')}
            <ArrowRight aria-hidden="true" className="size-4" />
          </button>
        </nav>
      </div>
    </Card>
  );
}

/** Guided mode: the open lesson's current step, with its own strings (they load with this chunk). */
export function LessonPanel() {
  return (
    <LessonI18n>
      <LessonPanelBody />
    </LessonI18n>
  );
}
