import { describe, expect, it } from 'vitest';
import { createCluster, kubectlToRequests } from '../../../src/engine';
import { STARTER } from '../../../src/scenarios/starter';

/** Every scenario is a test: each prepared request ends as the scenario says, on a fresh world. */
describe('The starter world', () => {
  for (const example of STARTER.examples) {
    it(`answers "${example.command}" as ${example.user} with ${example.expectedStatus}`, () => {
      const cluster = createCluster(STARTER.cluster);
      const requests = kubectlToRequests(example.command, {
        namespace: STARTER.defaultNamespace,
        ...(example.files === undefined ? {} : { files: example.files }),
      });
      const traces = requests.map((r) => cluster.send(r, example.user));
      expect(traces.at(-1)?.response.status).toBe(example.expectedStatus);
    });
  }

  it('shows a 201, a 403, a 401 and a 422 among its examples', () => {
    const statuses = new Set(STARTER.examples.map((e) => e.expectedStatus));
    for (const status of [201, 403, 401, 422]) expect(statuses).toContain(status);
  });
});
