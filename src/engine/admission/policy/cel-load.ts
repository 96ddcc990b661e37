import type { CelEvaluator } from '../../types';

/**
 * Loads the CEL interpreter on demand. The dynamic import keeps @bufbuild/cel (and its protobuf
 * runtime) in a chunk of its own, fetched only when a policy needs it; pass the result to
 * createCluster({ extensions: { cel } }).
 */
export async function loadCel(): Promise<CelEvaluator> {
  const { createCelEvaluator } = await import('./cel-evaluator');
  return createCelEvaluator();
}
