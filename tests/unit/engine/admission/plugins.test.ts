import { beforeAll, describe, expect, it } from 'vitest';
import { ORDERED_PLUGINS, orderPlugins } from '../../../../src/engine/admission';
import { DEFAULT_ADMISSION_PLUGINS } from '../../../../src/engine/cluster/defaults';
import type { AdmissionDetails, EngineExtensions, KubeObject } from '../../../../src/engine/types';
import { extensions, NODE, namespace, PODS, pod, post, world } from '../policy/world';

let ext: EngineExtensions;
beforeAll(async () => {
  ext = await extensions();
});

function limitRange(spec: Record<string, unknown>, ns = 'default'): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'LimitRange',
    metadata: { name: 'limits', namespace: ns },
    spec: { limits: [spec] },
  };
}

function quota(hard: Record<string, string>, name = 'compute'): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'ResourceQuota',
    metadata: { name, namespace: 'default' },
    spec: { hard },
  };
}

function step(
  trace: { stages: readonly { stage: string; details?: unknown }[] },
  stage: string,
  plugin: string,
) {
  return (
    (trace.stages.find((s) => s.stage === stage)?.details ?? { plugins: [] }) as AdmissionDetails
  ).plugins.find((p) => p.plugin === plugin);
}

function resourcesOf(object: KubeObject | undefined, i = 0) {
  return (
    ((object?.spec ?? {}) as { containers: { resources: unknown }[] }).containers[i] as { resources: unknown }
  ).resources;
}

describe('Admission plugin set and order (pkg/kubeapiserver/options/plugins.go)', () => {
  it('enables the kube-apiserver default set, in AllOrderedPlugins order', () => {
    expect(DEFAULT_ADMISSION_PLUGINS.slice(0, 3)).toEqual([
      'NamespaceLifecycle',
      'LimitRanger',
      'ServiceAccount',
    ]);
    expect(DEFAULT_ADMISSION_PLUGINS.slice(-5)).toEqual([
      'MutatingAdmissionPolicy',
      'MutatingAdmissionWebhook',
      'ValidatingAdmissionPolicy',
      'ValidatingAdmissionWebhook',
      'ResourceQuota',
    ]);
    expect(DEFAULT_ADMISSION_PLUGINS).not.toContain('AlwaysPullImages');
    expect(DEFAULT_ADMISSION_PLUGINS).not.toContain('NodeRestriction');
    expect(orderPlugins(DEFAULT_ADMISSION_PLUGINS)).toEqual([...DEFAULT_ADMISSION_PLUGINS]);
  });

  it('runs plugins in the server order whatever order the flag lists them in', () => {
    expect(orderPlugins(['ResourceQuota', 'ServiceAccount', 'NamespaceLifecycle'])).toEqual([
      'NamespaceLifecycle',
      'ServiceAccount',
      'ResourceQuota',
    ]);
    expect(ORDERED_PLUGINS.at(-1)).toBe('AlwaysDeny');
  });

  it('records enabled plugins the simulator does not model as skipped', () => {
    const trace = world([], ext).send(post(PODS, pod('a')), 'admin');
    expect(step(trace, 'mutatingAdmission', 'RuntimeClass')).toMatchObject({
      outcome: 'skipped',
      reason: 'not simulated by kube-request-flow',
    });
  });

  it('never runs admission for a read, and says why', () => {
    const trace = world([], ext).send({ method: 'GET', path: PODS, headers: {} }, 'admin');
    const stage = trace.stages.find((s) => s.stage === 'mutatingAdmission');
    expect(stage?.outcome).toBe('skipped');
    expect(stage?.summary).toBe(
      'Admission only runs for create, update, patch, delete and connect; list is a read.',
    );
  });
});

