import { groupResourceString } from '../responses/status';
import type { AuthorizationAttributes, ObjectReader, RbacMatch, ServerConfig, UserInfo } from '../types';
import { authorize } from './chain';

/** One cell of the access matrix: may `subject` do `verb` on `resource` in the namespace? */
export interface AccessMatrixCell {
  /** The subject's user name (`alice`, `system:serviceaccount:dev:builder`). */
  readonly subject: string;
  /** `pods`, `deployments.apps` (schema.GroupResource.String()). */
  readonly resource: string;
  readonly verb: string;
  readonly allowed: boolean;
  /** The authorizer that allowed it (`RBAC`, `system:masters`…). */
  readonly authorizer?: string;
  /** For an RBAC allow: the binding, role and rule. */
  readonly via?: RbacMatch;
}

export const MATRIX_VERBS: readonly string[] = [
  'get',
  'list',
  'watch',
  'create',
  'update',
  'patch',
  'delete',
  'deletecollection',
];

/**
 * "Who can": every subject against every resource and verb in `namespace`, each cell answered
 * by the same authorizer chain that serves requests (no name, no subresource). This is the
 * simulator's view; kube-apiserver has no such endpoint (tools like `kubectl who-can` ask the
 * same questions one SubjectAccessReview at a time).
 */
export function accessMatrix(
  subjects: readonly UserInfo[],
  namespace: string,
  resources: readonly { readonly group: string; readonly resource: string }[],
  verbs: readonly string[],
  config: ServerConfig['authorization'],
  objects: ObjectReader,
): AccessMatrixCell[] {
  const cells: AccessMatrixCell[] = [];
  for (const user of subjects) {
    for (const { group, resource } of resources) {
      for (const verb of verbs) {
        const attrs: AuthorizationAttributes = {
          user,
          verb,
          isResourceRequest: true,
          apiGroup: group,
          apiVersion: '',
          namespace,
          resource,
          subresource: '',
          name: '',
          path: '',
        };
        // A cell shows only allowed or not: near misses would explain refusals nobody opened.
        const details = authorize(attrs, config, objects, { nearMisses: false });
        const allowed = details.decision === 'allow';
        cells.push({
          subject: user.username,
          resource: groupResourceString(group, resource),
          verb,
          allowed,
          ...(allowed && details.authorizer !== undefined ? { authorizer: details.authorizer } : {}),
          ...(allowed && details.matched !== undefined ? { via: details.matched } : {}),
        });
      }
    }
  }
  return cells;
}
