import type { KubeObject } from '../../types';
import { manifestsFor } from '../apply';
import { buildRequest, writeOptions } from '../context';
import { dryRunStrategy } from '../flags';
import { ACCEPT, CONTENT_TYPE } from '../headers';
import { goJson, nameOf, placeManifest } from '../objects';
import { objectPath } from '../resolve';
import { failed, type Handler } from './handler';
import { dryRunSuffix, kindRef } from './output';

/** replace.go with resource.Helper.Replace: without a resourceVersion, GET one, then PUT. */
export const replaceHandler: Handler = (parsed, session) => {
  const { input } = parsed;
  parsed.requests();
  const dryRun = dryRunStrategy(input.flags);
  for (const manifest of manifestsFor(input)) {
    const object = placeManifest(manifest, input.namespace, input.explicitNamespace);
    const namespace = object.metadata?.namespace ?? '';
    const name = nameOf(manifest);
    const ref = `${kindRef(manifest.type)}/${name}`;
    if (dryRun === 'client') {
      session.print(`${ref} replaced (dry run)`);
      continue;
    }
    const path = objectPath(manifest.type, namespace, name);
    let body = object;
    if (typeof object.metadata?.resourceVersion !== 'string' || object.metadata.resourceVersion === '') {
      const got = session.send(buildRequest(input, { method: 'GET', path, accept: ACCEPT.json }));
      // A failed GET still PUTs: "the object does not exist, but we want it to be created".
      const rv = failed(got) ? undefined : (got.response.body as KubeObject).metadata?.resourceVersion;
      if (rv !== undefined) body = { ...object, metadata: { ...object.metadata, resourceVersion: rv } };
    }
    const put = session.send(
      buildRequest(input, {
        method: 'PUT',
        path,
        query: writeOptions(input, {
          fieldManager: input.flags.string('field-manager'),
          fieldValidation: true,
          dryRunServer: dryRun === 'server',
        }),
        accept: ACCEPT.json,
        contentType: CONTENT_TYPE.json,
        body: goJson(body),
      }),
    );
    if (failed(put)) session.fail(put, `error when replacing ${JSON.stringify(manifest.source)}: `);
    else session.print(`${ref} replaced${dryRunSuffix(input)}`);
  }
};
