/** Who sends a request: credentials as a client holds them, and the users the apiserver authenticates. */

/**
 * An authenticated identity.
 * Models staging/src/k8s.io/apiserver/pkg/authentication/user/user.go (DefaultInfo).
 */
export interface UserInfo {
  readonly username: string;
  readonly uid: string;
  readonly groups: readonly string[];
  readonly extra: Readonly<Record<string, readonly string[]>>;
}

/** A client credential, as it would sit in a kubeconfig user entry. */
export type Credential =
  /** `Authorization: Bearer <token>`; the server recognises it only if its token file lists it. */
  | { readonly type: 'token'; readonly token: string }
  /** A TLS client certificate: CN becomes the user name, each O a group. */
  | {
      readonly type: 'x509';
      readonly commonName: string;
      readonly organizations?: readonly string[];
      /** Simulated certificate problems; a valid certificate has neither. */
      readonly expired?: boolean;
      readonly unknownCA?: boolean;
    }
  /** A service account token (a signed JWT) for `system:serviceaccount:<namespace>:<name>`. */
  | { readonly type: 'serviceAccount'; readonly namespace: string; readonly name: string }
  /**
   * A bootstrap token `<tokenId>.<tokenSecret>` (`[a-z0-9]{6}.[a-z0-9]{16}`), sent as a bearer token;
   * the server looks for Secret `kube-system/bootstrap-token-<tokenId>`.
   */
  | { readonly type: 'bootstrapToken'; readonly tokenId: string; readonly tokenSecret: string }
  /**
   * An OIDC ID token from an identity provider, sent as a bearer token. The simulator builds an
   * unsigned-looking JWT from `claims`; there is no network and no real signature.
   */
  | {
      readonly type: 'oidc';
      /** The token's claims, e.g. `{ iss, aud, sub, email, groups, exp }`. */
      readonly claims: Readonly<Record<string, unknown>>;
      /** Simulates a token whose signature the issuer's keys do not verify. */
      readonly badSignature?: boolean;
    }
  /**
   * An authenticating front proxy: the proxy presents its own client certificate and names the
   * user in `X-Remote-User` / `X-Remote-Group` / `X-Remote-Extra-*` headers.
   */
  | {
      readonly type: 'proxy';
      readonly user: string;
      readonly groups?: readonly string[];
      readonly extra?: Readonly<Record<string, readonly string[]>>;
      /** The proxy's certificate CN (`front-proxy-client` on kubeadm). */
      readonly proxyCommonName?: string;
      /** False: the proxy's certificate is not signed by `--requestheader-client-ca-file`. */
      readonly trusted: boolean;
    }
  /**
   * HTTP basic auth (`Authorization: Basic …`). kube-apiserver removed `--basic-auth-file` in
   * v1.19, so the header is read by nobody; kept to show the removal.
   */
  | { readonly type: 'basic'; readonly username: string; readonly password: string }
  /** No credential at all. */
  | { readonly type: 'anonymous' };

/** Someone the learner can send requests as: a name in the user picker and its credential. */
export interface UserSpec {
  /** The picker's name for this user (`alice`); not necessarily the authenticated user name. */
  readonly name: string;
  readonly credential: Credential;
  /** One line shown beside the name in the picker. */
  readonly description?: string;
}

/** One line of a `--token-auth-file`: `token,user,uid,"group1,group2"`. */
export interface StaticTokenEntry {
  readonly token: string;
  readonly user: string;
  readonly uid: string;
  readonly groups: readonly string[];
}
