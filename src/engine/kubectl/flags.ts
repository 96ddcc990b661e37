/**
 * Flag parsing with spf13/pflag's rules (flag.go parseLongArg / parseShortArg), which cobra and
 * therefore kubectl use: `--flag=value`, `--flag value`, `-n dev`, `-ndev`, `-n=dev`, bundled bool
 * shorthands (`-it`), `--` ending flags, and flags interspersed with arguments.
 */
import { KubectlError } from './errors';

export type FlagKind = 'bool' | 'string' | 'int' | 'stringArray' | 'stringSlice';

export interface FlagSpec {
  readonly name: string;
  readonly short?: string;
  readonly kind: FlagKind;
  readonly default?: string | number | boolean;
  /** pflag NoOptDefVal: the value a non-bool flag takes when given without `=value` (`--cascade`, `--dry-run`). */
  readonly noOptDefault?: string;
}

export type FlagValue = string | number | boolean | readonly string[];

export interface ParsedArgs {
  readonly positional: readonly string[];
  /** Positional arguments before `--` (cobra ArgsLenAtDash), or -1 without `--`. */
  readonly argsLenAtDash: number;
  /** Flags the user set, by long name. */
  readonly values: ReadonlyMap<string, FlagValue>;
  readonly specs: readonly FlagSpec[];
}

/** kubectl's global (persistent) flags, staging/src/k8s.io/cli-runtime/pkg/genericclioptions/config_flags.go. */
export const GLOBAL_FLAGS: readonly FlagSpec[] = [
  { name: 'namespace', short: 'n', kind: 'string' },
  { name: 'as', kind: 'string' },
  { name: 'as-group', kind: 'stringArray' },
  { name: 'as-uid', kind: 'string' },
  { name: 'cache-dir', kind: 'string' },
  { name: 'certificate-authority', kind: 'string' },
  { name: 'client-certificate', kind: 'string' },
  { name: 'client-key', kind: 'string' },
  { name: 'cluster', kind: 'string' },
  { name: 'context', kind: 'string' },
  { name: 'disable-compression', kind: 'bool' },
  { name: 'insecure-skip-tls-verify', kind: 'bool' },
  { name: 'kubeconfig', kind: 'string' },
  { name: 'match-server-version', kind: 'bool' },
  { name: 'password', kind: 'string' },
  { name: 'profile', kind: 'string' },
  { name: 'profile-output', kind: 'string' },
  { name: 'request-timeout', kind: 'string' },
  { name: 'server', short: 's', kind: 'string' },
  { name: 'tls-server-name', kind: 'string' },
  { name: 'token', kind: 'string' },
  { name: 'user', kind: 'string' },
  { name: 'username', kind: 'string' },
  { name: 'v', short: 'v', kind: 'int' },
  { name: 'vmodule', kind: 'string' },
  { name: 'log-flush-frequency', kind: 'string' },
  { name: 'warnings-as-errors', kind: 'bool' },
  { name: 'help', short: 'h', kind: 'bool' },
];

/** Parses `args` against the command's flags plus the global ones. Throws pflag's messages. */
export function parseArgs(
  args: readonly string[],
  local: readonly FlagSpec[],
  commandPath: string,
): ParsedArgs {
  const specs = [...local, ...GLOBAL_FLAGS];
  const hint = `See '${commandPath} --help' for usage.`;
  const fail = (message: string): never => {
    throw new KubectlError(`error: ${message}`, hint);
  };
  const values = new Map<string, FlagValue>();
  const positional: string[] = [];
  let argsLenAtDash = -1;

  const set = (spec: FlagSpec, raw: string, display: string) => {
    values.set(spec.name, convert(spec, raw, display, values.get(spec.name), fail));
  };

  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--') {
      argsLenAtDash = positional.length;
      positional.push(...args.slice(i + 1));
      break;
    }
    if (arg.startsWith('--') && arg.length > 2) {
      const body = arg.slice(2);
      const eq = body.indexOf('=');
      const name = eq === -1 ? body : body.slice(0, eq);
      const spec = specs.find((s) => s.name === name);
      if (spec === undefined) fail(`unknown flag: --${name}`);
      const s = spec as FlagSpec;
      const display = s.short === undefined ? `--${s.name}` : `-${s.short}, --${s.name}`;
      if (eq !== -1) set(s, body.slice(eq + 1), display);
      else if (s.kind === 'bool') set(s, 'true', display);
      else if (s.noOptDefault !== undefined) set(s, s.noOptDefault, display);
      else if (i + 1 < args.length) set(s, args[++i] as string, display);
      else fail(`flag needs an argument: --${name}`);
      continue;
    }
    if (arg.startsWith('-') && arg.length > 1) {
      let shorthands = arg.slice(1);
      while (shorthands.length > 0) {
        const c = shorthands[0] as string;
        const spec = specs.find((s) => s.short === c);
        if (spec === undefined) fail(`unknown shorthand flag: '${c}' in -${arg.slice(1)}`);
        const s = spec as FlagSpec;
        const display = `-${c}, --${s.name}`;
        if (shorthands.length > 2 && shorthands[1] === '=') {
          set(s, shorthands.slice(2), display);
          shorthands = '';
        } else if (s.kind === 'bool' || s.noOptDefault !== undefined) {
          set(s, s.kind === 'bool' ? 'true' : (s.noOptDefault as string), display);
          shorthands = shorthands.slice(1);
        } else if (shorthands.length > 1) {
          set(s, shorthands.slice(1), display);
          shorthands = '';
        } else if (i + 1 < args.length) {
          set(s, args[++i] as string, display);
          shorthands = '';
        } else {
          fail(`flag needs an argument: '${c}' in -${c}`);
        }
      }
      continue;
    }
    positional.push(arg);
  }
  return { positional, argsLenAtDash, values, specs };
}

