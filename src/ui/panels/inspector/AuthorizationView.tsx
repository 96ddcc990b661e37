import {
  ArrowRight,
  CircleCheck,
  CircleMinus,
  CircleX,
  Info,
  LocateFixed,
  type LucideIcon,
  ShieldCheck,
  ShieldX,
} from 'lucide-react';
import { useContext } from 'react';
import type {
  AuthorizationAttributes,
  AuthorizationDetails,
  AuthorizerAnswer,
  ObjectRef,
  PolicyRule,
  RbacLack,
  RbacMatch,
  RbacNearMiss,
} from '../../../engine';
import { type Translate, useT } from '../../../i18n';
import { AppStoreContext } from '../../../store/context';
import { CodeBlock, formatJson } from '../../components/CodeBlock';
import { Disclosure } from '../../components/Disclosure';
import { requestRbacReveal } from '../../world/rbac-reveal';
import { keyed } from './keyed';
import { Chip, Fact, Mono, Note, SectionTitle, SrOnly, type Tone } from './parts';
import { displayRuleValue, ruleParts } from './rule-parts';

type Decision = AuthorizationDetails['decision'];

const ANSWER_STYLE: Readonly<Record<Decision, { tone: Tone; icon: LucideIcon }>> = {
  allow: { tone: 'passed', icon: CircleCheck },
  deny: { tone: 'failed', icon: CircleX },
  noOpinion: { tone: 'skipped', icon: CircleMinus },
};

/** `pods/nginx`, `deployments.apps`, `/healthz`: what the request acts on, as RBAC sees it. */
function targetOf(a: AuthorizationAttributes): string {
  if (!a.isResourceRequest) return a.path;
  const resource = a.apiGroup === '' ? a.resource : `${a.resource}.${a.apiGroup}`;
  const sub = a.subresource === '' ? '' : `/${a.subresource}`;
  return a.name === '' ? `${resource}${sub}` : `${resource}${sub}/${a.name}`;
}

export function refText(ref: ObjectRef): string {
  return ref.namespace ? `${ref.kind} ${ref.namespace}/${ref.name}` : `${ref.kind} ${ref.name}`;
}

/**
 * The decision; what every authorizer in the chain answered; for an RBAC allow the binding → role
 * → rule that matched; for a refusal the closest rules and what each lacked.
 */
export function AuthorizationView({ details }: { readonly details: AuthorizationDetails }) {
  const t = useT();
  const a = details.attributes;
  const allowed = details.decision === 'allow';
  const namespace = a?.namespace ? ` · ${a.namespace}` : '';
  return (
    <div className="flex flex-col gap-3">
      <dl className="flex flex-col gap-1.5">
        <Fact label={t('inspector.authz.decision')}>
          <span data-decision={details.decision} data-testid="authz-decision">
            <Chip icon={allowed ? ShieldCheck : ShieldX} tone={allowed ? 'passed' : 'failed'}>
              {t(`inspector.authz.final.${details.decision}`)}
            </Chip>
          </span>
        </Fact>
        <Fact label={t('inspector.authz.authorizer')}>{details.authorizer ?? t('inspector.none')}</Fact>
        {a !== undefined && (
          <Fact label={t('inspector.authz.request')}>
            <Mono>
              {t('inspector.authz.request.value', {
                user: a.user.username,
                verb: a.verb,
                target: targetOf(a),
              })}
              {namespace}
            </Mono>
          </Fact>
        )}
      </dl>
      {details.reason !== '' && <p className="text-sm text-muted">{details.reason}</p>}

      {allowed && details.matched !== undefined && a !== undefined && (
        <>
          <SectionTitle>{t('inspector.authz.chain')}</SectionTitle>
          <AllowedBy attrs={a} matched={details.matched} />
        </>
      )}
      {allowed && details.matched === undefined && details.authorizer !== undefined && (
        <p className="text-sm text-muted">
          {t('inspector.authz.notRbac', { authorizer: details.authorizer })}
        </p>
      )}

      {!allowed && a !== undefined && (
        <>
          <SectionTitle>{t('inspector.authz.nearMisses')}</SectionTitle>
          {details.nearMisses === undefined || details.nearMisses.length === 0 ? (
            <p className="text-sm text-muted">{t('inspector.authz.noNearMiss', { user: a.user.username })}</p>
          ) : (
            <>
              <p className="text-sm text-muted">{t('inspector.authz.nearMisses.intro')}</p>
              <ol className="flex flex-col gap-2">
                {details.nearMisses.map((miss, index) => (
                  <NearMiss
                    attrs={a}
                    closest={index === 0}
                    key={`${refText(miss.binding)}:${refText(miss.role)}:${miss.ruleIndex}`}
                    miss={miss}
                  />
                ))}
              </ol>
            </>
          )}
        </>
      )}

      {details.trail !== undefined && details.trail.length > 0 && (
        <>
          <SectionTitle>{t('inspector.authz.trail')}</SectionTitle>
          <ol className="flex flex-col" data-testid="authz-trail">
            {keyed(details.trail, (a) => a.authorizer).map(({ item: answer, key }) => (
              <TrailItem answer={answer} key={key} />
            ))}
          </ol>
          {details.decision === 'noOpinion' && (
            <p className="text-sm text-muted">{t('inspector.authz.nobody')}</p>
          )}
        </>
      )}

      {details.webhookReview !== undefined && (
        <Disclosure summary={t('inspector.authz.webhookReview')}>
          <CodeBlock label={t('inspector.authz.webhookReview')} testId="webhook-sar">
            {formatJson(details.webhookReview)}
          </CodeBlock>
        </Disclosure>
      )}
    </div>
  );
}

