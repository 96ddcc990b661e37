import type { ValidatingPlugin } from '../plugin';
import { shouldIgnore, validatePod } from '../service-account-common';

/**
 * ServiceAccount's Validate (plugin/pkg/admission/serviceaccount/admission.go): a pod being
 * created must name a service account that exists; mirror pods may reference no service account,
 * secret or token projection; with `kubernetes.io/enforce-mountable-secrets: "true"` every secret
 * the pod uses must be listed by the service account.
 */
export const serviceAccountValidating: ValidatingPlugin = {
  name: 'ServiceAccount',
  validate(attrs, objects) {
    const ignore = shouldIgnore(attrs, attrs.object);
    if (ignore !== undefined || attrs.object === undefined)
      return { outcome: 'skipped', reason: ignore ?? '' };
    return validatePod(attrs, attrs.object, objects);
  },
};
