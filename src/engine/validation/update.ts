import type { ResourceType } from '../resources';
import type { FieldError } from '../responses/status';
import type { KubeObject } from '../types';
import { forbiddenField, invalidValue } from './field';

/**
 * Update-only rules: fields that may not change once set.
 * ValidateObjectMetaUpdate (staging/src/k8s.io/apimachinery/pkg/api/validation/objectmeta.go,
 * ValidateImmutableField → `field is immutable`), ValidatePodUpdate, ValidateConfigMapUpdate and
 * ValidateSecretUpdate (pkg/apis/core/validation/validation.go).
 */

type Obj = Record<string, unknown>;

function asObj(value: unknown): Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Obj) : {};
}

const FIELD_IMMUTABLE = 'field is immutable';

function immutable(field: string, next: unknown, old: unknown): FieldError[] {
  if (JSON.stringify(next ?? null) === JSON.stringify(old ?? null)) return [];
  return [invalidValue(field, next ?? '', FIELD_IMMUTABLE)];
}

/** The pod spec fields a pod update may change (ValidatePodUpdate, 1.31). */
const POD_UPDATE_FORBIDDEN =
  'pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)';

function maskPodSpec(specValue: unknown): Obj {
  const spec = JSON.parse(JSON.stringify(asObj(specValue))) as Obj;
  for (const key of ['containers', 'initContainers']) {
    if (Array.isArray(spec[key]))
      for (const c of spec[key] as Obj[]) if (typeof c === 'object' && c !== null) delete c.image;
  }
  delete spec.activeDeadlineSeconds;
  delete spec.tolerations;
  delete spec.terminationGracePeriodSeconds;
  return spec;
}

export function validateUpdate(type: ResourceType, object: KubeObject, old: KubeObject): FieldError[] {
  const errs: FieldError[] = [];
  const meta = object.metadata ?? {};
  const oldMeta = old.metadata ?? {};
  errs.push(...immutable('metadata.name', meta.name, oldMeta.name));
  if (type.namespaced) errs.push(...immutable('metadata.namespace', meta.namespace, oldMeta.namespace));
  if (meta.uid !== undefined && meta.uid !== '')
    errs.push(...immutable('metadata.uid', meta.uid, oldMeta.uid));
  const key = `${type.group}/${type.kind}`;
  if (key === '/Pod' && JSON.stringify(maskPodSpec(object.spec)) !== JSON.stringify(maskPodSpec(old.spec))) {
    // The real message goes on with a diff of the two specs (cmp.Diff), not reproduced here.
    errs.push(forbiddenField('spec', POD_UPDATE_FORBIDDEN));
  }
  if ((key === '/ConfigMap' || key === '/Secret') && old.immutable === true) {
    if (JSON.stringify(object.data ?? null) !== JSON.stringify(old.data ?? null))
      errs.push(forbiddenField('data', 'field is immutable when `immutable` is set'));
    if (
      key === '/ConfigMap' &&
      JSON.stringify(object.binaryData ?? null) !== JSON.stringify(old.binaryData ?? null)
    )
      errs.push(forbiddenField('binaryData', 'field is immutable when `immutable` is set'));
    if (object.immutable !== true)
      errs.push(forbiddenField('immutable', 'field is immutable when `immutable` is set'));
  }
  if (key === '/Secret') errs.push(...immutable('type', object.type, old.type));
  return errs;
}
