import { selectorMatches } from '../labels/selector';
import type { KubeObject, ObjectReader } from '../types';
import { asObj, getObject, objArray, str } from './common';
import type { AdmissionAttributes } from './plugin';

/**
 * The matching that webhooks and admission policies share: RuleWithOperations
 * (staging/src/k8s.io/apiserver/pkg/admission/plugin/webhook/predicates/rules/rules.go),
 * namespaceSelector and objectSelector (predicates/namespace, predicates/object) and
 * metav1.LabelSelector semantics.
 */

function listMatches(list: unknown, value: string): boolean {
  const items = Array.isArray(list) ? list.map(String) : [];
  return items.includes('*') || items.includes(value);
}

/** rules.go Matcher.resource: star, star-slash-star, pods/star, star/scale, pods, pods/log. */
function resourceMatches(resources: unknown, resource: string, subresource: string): boolean {
  const items = Array.isArray(resources) ? resources.map(String) : [];
  const full = subresource === '' ? resource : `${resource}/${subresource}`;
  return items.some((r) => {
    if (r === '*/*' || r === full) return true;
    const [res = '', sub] = r.split('/');
    if (sub === undefined) return r === '*' && subresource === '';
    if (res === '*' && sub === subresource) return true;
    return res === resource && sub === '*' && subresource !== '';
  });
}

/** One RuleWithOperations against the request. */
export function ruleMatches(rule: unknown, attrs: AdmissionAttributes): boolean {
  const r = asObj(rule);
  if (!listMatches(r.operations, attrs.operation)) return false;
  if (!listMatches(r.apiGroups, attrs.type.group)) return false;
  if (!listMatches(r.apiVersions, attrs.type.version)) return false;
  if (!resourceMatches(r.resources, attrs.type.resource, attrs.info.subresource)) return false;
  const scope = str(r.scope) || '*';
  const namespaced = attrs.type.namespaced;
  if (scope === 'Cluster' && namespaced) return false;
  if (scope === 'Namespaced' && !namespaced) return false;
  return true;
}

export function rulesMatch(rules: unknown, attrs: AdmissionAttributes): boolean {
  return objArray(rules).some((r) => ruleMatches(r, attrs));
}

/** The request's namespace object, or the Namespace being written itself. */
export function namespaceObjectOf(attrs: AdmissionAttributes, objects: ObjectReader): KubeObject | undefined {
  if (attrs.info.namespace === '') return undefined;
  return getObject(objects, 'namespaces', '', attrs.info.namespace);
}

/**
 * namespaceSelector: cluster-scoped requests always match (except Namespaces, matched on their own
 * labels); namespaced ones on their namespace's labels.
 */
export function namespaceSelectorMatches(
  selector: unknown,
  attrs: AdmissionAttributes,
  objects: ObjectReader,
): boolean {
  if (attrs.type.group === '' && attrs.type.resource === 'namespaces') {
    return selectorMatches(selector, (attrs.object ?? attrs.oldObject)?.metadata?.labels);
  }
  if (!attrs.type.namespaced) return true;
  return selectorMatches(selector, namespaceObjectOf(attrs, objects)?.metadata?.labels);
}

/** objectSelector: matches if the new or the old object matches. */
export function objectSelectorMatches(selector: unknown, attrs: AdmissionAttributes): boolean {
  if (selector === undefined || selector === null) return true;
  return [attrs.object, attrs.oldObject].some(
    (o) => o !== undefined && selectorMatches(selector, o.metadata?.labels),
  );
}
