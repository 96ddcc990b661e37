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

/** Where a request is written: command, user, files, examples, and what goes on the wire. */
export function Composer() {
  const t = useT();
  return (
    <Card className="h-full" labelId="composer-title" testId="composer" title={t('composer.title')}>
      <form className="flex flex-col gap-4" onSubmit={(e) => e.preventDefault()}>
        <CommandField />
        <div className="flex items-end gap-2">
          <UserPicker />
          <OperationButton className="h-10 px-4" icon={Send} operation={sendOperation} variant="primary" />
        </div>
        <ExampleList />
        <FileEditors />
        <hr className="border-border" />
        <RequestPreview />
      </form>
    </Card>
  );
}
