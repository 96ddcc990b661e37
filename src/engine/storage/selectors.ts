import type { KubeObject } from '../types';

/**
 * Label and field selectors for list requests, after
 * staging/src/k8s.io/apimachinery/pkg/labels/selector.go and pkg/fields/selector.go.
 * Supported label syntax: `k=v`, `k==v`, `k!=v`, `k in (a,b)`, `k notin (a,b)`, `k`, `!k`.
 */
export type Matcher = (object: KubeObject) => boolean;

export type SelectorResult =
  | { readonly ok: true; readonly matches: Matcher }
  | { readonly ok: false; readonly error: string };

/** Splits on commas that are not inside `( )`. */
function splitRequirements(selector: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of selector) {
    if (ch === '(') depth += 1;
    if (ch === ')') depth -= 1;
    if (ch === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}

type LabelTest = (labels: Readonly<Record<string, string>>) => boolean;

function parseRequirement(text: string): LabelTest | string {
  const setMatch = /^([^\s!=(),]+)\s+(in|notin)\s+\(([^()]*)\)$/.exec(text);
  if (setMatch) {
    const [, key = '', op, list = ''] = setMatch;
    const values = new Set(list.split(',').map((v) => v.trim()));
    return op === 'in'
      ? (labels) => Object.hasOwn(labels, key) && values.has(labels[key] as string)
      : (labels) => !Object.hasOwn(labels, key) || !values.has(labels[key] as string);
  }
  const eqMatch = /^([^\s!=(),]+)\s*(==|=|!=)\s*([^\s!=(),]*)$/.exec(text);
  if (eqMatch) {
    const [, key = '', op, value = ''] = eqMatch;
    // `!=` also matches objects without the label (labels/selector.go Requirement.Matches).
    return op === '!='
      ? (labels) => labels[key] !== value || !Object.hasOwn(labels, key)
      : (labels) => Object.hasOwn(labels, key) && labels[key] === value;
  }
  const existsMatch = /^(!?)([^\s!=(),]+)$/.exec(text);
  if (existsMatch) {
    const [, not, key = ''] = existsMatch;
    return not === '!' ? (labels) => !Object.hasOwn(labels, key) : (labels) => Object.hasOwn(labels, key);
  }
  return `unable to parse requirement: ${JSON.stringify(text)}`;
}

export function parseLabelSelector(selector: string): SelectorResult {
  const tests: LabelTest[] = [];
  for (const requirement of splitRequirements(selector)) {
    const parsed = parseRequirement(requirement);
    if (typeof parsed === 'string') return { ok: false, error: parsed };
    tests.push(parsed);
  }
  return { ok: true, matches: (object) => tests.every((t) => t(object.metadata?.labels ?? {})) };
}

/** Field selectors every resource supports (generic registry DefaultClusterScopedAttr / DefaultNamespaceScopedAttr). */
const FIELD_GETTERS: Readonly<Record<string, (o: KubeObject) => unknown>> = {
  'metadata.name': (o) => o.metadata?.name,
  'metadata.namespace': (o) => o.metadata?.namespace,
};

/** Extra fields pods can be selected on (pkg/registry/core/pod/strategy.go ToSelectableFields), the common ones. */
const POD_FIELD_GETTERS: Readonly<Record<string, (o: KubeObject) => unknown>> = {
  'spec.nodeName': (o) => (o.spec as { nodeName?: unknown } | undefined)?.nodeName,
  'spec.serviceAccountName': (o) =>
    (o.spec as { serviceAccountName?: unknown } | undefined)?.serviceAccountName,
  'status.phase': (o) => (o.status as { phase?: unknown } | undefined)?.phase,
};

/** Returns a matcher, or the name of the first unsupported field. */
export function parseFieldSelector(selector: string, isPod: boolean): SelectorResult {
  const tests: Matcher[] = [];
  for (const requirement of splitRequirements(selector)) {
    const m = /^([^\s!=]+)\s*(==|=|!=)\s*(.*)$/.exec(requirement);
    if (!m) return { ok: false, error: `invalid selector: '${selector}'; can't understand '${requirement}'` };
    const [, field = '', op, value = ''] = m;
    const getter = FIELD_GETTERS[field] ?? (isPod ? POD_FIELD_GETTERS[field] : undefined);
    if (getter === undefined) return { ok: false, error: `field label not supported: ${field}` };
    tests.push(
      op === '!=' ? (o) => String(getter(o) ?? '') !== value : (o) => String(getter(o) ?? '') === value,
    );
  }
  return { ok: true, matches: (object) => tests.every((t) => t(object)) };
}
