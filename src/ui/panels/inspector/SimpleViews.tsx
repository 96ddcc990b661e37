import type { DecodingDetails, StorageDetails, ValidationDetails } from '../../../engine/types';
import { useT } from '../../../i18n';
import { Fact, Mono, SectionTitle } from './parts';

/** Validation: which fields failed, and why. */
export function ValidationView({ details }: { readonly details: ValidationDetails }) {
  const t = useT();
  const causes = details.causes ?? [];
  return (
    <div className="flex flex-col gap-2">
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
              <Mono>{cause.field}</Mono>
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

export function DecodingView({ details }: { readonly details: DecodingDetails }) {
  const t = useT();
  return (
    <dl className="flex flex-col gap-1.5">
      <Fact label={t('inspector.decoding.contentType')}>
        <Mono>{details.contentType}</Mono>
      </Fact>
    </dl>
  );
}
