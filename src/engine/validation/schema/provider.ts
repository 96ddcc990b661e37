import type { SchemaCheck, SchemaProvider, SchemaTypeError } from '../../types';

/**
 * Turns kubernetes-models' validators into a SchemaProvider. kubernetes-models ships the upstream
 * OpenAPI definitions (api/openapi-spec in kubernetes/kubernetes) compiled by Ajv into plain
 * functions (no eval at run time), one module per definition. They check JSON types, formats
 * and `required`, but, like the OpenAPI schemas themselves, they do not reject unknown fields.
 *
 * Unknown fields are found by watching the validator: it reads every property its schema defines
 * (`data.containers`, `data.dnsPolicy`, …) and enumerates the keys of maps (`labels`). The object
 * is wrapped in Proxies that record those reads; any key of a struct that was never read is a
 * field the schema does not have. Objects the validator never looked into (free-form fields such
 * as RawExtension) are trusted, as the apiserver keeps unknown fields there.
 */

/** An Ajv-compiled validate function, as kubernetes-models exports it. */
export interface CompiledValidator {
  (data: unknown): boolean;
  errors?: readonly AjvError[] | null;
}

export interface AjvError {
  readonly instancePath: string;
  readonly keyword: string;
  readonly params: Readonly<Record<string, unknown>>;
}

type Obj = Record<string, unknown>;

function isPlainObject(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

interface Trace {
  readonly reads: WeakMap<object, Set<string>>;
  readonly enumerated: WeakSet<object>;
}

function traced(root: unknown): { proxy: unknown; trace: Trace } {
  const reads = new WeakMap<object, Set<string>>();
  const enumerated = new WeakSet<object>();
  const proxies = new WeakMap<object, object>();
  const mark = (target: object, key: string | symbol) => {
    if (typeof key !== 'string' || Array.isArray(target)) return;
    let set = reads.get(target);
    if (set === undefined) {
      set = new Set();
      reads.set(target, set);
    }
    set.add(key);
  };
  const handler: ProxyHandler<object> = {
    get(target, key) {
      mark(target, key);
      return wrap(Reflect.get(target, key));
    },
    has(target, key) {
      mark(target, key);
      return Reflect.has(target, key);
    },
    ownKeys(target) {
      enumerated.add(target);
      return Reflect.ownKeys(target);
    },
  };
  const wrap = (value: unknown): unknown => {
    if (typeof value !== 'object' || value === null) return value;
    let proxy = proxies.get(value);
    if (proxy === undefined) {
      proxy = new Proxy(value, handler);
      proxies.set(value, proxy);
    }
    return proxy;
  };
  return { proxy: wrap(root), trace: { reads, enumerated } };
}

/** Walks the object in key order and lists the struct keys the validator never read. */
function unknownFields(value: unknown, trace: Trace, path: string, out: string[]): void {
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      unknownFields(item, trace, `${path}[${i}]`, out);
    });
    return;
  }
  if (!isPlainObject(value)) return;
  const read = trace.reads.get(value);
  const isMap = trace.enumerated.has(value);
  for (const [key, child] of Object.entries(value)) {
    const childPath = path === '' ? key : `${path}.${key}`;
    if (!isMap && read !== undefined && !read.has(key)) {
      out.push(childPath);
      continue;
    }
    unknownFields(child, trace, childPath, out);
  }
}

/** `/spec/containers/0/ports/0/containerPort` → field and Go-style paths. */
function paths(pointer: string): { field: string; goPath: string; segments: string[] } {
  const segments = pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  let field = '';
  const go: string[] = [];
  for (const s of segments) {
    if (/^\d+$/.test(s)) field += `[${s}]`;
    else {
      field += field === '' ? s : `.${s}`;
      go.push(s);
    }
  }
  return { field, goPath: go.join('.'), segments };
}

function valueAt(root: unknown, segments: readonly string[]): unknown {
  let v = root;
  for (const s of segments) v = Array.isArray(v) ? v[Number(s)] : isPlainObject(v) ? v[s] : undefined;
  return v;
}

