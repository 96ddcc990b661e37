import { describe, expect, it } from 'vitest';
import {
  type AdmissionAttributes,
  diffJson,
  mutatingAdmissionStage,
  validatingAdmissionStage,
} from '../../../../src/engine/admission';
import type { ResourceType } from '../../../../src/engine/resources';
import { Etcd } from '../../../../src/engine/storage/etcd';
import type { AdmissionPluginName, KubeObject, RequestInfo } from '../../../../src/engine/types';
import {
  alice,
  makeEnv,
  makeInfo,
  makeNamespace,
  makePod,
  makeServiceAccount,
  typeOf,
} from '../storage/factories';

const pods = typeOf('pods');
const namespaces = typeOf('namespaces');
const ALL: AdmissionPluginName[] = ['NamespaceLifecycle', 'ServiceAccount'];

/** A cluster with the namespaces and service accounts a real one's controllers would have made. */
function makeCluster(extra: KubeObject[] = []): Etcd {
  const etcd = new Etcd();
  const put = (o: KubeObject) => {
    const ns = o.metadata?.namespace;
    const key =
      o.kind === 'Namespace'
        ? `/registry/namespaces/${o.metadata?.name}`
        : `/registry/${o.kind === 'ServiceAccount' ? 'serviceaccounts' : 'pods'}/${ns}/${o.metadata?.name}`;
    etcd.put(key, o);
  };
  for (const o of [makeNamespace('default', 'Active'), makeServiceAccount('default'), ...extra]) put(o);
  return etcd;
}

function attrs(
  operation: AdmissionAttributes['operation'],
  object: KubeObject | undefined,
  info: Partial<RequestInfo> = {},
  type: ResourceType = pods,
): AdmissionAttributes {
  return {
    operation,
    info: makeInfo(info),
    type,
    user: alice,
    dryRun: false,
    ...(object === undefined ? {} : { object }),
  };
}

function specOf(object: KubeObject | undefined): Record<string, unknown> {
  return (object?.spec ?? {}) as Record<string, unknown>;
}

function admit(a: AdmissionAttributes, etcd = makeCluster(), plugins = ALL, suffixes = ['x7k2p']) {
  return mutatingAdmissionStage(a, plugins, etcd, makeEnv(suffixes));
}

