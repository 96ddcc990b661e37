import { Send } from 'lucide-react';
import { useT } from '../../i18n';
import { sendOperation } from '../../store/operations';
import { Card } from '../components/Card';
import { OperationButton } from '../components/OperationButton';
import { CommandField } from './composer/CommandField';
import { ExampleList } from './composer/ExampleList';
import { FileEditors } from './composer/FileEditors';
import { RequestPreview } from './composer/RequestPreview';
import { UserPicker } from './composer/UserPicker';

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

/** Where a request is written: command, user, files, examples, and what goes on the wire. */
export function Composer() {
  const t = useT();
  return (
    <Card className="h-full" labelId="composer-title" testId="composer" title={t('composer.title')}>
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
    </Card>
  );
}