function jsonKind(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (value === null) return 'null';
  if (typeof value === 'boolean') return 'bool';
  return typeof value === 'object' ? 'object' : typeof value;
}

function setAt(root: unknown, segments: readonly string[], value: unknown): unknown {
  const copy = JSON.parse(JSON.stringify(root)) as unknown;
  let v = copy;
  for (const s of segments.slice(0, -1)) v = Array.isArray(v) ? v[Number(s)] : (v as Obj)[s];
  const last = segments.at(-1);
  if (last !== undefined && typeof v === 'object' && v !== null) (v as Obj)[last] = value;
  return copy;
}

const GO_TYPE: Readonly<Record<string, string>> = {
  string: 'string',
  boolean: 'bool',
  number: 'float64',
  object: 'object',
  array: 'array',
};

/** Reads Ajv's errors the way encoding/json would have failed on the same body. */
function typeErrors(
  validate: CompiledValidator,
  object: unknown,
  errors: readonly AjvError[],
): SchemaTypeError[] {
  const out: SchemaTypeError[] = [];
  const seen = new Set<string>();
  const oneOfPaths = new Set(errors.filter((e) => e.keyword === 'oneOf').map((e) => e.instancePath));
  for (const e of errors) {
    if (seen.has(e.instancePath)) continue;
    const { field, goPath, segments } = paths(e.instancePath);
    const found = jsonKind(valueAt(object, segments));
    if (oneOfPaths.has(e.instancePath)) {
      // Quantity (number | quantity string) and IntOrString (string | int32) are oneOf schemas.
      const isQuantity = errors.some(
        (x) => x.instancePath === e.instancePath && x.params.format === 'quantity',
      );
      seen.add(e.instancePath);
      if (isQuantity) {
        out.push({
          goPath,
          field,
          found,
          expected: 'resource.Quantity',
          text: "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
        });
      } else {
        out.push({
          goPath,
          field,
          found,
          expected: 'int32',
          text: `json: cannot unmarshal ${found} into Go value of type int32`,
        });
      }
      continue;
    }
    if (e.keyword === 'type') {
      seen.add(e.instancePath);
      const t = String(e.params.type);
      let expected = GO_TYPE[t] ?? t;
      if (t === 'integer') {
        // The format check only runs on numbers: probe with a value only int64 can hold.
        validate(setAt(object, segments, 2 ** 40));
        const int32 = (validate.errors ?? []).some(
          (x) => x.instancePath === e.instancePath && x.params.format === 'int32',
        );
        expected = int32 ? 'int32' : 'int64';
      }
      out.push({ goPath, field, found, expected });
    } else if (e.keyword === 'format' && (e.params.format === 'int32' || e.params.format === 'int64')) {
      seen.add(e.instancePath);
      out.push({
        goPath,
        field,
        found: `number ${String(valueAt(object, segments))}`,
        expected: String(e.params.format),
      });
    }
  }
  return out;
}

/** Builds a SchemaProvider from `{ "<apiVersion>/<Kind>": validator }`. */
export function createSchemaProvider(
  validators: ReadonlyMap<string, CompiledValidator>,
  source: string,
): SchemaProvider {
  return {
    source,
    check(apiVersion, kind, object): SchemaCheck | undefined {
      const validate = validators.get(`${apiVersion}/${kind}`);
      if (validate === undefined) return undefined;
      const { proxy, trace } = traced(object);
      validate(proxy);
      const errors = [...(validate.errors ?? [])];
      const unknown: string[] = [];
      unknownFields(object, trace, '', unknown);
      const missingRequired = errors
        .filter((e) => e.keyword === 'required')
        .map((e) => {
          const { field } = paths(e.instancePath);
          const name = String(e.params.missingProperty);
          return field === '' ? name : `${field}.${name}`;
        });
      return { unknownFields: unknown, typeErrors: typeErrors(validate, object, errors), missingRequired };
    },
  };
}
