import { engineMessage } from '../messages';
import { forbidden, groupResourceString } from '../responses/status';
import type {
  AuthorizationAttributes,
  AuthorizationDetails,
  ObjectReader,
  RequestInfo,
  ServerConfig,
  StageResult,
  Status,
  UserInfo,
} from '../types';
import { authorize } from './chain';
import { forbiddenErrorText } from './forbidden-message';

export type { LabelSelector } from '../labels/selector';
export { selectorMatches } from '../labels/selector';
export { ABAC_NO_MATCH, authorizeAbac } from './abac/authorizer';
export { authorize, SYSTEM_MASTERS } from './chain';
export { forbiddenErrorText, forbiddenMessage } from './forbidden-message';
export type { AccessMatrixCell } from './matrix';
export { accessMatrix, MATRIX_VERBS } from './matrix';
export { authorizeNode, NODE_USER_PREFIX, NODES_GROUP, nodeIdentity } from './node/authorizer';
export type { RbacDecision } from './rbac/authorizer';
export { evaluateRbac } from './rbac/authorizer';
export { bootstrapPolicy, SYSTEM_NODE_RULES } from './rbac/bootstrap-policy';
export type { EscalationCheck } from './rbac/escalation';
export { checkEscalation, compactString, evaluateEscalation, uncoveredRules } from './rbac/escalation';
export { ruleAllows } from './rbac/evaluation';
export { findNearMisses, ruleLacks } from './rbac/near-misses';
export type { RbacIndex } from './rbac/rbac-index';
export { buildRbacIndex, rbacIndexFor } from './rbac/rbac-index';
export { describeSubject, getRoleReferenceRules, rulesFor, visitRulesFor } from './rbac/rule-resolver';
export type { RbacBinding, RbacRole, RoleRef, Subject } from './rbac/types';
export type { RulesReview } from './rules-review';
export { resolveRules } from './rules-review';
export { authorizeWebhook, webhookReviewFor } from './webhook/authorizer';

/**
 * authorizer.AttributesRecord as the authorization filter builds it from the request
 * (staging/src/k8s.io/apiserver/pkg/endpoints/filters/authorization.go GetAuthorizerAttributes).
 */
export function attributesFor(user: UserInfo, info: RequestInfo): AuthorizationAttributes {
  return {
    user,
    verb: info.verb,
    isResourceRequest: info.isResourceRequest,
    apiGroup: info.apiGroup,
    apiVersion: info.apiVersion,
    namespace: info.namespace,
    resource: info.resource,
    subresource: info.subresource,
    name: info.name,
    path: info.path,
  };
}

/** `pods "nginx" in namespace "default"`, `nodes at the cluster scope`, `path "/healthz"`. */
export function describeTarget(attrs: AuthorizationAttributes): string {
  if (!attrs.isResourceRequest) return `path ${JSON.stringify(attrs.path)}`;
  const resource = groupResourceString(attrs.apiGroup, attrs.resource);
  const what = `${attrs.subresource === '' ? resource : `${resource}/${attrs.subresource}`}${
    attrs.name === '' ? '' : ` ${JSON.stringify(attrs.name)}`
  }`;
  return attrs.namespace === ''
    ? `${what} at the cluster scope`
    : `${what} in namespace ${JSON.stringify(attrs.namespace)}`;
}

/**
 * The authorization stage: runs the chain and, unless it allowed, answers 403 Forbidden with
 * the message responsewriters.Forbidden builds, wrapped by apierrors.NewForbidden for the
 * request's group and resource (no resource for non-resource URLs, hence `forbidden: …`).
 */
export function authorizationStage(
  user: UserInfo,
  info: RequestInfo,
  config: ServerConfig['authorization'],
  objects: ObjectReader,
): { result: StageResult<AuthorizationDetails>; status?: Status } {
  const attrs = attributesFor(user, info);
  const details = authorize(attrs, config, objects);
  const target = describeTarget(attrs);
  if (details.decision === 'allow') {
    return {
      result: {
        stage: 'authorization',
        outcome: 'passed',
        ...engineMessage('authz.allowed', {
          authorizer: details.authorizer ?? '',
          verb: attrs.verb,
          target,
          reason: details.reason,
        }),
        details,
      },
    };
  }

  const status = attrs.isResourceRequest
    ? forbidden(attrs.apiGroup, attrs.resource, attrs.name, forbiddenErrorText(attrs, details.reason))
    : forbidden('', '', '', forbiddenErrorText(attrs, details.reason));
  const message =
    details.decision === 'deny'
      ? engineMessage('authz.denied', {
          authorizer: details.authorizer ?? '',
          verb: attrs.verb,
          target,
          reason: details.reason,
        })
      : details.reason === ''
        ? engineMessage('authz.noOpinion', { verb: attrs.verb, target })
        : engineMessage('authz.noOpinionWithReason', { verb: attrs.verb, target, reason: details.reason });
  return { result: { stage: 'authorization', outcome: 'failed', ...message, details }, status };
}
