import type { ObjectReader, PolicyRule, ServerConfig, UserInfo } from '../types';
import { subjectMatches } from './abac/authorizer';
import { nodeIdentity } from './node/authorizer';
import { rbacIndexFor } from './rbac/rbac-index';
import { rulesFor } from './rbac/rule-resolver';

/** authorizationv1.ResourceRule and NonResourceRule, as a SelfSubjectRulesReview lists them. */
export interface ResourceRuleInfo {
  readonly verbs: readonly string[];
  readonly apiGroups?: readonly string[];
  readonly resources?: readonly string[];
  readonly resourceNames?: readonly string[];
}
export interface NonResourceRuleInfo {
  readonly verbs: readonly string[];
  readonly nonResourceURLs?: readonly string[];
}

export interface RulesReview {
  readonly resourceRules: ResourceRuleInfo[];
  readonly nonResourceRules: NonResourceRuleInfo[];
  readonly incomplete: boolean;
  /** utilerrors aggregate of the resolvers' errors; empty when none. */
  readonly evaluationError: string;
}

function fromPolicyRules(rules: readonly PolicyRule[], review: RulesReview): void {
  // plugin/pkg/auth/authorizer/rbac/rbac.go RulesFor: a rule may yield both kinds.
  for (const rule of rules) {
    if ((rule.resources ?? []).length > 0) {
      review.resourceRules.push({
        verbs: rule.verbs,
        ...(rule.apiGroups === undefined ? {} : { apiGroups: rule.apiGroups }),
        resources: rule.resources ?? [],
        ...((rule.resourceNames ?? []).length === 0 ? {} : { resourceNames: rule.resourceNames }),
      });
    }
    if ((rule.nonResourceURLs ?? []).length > 0) {
      review.nonResourceRules.push({ verbs: rule.verbs, nonResourceURLs: rule.nonResourceURLs ?? [] });
    }
  }
}

/** utilerrors.NewAggregate(errs).Error(). */
function aggregate(errors: readonly string[]): string {
  const unique = [...new Set(errors)];
  return unique.length <= 1 ? (unique[0] ?? '') : `[${unique.join(', ')}]`;
}

/**
 * What the authorizer chain's rule resolvers say `user` may do in `namespace`, for a
 * SelfSubjectRulesReview: staging/src/k8s.io/apiserver/pkg/authorization/union/union.go
 * unionAuthzRulesHandler.RulesFor over the modes in order. RBAC lists its bound rules; ABAC the
 * lines for the user and namespace (abac.go RulesFor: readonly lines give get/list/watch,
 * others `*`); AlwaysAllow `*` everywhere; AlwaysDeny nothing; Node (for node users) and Webhook
 * cannot enumerate and mark the answer incomplete. The system:masters authorizer has no rule
 * resolver: a member sees only what RBAC binds to the group (cluster-admin, by default).
 */
export function resolveRules(
  user: UserInfo,
  namespace: string,
  config: ServerConfig['authorization'],
  objects: ObjectReader,
): RulesReview {
  const review: RulesReview = {
    resourceRules: [],
    nonResourceRules: [],
    incomplete: false,
    evaluationError: '',
  };
  let incomplete = false;
  const errors: string[] = [];
  for (const mode of config.modes) {
    switch (mode) {
      case 'RBAC': {
        const resolved = rulesFor(user, namespace, rbacIndexFor(objects));
        fromPolicyRules(resolved.rules, review);
        if (resolved.errors.length > 0) errors.push(aggregate(resolved.errors));
        break;
      }
      case 'AlwaysAllow':
        review.resourceRules.push({ verbs: ['*'], apiGroups: ['*'], resources: ['*'] });
        review.nonResourceRules.push({ verbs: ['*'], nonResourceURLs: ['*'] });
        break;
      case 'AlwaysDeny':
        break;
      case 'Node':
        if (nodeIdentity(user) !== undefined) {
          incomplete = true;
          errors.push('node authorizer does not support user rule resolution');
        }
        break;
      case 'Webhook':
        incomplete = true;
        errors.push('webhook authorizer does not support user rule resolution');
        break;
      case 'ABAC':
        for (const policy of config.abacPolicy ?? []) {
          if (!subjectMatches(policy, user)) continue;
          const {
            namespace: ns = '',
            resource = '',
            apiGroup = '',
            nonResourcePath = '',
            readonly,
          } = policy.spec;
          if (ns !== '*' && ns !== namespace) continue;
          const verbs = readonly === true ? ['get', 'list', 'watch'] : ['*'];
          if (resource !== '')
            review.resourceRules.push({ verbs, apiGroups: [apiGroup], resources: [resource] });
          if (nonResourcePath !== '')
            review.nonResourceRules.push({ verbs, nonResourceURLs: [nonResourcePath] });
        }
        break;
    }
  }
  return { ...review, incomplete, evaluationError: aggregate(errors) };
}
