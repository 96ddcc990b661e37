/**
 * `kubectl describe` (staging/src/k8s.io/kubectl/pkg/cmd/describe/describe.go and
 * staging/src/k8s.io/kubectl/pkg/describe/describe.go): the resource builder GETs the object, the
 * type's describer GETs it again through the typed clientset, then lists the events that involve it.
 */

import type { ResourceType } from '../resources';
import type { HttpRequest } from '../types';
import { buildRequest, type CommandInput } from './context';
import { KubectlError } from './errors';
import { ALL_NAMESPACES_FLAG, FILENAME_FLAG, type FlagSpec, RECURSIVE_FLAG, SELECTOR_FLAG } from './flags';
import { ACCEPT } from './headers';
import { nameOf, namespaceOfObject, placeManifest, readManifests } from './objects';
import { objectPath, parseResourceArgs, type ResourceSelection } from './resolve';

export const DESCRIBE_FLAGS: readonly FlagSpec[] = [
  SELECTOR_FLAG,
  ALL_NAMESPACES_FLAG,
  FILENAME_FLAG,
  RECURSIVE_FLAG,
  { name: 'show-events', kind: 'bool', default: true },
  { name: 'chunk-size', kind: 'int', default: 500 },
];

/**
 * The requests of `kubectl describe TYPE NAME`. Simplifications: the events field selector also
 * holds `involvedObject.uid=<uid>` in kubectl, taken from the GET response, so it is left out here;
 * `describe TYPE` (no name) emits only the list, as the per-object requests depend on its items;
 * describers that read related objects (a Deployment's ReplicaSets…) are not modelled.
 */
export function describeRequests(input: CommandInput): HttpRequest[] {
  if (input.args.length === 0 && input.flags.strings('filename').length === 0) {
    throw new KubectlError(
      'error: You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.',
    );
  }
  const { flags } = input;
  const chunk = flags.int('chunk-size');
  const limit: Array<[string, string]> = chunk > 0 ? [['limit', String(chunk)]] : [];
  const requests: HttpRequest[] = [];
  const selections: Array<ResourceSelection & { readonly namespace: string }> =
    input.args.length > 0
      ? parseResourceArgs(input.args).map((s) => ({ ...s, namespace: input.namespace }))
      : readManifests(flags.strings('filename'), input.files).map((manifest) => ({
          type: manifest.type,
          names: [nameOf(manifest)],
          namespace: namespaceOfObject(placeManifest(manifest, input.namespace, input.explicitNamespace)),
        }));
  for (const selection of selections) {
    const { type } = selection;
    if (selection.names.length === 0) {
      const selector: Array<[string, string]> =
        flags.string('selector') === '' ? [] : [['labelSelector', flags.string('selector')]];
      const namespace = flags.bool('all-namespaces') ? '' : input.namespace;
      requests.push(
        buildRequest(input, {
          method: 'GET',
          path: objectPath(type, namespace),
          query: [...selector, ...limit],
          accept: ACCEPT.json,
        }),
      );
      continue;
    }
    for (const name of selection.names) {
      const path = objectPath(type, selection.namespace, name);
      requests.push(buildRequest(input, { method: 'GET', path, accept: ACCEPT.json }));
      requests.push(buildRequest(input, { method: 'GET', path, accept: ACCEPT.typed }));
      if (flags.bool('show-events') && type.resource !== 'secrets') {
        requests.push(eventsRequest(input, type, selection.namespace, name, limit));
      }
    }
  }
  return requests;
}

/** searchEvents: events in the object's namespace whose involvedObject matches (the Pod describer clears the kind). */
function eventsRequest(
  input: CommandInput,
  type: ResourceType,
  objectNamespace: string,
  name: string,
  limit: Array<[string, string]>,
): HttpRequest {
  const namespace = type.namespaced ? objectNamespace : '';
  // fields.Set.AsSelector sorts the terms by field name.
  const terms = [
    ...(type.resource === 'pods' ? [] : [`involvedObject.kind=${type.kind}`]),
    `involvedObject.name=${name}`,
    `involvedObject.namespace=${namespace}`,
  ];
  return buildRequest(input, {
    method: 'GET',
    path: namespace === '' ? '/api/v1/events' : `/api/v1/namespaces/${namespace}/events`,
    query: [['fieldSelector', terms.join(',')], ...limit],
    accept: ACCEPT.typed,
  });
}
