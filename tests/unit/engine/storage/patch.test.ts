// The patch formats of endpoints/handlers/patch.go: RFC 6902 (evanphx/json-patch), RFC 7386 and
// apimachinery/pkg/util/strategicpatch, plus the diffs kubectl computes from them.
import { describe, expect, it } from 'vitest';
import {
  applyJsonPatch,
  applyMergePatch,
  applyStrategicMergePatch,
  createMergePatch,
  createThreeWayMergePatch,
  createTwoWayMergePatch,
  fieldSetOf,
} from '../../../../src/engine/storage/patch';
import { conflictMessage } from '../../../../src/engine/storage/patch/managed-fields';

const pod = {
  metadata: { name: 'p', labels: { app: 'web' }, finalizers: ['a'] },
  spec: {
    containers: [
      { name: 'app', image: 'app:1', ports: [{ containerPort: 80 }], env: [{ name: 'A', value: '1' }] },
      { name: 'sidecar', image: 'proxy:1' },
    ],
    tolerations: [{ key: 'x', operator: 'Exists' }],
  },
};

describe('JSON patch (RFC 6902, json-patch v4)', () => {
  it('applies add, replace, remove, copy, move and test in order', () => {
    const result = applyJsonPatch(
      pod,
      JSON.stringify([
        { op: 'test', path: '/metadata/name', value: 'p' },
        { op: 'add', path: '/metadata/labels/tier', value: 'fe' },
        { op: 'replace', path: '/spec/containers/0/image', value: 'app:2' },
        { op: 'remove', path: '/spec/tolerations' },
        { op: 'copy', from: '/metadata/labels/app', path: '/metadata/labels/copy' },
        { op: 'move', from: '/metadata/labels/copy', path: '/metadata/labels/moved' },
        { op: 'add', path: '/spec/containers/-', value: { name: 'last' } },
      ]),
    );
    expect(result.ok).toBe(true);
    const value = (result as { value: typeof pod }).value;
    expect(value.metadata.labels).toEqual({ app: 'web', tier: 'fe', moved: 'web' });
    expect(value.spec.containers.map((c) => c.name)).toEqual(['app', 'sidecar', 'last']);
    expect(value.spec.tolerations).toBeUndefined();
  });

  it('fails a test op with the library\'s "testing value … failed" text', () => {
    expect(applyJsonPatch(pod, '[{"op":"test","path":"/metadata/name","value":"q"}]')).toEqual({
      ok: false,
      kind: 'apply',
      error: 'testing value /metadata/name failed: test failed',
    });
  });

  it('cannot remove a key that is not there', () => {
    expect(applyJsonPatch(pod, '[{"op":"remove","path":"/metadata/labels/none"}]')).toMatchObject({
      ok: false,
      error:
        "error in remove for path: '/metadata/labels/none': Unable to remove nonexistent key: none: missing value",
    });
  });

  it('cannot replace a missing key or add under a missing parent', () => {
    expect(applyJsonPatch(pod, '[{"op":"replace","path":"/spec/none","value":1}]')).toMatchObject({
      error: 'replace operation does not apply: doc is missing key: /spec/none: missing value',
    });
    expect(applyJsonPatch(pod, '[{"op":"add","path":"/a/b","value":1}]')).toMatchObject({
      error: 'add operation does not apply: doc is missing path: "/a/b": missing value',
    });
  });

  it('rejects an unknown op and a body that is not an array', () => {
    expect(applyJsonPatch(pod, '[{"op":"frob","path":"/x"}]')).toMatchObject({
      error: 'Unexpected kind: frob',
    });
    expect(applyJsonPatch(pod, '{}')).toMatchObject({ kind: 'decode' });
  });

  it('leaves the input untouched', () => {
    const before = JSON.stringify(pod);
    applyJsonPatch(pod, '[{"op":"remove","path":"/spec"}]');
    expect(JSON.stringify(pod)).toBe(before);
  });
});

describe('JSON merge patch (RFC 7386)', () => {
  it('merges maps, deletes on null and replaces lists whole', () => {
    const merged = applyMergePatch(pod, {
      metadata: { labels: { app: null, tier: 'fe' } },
      spec: { containers: [{ name: 'only' }] },
    }) as typeof pod;
    expect(merged.metadata.labels).toEqual({ tier: 'fe' });
    expect(merged.spec.containers).toEqual([{ name: 'only' }]);
  });

  it('createMergePatch sends only changed keys, removals as null (jsonpatch.CreateMergePatch)', () => {
    expect(createMergePatch({ a: 1, b: { c: 1, d: 2 } }, { a: 1, b: { c: 2 }, e: 3 })).toEqual({
      b: { c: 2, d: null },
      e: 3,
    });
  });
});

