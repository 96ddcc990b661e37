import type { ClusterSpec } from '../engine';

/** A request the composer offers as a one-click example, with the outcome it demonstrates. */
export interface ExampleRequest {
  readonly id: string;
  readonly user: string;
  readonly command: string;
  /** Files the command reads with `-f`. */
  readonly files?: Readonly<Record<string, string>>;
  /** The HTTP status this example ends with in the starter world (checked by tests). */
  readonly expectedStatus: number;
}

export interface Scenario {
  readonly id: string;
  readonly cluster: ClusterSpec;
  readonly examples: readonly ExampleRequest[];
  readonly defaultUser: string;
  readonly defaultNamespace: string;
}

const BROKEN_POD = `apiVersion: v1
kind: Pod
metadata:
  name: broken
spec:
  containers:
  - name: app
`;

const WEB_POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
  labels:
    app: web
spec:
  containers:
  - name: web
    image: nginx:1.27
    ports:
    - containerPort: 80
`;

/**
 * What a fresh kubeadm/kind cluster holds that requests meet: namespaces, each with the
 * `default` ServiceAccount and `kube-root-ca.crt` ConfigMap its controllers create, plus the
 * RBAC that gives alice and bob their rights.
 */
const OBJECTS = `
apiVersion: v1
kind: Namespace
metadata: { name: default, labels: { kubernetes.io/metadata.name: default } }
---
apiVersion: v1
kind: Namespace
metadata: { name: kube-system, labels: { kubernetes.io/metadata.name: kube-system } }
---
apiVersion: v1
kind: Namespace
metadata: { name: kube-public, labels: { kubernetes.io/metadata.name: kube-public } }
---
apiVersion: v1
kind: ServiceAccount
metadata: { name: default, namespace: default }
---
apiVersion: v1
kind: ServiceAccount
metadata: { name: default, namespace: kube-system }
---
apiVersion: v1
kind: ConfigMap
metadata: { name: kube-root-ca.crt, namespace: default }
data: { ca.crt: "-----BEGIN CERTIFICATE-----\\n(simulated)\\n-----END CERTIFICATE-----\\n" }
---
apiVersion: v1
kind: ConfigMap
metadata: { name: kube-root-ca.crt, namespace: kube-system }
data: { ca.crt: "-----BEGIN CERTIFICATE-----\\n(simulated)\\n-----END CERTIFICATE-----\\n" }
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: { name: pod-manager, namespace: default }
rules:
- apiGroups: [""]
  resources: ["pods"]
  verbs: ["get", "list", "watch", "create", "update", "patch", "delete"]
- apiGroups: [""]
  resources: ["pods/log"]
  verbs: ["get"]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: { name: alice-manages-pods, namespace: default }
subjects:
- kind: User
  name: alice
  apiGroup: rbac.authorization.k8s.io
roleRef: { kind: Role, name: pod-manager, apiGroup: rbac.authorization.k8s.io }
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: { name: reader }
rules:
- apiGroups: ["", "apps"]
  resources: ["pods", "services", "configmaps", "deployments"]
  verbs: ["get", "list", "watch"]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: { name: bob-reads-everything }
subjects:
- kind: User
  name: bob
  apiGroup: rbac.authorization.k8s.io
roleRef: { kind: ClusterRole, name: reader, apiGroup: rbac.authorization.k8s.io }
`;

/** The world a newcomer lands in: the first minute shows a 201, a 403, a 401 and a 422. */
export const STARTER: Scenario = {
  id: 'starter',
  defaultUser: 'alice',
  defaultNamespace: 'default',
  cluster: {
    objects: OBJECTS,
    users: [
      {
        name: 'admin',
        description: 'client certificate, group system:masters',
        credential: { type: 'x509', commonName: 'kubernetes-admin', organizations: ['system:masters'] },
      },
      { name: 'alice', description: 'token; manages pods in default', credential: { type: 'token', token: 'alice-token-9f2c' } },
      { name: 'bob', description: 'token; read-only', credential: { type: 'token', token: 'bob-token-41d7' } },
      {
        name: 'mallory',
        description: 'a revoked token the server does not know',
        credential: { type: 'token', token: 'revoked-token-0000' },
      },
      { name: 'anonymous', description: 'no credential at all', credential: { type: 'anonymous' } },
    ],
    config: {
      authentication: {
        anonymous: true,
        x509: true,
        serviceAccountTokens: true,
        tokenFile: [
          { token: 'alice-token-9f2c', user: 'alice', uid: '1001', groups: ['developers'] },
          { token: 'bob-token-41d7', user: 'bob', uid: '1002', groups: ['viewers'] },
        ],
      },
    },
  },
  examples: [
    { id: 'create-pod', user: 'alice', command: 'kubectl run nginx --image=nginx', expectedStatus: 201 },
    { id: 'forbidden-delete', user: 'bob', command: 'kubectl delete pod nginx', expectedStatus: 403 },
    { id: 'bad-token', user: 'mallory', command: 'kubectl get pods', expectedStatus: 401 },
    {
      id: 'invalid-pod',
      user: 'alice',
      command: 'kubectl create -f broken-pod.yaml',
      files: { 'broken-pod.yaml': BROKEN_POD },
      expectedStatus: 422,
    },
    {
      id: 'create-from-file',
      user: 'alice',
      command: 'kubectl create -f web-pod.yaml',
      files: { 'web-pod.yaml': WEB_POD },
      expectedStatus: 201,
    },
    { id: 'list-pods', user: 'bob', command: 'kubectl get pods', expectedStatus: 200 },
    { id: 'missing-namespace', user: 'admin', command: 'kubectl run web --image=nginx -n staging', expectedStatus: 404 },
  ],
};
