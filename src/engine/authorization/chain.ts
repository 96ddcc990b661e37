import type {
  AuthorizationAttributes,
  AuthorizationDetails,
  AuthorizationMode,
  AuthorizerAnswer,
  ObjectReader,
  RbacMatch,
  ServerConfig,
} from '../types';
import { authorizeAbac } from './abac/authorizer';
import { authorizeNode } from './node/authorizer';
import { evaluateRbac } from './rbac/authorizer';
import { findNearMisses } from './rbac/near-misses';
import { rbacIndexFor } from './rbac/rbac-index';
import { authorizeWebhook } from './webhook/authorizer';

/** user.SystemPrivilegedGroup (staging/src/k8s.io/apiserver/pkg/authentication/user/user.go). */
export const SYSTEM_MASTERS = 'system:masters';

export interface AuthorizeOptions {
  /**
   * Whether to look for near misses on a refusal (default true). They only explain a refusal;
   * callers that need the decision alone (the who-can matrix: thousands of cells) skip them.
   */
  readonly nearMisses?: boolean;
}

/** One authorizer's answer: authorizer.Decision plus its reason. */
interface Verdict {
  readonly decision: 'allow' | 'deny' | 'noOpinion';
  readonly reason: string;
  readonly matched?: RbacMatch;
  readonly webhookReview?: Record<string, unknown>;
}

/**
 * authorizerfactory.NewPrivilegedGroups(user.SystemPrivilegedGroup)
 * (staging/src/k8s.io/apiserver/pkg/authorization/authorizerfactory/builtin.go).
 * Upstream's reason is empty; the simulator says why it allowed.
 */
function authorizePrivilegedGroup(attrs: AuthorizationAttributes): Verdict {
  return attrs.user.groups.includes(SYSTEM_MASTERS)
    ? {
        decision: 'allow',
        reason: `"${attrs.user.username}" is in the "${SYSTEM_MASTERS}" group, which may do anything`,
      }
    : { decision: 'noOpinion', reason: '' };
}

/** One `--authorization-mode` entry, as builtin.go, node_authorizer.go, rbac.go, abac.go and webhook.go implement it. */
function authorizeWithMode(
  mode: AuthorizationMode,
  attrs: AuthorizationAttributes,
  config: ServerConfig['authorization'],
  objects: ObjectReader,
): Verdict {
  switch (mode) {
    case 'AlwaysAllow':
      // Upstream's reason is empty.
      return { decision: 'allow', reason: 'AlwaysAllow allows every request' };
    case 'AlwaysDeny':
      // alwaysDenyAuthorizer returns NoOpinion, not Deny: a later mode can still allow.
      return { decision: 'noOpinion', reason: 'Everything is forbidden.' };
    case 'RBAC':
      return evaluateRbac(attrs, rbacIndexFor(objects));
    case 'Node':
      return authorizeNode(attrs, objects);
    case 'ABAC':
      return authorizeAbac(attrs, config.abacPolicy ?? []);
    case 'Webhook': {
      const verdict = authorizeWebhook(attrs, config.webhook ?? []);
      return { decision: verdict.decision, reason: verdict.reason, webhookReview: verdict.review };
    }
  }
}

/**
 * Runs the authorizer chain kube-apiserver builds in pkg/kubeapiserver/authorizer/reload.go:
 * the `system:masters` privileged-group authorizer first, then each `--authorization-mode` in
 * order, combined by staging/src/k8s.io/apiserver/pkg/authorization/union/union.go: the first
 * allow or deny wins with its own reason; when every authorizer has no opinion, their non-empty
 * reasons are joined with newlines and the request is forbidden.
 *
 * `reason` is upstream's reason text where upstream gives one (it becomes the 403's suffix);
 * for allows whose upstream reason is empty it explains the decision instead. `trail` lists every
 * answer; `nearMisses` (when RBAC is a mode and nothing allowed) lists the closest RBAC rules.
 */
export function authorize(
  attrs: AuthorizationAttributes,
  config: ServerConfig['authorization'],
  objects: ObjectReader,
  options: AuthorizeOptions = {},
): AuthorizationDetails {
  const explain = options.nearMisses ?? true;
  const chain: { name: string; run: () => Verdict }[] = [
    { name: SYSTEM_MASTERS, run: () => authorizePrivilegedGroup(attrs) },
    ...config.modes.map((mode) => ({
      name: mode,
      run: () => authorizeWithMode(mode, attrs, config, objects),
    })),
  ];
  const reasons: string[] = [];
  const trail: AuthorizerAnswer[] = [];
  let webhookReview: Record<string, unknown> | undefined;
  for (const { name, run } of chain) {
    const verdict = run();
    trail.push({ authorizer: name, decision: verdict.decision, reason: verdict.reason });
    if (verdict.webhookReview !== undefined) webhookReview = verdict.webhookReview;
    if (verdict.decision !== 'noOpinion') {
      return {
        attributes: attrs,
        decision: verdict.decision,
        authorizer: name,
        reason: verdict.reason,
        ...(verdict.matched === undefined ? {} : { matched: verdict.matched }),
        trail,
        ...(webhookReview === undefined ? {} : { webhookReview }),
        ...(explain ? nearMissesFor(verdict.decision, attrs, config, objects) : {}),
      };
    }
    if (verdict.reason !== '') reasons.push(verdict.reason);
  }
  return {
    attributes: attrs,
    decision: 'noOpinion',
    reason: reasons.join('\n'),
    trail,
    ...(webhookReview === undefined ? {} : { webhookReview }),
    ...(explain ? nearMissesFor('noOpinion', attrs, config, objects) : {}),
  };
}

function nearMissesFor(
  decision: AuthorizationDetails['decision'],
  attrs: AuthorizationAttributes,
  config: ServerConfig['authorization'],
  objects: ObjectReader,
): Pick<AuthorizationDetails, 'nearMisses'> {
  if (decision === 'allow' || !config.modes.includes('RBAC')) return {};
  const nearMisses = findNearMisses(attrs, rbacIndexFor(objects));
  return nearMisses.length === 0 ? {} : { nearMisses };
}
