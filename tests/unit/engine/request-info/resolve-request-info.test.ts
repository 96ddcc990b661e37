// Cases follow staging/src/k8s.io/apiserver/pkg/endpoints/request/requestinfo.go and its
// requestinfo_test.go (TestGetAPIRequestInfo, TestGetNonAPIRequestInfo, TestFieldSelectorParsing).
import { describe, expect, it } from 'vitest';
import { resolveRequestInfo } from '../../../../src/engine/request-info';
import type { HttpMethod, RequestInfo } from '../../../../src/engine/types';

function info(method: HttpMethod, path: string): RequestInfo {
  return resolveRequestInfo({ method, path, headers: {} });
}

/** A resource RequestInfo with every field, defaults for the core group v1. */
function resource(fields: Partial<RequestInfo> & Pick<RequestInfo, 'path' | 'verb' | 'parts'>): RequestInfo {
  return {
    isResourceRequest: true,
    apiPrefix: 'api',
    apiGroup: '',
    apiVersion: 'v1',
    namespace: '',
    resource: '',
    subresource: '',
    name: '',
    ...fields,
  };
}

function nonResource(method: string, path: string, apiPrefix = ''): RequestInfo {
  return {
    isResourceRequest: false,
    path,
    verb: method,
    apiPrefix,
    apiGroup: '',
    apiVersion: '',
    namespace: '',
    resource: '',
    subresource: '',
    name: '',
    parts: [],
  };
}

