import type { EngineMessage } from './types';

/**
 * English templates for the engine's explanations. Stages return an EngineMessage (id + values)
 * and its English rendering; the UI's message catalog includes these templates, so a translation
 * replaces them without touching the engine. `{name}` is replaced by `values.name`.
 *
 * Kubernetes' own messages (Status.message) are never translated: the real server sends English.
 */
export const ENGINE_MESSAGES_EN = {
  'authn.authenticated': 'Authenticated as "{username}" by the {authenticator} authenticator.',
  'authn.rejected': 'The {authenticator} authenticator recognised the credential and rejected it: {reason}',
  'authn.impersonating':
    'Authenticated as "{requestor}", who may impersonate: the request now runs as "{username}".',
  'authz.impersonationRefused': '"{requestor}" may not impersonate {target}: {reason}',
  'authn.anonymousDisabled': 'No authenticator recognised the request and anonymous access is disabled.',
  'authz.escalationForbidden': 'The RBAC storage refused the write: {reason}',
  'authz.escalationAllowed': 'Escalation check passed ({why}); the write goes on to etcd.',
  'review.answered': 'A {kind} is answered by the authorizer and never stored: nothing was written to etcd.',
  'review.validatedByStorage': 'A {kind} is checked by its own REST storage, not by object validation.',
  'authz.allowed': '{authorizer} allowed {verb} on {target}: {reason}',
  'authz.denied': '{authorizer} denied {verb} on {target}: {reason}',
  'authz.noOpinion': 'No authorizer allowed {verb} on {target}, so the request is forbidden.',
  'authz.skippedAfterAuthn': 'Not reached: the request was not authenticated.',
  'authz.noOpinionWithReason':
    'No authorizer allowed {verb} on {target}, so the request is forbidden. The authorizers said: {reason}',
  'decoding.decoded': 'Decoded the {contentType} body as {kind} "{name}".',
  'decoding.failed': 'The body could not be decoded: {reason}',
  'decoding.noBody': 'This request carries no body to decode.',
  'decoding.decodedWithoutSchema':
    'Decoded the {contentType} body as {kind} "{name}". Unknown fields and JSON types were not checked: the OpenAPI schemas are still loading.',
  'decoding.decodedStrictErrors':
    'Decoded the {contentType} body as {kind} "{name}"; {count} unknown or duplicate field(s) found, handled as fieldValidation={fieldValidation}.',
  'admission.mutatedReinvoked':
    '{count} step(s) changed the object: {plugins}. A webhook or policy changed it, so the in-tree plugins and IfNeeded hooks ran a second time.',
  'admission.rejectedWebhook': 'Admission webhook {plugin} rejected the request: {reason}',
  'admission.rejectedPolicy': '{plugin} rejected the request: {reason}',
  'admission.admittedWithWarnings': 'Every validating step admitted the request, with {count} warning(s).',
  'admission.celNotLoaded':
    '{count} admission polic(ies) were not evaluated: the CEL interpreter is still loading.',
  'validation.passedWithoutSchema':
    'The {kind} passed the modelled checks. The OpenAPI schema checks (required fields) did not run: the schemas are still loading.',
  'admission.readSkip':
    'Admission only runs for create, update, patch, delete and connect; {verb} is a read.',
  'admission.mutated': '{count} plugin(s) changed the object: {plugins}.',
  'admission.unchanged': 'The mutating plugins ran and changed nothing.',
  'admission.rejected': '{plugin} rejected the request: {reason}',
  'admission.admitted': 'Every validating plugin admitted the request.',
  'validation.passed': 'The {kind} is valid.',
  'validation.failed': '{count} field(s) failed validation.',
  'validation.notApplicable': 'Object validation only runs on create and update.',
  'validation.afterPrecondition':
    "Not run: an update's resourceVersion is checked inside storage before validation, and it was stale.",
  'storage.created': 'Wrote {key} at revision {revision}.',
  'storage.read': 'Read {key} at revision {revision}.',
  'storage.listed': 'Listed {count} object(s) under {key} at revision {revision}.',
  'storage.deleted': 'Deleted {key} at revision {revision}.',
  'storage.updated': 'Updated {key} at revision {revision}.',
  'storage.failed': 'Storage refused the operation: {reason}',
  'storage.dryRun':
    'Dry run: the {operation} of {key} passed every check but nothing was written (etcd stays at revision {revision}).',
  'storage.unchanged':
    'The update changed nothing, so nothing was written; {key} stays at revision {revision}.',
  'storage.deletionPending':
    'Marked {key} for deletion at revision {revision}: it stays until its kubelet or finalizers finish (not simulated).',
  'storage.notSimulated': 'The {verb} verb is not simulated yet: nothing was read from or written to etcd.',
  'decoding.patchNotSimulated': 'PATCH bodies ({contentType}) are not simulated yet.',
  'admission.noPlugins': 'No admission plugin is enabled, so nothing changed.',
  'admission.nothingToValidate': 'No enabled plugin validates this request, so it is admitted.',
  'decoding.patched':
    'Applied the {patchType} patch to the stored {kind} "{name}" (resourceVersion {resourceVersion}); the result goes on as an update.',
  'decoding.applyCreates':
    'Server-side apply found no {kind} "{name}", so the applied configuration becomes a new object (a create).',
  'decoding.patchFailed': 'The {patchType} patch could not be applied: {reason}',
  'decoding.subresource': 'The {subresource} subresource takes a {kind} body: {detail}',
  'admission.subresourceSimplified':
    'Admission for the {subresource} subresource is not simulated: the enabled plugins (NamespaceLifecycle, ServiceAccount) only act on the main resources here.',
  'storage.watched':
    'Watched {key} from revision {since}: {count} event(s) up to revision {revision}. The simulator closes the watch at once; subscribe to the store for live events.',
  'storage.deletedCollection': 'Deleted {count} object(s) under {key}; etcd is at revision {revision}.',
  'storage.namespaceTerminating':
    'Namespace "{name}" is now Terminating (deletionTimestamp set, revision {revision}). Its contents and the namespace go when the namespace controller runs (cluster.runNamespaceController()).',
  'storage.scaleRead':
    'Read {key} at revision {revision} and answered its replicas as an autoscaling/v1 Scale.',
  'storage.scaled': 'Set spec.replicas of {key} to {replicas} at revision {revision}.',
  'storage.statusUpdated':
    'Updated only the status of {key} at revision {revision} (spec changes are ignored on /status).',
  'storage.podLog':
    'Read pod {name} from {key}; the log itself comes from the kubelet, which the simulator does not run.',
  'storage.streamingNotSimulated':
    'The {subresource} subresource needs a streaming (WebSocket/SPDY) connection through the kubelet; the simulator does not open one.',
  'stage.notReached': 'Not reached: an earlier stage ended the request.',
  'stage.nonResource': '{path} is not a resource, so there is nothing to decode, admit or validate.',
  'stage.nonResourceStorage': 'The server answered {path} itself; etcd was not involved.',
  'stage.unknownResource': 'The server has no resource "{resource}" in that group and version.',
} as const;

