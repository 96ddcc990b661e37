import { describe, expect, it } from 'vitest';
import {
  authenticate,
  mintServiceAccountToken,
  presentCredential,
} from '../../../../src/engine/authentication';
import { decodeJwt } from '../../../../src/engine/authentication/service-account';
import type {
  AuthenticatorAttempt,
  Credential,
  HttpRequest,
  KubeObject,
  ObjectReader,
  ServerConfig,
} from '../../../../src/engine/types';

const NOW = new Date('2025-06-01T12:00:00Z');
const GET_PODS: HttpRequest = {
  method: 'GET',
  path: '/api/v1/namespaces/default/pods',
  headers: { Accept: 'application/json' },
};

function memoryObjects(entries: Readonly<Record<string, KubeObject>> = {}): ObjectReader {
  const map = new Map(Object.entries(entries));
  return {
    get: (key) => map.get(key),
    list: (prefix) => [...map.entries()].filter(([k]) => k.startsWith(prefix)).map(([, v]) => v),
  };
}

function makeServiceAccount(
  namespace: string,
  name: string,
  uid = `uid-${name}`,
): Record<string, KubeObject> {
  return {
    [`/registry/serviceaccounts/${namespace}/${name}`]: {
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: { name, namespace, uid },
    },
  };
}

function makeConfig(overrides: Partial<ServerConfig['authentication']> = {}): ServerConfig['authentication'] {
  return {
    anonymous: true,
    x509: true,
    tokenFile: [{ token: 'alice-token', user: 'alice', uid: '1001', groups: ['devs'] }],
    serviceAccountTokens: true,
    bootstrapTokens: false,
    ...overrides,
  };
}

function send(credential: Credential, config = makeConfig(), objects = memoryObjects(), request = GET_PODS) {
  const outcome = authenticate(presentCredential(request, credential), config, objects, NOW);
  return { ...outcome, result: withoutDisabled(outcome.result) };
}

/** The attempts of the authenticators that are switched on (these cases turn the newer ones off). */
function withoutDisabled<T extends { details?: { attempts: readonly AuthenticatorAttempt[] } }>(
  result: T,
): T {
  if (result.details === undefined) return result;
  const attempts = result.details.attempts.filter(
    (a) =>
      a.result !== 'disabled' ||
      ['x509', 'token-file', 'service-account', 'anonymous'].includes(a.authenticator),
  );
  return { ...result, details: { ...result.details, attempts } };
}

function run(...args: Parameters<typeof authenticate>) {
  const outcome = authenticate(...args);
  return { ...outcome, result: withoutDisabled(outcome.result) };
}

function withBearer(token: string): HttpRequest {
  return { ...GET_PODS, headers: { ...GET_PODS.headers, Authorization: `Bearer ${token}` } };
}

describe('Presenting a credential', () => {
  it('sends a token as an Authorization: Bearer header', () => {
    const wire = presentCredential(GET_PODS, { type: 'token', token: 'abc' });
    expect(wire.request.headers.Authorization).toBe('Bearer abc');
    expect(wire.clientCertificate).toBeUndefined();
  });

  it('keeps an Authorization header the request already carries', () => {
    const wire = presentCredential(withBearer('mine'), { type: 'token', token: 'abc' });
    expect(wire.request.headers.Authorization).toBe('Bearer mine');
  });

  it('presents a client certificate in the TLS handshake, not as a header', () => {
    const wire = presentCredential(GET_PODS, { type: 'x509', commonName: 'alice', organizations: ['devs'] });
    expect(wire.request.headers.Authorization).toBeUndefined();
    expect(wire.clientCertificate).toEqual({
      commonName: 'alice',
      organizations: ['devs'],
      expired: false,
      unknownCA: false,
    });
  });

  it('sends a service account as a JWT with the claims of pkg/serviceaccount/claims.go', () => {
    const wire = presentCredential(GET_PODS, { type: 'serviceAccount', namespace: 'ci', name: 'builder' });
    const token = wire.request.headers.Authorization?.replace('Bearer ', '') ?? '';
    expect(token.split('.')).toHaveLength(3);
    expect(token.endsWith('.simulated-signature')).toBe(true);
    expect(decodeJwt(token)?.claims).toMatchObject({
      iss: 'https://kubernetes.default.svc.cluster.local',
      sub: 'system:serviceaccount:ci:builder',
      'kubernetes.io': { namespace: 'ci', serviceaccount: { name: 'builder' } },
    });
  });

  it('sends nothing for an anonymous user', () => {
    expect(presentCredential(GET_PODS, { type: 'anonymous' })).toEqual({ request: GET_PODS });
  });
});

