import { FastForward, Pause, Play, RotateCcw, StepForward } from 'lucide-react';
import { useId } from 'react';
import { useT } from '../../i18n';
import { useAppStore, useAppStoreApi } from '../../store/context';
import { playPauseOperation, restartOperation, skipOperation, stepOperation } from '../../store/operations';
import { selectSpeed, selectStatus } from '../../store/selectors';
import { SPEEDS, type Speed } from '../../store/types';
import { OperationButton } from '../components/OperationButton';

/** Play/pause, step, restart, skip and speed: the buttons share their operations with the keyboard. */
export function PlaybackControls() {
  const t = useT();
  const store = useAppStoreApi();
  const status = useAppStore(selectStatus);
  const speed = useAppStore(selectSpeed);
  const speedId = useId();
  const isPlaying = status === 'playing';
  return (
    <div aria-label={t('graph.controls')} className="flex flex-wrap items-center gap-2" role="toolbar">
      <OperationButton
        className="min-w-24"
        icon={isPlaying ? Pause : Play}
        labelKey={isPlaying ? 'op.pause' : 'op.play'}
        operation={playPauseOperation}
        variant="primary"
      />
      <OperationButton icon={StepForward} operation={stepOperation} />
      <OperationButton icon={RotateCcw} operation={restartOperation} />
      <OperationButton icon={FastForward} operation={skipOperation} />
      <label className="flex items-center gap-1.5 text-sm text-muted" htmlFor={speedId}>
        {t('op.speed')}
        <select
          className="h-9 rounded-lg border border-border bg-panel px-2 text-sm text-text"
          id={speedId}
          onChange={(e) => store.getState().setSpeed(Number(e.target.value) as Speed)}
          value={speed}
        >
          {SPEEDS.map((s) => (
            <option key={s} value={s}>
              {t('speed.option', { speed: s })}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
