/** The metav1.Status body every error response carries. */

/**
 * A metav1.Status body (apimachinery pkg/apis/meta/v1/types.go), the shape of every error response.
 */
export interface Status {
  readonly kind: 'Status';
  readonly apiVersion: 'v1';
  readonly metadata: Record<string, never>;
  readonly status: 'Success' | 'Failure';
  readonly message?: string;
  readonly reason?: StatusReason;
  readonly details?: StatusDetails;
  readonly code: number;
}

export type StatusReason =
  | 'Unauthorized'
  | 'Forbidden'
  | 'NotFound'
  | 'AlreadyExists'
  | 'Conflict'
  | 'Invalid'
  | 'BadRequest'
  | 'MethodNotAllowed'
  | 'NotAcceptable'
  | 'UnsupportedMediaType'
  | 'RequestEntityTooLarge'
  | 'InternalError';

export interface StatusDetails {
  readonly name?: string;
  readonly group?: string;
  readonly kind?: string;
  readonly uid?: string;
  readonly causes?: readonly StatusCause[];
}

/** metav1.StatusCause; `reason` (the Go field Type) and `field` are omitempty. */
export interface StatusCause {
  /** e.g. `FieldValueRequired`, `FieldValueInvalid`. */
  readonly reason?: string;
  readonly message: string;
  readonly field?: string;
}
