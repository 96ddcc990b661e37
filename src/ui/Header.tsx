import {
  ALargeSmall,
  Columns2,
  Globe,
  GraduationCap,
  Monitor,
  Moon,
  Redo2,
  RotateCcw,
  Sun,
  Undo2,
  Workflow,
} from 'lucide-react';
import { LOCALE_NAMES, LOCALES, type MessageKey, useLocale, useT } from '../i18n';
import { useAppStore, useAppStoreApi } from '../store/context';
import {
  redoOperation,
  toggleCompareOperation,
  toggleWorldOperation,
  undoOperation,
} from '../store/operations';
import { selectTextSize, selectTheme } from '../store/selectors';
import type { AppState, TextSize, ThemeChoice } from '../store/types';
import { OperationButton } from './components/OperationButton';

const THEMES: readonly { value: ThemeChoice; icon: typeof Sun; label: MessageKey }[] = [
  { value: 'system', icon: Monitor, label: 'theme.system' },
  { value: 'light', icon: Sun, label: 'theme.light' },
  { value: 'dark', icon: Moon, label: 'theme.dark' },
];

const SEGMENT =
  'inline-flex h-8 items-center gap-1.5 rounded-md px-2.5 text-xs font-medium transition-colors aria-pressed:bg-panel aria-pressed:text-text aria-pressed:shadow-sm text-muted hover:text-text';

function ThemeToggle() {
  const t = useT();
  const store = useAppStoreApi();
  const theme = useAppStore(selectTheme);
  return (
    <fieldset className="flex rounded-lg border border-border bg-subtle p-0.5">
      <legend className="sr-only">{t('theme.label')}</legend>
      {THEMES.map(({ value, icon: Icon, label }) => (
        <button
          aria-pressed={theme === value}
          className={SEGMENT}
          data-theme-choice={value}
          key={value}
          onClick={() => store.getState().setTheme(value)}
          title={t(label)}
          type="button"
        >
          <Icon aria-hidden="true" className="size-4" />
          <span className="hidden xl:inline">{t(label)}</span>
          <span className="sr-only xl:hidden">{t(label)}</span>
        </button>
      ))}
    </fieldset>
  );
}

/**
 * English / 简体中文. Each language is named in itself (and marked with its `lang`), so a reader
 * who cannot read the current language still finds their own.
 */
function LanguageToggle() {
  const t = useT();
  const { locale, setLocale } = useLocale();
  return (
    <fieldset className="flex rounded-lg border border-border bg-subtle p-0.5" data-testid="language">
      <legend className="sr-only">{t('language.label')}</legend>
      {LOCALES.map((value) => (
        <button
          aria-pressed={locale === value}
          className={SEGMENT}
          data-locale={value}
          key={value}
          lang={value}
          onClick={() => setLocale(value)}
          type="button"
        >
          {LOCALE_NAMES[value]}
        </button>
      ))}
    </fieldset>
  );
}

function TextSizeToggle() {
  const t = useT();
  const store = useAppStoreApi();
  const size = useAppStore(selectTextSize);
  const next: TextSize = size === 'large' ? 'normal' : 'large';
  return (
    <button
      aria-pressed={size === 'large'}
      className="inline-flex h-9 items-center gap-1.5 rounded-lg border border-border px-2.5 text-xs font-medium text-text hover:bg-subtle aria-pressed:border-accent aria-pressed:bg-accent-soft aria-pressed:text-accent"
      data-testid="text-size"
      onClick={() => store.getState().setTextSize(next)}
      title={t('textSize.label')}
      type="button"
    >
      <ALargeSmall aria-hidden="true" className="size-4" />
      {t('textSize.large')}
    </button>
  );
}

const selectWorldOpen = (s: AppState) => s.worldOpen;
const selectCompareEnabled = (s: AppState) => s.compareEnabled;
const selectUndoLabel = (s: AppState) => s.past.at(-1)?.label;
const selectRedoLabel = (s: AppState) => s.future[0]?.label;

/** Narrow screens keep the header on one line: the label stays for screen readers only. */
const ICON_ONLY_BELOW_WIDE = 'px-2.5 [&>span]:sr-only min-[1400px]:[&>span]:not-sr-only';

const TOGGLE =
  'inline-flex h-9 items-center gap-1.5 rounded-lg border border-border px-2.5 text-xs font-medium text-text hover:bg-subtle aria-pressed:border-accent aria-pressed:bg-accent-soft aria-pressed:text-accent';

