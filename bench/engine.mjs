#!/usr/bin/env node
// Engine throughput and scale: requests per second through the whole pipeline for a small world
// (the starter) and a large one (1,000 RBAC bindings, 5,000 rules, 10,000 stored objects), the
// who-can matrix for 100 subjects × 50 resources × 8 verbs, edit-to-verdict time, and memory.
// A benchmark prints figures; it checks nothing. Run: npm run bench (node --expose-gc bench/engine.mjs)
//
// The engine is TypeScript: Vite bundles src/engine and the starter world for Node first.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';

/** `--quick`: fewer repetitions (for profiling); the figures in the README come from a full run. */
const QUICK = process.argv.includes('--quick');
const OUT = join('node_modules', '.cache', 'krf-bench');

async function loadEngine() {
  mkdirSync(OUT, { recursive: true });
  await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      ssr: true,
      outDir: OUT,
      emptyOutDir: true,
      minify: false,
      rolldownOptions: {
        input: { engine: 'src/engine/index.ts', starter: 'src/scenarios/starter.ts' },
        output: { entryFileNames: '[name].mjs', format: 'es' },
      },
    },
  });
  const engine = await import(pathToFileURL(join(OUT, 'engine.mjs')).href);
  const { STARTER } = await import(pathToFileURL(join(OUT, 'starter.mjs')).href);
  return { engine, STARTER };
}

const { engine, STARTER } = await loadEngine();
const { createCluster, kubectlToRequests, isStatus } = engine;

const gc = globalThis.gc ?? (() => {});
const heapMb = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed / 2 ** 20;
};
const fmt = (n, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** Runs `fn` for about `ms` milliseconds after a warm-up; returns calls per second and ms per call. */
function measure(fn, ms = 1500) {
  for (let i = 0; i < 50; i++) fn(i);
  let calls = 0;
  const start = performance.now();
  let now = start;
  while (now - start < ms) {
    fn(calls + 50);
    calls++;
    if ((calls & 15) === 0) now = performance.now();
  }
  now = performance.now();
  return { perSecond: (calls * 1000) / (now - start), msPerCall: (now - start) / calls, calls };
}

/** Median of `runs` timings of `fn` (ms). */
function medianMs(fn, requestedRuns = 21) {
  const runs = QUICK ? Math.min(requestedRuns, 3) : requestedRuns;
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn(i);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(runs / 2)], max: times[runs - 1] };
}

function req(command, ctx = {}) {
  const requests = kubectlToRequests(command, { namespace: 'default', ...ctx });
  if (requests.length !== 1) throw new Error(`${command}: expected one request, got ${requests.length}`);
  return requests[0];
}

/**
 * The workload: eight requests a learner sends, covering every outcome: reads (200), a create and
 * its delete (201, 200: each write bumps the etcd revision, though RBAC's index is rebuilt only
 * when an RBAC object changes), a forbidden delete (403), a bad token (401), an invalid pod (422),
 * a cluster-scoped list.
 */
function workload(namespace) {
  const ctx = { namespace };
  const fixed = [
    [req('kubectl get pod nginx', ctx), 'alice'],
    [req('kubectl get pods', ctx), 'bob'],
    [req('kubectl delete pod nginx', ctx), 'bob'],
    [req('kubectl get pods', ctx), 'mallory'],
    [req('kubectl create -f broken.yaml', { ...ctx, files: { 'broken.yaml': BROKEN_POD } }), 'alice'],
    [req('kubectl get namespaces', ctx), 'admin'],
  ];
  const creates = [];
  for (let i = 0; i < 4096; i++) {
    creates.push([
      req(`kubectl run bench-${i} --image=nginx`, ctx),
      req(`kubectl delete pod bench-${i} --wait=false`, ctx),
    ]);
  }
  return { fixed, creates };
}

const BROKEN_POD =
  'apiVersion: v1\nkind: Pod\nmetadata:\n  name: broken\nspec:\n  containers:\n  - name: app\n';

/** Sends the workload; returns requests/s for all of it and for the read-only part. */
function throughput(cluster, namespace) {
  const { fixed, creates } = workload(namespace);
  let statuses = new Map();
  const record = (trace) => {
    const status = trace.response.status;
    statuses.set(status, (statuses.get(status) ?? 0) + 1);
    if (!isStatus(trace.response.body) && status >= 400) throw new Error('a failure without a Status body');
  };
  const mixed = measure((i) => {
    for (const [request, user] of fixed) record(cluster.send(request, user));
    const [create, remove] = creates[i % creates.length];
    record(cluster.send(create, 'alice'));
    record(cluster.send(remove, 'alice'));
  });
  const mixedStatuses = statuses;
  statuses = new Map();
  const reads = measure(() => {
    for (const [request, user] of fixed) record(cluster.send(request, user));
  });
  return {
    mixed: mixed.perSecond * (fixed.length + 2),
    reads: reads.perSecond * fixed.length,
    statuses: [...mixedStatuses.keys()].sort().join(' '),
  };
}

