import { ArrowRight } from 'lucide-react';
import type { AuthorizationAttributes, AuthorizationDetails } from '../../../engine/types';
import { useT } from '../../../i18n';
import { OutcomeBadge } from '../../components/OutcomeBadge';
import { Fact, Mono, SectionTitle } from './parts';

/** `pods/nginx`, `deployments.apps`, `/healthz`: what the request acts on, as RBAC sees it. */
function targetOf(a: AuthorizationAttributes): string {
  if (!a.isResourceRequest) return a.path;
  const resource = a.apiGroup === '' ? a.resource : `${a.resource}.${a.apiGroup}`;
  const sub = a.subresource === '' ? '' : `/${a.subresource}`;
  return a.name === '' ? `${resource}${sub}` : `${resource}${sub}/${a.name}`;
}

function refText(ref: { readonly kind: string; readonly name: string; readonly namespace?: string }): string {
  return ref.namespace ? `${ref.kind} ${ref.namespace}/${ref.name}` : `${ref.kind} ${ref.name}`;
}

/** The decision, who made it, and — for an RBAC allow — the binding → role → rule that matched. */
export function AuthorizationView({ details }: { readonly details: AuthorizationDetails }) {
  const t = useT();
  const a = details.attributes;
  const decisionOutcome = details.decision === 'allow' ? 'passed' : 'failed';
  const namespace = a?.namespace ? ` · ${a.namespace}` : '';
  return (
    <div className="flex flex-col gap-3">
      <dl className="flex flex-col gap-1.5">
        <Fact label={t('inspector.authz.decision')}>
          <OutcomeBadge
            outcome={decisionOutcome}
            size="sm"
            text={t(`inspector.authz.decision.${details.decision}`)}
          />
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
      <p className="text-sm text-muted">{details.reason}</p>
      <SectionTitle>{t('inspector.authz.chain')}</SectionTitle>
      {details.matched === undefined ? (
        <p className="text-sm text-muted">{t('inspector.authz.noMatch')}</p>
      ) : (
        <ol className="flex flex-wrap items-center gap-1.5 text-sm" data-testid="rbac-chain">
          <li>
            <Mono>{refText(details.matched.binding)}</Mono>
          </li>
          <li aria-hidden="true">
            <ArrowRight className="size-4 text-muted" />
          </li>
          <li>
            <Mono>{refText(details.matched.role)}</Mono>
          </li>
          <li aria-hidden="true">
            <ArrowRight className="size-4 text-muted" />
          </li>
          <li>
            <Mono>
              {t('inspector.authz.rule', {
                index: details.matched.ruleIndex,
                verbs: details.matched.rule.verbs.join(', '),
                resources: (
                  details.matched.rule.resources ??
                  details.matched.rule.nonResourceURLs ??
                  []
                ).join(', '),
              })}
            </Mono>
          </li>
        </ol>
      )}
    </div>
  );
}
