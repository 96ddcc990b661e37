/** What the authorization stage records, and the RBAC vocabulary it explains itself with. */
import type { UserInfo } from './identity';
import type { Status } from './status';
import type { StorageDetails } from './storage';

/** RBAC's PolicyRule (k8s.io/api/rbac/v1). */
export interface PolicyRule {
  readonly verbs: readonly string[];
  readonly apiGroups?: readonly string[];
  readonly resources?: readonly string[];
  readonly resourceNames?: readonly string[];
  readonly nonResourceURLs?: readonly string[];
}

/** Reference to an RBAC object, for explanations. */
export interface ObjectRef {
  readonly kind: string;
  readonly name: string;
  readonly namespace?: string;
}

export interface AuthorizationDetails {
  readonly attributes: AuthorizationAttributes;
  readonly decision: 'allow' | 'deny' | 'noOpinion';
  /** The authorizer that decided (`RBAC`, `AlwaysAllow`, `system:masters`…), if any did. */
  readonly authorizer?: string;
  readonly reason: string;
  /** For an RBAC allow: the binding, the role, and the index of the rule within it. */
  readonly matched?: RbacMatch;
  /** What each authorizer in the chain answered, in order, up to the one that decided. */
  readonly trail?: readonly AuthorizerAnswer[];
  /** When RBAC did not allow: the rules bound to the user that came closest, fewest lacks first (at most 3). */
  readonly nearMisses?: readonly RbacNearMiss[];
  /** When the Webhook mode was consulted: the SubjectAccessReview it would POST, with the answer as its status. */
  readonly webhookReview?: Readonly<Record<string, unknown>>;
}

/**
 * Storage-stage details for writes the RBAC storage guards and for access reviews: the usual
 * StorageDetails plus what the guard or the review decided.
 */
export interface RbacStorageGuardDetails extends StorageDetails {
  /** For roles, clusterroles and their bindings: the escalation check (see authorization/rbac/escalation.ts). */
  readonly escalation?: {
    readonly bypass?: 'system:masters' | 'escalate' | 'bind' | 'only-gc-fields';
    /** The `escalate` or `bind` check that was made. */
    readonly verbCheck?: AuthorizationDetails;
    /** The permissions the author lacks, compacted, when the write was refused. */
    readonly missing?: readonly PolicyRule[];
    readonly status?: Status;
  };
  /** For an access review: the authorizer's decision it reports. */
  readonly review?: AuthorizationDetails;
}

/** One authorizer's answer: authorizer.Decision and its reason. */
export interface AuthorizerAnswer {
  readonly authorizer: string;
  readonly decision: 'allow' | 'deny' | 'noOpinion';
  readonly reason: string;
}

/** What a bound rule lacked to allow the request. */
export type RbacLack =
  | 'verb'
  | 'apiGroup'
  | 'resource'
  | 'subresource'
  | 'resourceName'
  | 'namespace'
  | 'nonResourceURL';

/** A rule bound to the user that almost allowed the request. */
export interface RbacNearMiss {
  readonly binding: ObjectRef;
  readonly role: ObjectRef;
  readonly ruleIndex: number;
  readonly rule: PolicyRule;
  readonly lacks: readonly RbacLack[];
  /** For a rule of an aggregated ClusterRole: the ClusterRole it was aggregated from. */
  readonly aggregatedFrom?: ObjectRef;
}

export interface RbacMatch {
  readonly binding: ObjectRef;
  readonly role: ObjectRef;
  /** Index of the rule in the role's rules (for an aggregated ClusterRole, in its aggregated rules). */
  readonly ruleIndex: number;
  readonly rule: PolicyRule;
  /** For an aggregated ClusterRole (`admin`, `edit`, `view`): the ClusterRole the rule came from. */
  readonly aggregatedFrom?: ObjectRef;
}

/** authorizer.Attributes (staging/src/k8s.io/apiserver/pkg/authorization/authorizer/interfaces.go). */
export interface AuthorizationAttributes {
  readonly user: UserInfo;
  readonly verb: string;
  readonly isResourceRequest: boolean;
  readonly apiGroup: string;
  readonly apiVersion: string;
  readonly namespace: string;
  readonly resource: string;
  readonly subresource: string;
  readonly name: string;
  readonly path: string;
}
