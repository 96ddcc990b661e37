import { Send } from 'lucide-react';
import { lazy, Suspense } from 'react';
import { useT } from '../../i18n';
import { useAppStore, useAppStoreApi } from '../../store/context';
import { sendOperation } from '../../store/operations';
import { selectComposerMode } from '../../store/selectors';
import { Card } from '../components/Card';
import { OperationButton } from '../components/OperationButton';
import { CommandField } from './composer/CommandField';
import { ComposerModeToggle } from './composer/ComposerModeToggle';
import { ExampleList } from './composer/ExampleList';
import { FileEditors } from './composer/FileEditors';
import { RequestPreview } from './composer/RequestPreview';
import { UserPicker } from './composer/UserPicker';

/** Raw HTTP mode is for lessons that skip kubectl: its form loads when first chosen. */
const RawHttpForm = lazy(() => import('./composer/RawHttpForm').then((m) => ({ default: m.RawHttpForm })));

/**
 * After a click on Send, focus moves to Play/Pause: a teacher's next Space then pauses the
 * animation instead of re-sending the request from a still-focused Send button.
 */
function focusPlayPause(): void {
  // After React has rendered the run: before the first send the button is still disabled.
  requestAnimationFrame(() =>
    document.querySelector<HTMLButtonElement>('[data-operation="play-pause"]')?.focus(),
  );
}

function KubectlForm() {
  return (
    <form className="flex flex-col gap-4" onSubmit={(e) => e.preventDefault()}>
      <CommandField />
      <UserPicker />
      <OperationButton
        className="h-11 w-full text-base"
        icon={Send}
        onPerformed={focusPlayPause}
        operation={sendOperation}
        variant="primary"
      />
      <ExampleList />
      <FileEditors />
      <hr className="border-border" />
      <RequestPreview />
    </form>
  );
}

/** The raw form is its own <form>; the user picker sits above it, outside. */
function RawForm() {
  const t = useT();
  const store = useAppStoreApi();
  return (
    <div className="flex flex-col gap-4">
      <UserPicker />
      <Suspense fallback={<p className="text-sm text-muted">{t('panels.loading')}</p>}>
        <RawHttpForm
          onSend={(request) => {
            store.getState().sendRaw(request);
            focusPlayPause();
          }}
        />
      </Suspense>
    </div>
  );
}

/** Where a request is written: command, user, files, examples, and what goes on the wire. */
export function Composer() {
  const t = useT();
  const mode = useAppStore(selectComposerMode);
  return (
    <Card className="h-full" labelId="composer-title" testId="composer" title={t('composer.title')}>
      <div className="flex flex-col gap-4">
        <ComposerModeToggle />
        {mode === 'kubectl' ? <KubectlForm /> : <RawForm />}
      </div>
    </Card>
  );
}
