/**
 * `kubectl create -f` (staging/src/k8s.io/kubectl/pkg/cmd/create/create.go) and the generator
 * subcommands (create_namespace.go, create_deployment.go, create_serviceaccount.go,
 * create_configmap.go, create_secret.go, create_role.go, create_clusterrole.go,
 * create_rolebinding.go, create_clusterrolebinding.go). The generators build typed Go structs and send
 * them through the typed clientset, so bodies keep Go struct field order, include the zero-valued
 * fields encoding/json does not omit (`"creationTimestamp":null`, `"status":{}`), and set
 * metadata.namespace only when -n was given.
 */

import { findResource, type ResourceType } from '../resources';
import type { HttpRequest } from '../types';
import { buildRequest, type CommandInput, writeOptions } from './context';
import { KubectlError, usageError } from './errors';
import {
  DRY_RUN_FLAG,
  dryRunStrategy,
  FILENAME_FLAG,
  type FlagSpec,
  fieldManagerFlag,
  KUSTOMIZE_FLAG,
  PRINT_FLAGS,
  RECORD_FLAG,
  RECURSIVE_FLAG,
  SAVE_CONFIG_FLAG,
  SELECTOR_FLAG,
  VALIDATE_FLAG,
} from './flags';
import { ACCEPT, CONTENT_TYPE } from './headers';
import { goJson, placeManifest, readManifests } from './objects';
import { objectPath } from './resolve';

export const CREATE_FLAGS: readonly FlagSpec[] = [
  ...PRINT_FLAGS,
  FILENAME_FLAG,
  KUSTOMIZE_FLAG,
  RECURSIVE_FLAG,
  DRY_RUN_FLAG,
  VALIDATE_FLAG,
  SAVE_CONFIG_FLAG,
  RECORD_FLAG,
  SELECTOR_FLAG,
  fieldManagerFlag('kubectl-create'),
  { name: 'edit', kind: 'bool' },
  { name: 'raw', kind: 'string' },
  { name: 'windows-line-endings', kind: 'bool' },
];

/** Flags every generator subcommand shares. */
const GENERATOR_FLAGS: readonly FlagSpec[] = [
  ...PRINT_FLAGS,
  DRY_RUN_FLAG,
  VALIDATE_FLAG,
  SAVE_CONFIG_FLAG,
  fieldManagerFlag('kubectl-create'),
];

const RULE_FLAGS: readonly FlagSpec[] = [
  { name: 'verb', kind: 'stringSlice' },
  { name: 'resource', kind: 'stringSlice' },
  { name: 'resource-name', kind: 'stringArray' },
];

const BINDING_FLAGS: readonly FlagSpec[] = [
  { name: 'clusterrole', kind: 'string' },
  { name: 'user', kind: 'stringArray' },
  { name: 'group', kind: 'stringArray' },
  { name: 'serviceaccount', kind: 'stringArray' },
];

const DATA_FLAGS: readonly FlagSpec[] = [
  { name: 'from-literal', kind: 'stringArray' },
  { name: 'from-file', kind: 'stringSlice' },
  { name: 'from-env-file', kind: 'stringSlice' },
  { name: 'append-hash', kind: 'bool' },
];

interface Generator {
  /** The subcommand's canonical name, used in `kubectl create <name>`. */
  readonly name: string;
  readonly aliases: readonly string[];
  readonly flags: readonly FlagSpec[];
  readonly resource: string;
  /** Builds the object (a Go struct rendered in field order) from the command's name and flags. */
  readonly build: (
    name: string,
    input: CommandInput,
    meta: Record<string, unknown>,
  ) => Record<string, unknown>;
}

/** The subcommands `kubectl create` knows (create.go NewCmdCreate); those without a generator here are rejected. */
export const CREATE_SUBCOMMANDS = [
  'clusterrole',
  'clusterrolebinding',
  'configmap',
  'cronjob',
  'deployment',
  'ingress',
  'job',
  'namespace',
  'poddisruptionbudget',
  'priorityclass',
  'quota',
  'role',
  'rolebinding',
  'secret',
  'service',
  'serviceaccount',
  'token',
] as const;

