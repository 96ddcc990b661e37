import type { Status, StatusCause, StatusDetails, StatusReason } from '../types';

/**
 * metav1.Status builders, word for word as in
 * staging/src/k8s.io/apimachinery/pkg/api/errors/errors.go.
 */

/** schema.GroupResource.String(): `pods`, `deployments.apps`. */
export function groupResourceString(group: string, resource: string): string {
  return group === '' ? resource : `${resource}.${group}`;
}

/** schema.GroupKind.String(): `Pod`, `Deployment.apps`. */
export function groupKindString(group: string, kind: string): string {
  return group === '' ? kind : `${kind}.${group}`;
}

function failure(code: number, reason: StatusReason, message: string, details?: StatusDetails): Status {
  // Field order matches the JSON the apiserver writes.
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason,
    ...(details === undefined ? {} : { details: compactDetails(details) }),
    code,
  };
}

/** StatusDetails fields are `omitempty`. */
function compactDetails(details: StatusDetails): StatusDetails {
  const out: { -readonly [K in keyof StatusDetails]: StatusDetails[K] } = {};
  if (details.name) out.name = details.name;
  if (details.group) out.group = details.group;
  if (details.kind) out.kind = details.kind;
  if (details.uid) out.uid = details.uid;
  if (details.causes && details.causes.length > 0) out.causes = details.causes;
  return out;
}

/** NewUnauthorized: the authentication filter sends it with the reason "Unauthorized". */
export function unauthorized(message = 'Unauthorized'): Status {
  return failure(401, 'Unauthorized', message === '' ? 'not authorized' : message);
}

/** NewForbidden(qualifiedResource, name, err). */
export function forbidden(group: string, resource: string, name: string, errText: string): Status {
  let message: string;
  if (group === '' && resource === '') message = `forbidden: ${errText}`;
  else if (name === '') message = `${groupResourceString(group, resource)} is forbidden: ${errText}`;
  else message = `${groupResourceString(group, resource)} ${JSON.stringify(name)} is forbidden: ${errText}`;
  return failure(403, 'Forbidden', message, { name, group, kind: resource });
}

/** NewNotFound(qualifiedResource, name). */
export function notFound(group: string, resource: string, name: string): Status {
  return failure(
    404,
    'NotFound',
    `${groupResourceString(group, resource)} ${JSON.stringify(name)} not found`,
    {
      name,
      group,
      kind: resource,
    },
  );
}

/** NewAlreadyExists(qualifiedResource, name). */
export function alreadyExists(group: string, resource: string, name: string): Status {
  return failure(
    409,
    'AlreadyExists',
    `${groupResourceString(group, resource)} ${JSON.stringify(name)} already exists`,
    { name, group, kind: resource },
  );
}

/** NewConflict(qualifiedResource, name, err). */
export function conflict(group: string, resource: string, name: string, errText: string): Status {
  return failure(
    409,
    'Conflict',
    `Operation cannot be fulfilled on ${groupResourceString(group, resource)} ${JSON.stringify(name)}: ${errText}`,
    { name, group, kind: resource },
  );
}

/** A field.Error as the apiserver renders it: `spec.containers[0].image: Required value`. */
export interface FieldError {
  /** field.ErrorType's JSON form, e.g. `FieldValueRequired`. */
  readonly type: string;
  readonly field: string;
  /** ErrorBody(): `Required value`, `Invalid value: "x": detail`. */
  readonly body: string;
}

export function fieldErrorText(err: FieldError): string {
  return `${err.field}: ${err.body}`;
}

/** NewInvalid(qualifiedKind, name, errs): one error stands alone, several are joined as `[a, b]`. */
export function invalid(group: string, kind: string, name: string, errors: readonly FieldError[]): Status {
  const causes: StatusCause[] = errors.map((e) => ({ reason: e.type, message: e.body, field: e.field }));
  const prefix = `${groupKindString(group, kind)} ${JSON.stringify(name)} is invalid`;
  let message = prefix;
  if (errors.length === 1 && errors[0]) message = `${prefix}: ${fieldErrorText(errors[0])}`;
  else if (errors.length > 1) message = `${prefix}: [${errors.map(fieldErrorText).join(', ')}]`;
  return failure(422, 'Invalid', message, { name, group, kind, causes });
}

/** NewBadRequest(reason). */
export function badRequest(message: string): Status {
  return failure(400, 'BadRequest', message);
}

/** NewMethodNotSupported(qualifiedResource, action). */
export function methodNotSupported(group: string, resource: string, action: string): Status {
  return failure(
    405,
    'MethodNotAllowed',
    `${action} is not supported on resources of kind ${JSON.stringify(groupResourceString(group, resource))}`,
    { group, kind: resource },
  );
}

/** A plain 404 for paths no handler serves (the apiserver's NotFound handler). */
export function pathNotFound(): Status {
  return failure(404, 'NotFound', 'the server could not find the requested resource');
}

/** NewInternalError(err). */
export function internalError(errText: string): Status {
  return failure(500, 'InternalError', `Internal error occurred: ${errText}`, {
    causes: [{ message: errText }],
  });
}

/** A successful delete of an object returns the object; a Status{Success} is used for some deletes. */
export function success(details?: StatusDetails): Status {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Success',
    ...(details === undefined ? {} : { details: compactDetails(details) }),
    code: 200,
  };
}

/** HTTP reason phrases for the status line. */
export const HTTP_REASON: Readonly<Record<number, string>> = {
  200: 'OK',
  201: 'Created',
  202: 'Accepted',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Request Entity Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  500: 'Internal Server Error',
};

export function isStatus(body: unknown): body is Status {
  return typeof body === 'object' && body !== null && (body as { kind?: unknown }).kind === 'Status';
}
