import { describe, expect, it } from 'vitest';
import type { EtcdEvent } from '../../../src/engine/storage/etcd';
import {
  appendWatchEvent,
  buildWatchFeed,
  namespacesIn,
  targetForPrefix,
  visibleEvents,
  watchableResources,
  watchCommand,
  watchPrefix,
} from '../../../src/ui/panels/watch/watch-feed';
import { kubectl, makeCluster } from './panel-helpers';

const NOW = new Date('2024-11-23T14:00:05Z');
const PODS = { resource: 'pods', namespace: 'default' };

describe('The watch feed', () => {
  it('turns a create, a label and a delete into ADDED, MODIFIED and DELETED with their resourceVersions', () => {
    const cluster = makeCluster();
    const since = cluster.storage.revision;
    kubectl(cluster, 'admin', 'kubectl run nginx --image=nginx');
    kubectl(cluster, 'admin', 'kubectl label pod nginx tier=web');
    kubectl(cluster, 'admin', 'kubectl delete pod nginx');
    const events = cluster.storage.events(since, watchPrefix(PODS));
    const feed = buildWatchFeed(events, PODS, NOW);
    expect(feed.header).toMatch(/^EVENT\s+NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE$/);
    expect(feed.rows.map((r) => r.eventType)).toEqual(['ADDED', 'MODIFIED', 'DELETED']);
    expect(feed.rows.map((r) => r.resourceVersion)).toEqual(events.map((e) => String(e.revision)));
    expect(feed.rows[0]?.line).toMatch(/^ADDED\s+nginx\s+0\/1\s+Pending\s+0\s+5s\s+rv=\d+$/);
    // Every row is aligned with the header.
    const nameColumn = feed.header.indexOf('NAME');
    for (const row of feed.rows) expect(row.line.indexOf('nginx')).toBe(nameColumn);
  });

  it('maps resources and namespaces to etcd prefixes and back', () => {
    expect(watchPrefix(PODS)).toBe('/registry/pods/default/');
    expect(watchPrefix({ resource: 'pods', namespace: '' })).toBe('/registry/pods/');
    expect(watchPrefix({ resource: 'services', namespace: 'kube-system' })).toBe(
      '/registry/services/specs/kube-system/',
    );
    expect(watchPrefix({ resource: 'namespaces', namespace: 'default' })).toBe('/registry/namespaces/');
    expect(targetForPrefix('/registry/pods/default/')).toEqual(PODS);
    expect(targetForPrefix('/registry/services/specs/')).toEqual({ resource: 'services', namespace: '' });
    expect(targetForPrefix('/nowhere/')).toBeUndefined();
  });

  it('offers only stored, watchable resources (never the access reviews)', () => {
    const names = watchableResources().map((r) => r.resource);
    expect(names).toContain('pods');
    expect(names).toContain('clusterroles');
    expect(names).not.toContain('selfsubjectaccessreviews');
  });

  it('prints the kubectl command the panel stands for', () => {
    expect(watchCommand(PODS)).toBe('kubectl get pods -n default -w --output-watch-events');
    expect(watchCommand({ resource: 'pods', namespace: '' })).toBe(
      'kubectl get pods -A -w --output-watch-events',
    );
    expect(watchCommand({ resource: 'namespaces', namespace: '' })).toBe(
      'kubectl get namespaces -w --output-watch-events',
    );
  });

  it('adds a live event once, only under the prefix, in revision order', () => {
    const event = (revision: number, key = '/registry/pods/default/a'): EtcdEvent => ({
      type: 'ADDED',
      key,
      object: { metadata: { name: 'a', resourceVersion: String(revision) } },
      revision,
    });
    let events: readonly EtcdEvent[] = [event(3)];
    events = appendWatchEvent(events, event(3), '/registry/pods/default/');
    events = appendWatchEvent(events, event(2), '/registry/pods/default/');
    events = appendWatchEvent(events, event(4, '/registry/pods/other/a'), '/registry/pods/default/');
    expect(events.map((e) => e.revision)).toEqual([2, 3]);
    expect(appendWatchEvent(events, event(9), '/registry/pods/default/', 2).map((e) => e.revision)).toEqual([
      3, 9,
    ]);
  });

  it('holds back events the animation has not reached yet', () => {
    const cluster = makeCluster();
    const since = cluster.storage.revision;
    kubectl(cluster, 'admin', 'kubectl run a --image=nginx');
    kubectl(cluster, 'admin', 'kubectl run b --image=nginx');
    const events = cluster.storage.events(since, '/registry/pods/');
    expect(visibleEvents(events, events[0]?.revision).length).toBe(1);
    expect(visibleEvents(events).length).toBe(2);
  });

  it('delivers new writes through etcd.subscribe', () => {
    const cluster = makeCluster();
    let events: readonly EtcdEvent[] = [];
    const prefix = watchPrefix(PODS);
    const stop = cluster.storage.subscribe((e) => {
      events = appendWatchEvent(events, e, prefix);
    });
    kubectl(cluster, 'admin', 'kubectl run nginx --image=nginx');
    stop();
    kubectl(cluster, 'admin', 'kubectl delete pod nginx');
    expect(events.map((e) => e.type)).toEqual(['ADDED']);
  });

  it('lists the namespaces from their keys', () => {
    expect(
      namespacesIn([
        '/registry/namespaces/kube-system',
        '/registry/namespaces/default',
        '/registry/pods/default/x',
      ]),
    ).toEqual(['default', 'kube-system']);
  });
});
