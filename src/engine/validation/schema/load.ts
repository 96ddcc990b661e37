import type { SchemaProvider } from '../../types';
import type { CompiledValidator } from './provider';

/**
 * Loads the OpenAPI schemas of every kind the simulator stores, on demand. Each import() is a
 * split point, so the schema code (several hundred KB) is fetched only when validation needs it;
 * pass the result to createCluster({ extensions: { schemas } }).
 *
 * The schemas come from kubernetes-models, generated from the upstream OpenAPI spec.
 */

type Loader = () => Promise<{ validate: unknown }>;

/** `<apiVersion>/<Kind>` → the kubernetes-models module of its definition. */
export const SCHEMA_MODULES: Readonly<Record<string, Loader>> = {
  'v1/Pod': () => import('kubernetes-models/_schemas/IoK8sApiCoreV1Pod'),
  'v1/Service': () => import('kubernetes-models/_schemas/IoK8sApiCoreV1Service'),
  'v1/Namespace': () => import('kubernetes-models/_schemas/IoK8sApiCoreV1Namespace'),
  'v1/ConfigMap': () => import('kubernetes-models/_schemas/IoK8sApiCoreV1ConfigMap'),
  'v1/Secret': () => import('kubernetes-models/_schemas/IoK8sApiCoreV1Secret'),
  'v1/ServiceAccount': () => import('kubernetes-models/_schemas/IoK8sApiCoreV1ServiceAccount'),
  'v1/Node': () => import('kubernetes-models/_schemas/IoK8sApiCoreV1Node'),
  'v1/Endpoints': () => import('kubernetes-models/_schemas/IoK8sApiCoreV1Endpoints'),
  'v1/PersistentVolumeClaim': () => import('kubernetes-models/_schemas/IoK8sApiCoreV1PersistentVolumeClaim'),
  'v1/PersistentVolume': () => import('kubernetes-models/_schemas/IoK8sApiCoreV1PersistentVolume'),
  'v1/LimitRange': () => import('kubernetes-models/_schemas/IoK8sApiCoreV1LimitRange'),
  'v1/ResourceQuota': () => import('kubernetes-models/_schemas/IoK8sApiCoreV1ResourceQuota'),
  'v1/Event': () => import('kubernetes-models/_schemas/IoK8sApiCoreV1Event'),
  'apps/v1/Deployment': () => import('kubernetes-models/_schemas/IoK8sApiAppsV1Deployment'),
  'apps/v1/ReplicaSet': () => import('kubernetes-models/_schemas/IoK8sApiAppsV1ReplicaSet'),
  'apps/v1/DaemonSet': () => import('kubernetes-models/_schemas/IoK8sApiAppsV1DaemonSet'),
  'apps/v1/StatefulSet': () => import('kubernetes-models/_schemas/IoK8sApiAppsV1StatefulSet'),
  'batch/v1/Job': () => import('kubernetes-models/_schemas/IoK8sApiBatchV1Job'),
  'batch/v1/CronJob': () => import('kubernetes-models/_schemas/IoK8sApiBatchV1CronJob'),
  'rbac.authorization.k8s.io/v1/Role': () => import('kubernetes-models/_schemas/IoK8sApiRbacV1Role'),
  'rbac.authorization.k8s.io/v1/RoleBinding': () =>
    import('kubernetes-models/_schemas/IoK8sApiRbacV1RoleBinding'),
  'rbac.authorization.k8s.io/v1/ClusterRole': () =>
    import('kubernetes-models/_schemas/IoK8sApiRbacV1ClusterRole'),
  'rbac.authorization.k8s.io/v1/ClusterRoleBinding': () =>
    import('kubernetes-models/_schemas/IoK8sApiRbacV1ClusterRoleBinding'),
  'networking.k8s.io/v1/Ingress': () => import('kubernetes-models/_schemas/IoK8sApiNetworkingV1Ingress'),
  'networking.k8s.io/v1/NetworkPolicy': () =>
    import('kubernetes-models/_schemas/IoK8sApiNetworkingV1NetworkPolicy'),
  'policy/v1/PodDisruptionBudget': () =>
    import('kubernetes-models/_schemas/IoK8sApiPolicyV1PodDisruptionBudget'),
  'storage.k8s.io/v1/StorageClass': () => import('kubernetes-models/_schemas/IoK8sApiStorageV1StorageClass'),
  'admissionregistration.k8s.io/v1/ValidatingWebhookConfiguration': () =>
    import('kubernetes-models/_schemas/IoK8sApiAdmissionregistrationV1ValidatingWebhookConfiguration'),
  'admissionregistration.k8s.io/v1/MutatingWebhookConfiguration': () =>
    import('kubernetes-models/_schemas/IoK8sApiAdmissionregistrationV1MutatingWebhookConfiguration'),
  'admissionregistration.k8s.io/v1/ValidatingAdmissionPolicy': () =>
    import('kubernetes-models/_schemas/IoK8sApiAdmissionregistrationV1ValidatingAdmissionPolicy'),
  'admissionregistration.k8s.io/v1/ValidatingAdmissionPolicyBinding': () =>
    import('kubernetes-models/_schemas/IoK8sApiAdmissionregistrationV1ValidatingAdmissionPolicyBinding'),
  'admissionregistration.k8s.io/v1/MutatingAdmissionPolicy': () =>
    import('kubernetes-models/_schemas/IoK8sApiAdmissionregistrationV1MutatingAdmissionPolicy'),
  'admissionregistration.k8s.io/v1/MutatingAdmissionPolicyBinding': () =>
    import('kubernetes-models/_schemas/IoK8sApiAdmissionregistrationV1MutatingAdmissionPolicyBinding'),
};

/** Loads every schema module in parallel and returns the provider. */
export async function loadSchemas(): Promise<SchemaProvider> {
  const { createSchemaProvider } = await import('./provider');
  const entries = await Promise.all(
    Object.entries(SCHEMA_MODULES).map(
      async ([key, load]) => [key, (await load()).validate as CompiledValidator] as const,
    ),
  );
  return createSchemaProvider(new Map(entries), 'kubernetes-models 5.1.0 (upstream OpenAPI definitions)');
}
