import {
  ArrowRight,
  CircleCheck,
  CircleMinus,
  CircleX,
  type LucideIcon,
  PowerOff,
  ShieldCheck,
  ShieldX,
  UserRound,
} from 'lucide-react';
import type {
  AuthenticationDetails,
  AuthenticatorAttempt,
  AuthorizationDetails,
  UserInfo,
} from '../../../engine';
import { useT } from '../../../i18n';
import { keyed } from './keyed';
import { Chip, Fact, Mono, SectionTitle, type Tone } from './parts';

/** How each authenticator result looks: colour, icon and the catalog word. */
const RESULT_STYLE: Readonly<Record<AuthenticatorAttempt['result'], { tone: Tone; icon: LucideIcon }>> = {
  authenticated: { tone: 'passed', icon: CircleCheck },
  rejected: { tone: 'failed', icon: CircleX },
  'no-credential': { tone: 'skipped', icon: CircleMinus },
  disabled: { tone: 'muted', icon: PowerOff },
};

/** Which authenticators looked at the request, in order, and who it turned out to be. */
export function AuthenticationView({ details }: { readonly details: AuthenticationDetails }) {
  const t = useT();
  const attempts = details.attempts ?? [];
  const impersonation = details.impersonation;
  return (
    <div className="flex flex-col gap-3">
      <SectionTitle>{t('inspector.authn.attempts')}</SectionTitle>
      <p className="text-sm text-muted">{t('inspector.authn.order')}</p>
      <ol className="flex flex-col">
        {keyed(attempts, (a) => a.authenticator).map(({ item: attempt, key }, index) => (
          <AttemptItem attempt={attempt} index={index} key={key} />
        ))}
      </ol>
      {impersonation !== undefined && details.user !== undefined ? (
        <>
          <SectionTitle>{t('inspector.authn.impersonation')}</SectionTitle>
          <div
            className="grid items-stretch gap-2 sm:grid-cols-[minmax(0,1fr)_auto_minmax(0,1fr)]"
            data-testid="impersonation"
          >
            <UserCard title={t('inspector.authn.requestor')} user={details.user} />
            <ArrowRight aria-hidden="true" className="size-5 self-center justify-self-center text-muted" />
            <UserCard title={t('inspector.authn.actingAs')} user={impersonation.user} />
          </div>
          <SectionTitle>{t('inspector.authn.impersonateChecks')}</SectionTitle>
          <ol className="flex flex-col gap-1.5">
            {keyed(
              impersonation.checks,
              (c) => `${c.attributes.resource}/${c.attributes.subresource}:${c.attributes.name}`,
            ).map(({ item: check, key }) => (
              <ImpersonateCheck check={check} key={key} />
            ))}
          </ol>
        </>
      ) : (
        <>
          <SectionTitle>{t('inspector.authn.user')}</SectionTitle>
          {details.user === undefined ? (
            <p className="text-sm text-muted">{t('inspector.authn.noUser')}</p>
          ) : (
            <UserFacts user={details.user} />
          )}
        </>
      )}
    </div>
  );
}

function AttemptItem({ attempt, index }: { readonly attempt: AuthenticatorAttempt; readonly index: number }) {
  const t = useT();
  const style = RESULT_STYLE[attempt.result] ?? RESULT_STYLE['no-credential'];
  return (
    <li
      className="flex flex-col gap-0.5 border-b border-border py-1.5 last:border-b-0"
      data-result={attempt.result}
      data-testid="authn-attempt"
    >
      <span className="flex flex-wrap items-center gap-x-2 gap-y-0.5">
        <span className="text-xs font-semibold text-muted tabular-nums">{index + 1}.</span>
        <Mono>{attempt.authenticator}</Mono>
        <Chip icon={style.icon} tone={style.tone}>
          {t(`inspector.authn.result.${attempt.result}`)}
        </Chip>
        <span className="min-w-0 text-sm text-muted">{attempt.reason}</span>
      </span>
      {attempt.user !== undefined && (
        <span className="text-sm text-text">
          {t('inspector.authn.produced', { user: attempt.user.username })}
        </span>
      )}
    </li>
  );
}

/** name, uid, groups and extra of one UserInfo. */
export function UserFacts({ user }: { readonly user: UserInfo }) {
  const t = useT();
  const extra = Object.entries(user.extra ?? {});
  return (
    <dl className="flex flex-col gap-1" data-testid="user-info">
      <Fact label={t('inspector.authn.name')}>
        <Mono>{user.username}</Mono>
      </Fact>
      <Fact label={t('inspector.authn.uid')}>
        {user.uid === '' ? t('inspector.authn.uid.none') : <Mono>{user.uid}</Mono>}
      </Fact>
      <Fact label={t('inspector.authn.groups')}>
        {user.groups.length === 0 ? (
          t('inspector.none')
        ) : (
          <span className="flex flex-wrap gap-1">
            {user.groups.map((g) => (
              <Mono key={g}>{g}</Mono>
            ))}
          </span>
        )}
      </Fact>
      <Fact label={t('inspector.authn.extra')}>
        {extra.length === 0 ? (
          t('inspector.none')
        ) : (
          <span className="flex flex-col gap-0.5">
            {extra.map(([key, values]) => (
              <span key={key}>
                <Mono>{`${key}: ${values.join(', ')}`}</Mono>
              </span>
            ))}
          </span>
        )}
      </Fact>
    </dl>
  );
}

function UserCard({ title, user }: { readonly title: string; readonly user: UserInfo }) {
  return (
    <div className="flex min-w-0 flex-col gap-1.5 rounded-lg border border-border p-2">
      <span className="flex items-center gap-1.5 text-xs font-semibold tracking-wide text-muted uppercase">
        <UserRound aria-hidden="true" className="size-4" />
        {title}
      </span>
      <UserFacts user={user} />
    </div>
  );
}

/** One `impersonate` authorization check: may the requestor act as this user, group or extra? */
function ImpersonateCheck({ check }: { readonly check: AuthorizationDetails }) {
  const t = useT();
  const a = check.attributes;
  const allowed = check.decision === 'allow';
  const target = a.subresource === '' ? a.resource : `${a.resource}/${a.subresource}`;
  return (
    <li
      className="flex flex-col gap-1 rounded-lg border border-border p-2"
      data-decision={check.decision}
      data-testid="impersonate-check"
    >
      <span className="flex flex-wrap items-center gap-2">
        <Mono>
          {t('inspector.authn.impersonateCheck', {
            target: a.namespace === '' ? target : `${target} -n ${a.namespace}`,
            name: a.name,
          })}
        </Mono>
        <Chip icon={allowed ? ShieldCheck : ShieldX} tone={allowed ? 'passed' : 'failed'}>
          {t(allowed ? 'inspector.authn.impersonate.allowed' : 'inspector.authn.impersonate.denied')}
        </Chip>
        {check.authorizer !== undefined && <span className="text-xs text-muted">{check.authorizer}</span>}
      </span>
      {check.reason !== '' && <span className="text-sm text-muted">{check.reason}</span>}
    </li>
  );
}