const GENERATORS: readonly Generator[] = [
  {
    name: 'namespace',
    aliases: ['ns'],
    flags: GENERATOR_FLAGS,
    resource: 'namespaces',
    build: (_name, _input, meta) => ({
      kind: 'Namespace',
      apiVersion: 'v1',
      metadata: meta,
      spec: {},
      status: {},
    }),
  },
  {
    name: 'serviceaccount',
    aliases: ['sa'],
    flags: GENERATOR_FLAGS,
    resource: 'serviceaccounts',
    build: (_name, _input, meta) => ({ kind: 'ServiceAccount', apiVersion: 'v1', metadata: meta }),
  },
  {
    name: 'deployment',
    aliases: ['deploy'],
    flags: [
      ...GENERATOR_FLAGS,
      { name: 'image', kind: 'stringSlice' },
      { name: 'replicas', short: 'r', kind: 'int', default: 1 },
      { name: 'port', kind: 'int', default: -1 },
    ],
    resource: 'deployments',
    build: buildDeployment,
  },
  {
    name: 'configmap',
    aliases: ['cm'],
    flags: [...GENERATOR_FLAGS, ...DATA_FLAGS],
    resource: 'configmaps',
    build: (_name, input, meta) => {
      const data = readData(input, (v) => v);
      return {
        kind: 'ConfigMap',
        apiVersion: 'v1',
        metadata: meta,
        ...(Object.keys(data).length > 0 ? { data } : {}),
      };
    },
  },
  {
    name: 'role',
    aliases: [],
    flags: [...GENERATOR_FLAGS, ...RULE_FLAGS],
    resource: 'roles',
    build: (_name, input, meta) => ({
      kind: 'Role',
      apiVersion: 'rbac.authorization.k8s.io/v1',
      metadata: meta,
      rules: buildRules(input, false),
    }),
  },
  {
    name: 'clusterrole',
    aliases: [],
    flags: [
      ...GENERATOR_FLAGS,
      ...RULE_FLAGS,
      { name: 'non-resource-url', kind: 'stringSlice' },
      { name: 'aggregation-rule', kind: 'string' },
    ],
    resource: 'clusterroles',
    build: (_name, input, meta) => ({
      kind: 'ClusterRole',
      apiVersion: 'rbac.authorization.k8s.io/v1',
      metadata: meta,
      rules: buildRules(input, true),
    }),
  },
  {
    name: 'rolebinding',
    aliases: [],
    flags: [...GENERATOR_FLAGS, ...BINDING_FLAGS, { name: 'role', kind: 'string' }],
    resource: 'rolebindings',
    build: (_name, input, meta) => {
      const role = input.flags.string('role');
      const clusterRole = input.flags.string('clusterrole');
      if ((role === '') === (clusterRole === '')) {
        throw new KubectlError('error: exactly one of clusterrole or role must be specified');
      }
      return bindingObject(
        'RoleBinding',
        meta,
        input,
        role === '' ? 'ClusterRole' : 'Role',
        role || clusterRole,
      );
    },
  },
  {
    name: 'clusterrolebinding',
    aliases: [],
    flags: [...GENERATOR_FLAGS, ...BINDING_FLAGS],
    resource: 'clusterrolebindings',
    build: (_name, input, meta) => {
      const clusterRole = input.flags.string('clusterrole');
      if (clusterRole === '') throw new KubectlError('error: required flag(s) "clusterrole" not set');
      return bindingObject('ClusterRoleBinding', meta, input, 'ClusterRole', clusterRole);
    },
  },
  {
    name: 'secret generic',
    aliases: [],
    flags: [...GENERATOR_FLAGS, ...DATA_FLAGS, { name: 'type', kind: 'string' }],
    resource: 'secrets',
    build: (_name, input, meta) => {
      const data = readData(input, base64);
      const type = input.flags.string('type');
      return {
        kind: 'Secret',
        apiVersion: 'v1',
        metadata: meta,
        ...(Object.keys(data).length > 0 ? { data } : {}),
        ...(type === '' ? {} : { type }),
      };
    },
  },
];

