import type { ServerConfig } from '../types';

/**
 * A kubeadm-like server: client certificates, service account tokens, anonymous auth on
 * (kube-apiserver's default), RBAC, and the default-enabled admission plugins the simulator models.
 */
export const DEFAULT_SERVER_CONFIG: ServerConfig = {
  authentication: { anonymous: true, x509: true, tokenFile: [], serviceAccountTokens: true },
  authorization: { modes: ['RBAC'] },
  admission: { plugins: ['NamespaceLifecycle', 'ServiceAccount'] },
};

/** Fills what a partial config leaves out from the defaults, one section at a time. */
export function withDefaults(config: Partial<ServerConfig> = {}): ServerConfig {
  return {
    authentication: { ...DEFAULT_SERVER_CONFIG.authentication, ...config.authentication },
    authorization: config.authorization ?? DEFAULT_SERVER_CONFIG.authorization,
    admission: config.admission ?? DEFAULT_SERVER_CONFIG.admission,
  };
}
