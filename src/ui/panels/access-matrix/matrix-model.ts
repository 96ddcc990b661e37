import type { AccessMatrixCell, RbacMatch } from '../../../engine';

/**
 * Pure shaping of `cluster.accessMatrix(namespace)` for display, and the kubectl command each
 * cell plays. No React, no cluster access: the subjects' picker names come in as data.
 */

/** One subject's row block: its answers by resource, then verb. */
export interface MatrixSubject {
  /** The authenticated user name (`alice`, `system:serviceaccount:default:default`). */
  readonly subject: string;
  /** Who to send the cell's command as: the picker name, or a picker user who may impersonate. */
  readonly playAs?: PlayAs;
  readonly allowedCount: number;
  readonly cells: ReadonlyMap<string, ReadonlyMap<string, AccessMatrixCell>>;
}

/**
 * How a cell is replayed. `direct`: the subject is one of the scenario's users, sent as itself.
 * `impersonate`: a service account (or another subject nobody can pick) is played by a picker
 * user whose `impersonate` right covers it, with `--as=<subject>`.
 */
export interface PlayAs {
  readonly kind: 'direct' | 'impersonate';
  /** The picker name (UserSpec.name) to send as. */
  readonly user: string;
  /**
   * Whether the subject may create selfsubjectaccessreviews, which `kubectl auth can-i` needs.
   * False in worlds without the system:basic-user binding: those cells then show a 403 on the
   * review itself, and the panel says so.
   */
  readonly canSelfReview: boolean;
}

export interface MatrixModel {
  readonly subjects: readonly MatrixSubject[];
  /** `pods`, `deployments.apps`, in the engine's order. */
  readonly resources: readonly string[];
  readonly verbs: readonly string[];
}

/** Groups the flat cells by subject → resource → verb, keeping the engine's order on each axis. */
export function buildMatrixModel(
  cells: readonly AccessMatrixCell[],
  playAs: (subject: string) => PlayAs | undefined,
): MatrixModel {
  const subjects = new Map<string, Map<string, Map<string, AccessMatrixCell>>>();
  const resources: string[] = [];
  const verbs: string[] = [];
  for (const cell of cells) {
    let bySubject = subjects.get(cell.subject);
    if (bySubject === undefined) {
      bySubject = new Map();
      subjects.set(cell.subject, bySubject);
    }
    let byResource = bySubject.get(cell.resource);
    if (byResource === undefined) {
      byResource = new Map();
      bySubject.set(cell.resource, byResource);
    }
    byResource.set(cell.verb, cell);
    if (!resources.includes(cell.resource)) resources.push(cell.resource);
    if (!verbs.includes(cell.verb)) verbs.push(cell.verb);
  }
  return {
    subjects: [...subjects.entries()].map(([subject, byResource]) => {
      let allowedCount = 0;
      for (const row of byResource.values())
        for (const cell of row.values()) if (cell.allowed) allowedCount++;
      const play = playAs(subject);
      return { subject, allowedCount, cells: byResource, ...(play === undefined ? {} : { playAs: play }) };
    }),
    resources,
    verbs,
  };
}

/** Verbs played as a real request; the others are asked with `kubectl auth can-i`. */
export const REAL_REQUEST_VERBS: ReadonlySet<string> = new Set(['get', 'list', 'delete', 'patch']);

/** The object name used when the namespace holds none of that resource: the request then ends in 404 after authorization. */
export const PLACEHOLDER_NAME = 'example';

/**
 * The command a cell plays, chosen so that authorization decides it exactly as the cell says
 * and the world does not change:
 * - `list`: `kubectl get <resource> -n <ns>`;
 * - `get`: `kubectl get <resource> <name> -n <ns>` (a stored object's name, else `example`: allowed
 *   then ends in 404 at storage, denied stops at authorization);
 * - `delete` and `patch`: the real request with `--dry-run=server`, which runs the whole pipeline
 *   but never writes to etcd;
 * - `watch`, `create`, `update`, `deletecollection` need a stream, a body or a verb kubectl does
 *   not send on its own, so they are asked as `kubectl auth can-i <verb> <resource> -n <ns>`, a
 *   SelfSubjectAccessReview the same authorizer chain answers (it needs `create` on
 *   selfsubjectaccessreviews, which real clusters grant everyone through system:basic-user).
 * A subject played through impersonation gets `--as=<subject>`.
 */
export function commandForCell(
  cell: Pick<AccessMatrixCell, 'verb' | 'resource' | 'subject'>,
  namespace: string,
  playAs: PlayAs,
  objectName: string = PLACEHOLDER_NAME,
): string {
  const as = playAs.kind === 'impersonate' ? ` --as=${cell.subject}` : '';
  const { verb, resource } = cell;
  const ns = `-n ${namespace}`;
  let base: string;
  if (verb === 'list') base = `kubectl get ${resource} ${ns}`;
  else if (verb === 'get') base = `kubectl get ${resource} ${objectName} ${ns}`;
  else if (verb === 'delete') base = `kubectl delete ${resource} ${objectName} ${ns} --dry-run=server`;
  else if (verb === 'patch')
    base = `kubectl patch ${resource} ${objectName} ${ns} --type=merge -p {} --dry-run=server`;
  else base = `kubectl auth can-i ${verb} ${resource} ${ns}`;
  return `${base}${as}`;
}

/** `RoleBinding default/alice-manages-pods → Role pod-manager`, for a cell's tooltip. */
export function viaText(via: RbacMatch | undefined): string | undefined {
  if (via === undefined) return undefined;
  const ref = (r: RbacMatch['binding']) =>
    r.namespace ? `${r.kind} ${r.namespace}/${r.name}` : `${r.kind} ${r.name}`;
  return `${ref(via.binding)} → ${ref(via.role)}`;
}