// staging/src/k8s.io/apiserver/pkg/authentication/request/x509/x509.go
describe('The x509 authenticator', () => {
  it('makes CN the user name and each O a group, then adds system:authenticated', () => {
    const { user, result, status } = send({
      type: 'x509',
      commonName: 'alice',
      organizations: ['devs', 'ops'],
    });
    expect(status).toBeUndefined();
    expect(user).toEqual({
      username: 'alice',
      uid: '',
      groups: ['devs', 'ops', 'system:authenticated'],
      extra: {},
    });
    expect(result.summary).toBe('Authenticated as "alice" by the x509 authenticator.');
  });

  it("rejects an expired certificate with Go's crypto/x509 text and answers 401", () => {
    const { user, status, result } = send({ type: 'x509', commonName: 'alice', expired: true });
    expect(user).toBeUndefined();
    expect(status).toMatchObject({ code: 401, reason: 'Unauthorized', message: 'Unauthorized' });
    expect(result.details?.attempts[0]).toEqual({
      authenticator: 'x509',
      result: 'rejected',
      reason: 'x509: certificate has expired or is not yet valid',
    });
  });

  it('rejects a certificate from an unknown CA', () => {
    const { status, result } = send({ type: 'x509', commonName: 'mallory', unknownCA: true });
    expect(status?.code).toBe(401);
    expect(result.summary).toBe(
      'The x509 authenticator recognised the credential and rejected it: x509: certificate signed by unknown authority',
    );
  });

  it('ignores client certificates when no --client-ca-file is set', () => {
    const { user, result } = send({ type: 'x509', commonName: 'alice' }, makeConfig({ x509: false }));
    expect(user?.username).toBe('system:anonymous');
    expect(result.details?.attempts[0]?.result).toBe('disabled');
  });
});

// staging/src/k8s.io/apiserver/pkg/authentication/token/tokenfile/tokenfile.go
describe('The static token file authenticator', () => {
  it('maps a listed token to its user, uid and groups', () => {
    const { user } = send({ type: 'token', token: 'alice-token' });
    expect(user).toEqual({
      username: 'alice',
      uid: '1001',
      groups: ['devs', 'system:authenticated'],
      extra: {},
    });
  });

  it('answers "invalid bearer token" for a token no authenticator knows (bearertoken.go)', () => {
    const { user, status, result } = send({ type: 'token', token: 'nope' });
    expect(user).toBeUndefined();
    expect(status?.code).toBe(401);
    expect(result.details?.attempts.map((a) => [a.authenticator, a.result])).toEqual([
      ['x509', 'no-credential'],
      ['token-file', 'no-credential'],
      ['service-account', 'no-credential'],
      ['bearer-token', 'rejected'],
    ]);
    expect(result.details?.attempts[3]?.reason).toBe('invalid bearer token');
  });

  it('does not add system:authenticated twice', () => {
    const config = makeConfig({
      tokenFile: [{ token: 't', user: 'bob', uid: '', groups: ['system:authenticated'] }],
    });
    expect(send({ type: 'token', token: 't' }, config).user?.groups).toEqual(['system:authenticated']);
  });
});

