import { useAppStore, useAppStoreApi } from '../../../store/context';
import { selectCluster, selectEtcdRevision, selectNamespace } from '../../../store/selectors';
import { AccessMatrix } from '../access-matrix/AccessMatrix';

/** Who may do what in a namespace; a cell plays its kubectl command as the matching user. */
export function AccessTab() {
  const store = useAppStoreApi();
  const cluster = useAppStore(selectCluster);
  const revision = useAppStore(selectEtcdRevision);
  const namespace = useAppStore(selectNamespace);
  return (
    <AccessMatrix
      cluster={cluster}
      framed={false}
      initialNamespace={namespace}
      onPlay={(user, command) => store.getState().playCommand(user, command)}
      revision={revision}
    />
  );
}
