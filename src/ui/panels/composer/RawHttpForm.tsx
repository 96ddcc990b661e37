import { CircleAlert, Send } from 'lucide-react';
import { type KeyboardEvent, useId, useState } from 'react';
import type { HttpRequest } from '../../../engine';
import { useT } from '../../../i18n';
import {
  DEFAULT_RAW_HEADERS,
  errorsFor,
  parseRawRequest,
  RAW_METHODS,
  type RawRequestError,
  type RawRequestField,
  type RawRequestInput,
  type RawRequestResult,
} from './parse-raw-request';

interface RawHttpFormProps {
  /** Called with the parsed request when the form is valid; the caller sends it as the chosen user. */
  readonly onSend: (request: HttpRequest) => void;
  /** What the fields start with (a lesson's request, the last one sent). */
  readonly initial?: Partial<RawRequestInput>;
  readonly disabled?: boolean;
}

/** Paths a learner may want to try first; the Path box suggests them. */
const PATH_SUGGESTIONS = [
  '/api/v1/namespaces/default/pods',
  '/api/v1/namespaces/default/pods/nginx',
  '/api/v1/namespaces',
  '/apis/apps/v1/namespaces/default/deployments',
  '/api',
  '/apis',
  '/version',
  '/healthz',
];

const FIELD_CLASS =
  'w-full min-w-0 rounded-lg border bg-panel px-2 font-mono text-sm text-text aria-[invalid=true]:border-failed';

function FieldErrors({ id, errors }: { readonly id: string; readonly errors: readonly RawRequestError[] }) {
  const t = useT();
  if (errors.length === 0) return null;
  return (
    <ul className="flex flex-col gap-0.5" data-testid="raw-field-errors" id={id}>
      {errors.map((error) => (
        <li
          className="flex items-start gap-1.5 text-sm text-failed"
          data-error={error.message}
          key={`${error.message}-${error.line ?? 0}`}
        >
          <CircleAlert aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
          <span>{t(error.message, error.values)}</span>
        </li>
      ))}
    </ul>
  );
}

/**
 * Raw HTTP mode: method, path, headers and body typed directly, for lessons that skip kubectl.
 * Mistakes are shown inline beside their field; nothing is sent until the form parses.
 */