// pkg/serviceaccount/jwt.go, pkg/serviceaccount/claims.go
describe('The service account token authenticator', () => {
  const objects = memoryObjects(makeServiceAccount('ci', 'builder'));

  it('authenticates a token for an existing ServiceAccount with its groups', () => {
    const { user, result } = send(
      { type: 'serviceAccount', namespace: 'ci', name: 'builder' },
      makeConfig(),
      objects,
    );
    expect(user).toEqual({
      username: 'system:serviceaccount:ci:builder',
      uid: 'uid-builder',
      groups: ['system:serviceaccounts', 'system:serviceaccounts:ci', 'system:authenticated'],
      extra: {},
    });
    expect(result.summary).toBe(
      'Authenticated as "system:serviceaccount:ci:builder" by the service-account authenticator.',
    );
  });

  it("rejects a token whose ServiceAccount does not exist, with the getter's NotFound text", () => {
    const { status, result } = send(
      { type: 'serviceAccount', namespace: 'ci', name: 'ghost' },
      makeConfig(),
      objects,
    );
    expect(status?.code).toBe(401);
    expect(result.details?.attempts.at(-1)).toEqual({
      authenticator: 'service-account',
      result: 'rejected',
      reason: 'serviceaccounts "ghost" not found',
    });
  });

  it('rejects a token whose uid no longer matches the ServiceAccount', () => {
    const token = mintServiceAccountToken('ci', 'builder', { uid: 'old-uid' });
    const { result } = run({ request: withBearer(token) }, makeConfig(), objects, NOW);
    expect(result.details?.attempts.at(-1)?.reason).toBe(
      'service account UID (uid-builder) does not match claim (old-uid)',
    );
  });

  it('rejects an expired token, allowing a minute of clock skew', () => {
    const issuedAt = new Date(NOW.getTime() - 3600_000 - 59_000);
    const fresh = mintServiceAccountToken('ci', 'builder', { issuedAt });
    expect(run({ request: withBearer(fresh) }, makeConfig(), objects, NOW).user).toBeDefined();
    const stale = mintServiceAccountToken('ci', 'builder', {
      issuedAt: new Date(issuedAt.getTime() - 2_000),
    });
    const { result } = run({ request: withBearer(stale) }, makeConfig(), objects, NOW);
    expect(result.details?.attempts.at(-1)?.reason).toBe('service account token has expired');
  });

  it('rejects a token with another signature', () => {
    const forged = mintServiceAccountToken('ci', 'builder').replace(/\.[^.]+$/, '.forged');
    const { result } = run({ request: withBearer(forged) }, makeConfig(), objects, NOW);
    expect(result.details?.attempts.at(-1)?.reason).toBe('go-jose/go-jose: error in cryptographic primitive');
  });

  it('ignores service account tokens when the authenticator is off, so the token is invalid', () => {
    const { result } = send(
      { type: 'serviceAccount', namespace: 'ci', name: 'builder' },
      makeConfig({ serviceAccountTokens: false }),
      objects,
    );
    expect(result.details?.attempts.at(-1)?.reason).toBe('invalid bearer token');
  });
});

// pkg/kubeapiserver/authenticator/config.go, request/union/union.go
describe('The authenticator union', () => {
  it('tries x509 before the bearer token authenticators', () => {
    const request = withBearer('alice-token');
    const wire = { ...presentCredential(request, { type: 'x509', commonName: 'carol' }) };
    const { user, result } = run(wire, makeConfig(), memoryObjects(), NOW);
    expect(user?.username).toBe('carol');
    expect(result.details?.attempts.map((a) => a.authenticator)).toEqual(['x509']);
  });

  it('still accepts a good token after a bad certificate: the union returns the first success', () => {
    const wire = presentCredential(withBearer('alice-token'), {
      type: 'x509',
      commonName: 'carol',
      expired: true,
    });
    const { user, result } = run(wire, makeConfig(), memoryObjects(), NOW);
    expect(user?.username).toBe('alice');
    expect(result.details?.attempts.map((a) => [a.authenticator, a.result])).toEqual([
      ['x509', 'rejected'],
      ['token-file', 'authenticated'],
    ]);
  });

  it('never falls back to anonymous after a credential was rejected', () => {
    const { user, status, result } = send(
      { type: 'token', token: 'stolen' },
      makeConfig({ anonymous: true }),
    );
    expect(user).toBeUndefined();
    expect(status?.code).toBe(401);
    expect(result.details?.attempts.some((a) => a.authenticator === 'anonymous')).toBe(false);
  });

  it('makes a request without any credential system:anonymous in system:unauthenticated only', () => {
    const { user, result } = send({ type: 'anonymous' });
    expect(user).toEqual({
      username: 'system:anonymous',
      uid: '',
      groups: ['system:unauthenticated'],
      extra: {},
    });
    expect(result.outcome).toBe('passed');
    expect(result.details?.attempts.map((a) => [a.authenticator, a.result])).toEqual([
      ['x509', 'no-credential'],
      ['token-file', 'no-credential'],
      ['service-account', 'no-credential'],
      ['anonymous', 'authenticated'],
    ]);
  });

  it('answers 401 to a request without any credential when anonymous auth is off', () => {
    const { user, status, result } = send({ type: 'anonymous' }, makeConfig({ anonymous: false }));
    expect(user).toBeUndefined();
    expect(status).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'Unauthorized',
      reason: 'Unauthorized',
      code: 401,
    });
    expect(result.message.id).toBe('authn.anonymousDisabled');
    expect(result.details?.attempts.at(-1)).toMatchObject({ authenticator: 'anonymous', result: 'disabled' });
  });

  it('does not read the Authorization header at all when no token authenticator is configured', () => {
    const config = makeConfig({ tokenFile: [], serviceAccountTokens: false });
    expect(send({ type: 'token', token: 'anything' }, config).user?.username).toBe('system:anonymous');
  });
});
