import {
  CelScalar,
  celEnv,
  celFunc,
  isCelError,
  isCelList,
  isCelMap,
  isCelUint,
  parse,
  plan,
} from '@bufbuild/cel';
import { strings } from '@bufbuild/cel/ext';
import {
  ConstantSchema,
  type Expr,
  Expr_CallSchema,
  ExprSchema,
} from '@bufbuild/cel-spec/cel/expr/syntax_pb.js';
import { create } from '@bufbuild/protobuf';
import type { CelEvaluator, CelOutcome } from '../../types';

/**
 * The CEL interpreter behind ValidatingAdmissionPolicy and MutatingAdmissionPolicy, built on
 * @bufbuild/cel. Only cel-load.ts imports this file (dynamically), so the interpreter stays out of
 * the initial bundle. No eval or new Function anywhere: @bufbuild/cel walks the AST.
 *
 * Two things Kubernetes' cel-go environment has that @bufbuild/cel lacks are added here:
 * - a cost bound. Kubernetes charges every expression against a cost budget (1,000,000 per
 *   expression, staging/src/k8s.io/apiserver/pkg/apis/cel/config.go PerCallLimit) and fails with
 *   `operation cancelled: actual cost limit exceeded`/`running out of cost budget`. Here each AST
 *   node costs 1 and every comprehension iteration costs 1 plus the size of its loop body; the
 *   loop condition of every comprehension is rewritten to `__krf_step() && <condition>`, so the
 *   count is checked on every iteration and an over-budget expression stops at once. The numbers
 *   are approximate: they are not cel-go's cost model.
 * - typed object construction. `Object{spec: Object.spec{...}}` (ApplyConfiguration) and
 *   `JSONPatch{op: ..., path: ...}` build protobuf-like types in cel-go; here they become plain maps.
 *
 * Kubernetes' CEL libraries (quantity, url, ip, cidr, authz, format, optional types) are not
 * available; the strings extension is.
 */

/** Kubernetes' PerCallLimit. */
export const DEFAULT_CEL_BUDGET = 1_000_000;
/** A guard against pathological sources: CEL has no length limit of its own, the request size does. */
const MAX_EXPRESSION_LENGTH = 100_000;

const STEP_FUNCTION = '__krf_step';

let nextId = 1n << 40n;

function newExpr(kind: Expr['exprKind']): Expr {
  nextId += 1n;
  return create(ExprSchema, { id: nextId, exprKind: kind });
}

function countNodes(e: Expr | undefined): number {
  if (e === undefined) return 0;
  const k = e.exprKind;
  switch (k.case) {
    case 'selectExpr':
      return 1 + countNodes(k.value.operand);
    case 'callExpr':
      return 1 + countNodes(k.value.target) + k.value.args.reduce((n, a) => n + countNodes(a), 0);
    case 'listExpr':
      return 1 + k.value.elements.reduce((n, a) => n + countNodes(a), 0);
    case 'structExpr':
      return (
        1 +
        k.value.entries.reduce(
          (n, en) =>
            n + countNodes(en.value) + (en.keyKind.case === 'mapKey' ? countNodes(en.keyKind.value) : 0),
          0,
        )
      );
    case 'comprehensionExpr': {
      const c = k.value;
      return 1 + countNodes(c.iterRange) + countNodes(c.accuInit) + countNodes(c.result);
    }
    default:
      return 1;
  }
}

/**
 * Rewrites the parsed AST in place: typed struct literals become maps, and every comprehension's
 * loop condition pays for one iteration first. Returns the per-iteration weights by node id.
 */
function rewrite(e: Expr | undefined, weights: number[]): void {
  if (e === undefined) return;
  const k = e.exprKind;
  switch (k.case) {
    case 'selectExpr':
      rewrite(k.value.operand, weights);
      break;
    case 'callExpr':
      rewrite(k.value.target, weights);
      for (const a of k.value.args) rewrite(a, weights);
      break;
    case 'listExpr':
      for (const a of k.value.elements) rewrite(a, weights);
      break;
    case 'structExpr':
      for (const en of k.value.entries) {
        if (en.keyKind.case === 'mapKey') rewrite(en.keyKind.value, weights);
        rewrite(en.value, weights);
        if (k.value.messageName !== '' && en.keyKind.case === 'fieldKey') {
          const key = create(ConstantSchema, {
            constantKind: { case: 'stringValue', value: en.keyKind.value },
          });
          en.keyKind = { case: 'mapKey', value: newExpr({ case: 'constExpr', value: key }) };
        }
      }
      k.value.messageName = '';
      break;
    case 'comprehensionExpr': {
      const c = k.value;
      for (const part of [c.iterRange, c.accuInit, c.loopCondition, c.loopStep, c.result])
        rewrite(part, weights);
      const weight = 1 + countNodes(c.loopStep) + countNodes(c.loopCondition);
      weights.push(weight);
      const step = newExpr({
        case: 'callExpr',
        value: create(Expr_CallSchema, {
          function: STEP_FUNCTION,
          args: [
            newExpr({
              case: 'constExpr',
              value: create(ConstantSchema, { constantKind: { case: 'int64Value', value: BigInt(weight) } }),
            }),
          ],
        }),
      });
      const condition =
        c.loopCondition ??
        newExpr({
          case: 'constExpr',
          value: create(ConstantSchema, { constantKind: { case: 'boolValue', value: true } }),
        });
      c.loopCondition = newExpr({
        case: 'callExpr',
        value: create(Expr_CallSchema, { function: '_&&_', args: [step, condition] }),
      });
      break;
    }
    default:
      break;
  }
}

