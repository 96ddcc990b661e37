import { DEFAULT_ADMISSION_PLUGINS } from '../admission/plugin-order';
import type { ServerConfig, ServerConfigInput } from '../types';

export { DEFAULT_ADMISSION_PLUGINS };

/**
 * A kubeadm-like server: client certificates, the authenticating front proxy (kubeadm sets the
 * `--requestheader-*` flags), service account and bootstrap tokens, anonymous auth on
 * (kube-apiserver's default), `--authorization-mode=Node,RBAC`, and the default-enabled admission
 * plugins the simulator models. OIDC, ABAC and the webhook are off until a scenario configures them.
 */
export const DEFAULT_SERVER_CONFIG: ServerConfig = {
  authentication: {
    anonymous: true,
    x509: true,
    tokenFile: [],
    serviceAccountTokens: true,
    bootstrapTokens: true,
    oidc: {
      enabled: false,
      issuerURL: 'https://issuer.example.com',
      clientID: 'kubernetes',
      usernameClaim: 'sub',
    },
    // kubeadm's kube-apiserver manifest (cmd/kubeadm/app/phases/controlplane/manifests.go).
    requestHeader: {
      enabled: true,
      allowedNames: ['front-proxy-client'],
      usernameHeaders: ['X-Remote-User'],
      groupHeaders: ['X-Remote-Group'],
      extraHeaderPrefixes: ['X-Remote-Extra-'],
    },
  },
  authorization: { modes: ['Node', 'RBAC'], abacPolicy: [], webhook: [] },
  admission: { plugins: DEFAULT_ADMISSION_PLUGINS },
};

/** Fills what a partial config leaves out from the defaults, one section at a time. */
export function withDefaults(config: ServerConfigInput = {}): ServerConfig {
  return {
    authentication: { ...DEFAULT_SERVER_CONFIG.authentication, ...config.authentication },
    authorization: { ...DEFAULT_SERVER_CONFIG.authorization, ...config.authorization },
    admission: config.admission ?? DEFAULT_SERVER_CONFIG.admission,
  };
}