describe('LimitRanger (plugin/pkg/admission/limitranger/admission.go)', () => {
  const defaults = limitRange({
    type: 'Container',
    default: { cpu: '500m', memory: '256Mi' },
    defaultRequest: { cpu: '100m' },
  });

  it('fills in missing requests and limits and annotates the pod', () => {
    const cluster = world([defaults], ext);
    const trace = cluster.send(post(PODS, pod('a')), 'admin');
    expect(trace.response.status).toBe(201);
    const stored = cluster.storage.get('/registry/pods/default/a');
    expect(resourcesOf(stored)).toEqual({
      limits: { cpu: '500m', memory: '256Mi' },
      requests: { cpu: '100m', memory: '256Mi' },
    });
    expect(stored?.metadata?.annotations?.['kubernetes.io/limit-ranger']).toBe(
      'LimitRanger plugin set: cpu, memory request for container app; cpu, memory limit for container app',
    );
  });

  it('shows the change as a JSON patch with the object before and after', () => {
    const trace = world([defaults], ext).send(post(PODS, pod('a')), 'admin');
    const lr = step(trace, 'mutatingAdmission', 'LimitRanger');
    expect(lr?.patch).toContainEqual({ op: 'add', path: '/metadata/annotations', value: expect.any(Object) });
    expect(lr?.before).toBeDefined();
    expect(lr?.after).toBeDefined();
  });

  it('keeps what the pod already sets', () => {
    const cluster = world([defaults], ext);
    cluster.send(
      post(
        PODS,
        pod('a', { containers: [{ name: 'app', image: 'nginx', resources: { limits: { cpu: '200m' } } }] }),
      ),
      'admin',
    );
    expect(resourcesOf(cluster.storage.get('/registry/pods/default/a'))).toEqual({
      limits: { cpu: '200m', memory: '256Mi' },
      requests: { cpu: '200m', memory: '256Mi' },
    });
  });

  it('defaults the default request from the max when a LimitRange sets only max (SetDefaults_LimitRangeItem)', () => {
    const cluster = world([limitRange({ type: 'Container', max: { cpu: '1' } })], ext);
    cluster.send(post(PODS, pod('a')), 'admin');
    expect(resourcesOf(cluster.storage.get('/registry/pods/default/a'))).toEqual({
      limits: { cpu: '1' },
      requests: { cpu: '1' },
    });
  });

  it('rejects a container above the max with the real message', () => {
    const cluster = world([limitRange({ type: 'Container', max: { cpu: '500m' } })], ext);
    const trace = cluster.send(
      post(
        PODS,
        pod('big', { containers: [{ name: 'app', image: 'nginx', resources: { limits: { cpu: '2' } } }] }),
      ),
      'admin',
    );
    expect(trace.response.status).toBe(403);
    expect((trace.response.body as { message: string }).message).toBe(
      'pods "big" is forbidden: maximum cpu usage per Container is 500m, but limit is 2',
    );
    expect(trace.stages.find((s) => s.stage === 'validatingAdmission')?.outcome).toBe('failed');
  });

  it('aggregates several violations as [a, b]', () => {
    const cluster = world(
      [limitRange({ type: 'Container', min: { cpu: '100m', memory: '64Mi' }, max: { cpu: '1' } })],
      ext,
    );
    const trace = cluster.send(
      post(
        PODS,
        pod('small', {
          containers: [
            {
              name: 'app',
              image: 'nginx',
              resources: { requests: { cpu: '50m', memory: '32Mi' }, limits: { cpu: '50m', memory: '32Mi' } },
            },
          ],
        }),
      ),
      'admin',
    );
    expect((trace.response.body as { message: string }).message).toBe(
      'pods "small" is forbidden: [minimum cpu usage per Container is 100m, but request is 50m, minimum memory usage per Container is 64Mi, but request is 32Mi]',
    );
  });

  it('enforces Pod-level maxima on the sum of containers', () => {
    const cluster = world([limitRange({ type: 'Pod', max: { memory: '1Gi' } })], ext);
    const container = (name: string) => ({
      name,
      image: 'nginx',
      resources: { limits: { memory: '768Mi' } },
    });
    const trace = cluster.send(
      post(PODS, pod('two', { containers: [container('a'), container('b')] })),
      'admin',
    );
    expect((trace.response.body as { message: string }).message).toBe(
      'pods "two" is forbidden: maximum memory usage per Pod is 1Gi, but limit is 1536Mi',
    );
  });

  it('checks PersistentVolumeClaim storage requests', () => {
    const cluster = world([limitRange({ type: 'PersistentVolumeClaim', max: { storage: '2Gi' } })], ext);
    const trace = cluster.send(
      post('/api/v1/namespaces/default/persistentvolumeclaims', {
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        metadata: { name: 'data' },
        spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '5Gi' } } },
      }),
      'admin',
    );
    expect((trace.response.body as { message: string }).message).toBe(
      'persistentvolumeclaims "data" is forbidden: maximum storage usage per PersistentVolumeClaim is 2Gi, but request is 5Gi',
    );
  });
});

