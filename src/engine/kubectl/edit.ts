/**
 * `kubectl edit` (staging/src/k8s.io/kubectl/pkg/cmd/edit/edit.go with
 * pkg/cmd/util/editor/editoptions.go): GET each object, open it in $EDITOR, then send a
 * strategic-merge PATCH computed from the original and the edited object
 * (strategicpatch.CreateTwoWayMergePatch) with fieldManager `kubectl-edit`. Only the GETs are
 * known before the editor closes; runKubectl (session.ts) sends the PATCH.
 */

import type { ResourceType } from '../resources';
import type { HttpRequest } from '../types';
import { buildRequest, type CommandInput } from './context';
import { KubectlError } from './errors';
import {
  FILENAME_FLAG,
  type FlagSpec,
  fieldManagerFlag,
  KUSTOMIZE_FLAG,
  OUTPUT_FLAG,
  RECURSIVE_FLAG,
  SAVE_CONFIG_FLAG,
  SHOW_MANAGED_FIELDS_FLAG,
  VALIDATE_FLAG,
} from './flags';
import { ACCEPT } from './headers';
import { nameOf, placeManifest, readManifests } from './objects';
import { objectPath, parseResourceArgs, requireNames } from './resolve';

export const EDIT_FLAGS: readonly FlagSpec[] = [
  OUTPUT_FLAG,
  FILENAME_FLAG,
  KUSTOMIZE_FLAG,
  RECURSIVE_FLAG,
  VALIDATE_FLAG,
  SAVE_CONFIG_FLAG,
  SHOW_MANAGED_FIELDS_FLAG,
  fieldManagerFlag('kubectl-edit'),
  { name: 'output-patch', kind: 'bool' },
  { name: 'windows-line-endings', kind: 'bool' },
  { name: 'subresource', kind: 'string' },
];

export interface EditTarget {
  readonly type: ResourceType;
  readonly namespace: string;
  readonly name: string;
}

/** The objects `kubectl edit` opens (named TYPE NAME, TYPE/NAME or -f). */
export function editTargets(input: CommandInput): EditTarget[] {
  const filenames = input.flags.strings('filename');
  if (filenames.length > 0) {
    return readManifests(filenames, input.files).map((manifest) => {
      const object = placeManifest(manifest, input.namespace, input.explicitNamespace);
      return { type: manifest.type, namespace: object.metadata?.namespace ?? '', name: nameOf(manifest) };
    });
  }
  if (input.args.length === 0) {
    throw new KubectlError('error: You must provide one or more resources by argument or filename.');
  }
  const selections = parseResourceArgs(input.args);
  requireNames(selections);
  return selections.flatMap((s) =>
    s.names.map((name) => ({ type: s.type, namespace: input.namespace, name })),
  );
}

export function editRequests(input: CommandInput): HttpRequest[] {
  return editTargets(input).map((t) =>
    buildRequest(input, {
      method: 'GET',
      path: objectPath(t.type, t.namespace, t.name),
      accept: ACCEPT.json,
    }),
  );
}
