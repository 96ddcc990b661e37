import { resolveRequestInfo } from '../../request-info';
import { type ResourceType, resourceForPath } from '../../resources';
import type { HttpRequest, KubeObject } from '../../types';
import { buildRequest, type CommandInput } from '../context';
import { dryRunStrategy } from '../flags';
import { ACCEPT, CONTENT_TYPE } from '../headers';
import { objectPath } from '../resolve';
import { failed, type Handler } from './handler';
import { dryRunSuffix, kindRef } from './output';

/** scale.go: GET the object, then PATCH /scale — or, with preconditions, GET /scale, check, PUT /scale. */
export const scaleHandler: Handler = (parsed, session) => {
  const { input } = parsed;
  const requests = parsed.requests();
  const replicas = input.flags.int('replicas');
  const currentReplicas = input.flags.int('current-replicas');
  const resourceVersion = input.flags.string('resource-version');
  const dryRun = dryRunStrategy(input.flags);
  for (const request of requests) {
    const info = resolveRequestInfo(request);
    const type = resourceForPath(info.apiGroup, info.apiVersion, info.resource);
    const trace = session.send(request);
    if (failed(trace)) {
      session.fail(trace);
      return;
    }
    if (type === undefined) continue;
    const ref = `${kindRef(type)}/${info.name}`;
    if (request.method === 'PATCH') {
      session.print(`${ref} scaled${dryRunSuffix(input)}`);
      continue;
    }
    if (info.verb === 'list') {
      for (const item of (trace.response.body as { items?: KubeObject[] }).items ?? []) {
        const name = item.metadata?.name ?? '';
        if (dryRun === 'client') {
          session.print(`${kindRef(type)}/${name} scaled (dry run)`);
          continue;
        }
        const patched = session.send(
          scaleRequest(input, type, item.metadata?.namespace ?? '', name, replicas, dryRun === 'server'),
        );
        if (failed(patched)) session.fail(patched);
        else session.print(`${kindRef(type)}/${name} scaled${dryRunSuffix(input)}`);
      }
      continue;
    }
    if (info.subresource === 'scale') {
      // ScalePrecondition.validate: `Expected replicas to be 3, was 2`.
      const scale = trace.response.body as {
        spec?: { replicas?: number };
        metadata?: { resourceVersion?: string };
      };
      const actual = scale.spec?.replicas ?? 0;
      if (currentReplicas !== -1 && actual !== currentReplicas) {
        session.error(`error: Expected replicas to be ${currentReplicas}, was ${actual}`);
        return;
      }
      if (resourceVersion !== '' && scale.metadata?.resourceVersion !== resourceVersion) {
        session.error(
          `error: Expected resource version to be ${resourceVersion}, was ${scale.metadata?.resourceVersion ?? ''}`,
        );
        return;
      }
      const body = { ...scale, spec: { ...scale.spec, replicas } };
      const put = session.send(
        buildRequest(input, {
          method: 'PUT',
          path: info.path,
          query: dryRun === 'server' ? [['dryRun', 'All']] : [],
          accept: ACCEPT.typed,
          contentType: CONTENT_TYPE.json,
          body: JSON.stringify(body),
        }),
      );
      if (failed(put)) session.fail(put);
      else session.print(`${ref} scaled${dryRunSuffix(input)}`);
      continue;
    }
    if (dryRun === 'client' && info.subresource === '') session.print(`${ref} scaled (dry run)`);
  }
};

function scaleRequest(
  input: CommandInput,
  type: ResourceType,
  namespace: string,
  name: string,
  replicas: number,
  dryRunServer: boolean,
): HttpRequest {
  return buildRequest(input, {
    method: 'PATCH',
    path: objectPath(type, namespace, name, 'scale'),
    query: dryRunServer ? [['dryRun', 'All']] : [],
    accept: ACCEPT.typed,
    contentType: CONTENT_TYPE.mergePatch,
    body: `{"spec":{"replicas":${replicas}}}`,
  });
}