describe('ResourceQuota (apiserver/pkg/admission/plugin/resourcequota/controller.go)', () => {
  it('charges a new pod to status.used', () => {
    const cluster = world([quota({ pods: '2' })], ext);
    const trace = cluster.send(post(PODS, pod('a')), 'admin');
    expect(trace.response.status).toBe(201);
    expect(cluster.storage.get('/registry/resourcequotas/default/compute')?.status).toEqual({
      hard: { pods: '2' },
      used: { pods: '1' },
    });
  });

  it('rejects a pod over the hard limit with the exceeded quota message', () => {
    const cluster = world([quota({ pods: '1' })], ext);
    cluster.send(post(PODS, pod('a')), 'admin');
    const trace = cluster.send(post(PODS, pod('b')), 'admin');
    expect(trace.response.status).toBe(403);
    expect((trace.response.body as { message: string }).message).toBe(
      'pods "b" is forbidden: exceeded quota: compute, requested: pods=1, used: pods=1, limited: pods=1',
    );
  });

  it('requires every container to state a quota-tracked compute resource', () => {
    const cluster = world([quota({ 'limits.cpu': '2', 'requests.memory': '1Gi' })], ext);
    const trace = cluster.send(post(PODS, pod('a')), 'admin');
    expect((trace.response.body as { message: string }).message).toBe(
      'pods "a" is forbidden: failed quota: compute: must specify limits.cpu for: app; requests.memory for: app',
    );
  });

  it('sums cpu across pods in canonical quantities', () => {
    const cluster = world([quota({ 'requests.cpu': '1' })], ext);
    const withCpu = (name: string, cpu: string) =>
      pod(name, { containers: [{ name: 'app', image: 'nginx', resources: { requests: { cpu } } }] });
    cluster.send(post(PODS, withCpu('a', '600m')), 'admin');
    const trace = cluster.send(post(PODS, withCpu('b', '0.5')), 'admin');
    expect((trace.response.body as { message: string }).message).toBe(
      'pods "b" is forbidden: exceeded quota: compute, requested: requests.cpu=500m, used: requests.cpu=600m, limited: requests.cpu=1',
    );
  });

  // The fresh-cluster baseline's kube-root-ca.crt is already in `default`, so it counts as used.
  it('counts configmaps with count/configmaps', () => {
    const cluster = world([quota({ 'count/configmaps': '0' }, 'objects')], ext);
    const trace = cluster.send(
      post('/api/v1/namespaces/default/configmaps', {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'c' },
      }),
      'admin',
    );
    expect((trace.response.body as { message: string }).message).toBe(
      'configmaps "c" is forbidden: exceeded quota: objects, requested: count/configmaps=1, used: count/configmaps=1, limited: count/configmaps=0',
    );
  });

  it('does not charge a dry run', () => {
    const cluster = world([quota({ pods: '2' })], ext);
    cluster.send(post(PODS, pod('a'), '?dryRun=All'), 'admin');
    expect(cluster.storage.get('/registry/resourcequotas/default/compute')?.status).toBeUndefined();
  });
});

