import { CircleCheck, CircleX, EyeOff, Hourglass, type LucideIcon, TriangleAlert } from 'lucide-react';
import type { DecodingDetails, FieldValidation, StorageDetails, ValidationDetails } from '../../../engine';
import { useT } from '../../../i18n';
import { Chip, Fact, Mono, Note, SectionTitle, type Tone } from './parts';

/** Whether the OpenAPI schema check ran: checked, or skipped because the schemas are still loading. */
function SchemaStatus({ checked }: { readonly checked: boolean | undefined }) {
  const t = useT();
  if (checked === false) {
    return (
      <Note icon={Hourglass} testId="schema-status" tone="warning">
        {t('inspector.schema.loading')}
      </Note>
    );
  }
  if (checked === true) {
    return (
      <span data-testid="schema-status">
        <Chip icon={CircleCheck} tone="passed">
          {t('inspector.schema.checked')}
        </Chip>
      </span>
    );
  }
  return null;
}

/** Validation: whether the schema ran, which fields failed, and why. */
export function ValidationView({ details }: { readonly details: ValidationDetails }) {
  const t = useT();
  const causes = details.causes ?? [];
  return (
    <div className="flex flex-col gap-2">
      <SchemaStatus checked={details.schemaChecked} />
      <SectionTitle>{t('inspector.validation.causes')}</SectionTitle>
      {causes.length === 0 ? (
        <p className="text-sm text-muted">{t('inspector.validation.noCauses')}</p>
      ) : (
        <ul className="flex flex-col gap-1.5" data-testid="validation-causes">
          {causes.map((cause) => (
            <li
              className="flex flex-col gap-0.5 rounded-lg border border-failed bg-failed-soft p-2"
              key={`${cause.field}:${cause.message}`}
            >
              <span className="flex flex-wrap items-center gap-2">
                <CircleX aria-hidden="true" className="size-4 shrink-0 text-failed" />
                <Mono>{cause.field}</Mono>
                <span className="text-xs text-muted">{cause.reason}</span>
              </span>
              <span className="text-sm text-failed">{cause.message}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Storage: the etcd key and the revision it was written or read at. */
export function StorageView({ details }: { readonly details: StorageDetails }) {
  const t = useT();
  return (
    <dl className="flex flex-col gap-1.5">
      <Fact label={t('inspector.storage.operation')}>{details.operation}</Fact>
      <Fact label={t('inspector.storage.key')}>
        <Mono>{details.key}</Mono>
      </Fact>
      <Fact label={t('inspector.storage.revision')}>
        <Mono>{details.revision}</Mono>
      </Fact>
    </dl>
  );
}

/** How a strict-decoding problem was handled under each fieldValidation directive. */
const STRICT_STYLE: Readonly<Record<FieldValidation, { tone: Tone; icon: LucideIcon }>> = {
  Strict: { tone: 'failed', icon: CircleX },
  Warn: { tone: 'warning', icon: TriangleAlert },
  Ignore: { tone: 'muted', icon: EyeOff },
};

/** Decoding: the body's type, the fieldValidation directive, and what strict decoding found. */
export function DecodingView({ details }: { readonly details: DecodingDetails }) {
  const t = useT();
  const mode = details.fieldValidation;
  const strictErrors = details.strictErrors ?? [];
  const style = STRICT_STYLE[mode ?? 'Warn'];
  return (
    <div className="flex flex-col gap-2">
      <dl className="flex flex-col gap-1.5">
        <Fact label={t('inspector.decoding.contentType')}>
          <Mono>{details.contentType}</Mono>
        </Fact>
        {mode !== undefined && (
          <Fact label={t('inspector.decoding.fieldValidation')}>
            <span data-mode={mode} data-testid="field-validation">
              <Mono>{mode}</Mono>
            </span>
          </Fact>
        )}
        {details.patch !== undefined && (
          <>
            <Fact label={t('inspector.decoding.patchType')}>
              <Mono>{details.patch.patchType}</Mono>
            </Fact>
            <Fact label={t('inspector.decoding.fieldManager')}>
              <Mono>{details.patch.fieldManager}</Mono>
            </Fact>
          </>
        )}
      </dl>
      {mode !== undefined && <p className="text-sm text-muted">{t(`inspector.decoding.mode.${mode}`)}</p>}
      <SchemaStatus checked={details.schemaChecked} />
      {strictErrors.length > 0 && (
        <>
          <SectionTitle>{t('inspector.decoding.strictErrors')}</SectionTitle>
          <ul className="flex flex-col gap-1.5" data-testid="strict-errors">
            {strictErrors.map((error) => (
              <li key={error}>
                <Note icon={style.icon} tone={style.tone}>
                  {error}
                  {mode === 'Ignore' && ` — ${t('inspector.decoding.ignored')}`}
                </Note>
              </li>
            ))}
          </ul>
        </>
      )}
      {strictErrors.length === 0 && details.schemaChecked === true && (
        <p className="text-sm text-muted">{t('inspector.decoding.noStrictErrors')}</p>
      )}
    </div>
  );
}
