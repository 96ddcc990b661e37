import type { AuthorizationAttributes } from '../types';

/**
 * The text of an authorization denial, word for word as
 * staging/src/k8s.io/apiserver/pkg/endpoints/handlers/responsewriters/errors.go `forbiddenMessage`.
 */
export function forbiddenMessage(attrs: AuthorizationAttributes): string {
  const username = JSON.stringify(attrs.user.username);
  if (!attrs.isResourceRequest) {
    return `User ${username} cannot ${attrs.verb} path ${JSON.stringify(attrs.path)}`;
  }
  const resource = attrs.subresource === '' ? attrs.resource : `${attrs.resource}/${attrs.subresource}`;
  const what = `User ${username} cannot ${attrs.verb} resource ${JSON.stringify(resource)} in API group ${JSON.stringify(attrs.apiGroup)}`;
  return attrs.namespace === ''
    ? `${what} at the cluster scope`
    : `${what} in the namespace ${JSON.stringify(attrs.namespace)}`;
}

/** responsewriters.go's sanitizer: errors must not look like HTML. Quotes are okay. */
function sanitize(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** responsewriters.Forbidden: the sanitized message, then `: <reason>` when the authorizers gave one. */
export function forbiddenErrorText(attrs: AuthorizationAttributes, reason: string): string {
  const message = sanitize(forbiddenMessage(attrs));
  return reason === '' ? message : `${message}: ${reason}`;
}