describe('PodSecurity (staging/src/k8s.io/pod-security-admission)', () => {
  const restricted = namespace('secure', { 'pod-security.kubernetes.io/enforce': 'restricted' });
  const baseline = namespace('secure', { 'pod-security.kubernetes.io/enforce': 'baseline' });
  const sa = { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace: 'secure' } };
  const SECURE = '/api/v1/namespaces/secure/pods';

  it('rejects a plain pod under restricted with every violation, in check order', () => {
    const trace = world([restricted, sa], ext).send(post(SECURE, pod('web')), 'admin');
    expect(trace.response.status).toBe(403);
    expect((trace.response.body as { message: string }).message).toBe(
      'pods "web" is forbidden: violates PodSecurity "restricted:latest": allowPrivilegeEscalation != false (container "app" must set securityContext.allowPrivilegeEscalation=false), unrestricted capabilities (container "app" must set securityContext.capabilities.drop=["ALL"]), runAsNonRoot != true (pod or container "app" must set securityContext.runAsNonRoot=true), seccompProfile (pod or container "app" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")',
    );
  });

  it('admits a pod that meets restricted', () => {
    const good = pod('web', {
      securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
      containers: [
        {
          name: 'app',
          image: 'nginx',
          securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } },
        },
      ],
    });
    expect(world([restricted, sa], ext).send(post(SECURE, good), 'admin').response.status).toBe(201);
  });

  it('rejects a privileged container under baseline', () => {
    const bad = pod('root', {
      hostNetwork: true,
      containers: [{ name: 'app', image: 'nginx', securityContext: { privileged: true } }],
    });
    const trace = world([baseline, sa], ext).send(post(SECURE, bad), 'admin');
    expect((trace.response.body as { message: string }).message).toBe(
      'pods "root" is forbidden: violates PodSecurity "baseline:latest": host namespaces (hostNetwork=true), privileged (container "app" must not set securityContext.privileged=true)',
    );
  });

  it('rejects hostPath volumes and added capabilities under baseline', () => {
    const bad = pod('p', {
      volumes: [{ name: 'host', hostPath: { path: '/' } }],
      containers: [
        { name: 'app', image: 'nginx', securityContext: { capabilities: { add: ['NET_ADMIN'] } } },
      ],
    });
    const trace = world([baseline, sa], ext).send(post(SECURE, bad), 'admin');
    expect((trace.response.body as { message: string }).message).toBe(
      'pods "p" is forbidden: violates PodSecurity "baseline:latest": non-default capabilities (container "app" must not include "NET_ADMIN" in securityContext.capabilities.add), hostPath volumes (volume "host")',
    );
  });

  it('only warns with the warn label', () => {
    const warnNs = namespace('secure', { 'pod-security.kubernetes.io/warn': 'baseline' });
    const trace = world([warnNs, sa], ext).send(post(SECURE, pod('p', { hostPID: true })), 'admin');
    expect(trace.response.status).toBe(201);
    expect(trace.response.warnings).toEqual([
      'would violate PodSecurity "baseline:latest": host namespaces (hostPID=true)',
    ]);
    expect(trace.kubectlOutput).toBe(
      'Warning: would violate PodSecurity "baseline:latest": host namespaces (hostPID=true)\npod/p created',
    );
  });

  it('records an audit annotation with the audit label', () => {
    const auditNs = namespace('secure', { 'pod-security.kubernetes.io/audit': 'baseline' });
    const trace = world([auditNs, sa], ext).send(post(SECURE, pod('p', { hostIPC: true })), 'admin');
    expect(step(trace, 'validatingAdmission', 'PodSecurity')?.auditAnnotations).toEqual({
      'pod-security.kubernetes.io/audit-violations':
        'would violate PodSecurity "baseline:latest": host namespaces (hostIPC=true)',
    });
  });

  it('warns, but does not reject, a Deployment whose template violates enforce', () => {
    const deployment = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web' },
      spec: {
        selector: { matchLabels: { app: 'web' } },
        template: {
          metadata: { labels: { app: 'web' } },
          spec: { containers: [{ name: 'app', image: 'nginx', securityContext: { privileged: true } }] },
        },
      },
    };
    const trace = world([baseline, sa], ext).send(
      post('/apis/apps/v1/namespaces/secure/deployments', deployment),
      'admin',
    );
    expect(trace.response.status).toBe(201);
    expect(trace.response.warnings).toEqual([
      'would violate PodSecurity "baseline:latest": privileged (container "app" must not set securityContext.privileged=true)',
    ]);
  });
});