describe('Strategic merge patch (strategicpatch/patch.go)', () => {
  it('merges containers by name, ports by containerPort and env by name', () => {
    const merged = applyStrategicMergePatch(pod, {
      spec: {
        containers: [
          { name: 'app', image: 'app:2', ports: [{ containerPort: 443 }], env: [{ name: 'B', value: '2' }] },
        ],
      },
    }) as typeof pod;
    expect(merged.spec.containers).toEqual([
      {
        name: 'app',
        image: 'app:2',
        ports: [{ containerPort: 80 }, { containerPort: 443 }],
        env: [
          { name: 'A', value: '1' },
          { name: 'B', value: '2' },
        ],
      },
      { name: 'sidecar', image: 'proxy:1' },
    ]);
  });

  it('replaces lists that have no patch strategy, such as tolerations', () => {
    const merged = applyStrategicMergePatch(pod, { spec: { tolerations: [{ key: 'y' }] } }) as typeof pod;
    expect(merged.spec.tolerations).toEqual([{ key: 'y' }]);
  });

  it('deletes a keyed element with $patch: delete and reorders with $setElementOrder', () => {
    const merged = applyStrategicMergePatch(pod, {
      spec: {
        '$setElementOrder/containers': [{ name: 'sidecar' }, { name: 'app' }],
        containers: [
          { name: 'app', $patch: 'delete' },
          { name: 'sidecar', image: 'proxy:2' },
        ],
      },
    }) as typeof pod;
    expect(merged.spec.containers).toEqual([{ name: 'sidecar', image: 'proxy:2' }]);
  });

  it('unions metadata.finalizers and removes with $deleteFromPrimitiveList', () => {
    const added = applyStrategicMergePatch(pod, { metadata: { finalizers: ['b'] } }) as typeof pod;
    expect(added.metadata.finalizers).toEqual(['a', 'b']);
    const removed = applyStrategicMergePatch(added, {
      metadata: { '$deleteFromPrimitiveList/finalizers': ['a'] },
    }) as typeof pod;
    expect(removed.metadata.finalizers).toEqual(['b']);
  });

  it('replaces a map with $patch: replace', () => {
    const merged = applyStrategicMergePatch(pod, {
      metadata: { labels: { $patch: 'replace', only: 'x' } },
    }) as typeof pod;
    expect(merged.metadata.labels).toEqual({ only: 'x' });
  });

  it('two-way diff (kubectl edit) carries changes, deletions as null and $setElementOrder', () => {
    const edited = structuredClone(pod);
    edited.spec.containers[0] = {
      ...edited.spec.containers[0],
      image: 'app:3',
    } as (typeof pod.spec.containers)[0];
    delete (edited.metadata.labels as { app?: string }).app;
    expect(createTwoWayMergePatch(pod, edited)).toEqual({
      metadata: { labels: { app: null } },
      spec: {
        '$setElementOrder/containers': [{ name: 'app' }, { name: 'sidecar' }],
        containers: [{ image: 'app:3', name: 'app' }],
      },
    });
  });

  it('three-way diff (kubectl apply) ignores fields only the server set and deletes what left the configuration', () => {
    const original = { spec: { replicas: 1, paused: false } };
    const modified = { spec: { replicas: 2 } };
    const current = { spec: { replicas: 1, paused: false, revisionHistoryLimit: 10 }, status: { ready: 1 } };
    expect(createThreeWayMergePatch(original, modified, current)).toEqual({
      spec: { paused: null, replicas: 2 },
    });
  });

  it('three-way diff deletes a container the configuration dropped', () => {
    const original = { spec: { containers: [{ name: 'a' }, { name: 'b' }] } };
    const modified = { spec: { containers: [{ name: 'a' }] } };
    expect(createThreeWayMergePatch(original, modified, original)).toEqual({
      spec: { containers: [{ $patch: 'delete', name: 'b' }] },
    });
  });
});

describe('managedFields (simplified structured-merge-diff)', () => {
  it('describes an object as a FieldsV1 set with k:{…} keys for keyed list items and "." for string maps', () => {
    expect(
      fieldSetOf({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'p', labels: { a: 'b' } },
        spec: { containers: [{ name: 'c', image: 'i' }] },
      }),
    ).toEqual({
      'f:metadata': { 'f:labels': { '.': {}, 'f:a': {} } },
      'f:spec': { 'f:containers': { 'k:{"name":"c"}': { '.': {}, 'f:image': {}, 'f:name': {} } } },
    });
  });

  it('words a single conflict as internal/conflict.go does', () => {
    expect(
      conflictMessage([
        { manager: 'kubectl-edit', operation: 'Update', apiVersion: 'apps/v1', path: '.spec.replicas' },
      ]),
    ).toBe('Apply failed with 1 conflict: conflict with "kubectl-edit" using apps/v1: .spec.replicas');
  });
});