function TrailItem({ answer }: { readonly answer: AuthorizerAnswer }) {
  const t = useT();
  const style = ANSWER_STYLE[answer.decision] ?? ANSWER_STYLE.noOpinion;
  return (
    <li
      className="flex flex-wrap items-center gap-x-2 gap-y-0.5 border-b border-border py-1.5 last:border-b-0"
      data-authorizer={answer.authorizer}
      data-decision={answer.decision}
      data-testid="authz-answer"
    >
      <Mono>{answer.authorizer}</Mono>
      <Chip icon={style.icon} tone={style.tone}>
        {t(`inspector.authz.decision.${answer.decision}`)}
      </Chip>
      <span className="min-w-0 text-sm text-muted">
        {answer.reason !== '' ? answer.reason : t(`inspector.authz.answer.${answer.decision}`)}
      </span>
    </li>
  );
}

/** binding → role (→ the ClusterRole it was aggregated from) → rule N. */
function RefChain({
  binding,
  role,
  aggregatedFrom,
  ruleIndex,
}: {
  readonly binding: ObjectRef;
  readonly role: ObjectRef;
  readonly aggregatedFrom?: ObjectRef;
  readonly ruleIndex: number;
}) {
  const t = useT();
  const arrow = (
    <li aria-hidden="true">
      <ArrowRight className="size-4 text-muted" />
    </li>
  );
  return (
    <ol className="flex flex-wrap items-center gap-1.5 text-sm">
      <li>
        <Mono>{refText(binding)}</Mono>
      </li>
      {arrow}
      <li>
        <Mono>{refText(role)}</Mono>
      </li>
      {aggregatedFrom !== undefined && (
        <>
          {arrow}
          <li className="text-muted">
            {t('inspector.authz.aggregatedFrom')} <Mono>{refText(aggregatedFrom)}</Mono>
          </li>
        </>
      )}
      {arrow}
      <li className="text-muted">{t('inspector.authz.ruleN', { index: ruleIndex })}</li>
    </ol>
  );
}

function AllowedBy({
  matched,
  attrs,
}: {
  readonly matched: RbacMatch;
  readonly attrs: AuthorizationAttributes;
}) {
  return (
    <div
      className="flex flex-col gap-2 rounded-lg border border-passed bg-passed-soft p-2"
      data-testid="rbac-allowed-by"
    >
      <RefChain
        aggregatedFrom={matched.aggregatedFrom}
        binding={matched.binding}
        role={matched.role}
        ruleIndex={matched.ruleIndex}
      />
      <RuleView attrs={attrs} rule={matched.rule} />
      <ShowInRbac />
    </div>
  );
}

/**
 * Opens the World panel on the RBAC tab, where the table marks this rule, and scrolls it into
 * view. Only inside the app (a bare render has no store to open the panel with).
 */
function ShowInRbac() {
  const t = useT();
  const store = useContext(AppStoreContext);
  if (store === null) return null;
  return (
    <button
      className="inline-flex h-8 items-center gap-1.5 self-start rounded-lg border border-border-strong bg-panel px-2.5 text-sm font-medium text-text hover:bg-subtle"
      data-testid="show-in-rbac"
      onClick={() => {
        store.getState().setWorldTab('rbac');
        requestRbacReveal();
      }}
      title={t('inspector.authz.showInRbac.title')}
      type="button"
    >
      <LocateFixed aria-hidden="true" className="size-4" />
      {t('inspector.authz.showInRbac')}
    </button>
  );
}