describe('Other in-tree plugins', () => {
  it('DefaultTolerationSeconds adds the not-ready and unreachable tolerations', () => {
    const cluster = world([], ext);
    cluster.send(post(PODS, pod('a')), 'admin');
    expect(
      ((cluster.storage.get('/registry/pods/default/a')?.spec ?? {}) as { tolerations: unknown }).tolerations,
    ).toEqual([
      {
        key: 'node.kubernetes.io/not-ready',
        operator: 'Exists',
        effect: 'NoExecute',
        tolerationSeconds: 300,
      },
      {
        key: 'node.kubernetes.io/unreachable',
        operator: 'Exists',
        effect: 'NoExecute',
        tolerationSeconds: 300,
      },
    ]);
  });

  it('Priority sets priority 0 and PreemptLowerPriority without a PriorityClass', () => {
    const cluster = world([], ext);
    cluster.send(post(PODS, pod('a')), 'admin');
    expect(cluster.storage.get('/registry/pods/default/a')?.spec).toMatchObject({
      priority: 0,
      preemptionPolicy: 'PreemptLowerPriority',
    });
  });

  it('Priority rejects an unknown PriorityClass', () => {
    const trace = world([], ext).send(post(PODS, pod('a', { priorityClassName: 'gold' })), 'admin');
    expect((trace.response.body as { message: string }).message).toBe(
      'pods "a" is forbidden: no PriorityClass with name gold was found',
    );
  });

  it('DefaultStorageClass sets the default class on a new claim', () => {
    const sc = {
      apiVersion: 'storage.k8s.io/v1',
      kind: 'StorageClass',
      metadata: { name: 'standard', annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } },
      provisioner: 'rancher.io/local-path',
    };
    const cluster = world([sc], ext);
    const trace = cluster.send(
      post('/api/v1/namespaces/default/persistentvolumeclaims', {
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        metadata: { name: 'data' },
        spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
      }),
      'admin',
    );
    expect(trace.response.status).toBe(201);
    expect(step(trace, 'mutatingAdmission', 'DefaultStorageClass')?.patch).toEqual([
      { op: 'add', path: '/spec/storageClassName', value: 'standard' },
    ]);
  });

  it('AlwaysPullImages, when enabled, forces imagePullPolicy Always', () => {
    const cluster = world([], ext, {
      admission: { plugins: ['NamespaceLifecycle', 'ServiceAccount', 'AlwaysPullImages'] },
    });
    cluster.send(post(PODS, pod('a')), 'admin');
    expect(
      (
        (cluster.storage.get('/registry/pods/default/a')?.spec ?? {}) as {
          containers: { imagePullPolicy: string }[];
        }
      ).containers[0]?.imagePullPolicy,
    ).toBe('Always');
  });

  it('NodeRestriction lets a node create only mirror pods bound to itself', () => {
    const cluster = world([], ext, { admission: { plugins: ['NamespaceLifecycle', 'NodeRestriction'] } });
    const trace = cluster.send(post(PODS, pod('a')), NODE.name);
    expect((trace.response.body as { message: string }).message).toBe(
      'pods "a" is forbidden: pod does not have "kubernetes.io/config.mirror" annotation, node "node1" can only create mirror pods',
    );
    const mirror = pod('b', { nodeName: 'node2' }, { annotations: { 'kubernetes.io/config.mirror': 'x' } });
    expect((cluster.send(post(PODS, mirror), NODE.name).response.body as { message: string }).message).toBe(
      'pods "b" is forbidden: node "node1" can only create pods with spec.nodeName set to itself',
    );
  });

  it('NodeRestriction keeps a node from changing another Node', () => {
    const cluster = world([], ext, { admission: { plugins: ['NodeRestriction'] } });
    const trace = cluster.send(
      post('/api/v1/nodes', { apiVersion: 'v1', kind: 'Node', metadata: { name: 'node2' } }),
      NODE.name,
    );
    expect((trace.response.body as { message: string }).message).toBe(
      'nodes "node2" is forbidden: node "node1" is not allowed to modify node "node2"',
    );
  });

  it('TaintNodesByCondition taints a new Node not-ready', () => {
    const cluster = world([], ext);
    cluster.send(
      post('/api/v1/nodes', { apiVersion: 'v1', kind: 'Node', metadata: { name: 'node1' } }),
      'admin',
    );
    expect(cluster.storage.get('/registry/minions/node1')?.spec).toEqual({
      taints: [{ key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule' }],
    });
  });

  it('NamespaceLifecycle still answers a create in a missing namespace with 404', () => {
    const trace = world([], ext).send(post('/api/v1/namespaces/nope/pods', pod('a')), 'admin');
    expect(trace.response.status).toBe(404);
    expect((trace.response.body as { message: string }).message).toBe('namespaces "nope" not found');
  });
});
