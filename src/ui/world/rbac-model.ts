import { isMap, isSeq, parseDocument } from 'yaml';
import { joinDocuments, splitDocuments } from '../../scenarios/sources';
import { parseManifests } from '../../scenarios/yaml-safe';

export interface RuleRow {
  readonly verbs: readonly string[];
  readonly resources: readonly string[];
  readonly apiGroups: readonly string[];
}

/** One line of the readable RBAC table: subject → binding → role → rules. */
export interface RbacRow {
  readonly subject: string;
  readonly binding: string;
  /** `Role default/pod-manager` or `ClusterRole reader`. */
  readonly role: string;
  /** Where the grant applies: a namespace, or undefined for cluster-wide. */
  readonly namespace: string | undefined;
  /** Undefined when the referenced role does not exist. */
  readonly rules: readonly RuleRow[] | undefined;
}

export interface RoleRef {
  readonly kind: 'Role' | 'ClusterRole';
  readonly name: string;
  readonly namespace?: string;
}

type Json = Record<string, unknown>;
const str = (v: unknown) => (typeof v === 'string' ? v : '');
const strs = (v: unknown) => (Array.isArray(v) ? v.map(String) : []);
const meta = (o: Json) => (typeof o.metadata === 'object' && o.metadata !== null ? (o.metadata as Json) : {});

function rulesOf(o: Json): RuleRow[] {
  return (Array.isArray(o.rules) ? o.rules : []).map((r: Json) => ({
    verbs: strs(r.verbs),
    resources: strs(r.resources),
    apiGroups: strs(r.apiGroups),
  }));
}

/** The RBAC text as rows; a broken text gives no rows (the editor shows why). */
export function rbacTable(text: string): { rows: RbacRow[]; roles: RoleRef[]; unbound: RoleRef[] } {
  const parsed = parseManifests(text);
  if (!parsed.ok) return { rows: [], roles: [], unbound: [] };
  const objects = parsed.value.manifests.map((m) => m.object);
  const roles: (RoleRef & { rules: RuleRow[] })[] = objects
    .filter((o) => o.kind === 'Role' || o.kind === 'ClusterRole')
    .map((o) => ({
      kind: o.kind as 'Role' | 'ClusterRole',
      name: str(meta(o).name),
      ...(o.kind === 'Role' ? { namespace: str(meta(o).namespace) || 'default' } : {}),
      rules: rulesOf(o),
    }));
  const rows: RbacRow[] = [];
  const used = new Set<string>();
  for (const b of objects.filter((o) => o.kind === 'RoleBinding' || o.kind === 'ClusterRoleBinding')) {
    const ref = (typeof b.roleRef === 'object' && b.roleRef !== null ? b.roleRef : {}) as Json;
    const namespace = b.kind === 'RoleBinding' ? str(meta(b).namespace) || 'default' : undefined;
    const role = roles.find(
      (r) =>
        r.kind === ref.kind && r.name === ref.name && (r.kind === 'ClusterRole' || r.namespace === namespace),
    );
    if (role !== undefined) used.add(`${role.kind}/${role.namespace ?? ''}/${role.name}`);
    const subjects = Array.isArray(b.subjects) ? (b.subjects as Json[]) : [];
    for (const s of subjects) {
      const subject =
        s.kind === 'ServiceAccount'
          ? `ServiceAccount ${str(s.namespace) || namespace || ''}/${str(s.name)}`
          : `${str(s.kind)} ${str(s.name)}`;
      rows.push({
        subject,
        binding: `${str(b.kind)} ${namespace === undefined ? '' : `${namespace}/`}${str(meta(b).name)}`,
        role: `${str(ref.kind)} ${str(ref.name)}`,
        namespace,
        rules: role?.rules,
      });
    }
  }
  const refs = roles.map(({ rules: _rules, ...r }) => r);
  return {
    rows,
    roles: refs,
    unbound: refs.filter((r) => !used.has(`${r.kind}/${r.namespace ?? ''}/${r.name}`)),
  };
}

/**
 * Appends a rule to one Role/ClusterRole in the RBAC text, editing only that document (the
 * others keep their comments and formatting). Returns undefined if the role is not found.
 */
export function addRule(text: string, role: RoleRef, rule: RuleRow): string | undefined {
  const chunks = splitDocuments(text);
  let changed = false;
  const next = chunks.map((chunk) => {
    if (changed) return chunk;
    const doc = parseDocument(chunk, { uniqueKeys: true });
    if (doc.errors.length > 0 || !isMap(doc.contents)) return chunk;
    const kind = doc.get('kind');
    const name = doc.getIn(['metadata', 'name']);
    const namespace = doc.getIn(['metadata', 'namespace']) ?? 'default';
    if (kind !== role.kind || name !== role.name || (role.kind === 'Role' && namespace !== role.namespace))
      return chunk;
    const newRule = doc.createNode({
      apiGroups: [...rule.apiGroups],
      resources: [...rule.resources],
      verbs: [...rule.verbs],
    });
    const rules = doc.get('rules', true);
    if (isSeq(rules)) rules.items.push(newRule);
    else doc.set('rules', doc.createNode([newRule]));
    changed = true;
    return doc.toString({ lineWidth: 0 });
  });
  return changed ? joinDocuments(next) : undefined;
}
