import type { ResourceType } from '../../resources';
import { isStatus } from '../../responses/status';
import { createThreeWayMergePatch } from '../../storage/patch';
import type { KubeObject } from '../../types';
import { manifestsFor } from '../apply';
import { buildRequest, writeOptions } from '../context';
import { dryRunStrategy } from '../flags';
import { ACCEPT, CONTENT_TYPE } from '../headers';
import { goJson, nameOf, placeManifest } from '../objects';
import { objectPath } from '../resolve';
import { failed, type Handler } from './handler';
import { dryRunSuffix, groupResource, kindRef, withoutManagedFields } from './output';
import { typeOfRequest } from './requests';

/** `kubectl.kubernetes.io/last-applied-configuration` (k8s.io/api/core/v1 annotation_key_constants.go). */
export const LAST_APPLIED_ANNOTATION = 'kubectl.kubernetes.io/last-applied-configuration';

/** annotation value = the configuration without the annotation, as JSON with a newline (util.GetModifiedConfiguration). */
function withLastApplied(object: KubeObject): KubeObject {
  const annotations = { ...(object.metadata?.annotations ?? {}) };
  delete annotations[LAST_APPLIED_ANNOTATION];
  const config = { ...object, metadata: { ...object.metadata, annotations } };
  const value = `${goJson(config)}\n`;
  return {
    ...object,
    metadata: { ...object.metadata, annotations: { ...annotations, [LAST_APPLIED_ANNOTATION]: value } },
  };
}

/** apply.go: what kubectl adds to a server-side apply conflict before printing it as `error: …`. */
const APPLY_CONFLICT_HELP = `Please review the fields above--they currently have other managers. Here
are the ways you can resolve this warning:
* If you intend to manage all of these fields, please re-run the apply
  command with the \`--force-conflicts\` flag.
* If you do not intend to manage all of the fields, please edit your
  manifest to remove references to the fields that should keep their
  current managers.
* You may co-own fields by updating your manifest to match the existing
  value; in this case, you'll become the manager if the other manager(s)
  stop managing the field (remove it from their configuration).
See https://kubernetes.io/docs/reference/using-api/server-side-apply/#conflicts`;

/** staging/src/k8s.io/kubectl/pkg/cmd/apply/apply.go warningNoLastAppliedConfigAnnotation. */
function missingAnnotationWarning(type: ResourceType, name: string): string {
  return `Warning: resource ${groupResource(type)}/${name} is missing the ${LAST_APPLIED_ANNOTATION} annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.`;
}

/**
 * Client-side apply (apply.go applyOneObject, patcher.go Patch): GET; on 404 POST the object with
 * the last-applied annotation; otherwise a strategic-merge PATCH from
 * CreateThreeWayMergePatch(last-applied, new configuration + annotation, live) — or nothing,
 * printed `unchanged`, when the patch is `{}`.
 */
export const applyHandler: Handler = (parsed, session, ctx) => {
  const { input } = parsed;
  if (input.flags.bool('server-side')) {
    for (const request of parsed.requests()) {
      const trace = session.send(request);
      const body = trace.response.body;
      if (
        trace.response.status === 409 &&
        isStatus(body) &&
        (body.details?.causes ?? []).some((c) => c.reason === 'FieldManagerConflict')
      ) {
        session.error(`error: ${body.message ?? ''}\n${APPLY_CONFLICT_HELP}`);
      } else if (failed(trace)) session.fail(trace);
      else {
        const type = typeOfRequest(request);
        const name = trace.requestInfo.name;
        session.print(
          `${type === undefined ? '' : kindRef(type)}/${name} serverside-applied${dryRunSuffix(input)}`,
        );
      }
    }
    return;
  }
  parsed.requests(); // validates flags and files exactly as the static view does
  const dryRun = dryRunStrategy(input.flags);
  const manager = input.flags.string('field-manager') || 'kubectl-client-side-apply';
  const suffix = dryRunSuffix(input);
  for (const manifest of manifestsFor(input)) {
    const object = placeManifest(manifest, input.namespace, input.explicitNamespace);
    const namespace = object.metadata?.namespace ?? '';
    const name = nameOf(manifest);
    const ref = `${kindRef(manifest.type)}/${name}`;
    const path = objectPath(manifest.type, namespace, name);
    const got = session.send(buildRequest(input, { method: 'GET', path, accept: ACCEPT.json }));
    const query = writeOptions(input, {
      fieldManager: manager,
      fieldValidation: true,
      dryRunServer: dryRun === 'server',
    });
    if (got.response.status === 404) {
      if (dryRun === 'client') {
        session.print(`${ref} created${suffix}`);
        continue;
      }
      const created = session.send(
        buildRequest(input, {
          method: 'POST',
          path: objectPath(manifest.type, namespace),
          query,
          accept: ACCEPT.json,
          contentType: CONTENT_TYPE.json,
          body: goJson(withLastApplied(object)),
        }),
      );
      if (failed(created)) session.fail(created, `error when creating ${JSON.stringify(manifest.source)}: `);
      else session.print(`${ref} created${suffix}`);
      continue;
    }
    if (failed(got)) {
      session.fail(
        got,
        `error when retrieving current configuration of:\nResource: "${groupResource(manifest.type)}", GroupVersionKind: "${manifest.type.kind}", Name: "${name}", Namespace: "${namespace}"\nfrom server for: "${manifest.source}": `,
      );
      continue;
    }
    const live = got.response.body as KubeObject;
    const annotation = live.metadata?.annotations?.[LAST_APPLIED_ANNOTATION];
    let original: KubeObject = {};
    if (annotation === undefined) session.print(missingAnnotationWarning(manifest.type, name));
    else {
      try {
        original = JSON.parse(annotation) as KubeObject;
      } catch {
        original = {};
      }
    }
    const patch = createThreeWayMergePatch(original, withLastApplied(object), withoutManagedFields(live));
    if (Object.keys(patch).length === 0) {
      session.print(`${ref} unchanged${suffix}`);
      continue;
    }
    if (dryRun === 'client') {
      session.print(`${ref} configured${suffix}`);
      continue;
    }
    const patched = session.send(
      buildRequest(input, {
        method: 'PATCH',
        path,
        query,
        accept: ACCEPT.json,
        contentType: CONTENT_TYPE.strategicMergePatch,
        body: goJson(patch),
      }),
    );
    if (failed(patched)) {
      session.fail(
        patched,
        `error when applying patch:\n${goJson(patch)}\nto:\nResource: "${groupResource(manifest.type)}", GroupVersionKind: "${manifest.type.kind}", Name: "${name}", Namespace: "${namespace}"\nfor: "${manifest.source}": `,
      );
    } else session.print(`${ref} configured${suffix}`);
  }
  void ctx;
};
