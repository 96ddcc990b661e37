import type { AuthenticationDetails } from '../../../engine/types';
import { useT } from '../../../i18n';
import type { NodeOutcome } from '../../../store/path';
import { OutcomeBadge } from '../../components/OutcomeBadge';
import { Fact, Mono, SectionTitle } from './parts';

const RESULT_OUTCOME: Record<string, NodeOutcome> = {
  authenticated: 'passed',
  rejected: 'failed',
  'no-credential': 'skipped',
  disabled: 'skipped',
};

/** Which authenticators looked at the request, and who it turned out to be. */
export function AuthenticationView({ details }: { readonly details: AuthenticationDetails }) {
  const t = useT();
  return (
    <div className="flex flex-col gap-3">
      <SectionTitle>{t('inspector.authn.attempts')}</SectionTitle>
      <ol className="flex flex-col gap-2">
        {(details.attempts ?? []).map((attempt) => (
          <li className="flex flex-col gap-1 rounded-lg border border-border p-2" key={attempt.authenticator}>
            <span className="flex flex-wrap items-center gap-2">
              <Mono>{attempt.authenticator}</Mono>
              <OutcomeBadge
                outcome={RESULT_OUTCOME[attempt.result] ?? 'skipped'}
                size="sm"
                text={t(`inspector.authn.result.${attempt.result}`)}
              />
            </span>
            <span className="text-sm text-muted">{attempt.reason}</span>
          </li>
        ))}
      </ol>
      <SectionTitle>{t('inspector.authn.user')}</SectionTitle>
      {details.user === undefined ? (
        <p className="text-sm text-muted">{t('inspector.authn.noUser')}</p>
      ) : (
        <dl className="flex flex-col gap-1">
          <Fact label={t('composer.user')}>
            <Mono>{details.user.username}</Mono>
          </Fact>
          <Fact label={t('inspector.authn.groups')}>
            <span className="flex flex-wrap gap-1">
              {details.user.groups.map((g) => (
                <Mono key={g}>{g}</Mono>
              ))}
            </span>
          </Fact>
        </dl>
      )}
    </div>
  );
}
