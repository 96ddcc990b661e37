import type { AuthorizationAttributes, WebhookRule } from '../../types';

export interface WebhookVerdict {
  readonly decision: 'allow' | 'deny' | 'noOpinion';
  readonly reason: string;
  /** The SubjectAccessReview the apiserver POSTs, with the simulated answer as its status. */
  readonly review: Record<string, unknown>;
  /** Index of the table row that answered, if any. */
  readonly row?: number;
}

/**
 * The SubjectAccessReview body the webhook authorizer sends, as
 * staging/src/k8s.io/apiserver/plugin/pkg/authorizer/webhook/webhook.go builds it. The default
 * `--authorization-webhook-version` is v1beta1, whose spec names the groups field `group`.
 */
export function webhookReviewFor(attrs: AuthorizationAttributes): Record<string, unknown> {
  const { user } = attrs;
  const spec: Record<string, unknown> = {
    ...(attrs.isResourceRequest
      ? {
          resourceAttributes: {
            ...(attrs.namespace === '' ? {} : { namespace: attrs.namespace }),
            verb: attrs.verb,
            ...(attrs.apiGroup === '' ? {} : { group: attrs.apiGroup }),
            ...(attrs.apiVersion === '' ? {} : { version: attrs.apiVersion }),
            resource: attrs.resource,
            ...(attrs.subresource === '' ? {} : { subresource: attrs.subresource }),
            ...(attrs.name === '' ? {} : { name: attrs.name }),
          },
        }
      : { nonResourceAttributes: { path: attrs.path, verb: attrs.verb } }),
    user: user.username,
    ...(user.groups.length === 0 ? {} : { group: [...user.groups] }),
    ...(Object.keys(user.extra).length === 0 ? {} : { extra: user.extra }),
    ...(user.uid === '' ? {} : { uid: user.uid }),
  };
  return {
    apiVersion: 'authorization.k8s.io/v1beta1',
    kind: 'SubjectAccessReview',
    metadata: { creationTimestamp: null },
    spec,
    status: { allowed: false },
  };
}

function rowMatches(rule: WebhookRule, attrs: AuthorizationAttributes): boolean {
  const { user, group, verb, resource, namespace } = rule.match;
  const is = (want: string | undefined, got: string) => want === undefined || want === '*' || want === got;
  return (
    is(user, attrs.user.username) &&
    (group === undefined || group === '*' || attrs.user.groups.includes(group)) &&
    is(verb, attrs.verb) &&
    is(resource, attrs.subresource === '' ? attrs.resource : `${attrs.resource}/${attrs.subresource}`) &&
    is(namespace, attrs.namespace)
  );
}

/**
 * The Webhook authorizer (`--authorization-mode=Webhook`). The remote service is simulated by a
 * rule table: the first row whose set fields all match answers, and no matching row is the
 * service saying `allowed: false` with no reason. How the answer maps to a decision follows
 * webhook.go: `allowed` → allow, `denied` → deny (a webhook, unlike RBAC, can deny), otherwise
 * no opinion; the status reason is the authorizer's reason.
 */
export function authorizeWebhook(
  attrs: AuthorizationAttributes,
  rules: readonly WebhookRule[],
): WebhookVerdict {
  const review = webhookReviewFor(attrs);
  const row = rules.findIndex((rule) => rowMatches(rule, attrs));
  const rule = rules[row];
  if (rule === undefined) return { decision: 'noOpinion', reason: '', review };
  const status =
    rule.decision === 'allow'
      ? { allowed: true, ...(rule.reason === '' ? {} : { reason: rule.reason }) }
      : rule.decision === 'deny'
        ? { allowed: false, denied: true, ...(rule.reason === '' ? {} : { reason: rule.reason }) }
        : { allowed: false, ...(rule.reason === '' ? {} : { reason: rule.reason }) };
  return { decision: rule.decision, reason: rule.reason, review: { ...review, status }, row };
}