/** Finds the generator for `kubectl create <words…>`; returns how many words named it. */
export function findGenerator(
  words: readonly string[],
): { generator: Generator; consumed: number } | undefined {
  const [first, second] = words;
  if (first === 'secret') {
    if (second === 'generic') return { generator: generatorNamed('secret generic'), consumed: 2 };
    return undefined;
  }
  const generator = GENERATORS.find((g) => g.name === first || g.aliases.includes(first ?? ''));
  return generator === undefined ? undefined : { generator, consumed: 1 };
}

function generatorNamed(name: string): Generator {
  return GENERATORS.find((g) => g.name === name) as Generator;
}

/** `kubectl create -f FILE…`: one POST per object, with the object as kubectl read it (keys sorted). */
export function createFromFilesRequests(input: CommandInput): HttpRequest[] {
  const filenames = input.flags.strings('filename');
  if (filenames.length === 0 && input.flags.string('kustomize') === '') {
    // create.go writes this itself (capital E), then cobra's help and, for extra arguments,
    // `error: unknown command "<args>"`.
    throw new KubectlError(
      'Error: must specify one of -f and -k',
      input.args.length > 0
        ? `error: unknown command "${input.args.join(' ')}"\nSee 'kubectl create -h' for help and examples`
        : undefined,
    );
  }
  if (input.flags.string('kustomize') !== '')
    throw new KubectlError('error: kustomize (-k) is not simulated');
  if (input.args.length > 0)
    throw usageError(input.commandPath, `Unexpected args: [${input.args.join(' ')}]`);
  const dryRun = dryRunStrategy(input.flags);
  const manifests = readManifests(filenames, input.files);
  if (manifests.length === 0) throw new KubectlError('error: no objects passed to create');
  if (dryRun === 'client') return [];
  return manifests.map((manifest) => {
    const object = placeManifest(manifest, input.namespace, input.explicitNamespace);
    const path = objectPath(manifest.type, object.metadata?.namespace ?? '');
    return buildRequest(input, {
      method: 'POST',
      path,
      query: writeOptions(input, {
        fieldManager: input.flags.string('field-manager'),
        fieldValidation: true,
        dryRunServer: dryRun === 'server',
      }),
      accept: ACCEPT.json,
      contentType: CONTENT_TYPE.json,
      body: goJson(object),
    });
  });
}

/** `kubectl create <generator> NAME [flags]`: one POST through the typed clientset. */
export function createWithGeneratorRequests(generator: Generator, input: CommandInput): HttpRequest[] {
  const argsLen = input.argsLenAtDash === -1 ? input.args.length : input.argsLenAtDash;
  if (argsLen !== 1) throw usageError(input.commandPath, `exactly one NAME is required, got ${argsLen}`);
  const name = input.args[0] as string;
  const type = findResource(generator.resource) as ResourceType;
  const dryRun = dryRunStrategy(input.flags);
  const meta: Record<string, unknown> = { name };
  if (type.namespaced && input.explicitNamespace) meta.namespace = input.namespace;
  meta.creationTimestamp = null;
  const object = generator.build(name, input, meta);
  if (dryRun === 'client') return [];
  return [
    buildRequest(input, {
      method: 'POST',
      path: objectPath(type, input.namespace),
      query: writeOptions(input, {
        fieldManager: input.flags.string('field-manager'),
        fieldValidation: true,
        dryRunServer: dryRun === 'server',
      }),
      accept: ACCEPT.typed,
      contentType: CONTENT_TYPE.json,
      body: JSON.stringify(object),
    }),
  ];
}

