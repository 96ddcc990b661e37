import { type Cluster, createCluster } from '../../../src/engine';
import type { Credential } from '../../../src/engine/types';

export const ALICE_CREDENTIAL: Credential = { type: 'token', token: 't0k3n' };

/** A tiny world: the default namespace and its ServiceAccount, alice (a bearer token, no RBAC grants) and admin (system:masters). */
export function makeCluster(): Cluster {
  return createCluster({
    objects: [
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } },
      { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace: 'default' } },
    ],
    users: [
      { name: 'alice', credential: ALICE_CREDENTIAL },
      { name: 'admin', credential: { type: 'x509', commonName: 'admin', organizations: ['system:masters'] } },
    ],
    config: { authentication: { tokenFile: [{ token: 't0k3n', user: 'alice', uid: '1', groups: [] }] } },
    seed: 7,
    now: () => new Date('2024-11-23T14:00:00Z'),
    // kubectl has run on this machine before: its discovery is cached.
    kubectlCache: 'warm',
  });
}

/** Runs a kubectl command in the default namespace. */
export function kubectl(cluster: Cluster, user: string, command: string) {
  return cluster.kubectl(command, user, { namespace: 'default' });
}
