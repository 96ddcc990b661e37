import { describe, expect, it } from 'vitest';
import { createCluster } from '../../../../src/engine';
import { STARTER } from '../../../../src/scenarios/starter';

// staging/src/k8s.io/kubectl/pkg/cmd/auth/cani.go printStatus
describe('kubectl auth can-i --list', () => {
  it('prints the SelfSubjectRulesReview as a rules table, one resource per row with verbs merged', () => {
    const run = createCluster(STARTER.cluster).kubectl('kubectl auth can-i --list', 'alice', {
      namespace: 'default',
    });
    expect(run.traces.map((t) => `${t.request.method} ${t.request.path} ${t.response.status}`)).toEqual([
      'POST /apis/authorization.k8s.io/v1/selfsubjectrulesreviews 201',
    ]);
    const lines = run.output.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^Resources\s+Non-Resource URLs\s+Resource Names\s+Verbs$/);
    expect(lines).toContainEqual(
      expect.stringMatching(/^pods\s+\[\]\s+\[\]\s+\[get list watch create update patch delete\]$/),
    );
    expect(lines).toContainEqual(expect.stringMatching(/^pods\/log\s+\[\]\s+\[\]\s+\[get\]$/));
    expect(lines).toContainEqual(
      expect.stringMatching(/^selfsubjectaccessreviews\.authorization\.k8s\.io\s+\[\]\s+\[\]\s+\[create\]$/),
    );
    expect(lines).toContainEqual(expect.stringMatching(/^\s+\[\/healthz\]\s+\[\]\s+\[get\]$/));
  });
});