function convert(
  spec: FlagSpec,
  raw: string,
  display: string,
  previous: FlagValue | undefined,
  fail: (message: string) => never,
): FlagValue {
  switch (spec.kind) {
    case 'bool': {
      const lower = raw.toLowerCase();
      if (['1', 't', 'true'].includes(lower) || raw === 'T' || raw === 'TRUE' || raw === 'True') return true;
      if (['0', 'f', 'false'].includes(lower)) return false;
      return fail(
        `invalid argument "${raw}" for "${display}" flag: strconv.ParseBool: parsing "${raw}": invalid syntax`,
      );
    }
    case 'int': {
      if (!/^[+-]?\d+$/.test(raw)) {
        return fail(
          `invalid argument "${raw}" for "${display}" flag: strconv.ParseInt: parsing "${raw}": invalid syntax`,
        );
      }
      return Number.parseInt(raw, 10);
    }
    case 'string':
      return raw;
    case 'stringArray':
      return [...((previous as readonly string[] | undefined) ?? []), raw];
    case 'stringSlice':
      // pflag reads a string slice value as one CSV record.
      return [...((previous as readonly string[] | undefined) ?? []), ...(raw === '' ? [] : raw.split(','))];
  }
}

/** Typed reads of a parsed flag, falling back to the spec's default. */
export class Flags {
  constructor(private readonly parsed: ParsedArgs) {}

  has(name: string): boolean {
    return this.parsed.values.has(name);
  }

  string(name: string): string {
    const v = this.parsed.values.get(name) ?? this.spec(name)?.default;
    return typeof v === 'string' ? v : '';
  }

  bool(name: string): boolean {
    const v = this.parsed.values.get(name) ?? this.spec(name)?.default;
    return v === true;
  }

  int(name: string): number {
    const v = this.parsed.values.get(name) ?? this.spec(name)?.default;
    return typeof v === 'number' ? v : 0;
  }

  strings(name: string): readonly string[] {
    const v = this.parsed.values.get(name);
    return Array.isArray(v) ? v : [];
  }

  private spec(name: string): FlagSpec | undefined {
    return this.parsed.specs.find((s) => s.name === name);
  }
}

/** Flags shared by several commands (staging/src/k8s.io/kubectl/pkg/cmd/util/helpers.go Add*Flags). */
export const DRY_RUN_FLAG: FlagSpec = {
  name: 'dry-run',
  kind: 'string',
  default: 'none',
  noOptDefault: 'unchanged',
};
export const VALIDATE_FLAG: FlagSpec = {
  name: 'validate',
  kind: 'string',
  default: 'strict',
  noOptDefault: 'strict',
};
export const OUTPUT_FLAG: FlagSpec = { name: 'output', short: 'o', kind: 'string' };
export const FILENAME_FLAG: FlagSpec = { name: 'filename', short: 'f', kind: 'stringSlice' };
export const KUSTOMIZE_FLAG: FlagSpec = { name: 'kustomize', short: 'k', kind: 'string' };
export const RECURSIVE_FLAG: FlagSpec = { name: 'recursive', short: 'R', kind: 'bool' };
export const SELECTOR_FLAG: FlagSpec = { name: 'selector', short: 'l', kind: 'string' };
export const FIELD_SELECTOR_FLAG: FlagSpec = { name: 'field-selector', kind: 'string' };
export const ALL_NAMESPACES_FLAG: FlagSpec = { name: 'all-namespaces', short: 'A', kind: 'bool' };
export const SAVE_CONFIG_FLAG: FlagSpec = { name: 'save-config', kind: 'bool' };
export const RECORD_FLAG: FlagSpec = { name: 'record', kind: 'bool' };
export const SHOW_MANAGED_FIELDS_FLAG: FlagSpec = { name: 'show-managed-fields', kind: 'bool' };
export const TEMPLATE_FLAG: FlagSpec = { name: 'template', kind: 'string' };
export const ALLOW_MISSING_TEMPLATE_KEYS_FLAG: FlagSpec = {
  name: 'allow-missing-template-keys',
  kind: 'bool',
};

export function fieldManagerFlag(defaultManager: string): FlagSpec {
  return { name: 'field-manager', kind: 'string', default: defaultManager };
}

/** Printing flags every command that prints objects accepts (genericclioptions.PrintFlags). */
export const PRINT_FLAGS: readonly FlagSpec[] = [
  OUTPUT_FLAG,
  SHOW_MANAGED_FIELDS_FLAG,
  TEMPLATE_FLAG,
  ALLOW_MISSING_TEMPLATE_KEYS_FLAG,
];

export type DryRunStrategy = 'none' | 'client' | 'server';

/** cmdutil.GetDryRunStrategy. */
export function dryRunStrategy(flags: Flags): DryRunStrategy {
  const value = flags.string('dry-run');
  switch (value) {
    case 'none':
    case 'client':
    case 'server':
      return value;
    default:
      throw new KubectlError(
        `error: Invalid dry-run value (${value}). Must be "none", "server", or "client".`,
      );
  }
}

/** cmdutil.GetValidationDirective: --validate=true|strict → Strict, warn → Warn, false|ignore → Ignore. */
export function validationDirective(flags: Flags): 'Strict' | 'Warn' | 'Ignore' {
  const value = flags.string('validate').toLowerCase();
  switch (value) {
    case 'true':
    case 'strict':
      return 'Strict';
    case 'warn':
      return 'Warn';
    case 'false':
    case 'ignore':
      return 'Ignore';
    default:
      throw new KubectlError(
        `error: invalid - validate option "${flags.string('validate')}"; must be one of: strict (or true), warn, ignore (or false)`,
      );
  }
}
