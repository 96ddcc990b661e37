import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { HttpMethod, HttpRequest, Trace } from '../../../src/engine';
import {
  ClusterSpecError,
  createCluster,
  isStatus,
  KubectlError,
  kubectlToRequests,
  resolveRequestInfo,
  STAGES,
} from '../../../src/engine';
import { STARTER } from '../../../src/scenarios/starter';

/**
 * Property-based tests: random requests, RBAC objects and YAML never make the engine throw, every
 * answer is a well-formed response, and RBAC agrees with a simple reference evaluation.
 * The seed is fixed, so a failure reproduces; fast-check prints the shrunk counterexample.
 */
const SEED = 20_250_101;
const runs = (numRuns: number) => ({ seed: SEED, numRuns });

const OUTCOMES = new Set(['passed', 'failed', 'skipped']);

/** A Trace is well formed: a real HTTP status, stages in pipeline order, and a Status body on every failure. */
function expectWellFormed(trace: Trace): void {
  const { status, body } = trace.response;
  expect(Number.isInteger(status) && status >= 100 && status <= 599, `status ${status}`).toBe(true);
  let last = -1;
  for (const stage of trace.stages) {
    const index = STAGES.indexOf(stage.stage);
    expect(index, `stage ${stage.stage}`).toBeGreaterThan(last);
    last = index;
    expect(OUTCOMES.has(stage.outcome), `outcome ${stage.outcome}`).toBe(true);
    expect(typeof stage.summary).toBe('string');
  }
  if (status >= 400) {
    expect(isStatus(body), `a ${status} without a Status body`).toBe(true);
    if (isStatus(body)) {
      expect(body.apiVersion).toBe('v1');
      expect(body.status).toBe('Failure');
      expect(body.code).toBe(status);
      expect(typeof (body.message ?? '')).toBe('string');
    }
  }
  expect(typeof trace.kubectlOutput).toBe('string');
  expect(() => JSON.stringify(trace.response)).not.toThrow();
}

// ---------------------------------------------------------------------------------------------
// Random requests.

const segment = fc.oneof(
  fc.constantFrom(
    'api',
    'apis',
    'v1',
    'apps',
    'rbac.authorization.k8s.io',
    'namespaces',
    'default',
    'kube-system',
    'pods',
    'services',
    'configmaps',
    'deployments',
    'roles',
    'rolebindings',
    'clusterroles',
    'nginx',
    'status',
    'log',
    'exec',
    'healthz',
    'version',
    '',
    '..',
    '%2F',
  ),
  fc.string({ maxLength: 12 }),
);
const query = fc.oneof(
  fc.constant(''),
  fc.constantFrom(
    '?watch=true',
    '?dryRun=All',
    '?fieldValidation=Strict',
    '?labelSelector=app%3Dweb',
    '?limit=-1',
  ),
  fc.string({ maxLength: 20 }).map((s) => `?${s}`),
);
const path = fc
  .tuple(fc.array(segment, { maxLength: 8 }), query)
  .map(([segments, q]) => `/${segments.join('/')}${q}`);
const jsonBody = fc.oneof(
  fc.json({ maxDepth: 4 }),
  fc
    .record({
      apiVersion: fc.constantFrom('v1', 'apps/v1', 'rbac.authorization.k8s.io/v1', 'x'),
      kind: fc.constantFrom(
        'Pod',
        'ConfigMap',
        'Deployment',
        'Role',
        'RoleBinding',
        'Namespace',
        'Status',
        '',
      ),
      metadata: fc.record(
        {
          name: fc.string({ maxLength: 10 }),
          namespace: fc.string({ maxLength: 8 }),
          labels: fc.dictionary(fc.string(), fc.string()),
        },
        { requiredKeys: [] },
      ),
      spec: fc.anything({ maxDepth: 3 }),
      data: fc.dictionary(fc.string({ maxLength: 6 }), fc.string({ maxLength: 6 })),
    })
    .map((o) => JSON.stringify(o)),
);
const request: fc.Arbitrary<HttpRequest> = fc.record(
  {
    method: fc.constantFrom<HttpMethod>('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'),
    path,
    headers: fc.record(
      {
        'Content-Type': fc.constantFrom(
          'application/json',
          'application/yaml',
          'application/merge-patch+json',
          'application/strategic-merge-patch+json',
          'application/json-patch+json',
          'application/apply-patch+yaml',
          'text/plain',
          '',
        ),
        Authorization: fc.oneof(fc.constant('Bearer alice-token-9f2c'), fc.string({ maxLength: 20 })),
        'Impersonate-User': fc.constantFrom('bob', 'system:admin', ''),
      },
      { requiredKeys: [] },
    ),
    body: fc.oneof(jsonBody, fc.string({ maxLength: 200 })),
  },
  { requiredKeys: ['method', 'path', 'headers'] },
);
const sender = fc.constantFrom('admin', 'alice', 'bob', 'mallory', 'anonymous', 'nobody');

