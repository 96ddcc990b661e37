import type { KubeObject } from '../../types';
import type { ParsedKubectl } from '../parse';
import { failed, type Session } from './handler';
import { sortedQuery } from './requests';

/** podcmd.AllContainerNames: `a, b, c (init)`. */
function allContainerNames(pod: KubeObject): string {
  const spec = (pod.spec ?? {}) as { containers?: { name?: string }[]; initContainers?: { name?: string }[] };
  return [
    ...(spec.containers ?? []).map((c) => c.name ?? ''),
    ...(spec.initContainers ?? []).map((c) => `${c.name ?? ''} (init)`),
  ].join(', ');
}

/**
 * The container kubectl picks without -c (logsforobject.go, podcmd.FindOrDefaultContainerByName):
 * the `kubectl.kubernetes.io/default-container` annotation, else the first container, announcing
 * the choice when the pod has more than one.
 */
function defaultContainer(pod: KubeObject, session: Session): string | undefined {
  const spec = (pod.spec ?? {}) as { containers?: { name?: string }[]; initContainers?: unknown[] };
  const containers = spec.containers ?? [];
  const annotated = pod.metadata?.annotations?.['kubectl.kubernetes.io/default-container'];
  if (annotated !== undefined && containers.some((c) => c.name === annotated)) return annotated;
  const first = containers[0]?.name;
  if (first !== undefined && (containers.length > 1 || (spec.initContainers ?? []).length > 0)) {
    session.print(`Defaulted container ${JSON.stringify(first)} out of: ${allContainerNames(pod)}`);
  }
  return first;
}

/** logs.go / exec.go: GET the pod, then its log or exec subresource with the container filled in. */
export function podStreamHandler(parsed: ParsedKubectl, session: Session): void {
  const [getPod, stream] = parsed.requests();
  if (getPod === undefined || stream === undefined) return;
  const got = session.send(getPod);
  if (failed(got)) {
    session.fail(got);
    return;
  }
  let request = stream;
  if (parsed.input.flags.string('container') === '') {
    const container = defaultContainer(got.response.body as KubeObject, session);
    if (container !== undefined) {
      const [path, query = ''] = stream.path.split('?');
      const params = new URLSearchParams(query);
      params.append('container', container);
      request = { ...stream, path: `${path}?${sortedQuery(params)}` };
    }
  }
  const trace = session.send(request);
  if (failed(trace)) session.fail(trace);
  else session.print(typeof trace.response.body === 'string' ? trace.response.body : trace.kubectlOutput);
}
