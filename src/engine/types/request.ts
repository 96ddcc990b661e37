/** HTTP requests and responses as they cross the wire, and what the apiserver reads from a request's path. */

/** An HTTP request as kubectl (or curl) would put it on the wire. */
export interface HttpRequest {
  readonly method: HttpMethod;
  /** Path with its query string, e.g. `/api/v1/namespaces/default/pods?fieldValidation=Strict`. */
  readonly path: string;
  /** Header names in canonical case (`Content-Type`, `Impersonate-User`). */
  readonly headers: Readonly<Record<string, string>>;
  /** The raw body (kubectl sends JSON). Decoding is a pipeline stage, so this stays a string. */
  readonly body?: string;
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS';

/**
 * What the apiserver works out from a request before authorizing it.
 * Models staging/src/k8s.io/apiserver/pkg/endpoints/request/requestinfo.go.
 */
export interface RequestInfo {
  readonly isResourceRequest: boolean;
  /** The path without the query string. */
  readonly path: string;
  /** For resource requests: get|list|watch|create|update|patch|delete|deletecollection (or a custom verb);
   *  for non-resource requests: the lower-cased HTTP method. */
  readonly verb: string;
  /** `api` or `apis`; empty for non-resource requests. */
  readonly apiPrefix: string;
  /** Empty string is the core ("legacy") group. */
  readonly apiGroup: string;
  readonly apiVersion: string;
  readonly namespace: string;
  readonly resource: string;
  readonly subresource: string;
  readonly name: string;
  /** The path split on `/` after the prefix, as the resolver sees it. */
  readonly parts: readonly string[];
}

export interface HttpResponse {
  readonly status: number;
  readonly body: unknown;
  /** `Warning:` response headers (299 warnings), in order; kubectl prints each as `Warning: <text>`. */
  readonly warnings?: readonly string[];
}

/** The TLS client certificate presented on the connection (not a header). */
export interface ClientCertificate {
  readonly commonName: string;
  readonly organizations: readonly string[];
  readonly expired: boolean;
  readonly unknownCA: boolean;
  /**
   * Which CA signed it: the client CA (`--client-ca-file`, the default) or the front-proxy CA
   * (`--requestheader-client-ca-file`). Each authenticator trusts only its own.
   */
  readonly signer?: 'client-ca' | 'front-proxy-ca';
}

/** A request as it reaches the server: the HTTP request plus what the TLS layer saw. */
export interface WireRequest {
  readonly request: HttpRequest;
  readonly clientCertificate?: ClientCertificate;
}
