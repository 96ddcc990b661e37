/**
 * The four PATCH content types the apiserver accepts for built-in resources
 * (staging/src/k8s.io/apiserver/pkg/endpoints/handlers/patch.go), applied to plain JSON objects.
 */
export { applyJsonPatch, type PatchResult } from './json-patch';
export {
  type ApplyConflict,
  conflictMessage,
  type FieldSet,
  fieldSetOf,
  findApplyConflicts,
  type ManagedFieldsEntry,
  managerOrUserAgent,
  printManager,
} from './managed-fields';
export { applyMergePatch, createMergePatch } from './merge-patch';
export {
  applyStrategicMergePatch,
  createThreeWayMergePatch,
  createTwoWayMergePatch,
  listStrategy,
} from './strategic-merge';

export type PatchType = 'json' | 'merge' | 'strategic' | 'apply';

/** types.PatchType by media type (k8s.io/apimachinery/pkg/types/patch.go). */
export const PATCH_TYPE_OF_MEDIA_TYPE: Readonly<Record<string, PatchType>> = {
  'application/json-patch+json': 'json',
  'application/merge-patch+json': 'merge',
  'application/strategic-merge-patch+json': 'strategic',
  'application/apply-patch+yaml': 'apply',
};