// ---------------------------------------------------------------------------------------------
// The large world.

const NAMESPACES = 100;
const ROLES_PER_NAMESPACE = 5;
const RULES_PER_ROLE = 10;
const BINDINGS_PER_NAMESPACE = 10;
const USERS = 100;
const TEAMS = 20;
const TARGET_OBJECTS = 10_000;
const VERBS = ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete', 'deletecollection'];
const RULE_RESOURCES = [
  'pods',
  'services',
  'configmaps',
  'secrets',
  'deployments',
  'jobs',
  'ingresses',
  'events',
];

/** A small deterministic PRNG (mulberry32), so every run builds the same world. */
function random(seed) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function largeWorld({ serviceAccounts = true } = {}) {
  const rand = random(42);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const objects = [];
  const starterObjects = [];
  // The starter's own objects (namespaces, RBAC for alice and bob), parsed once.
  const starter = createCluster({ objects: STARTER.cluster.objects });
  for (const key of starter.storage.keys()) starterObjects.push(starter.storage.get(key));
  objects.push(...starterObjects.filter((o) => serviceAccounts || o.kind !== 'ServiceAccount'));
  let rules = 0;
  let bindings = 0;
  for (let n = 0; n < NAMESPACES; n++) {
    const namespace = `team-${n}`;
    objects.push({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace } });
    if (serviceAccounts) {
      objects.push({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace } });
    }
    for (let r = 0; r < ROLES_PER_NAMESPACE; r++) {
      const roleRules = [];
      for (let k = 0; k < RULES_PER_ROLE; k++) {
        roleRules.push({
          apiGroups: [pick(['', 'apps', 'batch', 'networking.k8s.io'])],
          resources: [pick(RULE_RESOURCES), pick(RULE_RESOURCES)],
          verbs: [pick(VERBS), pick(VERBS)],
        });
      }
      rules += roleRules.length;
      objects.push({
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'Role',
        metadata: { name: `role-${r}`, namespace },
        rules: roleRules,
      });
    }
    for (let b = 0; b < BINDINGS_PER_NAMESPACE; b++) {
      const subjects = [
        { kind: 'User', name: `user-${Math.floor(rand() * USERS)}`, apiGroup: 'rbac.authorization.k8s.io' },
        { kind: 'Group', name: `team-${Math.floor(rand() * TEAMS)}`, apiGroup: 'rbac.authorization.k8s.io' },
      ];
      bindings++;
      objects.push({
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'RoleBinding',
        metadata: { name: `binding-${b}`, namespace },
        subjects,
        roleRef: {
          kind: 'Role',
          name: `role-${b % ROLES_PER_NAMESPACE}`,
          apiGroup: 'rbac.authorization.k8s.io',
        },
      });
    }
  }
  // Fill up to 10,000 objects with ConfigMaps and Pods spread over the namespaces.
  for (let i = 0; objects.length < TARGET_OBJECTS; i++) {
    const namespace = `team-${i % NAMESPACES}`;
    objects.push(
      i % 2 === 0
        ? {
            apiVersion: 'v1',
            kind: 'ConfigMap',
            metadata: { name: `cm-${i}`, namespace },
            data: { key: `value-${i}` },
          }
        : {
            apiVersion: 'v1',
            kind: 'Pod',
            metadata: { name: `pod-${i}`, namespace, labels: { app: `app-${i % 7}` } },
            spec: { containers: [{ name: 'app', image: 'nginx:1.27' }] },
          },
    );
  }
  const users = Array.from({ length: USERS }, (_, u) => ({
    name: `user-${u}`,
    credential: { type: 'token', token: `token-${u}` },
  }));
  const tokenFile = users.map((user, u) => ({
    token: `token-${u}`,
    user: user.name,
    uid: String(5000 + u),
    groups: [`team-${u % TEAMS}`],
  }));
  return { objects, users, tokenFile, rules, bindings };
}

function largeSpec(world, { withStarterUsers = true } = {}) {
  const starterConfig = STARTER.cluster.config;
  return {
    objects: world.objects,
    users: withStarterUsers ? [...STARTER.cluster.users, ...world.users] : world.users,
    config: {
      ...starterConfig,
      authentication: {
        ...starterConfig.authentication,
        tokenFile: [...(withStarterUsers ? starterConfig.authentication.tokenFile : []), ...world.tokenFile],
      },
    },
  };
}

// ---------------------------------------------------------------------------------------------

function benchSmallWorld() {
  const baseHeap = heapMb();
  const small = createCluster(STARTER.cluster);
  const smallHeap = heapMb() - baseHeap;
  const smallRate = throughput(small, 'default');
  console.log('\nSmall world (the starter: 3 namespaces, 2 bindings)');
  console.log(
    `  requests/s, mixed (8 kinds, 2 of them writes): ${fmt(smallRate.mixed)}   statuses seen: ${smallRate.statuses}`,
  );
  console.log(`  requests/s, reads and rejections only:         ${fmt(smallRate.reads)}`);
  console.log(`  heap held by the cluster: ${fmt(smallHeap, 1)} MB`);
}