/** JSON → CEL input: whole numbers become CEL ints (Kubernetes' integer fields are int64). */
export function toCelInput(value: unknown): unknown {
  if (typeof value === 'number') return Number.isInteger(value) ? BigInt(value) : value;
  if (Array.isArray(value)) return value.map(toCelInput);
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = toCelInput(v);
    return out;
  }
  return value;
}

/** CEL value → JSON, for display and for patches. */
export function fromCelValue(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  if (isCelUint(value)) return Number(value.value);
  if (isCelList(value)) return [...value].map(fromCelValue);
  if (isCelMap(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of value) out[String(typeof k === 'object' ? k.value : k)] = fromCelValue(v);
    return out;
  }
  if (value instanceof Uint8Array) return btoa(String.fromCharCode(...value));
  if (typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = fromCelValue(v);
    return out;
  }
  if (typeof value === 'object' && value !== null && 'typeName' in value)
    return String((value as { typeName: unknown }).typeName);
  return value;
}

interface Compiled {
  readonly run: (bindings: Record<string, unknown>) => unknown;
  readonly baseCost: number;
}

/** Builds the evaluator. Each call to evaluate() gets its own budget. */
export function createCelEvaluator(): CelEvaluator {
  const meter = { spent: 0, budget: DEFAULT_CEL_BUDGET, over: false };
  const stepFunc = celFunc(STEP_FUNCTION, [CelScalar.INT], CelScalar.BOOL, (weight: bigint) => {
    meter.spent += Number(weight);
    if (meter.spent > meter.budget) {
      meter.over = true;
      return false;
    }
    return true;
  });
  const env = celEnv({ funcs: [stepFunc, ...strings] });
  const cache = new Map<string, Compiled | string>();

  const compile = (expression: string): Compiled | string => {
    const cached = cache.get(expression);
    if (cached !== undefined) return cached;
    let result: Compiled | string;
    if (expression.length > MAX_EXPRESSION_LENGTH)
      result = `expression is longer than ${MAX_EXPRESSION_LENGTH} characters`;
    else {
      try {
        const parsed = parse(expression);
        const baseCost = countNodes(parsed.expr);
        rewrite(parsed.expr, []);
        const program = plan(env, parsed) as (ctx: Record<string, unknown>) => unknown;
        result = { run: program, baseCost };
      } catch (e) {
        result = e instanceof Error ? e.message : String(e);
      }
    }
    if (cache.size > 500) cache.clear();
    cache.set(expression, result);
    return result;
  };

  return {
    check(expression) {
      const compiled = compile(expression);
      return typeof compiled === 'string' ? compiled : undefined;
    },
    evaluate(expression, bindings, budget = DEFAULT_CEL_BUDGET): CelOutcome {
      const compiled = compile(expression);
      if (typeof compiled === 'string') return { ok: false, kind: 'compile', error: compiled, cost: 0 };
      meter.spent = compiled.baseCost;
      meter.budget = budget;
      meter.over = false;
      const input: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(bindings)) input[k] = toCelInput(v);
      let value: unknown;
      try {
        value = compiled.run(input);
      } catch (e) {
        return {
          ok: false,
          kind: 'runtime',
          error: e instanceof Error ? e.message : String(e),
          cost: meter.spent,
        };
      }
      if (meter.over) {
        return {
          ok: false,
          kind: 'cost',
          error:
            'operation cancelled: actual cost limit exceeded (approximate: the simulator counts AST nodes and loop iterations, not cel-go cost units)',
          cost: meter.spent,
        };
      }
      if (isCelError(value)) return { ok: false, kind: 'runtime', error: value.message, cost: meter.spent };
      return { ok: true, value: fromCelValue(value), cost: meter.spent };
    },
  };
}
