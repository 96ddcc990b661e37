import type { KubeObject } from '../types';

/**
 * What a fresh kubeadm cluster holds before anyone writes to it, besides the RBAC bootstrap policy:
 * - the system namespaces the apiserver's system-namespaces controller creates
 *   (pkg/controlplane/controller/systemnamespaces: kube-system, kube-public, kube-node-lease, and
 *   `default`, which the kubernetes-service controller ensures);
 * - in every active namespace, the ServiceAccount `default` (kube-controller-manager's
 *   pkg/controller/serviceaccount/serviceaccounts_controller.go creates it with a name only) and the
 *   ConfigMap `kube-root-ca.crt` (pkg/controller/certificates/rootcacertpublisher/publisher.go);
 * - the `kubernetes` Service in `default` (pkg/controlplane/controller/kubernetesservice/controller.go),
 *   on the first IP of the service CIDR, port 443 → the apiserver's secure port 6443 (kubeadm).
 */

export const SYSTEM_NAMESPACES = ['default', 'kube-node-lease', 'kube-public', 'kube-system'] as const;

/** rootcacertpublisher's DescriptionAnnotation and Description. */
const DESCRIPTION_ANNOTATION = 'kubernetes.io/description';
const ROOT_CA_DESCRIPTION =
  'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.';

/** The cluster CA's PEM bundle: a placeholder, as the simulator signs nothing. */
export const SIMULATED_ROOT_CA = '-----BEGIN CERTIFICATE-----\n(simulated)\n-----END CERTIFICATE-----\n';

/** The `kubernetes` Service's ClusterIP: the first address of kubeadm's default --service-cluster-ip-range. */
export const KUBERNETES_SERVICE_IP = '10.96.0.1';

/** A namespace as the apiserver stores it after Create (strategy PrepareForCreate, SetDefaults_Namespace). */
export function systemNamespace(name: string): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name, labels: { 'kubernetes.io/metadata.name': name } },
    spec: { finalizers: ['kubernetes'] },
    status: { phase: 'Active' },
  };
}

export function defaultServiceAccount(namespace: string): KubeObject {
  return { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace } };
}

export function rootCAConfigMap(namespace: string): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: {
      name: 'kube-root-ca.crt',
      namespace,
      annotations: { [DESCRIPTION_ANNOTATION]: ROOT_CA_DESCRIPTION },
    },
    data: { 'ca.crt': SIMULATED_ROOT_CA },
  };
}

/** The `kubernetes` Service as stored: the controller's fields plus defaulting and the IP allocator's. */
export function kubernetesService(): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: 'kubernetes',
      namespace: 'default',
      labels: { component: 'apiserver', provider: 'kubernetes' },
    },
    spec: {
      clusterIP: KUBERNETES_SERVICE_IP,
      clusterIPs: [KUBERNETES_SERVICE_IP],
      internalTrafficPolicy: 'Cluster',
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }],
      sessionAffinity: 'None',
      type: 'ClusterIP',
    },
    status: { loadBalancer: {} },
  };
}
