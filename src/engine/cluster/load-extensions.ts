import { loadCel } from '../admission/policy/cel-load';
import type { EngineExtensions } from '../types';
import { loadSchemas } from '../validation/schema/load';
import { type Cluster, type ClusterSpec, createCluster } from './create-cluster';

/**
 * The engine's heavy parts for a headless caller (Node, a CLI, a test): the OpenAPI schemas and the
 * CEL interpreter, loaded in parallel. Both loaders reach their code through `import()`, so
 * importing this module costs nothing until it is called. The browser app uses
 * src/store/extensions.ts, which memoises the same two loads and reports progress.
 */
export async function loadExtensions(): Promise<EngineExtensions> {
  const [schemas, cel] = await Promise.all([loadSchemas(), loadCel()]);
  return { schemas, cel };
}

/**
 * `createCluster` with every extension loaded: strict field validation and field warnings (the
 * schemas) and ValidatingAdmissionPolicy / MutatingAdmissionPolicy enforcement (CEL). Extensions
 * the spec already carries are kept.
 */
export async function createLoadedCluster(spec: ClusterSpec = {}): Promise<Cluster> {
  const loaded = await loadExtensions();
  return createCluster({ ...spec, extensions: { ...loaded, ...spec.extensions } });
}
