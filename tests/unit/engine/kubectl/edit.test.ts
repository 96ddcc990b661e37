// `kubectl edit` as a static request list (pkg/cmd/edit/edit.go): only the GETs are known before
// the editor closes.
import { describe, expect, it } from 'vitest';
import { lines, sendOne } from './helpers';

describe('kubectl edit (static view)', () => {
  it("GETs the named object with the unstructured client's Accept", () => {
    const request = sendOne('edit deploy web -n prod');
    expect(`${request.method} ${request.path}`).toBe('GET /apis/apps/v1/namespaces/prod/deployments/web');
    expect(request.headers.Accept).toBe('application/json');
    expect(request.headers['Kubectl-Command']).toBe('kubectl edit');
  });

  it('accepts TYPE/NAME and several names', () => {
    expect(lines('edit cm/a cm/b')).toEqual([
      'GET /api/v1/namespaces/default/configmaps/a',
      'GET /api/v1/namespaces/default/configmaps/b',
    ]);
  });

  it('carries --as as Impersonate-User', () => {
    expect(sendOne('edit pod x --as=jane').headers['Impersonate-User']).toBe('jane');
  });
});
