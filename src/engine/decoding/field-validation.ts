import type { FieldValidation, KubeObject, SchemaCheck, SchemaProvider, SchemaTypeError } from '../types';

/**
 * Strict field validation, as the REST handlers run it while decoding
 * (staging/src/k8s.io/apiserver/pkg/endpoints/handlers/create.go, update.go, rest.go
 * fieldValidation; apimachinery runtime/serializer/json strict mode via sigs.k8s.io/json).
 * Unknown and duplicate fields are "strict decoding errors": `Strict` turns them into a 400,
 * `Warn` (the server's default) into warnings, `Ignore` drops them silently. Unknown fields are
 * always dropped from the decoded object: the Go struct has no place to keep them.
 */

/** rest.go fieldValidation: no directive means Warn. Unrecognised values are treated as Warn here. */
export function fieldValidationOf(path: string): FieldValidation {
  const value = new URLSearchParams(path.split('?')[1] ?? '').get('fieldValidation');
  return value === 'Strict' || value === 'Ignore' ? value : 'Warn';
}

/**
 * Finds keys that appear twice in one JSON object, with their paths (`metadata.name`,
 * `spec.containers[0].name`), in document order. The body must already be valid JSON.
 */
export function findDuplicateFields(text: string): string[] {
  type Frame = { kind: 'object'; keys: Set<string>; key: string } | { kind: 'array'; index: number };
  const stack: Frame[] = [];
  const out: string[] = [];
  const pathOf = (leaf?: string): string => {
    let p = '';
    for (const f of stack) {
      if (f.kind === 'array') p += `[${f.index}]`;
      else if (f.key !== '') p += p === '' ? f.key : `.${f.key}`;
    }
    if (leaf !== undefined) p += p === '' ? leaf : `.${leaf}`;
    return p;
  };
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '{') {
      stack.push({ kind: 'object', keys: new Set(), key: '' });
      expectKey = true;
    } else if (c === '[') {
      stack.push({ kind: 'array', index: 0 });
      expectKey = false;
    } else if (c === '}' || c === ']') {
      stack.pop();
      expectKey = false;
    } else if (c === ',') {
      const top = stack.at(-1);
      if (top?.kind === 'array') top.index++;
      expectKey = top?.kind === 'object';
    } else if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      const raw = text.slice(i, j + 1);
      i = j;
      const top = stack.at(-1);
      if (expectKey && top?.kind === 'object') {
        const key = JSON.parse(raw) as string;
        top.key = '';
        if (top.keys.has(key)) out.push(pathOf(key));
        top.keys.add(key);
        top.key = key;
        expectKey = false;
      }
    }
  }
  return out;
}

/** Removes the fields a schema check found unknown (paths like `spec.containers[0].imagee`). */
export function pruneUnknownFields(object: KubeObject, unknown: readonly string[]): void {
  for (const path of unknown) {
    const tokens = [...path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) =>
      m[2] === undefined ? m[1] : Number(m[2]),
    );
    let target: unknown = object;
    for (const t of tokens.slice(0, -1)) {
      if (typeof target !== 'object' || target === null) break;
      target = (target as Record<string | number, unknown>)[t as string | number];
    }
    const last = tokens.at(-1);
    if (typeof target === 'object' && target !== null && typeof last === 'string')
      delete (target as Record<string, unknown>)[last];
  }
}

/** encoding/json's UnmarshalTypeError text for the first type error (Go stops at the first). */
export function typeErrorText(kind: string, error: SchemaTypeError): string {
  if (error.text !== undefined) return error.text;
  return `json: cannot unmarshal ${error.found} into Go struct field ${kind}.${error.goPath} of type ${error.expected}`;
}

export interface FieldCheck {
  readonly check?: SchemaCheck;
  readonly strictErrors: readonly string[];
}

/** Runs the schema (when loaded) and the duplicate scan over a decoded JSON body. */
export function checkFields(
  schemas: SchemaProvider | undefined,
  apiVersion: string,
  kind: string,
  object: KubeObject,
  jsonText: string | undefined,
): FieldCheck {
  const check = schemas?.check(apiVersion, kind, object);
  const duplicates = jsonText === undefined ? [] : findDuplicateFields(jsonText);
  const strictErrors = [
    ...(check?.unknownFields ?? []).map((f) => `unknown field ${JSON.stringify(f)}`),
    ...duplicates.map((f) => `duplicate field ${JSON.stringify(f)}`),
  ];
  return { ...(check === undefined ? {} : { check }), strictErrors };
}
