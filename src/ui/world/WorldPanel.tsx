import { X } from 'lucide-react';
import { type KeyboardEvent, useId } from 'react';
import { useT } from '../../i18n';
import { WorldI18n } from '../../i18n/WorldI18n';
import { SOURCE_IDS, type SourceId } from '../../scenarios/sources';
import { useAppStore, useAppStoreApi } from '../../store/context';
import type { AppState } from '../../store/types';
import { Card } from '../components/Card';
import { ErrorBoundary } from '../ErrorBoundary';
import { LessonPicker } from './LessonPicker';
import { LessonView } from './LessonView';
import { ObjectsTab } from './ObjectsTab';
import { RbacTab } from './RbacTab';
import { ServerTab } from './ServerTab';
import { SourceEditor } from './SourceEditor';
import { UsersTab } from './UsersTab';
import { WorldToolbar } from './WorldToolbar';

const selectTab = (s: AppState) => s.worldTab;
const selectProblems = (s: AppState) => s.problems;
const selectTitle = (s: AppState) => s.sources.header.metadata.title ?? s.sources.header.metadata.name;
const selectLesson = (s: AppState) => s.sources.texts.lesson;

function LessonTab() {
  const t = useT();
  const markdown = useAppStore(selectLesson);
  return (
    <div className="flex flex-col gap-4">
      <section className="flex flex-col gap-2">
        <h3 className="text-sm font-semibold text-text">{t('world.lesson.preview')}</h3>
        {markdown.trim() === '' ? (
          <p className="text-sm text-muted">{t('world.lesson.empty')}</p>
        ) : (
          <LessonView markdown={markdown} />
        )}
      </section>
      <SourceEditor id="lesson" label={t('world.lessonEditorLabel')} language="text" />
    </div>
  );
}

function TabBody({ tab }: { readonly tab: SourceId }) {
  const t = useT();
  switch (tab) {
    case 'users':
      return <UsersTab />;
    case 'rbac':
      return <RbacTab />;
    case 'objects':
      return <ObjectsTab />;
    case 'server':
      return <ServerTab />;
    case 'requests':
      return <SourceEditor id="requests" label={t('world.tab.requests')} />;
    default:
      return <LessonTab />;
  }
}

/**
 * The World panel: everything a request meets, editable — users, RBAC, objects, server flags,
 * prepared requests and the lesson — with share, export and import. Every tab is its own error
 * boundary: a failing view never takes the text or the rest of the app with it.
 */
function WorldPanelBody() {
  const t = useT();
  const store = useAppStoreApi();
  const tab = useAppStore(selectTab);
  const problems = useAppStore(selectProblems);
  const title = useAppStore(selectTitle);
  const id = useId();

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = SOURCE_IDS.indexOf(tab);
    const next =
      event.key === 'ArrowRight'
        ? SOURCE_IDS[(index + 1) % SOURCE_IDS.length]
        : event.key === 'ArrowLeft'
          ? SOURCE_IDS[(index + SOURCE_IDS.length - 1) % SOURCE_IDS.length]
          : undefined;
    if (next === undefined) return;
    event.preventDefault();
    store.getState().setWorldTab(next);
    document.getElementById(`${id}-tab-${next}`)?.focus();
  };

  return (
    <Card
      actions={
        <button
          aria-label={t('world.close')}
          className="inline-flex size-8 items-center justify-center rounded-lg border border-border text-muted hover:bg-subtle hover:text-text"
          data-testid="world-close"
          onClick={() => store.getState().setWorldOpen(false)}
          title={t('world.close')}
          type="button"
        >
          <X aria-hidden="true" className="size-4" />
        </button>
      }
      className="h-full"
      labelId="world-title"
      testId="world-panel"
      title={t('world.title')}
    >
      <div className="flex flex-col gap-3">
        <div>
          <p className="font-semibold text-text" data-testid="world-scenario-title">
            {title}
          </p>
          <p className="text-sm text-muted">{t('world.hint')}</p>
        </div>
        <LessonPicker />
        <WorldToolbar />
        <div
          aria-label={t('world.tabs')}
          className="flex flex-wrap gap-1 border-b border-border"
          onKeyDown={onKeyDown}
          role="tablist"
          tabIndex={-1}
        >
          {SOURCE_IDS.map((source) => {
            const count = problems[source]?.length ?? 0;
            const selected = source === tab;
            return (
              <button
                aria-controls={`${id}-panel`}
                aria-selected={selected}
                className={`-mb-px inline-flex h-10 items-center gap-1.5 border-b-2 px-3 text-sm font-medium ${selected ? 'border-accent text-accent' : 'border-transparent text-muted hover:text-text'}`}
                data-world-tab={source}
                id={`${id}-tab-${source}`}
                key={source}
                onClick={() => store.getState().setWorldTab(source)}
                role="tab"
                tabIndex={selected ? 0 : -1}
                type="button"
              >
                {t(`world.tab.${source}`)}
                {count > 0 && (
                  <span
                    className="rounded-full bg-failed px-1.5 text-xs text-accent-fg"
                    title={t('world.problems', { count })}
                  >
                    {count}
                  </span>
                )}
              </button>
            );
          })}
        </div>
        <div aria-labelledby={`${id}-tab-${tab}`} id={`${id}-panel`} role="tabpanel">
          <ErrorBoundary
            fallback={(error) => (
              <p
                className="rounded-lg border border-failed bg-failed-soft p-3 text-sm text-failed"
                role="alert"
              >
                {t('panel.error', { message: error.message })}
              </p>
            )}
            key={tab}
          >
            <TabBody tab={tab} />
          </ErrorBoundary>
        </div>
      </div>
    </Card>
  );
}

/** The panel with its own strings (they load with this chunk). */
export function WorldPanel() {
  return (
    <WorldI18n>
      <WorldPanelBody />
    </WorldI18n>
  );
}
