import { createCluster } from '../../engine';
import type { Scenario } from '../../scenarios/starter';
import type { SliceArgs, WorldSlice } from '../types';

export function createWorldSlice(scenario: Scenario, ...[set]: SliceArgs): WorldSlice {
  return {
    scenario,
    cluster: createCluster(scenario.cluster),
    worldVersion: 0,
    resetWorld: () =>
      set((s) => ({
        cluster: createCluster(scenario.cluster),
        worldVersion: s.worldVersion + 1,
        traces: [],
        activeTrace: 0,
        runError: undefined,
        status: 'idle',
        step: 0,
        selectedNode: undefined,
      })),
  };
}
