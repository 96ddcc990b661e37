import type { AuthorizationDetails, ObjectRef, PolicyRule, RbacLack, Trace, UserInfo } from '../../engine';
import type { RbacRow, RuleRow } from './rbac-model';

/**
 * Which line of the RBAC table explains the active request: the binding → role → rule that
 * allowed it, or, on a refusal, the closest near miss. Pure, so the table and the tests agree.
 */
export interface RbacHighlight {
  /** `allowed`: this rule allowed the request; `nearMiss`: the closest rule, which lacked `lacks`. */
  readonly kind: 'allowed' | 'nearMiss';
  readonly binding: ObjectRef;
  readonly role: ObjectRef;
  readonly ruleIndex: number;
  readonly rule: PolicyRule;
  readonly aggregatedFrom?: ObjectRef;
  /** Empty for `allowed`. */
  readonly lacks: readonly RbacLack[];
  /** Who asked: narrows a binding with several subjects to the one(s) that are this user. */
  readonly user?: UserInfo;
}

/** What one table row shows of the highlight; `ruleIndex` is undefined when no listed rule is it. */
export interface RowHighlight {
  readonly kind: RbacHighlight['kind'];
  readonly ruleIndex: number | undefined;
  readonly lacks: readonly RbacLack[];
}

/** The authorization stage's details in a trace, if it got that far. */
export function authorizationOf(trace: Trace | undefined): AuthorizationDetails | undefined {
  const details = trace?.stages.find((s) => s.stage === 'authorization')?.details;
  if (typeof details !== 'object' || details === null) return undefined;
  return typeof (details as { decision?: unknown }).decision === 'string'
    ? (details as AuthorizationDetails)
    : undefined;
}

/** The allowing rule of an RBAC allow, else the closest near miss of a refusal, else nothing. */
export function rbacHighlightOf(details: AuthorizationDetails | undefined): RbacHighlight | undefined {
  if (details === undefined) return undefined;
  const user = details.attributes?.user;
  const who = user === undefined ? {} : { user };
  if (details.decision === 'allow') {
    const m = details.matched;
    if (m === undefined) return undefined;
    return {
      kind: 'allowed',
      binding: m.binding,
      role: m.role,
      ruleIndex: m.ruleIndex,
      rule: m.rule,
      ...(m.aggregatedFrom === undefined ? {} : { aggregatedFrom: m.aggregatedFrom }),
      lacks: [],
      ...who,
    };
  }
  const miss = details.nearMisses?.[0];
  if (miss === undefined) return undefined;
  return {
    kind: 'nearMiss',
    binding: miss.binding,
    role: miss.role,
    ruleIndex: miss.ruleIndex,
    rule: miss.rule,
    ...(miss.aggregatedFrom === undefined ? {} : { aggregatedFrom: miss.aggregatedFrom }),
    lacks: miss.lacks,
    ...who,
  };
}

/** A binding as the table names it (`RoleBinding default/alice-manages-pods`, `ClusterRoleBinding x`). */
export function bindingLabel(ref: ObjectRef): string {
  return ref.kind === 'RoleBinding'
    ? `${ref.kind} ${ref.namespace || 'default'}/${ref.name}`
    : `${ref.kind} ${ref.name}`;
}

/** A role as the table names it (`Role pod-manager`, `ClusterRole reader`). */
export function roleLabel(ref: ObjectRef): string {
  return `${ref.kind} ${ref.name}`;
}

/** The table's subject strings this user answers to: the user, its groups, its service account. */
export function subjectsOf(user: UserInfo): Set<string> {
  const subjects = new Set([`User ${user.username}`, ...user.groups.map((g) => `Group ${g}`)]);
  const sa = /^system:serviceaccount:([^:]+):([^:]+)$/.exec(user.username);
  if (sa !== null) subjects.add(`ServiceAccount ${sa[1]}/${sa[2]}`);
  return subjects;
}

const same = (a: readonly string[] | undefined, b: readonly string[] | undefined) => {
  const x = a ?? [];
  const y = b ?? [];
  return x.length === y.length && x.every((v, i) => v === y[i]);
};
const sameRule = (row: RuleRow, rule: PolicyRule) =>
  same(row.verbs, rule.verbs) && same(row.resources, rule.resources) && same(row.apiGroups, rule.apiGroups);

/**
 * Which of a row's listed rules is the highlighted one: the rule at `ruleIndex` when it is still
 * that rule; else (the text was edited since, or the role is aggregated) the first equal rule.
 */
export function ruleIndexIn(rules: readonly RuleRow[] | undefined, h: RbacHighlight): number | undefined {
  if (rules === undefined) return undefined;
  const atIndex = rules[h.ruleIndex];
  if (h.aggregatedFrom === undefined && atIndex !== undefined && sameRule(atIndex, h.rule))
    return h.ruleIndex;
  const found = rules.findIndex((r) => sameRule(r, h.rule));
  return found === -1 ? undefined : found;
}

/**
 * The table rows to mark, by index: the rows of the highlight's binding and role, narrowed to the
 * subjects that are the requesting user when any is (a binding may list several subjects).
 */
export function highlightRows(
  rows: readonly RbacRow[],
  h: RbacHighlight | undefined,
): ReadonlyMap<number, RowHighlight> {
  const marks = new Map<number, RowHighlight>();
  if (h === undefined) return marks;
  const binding = bindingLabel(h.binding);
  const role = roleLabel(h.role);
  const candidates = rows
    .map((row, index) => ({ row, index }))
    .filter(({ row }) => row.binding === binding && row.role === role);
  const subjects = h.user === undefined ? undefined : subjectsOf(h.user);
  const own = subjects === undefined ? [] : candidates.filter(({ row }) => subjects.has(row.subject));
  for (const { row, index } of own.length > 0 ? own : candidates)
    marks.set(index, { kind: h.kind, ruleIndex: ruleIndexIn(row.rules, h), lacks: h.lacks });
  return marks;
}