describe('resolveRequestInfo', () => {
  describe('verbs from the method and the presence of a name', () => {
    it('GET of one object is get', () => {
      expect(info('GET', '/api/v1/namespaces/dev/pods/nginx')).toEqual(
        resource({
          path: '/api/v1/namespaces/dev/pods/nginx',
          verb: 'get',
          namespace: 'dev',
          resource: 'pods',
          name: 'nginx',
          parts: ['pods', 'nginx'],
        }),
      );
    });

    it('GET of a collection is list, and the query string stays out of path', () => {
      expect(info('GET', '/api/v1/namespaces/dev/pods?limit=500&labelSelector=app%3Dweb')).toEqual(
        resource({
          path: '/api/v1/namespaces/dev/pods',
          verb: 'list',
          namespace: 'dev',
          resource: 'pods',
          parts: ['pods'],
        }),
      );
    });

    it('HEAD is get like GET', () => {
      expect(info('HEAD', '/api/v1/namespaces/dev/pods/nginx').verb).toBe('get');
    });

    it('POST to a collection is create with no name', () => {
      expect(info('POST', '/apis/apps/v1/namespaces/dev/deployments?fieldManager=kubectl-create')).toEqual(
        resource({
          path: '/apis/apps/v1/namespaces/dev/deployments',
          verb: 'create',
          apiPrefix: 'apis',
          apiGroup: 'apps',
          namespace: 'dev',
          resource: 'deployments',
          parts: ['deployments'],
        }),
      );
    });

    it('PUT is update', () => {
      expect(info('PUT', '/apis/rbac.authorization.k8s.io/v1/clusterroles/view')).toEqual(
        resource({
          path: '/apis/rbac.authorization.k8s.io/v1/clusterroles/view',
          verb: 'update',
          apiPrefix: 'apis',
          apiGroup: 'rbac.authorization.k8s.io',
          resource: 'clusterroles',
          name: 'view',
          parts: ['clusterroles', 'view'],
        }),
      );
    });

    it('PATCH of a subresource is patch with the subresource', () => {
      expect(info('PATCH', '/apis/apps/v1/namespaces/dev/deployments/web/scale')).toEqual(
        resource({
          path: '/apis/apps/v1/namespaces/dev/deployments/web/scale',
          verb: 'patch',
          apiPrefix: 'apis',
          apiGroup: 'apps',
          namespace: 'dev',
          resource: 'deployments',
          subresource: 'scale',
          name: 'web',
          parts: ['deployments', 'web', 'scale'],
        }),
      );
    });

    it('DELETE of one object is delete', () => {
      expect(info('DELETE', '/api/v1/namespaces/dev/pods/nginx').verb).toBe('delete');
    });

    it('DELETE of a collection is deletecollection', () => {
      expect(info('DELETE', '/api/v1/namespaces/dev/pods?labelSelector=app%3Dweb')).toEqual(
        resource({
          path: '/api/v1/namespaces/dev/pods',
          verb: 'deletecollection',
          namespace: 'dev',
          resource: 'pods',
          parts: ['pods'],
        }),
      );
    });

    it('an unknown method is a resource request with an empty verb', () => {
      expect(info('OPTIONS', '/api/v1/namespaces/dev/pods/nginx').verb).toBe('');
    });
  });

  describe('watch', () => {
    it.each([
      ['watch=true', 'watch'],
      ['watch=1', 'watch'],
      ['watch=TRUE', 'watch'],
      ['watch=', 'watch'],
      ['watch=false', 'list'],
      ['watch=0', 'list'],
    ])('?%s on a collection makes the verb %s (Convert_Slice_string_To_bool)', (query, verb) => {
      expect(info('GET', `/api/v1/namespaces/dev/pods?${query}`).verb).toBe(verb);
    });

    it('the legacy /watch/ path prefix makes a collection GET a watch', () => {
      expect(info('GET', '/api/v1/watch/namespaces/dev/pods')).toEqual(
        resource({
          path: '/api/v1/watch/namespaces/dev/pods',
          verb: 'watch',
          namespace: 'dev',
          resource: 'pods',
          parts: ['pods'],
        }),
      );
    });

    it('the /watch/ prefix on one object keeps verb watch and the name', () => {
      expect(info('GET', '/api/v1/watch/namespaces/dev/pods/nginx')).toEqual(
        resource({
          path: '/api/v1/watch/namespaces/dev/pods/nginx',
          verb: 'watch',
          namespace: 'dev',
          resource: 'pods',
          name: 'nginx',
          parts: ['pods', 'nginx'],
        }),
      );
    });

    it('watch on a named GET is still get (watch only applies without a name)', () => {
      expect(info('GET', '/api/v1/namespaces/dev/pods/nginx?watch=true').verb).toBe('get');
    });
  });

  describe('namespaces and their subresources', () => {
    it('GET /api/v1/namespaces/dev has namespace dev and name dev', () => {
      expect(info('GET', '/api/v1/namespaces/dev')).toEqual(
        resource({
          path: '/api/v1/namespaces/dev',
          verb: 'get',
          namespace: 'dev',
          resource: 'namespaces',
          name: 'dev',
          parts: ['namespaces', 'dev'],
        }),
      );
    });

    it('PUT /api/v1/namespaces/dev/status is the status subresource of namespace dev', () => {
      expect(info('PUT', '/api/v1/namespaces/dev/status')).toEqual(
        resource({
          path: '/api/v1/namespaces/dev/status',
          verb: 'update',
          namespace: 'dev',
          resource: 'namespaces',
          subresource: 'status',
          name: 'dev',
          parts: ['namespaces', 'dev', 'status'],
        }),
      );
    });

    it('PUT /api/v1/namespaces/dev/finalize is the finalize subresource', () => {
      const result = info('PUT', '/api/v1/namespaces/dev/finalize');
      expect([result.resource, result.name, result.subresource]).toEqual(['namespaces', 'dev', 'finalize']);
    });

    it('GET /api/v1/namespaces lists namespaces at the cluster scope', () => {
      expect(info('GET', '/api/v1/namespaces')).toEqual(
        resource({ path: '/api/v1/namespaces', verb: 'list', resource: 'namespaces', parts: ['namespaces'] }),
      );
    });

    it('a cluster-scoped object has an empty namespace', () => {
      expect(info('GET', '/api/v1/nodes/node-1')).toEqual(
        resource({
          path: '/api/v1/nodes/node-1',
          verb: 'get',
          resource: 'nodes',
          name: 'node-1',
          parts: ['nodes', 'node-1'],
        }),
      );
    });

    it('an all-namespaces list has an empty namespace', () => {
      expect(info('GET', '/apis/apps/v1/deployments?limit=500').namespace).toBe('');
    });
  });

  describe('subresources', () => {
    it('GET pods/log is get with subresource log', () => {
      expect(info('GET', '/api/v1/namespaces/dev/pods/nginx/log?container=nginx&follow=true')).toEqual(
        resource({
          path: '/api/v1/namespaces/dev/pods/nginx/log',
          verb: 'get',
          namespace: 'dev',
          resource: 'pods',
          subresource: 'log',
          name: 'nginx',
          parts: ['pods', 'nginx', 'log'],
        }),
      );
    });

    it('POST pods/exec is create on the exec subresource', () => {
      const result = info('POST', '/api/v1/namespaces/dev/pods/nginx/exec?command=ls&stdout=true');
      expect([result.verb, result.resource, result.subresource, result.name]).toEqual([
        'create',
        'pods',
        'exec',
        'nginx',
      ]);
    });

    it('a GET of pods/exec (the WebSocket upgrade) is get', () => {
      expect(info('GET', '/api/v1/namespaces/dev/pods/nginx/exec?command=ls').verb).toBe('get');
    });

    it('proxy does not take a subresource: the rest of the path is left in parts', () => {
      expect(info('GET', '/api/v1/proxy/namespaces/dev/pods/nginx/metrics')).toEqual(
        resource({
          path: '/api/v1/proxy/namespaces/dev/pods/nginx/metrics',
          verb: 'proxy',
          namespace: 'dev',
          resource: 'pods',
          name: 'nginx',
          parts: ['pods', 'nginx', 'metrics'],
        }),
      );
    });
  });

  describe('a field selector on metadata.name names the object (TestFieldSelectorParsing)', () => {
    it('list with fieldSelector=metadata.name=x carries the name x', () => {
      expect(info('GET', '/api/v1/namespaces/dev/pods?fieldSelector=metadata.name%3Dnginx')).toEqual(
        resource({
          path: '/api/v1/namespaces/dev/pods',
          verb: 'list',
          namespace: 'dev',
          resource: 'pods',
          name: 'nginx',
          parts: ['pods'],
        }),
      );
    });

    it('a watch pinned to a name carries it too, and == works like =', () => {
      const result = info(
        'GET',
        '/api/v1/namespaces/dev/pods?fieldSelector=metadata.name%3D%3Dnginx&watch=true',
      );
      expect([result.verb, result.name]).toEqual(['watch', 'nginx']);
    });

    it('the name term may sit among other terms', () => {
      const selector = encodeURIComponent('status.phase=Running,metadata.name=nginx');
      expect(info('GET', `/api/v1/pods?fieldSelector=${selector}`).name).toBe('nginx');
    });

    it.each([
      ['metadata.name!=nginx', 'a != term does not pin a name'],
      ['metadata.name', 'an unparseable selector is discarded'],
      ['metadata.name=a/b', 'a name that is not a valid path segment is ignored'],
      ['metadata.name=..', '".." is not a valid path segment'],
      ['spec.nodeName=node-1', 'another field does not name the object'],
    ])('%s: %s', (selector) => {
      const result = info('GET', `/api/v1/namespaces/dev/pods?fieldSelector=${encodeURIComponent(selector)}`);
      expect([result.verb, result.name]).toEqual(['list', '']);
    });

    it('if another list option fails to decode, the selector is lost but watch is still honoured', () => {
      const result = info(
        'GET',
        '/api/v1/namespaces/dev/pods?fieldSelector=metadata.name%3Dnginx&limit=abc&watch=1',
      );
      expect([result.verb, result.name]).toEqual(['watch', '']);
    });

    it('a DELETE of a collection stays deletecollection even with a name selector', () => {
      // The selector is only read when the verb was get.
      expect(info('DELETE', '/api/v1/namespaces/dev/pods?fieldSelector=metadata.name%3Dnginx').verb).toBe(
        'deletecollection',
      );
    });
  });

  describe('non-resource requests', () => {
    it.each([
      ['/healthz'],
      ['/version'],
      ['/livez/etcd'],
      ['/api'],
      ['/api/v1'],
      ['/apis'],
      ['/apis/apps'],
      ['/openapi/v2'],
      ['/'],
    ])('GET %s is a non-resource get', (path) => {
      expect(info('GET', path)).toEqual(nonResource('get', path));
    });

    it('/apis/apps/v1 is non-resource but the apis prefix is already recorded', () => {
      expect(info('GET', '/apis/apps/v1')).toEqual(nonResource('get', '/apis/apps/v1', 'apis'));
    });

    it('the verb is the lower-cased method', () => {
      expect(info('POST', '/logs/kube-apiserver.log').verb).toBe('post');
    });

    it('the query string is dropped from path', () => {
      expect(info('GET', '/api?timeout=32s')).toEqual(nonResource('get', '/api'));
    });

    it('an unknown prefix is non-resource even when long', () => {
      expect(info('GET', '/metrics/resource/v1/pods').isResourceRequest).toBe(false);
    });
  });

  describe('paths', () => {
    it('percent-escapes in the path are decoded, as Go url.URL.Path holds them', () => {
      const result = info('GET', '/api/v1/namespaces/dev/configmaps/a%3Ab');
      expect([result.path, result.name]).toEqual(['/api/v1/namespaces/dev/configmaps/a:b', 'a:b']);
    });

    it('trailing slashes are trimmed before splitting', () => {
      expect(info('GET', '/api/v1/namespaces/dev/pods/').parts).toEqual(['pods']);
    });
  });
});
