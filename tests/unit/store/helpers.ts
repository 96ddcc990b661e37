import { createCluster, kubectlToRequests, type Trace } from '../../../src/engine';
import { STARTER } from '../../../src/scenarios/starter';

/** The trace of one starter example, sent into a fresh starter world (after any `setup` examples). */
export function traceOfExample(id: string, setup: readonly string[] = []): Trace {
  const cluster = createCluster(STARTER.cluster);
  let last: Trace | undefined;
  for (const exampleId of [...setup, id]) {
    const example = STARTER.examples.find((e) => e.id === exampleId);
    if (example === undefined) throw new Error(`no example ${exampleId}`);
    const requests = kubectlToRequests(example.command, {
      namespace: 'default',
      files: { ...example.files },
    });
    for (const request of requests) last = cluster.send(request, example.user);
  }
  if (last === undefined) throw new Error(`example ${id} sent nothing`);
  return last;
}
