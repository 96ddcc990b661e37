import { alignColumns } from '../responses/kubectl-output';

interface ReviewRule {
  readonly verbs?: readonly string[];
  readonly apiGroups?: readonly string[];
  readonly resources?: readonly string[];
  readonly resourceNames?: readonly string[];
  readonly nonResourceURLs?: readonly string[];
}

/** Go's `%v` of a string slice: `[a b]`. */
const goSlice = (values: readonly string[]) => `[${values.join(' ')}]`;

/**
 * `kubectl auth can-i --list` (staging/src/k8s.io/kubectl/pkg/cmd/auth/cani.go printStatus): each
 * rule is broken down to one group, resource and name (rbacutil.BreakdownRule), rules that differ
 * only in verbs are merged (CompactRules), then printed as Resources / Non-Resource URLs /
 * Resource Names / Verbs. Simplified: rows are sorted by their printed columns, which approximates
 * rbacutil.SortableRuleSlice.
 */
export function renderRulesReview(status: {
  resourceRules?: readonly ReviewRule[];
  nonResourceRules?: readonly ReviewRule[];
  incomplete?: boolean;
  evaluationError?: string;
}): string {
  const merged = new Map<string, { cells: [string, string, string]; verbs: string[] }>();
  const add = (cells: [string, string, string], verbs: readonly string[]) => {
    const key = cells.join('\u0000');
    const entry = merged.get(key) ?? { cells, verbs: [] };
    for (const verb of verbs) if (!entry.verbs.includes(verb)) entry.verbs.push(verb);
    merged.set(key, entry);
  };
  for (const rule of status.resourceRules ?? []) {
    for (const group of rule.apiGroups?.length ? rule.apiGroups : ['']) {
      for (const resource of rule.resources ?? []) {
        const qualified = group === '' ? resource : `${resource}.${group}`;
        const names = rule.resourceNames?.length ? rule.resourceNames.map((n) => [n]) : [[]];
        for (const name of names) add([qualified, '[]', goSlice(name)], rule.verbs ?? []);
      }
    }
  }
  for (const rule of status.nonResourceRules ?? []) {
    for (const url of rule.nonResourceURLs ?? []) add(['', goSlice([url]), '[]'], rule.verbs ?? []);
  }
  const rows = [...merged.values()]
    .map(({ cells, verbs }) => [...cells, goSlice(verbs)])
    .sort((a, b) => a.join('\t').localeCompare(b.join('\t')));
  const warning =
    status.incomplete === true
      ? `warning: the list may be incomplete: ${status.evaluationError ?? ''}\n`
      : '';
  return `${warning}${alignColumns([['Resources', 'Non-Resource URLs', 'Resource Names', 'Verbs'], ...rows])}`;
}
