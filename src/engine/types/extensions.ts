/** The engine's optional heavy parts (OpenAPI schemas, a CEL interpreter), injected once loaded. */

/**
 * The OpenAPI schemas of the built-in kinds, loaded on demand (src/engine/validation/schema/load.ts).
 * The engine never imports the schema data itself, so it stays out of the initial bundle.
 */
export interface SchemaProvider {
  /** Which package and Kubernetes version the schemas came from, for display. */
  readonly source: string;
  /** Checks an object against its kind's schema; undefined when the kind has no schema. */
  check(apiVersion: string, kind: string, object: unknown): SchemaCheck | undefined;
}

export interface SchemaCheck {
  /** Fields the schema does not define, as `spec.containers[0].imagee`, in document order. */
  readonly unknownFields: readonly string[];
  /** Values of the wrong JSON type or format, as decoding reports them. */
  readonly typeErrors: readonly SchemaTypeError[];
  /** Required fields that are missing (OpenAPI `required`), as `spec.containers`. */
  readonly missingRequired: readonly string[];
}

export interface SchemaTypeError {
  /** `spec.replicas` (no indices, as encoding/json names Go struct fields). */
  readonly goPath: string;
  /** `spec.containers[0].ports[0].containerPort`. */
  readonly field: string;
  /** The JSON kind found: `string`, `number`, `bool`, `array`, `object`. */
  readonly found: string;
  /** The Go type expected: `int32`, `string`, `bool`, `[]v1.Container`… (approximate for structs). */
  readonly expected: string;
  /** For `quantity` and other formats: the whole error text instead. */
  readonly text?: string;
}

/**
 * A CEL interpreter, loaded on demand (src/engine/admission/policy/cel-load.ts). Evaluation is
 * synchronous and bounded by a step budget, so an expensive expression fails instead of freezing.
 */
export interface CelEvaluator {
  /** Parses an expression; returns a message on syntax errors. */
  check(expression: string): string | undefined;
  /** Evaluates with the given variables (plain JSON values; integers become CEL ints). */
  evaluate(expression: string, bindings: Readonly<Record<string, unknown>>, budget?: number): CelOutcome;
}

export type CelOutcome =
  | { readonly ok: true; readonly value: unknown; readonly cost: number }
  | {
      readonly ok: false;
      /** `compile`: syntax; `runtime`: evaluation error; `cost`: the step budget ran out. */
      readonly kind: 'compile' | 'runtime' | 'cost';
      readonly error: string;
      readonly cost: number;
    };

/** Optional heavy parts of the engine, injected once they have loaded. */
export interface EngineExtensions {
  readonly schemas?: SchemaProvider;
  readonly cel?: CelEvaluator;
}
