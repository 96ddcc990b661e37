import { Document, isScalar, visit } from 'yaml';
import type { ScenarioDocument } from './format';

/** Drops undefined fields (YAML has no undefined) without touching anything else. */
function clean(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(clean);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = clean(v);
    return out;
  }
  return value;
}

/**
 * A ScenarioDocument → YAML text. Multi-line strings (objects, files, lesson) are written as
 * literal blocks (`|`), so manifests and Markdown stay readable and diff well.
 */
export function serializeScenario(doc: ScenarioDocument): string {
  const yaml = new Document(clean(doc));
  visit(yaml, {
    Scalar(_key, node) {
      if (isScalar(node) && typeof node.value === 'string' && node.value.includes('\n'))
        node.type = 'BLOCK_LITERAL';
    },
  });
  return yaml.toString({ lineWidth: 0 });
}
