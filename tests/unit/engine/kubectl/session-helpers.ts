import { createCluster, type KubectlContext } from '../../../../src/engine';

export const FIXED_NOW = new Date('2025-06-01T12:00:00Z');

/**
 * A small world with an admin (system:masters) and the default namespace, seen from a machine
 * where kubectl has run before (discovery cached); `kubectlCache: 'empty'` for a new machine.
 */
export function world(objects = '', kubectlCache: 'empty' | 'warm' = 'warm') {
  return createCluster({
    now: () => FIXED_NOW,
    seed: 3,
    kubectlCache,
    users: [
      {
        name: 'admin',
        credential: { type: 'x509', commonName: 'kubernetes-admin', organizations: ['system:masters'] },
      },
      { name: 'nobody', credential: { type: 'anonymous' } },
    ],
    objects: `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: default\n---\napiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: default\n  namespace: default\n${objects === '' ? '' : `---\n${objects}`}`,
  });
}

export type World = ReturnType<typeof world>;

/** Runs a command as admin; returns output, the requests' `METHOD path` lines and statuses. */
export function kubectl(cluster: World, command: string, ctx: KubectlContext = {}, user = 'admin') {
  const run = cluster.kubectl(command, user, ctx);
  return {
    ...run,
    requests: run.traces.map((t) => `${t.request.method} ${t.request.path}`),
    statuses: run.traces.map((t) => t.response.status),
  };
}

export const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
    app: web
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
`;