function buildDeployment(
  name: string,
  input: CommandInput,
  meta: Record<string, unknown>,
): Record<string, unknown> {
  const images = input.flags.strings('image');
  if (images.length === 0) throw new KubectlError('error: required flag(s) "image" not set');
  const command = input.argsLenAtDash === -1 ? [] : input.args.slice(input.argsLenAtDash);
  if (images.length > 1 && command.length > 0) {
    throw new KubectlError('error: cannot specify multiple --image options and command');
  }
  const labels = { app: name };
  const port = input.flags.int('port');
  const containers = images.map((image, i) => ({
    name: containerNameForImage(image),
    image,
    ...(command.length > 0 ? { command } : {}),
    ...(i === 0 && port >= 0 ? { ports: [{ containerPort: port }] } : {}),
    resources: {},
  }));
  return {
    kind: 'Deployment',
    apiVersion: 'apps/v1',
    metadata: { ...meta, labels },
    spec: {
      replicas: input.flags.int('replicas'),
      selector: { matchLabels: labels },
      template: { metadata: { creationTimestamp: null, labels }, spec: { containers } },
      strategy: {},
    },
    status: {},
  };
}

/**
 * create_deployment.go buildPodSpec: the image's last path segment without tag or digest. Names with
 * `_` or `.` get `-` and a random 5-character suffix upstream; here the suffix is derived from the
 * name so requests stay reproducible.
 */
function containerNameForImage(image: string): string {
  let name = image.split('/').pop() ?? image;
  name = name.split(':')[0] ?? name;
  name = name.split('@')[0] ?? name;
  if (/[_.]/.test(name)) {
    name = `${name.replace(/[_.]/g, '-')}-${stableSuffix(name)}`;
  }
  return name;
}

function stableSuffix(seed: string): string {
  const alphabet = 'bcdfghjklmnpqrstvwxz2456789';
  let hash = 2166136261;
  for (const ch of seed) hash = Math.imul(hash ^ ch.charCodeAt(0), 16777619) >>> 0;
  let out = '';
  for (let i = 0; i < 5; i++) {
    out += alphabet[hash % alphabet.length];
    hash = Math.floor(hash / alphabet.length) + i * 7919;
  }
  return out;
}

/** create_role.go generateResourcePolicyRules: one rule per API group (groups sorted), then non-resource URLs. */
function buildRules(input: CommandInput, clusterScoped: boolean): Array<Record<string, unknown>> {
  const { flags } = input;
  let verbs: string[] = [];
  for (const verb of flags.strings('verb')) {
    if (verb === '*') {
      verbs = ['*'];
      break;
    }
    if (!verbs.includes(verb)) verbs.push(verb);
  }
  const nonResourceURLs = clusterScoped ? [...flags.strings('non-resource-url')] : [];
  const resourceArgs = flags.strings('resource');
  if (verbs.length === 0) throw new KubectlError('error: at least one verb must be specified');
  if (resourceArgs.length === 0 && nonResourceURLs.length === 0) {
    throw new KubectlError(
      clusterScoped
        ? 'error: one of resource or nonResourceURL must be specified'
        : 'error: at least one resource must be specified',
    );
  }
  const byGroup = new Map<string, string[]>();
  for (const arg of resourceArgs) {
    const [typePart = '', sub] = arg.split('/', 2) as [string, string | undefined];
    const dot = typePart.indexOf('.');
    const resourceName = dot === -1 ? typePart : typePart.slice(0, dot);
    let group = dot === -1 ? '' : typePart.slice(dot + 1);
    let resource = resourceName;
    if (resourceName !== '*') {
      // mapper.ResourceFor turns short names into plurals and finds the group.
      const type = findResource(dot === -1 ? resourceName : `${resourceName}.${group}`);
      if (type === undefined)
        throw new KubectlError(`error: the server doesn't have a resource type "${resourceName}"`);
      resource = type.resource;
      group = type.group;
    }
    if (sub !== undefined) resource = `${resource}/${sub}`;
    const list = byGroup.get(group) ?? [];
    if (!list.includes(resource)) list.push(resource);
    byGroup.set(group, list);
  }
  const resourceNames = [...new Set(flags.strings('resource-name'))];
  const rules: Array<Record<string, unknown>> = [...byGroup.keys()].sort().map((group) => ({
    verbs,
    apiGroups: [group],
    resources: byGroup.get(group),
    ...(resourceNames.length > 0 ? { resourceNames } : {}),
  }));
  if (nonResourceURLs.length > 0) rules.push({ verbs, nonResourceURLs });
  return rules;
}