export function RawHttpForm({ onSend, initial, disabled = false }: RawHttpFormProps) {
  const t = useT();
  const id = useId();
  const [input, setInput] = useState<RawRequestInput>({
    method: initial?.method ?? 'GET',
    path: initial?.path ?? '/api/v1/namespaces/default/pods',
    headers: initial?.headers ?? DEFAULT_RAW_HEADERS,
    body: initial?.body ?? '',
  });
  // Errors appear after a send attempt, then follow every edit until the form is valid.
  const [checked, setChecked] = useState<RawRequestResult | undefined>(undefined);

  const update = (field: keyof RawRequestInput, value: string) => {
    const next = { ...input, [field]: value };
    setInput(next);
    if (checked !== undefined && !checked.ok) setChecked(parseRawRequest(next));
  };

  const submit = () => {
    const result = parseRawRequest(input);
    setChecked(result);
    if (result.ok) onSend(result.request);
  };

  const sendOnModEnter = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      submit();
    }
  };

  const ids = (field: RawRequestField) => ({ input: `${id}-${field}`, error: `${id}-${field}-error` });
  const fieldState = (field: RawRequestField, hintId?: string) => {
    const errors = checked === undefined ? [] : errorsFor(checked, field);
    const describedBy = [errors.length > 0 ? ids(field).error : undefined, hintId].filter(Boolean).join(' ');
    return {
      errors,
      props: {
        id: ids(field).input,
        'aria-invalid': errors.length > 0,
        'aria-describedby': describedBy === '' ? undefined : describedBy,
        className: `${FIELD_CLASS} ${errors.length > 0 ? 'border-failed' : 'border-border-strong'}`,
        disabled,
      },
    };
  };
  const method = fieldState('method');
  const path = fieldState('path', `${id}-path-hint`);
  const headers = fieldState('headers', `${id}-headers-hint`);
  const body = fieldState('body', `${id}-body-hint`);
  const hasErrors = checked !== undefined && !checked.ok;

  return (
    <form
      aria-label={t('raw.title')}
      className="flex flex-col gap-3"
      data-testid="raw-http-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <div className="grid grid-cols-[minmax(6.5rem,auto)_1fr] gap-3">
        <div className="flex flex-col gap-1.5">
          <label className="text-sm font-medium text-text" htmlFor={ids('method').input}>
            {t('raw.method')}
          </label>
          <select
            {...method.props}
            className={`${method.props.className} h-10`}
            data-testid="raw-method"
            onChange={(e) => update('method', e.target.value)}
            value={input.method}
          >
            {RAW_METHODS.map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </select>
          <FieldErrors errors={method.errors} id={ids('method').error} />
        </div>
        <div className="flex min-w-0 flex-col gap-1.5">
          <label className="text-sm font-medium text-text" htmlFor={ids('path').input}>
            {t('raw.path')}
          </label>
          <input
            {...path.props}
            autoCapitalize="off"
            autoComplete="off"
            className={`${path.props.className} h-10`}
            data-testid="raw-path"
            list={`${id}-paths`}
            onChange={(e) => update('path', e.target.value)}
            spellCheck={false}
            type="text"
            value={input.path}
          />
          <datalist id={`${id}-paths`}>
            {PATH_SUGGESTIONS.map((p) => (
              <option key={p} value={p} />
            ))}
          </datalist>
          <p className="text-xs text-muted" id={`${id}-path-hint`}>
            {t('raw.path.hint')}
          </p>
          <FieldErrors errors={path.errors} id={ids('path').error} />
        </div>
      </div>
      <div className="flex flex-col gap-1.5">
        <label className="text-sm font-medium text-text" htmlFor={ids('headers').input}>
          {t('raw.headers')}
        </label>
        <textarea
          {...headers.props}
          className={`${headers.props.className} py-2`}
          data-testid="raw-headers"
          onChange={(e) => update('headers', e.target.value)}
          onKeyDown={sendOnModEnter}
          rows={3}
          spellCheck={false}
          value={input.headers}
        />
        <p className="text-xs text-muted" id={`${id}-headers-hint`}>
          {t('raw.headers.hint')}
        </p>
        <FieldErrors errors={headers.errors} id={ids('headers').error} />
      </div>
      <div className="flex flex-col gap-1.5">
        <label className="text-sm font-medium text-text" htmlFor={ids('body').input}>
          {t('raw.body')}
        </label>
        <textarea
          {...body.props}
          className={`${body.props.className} py-2`}
          data-testid="raw-body"
          onChange={(e) => update('body', e.target.value)}
          onKeyDown={sendOnModEnter}
          rows={6}
          spellCheck={false}
          value={input.body}
        />
        <p className="text-xs text-muted" id={`${id}-body-hint`}>
          {t('raw.body.hint')}
        </p>
        <FieldErrors errors={body.errors} id={ids('body').error} />
      </div>
      {hasErrors && (
        <p className="flex items-center gap-1.5 text-sm font-medium text-failed" role="alert">
          <CircleAlert aria-hidden="true" className="size-4 shrink-0" />
          {t('raw.errors')}
        </p>
      )}
      <button
        className="inline-flex h-11 w-full items-center justify-center gap-1.5 rounded-lg border border-accent bg-accent px-3 text-base font-medium text-accent-fg hover:bg-accent-hover disabled:cursor-not-allowed disabled:border-border disabled:bg-subtle disabled:text-muted"
        data-testid="raw-send"
        disabled={disabled}
        type="submit"
      >
        <Send aria-hidden="true" className="size-4 shrink-0" />
        <span>{t('raw.send')}</span>
      </button>
    </form>
  );
}
