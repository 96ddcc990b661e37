import type { ObjectMeta, PolicyRule } from '../../types';

/**
 * The RBAC objects as stored (k8s.io/api/rbac/v1 types.go), only the fields the authorizer reads.
 * Objects come from storage as plain JSON, so every field may be missing.
 */

/** rbacv1.Subject: `User`, `Group` or `ServiceAccount`. */
export interface Subject {
  readonly kind: string;
  readonly name: string;
  /** Required for a ServiceAccount in a ClusterRoleBinding; defaults to the binding's namespace in a RoleBinding. */
  readonly namespace?: string;
  readonly apiGroup?: string;
}

/** rbacv1.RoleRef: a `Role` in the binding's namespace or a `ClusterRole`. */
export interface RoleRef {
  readonly apiGroup: string;
  readonly kind: string;
  readonly name: string;
}

/** Role or ClusterRole. */
export interface RbacRole {
  readonly kind?: string;
  readonly metadata?: ObjectMeta;
  readonly rules?: readonly PolicyRule[];
}

/** RoleBinding or ClusterRoleBinding. */
export interface RbacBinding {
  readonly kind?: string;
  readonly metadata?: ObjectMeta;
  readonly subjects?: readonly Subject[];
  readonly roleRef?: RoleRef;
}
