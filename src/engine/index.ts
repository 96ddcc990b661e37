/**
 * kube-request-flow's engine: a simulated kube-apiserver in pure TypeScript.
 * This file is the public API; see the README's "Engine API" section.
 */
export { kubectlToRequests, KubectlError } from './kubectl';
export { resolveRequestInfo } from './request-info';
export { createCluster, ClusterSpecError } from './cluster/create-cluster';
export type { Cluster, ClusterSpec } from './cluster/create-cluster';
export { DEFAULT_SERVER_CONFIG } from './cluster/defaults';
export { ENGINE_MESSAGES_EN, formatTemplate } from './messages';
export { HTTP_REASON, isStatus } from './responses/status';
export { SERVER_URL, toCurl } from './http/curl';
export type * from './types';
export { STAGES } from './types';
