import { useMemo } from 'react';
import type { Cluster } from '../../../engine';
import { useAppStore } from '../../../store/context';
import {
  selectCluster,
  selectEpoch,
  selectEtcdRevision,
  selectNamespace,
  selectVisibleRevision,
  selectWorldRevision,
} from '../../../store/selectors';
import { WatchPanel } from '../watch/WatchPanel';

/**
 * The simulated "now" for the AGE column: the newest timestamp in etcd (the world's clock only
 * moves when a request reads it, so the wall clock would make every object months old).
 */
function latestTimestamp(cluster: Cluster, epoch: number): Date {
  let latest = epoch;
  for (const key of cluster.storage.keys()) {
    const stamp = cluster.storage.get(key)?.metadata?.creationTimestamp;
    const ms = typeof stamp === 'string' ? Date.parse(stamp) : Number.NaN;
    if (ms > latest) latest = ms;
  }
  return new Date(latest);
}

/**
 * `kubectl get pods -w` on the world's etcd: from the revision the world was built at, holding
 * back the current run's events until its token reaches etcd.
 */
export function WatchTab() {
  const cluster = useAppStore(selectCluster);
  const namespace = useAppStore(selectNamespace);
  const sinceRevision = useAppStore(selectWorldRevision);
  const visibleRevision = useAppStore(selectVisibleRevision);
  const revision = useAppStore(selectEtcdRevision);
  const epoch = useAppStore(selectEpoch);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the revision stands for the cluster's mutable etcd.
  const now = useMemo(() => latestTimestamp(cluster, epoch), [cluster, epoch, revision]);
  return (
    <WatchPanel
      etcd={cluster.storage}
      now={() => now}
      prefix={`/registry/pods/${namespace}/`}
      sinceRevision={sinceRevision}
      {...(visibleRevision === undefined ? {} : { visibleRevision })}
    />
  );
}
