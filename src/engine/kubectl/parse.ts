/**
 * The command line as kubectl's cobra tree reads it: environment assignments, the command (and
 * its subcommand) found past global flags, then the command's own flags. Unknown and
 * not-simulated commands fail here with kubectl's messages, before any request is built.
 */
import type { HttpRequest } from '../types';
import { APPLY_FLAGS, applyRequests, REPLACE_FLAGS, replaceRequests } from './apply';
import { CAN_I_FLAGS, canIRequests, WHOAMI_FLAGS, whoamiRequests } from './auth';
import type { CommandInput, KubectlContext } from './context';
import {
  CREATE_FLAGS,
  CREATE_SUBCOMMANDS,
  createFromFilesRequests,
  createWithGeneratorRequests,
  findGenerator,
} from './create';
import { DELETE_FLAGS, deleteRequests } from './delete';
import { DESCRIBE_FLAGS, describeRequests } from './describe';
import { API_RESOURCES_FLAGS, discoveryRequests, VERSION_FLAGS, versionRequests } from './discovery';
import { EDIT_FLAGS, editRequests } from './edit';
import { KubectlError } from './errors';
import { type FlagSpec, Flags, GLOBAL_FLAGS, parseArgs } from './flags';
import { GET_FLAGS, getRequests } from './get';
import {
  ANNOTATE_FLAGS,
  LABEL_FLAGS,
  metadataMapRequests,
  PATCH_FLAGS,
  patchRequests,
  SCALE_FLAGS,
  scaleRequests,
} from './patch';
import { EXEC_FLAGS, execRequests, LOGS_FLAGS, logsRequests } from './pods';
import { RUN_FLAGS, runRequests } from './run';
import { tokenize } from './tokenize';

interface Command {
  readonly flags: readonly FlagSpec[];
  readonly run: (input: CommandInput) => HttpRequest[];
}

const COMMANDS: Readonly<Record<string, Command>> = {
  get: { flags: GET_FLAGS, run: getRequests },
  describe: { flags: DESCRIBE_FLAGS, run: describeRequests },
  delete: { flags: DELETE_FLAGS, run: deleteRequests },
  run: { flags: RUN_FLAGS, run: runRequests },
  apply: { flags: APPLY_FLAGS, run: applyRequests },
  replace: { flags: REPLACE_FLAGS, run: replaceRequests },
  patch: { flags: PATCH_FLAGS, run: patchRequests },
  edit: { flags: EDIT_FLAGS, run: editRequests },
  label: { flags: LABEL_FLAGS, run: (input) => metadataMapRequests(input, 'labels') },
  annotate: { flags: ANNOTATE_FLAGS, run: (input) => metadataMapRequests(input, 'annotations') },
  scale: { flags: SCALE_FLAGS, run: scaleRequests },
  logs: { flags: LOGS_FLAGS, run: logsRequests },
  exec: { flags: EXEC_FLAGS, run: execRequests },
  'api-resources': { flags: API_RESOURCES_FLAGS, run: discoveryRequests },
  'api-versions': { flags: [], run: discoveryRequests },
  version: { flags: VERSION_FLAGS, run: versionRequests },
  'auth can-i': { flags: CAN_I_FLAGS, run: canIRequests },
  'auth whoami': { flags: WHOAMI_FLAGS, run: whoamiRequests },
};

/** Every top-level command kubectl v1.31 has (pkg/cmd/cmd.go), for telling "unknown" from "not simulated". */
const KUBECTL_COMMANDS = [
  'alpha',
  'annotate',
  'api-resources',
  'api-versions',
  'apply',
  'attach',
  'auth',
  'autoscale',
  'certificate',
  'cluster-info',
  'completion',
  'config',
  'cordon',
  'cp',
  'create',
  'debug',
  'delete',
  'describe',
  'diff',
  'drain',
  'edit',
  'events',
  'exec',
  'explain',
  'expose',
  'get',
  'help',
  'kustomize',
  'label',
  'logs',
  'options',
  'patch',
  'plugin',
  'port-forward',
  'proxy',
  'replace',
  'rollout',
  'run',
  'scale',
  'set',
  'taint',
  'top',
  'uncordon',
  'version',
  'wait',
] as const;

/** Global flags that take a value, so the word after them is not the command (`kubectl -n dev get pods`). */
const VALUE_FLAGS = GLOBAL_FLAGS.filter((f) => f.kind !== 'bool');
/** A command line resolved to one kubectl command: its name, its parsed input, and its first requests. */
export interface ParsedKubectl {
  /** `get`, `create deployment`, `auth can-i`… (the cobra command path without `kubectl `). */
  readonly name: string;
  readonly input: CommandInput;
  /** The requests kubectl sends before it has seen any response (kubectlToRequests' answer). */
  readonly requests: () => HttpRequest[];
}

/**
 * Parses a command line as kubectl would, without building requests yet. Returns undefined when
 * kubectl would only print help. Throws KubectlError for what kubectl rejects while parsing.
 */
