import {
  type Document,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  type Node,
  parseAllDocuments,
  parseDocument,
} from 'yaml';
import {
  MAX_ALIAS_COUNT,
  MAX_NESTING_DEPTH,
  MAX_SCENARIO_BYTES,
  type Result,
  type ScenarioProblem,
} from './format';

/** The `yaml` options every parse uses: duplicate keys are errors, aliases are capped. */
export const YAML_OPTIONS = {
  uniqueKeys: true,
  maxAliasCount: MAX_ALIAS_COUNT,
  prettyErrors: false,
} as const;

/** The apiserver's words for a body over its limit (apimachinery errors.NewRequestEntityTooLargeError). */
export function tooLargeMessage(limit = MAX_SCENARIO_BYTES): string {
  return `413 Request Entity Too Large: Request entity too large: limit is ${limit}`;
}

/** Keys that would reach Object.prototype if a careless merge ever copied them. */
const FORBIDDEN_KEYS = new Set(['__proto__']);

/** A located problem from a character range of `text`. */
export function problemAt(
  lines: LineCounter,
  message: string,
  range?: readonly [number, number, ...number[]],
  path?: string,
): ScenarioProblem {
  if (range === undefined) return { message, ...(path === undefined ? {} : { path }) };
  const { line, col } = lines.linePos(range[0]);
  return {
    message,
    ...(path === undefined ? {} : { path }),
    position: { line, column: col },
    from: range[0],
    to: Math.max(range[1], range[0]),
  };
}

function byteLength(text: string): number {
  // UTF-8 length without allocating a buffer for huge strings.
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code >= 0xd800 && code < 0xdc00 ? 2 : 3;
  }
  return bytes;
}

/**
 * Refuses what must not reach the YAML parser: oversized text (413) and flow nesting deeper
 * than MAX_NESTING_DEPTH (the parser recurses per level; `[[[[…` could exhaust the stack).
 */
export function precheckText(text: string): ScenarioProblem | undefined {
  if (text.length > MAX_SCENARIO_BYTES || byteLength(text) > MAX_SCENARIO_BYTES)
    return { message: tooLargeMessage() };
  let depth = 0;
  let line = 1;
  let column = 0;
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    column++;
    if (c === '\n') {
      line++;
      column = 0;
      quote = undefined;
      continue;
    }
    if (quote !== undefined) {
      if (c === quote) quote = undefined;
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '[' || c === '{') {
      depth++;
      if (depth > MAX_NESTING_DEPTH)
        return {
          message: `nesting is deeper than ${MAX_NESTING_DEPTH} levels`,
          position: { line, column },
          from: i,
          to: i + 1,
        };
    } else if (c === ']' || c === '}') depth = Math.max(0, depth - 1);
  }
  return undefined;
}