describe('Mutating admission', () => {
  it('runs plugins in the server order, whatever order they are enabled in', () => {
    const out = admit(attrs('CREATE', makePod('nginx')), makeCluster(), [
      'ServiceAccount',
      'NamespaceLifecycle',
    ]);
    expect(out.result.details?.plugins.map((p) => p.plugin)).toEqual([
      'NamespaceLifecycle',
      'ServiceAccount',
    ]);
  });

  it('says nothing changed when no plugin is enabled', () => {
    const out = admit(attrs('CREATE', makePod('nginx')), makeCluster(), []);
    expect(out.result).toMatchObject({ outcome: 'passed', message: { id: 'admission.noPlugins' } });
  });

  it('is skipped for reads', () => {
    const out = admit(attrs('CREATE', undefined, { verb: 'get', name: 'x' }));
    expect(out.result).toMatchObject({ outcome: 'skipped', message: { id: 'admission.readSkip' } });
  });

  describe('NamespaceLifecycle (apiserver admission/plugin/namespace/lifecycle)', () => {
    const only: AdmissionPluginName[] = ['NamespaceLifecycle'];

    it('rejects a create in a missing namespace with NotFound 404 naming the namespace', () => {
      const out = admit(
        attrs('CREATE', makePod('nginx', {}, 'ghost'), { namespace: 'ghost' }),
        makeCluster(),
        only,
      );
      expect(out.status).toMatchObject({
        code: 404,
        reason: 'NotFound',
        message: 'namespaces "ghost" not found',
        details: { name: 'ghost', kind: 'namespaces' },
      });
      expect(out.result).toMatchObject({ outcome: 'failed', message: { id: 'admission.rejected' } });
    });

    it('rejects a create in a terminating namespace with 403', () => {
      const etcd = makeCluster([makeNamespace('old', 'Terminating')]);
      const out = admit(attrs('CREATE', makePod('nginx', {}, 'old'), { namespace: 'old' }), etcd, only);
      expect(out.status).toMatchObject({
        code: 403,
        reason: 'Forbidden',
        message:
          'pods "nginx" is forbidden: unable to create new content in namespace old because it is being terminated',
        details: {
          causes: [
            {
              reason: 'NamespaceTerminating',
              message: 'namespace old is being terminated',
              field: 'metadata.namespace',
            },
          ],
        },
      });
    });

    it.each(['default', 'kube-system', 'kube-public'])('refuses to delete the %s namespace (403)', (name) => {
      const out = admit(
        attrs(
          'DELETE',
          undefined,
          { verb: 'delete', namespace: '', resource: 'namespaces', name },
          namespaces,
        ),
      );
      expect(out.status).toMatchObject({
        code: 403,
        message: `namespaces "${name}" is forbidden: this namespace may not be deleted`,
      });
    });

    it('lets other namespaces be deleted, and lets deletes through in any namespace', () => {
      const ns = admit(
        attrs(
          'DELETE',
          undefined,
          { verb: 'delete', namespace: '', resource: 'namespaces', name: 'dev' },
          namespaces,
        ),
      );
      expect(ns.status).toBeUndefined();
      const pod = admit(
        attrs('DELETE', undefined, { verb: 'delete', namespace: 'ghost', name: 'x' }),
        makeCluster(),
        only,
      );
      expect(pod.status).toBeUndefined();
    });

    it('skips cluster-scoped resources', () => {
      const nodes = typeOf('nodes');
      const out = admit(
        attrs(
          'CREATE',
          { kind: 'Node', metadata: { name: 'n1' } },
          { namespace: '', resource: 'nodes' },
          nodes,
        ),
        makeCluster(),
        only,
      );
      expect(out.result.details?.plugins[0]).toMatchObject({
        plugin: 'NamespaceLifecycle',
        outcome: 'skipped',
      });
    });
  });

  describe('ServiceAccount (plugin/pkg/admission/serviceaccount)', () => {
    it('defaults the service account and projects the kube-api-access token volume', () => {
      const out = admit(attrs('CREATE', makePod('nginx')));
      const spec = specOf(out.object);
      expect(spec.serviceAccountName).toBe('default');
      expect(spec.volumes).toEqual([
        {
          name: 'kube-api-access-x7k2p',
          projected: {
            sources: [
              { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
              { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
              {
                downwardAPI: {
                  items: [
                    { path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } },
                  ],
                },
              },
            ],
            defaultMode: 420,
          },
        },
      ]);
      expect(spec.containers).toEqual([
        {
          name: 'nginx',
          image: 'nginx:1.27',
          volumeMounts: [
            {
              name: 'kube-api-access-x7k2p',
              readOnly: true,
              mountPath: '/var/run/secrets/kubernetes.io/serviceaccount',
            },
          ],
        },
      ]);
    });

    it('records the change as a JSON Patch and keeps the object before and after', () => {
      const out = admit(attrs('CREATE', makePod('nginx')));
      const sa = out.result.details?.plugins.find((p) => p.plugin === 'ServiceAccount');
      expect(sa?.patch?.map((op) => `${op.op} ${op.path}`)).toEqual([
        'add /spec/containers/0/volumeMounts',
        'add /spec/serviceAccountName',
        'add /spec/volumes',
      ]);
      expect(out.result.details?.before).toEqual(makePod('nginx'));
      expect(out.result.details?.after).toEqual(out.object);
      expect(out.result.summary).toBe('1 plugin(s) changed the object: ServiceAccount.');
    });

    it('mounts nothing when automountServiceAccountToken is false', () => {
      const out = admit(attrs('CREATE', makePod('nginx', { automountServiceAccountToken: false })));
      const spec = specOf(out.object);
      expect(spec.volumes).toBeUndefined();
      expect(spec.serviceAccountName).toBe('default');
    });

    it('follows the service account when it opts out of automounting', () => {
      const etcd = makeCluster([
        makeServiceAccount('quiet', 'default', { automountServiceAccountToken: false }),
      ]);
      const out = admit(attrs('CREATE', makePod('nginx', { serviceAccountName: 'quiet' })), etcd);
      expect(specOf(out.object).volumes).toBeUndefined();
    });

    it('rejects a pod whose service account does not exist (403)', () => {
      const out = admit(attrs('CREATE', makePod('nginx', { serviceAccountName: 'robot' })));
      expect(out.status).toMatchObject({
        code: 403,
        reason: 'Forbidden',
        message:
          'pods "nginx" is forbidden: error looking up service account default/robot: serviceaccount "robot" not found',
      });
    });

    it('copies the service account imagePullSecrets', () => {
      const etcd = new Etcd();
      etcd.put('/registry/namespaces/default', makeNamespace('default', 'Active'));
      etcd.put(
        '/registry/serviceaccounts/default/default',
        makeServiceAccount('default', 'default', { imagePullSecrets: [{ name: 'regcred' }] }),
      );
      const out = admit(attrs('CREATE', makePod('nginx')), etcd);
      expect(specOf(out.object).imagePullSecrets).toEqual([{ name: 'regcred' }]);
    });

    it('leaves other resources and updates alone', () => {
      const update = admit(attrs('UPDATE', makePod('nginx'), { verb: 'update', name: 'nginx' }));
      expect(update.result.details?.plugins[1]).toMatchObject({
        plugin: 'ServiceAccount',
        outcome: 'skipped',
      });
      expect(update.result.message.id).toBe('admission.unchanged');
    });
  });
});

describe('Validating admission', () => {
  it('admits a pod whose service account exists', () => {
    const out = validatingAdmissionStage(
      attrs('CREATE', makePod('nginx', { serviceAccountName: 'default' })),
      ALL,
      makeCluster(),
    );
    expect(out.result).toMatchObject({ outcome: 'passed', message: { id: 'admission.admitted' } });
  });

  it('rejects a pod with no service account named', () => {
    const out = validatingAdmissionStage(attrs('CREATE', makePod('nginx')), ALL, makeCluster());
    expect(out.status?.message).toBe(
      'pods "nginx" is forbidden: no service account specified for pod default/nginx',
    );
  });

  it('enforces mountable secrets when the service account asks for it', () => {
    const sa = makeServiceAccount('locked', 'default', {
      metadata: {
        name: 'locked',
        namespace: 'default',
        annotations: { 'kubernetes.io/enforce-mountable-secrets': 'true' },
      },
      secrets: [{ name: 'allowed' }],
    });
    const pod = makePod('nginx', {
      serviceAccountName: 'locked',
      volumes: [{ name: 'creds', secret: { secretName: 'other' } }],
    });
    const out = validatingAdmissionStage(attrs('CREATE', pod), ALL, makeCluster([sa]));
    expect(out.status?.message).toBe(
      'pods "nginx" is forbidden: volume with secret.secretName="other" is not allowed because service account locked does not reference that secret',
    );
  });

  it('rejects a mirror pod that names a service account', () => {
    const pod = makePod('static', { serviceAccountName: 'default' });
    pod.metadata = { ...pod.metadata, annotations: { 'kubernetes.io/config.mirror': 'abc' } };
    const out = validatingAdmissionStage(attrs('CREATE', pod), ALL, makeCluster());
    expect(out.status?.message).toBe(
      'pods "static" is forbidden: a mirror pod may not reference service accounts',
    );
  });

  it('has nothing to check when only NamespaceLifecycle is enabled (it has no Validate)', () => {
    const out = validatingAdmissionStage(
      attrs('CREATE', makePod('nginx')),
      ['NamespaceLifecycle'],
      makeCluster(),
    );
    expect(out.result).toMatchObject({ outcome: 'passed', message: { id: 'admission.nothingToValidate' } });
  });
});

describe('diffJson (RFC 6902)', () => {
  it('adds, removes and replaces, escaping ~ and / in keys', () => {
    expect(diffJson({ a: 1, b: 2, 'x/y': 1 }, { a: 3, c: 4, 'x/y': 2, 'm~n': true })).toEqual([
      { op: 'remove', path: '/b' },
      { op: 'replace', path: '/a', value: 3 },
      { op: 'add', path: '/c', value: 4 },
      { op: 'replace', path: '/x~1y', value: 2 },
      { op: 'add', path: '/m~0n', value: true },
    ]);
  });

  it('compares arrays index by index, removing from the end', () => {
    expect(diffJson([1, 2, 3], [1, 5])).toEqual([
      { op: 'replace', path: '/1', value: 5 },
      { op: 'remove', path: '/2' },
    ]);
    expect(diffJson([1], [1, 2])).toEqual([{ op: 'add', path: '/1', value: 2 }]);
  });

  it('returns no operations for equal values', () => {
    expect(diffJson({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toEqual([]);
  });
});
