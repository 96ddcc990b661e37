import type { ResourceType } from '../../resources';
import { createMergePatch } from '../../storage/patch';
import type { KubeObject } from '../../types';
import { buildRequest, writeOptions } from '../context';
import { dryRunStrategy } from '../flags';
import { ACCEPT, CONTENT_TYPE } from '../headers';
import { goJson } from '../objects';
import { parsePairs, targets } from '../patch';
import { objectPath } from '../resolve';
import { failed, type Handler } from './handler';
import { dryRunSuffix, kindRef } from './output';

/** label.go / annotate.go: per object, a JSON merge patch of the old and new object (jsonpatch.CreateMergePatch). */
export function metadataMapHandler(field: 'labels' | 'annotations'): Handler {
  return (parsed, session) => {
    const { input } = parsed;
    parsed.requests();
    const what = field === 'labels' ? 'label' : 'annotation';
    const resources: string[] = [];
    const pairs: string[] = [];
    for (const arg of input.args)
      (arg.includes('=') || arg.endsWith('-') || pairs.length > 0 ? pairs : resources).push(arg);
    const changes = parsePairs(pairs, what);
    const overwrite = input.flags.bool('overwrite');
    const dryRun = dryRunStrategy(input.flags);
    const all =
      input.flags.bool('all') ||
      input.flags.string('selector') !== '' ||
      input.flags.string('field-selector') !== '';
    const objects: Array<{ type: ResourceType; object: KubeObject }> = [];
    for (const t of targets(input, resources, all)) {
      if (t.name === undefined) {
        const query: Array<[string, string]> = [];
        if (input.flags.string('selector') !== '')
          query.push(['labelSelector', input.flags.string('selector')]);
        if (input.flags.string('field-selector') !== '')
          query.push(['fieldSelector', input.flags.string('field-selector')]);
        const list = session.send(
          buildRequest(input, {
            method: 'GET',
            path: objectPath(t.type, t.namespace),
            query,
            accept: ACCEPT.json,
          }),
        );
        if (failed(list)) {
          session.fail(list);
          return;
        }
        for (const item of (list.response.body as { items?: KubeObject[] }).items ?? [])
          objects.push({ type: t.type, object: item });
        continue;
      }
      const got = session.send(
        buildRequest(input, {
          method: 'GET',
          path: objectPath(t.type, t.namespace, t.name),
          accept: ACCEPT.json,
        }),
      );
      if (failed(got)) {
        session.fail(got);
        return;
      }
      objects.push({ type: t.type, object: got.response.body as KubeObject });
    }
    for (const { type, object } of objects) {
      const name = object.metadata?.name ?? '';
      const current = { ...((object.metadata?.[field] as Record<string, string> | undefined) ?? {}) };
      const next = { ...current };
      for (const [key, value] of Object.entries(changes)) {
        if (value === null) {
          if (!(key in next)) session.print(`${what} ${JSON.stringify(key)} not found.`);
          delete next[key];
        } else {
          if (!overwrite && key in current && current[key] !== value) {
            session.error(`error: '${key}' already has a value (${current[key]}), and --overwrite is false`);
            return;
          }
          next[key] = value;
        }
      }
      const before = { metadata: { [field]: current } };
      const after: Record<string, unknown> = { metadata: { [field]: next } };
      const patch = createMergePatch(before, after);
      const rv = input.flags.string('resource-version');
      if (rv !== '') patch.metadata = { ...(patch.metadata as object), resourceVersion: rv };
      const changed = JSON.stringify(current) !== JSON.stringify(next);
      const message =
        field === 'annotations'
          ? 'annotated'
          : !changed
            ? 'not labeled'
            : !overwrite && Object.keys(next).length < Object.keys(current).length
              ? 'unlabeled'
              : 'labeled';
      const ref = `${kindRef(type)}/${name}`;
      if (dryRun === 'client') {
        session.print(`${ref} ${message} (dry run)`);
        continue;
      }
      const trace = session.send(
        buildRequest(input, {
          method: 'PATCH',
          path: objectPath(type, object.metadata?.namespace ?? '', name),
          query: writeOptions(input, {
            fieldManager: input.flags.string('field-manager'),
            dryRunServer: dryRun === 'server',
          }),
          accept: ACCEPT.json,
          contentType: CONTENT_TYPE.mergePatch,
          body: goJson(patch),
        }),
      );
      if (failed(trace)) session.fail(trace);
      else session.print(`${ref} ${message}${dryRunSuffix(input)}`);
    }
  };
}
