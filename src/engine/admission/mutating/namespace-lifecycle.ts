import { findResource, storageKey } from '../../resources';
import { notFound } from '../../responses/status';
import type { ObjectReader } from '../../types';
import {
  type AdmissionAttributes,
  admissionForbidden,
  type MutatingPlugin,
  type PluginVerdict,
} from '../plugin';

/** Namespaces that can never be deleted (lifecycle.Register: default, kube-system, kube-public). */
export const IMMORTAL_NAMESPACES: readonly string[] = ['default', 'kube-system', 'kube-public'];

const NAMESPACES = findResource('namespaces');

function isNamespaceKind(attrs: AdmissionAttributes): boolean {
  return attrs.type.group === '' && attrs.type.kind === 'Namespace';
}

/**
 * NamespaceLifecycle's Admit, after
 * staging/src/k8s.io/apiserver/pkg/admission/plugin/namespace/lifecycle/admission.go.
 * It only reads the namespace; it never changes the object.
 */
export const namespaceLifecycle: MutatingPlugin = {
  name: 'NamespaceLifecycle',
  mayMutate: () => false,
  admit(attrs, object, objects: ObjectReader): PluginVerdict {
    // admission.NewHandler(Create, Update, Delete): CONNECT is not its business.
    if (attrs.operation === 'CONNECT')
      return { outcome: 'skipped', reason: 'NamespaceLifecycle does not handle CONNECT' };
    const name = attrs.info.name;
    if (attrs.operation === 'DELETE' && isNamespaceKind(attrs) && IMMORTAL_NAMESPACES.includes(name)) {
      // errors.NewForbidden straight from the plugin, not admission.NewForbidden.
      const status = admissionForbidden(attrs, undefined, 'this namespace may not be deleted');
      return { outcome: 'failed', reason: `the ${name} namespace is one of the immortal namespaces`, status };
    }
    const namespace = attrs.info.namespace;
    if (namespace === '' && !isNamespaceKind(attrs)) {
      return {
        outcome: 'skipped',
        reason: `${attrs.type.resource} are cluster-scoped: no namespace to check`,
      };
    }
    if (isNamespaceKind(attrs))
      return { outcome: 'passed', reason: 'operations on namespaces themselves are allowed' };
    if (attrs.operation === 'DELETE') return { outcome: 'passed', reason: 'deletes are always allowed' };

    const stored = NAMESPACES === undefined ? undefined : objects.get(storageKey(NAMESPACES, '', namespace));
    if (stored === undefined) {
      // The live lookup's NotFound is returned as is: `namespaces "x" not found`.
      return {
        outcome: 'failed',
        reason: `namespace ${namespace} does not exist`,
        status: notFound('', 'namespaces', namespace),
      };
    }
    const phase = (stored.status as { phase?: unknown } | undefined)?.phase;
    if (attrs.operation === 'CREATE' && phase === 'Terminating') {
      const base = admissionForbidden(
        attrs,
        object,
        `unable to create new content in namespace ${namespace} because it is being terminated`,
      );
      const status = {
        ...base,
        details: {
          ...base.details,
          causes: [
            {
              reason: 'NamespaceTerminating',
              message: `namespace ${namespace} is being terminated`,
              field: 'metadata.namespace',
            },
          ],
        },
      };
      return { outcome: 'failed', reason: `namespace ${namespace} is terminating`, status };
    }
    return { outcome: 'passed', reason: `namespace ${namespace} exists and is ${String(phase ?? 'Active')}` };
  },
};