describe('Random requests', () => {
  it('never make the pipeline throw, and always answer with a well-formed response', () => {
    const cluster = createCluster(STARTER.cluster);
    fc.assert(
      fc.property(request, sender, (req, user) => {
        expectWellFormed(cluster.send(req, user));
      }),
      runs(400),
    );
  });

  it('never make the RequestInfo resolver throw', () => {
    fc.assert(
      fc.property(request, (req) => {
        const info = resolveRequestInfo(req);
        expect(typeof info.verb).toBe('string');
        expect(typeof info.isResourceRequest).toBe('boolean');
      }),
      runs(1000),
    );
  });

  it('make kubectl either build requests or fail with its own error', () => {
    const word = fc.oneof(
      fc.constantFrom(
        'get',
        'create',
        'delete',
        'run',
        'apply',
        'patch',
        'pods',
        'pod',
        'nginx',
        '-n',
        '-f',
        '-o',
        'yaml',
        '--all',
      ),
      fc.constantFrom(
        '--image=nginx',
        '--dry-run=server',
        '-l',
        'app=web',
        'auth',
        'can-i',
        'x.yaml',
        '--type=merge',
        '-p',
        '{}',
      ),
      fc.string({ maxLength: 10 }),
    );
    const commandLine = fc.array(word, { maxLength: 7 }).map((words) => ['kubectl', ...words].join(' '));
    fc.assert(
      fc.property(commandLine, fc.string({ maxLength: 80 }), (line, file) => {
        try {
          for (const req of kubectlToRequests(line, { namespace: 'default', files: { 'x.yaml': file } })) {
            expect(typeof req.path).toBe('string');
          }
        } catch (error) {
          expect(error).toBeInstanceOf(KubectlError);
        }
      }),
      runs(1000),
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Random YAML.

/** YAML-looking text: real YAML built from random values, mangled YAML, and noise. */
const yamlText = fc.oneof(
  fc
    .array(
      fc.dictionary(
        fc.constantFrom('apiVersion', 'kind', 'metadata', 'spec', 'data', 'rules', 'x'),
        fc.jsonValue({ maxDepth: 3 }),
      ),
      {
        maxLength: 3,
      },
    )
    .map((docs) => docs.map((d) => JSON.stringify(d)).join('\n---\n')),
  fc
    .array(
      fc.constantFrom(
        'apiVersion: v1',
        'kind: Pod',
        'kind: ConfigMap',
        'metadata:',
        '  name: x',
        '  namespace: default',
        'spec:',
        '  containers:',
        '  - name: app',
        '    image: nginx',
        'data: { a: 1 }',
        '---',
        '&a [*a]',
        '*a',
        '!!binary AAAA',
        '? complex',
        ': value',
        '%YAML 1.2',
        '\t',
        '"',
        "'",
        '{',
        ']',
        '<<: *a',
      ),
      { maxLength: 14 },
    )
    .map((lines) => lines.join('\n')),
  fc.string({ maxLength: 200 }),
  fc.uint8Array({ maxLength: 200 }).map((bytes) => new TextDecoder().decode(bytes)),
);

describe('Random YAML', () => {
  it('as a request body never makes the pipeline throw', () => {
    const cluster = createCluster(STARTER.cluster);
    fc.assert(
      fc.property(yamlText, fc.constantFrom('POST', 'PUT', 'PATCH'), (body, method: HttpMethod) => {
        const path =
          method === 'POST' ? '/api/v1/namespaces/default/pods' : '/api/v1/namespaces/default/pods/web';
        const contentType = method === 'PATCH' ? 'application/apply-patch+yaml' : 'application/yaml';
        expectWellFormed(
          cluster.send(
            {
              method,
              path: `${path}${method === 'PATCH' ? '?fieldManager=kubectl' : ''}`,
              headers: { 'Content-Type': contentType },
              body,
            },
            'admin',
          ),
        );
      }),
      runs(300),
    );
  });

  it('as `kubectl create -f` either plays or fails with kubectl’s own error', () => {
    const cluster = createCluster(STARTER.cluster);
    fc.assert(
      fc.property(yamlText, (text) => {
        try {
          const run = cluster.kubectl('kubectl create -f x.yaml', 'admin', {
            namespace: 'default',
            files: { 'x.yaml': text },
          });
          for (const trace of run.traces) expectWellFormed(trace);
        } catch (error) {
          expect(error).toBeInstanceOf(KubectlError);
        }
      }),
      runs(200),
    );
  });

  it('as a world either builds a cluster or is refused as a ClusterSpecError', () => {
    fc.assert(
      fc.property(yamlText, (text) => {
        try {
          createCluster({ objects: text });
        } catch (error) {
          expect(error).toBeInstanceOf(ClusterSpecError);
        }
      }),
      runs(300),
    );
  });

  it('refuses an unresolved alias in a world as a ClusterSpecError', () => {
    expect(() => createCluster({ objects: '*a' })).toThrow(ClusterSpecError);
    expect(() => createCluster({ objects: '*a' })).toThrow("objects: unknown anchor 'a' referenced");
  });

  it('refuses an unresolved alias in a -f file with kubectl’s own error', () => {
    const cluster = createCluster(STARTER.cluster);
    const run = cluster.kubectl('kubectl create -f x.yaml', 'admin', { files: { 'x.yaml': '*a' } });
    expect(run.traces).toEqual([]);
    expect(run.exitCode).toBe(1);
    expect(run.output).toBe(
      "error: error parsing x.yaml: error converting YAML to JSON: yaml: unknown anchor 'a' referenced",
    );
    expect(() => kubectlToRequests('kubectl create -f x.yaml', { files: { 'x.yaml': '*a' } })).toThrow(
      KubectlError,
    );
  });
});

// ---------------------------------------------------------------------------------------------
// RBAC against a reference evaluation.

interface Rule {
  verbs: string[];
  apiGroups?: string[];
  resources?: string[];
  resourceNames?: string[];
  nonResourceURLs?: string[];
}
interface Subject {
  kind: string;
  name: string;
  namespace?: string;
  apiGroup?: string;
}
interface RbacObject {
  kind: string;
  metadata: { name: string; namespace?: string };
  rules?: Rule[];
  subjects?: Subject[];
  roleRef?: { kind: string; name: string; apiGroup: string };
  aggregationRule?: unknown;
}

const NAMESPACES = ['default', 'kube-system', 'team'];
const VERBS = ['get', 'list', 'create', 'delete', 'update', 'watch', 'escalate', '*'];
const GROUPS = ['', 'apps', 'batch', '*'];
const RESOURCES = [
  'pods',
  'pods/log',
  'pods/status',
  '*/status',
  'deployments',
  'secrets',
  'configmaps',
  '*',
];
const NAMES = ['nginx', 'web', 'secret-1'];
const URLS = ['/healthz', '/healthz/*', '/version', '/api', '/apis/*', '*'];
const USERS = ['alice', 'bob', 'carol'];
const USER_GROUPS = ['developers', 'viewers', 'system:authenticated', 'system:masters'];

const rule = fc.oneof(
  fc.record(
    {
      verbs: fc.subarray(VERBS, { minLength: 1, maxLength: 3 }),
      apiGroups: fc.subarray(GROUPS, { minLength: 1, maxLength: 2 }),
      resources: fc.subarray(RESOURCES, { minLength: 1, maxLength: 3 }),
      resourceNames: fc.subarray(NAMES, { maxLength: 2 }),
    },
    { requiredKeys: ['verbs', 'apiGroups', 'resources'] },
  ),
  fc.record({
    verbs: fc.subarray(['get', 'post', '*'], { minLength: 1 }),
    nonResourceURLs: fc.subarray(URLS, { minLength: 1, maxLength: 2 }),
  }),
);
const subject = fc.oneof(
  fc.record({
    kind: fc.constant('User'),
    name: fc.constantFrom(...USERS, 'system:serviceaccount:team:builder'),
    apiGroup: fc.constant('rbac.authorization.k8s.io'),
  }),
  fc.record({
    kind: fc.constant('Group'),
    name: fc.constantFrom(...USER_GROUPS.filter((g) => g !== 'system:masters')),
    apiGroup: fc.constant('rbac.authorization.k8s.io'),
  }),
  fc.record({
    kind: fc.constant('ServiceAccount'),
    name: fc.constantFrom('builder', 'default'),
    namespace: fc.constantFrom(...NAMESPACES),
  }),
);
const roleName = fc.constantFrom('r0', 'r1', 'r2', 'missing');
const rbacWorld = fc.record({
  roles: fc.array(
    fc.record({
      name: fc.constantFrom('r0', 'r1', 'r2'),
      namespace: fc.constantFrom(...NAMESPACES),
      rules: fc.array(rule, { maxLength: 3 }),
    }),
    { maxLength: 4 },
  ),
  clusterRoles: fc.array(
    fc.record({ name: fc.constantFrom('r0', 'r1', 'r2'), rules: fc.array(rule, { maxLength: 3 }) }),
    { maxLength: 3 },
  ),
  roleBindings: fc.array(
    fc.record({
      namespace: fc.constantFrom(...NAMESPACES),
      subjects: fc.array(subject, { minLength: 1, maxLength: 3 }),
      roleKind: fc.constantFrom('Role', 'ClusterRole'),
      roleName,
    }),
    { maxLength: 4 },
  ),
  clusterRoleBindings: fc.array(
    fc.record({ subjects: fc.array(subject, { minLength: 1, maxLength: 2 }), roleName }),
    { maxLength: 3 },
  ),
});

type RbacWorld = typeof rbacWorld extends fc.Arbitrary<infer W> ? W : never;

function rbacObjects(world: RbacWorld) {
  const group = 'rbac.authorization.k8s.io';
  const apiVersion = `${group}/v1`;
  const objects: object[] = NAMESPACES.map((name) => ({
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name },
  }));
  const seen = new Set<string>();
  const once = (key: string) => {
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  };
  for (const r of world.roles) {
    if (once(`Role/${r.namespace}/${r.name}`))
      objects.push({
        apiVersion,
        kind: 'Role',
        metadata: { name: r.name, namespace: r.namespace },
        rules: r.rules,
      });
  }
  for (const r of world.clusterRoles) {
    if (once(`ClusterRole/${r.name}`))
      objects.push({ apiVersion, kind: 'ClusterRole', metadata: { name: `krf-${r.name}` }, rules: r.rules });
  }
  world.roleBindings.forEach((b, i) => {
    objects.push({
      apiVersion,
      kind: 'RoleBinding',
      metadata: { name: `rb-${i}`, namespace: b.namespace },
      subjects: b.subjects,
      roleRef: {
        kind: b.roleKind,
        name: b.roleKind === 'ClusterRole' ? `krf-${b.roleName}` : b.roleName,
        apiGroup: group,
      },
    });
  });
  world.clusterRoleBindings.forEach((b, i) => {
    objects.push({
      apiVersion,
      kind: 'ClusterRoleBinding',
      metadata: { name: `krf-crb-${i}` },
      subjects: b.subjects,
      roleRef: { kind: 'ClusterRole', name: `krf-${b.roleName}`, apiGroup: group },
    });
  });
  return objects;
}

const attributes = fc.record({
  username: fc.constantFrom(
    ...USERS,
    'system:serviceaccount:team:builder',
    'system:serviceaccount:default:default',
  ),
  groups: fc.subarray(USER_GROUPS, { maxLength: 2 }),
  isResourceRequest: fc.boolean(),
  verb: fc.constantFrom('get', 'list', 'create', 'delete', 'update', 'watch', 'post', 'escalate'),
  apiGroup: fc.constantFrom('', 'apps', 'batch'),
  resource: fc.constantFrom('pods', 'deployments', 'secrets', 'configmaps'),
  subresource: fc.constantFrom('', '', 'log', 'status'),
  namespace: fc.constantFrom('', ...NAMESPACES),
  name: fc.constantFrom('', ...NAMES),
  path: fc.constantFrom('/healthz', '/healthz/ready', '/version', '/api', '/apis/apps', '/metrics'),
});
/** authorizer.Attributes, flattened: who asks to do what. */
interface Attributes {
  readonly username: string;
  readonly groups: readonly string[];
  readonly isResourceRequest: boolean;
  readonly verb: string;
  readonly apiGroup: string;
  readonly resource: string;
  readonly subresource: string;
  readonly namespace: string;
  readonly name: string;
  readonly path: string;
}

/** RuleAllows (pkg/apis/rbac/v1/evaluation_helpers.go), written again from its definition. */
function referenceRuleAllows(a: Attributes, r: Rule): boolean {
  const has = (list: readonly string[] | undefined, value: string) =>
    (list ?? []).some((x) => x === '*' || x === value);
  if (!has(r.verbs, a.verb)) return false;
  if (!a.isResourceRequest) {
    return (r.nonResourceURLs ?? []).some(
      (u) => u === '*' || u === a.path || (u.endsWith('*') && a.path.startsWith(u.slice(0, -1))),
    );
  }
  if (!has(r.apiGroups, a.apiGroup)) return false;
  const combined = a.subresource === '' ? a.resource : `${a.resource}/${a.subresource}`;
  const resourceOk = (r.resources ?? []).some(
    (x) => x === '*' || x === combined || (a.subresource !== '' && x === `*/${a.subresource}`),
  );
  const namesOk = (r.resourceNames ?? []).length === 0 || (r.resourceNames ?? []).includes(a.name);
  return resourceOk && namesOk;
}

/** Does this subject of a binding in `namespace` ('' for a ClusterRoleBinding) name the user? */
function referenceSubjectMatches(s: Subject, a: Attributes, namespace: string): boolean {
  if (s.kind === 'User') return s.name === a.username;
  if (s.kind === 'Group') return a.groups.includes(s.name);
  if (s.kind === 'ServiceAccount') {
    const ns = s.namespace || namespace;
    return ns !== '' && a.username === `system:serviceaccount:${ns}:${s.name}`;
  }
  return false;
}

/** Allowed if system:masters, or any binding that names the user grants a rule that allows. */
function referenceAllows(stored: readonly RbacObject[], a: Attributes): boolean {
  if (a.groups.includes('system:masters')) return true;
  const find = (kind: string, name: string, namespace?: string) =>
    stored.find(
      (o) =>
        o.kind === kind &&
        o.metadata.name === name &&
        (namespace === undefined || o.metadata.namespace === namespace),
    );
  const grants = (binding: RbacObject, namespace: string) => {
    if (!(binding.subjects ?? []).some((s) => referenceSubjectMatches(s, a, namespace))) return false;
    const ref = binding.roleRef;
    if (ref === undefined) return false;
    const role = ref.kind === 'Role' ? find('Role', ref.name, namespace) : find('ClusterRole', ref.name);
    if (role?.aggregationRule !== undefined)
      throw new Error(`the reference does not aggregate (${ref.name})`);
    return (role?.rules ?? []).some((r) => referenceRuleAllows(a, r));
  };
  if (stored.some((o) => o.kind === 'ClusterRoleBinding' && grants(o, ''))) return true;
  if (!a.isResourceRequest || a.namespace === '') return false;
  return stored.some(
    (o) => o.kind === 'RoleBinding' && o.metadata.namespace === a.namespace && grants(o, a.namespace),
  );
}

function storedRbac(cluster: ReturnType<typeof createCluster>): RbacObject[] {
  const prefixes = [
    '/registry/roles/',
    '/registry/rolebindings/',
    '/registry/clusterroles/',
    '/registry/clusterrolebindings/',
  ];
  return cluster.storage
    .keys()
    .filter((key) => prefixes.some((p) => key.startsWith(p)))
    .map((key) => cluster.storage.get(key) as unknown as RbacObject);
}

describe('RBAC', () => {
  it('agrees with a reference evaluation on random roles, bindings and requests', () => {
    let allowed = 0;
    let total = 0;
    fc.assert(
      fc.property(rbacWorld, fc.array(attributes, { minLength: 1, maxLength: 8 }), (world, requests) => {
        const cluster = createCluster({ objects: rbacObjects(world) });
        const stored = storedRbac(cluster);
        for (const a of requests) {
          const details = cluster.authorize({ username: a.username, uid: '', groups: a.groups, extra: {} }, {
            isResourceRequest: a.isResourceRequest,
            verb: a.verb,
            apiGroup: a.isResourceRequest ? a.apiGroup : '',
            apiVersion: 'v1',
            namespace: a.isResourceRequest ? a.namespace : '',
            resource: a.isResourceRequest ? a.resource : '',
            subresource: a.isResourceRequest ? a.subresource : '',
            name: a.isResourceRequest ? a.name : '',
            path: a.path,
            parts: [],
          } as unknown as Parameters<typeof cluster.authorize>[1]);
          const reference = referenceAllows(stored, {
            ...a,
            ...(a.isResourceRequest
              ? {}
              : { namespace: '', apiGroup: '', resource: '', subresource: '', name: '' }),
          });
          expect(details.decision === 'allow', `${JSON.stringify(a)}: ${details.reason}`).toBe(reference);
          expect(details.decision).not.toBe('deny');
          total++;
          if (reference) allowed++;
        }
      }),
      runs(300),
    );
    // The generators must exercise both answers, or the agreement means little.
    expect(allowed).toBeGreaterThan(total / 20);
    expect(allowed).toBeLessThan(total - total / 20);
  });
});
