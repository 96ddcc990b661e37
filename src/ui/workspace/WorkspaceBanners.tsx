import { X } from 'lucide-react';
import { useT } from '../../i18n';
import { useAppStore, useAppStoreApi } from '../../store/context';
import type { AppState } from '../../store/types';
import { useWorkspace } from '../../store/workspace-context';

const selectMode = (s: AppState) => s.workspaceMode;
const selectConflict = (s: AppState) => s.conflict;
const selectNotices = (s: AppState) => s.notices;
const selectTitle = (s: AppState) => s.sources.header.metadata.title ?? s.sources.header.metadata.name;

const BAR = 'flex flex-wrap items-center gap-2 border-b px-4 py-2 text-sm';
const ACTION = 'inline-flex h-8 items-center rounded-lg border px-2.5 text-sm font-medium';
const TONES = {
  info: 'border-border bg-accent-soft text-text',
  warning: 'border-border bg-subtle text-warning',
  error: 'border-failed bg-failed-soft text-failed',
} as const;

/** Discarding a shared link: back to the saved workspace, and the link's fragment leaves the URL. */
function discardShared(reload: () => void): void {
  window.history.replaceState(null, '', window.location.pathname + window.location.search);
  reload();
}

/**
 * What the app must tell before anything else: a shared link is on screen (not saved), another tab
 * saved meanwhile, or saved state had to be recovered. Text only: details are shown as text.
 */
export function WorkspaceBanners() {
  const t = useT();
  const store = useAppStoreApi();
  const workspace = useWorkspace();
  const mode = useAppStore(selectMode);
  const conflict = useAppStore(selectConflict);
  const notices = useAppStore(selectNotices);
  const title = useAppStore(selectTitle);
  return (
    <>
      {mode === 'shared' && (
        <div className={`${BAR} ${TONES.info}`} data-testid="shared-banner">
          <p className="min-w-0 flex-1">{t('banner.shared', { title })}</p>
          <button
            className={`${ACTION} border-accent bg-accent text-accent-fg`}
            data-testid="shared-save"
            onClick={() => workspace?.saveAsMine()}
            type="button"
          >
            {t('banner.shared.save')}
          </button>
          <button
            className={`${ACTION} border-border bg-panel text-text`}
            data-testid="shared-discard"
            onClick={() => discardShared(() => window.location.reload())}
            type="button"
          >
            {t('banner.shared.discard')}
          </button>
        </div>
      )}
      {conflict !== undefined && (
        <div className={`${BAR} ${TONES.warning}`} data-testid="conflict-banner" role="alert">
          <p className="min-w-0 flex-1">
            {t('banner.conflict', { time: new Date(conflict.savedAt).toLocaleTimeString() })}
          </p>
          <button
            className={`${ACTION} border-border bg-panel text-text`}
            data-testid="conflict-theirs"
            onClick={() => workspace?.loadTheirs()}
            type="button"
          >
            {t('banner.conflict.theirs')}
          </button>
          <button
            className={`${ACTION} border-border bg-panel text-text`}
            data-testid="conflict-mine"
            onClick={() => workspace?.keepMine()}
            type="button"
          >
            {t('banner.conflict.mine')}
          </button>
        </div>
      )}
      {notices.map((notice) => (
        <div className={`${BAR} ${TONES[notice.tone]}`} data-notice={notice.id} key={notice.id}>
          <p className="min-w-0 flex-1">
            {t(notice.key, notice.values)}
            {notice.detail !== undefined && notice.detail !== '' && (
              <span className="block font-mono text-xs">{notice.detail}</span>
            )}
          </p>
          <button
            aria-label={t('notice.dismiss')}
            className="inline-flex size-8 items-center justify-center rounded-lg hover:bg-panel"
            onClick={() => store.getState().dismissNotice(notice.id)}
            title={t('notice.dismiss')}
            type="button"
          >
            <X aria-hidden="true" className="size-4" />
          </button>
        </div>
      ))}
    </>
  );
}