export function parseKubectl(commandLine: string, ctx: KubectlContext = {}): ParsedKubectl | undefined {
  const env: Record<string, string> = {};
  let words = tokenize(commandLine);
  while (words.length > 0 && /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[0] as string)) {
    const word = words[0] as string;
    const eq = word.indexOf('=');
    env[word.slice(0, eq)] = word.slice(eq + 1);
    words = words.slice(1);
  }
  if (words[0] === 'kubectl') words = words.slice(1);

  const commandIndex = findCommandIndex(words);
  if (commandIndex === -1) return undefined; // bare `kubectl` (or only flags) prints help
  const commandWord = words[commandIndex] as string;
  const rest = [...words.slice(0, commandIndex), ...words.slice(commandIndex + 1)];

  if (commandWord === 'create') return runCreate(rest, ctx, env);
  if (commandWord === 'auth') {
    const subIndex = findCommandIndex(rest);
    const sub = subIndex === -1 ? undefined : rest[subIndex];
    const command = sub === undefined ? undefined : COMMANDS[`auth ${sub}`];
    if (sub === undefined) return undefined;
    if (command === undefined) {
      if (['reconcile'].includes(sub)) throw notSimulated(`auth ${sub}`);
      throw new KubectlError(
        `error: unknown command "${sub}" for "kubectl auth"`,
        "Run 'kubectl auth --help' for usage.",
      );
    }
    return runCommand(
      command,
      `kubectl auth ${sub}`,
      [...rest.slice(0, subIndex), ...rest.slice(subIndex + 1)],
      ctx,
      env,
    );
  }
  const command = COMMANDS[commandWord];
  if (command !== undefined) return runCommand(command, `kubectl ${commandWord}`, rest, ctx, env);
  if ((KUBECTL_COMMANDS as readonly string[]).includes(commandWord)) throw notSimulated(commandWord);
  throw unknownCommand(commandWord);
}

function runCreate(
  rest: readonly string[],
  ctx: KubectlContext,
  env: Record<string, string>,
): ParsedKubectl | undefined {
  const subIndex = findCommandIndex(rest);
  if (subIndex !== -1) {
    const found = findGenerator(rest.slice(subIndex));
    if (found !== undefined) {
      const remaining = [...rest.slice(0, subIndex), ...rest.slice(subIndex + found.consumed)];
      const path = `kubectl create ${found.generator.name}`;
      return runCommand(
        { flags: found.generator.flags, run: (input) => createWithGeneratorRequests(found.generator, input) },
        path,
        remaining,
        ctx,
        env,
      );
    }
    const sub = rest[subIndex] as string;
    if ((CREATE_SUBCOMMANDS as readonly string[]).includes(sub)) throw notSimulated(`create ${sub}`);
  }
  return runCommand({ flags: CREATE_FLAGS, run: createFromFilesRequests }, 'kubectl create', rest, ctx, env);
}

function runCommand(
  command: Command,
  commandPath: string,
  args: readonly string[],
  ctx: KubectlContext,
  env: Record<string, string>,
): ParsedKubectl | undefined {
  const parsed = parseArgs(args, command.flags, commandPath);
  const flags = new Flags(parsed);
  if (flags.bool('help')) return undefined;
  const explicitNamespace = flags.string('namespace') !== '';
  const input: CommandInput = {
    commandPath,
    args: parsed.positional,
    argsLenAtDash: parsed.argsLenAtDash,
    flags,
    namespace: explicitNamespace ? flags.string('namespace') : ctx.namespace || 'default',
    explicitNamespace,
    files: ctx.files ?? {},
    env,
  };
  return { name: commandPath.replace(/^kubectl /, ''), input, requests: () => command.run(input) };
}

/** The first word that is neither a flag nor a global flag's value (cobra's stripFlags). */
function findCommandIndex(words: readonly string[]): number {
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    if (word === '--') return -1;
    if (!word.startsWith('-') || word === '-') return i;
    if (word.includes('=')) continue;
    const takesValue = word.startsWith('--')
      ? VALUE_FLAGS.some((f) => `--${f.name}` === word)
      : word.length === 2 && VALUE_FLAGS.some((f) => f.short === word[1]);
    if (takesValue) i++;
  }
  return -1;
}

function notSimulated(command: string): KubectlError {
  return new KubectlError(`error: kubectl ${command} is not simulated`);
}

/** cobra's legacyArgs error, with its "Did you mean this?" suggestions (Levenshtein ≤ 2 or a prefix). */
function unknownCommand(word: string): KubectlError {
  const suggestions = KUBECTL_COMMANDS.filter(
    (c) => levenshtein(word.toLowerCase(), c) <= 2 || c.startsWith(word.toLowerCase()),
  );
  const suffix =
    suggestions.length === 0 ? '' : `\n\nDid you mean this?\n${suggestions.map((s) => `\t${s}`).join('\n')}`;
  return new KubectlError(`error: unknown command "${word}" for "kubectl"${suffix}`);
}

function levenshtein(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current.push(
        Math.min(
          (previous[j] as number) + 1,
          (current[j - 1] as number) + 1,
          (previous[j - 1] as number) + cost,
        ),
      );
    }
    previous = current;
  }
  return previous[b.length] as number;
}