export type EngineMessageId = keyof typeof ENGINE_MESSAGES_EN;

/**
 * A template split at its placeholders: literal text at even indexes, placeholder names at odd
 * ones. Every request formats a dozen summaries from a few hundred templates, so each is split once.
 */
const SPLIT_TEMPLATES = new Map<string, readonly string[]>();

function splitTemplate(template: string): readonly string[] {
  let parts = SPLIT_TEMPLATES.get(template);
  if (parts === undefined) {
    // split with a capturing group keeps the captured names at the odd indexes.
    parts = template.split(/\{(\w+)\}/);
    // Catalogs are finite, but translated or user-supplied templates need not be: bound the cache.
    if (SPLIT_TEMPLATES.size < 2000) SPLIT_TEMPLATES.set(template, parts);
  }
  return parts;
}

/** Replaces `{name}` placeholders; unknown placeholders are left as they are. */
export function formatTemplate(
  template: string,
  values: Readonly<Record<string, string | number>> = {},
): string {
  // Most summaries have no placeholder.
  if (!template.includes('{')) return template;
  const parts = splitTemplate(template);
  let out = parts[0] as string;
  for (let i = 1; i < parts.length; i += 2) {
    const key = parts[i] as string;
    out += Object.hasOwn(values, key) ? String(values[key]) : `{${key}}`;
    out += parts[i + 1] as string;
  }
  return out;
}

/** An EngineMessage and its English text, as stages return them. */
export function engineMessage(
  id: EngineMessageId,
  values: Readonly<Record<string, string | number>> = {},
): { message: EngineMessage; summary: string } {
  return { message: { id, values }, summary: formatTemplate(ENGINE_MESSAGES_EN[id], values) };
}