/** Walks the YAML tree (without following aliases): depth limit and forbidden keys, located. */
function checkTree(
  root: Node | null,
  lines: LineCounter,
  limit = MAX_NESTING_DEPTH,
): ScenarioProblem | undefined {
  const stack: { node: unknown; depth: number }[] = [{ node: root, depth: 1 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop() as { node: unknown; depth: number };
    if (node === null || node === undefined || isScalar(node) || isAlias(node)) continue;
    if (isMap(node) || isSeq(node)) {
      if (depth > limit)
        return problemAt(lines, `nesting is deeper than ${limit} levels`, node.range ?? undefined);
      for (const item of node.items) {
        if (isPair(item)) {
          const key = item.key;
          if (isScalar(key) && typeof key.value === 'string' && FORBIDDEN_KEYS.has(key.value)) {
            return problemAt(lines, `key "${key.value}" is not allowed`, key.range ?? undefined);
          }
          stack.push({ node: item.value, depth: depth + 1 });
        } else stack.push({ node: item, depth: depth + 1 });
      }
    }
  }
  return undefined;
}

function firstError(doc: Document, lines: LineCounter): ScenarioProblem | undefined {
  const error = doc.errors[0];
  if (error === undefined) return undefined;
  // The yaml package's message ends with its own "at line X, column Y" when prettyErrors is on; we locate it ourselves.
  const message = error.message.split('\n')[0] ?? error.message;
  return problemAt(lines, `yaml: ${message}`, [error.pos[0], error.pos[1]]);
}

function toJsSafely(doc: Document, lines: LineCounter): Result<unknown> {
  try {
    return { ok: true, value: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      problems: [problemAt(lines, `yaml: ${message}`, doc.contents?.range ?? undefined)],
    };
  }
}

export interface ParsedYaml {
  readonly value: unknown;
  readonly doc: Document;
  readonly lines: LineCounter;
}

/** One YAML document → its value, or located problems. Never throws. */
export function parseYaml(text: string): Result<ParsedYaml> {
  const pre = precheckText(text);
  if (pre !== undefined) return { ok: false, problems: [pre] };
  const lines = new LineCounter();
  try {
    const docs = parseAllDocuments(text, { ...YAML_OPTIONS, lineCounter: lines });
    const list = Array.isArray(docs) ? docs : [docs];
    if (list.length > 1) {
      const second = list[1] as Document;
      return {
        ok: false,
        problems: [
          problemAt(
            lines,
            'expected one YAML document, found several',
            second.range ? [second.range[0], second.range[0] + 3] : undefined,
          ),
        ],
      };
    }
    const doc = list[0] ?? parseDocument('', YAML_OPTIONS);
    const error = firstError(doc, lines) ?? checkTree(doc.contents, lines);
    if (error !== undefined) return { ok: false, problems: [error] };
    const value = toJsSafely(doc, lines);
    if (!value.ok) return value;
    return { ok: true, value: { value: value.value, doc, lines } };
  } catch (error) {
    // A RangeError from the parser's recursion, or anything else unexpected: data, not a crash.
    return {
      ok: false,
      problems: [{ message: `yaml: ${error instanceof Error ? error.message : String(error)}` }],
    };
  }
}

/** One document of a multi-document text, with where it sits. */
export interface ParsedManifest {
  readonly object: Record<string, unknown>;
  readonly doc: Document;
  /** [start, end) of the document in the text. */
  readonly range: readonly [number, number];
}

/** Multi-document YAML (manifests) → the mappings, or located problems. Never throws. */
export function parseManifests(text: string): Result<{ manifests: ParsedManifest[]; lines: LineCounter }> {
  const pre = precheckText(text);
  if (pre !== undefined) return { ok: false, problems: [pre] };
  const lines = new LineCounter();
  try {
    const docs = parseAllDocuments(text, { ...YAML_OPTIONS, lineCounter: lines });
    const list = Array.isArray(docs) ? docs : [docs];
    const manifests: ParsedManifest[] = [];
    const problems: ScenarioProblem[] = [];
    for (const doc of list) {
      const error = firstError(doc, lines) ?? checkTree(doc.contents, lines);
      if (error !== undefined) {
        problems.push(error);
        continue;
      }
      const value = toJsSafely(doc, lines);
      if (!value.ok) {
        problems.push(...value.problems);
        continue;
      }
      if (value.value === null || value.value === undefined) continue;
      if (typeof value.value !== 'object' || Array.isArray(value.value)) {
        problems.push(
          problemAt(
            lines,
            'each document must be a mapping (apiVersion, kind, metadata…)',
            doc.contents?.range ?? undefined,
          ),
        );
        continue;
      }
      manifests.push({
        object: value.value as Record<string, unknown>,
        doc,
        range: [doc.range[0], doc.range[2]],
      });
    }
    return problems.length > 0 ? { ok: false, problems } : { ok: true, value: { manifests, lines } };
  } catch (error) {
    return {
      ok: false,
      problems: [{ message: `yaml: ${error instanceof Error ? error.message : String(error)}` }],
    };
  }
}

/** The range of the node at `path` (the key of the last segment when it exists, else the nearest parent). */
export function rangeAtPath(doc: Document, path: readonly (string | number)[]): [number, number] | undefined {
  let node: unknown = doc.contents;
  let best: [number, number] | undefined = rangeOf(node);
  for (const part of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && p.key.value === part);
      if (pair === undefined) return best;
      best = rangeOf(pair.key) ?? best;
      node = pair.value;
      const inner = rangeOf(node);
      if (inner !== undefined && part !== path[path.length - 1]) best = inner;
    } else if (isSeq(node) && typeof part === 'number') {
      node = node.items[part];
      best = rangeOf(node) ?? best;
    } else return best;
  }
  return best;
}

function rangeOf(node: unknown): [number, number] | undefined {
  if (node !== null && typeof node === 'object' && 'range' in node) {
    const range = (node as { range?: [number, number, number] | null }).range;
    if (range) return [range[0], range[1]];
  }
  return undefined;
}
