/**
 * A small JSON Schema validator for the subset schema.json uses ($ref to #/$defs, type, const,
 * enum, properties, required, additionalProperties, items, min/max length and items, pattern,
 * minimum/maximum, oneOf discriminated by a `type` const). Messages follow the apiserver's
 * field-error wording (`Required value`, `Unsupported value`, `unknown field`).
 */

export type SchemaPath = readonly (string | number)[];

export interface SchemaError {
  readonly path: SchemaPath;
  readonly message: string;
}

export interface JsonSchema {
  readonly $ref?: string;
  readonly type?: string | readonly string[];
  readonly const?: unknown;
  readonly enum?: readonly unknown[];
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  readonly additionalProperties?: boolean | JsonSchema;
  readonly items?: JsonSchema;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly pattern?: string;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly oneOf?: readonly JsonSchema[];
  readonly $defs?: Readonly<Record<string, JsonSchema>>;
}

/** `spec.users[1].credential` */
export function formatPath(path: SchemaPath): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : out === '' ? part : `.${part}`;
  return out;
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function matchesType(value: unknown, type: string): boolean {
  const actual = typeOf(value);
  return actual === type || (type === 'number' && actual === 'integer');
}

const quote = (v: unknown) => JSON.stringify(v);

/** Validates `value` against `schema` (whose `$defs` resolve `$ref`s); never throws on data. */
export function validateSchema(root: JsonSchema, value: unknown, prefix: SchemaPath = []): SchemaError[] {
  const errors: SchemaError[] = [];
  const full = (p: SchemaPath) => formatPath([...prefix, ...p]) || '(root)';
  const resolve = (schema: JsonSchema): JsonSchema => {
    if (schema.$ref === undefined) return schema;
    const name = schema.$ref.replace('#/$defs/', '');
    const target = root.$defs?.[name];
    if (target === undefined) throw new Error(`schema: unknown $ref ${schema.$ref}`);
    return resolve(target);
  };

  const visit = (schema0: JsonSchema, v: unknown, path: SchemaPath, out: SchemaError[]): void => {
    const schema = resolve(schema0);
    const at = (message: string) => out.push({ path, message: `${full(path)}: ${message}` });
    if (schema.oneOf !== undefined) {
      visitOneOf(schema.oneOf, v, path, out);
      return;
    }
    if (schema.const !== undefined && v !== schema.const) {
      at(`Unsupported value: ${quote(v)}: supported values: ${quote(schema.const)}`);
      return;
    }
    if (schema.enum !== undefined && !schema.enum.includes(v)) {
      at(`Unsupported value: ${quote(v)}: supported values: ${schema.enum.map(quote).join(', ')}`);
      return;
    }
    if (schema.type !== undefined) {
      const types = typeof schema.type === 'string' ? [schema.type] : schema.type;
      if (!types.some((t) => matchesType(v, t))) {
        at(
          `Invalid value: ${quote(typeOf(v))}: must be ${types.map((t) => (t === 'object' ? 'a mapping' : `a${/^[aeiou]/.test(t) ? 'n' : ''} ${t}`)).join(' or ')}`,
        );
        return;
      }
    }
    if (typeof v === 'string') {
      if (schema.minLength !== undefined && v.length < schema.minLength)
        at(
          schema.minLength === 1
            ? 'Required value'
            : `Invalid value: must be at least ${schema.minLength} characters`,
        );
      if (schema.maxLength !== undefined && v.length > schema.maxLength)
        at(`Too long: may not be more than ${schema.maxLength} bytes`);
      if (schema.pattern !== undefined && !new RegExp(schema.pattern).test(v))
        at(`Invalid value: ${quote(v.slice(0, 80))}: must match the regex ${schema.pattern}`);
    }
    if (typeof v === 'number') {
      if (schema.minimum !== undefined && v < schema.minimum)
        at(`Invalid value: ${v}: must be at least ${schema.minimum}`);
      if (schema.maximum !== undefined && v > schema.maximum)
        at(`Invalid value: ${v}: must be at most ${schema.maximum}`);
    }
    if (Array.isArray(v)) {
      if (schema.minItems !== undefined && v.length < schema.minItems)
        at(`Required value: at least ${schema.minItems} items`);
      if (schema.maxItems !== undefined && v.length > schema.maxItems)
        at(`Too many: ${v.length}: must have at most ${schema.maxItems} items`);
      const items = schema.items;
      if (items !== undefined) {
        for (const [i, item] of v.entries()) visit(items, item, [...path, i], out);
      }
    }
    if (typeOf(v) === 'object') {
      const record = v as Record<string, unknown>;
      for (const name of schema.required ?? []) {
        if (!Object.hasOwn(record, name))
          out.push({ path: [...path, name], message: `${full([...path, name])}: Required value` });
      }
      for (const key of Object.keys(record)) {
        const child =
          schema.properties !== undefined && Object.hasOwn(schema.properties, key)
            ? schema.properties[key]
            : undefined;
        if (child !== undefined) visit(child, record[key], [...path, key], out);
        else if (schema.additionalProperties === false)
          out.push({ path: [...path, key], message: `unknown field ${quote(full([...path, key]))}` });
        else if (typeof schema.additionalProperties === 'object')
          visit(schema.additionalProperties, record[key], [...path, key], out);
      }
    }
  };

  /** oneOf with a `type` discriminator: report the branch the value names, or the supported types. */
  const visitOneOf = (
    branches: readonly JsonSchema[],
    v: unknown,
    path: SchemaPath,
    out: SchemaError[],
  ): void => {
    if (!branches.some((b) => resolve(b).properties?.type?.const !== undefined)) {
      visitOneOfByKeys(branches, v, path, out);
      return;
    }
    const discriminator = typeOf(v) === 'object' ? (v as Record<string, unknown>).type : undefined;
    const named = branches.find((b) => resolve(b).properties?.type?.const === discriminator);
    if (named !== undefined) {
      visit(named, v, path, out);
      return;
    }
    const supported = branches.map((b) => resolve(b).properties?.type?.const).filter((c) => c !== undefined);
    if (typeOf(v) !== 'object') {
      out.push({ path, message: `${full(path)}: Invalid value: ${quote(typeOf(v))}: must be a mapping` });
      return;
    }
    const typePath = [...path, 'type'];
    out.push({
      path: typePath,
      message:
        discriminator === undefined
          ? `${full(typePath)}: Required value: one of ${supported.map(quote).join(', ')}`
          : `${full(typePath)}: Unsupported value: ${quote(discriminator)}: supported values: ${supported.map(quote).join(', ')}`,
    });
  };

  /**
   * oneOf without a `type` (a step's highlight: `{ stage }` or `{ editor, find }`): the branch is
   * the one whose first required field the value has; none: say which fields are expected.
   */
  const visitOneOfByKeys = (
    branches: readonly JsonSchema[],
    v: unknown,
    path: SchemaPath,
    out: SchemaError[],
  ): void => {
    if (typeOf(v) !== 'object') {
      out.push({ path, message: `${full(path)}: Invalid value: ${quote(typeOf(v))}: must be a mapping` });
      return;
    }
    const record = v as Record<string, unknown>;
    const named = branches.find((b) => {
      const key = resolve(b).required?.[0];
      return key !== undefined && Object.hasOwn(record, key);
    });
    if (named !== undefined) {
      visit(named, v, path, out);
      return;
    }
    const shapes = branches.map((b) => (resolve(b).required ?? []).map(quote).join(' and '));
    out.push({ path, message: `${full(path)}: Required value: one of ${shapes.join(', or ')}` });
  };

  visit(root, value, [], errors);
  return errors;
}
