import { beforeAll, describe, expect, it } from 'vitest';
import { createCluster, kubectlToRequests } from '../../../src/engine';
import type { EngineExtensions } from '../../../src/engine/types';
import { loadAllBuiltInScenarios } from '../../../src/scenarios/registry';
import { STARTER } from '../../../src/scenarios/starter';
import { extensions } from '../engine/policy/world';

/** Every built-in file (the starter and each lesson, loaded as the app loads them on demand). */
const BUILT_IN_SCENARIOS = await loadAllBuiltInScenarios();

/** As the app runs once loaded: with the schemas and CEL (lessons use CEL policies). */
let loaded: EngineExtensions;
beforeAll(async () => {
  loaded = await extensions();
});

/**
 * Every scenario is a test: each prepared request ends as the scenario says, on a fresh world. A
 * guided lesson's requests are played in step order instead (tests/unit/lessons/play.test.ts).
 */
for (const { id, scenario } of BUILT_IN_SCENARIOS.filter((s) => !s.scenario.document.spec.lesson?.steps)) {
  describe(`The built-in scenario "${id}"`, () => {
    for (const example of scenario.examples) {
      const context = {
        namespace: scenario.defaultNamespace,
        ...(example.files === undefined ? {} : { files: example.files }),
      };
      it(`answers "${example.command}" as ${example.user} with ${example.expectedStatus}`, () => {
        const cluster = createCluster({ ...scenario.cluster, extensions: loaded });
        const traces = kubectlToRequests(example.command, context).map((r) => cluster.send(r, example.user));
        expect(traces.at(-1)?.response.status).toBe(example.expectedStatus);
      });

      it(`answers "${example.command}" the same through kubectl's follow-ups`, () => {
        const cluster = createCluster({ ...scenario.cluster, extensions: loaded });
        const run = cluster.kubectl(example.command, example.user, context);
        expect(run.traces.at(-1)?.response.status).toBe(example.expectedStatus);
      });
    }
  });
}

describe('The starter world', () => {
  it('shows a 201, a 403, a 401 and a 422 among its examples', () => {
    const statuses = new Set(STARTER.examples.map((e) => e.expectedStatus));
    for (const status of [201, 403, 401, 422]) expect(statuses).toContain(status);
  });

  it('promises an outcome for every prepared request', () => {
    for (const { scenario } of BUILT_IN_SCENARIOS)
      for (const example of scenario.examples) expect(example.expectedStatus).toBeTypeOf('number');
  });
});
