import { useAppStore } from '../../../store/context';
import { selectCluster, selectEtcdHighlightKey, selectEtcdRevision } from '../../../store/selectors';
import { EtcdPanel } from '../etcd/EtcdPanel';

/** The world's etcd, with the key the request touched marked once the token gets there. */
export function EtcdTab() {
  const cluster = useAppStore(selectCluster);
  const revision = useAppStore(selectEtcdRevision);
  const highlightKey = useAppStore(selectEtcdHighlightKey);
  return (
    <EtcdPanel
      etcd={cluster.storage}
      revision={revision}
      {...(highlightKey === undefined ? {} : { highlightKey })}
    />
  );
}
