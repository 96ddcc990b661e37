import { isStatus } from '../../responses/status';
import { createTwoWayMergePatch } from '../../storage/patch';
import type { KubeObject } from '../../types';
import { buildRequest, EDIT_FILE, type KubectlContext, writeOptions } from '../context';
import { editTargets } from '../edit';
import { KubectlError } from '../errors';
import { ACCEPT, CONTENT_TYPE } from '../headers';
import { goJson, parseYamlDocuments } from '../objects';
import { objectPath } from '../resolve';
import { failed, type Handler } from './handler';
import { groupResource, kindRef, withoutManagedFields } from './output';

/** The edited object: from ctx.edit, else the `<edit>` file; undefined when none was given. */
function editedObject(ctx: KubectlContext, shown: KubeObject): KubeObject | undefined {
  const edited = ctx.edit?.(structuredClone(shown)) ?? ctx.files?.[EDIT_FILE];
  if (edited === undefined) return undefined;
  if (typeof edited !== 'string') return edited;
  const docs = parseYamlDocuments(edited, 'edited file');
  // editoptions.go: an empty file cancels the edit.
  return (docs[0] as KubeObject | undefined) ?? {};
}

/** editoptions.go visitToPatch: a strategic-merge PATCH of the differences, fieldManager kubectl-edit. */
export const editHandler: Handler = (parsed, session, ctx) => {
  const { input } = parsed;
  for (const target of editTargets(input)) {
    const path = objectPath(target.type, target.namespace, target.name);
    const got = session.send(buildRequest(input, { method: 'GET', path, accept: ACCEPT.json }));
    if (failed(got)) {
      session.fail(got);
      return;
    }
    const shown = withoutManagedFields(got.response.body as KubeObject);
    const edited = editedObject(ctx, shown);
    if (edited === undefined) {
      throw new KubectlError(
        `error: kubectl edit needs the edited object: pass ctx.edit or ctx.files["${EDIT_FILE}"]`,
      );
    }
    if (Object.keys(edited).length === 0) {
      session.print('Edit cancelled, no changes made.');
      return;
    }
    const edit = withoutManagedFields(edited);
    if (JSON.stringify(edit) === JSON.stringify(shown)) {
      session.print('Edit cancelled, no changes made.');
      return;
    }
    if (
      edit.apiVersion !== shown.apiVersion ||
      edit.kind !== shown.kind ||
      edit.metadata?.name !== shown.metadata?.name
    ) {
      session.error('error: At least one of apiVersion, kind and name was changed');
      return;
    }
    const patch = createTwoWayMergePatch(shown, edit);
    const patched = session.send(
      buildRequest(input, {
        method: 'PATCH',
        path,
        query: writeOptions(input, {
          fieldManager: input.flags.string('field-manager'),
          fieldValidation: true,
        }),
        accept: ACCEPT.json,
        contentType: CONTENT_TYPE.strategicMergePatch,
        body: goJson(patch),
      }),
    );
    const resource = groupResource(target.type);
    if (!failed(patched)) session.print(`${kindRef(target.type)}/${target.name} edited`);
    else if (patched.response.status === 422)
      session.error(`error: ${resource} ${JSON.stringify(target.name)} is invalid`);
    else if (patched.response.status === 404) {
      session.error(`error: ${resource} ${JSON.stringify(target.name)} could not be found on the server`);
    } else {
      const message = isStatus(patched.response.body) ? (patched.response.body.message ?? '') : '';
      session.error(`error: ${resource} ${JSON.stringify(target.name)} could not be patched: ${message}`);
    }
  }
};
