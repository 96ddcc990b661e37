// kubectl's rendering of the answers the follow-up requests get (helpers.go checkErr, the name
// printer, get.go's watch rows).
import { describe, expect, it } from 'vitest';
import { resolveRequestInfo } from '../../../../src/engine/request-info';
import { findResource } from '../../../../src/engine/resources';
import { renderKubectlOutput, renderWatchEvents } from '../../../../src/engine/responses/kubectl-output';
import type { HttpMethod, HttpRequest } from '../../../../src/engine/types';

const NOW = new Date('2025-06-01T12:00:00Z');

function render(
  method: HttpMethod,
  path: string,
  status: number,
  body: unknown,
  requestBody?: string,
): string {
  const request: HttpRequest = {
    method,
    path,
    headers: {},
    ...(requestBody === undefined ? {} : { body: requestBody }),
  };
  return renderKubectlOutput(request, resolveRequestInfo(request), { status, body }, NOW);
}

describe('kubectl output for follow-up requests', () => {
  it('an Invalid Status without kind, name or causes appends its message (checkErr)', () => {
    expect(
      render('PATCH', '/api/v1/namespaces/default/pods/a', 422, {
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message: 'the server rejected our request due to an error in our request',
        reason: 'Invalid',
        details: {},
        code: 422,
      }),
    ).toBe('The request is invalid: the server rejected our request due to an error in our request');
  });

  it('a delete whose DeleteOptions body says dryRun All is printed as a server dry run', () => {
    expect(
      render(
        'DELETE',
        '/api/v1/namespaces/default/pods/a',
        200,
        { kind: 'Pod', metadata: { name: 'a' } },
        '{"dryRun":["All"]}',
      ),
    ).toBe('pod "a" deleted (server dry run)');
  });

  it('a PATCH of /scale is printed "scaled"', () => {
    expect(
      render('PATCH', '/apis/apps/v1/namespaces/default/deployments/web/scale', 200, {
        kind: 'Scale',
        metadata: { name: 'web' },
      }),
    ).toBe('deployment.apps/web scaled');
  });

  it('watch events are table rows without a header', () => {
    const request: HttpRequest = {
      method: 'GET',
      path: '/api/v1/namespaces/default/configmaps?watch=true',
      headers: {},
    };
    const rows = renderWatchEvents(
      [
        {
          type: 'ADDED',
          object: { metadata: { name: 'a', creationTimestamp: '2025-06-01T11:59:00Z' }, data: { k: 'v' } },
        },
        { type: 'DELETED', object: { metadata: { name: 'bb', creationTimestamp: '2025-06-01T11:00:00Z' } } },
      ],
      findResource('configmaps'),
      resolveRequestInfo(request),
      NOW,
    );
    expect(rows).toBe('a      1      60s\nbb     0      60m');
  });

  it('a watch response renders its events as rows', () => {
    expect(
      render('GET', '/api/v1/namespaces/default/configmaps?watch=true', 200, [
        { type: 'ADDED', object: { metadata: { name: 'a', creationTimestamp: '2025-06-01T11:59:00Z' } } },
      ]),
    ).toBe('a      0      60s');
  });
});