const selectLessonIndexOpen = (s: AppState) => s.lessonIndexOpen;

/** Opens the lesson index (a dialog; it loads on demand). */
function LessonsButton() {
  const t = useT();
  const store = useAppStoreApi();
  const open = useAppStore(selectLessonIndexOpen);
  return (
    <button
      aria-expanded={open}
      aria-haspopup="dialog"
      className={TOGGLE}
      data-testid="lessons-open"
      onClick={() => store.getState().setLessonIndexOpen(true)}
      title={t('app.lessons.hint')}
      type="button"
    >
      <GraduationCap aria-hidden="true" className="size-4" />
      <span className="sr-only min-[1400px]:not-sr-only">{t('app.lessons')}</span>
    </button>
  );
}

/** The World panel and compare mode switches, and undo/redo across every edit of the world. */
function WorkspaceControls() {
  const t = useT();
  const store = useAppStoreApi();
  const worldOpen = useAppStore(selectWorldOpen);
  const compare = useAppStore(selectCompareEnabled);
  const undoLabel = useAppStore(selectUndoLabel);
  const redoLabel = useAppStore(selectRedoLabel);
  return (
    <>
      <button
        aria-pressed={worldOpen}
        className={TOGGLE}
        data-operation={toggleWorldOperation.id}
        data-testid="world-toggle"
        onClick={() => toggleWorldOperation.perform(store)}
        title={t('op.shortcut', { label: t('op.world'), shortcut: 'W' })}
        type="button"
      >
        <Globe aria-hidden="true" className="size-4" />
        <span className="sr-only min-[1400px]:not-sr-only">{t('op.world')}</span>
      </button>
      <button
        aria-pressed={compare}
        className={TOGGLE}
        data-operation={toggleCompareOperation.id}
        data-testid="compare-toggle"
        onClick={() => toggleCompareOperation.perform(store)}
        title={t('op.shortcut', { label: t('op.compare'), shortcut: 'C' })}
        type="button"
      >
        <Columns2 aria-hidden="true" className="size-4" />
        <span className="sr-only min-[1400px]:not-sr-only">{t('op.compare')}</span>
      </button>
      <span
        className="flex gap-1"
        title={
          undoLabel === undefined
            ? undefined
            : t('op.undoLabel', { label: t(undoLabel.key, undoLabel.values) })
        }
      >
        <OperationButton
          className={ICON_ONLY_BELOW_WIDE}
          icon={Undo2}
          operation={undoOperation}
          testId="undo"
        />
      </span>
      <span
        title={
          redoLabel === undefined
            ? undefined
            : t('op.redoLabel', { label: t(redoLabel.key, redoLabel.values) })
        }
      >
        <OperationButton
          className={ICON_ONLY_BELOW_WIDE}
          icon={Redo2}
          operation={redoOperation}
          testId="redo"
        />
      </span>
    </>
  );
}

/** App name, what it is, and the global switches. */
export function Header() {
  const t = useT();
  const store = useAppStoreApi();
  return (
    <header className="flex shrink-0 flex-wrap items-center justify-between gap-3 border-b border-border bg-panel px-4 py-2">
      <div className="flex min-w-0 items-center gap-3">
        <span className="grid size-8 shrink-0 place-items-center rounded-lg bg-accent text-accent-fg">
          <Workflow aria-hidden="true" className="size-5" />
        </span>
        <div className="flex min-w-0 flex-col sm:flex-row sm:items-baseline sm:gap-3">
          <h1 className="font-mono text-base font-bold text-text">{t('app.name')}</h1>
          <p className="text-sm text-muted sm:truncate">{t('app.tagline')}</p>
        </div>
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <LessonsButton />
        <WorkspaceControls />
        <button
          className="inline-flex h-9 items-center gap-1.5 rounded-lg border border-border px-2.5 text-xs font-medium text-text hover:bg-subtle"
          data-testid="reset-world"
          onClick={() => store.getState().resetWorld()}
          title={t('app.resetWorld.hint')}
          type="button"
        >
          <RotateCcw aria-hidden="true" className="size-4" />
          {t('app.resetWorld')}
        </button>
        <LanguageToggle />
        <TextSizeToggle />
        <ThemeToggle />
      </div>
    </header>
  );
}
