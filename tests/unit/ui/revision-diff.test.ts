import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import type { EtcdRevision } from '../../../src/engine/storage/etcd';
import {
  defaultDiffPair,
  diffRevisions,
  printJson,
  revisionText,
} from '../../../src/ui/panels/etcd/revision-diff';
import { kubectl, makeCluster } from './panel-helpers';

const printYaml = (value: object) => stringify(value, { version: '1.1', indentSeq: false });

describe('Comparing revisions of an etcd key', () => {
  it('opens on the last two writes', () => {
    const history: EtcdRevision[] = [
      { revision: 2, value: { kind: 'Pod' } },
      { revision: 5, value: { kind: 'Pod' } },
      { revision: 9, value: null },
    ];
    expect(defaultDiffPair(history)).toEqual({ from: 5, to: 9 });
    expect(defaultDiffPair(history.slice(0, 1))).toBeUndefined();
  });

  it('prints a delete (a tombstone) as nothing', () => {
    expect(revisionText({ revision: 9, value: null }, printJson)).toBe('');
    expect(revisionText(undefined, printJson)).toBe('');
  });

  it('shows the label a write added and the resourceVersion it changed', () => {
    const cluster = makeCluster();
    kubectl(cluster, 'admin', 'kubectl run nginx --image=nginx');
    kubectl(cluster, 'admin', 'kubectl label pod nginx tier=web');
    const key = '/registry/pods/default/nginx';
    const history = cluster.storage.history(key);
    const pair = defaultDiffPair(history);
    expect(pair).toBeDefined();
    const diff = diffRevisions(history, pair?.from ?? 0, pair?.to ?? 0, printYaml);
    const added = diff.items.filter((i) => i.kind === 'added').map((i) => ('text' in i ? i.text.trim() : ''));
    expect(added).toContain('tier: web');
    expect(added.some((t) => t.startsWith('resourceVersion:'))).toBe(true);
    expect(diff.unchanged).toBe(false);
  });

  it('says when two revisions hold the same value', () => {
    const history: EtcdRevision[] = [
      { revision: 2, value: { a: 1 } },
      { revision: 3, value: { a: 1 } },
    ];
    expect(diffRevisions(history, 2, 3, printJson)).toMatchObject({ unchanged: true, added: 0, removed: 0 });
  });

  it('shows a delete as every line removed', () => {
    const history: EtcdRevision[] = [
      { revision: 2, value: { a: 1 } },
      { revision: 3, value: null },
    ];
    const diff = diffRevisions(history, 2, 3, printJson);
    expect(diff.added).toBe(0);
    expect(diff.removed).toBe(3);
  });
});
