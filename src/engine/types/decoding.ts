/** What the decoding stage records. */
import type { KubeObject } from './objects';

export interface DecodingDetails {
  readonly contentType: string;
  readonly object?: KubeObject;
  /** `fieldValidation` in force: the query parameter, else the server default `Warn`. */
  readonly fieldValidation?: FieldValidation;
  /** Unknown and duplicate fields found (`unknown field "spec.x"`), whatever the directive did with them. */
  readonly strictErrors?: readonly string[];
  /** False when the OpenAPI schemas were still loading: unknown fields and types were not checked. */
  readonly schemaChecked?: boolean;
  /** For a PATCH: the patch type and the live object it was applied to (endpoints/handlers/patch.go). */
  readonly patch?: PatchDetails;
}

/** How a PATCH body became the object that goes on to admission. */
export interface PatchDetails {
  /** `json`, `merge`, `strategic` or `apply` (types.PatchType without the media type). */
  readonly patchType: 'json' | 'merge' | 'strategic' | 'apply';
  /** The stored object the patch was applied to; absent when server-side apply creates the object. */
  readonly live?: KubeObject;
  /** The field manager recorded in metadata.managedFields. */
  readonly fieldManager: string;
}

/** metav1.FieldValidation directives (`?fieldValidation=`). */
export type FieldValidation = 'Strict' | 'Warn' | 'Ignore';