function NearMiss({
  miss,
  attrs,
  closest = false,
}: {
  readonly miss: RbacNearMiss;
  readonly attrs: AuthorizationAttributes;
  /** The closest near miss is the one the RBAC table marks. */
  readonly closest?: boolean;
}) {
  const t = useT();
  return (
    <li
      className="flex flex-col gap-2 rounded-lg border border-border p-2"
      data-lacks={miss.lacks.join(' ')}
      data-testid="rbac-near-miss"
    >
      <RefChain
        aggregatedFrom={miss.aggregatedFrom}
        binding={miss.binding}
        role={miss.role}
        ruleIndex={miss.ruleIndex}
      />
      <RuleView attrs={attrs} lacks={miss.lacks} rule={miss.rule} />
      <ul className="flex flex-col gap-1">
        {miss.lacks.map((lack) => (
          <li className="flex items-start gap-1.5 text-sm text-failed" key={lack}>
            <CircleX aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
            <span>{lackSentence(t, lack, miss, attrs)}</span>
          </li>
        ))}
      </ul>
      {miss.lacks.includes('resourceName') && attrs.name === '' && (
        <Note icon={Info} tone="accent" testId="resource-names-note">
          {t('inspector.authz.resourceNamesNote', { verb: attrs.verb })}
        </Note>
      )}
      {closest && <ShowInRbac />}
    </li>
  );
}

const list = (values: readonly string[] | undefined, field: 'apiGroups' | 'other' = 'other'): string =>
  values === undefined || values.length === 0
    ? '—'
    : values.map((v) => (field === 'apiGroups' ? displayRuleValue('apiGroups', v) : v)).join(', ');

/** What a near miss lacked, in plain words. */
export function lackSentence(
  t: Translate,
  lack: RbacLack,
  miss: { readonly binding: ObjectRef; readonly rule: PolicyRule },
  attrs: AuthorizationAttributes,
): string {
  const rule = miss.rule;
  switch (lack) {
    case 'verb':
      return t('inspector.authz.lack.verb', { verbs: list(rule.verbs), verb: attrs.verb });
    case 'apiGroup':
      return t('inspector.authz.lack.apiGroup', {
        groups: list(rule.apiGroups, 'apiGroups'),
        group: displayRuleValue('apiGroups', attrs.apiGroup),
        resource: attrs.resource,
      });
    case 'resource':
      return t('inspector.authz.lack.resource', {
        resources: list(rule.resources),
        resource: attrs.resource,
      });
    case 'subresource':
      return t('inspector.authz.lack.subresource', {
        resource: attrs.resource,
        subresource: `${attrs.resource}/${attrs.subresource}`,
      });
    case 'resourceName':
      return attrs.name === ''
        ? t('inspector.authz.lack.resourceName.unnamed', {
            names: list(rule.resourceNames),
            verb: attrs.verb,
          })
        : t('inspector.authz.lack.resourceName', { names: list(rule.resourceNames), name: attrs.name });
    case 'namespace':
      return attrs.namespace === ''
        ? t('inspector.authz.lack.namespace.cluster', { bindingNamespace: miss.binding.namespace ?? '' })
        : t('inspector.authz.lack.namespace', {
            bindingNamespace: miss.binding.namespace ?? '',
            namespace: attrs.namespace,
          });
    case 'nonResourceURL':
      return t('inspector.authz.lack.nonResourceURL', { urls: list(rule.nonResourceURLs), path: attrs.path });
    default:
      return lack;
  }
}

/** A PolicyRule as rows of values; the values that cover the request stand out, lacking rows are marked. */
function RuleView({
  rule,
  attrs,
  lacks = [],
}: {
  readonly rule: PolicyRule;
  readonly attrs: AuthorizationAttributes;
  readonly lacks?: readonly RbacLack[];
}) {
  const t = useT();
  return (
    <dl
      className="grid grid-cols-[auto_minmax(0,1fr)] items-baseline gap-x-3 gap-y-1.5 rounded-md bg-panel p-2 text-sm"
      data-testid="rbac-rule"
    >
      {ruleParts(rule, attrs, lacks).map((part) => (
        <div className="contents" data-lacking={part.lacking} key={part.field}>
          <dt className={`font-mono text-xs ${part.lacking ? 'font-bold text-failed' : 'text-muted'}`}>
            {part.lacking && <CircleX aria-hidden="true" className="mr-1 inline size-3.5 align-[-2px]" />}
            {part.field}
            {part.lacking && <SrOnly>{` (${t('inspector.authz.rule.lacking')})`}</SrOnly>}
          </dt>
          <dd className="flex min-w-0 flex-wrap gap-1">
            {part.values.length === 0 && <span className="text-muted">{t('inspector.none')}</span>}
            {part.values.map(({ value, matches }) => (
              <code
                className={`rounded border px-1.5 py-0.5 font-mono text-[0.8125rem] break-all ${
                  matches
                    ? 'border-passed bg-passed-soft font-bold text-passed'
                    : 'border-transparent bg-subtle text-text'
                }`}
                data-matches={matches}
                key={value}
              >
                {matches && <CircleCheck aria-hidden="true" className="mr-1 inline size-3.5 align-[-2px]" />}
                {displayRuleValue(part.field, value)}
                {matches && <SrOnly>{` (${t('inspector.authz.rule.matches')})`}</SrOnly>}
              </code>
            ))}
          </dd>
        </div>
      ))}
    </dl>
  );
}