/** create_rolebinding.go / create_clusterrolebinding.go: users, then groups, then service accounts. */
function bindingObject(
  kind: 'RoleBinding' | 'ClusterRoleBinding',
  meta: Record<string, unknown>,
  input: CommandInput,
  roleKind: 'Role' | 'ClusterRole',
  roleName: string,
): Record<string, unknown> {
  const { flags } = input;
  const subjects: Array<Record<string, unknown>> = [
    ...flags.strings('user').map((name) => ({ kind: 'User', apiGroup: 'rbac.authorization.k8s.io', name })),
    ...flags.strings('group').map((name) => ({ kind: 'Group', apiGroup: 'rbac.authorization.k8s.io', name })),
    ...flags.strings('serviceaccount').map((sa) => {
      const tokens = sa.split(':');
      if (tokens.length !== 2 || tokens[1] === '') {
        throw new KubectlError('error: serviceaccount must be <namespace>:<name>');
      }
      return { kind: 'ServiceAccount', name: tokens[1], namespace: tokens[0] };
    }),
  ];
  return {
    kind,
    apiVersion: 'rbac.authorization.k8s.io/v1',
    metadata: meta,
    ...(subjects.length > 0 ? { subjects } : {}),
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: roleKind, name: roleName },
  };
}

/** --from-literal=key=value and --from-file=[key=]path (ctx.files), in the order given; Go sorts the map keys. */
function readData(input: CommandInput, encode: (value: string) => string): Record<string, string> {
  const data = new Map<string, string>();
  for (const literal of input.flags.strings('from-literal')) {
    const eq = literal.indexOf('=');
    if (eq <= 0) throw new KubectlError(`error: invalid literal source ${literal}, expected key=value`);
    const key = literal.slice(0, eq);
    if (data.has(key))
      throw new KubectlError(`error: cannot add key ${key}, another key by that name already exists`);
    data.set(key, encode(literal.slice(eq + 1)));
  }
  for (const source of input.flags.strings('from-file')) {
    const eq = source.indexOf('=');
    const path = eq === -1 ? source : source.slice(eq + 1);
    const key = eq === -1 ? (path.split('/').pop() ?? path) : source.slice(0, eq);
    const contents = input.files[path];
    if (contents === undefined)
      throw new KubectlError(`error: error reading ${path}: no such file or directory`);
    if (data.has(key))
      throw new KubectlError(`error: cannot add key ${key}, another key by that name already exists`);
    data.set(key, encode(contents));
  }
  const sorted: Record<string, string> = {};
  for (const key of [...data.keys()].sort()) sorted[key] = data.get(key) as string;
  return sorted;
}

/** Standard base64 of the UTF-8 bytes (Go encodes []byte Secret data this way). */
function base64(value: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const bytes = new TextEncoder().encode(value);
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a = 0, b = 0, c = 0] = [bytes[i], bytes[i + 1], bytes[i + 2]];
    const n = (a << 16) | (b << 8) | c;
    out += alphabet[(n >> 18) & 63];
    out += alphabet[(n >> 12) & 63];
    out += i + 1 < bytes.length ? alphabet[(n >> 6) & 63] : '=';
    out += i + 2 < bytes.length ? alphabet[n & 63] : '=';
  }
  return out;
}
