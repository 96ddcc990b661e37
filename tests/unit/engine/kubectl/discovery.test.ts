import { describe, expect, it } from 'vitest';
import { createCluster } from '../../../../src/engine';
import { KLOG_MEMCACHE_PREFIX } from '../../../../src/engine/kubectl';
import { DEPLOYMENT, FIXED_NOW, kubectl } from './session-helpers';

const DISCOVERY_ACCEPT =
  'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json';
const API = 'GET /api?timeout=32s';
const APIS = 'GET /apis?timeout=32s';
const LIST_PODS = 'GET /api/v1/namespaces/default/pods?limit=500';

/** memcache.go refreshLocked's HandleError line, as kubectl v1.31 logs it (placeholder header). */
const klog = (message: string) =>
  `${KLOG_MEMCACHE_PREFIX} "Unhandled Error" err="couldn't get current server API group list: ${message}"`;
const CREDENTIALS = 'the server has asked for the client to provide credentials';

/** An admin, a token the server does not know (401) and the anonymous user (403 on /api). */
function machine(kubectlCache: 'empty' | 'warm' = 'empty') {
  return createCluster({
    now: () => FIXED_NOW,
    seed: 3,
    kubectlCache,
    users: [
      {
        name: 'admin',
        credential: { type: 'x509', commonName: 'kubernetes-admin', organizations: ['system:masters'] },
      },
      { name: 'stale', credential: { type: 'token', token: 'expired-token' } },
      { name: 'nobody', credential: { type: 'anonymous' } },
    ],
    objects: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: default',
  });
}

describe('kubectl discovery on a new machine (client-go discovery/cached/disk + memory, restmapper)', () => {
  it('the first builder command reads aggregated discovery, GET /api then GET /apis, before its own request', () => {
    const run = kubectl(machine(), 'get pods');
    expect(run.requests).toEqual([API, APIS, LIST_PODS]);
    expect(run.traces[0]?.request.headers.Accept).toBe(DISCOVERY_ACCEPT);
    expect(run.statuses).toEqual([200, 200, 200]);
    expect(run.output).toBe('No resources found in default namespace.');
  });

  it('a later command on the same machine is answered from the cache (disk cache, TTL 6h)', () => {
    const cluster = machine();
    kubectl(cluster, 'get pods');
    expect(kubectl(cluster, 'get pods').requests).toEqual([LIST_PODS]);
    expect(
      kubectl(cluster, 'apply -f deploy.yaml', { files: { 'deploy.yaml': DEPLOYMENT } }).requests[0],
    ).toBe('GET /apis/apps/v1/namespaces/default/deployments/web');
  });

  it('apply -f on a new machine maps its object after reading discovery (cli-runtime mapper.go infoForData)', () => {
    const run = kubectl(machine(), 'apply -f deploy.yaml', { files: { 'deploy.yaml': DEPLOYMENT } });
    expect(run.requests.slice(0, 3)).toEqual([
      API,
      APIS,
      'GET /apis/apps/v1/namespaces/default/deployments/web',
    ]);
  });

  it('commands that do not map a type send no discovery: version, and usage errors found before the builder maps', () => {
    expect(kubectl(machine(), 'version').requests).toEqual(['GET /version?timeout=32s']);
    const run = kubectl(machine(), 'delete');
    expect(run.requests).toEqual([]);
    expect(run.output).toContain('error: You must provide one or more resources by argument or filename.');
  });

  it('api-resources fills the cache it re-reads (apiresources.go), so the next get sends only its list', () => {
    const cluster = machine();
    expect(kubectl(cluster, 'api-resources').requests).toEqual([API, APIS]);
    expect(kubectl(cluster, 'get pods').requests).toEqual([LIST_PODS]);
  });
});

describe('a refused credential: the 401 line depends on whether discovery ran first (kubectl cmd/util/helpers.go StandardErrorMessage)', () => {
  it('on a new machine, get retries GET /api for each of its five lookups, logs memcache.go:265 each time and prints the unstructured 401 (rest/request.go newUnstructuredResponseError, errors.go NewGenericServerResponse)', () => {
    const run = kubectl(machine(), 'get pods', {}, 'stale');
    expect(run.requests).toEqual([API, API, API, API, API]);
    expect(run.statuses).toEqual([401, 401, 401, 401, 401]);
    expect(run.output).toBe(
      [
        klog(CREDENTIALS),
        klog(CREDENTIALS),
        klog(CREDENTIALS),
        klog(CREDENTIALS),
        klog(CREDENTIALS),
        `error: You must be logged in to the server (${CREDENTIALS})`,
      ].join('\n'),
    );
    expect(run.exitCode).toBe(1);
  });

  it('a failed discovery is not cached (memcache.go refreshLocked): the next command is still a first run', () => {
    const cluster = machine();
    kubectl(cluster, 'get pods', {}, 'stale');
    expect(kubectl(cluster, 'get pods', {}, 'stale').requests).toHaveLength(5);
    expect(kubectl(cluster, 'get pods').requests).toEqual([API, APIS, LIST_PODS]);
  });

  it('with discovery cached, only the list is sent and kubectl prints the Status message: (Unauthorized)', () => {
    const run = kubectl(machine('warm'), 'get pods', {}, 'stale');
    expect(run.requests).toEqual([LIST_PODS]);
    expect(run.output).toBe('error: You must be logged in to the server (Unauthorized)');
  });

  it.each([
    // builder.go ReplaceAliases: one category expansion per comma-separated type, then mappingFor's four lookups.
    ['get pods,services', 6],
    ['delete pod web', 5],
    // TYPE/NAME arguments skip alias expansion.
    ['get pod/web', 4],
    // ParseResourceArg: `res.version.group` adds a KindFor (shortcut expansion + mapper lookup).
    ['get deployments.v1.apps', 7],
  ])(
    '%s sends GET /api %i times before giving up (restmapper shortcut.go, discovery.go getDelegate)',
    (command, times) => {
      const run = kubectl(machine(), command, {}, 'stale');
      expect(run.requests).toEqual(Array(times).fill(API));
      expect(run.output.split('\n')).toHaveLength(times + 1);
      expect(run.output.split('\n').at(-1)).toBe(
        `error: You must be logged in to the server (${CREDENTIALS})`,
      );
    },
  );

  it('an unknown type on a warm machine: the mapper invalidates the cache and its three later lookups each fail (restmapper/discovery.go KindFor Reset)', () => {
    const run = kubectl(machine('warm'), 'get widgets', {}, 'stale');
    expect(run.requests).toEqual([API, API, API]);
    expect(run.output.split('\n').at(-1)).toBe(`error: You must be logged in to the server (${CREDENTIALS})`);
  });

  it('apply -f maps each object once and reports it as infoForData does: unable to recognize "<file>"', () => {
    const run = kubectl(machine(), 'apply -f deploy.yaml', { files: { 'deploy.yaml': DEPLOYMENT } }, 'stale');
    expect(run.requests).toEqual([API]);
    expect(run.output).toBe(
      [klog(CREDENTIALS), `error: unable to recognize "deploy.yaml": ${CREDENTIALS}`].join('\n'),
    );
  });

  it('a 403 on /api (anonymous has no system:discovery) keeps only "unknown": the JSON Status body is not text', () => {
    const run = kubectl(machine(), 'get pod/web', {}, 'nobody');
    expect(run.statuses).toEqual([403, 403, 403, 403]);
    expect(run.output.split('\n')).toEqual([
      klog('unknown'),
      klog('unknown'),
      klog('unknown'),
      klog('unknown'),
      'Error from server (Forbidden): unknown',
    ]);
  });
});
