/**
 * kube-request-flow's engine: a simulated kube-apiserver in pure TypeScript.
 * This file is the public API; see the README's "Engine API" section.
 */

export { orderPlugins } from './admission';
export { loadCel } from './admission/policy/cel-load';
export { presentCredential } from './authentication/credentials';
export type { AccessMatrixCell } from './authorization/matrix';
export { bootstrapPolicy } from './authorization/rbac/bootstrap-policy';
export type { Cluster, ClusterSpec } from './cluster/create-cluster';
export { ClusterSpecError, createCluster } from './cluster/create-cluster';
export { DEFAULT_SERVER_CONFIG } from './cluster/defaults';
export { SERVER_URL, toCurl } from './http/curl';
export type { KubectlContext, KubectlRun, SendRequest } from './kubectl';
export { KubectlError, kubectlToRequests, LAST_APPLIED_ANNOTATION, runKubectl } from './kubectl';
export type { EngineMessageId } from './messages';
export { ENGINE_MESSAGES_EN, formatTemplate } from './messages';
export { resolveRequestInfo } from './request-info';
export type { ResourceType } from './resources';
export { findResource, RESOURCES, storageKey } from './resources';
export { alignColumns, renderTable } from './responses/kubectl-output';
export { HTTP_REASON, isStatus } from './responses/status';
export type { EtcdEntry, EtcdEvent, EtcdListener, EtcdRevision } from './storage/etcd';
export type { NamespaceCleanup } from './storage/namespace-controller';
export type { ManagedFieldsEntry } from './storage/patch';
export type * from './types';
export { STAGES } from './types';
export { loadSchemas } from './validation/schema/load';
