import type { AuthorizationAttributes, ObjectReader, RbacMatch } from '../../types';
import { ruleAllows } from './evaluation';
import type { RbacIndex } from './rbac-index';
import { visitRulesFor } from './rule-resolver';

export interface RbacDecision {
  readonly decision: 'allow' | 'noOpinion';
  /** Upstream's reason: `RBAC: allowed by …` on allow; `RBAC: <resolution errors>` or '' otherwise. */
  readonly reason: string;
  readonly matched?: RbacMatch;
}

/** utilerrors.NewAggregate(errs).Error(): one message alone, several deduplicated as `[a, b]`. */
function aggregateText(messages: readonly string[]): string {
  const unique = [...new Set(messages)];
  return unique.length === 1 ? (unique[0] ?? '') : `[${unique.join(', ')}]`;
}

/**
 * The RBAC authorizer: allows when any rule bound to the user allows the request, otherwise
 * has no opinion (RBAC never denies). Resolution errors, such as a binding to a missing role,
 * do not stop the walk; they become the reason, which the 403 then carries.
 * Models plugin/pkg/auth/authorizer/rbac/rbac.go `Authorize` and its `authorizingVisitor`.
 */
export function evaluateRbac(
  attrs: AuthorizationAttributes,
  objects: ObjectReader | RbacIndex,
): RbacDecision {
  let matched: RbacMatch | undefined;
  let reason = '';
  const errors: string[] = [];
  visitRulesFor(attrs.user, attrs.namespace, objects, (source, rule, ruleIndex, error, aggregatedFrom) => {
    if (source !== undefined && rule !== undefined && ruleAllows(attrs, rule)) {
      matched = {
        binding: source.binding,
        role: source.role,
        ruleIndex,
        rule,
        ...(aggregatedFrom === undefined ? {} : { aggregatedFrom }),
      };
      reason = `RBAC: allowed by ${source.description}`;
      return false;
    }
    if (error !== undefined) errors.push(error);
    return true;
  });
  if (matched !== undefined) return { decision: 'allow', reason, matched };
  return { decision: 'noOpinion', reason: errors.length > 0 ? `RBAC: ${aggregateText(errors)}` : '' };
}
