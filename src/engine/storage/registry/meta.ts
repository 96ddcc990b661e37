/** ObjectMeta as the store writes it: Go's field order, metav1.Time, metadata.managedFields. */
import { apiVersionOf, type ResourceType } from '../../resources';
import type { KubeObject, ObjectMeta } from '../../types';
import { changedFieldSet, type ManagedFieldsEntry, updateManagedFields } from '../patch/managed-fields';
import type { ManagerWrite } from './result';

/** metadata.managedFields after a write of `next` over `previous` (undefined on create). */
export function withManagedFields(
  type: ResourceType,
  previous: KubeObject | undefined,
  next: KubeObject,
  meta: ObjectMeta,
  manager: ManagerWrite | undefined,
): ObjectMeta {
  if (manager === undefined) return meta;
  const sent = Array.isArray(meta.managedFields) ? (meta.managedFields as ManagedFieldsEntry[]) : [];
  const live = Array.isArray(previous?.metadata?.managedFields)
    ? (previous?.metadata?.managedFields as ManagedFieldsEntry[])
    : [];
  // An update that sends no managedFields keeps the stored ones (managedfields: "if the new object
  // has none, copy the live ones").
  const entries = sent.length > 0 ? sent : live;
  const owned = manager.applied ?? changedFieldSet(previous, next);
  const managedFields = updateManagedFields(entries, {
    manager: manager.manager,
    operation: manager.operation,
    apiVersion: apiVersionOf(type),
    time: manager.time,
    owned,
  });
  const out: ObjectMeta = { ...meta };
  if (managedFields.length > 0) out.managedFields = managedFields;
  else delete out.managedFields;
  return out;
}

/** RFC 3339 with seconds precision, as metav1.Time marshals. */
export function rfc3339(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

const META_ORDER = [
  'name',
  'generateName',
  'namespace',
  'selfLink',
  'uid',
  'resourceVersion',
  'generation',
  'creationTimestamp',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
  'labels',
  'annotations',
  'ownerReferences',
  'finalizers',
  'managedFields',
];

/** ObjectMeta's fields in the order Go's encoder writes them (apimachinery meta/v1 types.go). */
function orderMeta(meta: ObjectMeta): ObjectMeta {
  const out: ObjectMeta = {};
  for (const key of META_ORDER) if (meta[key] !== undefined) out[key] = meta[key];
  for (const [key, value] of Object.entries(meta)) if (!META_ORDER.includes(key)) out[key] = value;
  return out;
}

/** apiVersion, kind, metadata first, as the apiserver's JSON has them. */
export function shape(type: ResourceType, object: KubeObject, meta: ObjectMeta): KubeObject {
  const { apiVersion: _a, kind: _k, metadata: _m, ...rest } = object;
  return { apiVersion: apiVersionOf(type), kind: type.kind, metadata: orderMeta(meta), ...rest };
}