function benchLargeWorld() {
  const world = largeWorld();
  const spec = largeSpec(world);
  const heapBefore = heapMb();
  let large;
  const createTime = medianMs(() => {
    large = createCluster(spec);
  }, 3);
  const largeHeap = heapMb() - heapBefore;
  console.log(
    `\nLarge world (${fmt(world.bindings + 2)} RBAC bindings, ${fmt(world.rules + 5)} rules, ${fmt(large.storage.keys().length)} stored objects, ${USERS + 5} users)`,
  );
  console.log(`  createCluster from parsed objects: ${fmt(createTime.median, 1)} ms`);
  const largeRate = throughput(large, 'default');
  console.log(
    `  requests/s, mixed (8 kinds, 2 of them writes): ${fmt(largeRate.mixed)}   statuses seen: ${largeRate.statuses}`,
  );
  console.log(`  requests/s, reads and rejections only:         ${fmt(largeRate.reads)}`);
  console.log(`  heap held by the cluster: ${fmt(largeHeap, 1)} MB`);

  // Edit to verdict: the learner edits a RoleBinding and re-sends the request. Either the edit
  // travels as a write (PUT through the pipeline, then the request: RBAC re-indexes once), or the
  // world is rebuilt from its objects (what resetting a scenario does).
  const bindingPath = '/apis/rbac.authorization.k8s.io/v1/namespaces/team-7/rolebindings/binding-3';
  const question = req('kubectl get pods', { namespace: 'team-7' });
  const editAsWrite = medianMs((i) => {
    const current = large.storage.get('/registry/rolebindings/team-7/binding-3');
    const edited = {
      ...current,
      subjects: [{ kind: 'User', name: `user-${i % USERS}`, apiGroup: 'rbac.authorization.k8s.io' }],
    };
    const put = large.send(
      {
        method: 'PUT',
        path: bindingPath,
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(edited),
      },
      'admin',
    );
    if (put.response.status !== 200)
      throw new Error(`edit: ${put.response.status} ${JSON.stringify(put.response.body)}`);
    large.send(question, `user-${i % USERS}`);
  });
  const editByRebuild = medianMs(() => {
    createCluster(spec).send(question, 'user-3');
  }, 5);
  const authorizeOnly = medianMs(() => {
    large.send(question, 'user-3');
  }, 101);
  console.log(
    `  edit-to-verdict, edit sent as a PUT then the request: median ${fmt(editAsWrite.median, 2)} ms (max ${fmt(editAsWrite.max, 2)})`,
  );
  console.log(
    `  edit-to-verdict, world rebuilt then the request:      median ${fmt(editByRebuild.median, 1)} ms`,
  );
  console.log(
    `  one request with the RBAC index warm:                 median ${fmt(authorizeOnly.median, 3)} ms`,
  );
}

function benchMatrix() {
  // Who can: 100 subjects × 50 resources × 8 verbs in one namespace.
  const matrixWorld = largeWorld({ serviceAccounts: false });
  const matrixCluster = createCluster(largeSpec(matrixWorld, { withStarterUsers: false }));
  const known = [
    ['', 'pods'],
    ['', 'services'],
    ['', 'configmaps'],
    ['', 'secrets'],
    ['', 'events'],
    ['apps', 'deployments'],
    ['batch', 'jobs'],
    ['networking.k8s.io', 'ingresses'],
  ];
  const resources = known.map(([group, resource]) => ({ group, resource }));
  for (let i = 0; resources.length < 50; i++)
    resources.push({ group: 'example.com', resource: `widgets${i}` });
  const verbs = VERBS;
  let cells = [];
  const matrixTime = medianMs(() => {
    cells = matrixCluster.accessMatrix('team-7', { resources, verbs });
  }, 7);
  const subjects = new Set(cells.map((c) => c.subject));
  console.log(
    `\nWho-can matrix (${subjects.size} subjects × ${resources.length} resources × ${verbs.length} verbs = ${fmt(cells.length)} cells): median ${fmt(matrixTime.median, 1)} ms (max ${fmt(matrixTime.max, 1)})`,
  );
}

const only = process.argv
  .find((a) => a.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');
const wanted = (section) => only === undefined || only.includes(section);

console.log(`kube-request-flow engine benchmark (Node ${process.version}, ${process.arch})`);
if (globalThis.gc === undefined) console.log('(run with node --expose-gc for steady memory figures)');

if (wanted('small')) benchSmallWorld();
if (wanted('large')) benchLargeWorld();
if (wanted('matrix')) benchMatrix();
console.log(
  `\nProcess heap after the run: ${fmt(heapMb(), 1)} MB; RSS ${fmt(process.memoryUsage().rss / 2 ** 20, 1)} MB`,
);
