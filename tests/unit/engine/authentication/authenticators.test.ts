import { describe, expect, it } from 'vitest';
import { authenticate, mintIdToken, presentCredential } from '../../../../src/engine/authentication';
import { DEFAULT_SERVER_CONFIG, withDefaults } from '../../../../src/engine/cluster/defaults';
import type {
  Credential,
  HttpRequest,
  KubeObject,
  ObjectReader,
  RequestHeaderConfig,
  ServerConfigInput,
} from '../../../../src/engine/types';

const NOW = new Date('2025-06-01T12:00:00Z');
const NOW_S = NOW.getTime() / 1000;
const GET: HttpRequest = { method: 'GET', path: '/api/v1/namespaces/default/pods', headers: {} };
const UNAUTHORIZED = {
  kind: 'Status',
  apiVersion: 'v1',
  metadata: {},
  status: 'Failure',
  message: 'Unauthorized',
  reason: 'Unauthorized',
  code: 401,
};

function objects(entries: Record<string, KubeObject> = {}): ObjectReader {
  return {
    get: (key) => entries[key],
    list: (prefix) =>
      Object.keys(entries)
        .filter((k) => k.startsWith(prefix))
        .sort()
        .map((k) => entries[k] as KubeObject),
  };
}

const OIDC = {
  enabled: true,
  issuerURL: 'https://idp.example.com',
  clientID: 'kubernetes',
  usernameClaim: 'sub',
};

function send(
  credential: Credential,
  config: ServerConfigInput['authentication'] = {},
  store = objects(),
  request = GET,
) {
  return authenticate(
    presentCredential(request, credential),
    withDefaults({ authentication: config }).authentication,
    store,
    NOW,
  );
}
const attempt = (outcome: ReturnType<typeof send>, name: string) =>
  outcome.result.details?.attempts.find((a) => a.authenticator === name);

const b64 = (s: string) => btoa(s);
function bootstrapSecret(
  id: string,
  secret: string,
  more: Record<string, string> = {},
): Record<string, KubeObject> {
  const data: Record<string, string> = {
    'token-id': b64(id),
    'token-secret': b64(secret),
    'usage-bootstrap-authentication': b64('true'),
  };
  for (const [k, v] of Object.entries(more)) data[k] = b64(v);
  return {
    [`/registry/secrets/kube-system/bootstrap-token-${id}`]: {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: `bootstrap-token-${id}`, namespace: 'kube-system' },
      type: 'bootstrap.kubernetes.io/token',
      data,
    },
  };
}

// staging/src/k8s.io/apiserver/pkg/authentication/request/headerrequest/requestheader.go
describe('The authenticating proxy (request header authenticator)', () => {
  const proxy = (more: Partial<Extract<Credential, { type: 'proxy' }>> = {}): Credential => ({
    type: 'proxy',
    user: 'jane',
    groups: ['designers', 'viewers'],
    trusted: true,
    ...more,
  });

  it('takes the user and groups from X-Remote-User / X-Remote-Group when the front-proxy CA signed the proxy', () => {
    const outcome = send(proxy({ extra: { scopes: ['openid'] } }));
    expect(outcome.user).toEqual({
      username: 'jane',
      uid: '',
      groups: ['designers', 'viewers', 'system:authenticated'],
      extra: { scopes: ['openid'] },
    });
    expect(outcome.result.summary).toBe('Authenticated as "jane" by the request-header authenticator.');
    expect(outcome.result.details?.attempts[0]?.authenticator).toBe('request-header');
  });

  it('rejects a proxy certificate the front-proxy CA did not sign (401, no anonymous fallback)', () => {
    const outcome = send(proxy({ trusted: false }));
    expect(outcome.status).toEqual(UNAUTHORIZED);
    expect(attempt(outcome, 'request-header')?.reason).toBe('x509: certificate signed by unknown authority');
    expect(attempt(outcome, 'x509')?.reason).toBe('x509: certificate signed by unknown authority');
  });

  it('rejects a proxy whose CN is not in --requestheader-allowed-names', () => {
    const outcome = send(proxy({ proxyCommonName: 'evil-proxy' }));
    expect(attempt(outcome, 'request-header')?.reason).toBe(
      'x509: subject with cn=evil-proxy is not in the allowed list',
    );
    expect(outcome.status?.code).toBe(401);
  });

  it('ignores X-Remote-User from a client without a proxy certificate', () => {
    const request = { ...GET, headers: { 'X-Remote-User': 'admin' } };
    const outcome = send({ type: 'anonymous' }, {}, objects(), request);
    expect(outcome.user?.username).toBe('system:anonymous');
    expect(attempt(outcome, 'request-header')?.result).toBe('no-credential');
  });

  it('is off when no --requestheader-client-ca-file is set', () => {
    const outcome = send(proxy(), {
      requestHeader: {
        ...DEFAULT_SERVER_CONFIG.authentication.requestHeader,
        enabled: false,
      } as RequestHeaderConfig,
    });
    expect(attempt(outcome, 'request-header')?.result).toBe('disabled');
    expect(outcome.status?.code).toBe(401);
  });
});

// plugin/pkg/auth/authenticator/token/bootstrap/bootstrap.go
describe('The bootstrap token authenticator', () => {
  const token: Credential = { type: 'bootstrapToken', tokenId: 'abcdef', tokenSecret: '0123456789abcdef' };

  it('authenticates system:bootstrap:<id> in system:bootstrappers plus the extra groups, sorted', () => {
    const store = objects(
      bootstrapSecret('abcdef', '0123456789abcdef', {
        'auth-extra-groups': 'system:bootstrappers:kubeadm:default-node-token',
      }),
    );
    expect(send(token, {}, store).user).toEqual({
      username: 'system:bootstrap:abcdef',
      uid: '',
      groups: [
        'system:bootstrappers',
        'system:bootstrappers:kubeadm:default-node-token',
        'system:authenticated',
      ],
      extra: {},
    });
  });

  it('treats a wrong secret as "not mine", which ends as invalid bearer token', () => {
    const outcome = send(
      { ...token, tokenSecret: 'ffffffffffffffff' },
      {},
      objects(bootstrapSecret('abcdef', '0123456789abcdef')),
    );
    expect(attempt(outcome, 'bootstrap-token')?.result).toBe('no-credential');
    expect(attempt(outcome, 'bearer-token')?.reason).toBe('invalid bearer token');
    expect(outcome.status).toEqual(UNAUTHORIZED);
  });

  it('refuses an expired token', () => {
    const store = objects(
      bootstrapSecret('abcdef', '0123456789abcdef', { expiration: '2025-05-01T00:00:00Z' }),
    );
    expect(send(token, {}, store).status?.code).toBe(401);
  });

  it('refuses a token not marked for authentication', () => {
    const store = objects(
      bootstrapSecret('abcdef', '0123456789abcdef', { 'usage-bootstrap-authentication': 'false' }),
    );
    expect(attempt(send(token, {}, store), 'bootstrap-token')?.reason).toContain(
      'not marked usage-bootstrap-authentication=true.',
    );
  });

  it('refuses extra groups outside system:bootstrappers:', () => {
    const store = objects(
      bootstrapSecret('abcdef', '0123456789abcdef', { 'auth-extra-groups': 'system:masters' }),
    );
    expect(attempt(send(token, {}, store), 'bootstrap-token')?.reason).toContain(
      '"system:masters" is not a valid bootstrap group name',
    );
  });

  it('leaves tokens of another shape to the other authenticators', () => {
    expect(attempt(send({ type: 'token', token: 'not-a-bootstrap-token' }), 'bootstrap-token')?.reason).toBe(
      'not of the bootstrap token form [a-z0-9]{6}.[a-z0-9]{16}',
    );
  });
});

// staging/src/k8s.io/apiserver/plugin/pkg/authenticator/token/oidc/oidc.go
describe('The OIDC authenticator (simulated, no network)', () => {
  const claims = { iss: OIDC.issuerURL, aud: 'kubernetes', sub: 'u-42', exp: NOW_S + 600 };

  it('prefixes the sub claim with the issuer URL by default (legacy --oidc-username-prefix)', () => {
    expect(send({ type: 'oidc', claims }, { oidc: OIDC }).user?.username).toBe(
      'https://idp.example.com#u-42',
    );
  });

  it('uses the email claim without prefix, and maps the groups claim with its prefix', () => {
    const user = send(
      {
        type: 'oidc',
        claims: {
          ...claims,
          email: 'jane@example.com',
          email_verified: true,
          groups: ['dev', 'ops'],
          jti: 'j1',
        },
      },
      { oidc: { ...OIDC, usernameClaim: 'email', groupsClaim: 'groups', groupsPrefix: 'oidc:' } },
    ).user;
    expect(user).toEqual({
      username: 'jane@example.com',
      uid: '',
      groups: ['oidc:dev', 'oidc:ops', 'system:authenticated'],
      extra: { 'authentication.kubernetes.io/credential-id': ['JTI=j1'] },
    });
  });

  it('accepts a single-string groups claim', () => {
    const user = send(
      { type: 'oidc', claims: { ...claims, groups: 'admins' } },
      { oidc: { ...OIDC, groupsClaim: 'groups', usernamePrefix: '-' } },
    ).user;
    expect(user?.username).toBe('u-42');
    expect(user?.groups).toEqual(['admins', 'system:authenticated']);
  });

  it('rejects an expired token with go-oidc text', () => {
    const outcome = send({ type: 'oidc', claims: { ...claims, exp: NOW_S - 3600 } }, { oidc: OIDC });
    expect(attempt(outcome, 'oidc')?.reason).toBe(
      'oidc: verify token: oidc: token is expired (Token Expiry: 2025-06-01 11:00:00 +0000 UTC)',
    );
    expect(outcome.status).toEqual(UNAUTHORIZED);
  });

  it('rejects another audience', () => {
    const outcome = send({ type: 'oidc', claims: { ...claims, aud: ['other'] } }, { oidc: OIDC });
    expect(attempt(outcome, 'oidc')?.reason).toBe(
      'oidc: verify token: oidc: expected audience in ["kubernetes"] got ["other"]',
    );
  });

  it('rejects a bad signature', () => {
    const outcome = send({ type: 'oidc', claims, badSignature: true }, { oidc: OIDC });
    expect(attempt(outcome, 'oidc')?.reason).toBe(
      'oidc: verify token: failed to verify signature: failed to verify id token signature',
    );
  });

  it('rejects an unverified email', () => {
    const outcome = send(
      { type: 'oidc', claims: { ...claims, email: 'x@example.com', email_verified: false } },
      { oidc: { ...OIDC, usernameClaim: 'email' } },
    );
    expect(attempt(outcome, 'oidc')?.reason).toBe('oidc: email not verified');
  });

  it('checks required claims', () => {
    const outcome = send(
      { type: 'oidc', claims: { ...claims, hd: 'other.com' } },
      { oidc: { ...OIDC, requiredClaims: { hd: 'example.com' } } },
    );
    expect(attempt(outcome, 'oidc')?.reason).toBe(
      'oidc: required claim hd value does not match. Got = other.com, want = example.com',
    );
  });

  it('leaves tokens from another issuer alone', () => {
    const outcome = send({ type: 'oidc', claims: { ...claims, iss: 'https://elsewhere' } }, { oidc: OIDC });
    expect(attempt(outcome, 'oidc')?.result).toBe('no-credential');
    expect(attempt(outcome, 'bearer-token')?.reason).toBe('invalid bearer token');
  });

  it('is off by default, so an ID token is just an invalid bearer token', () => {
    const outcome = send({ type: 'oidc', claims });
    expect(attempt(outcome, 'oidc')?.result).toBe('disabled');
    expect(outcome.status?.code).toBe(401);
  });

  it('mints a three-part JWT', () => {
    expect(mintIdToken(claims).split('.')).toHaveLength(3);
  });
});

describe('Basic auth (removed in v1.19)', () => {
  it('sends Authorization: Basic, which nobody reads, so the request is anonymous', () => {
    const outcome = send({ type: 'basic', username: 'admin', password: 'secret' });
    expect(outcome.user?.username).toBe('system:anonymous');
    expect(attempt(outcome, 'basic-auth')).toMatchObject({ result: 'disabled' });
    expect(attempt(outcome, 'basic-auth')?.reason).toContain('removed in Kubernetes v1.19');
  });

  it('is a 401 when anonymous auth is off', () => {
    expect(
      send({ type: 'basic', username: 'admin', password: 'secret' }, { anonymous: false }).status,
    ).toEqual(UNAUTHORIZED);
  });
});

describe('The union, with every authenticator on (kubeadm defaults)', () => {
  it('tries them in config.go order and records the user each one produced', () => {
    const outcome = send({ type: 'x509', commonName: 'carol', organizations: ['team-a'] });
    expect(outcome.result.details?.attempts.map((a) => [a.authenticator, a.result])).toEqual([
      ['request-header', 'rejected'],
      ['x509', 'authenticated'],
    ]);
    expect(attempt(outcome, 'x509')?.user).toEqual({
      username: 'carol',
      uid: '',
      groups: ['team-a'],
      extra: {},
    });
    expect(outcome.user?.groups).toEqual(['team-a', 'system:authenticated']);
  });

  it('lists every authenticator for an anonymous request', () => {
    const outcome = send({ type: 'anonymous' });
    expect(outcome.result.details?.attempts.map((a) => [a.authenticator, a.result])).toEqual([
      ['request-header', 'no-credential'],
      ['x509', 'no-credential'],
      ['token-file', 'disabled'],
      ['service-account', 'no-credential'],
      ['bootstrap-token', 'no-credential'],
      ['oidc', 'disabled'],
      ['anonymous', 'authenticated'],
    ]);
  });

  it('rejects a service account token once its ServiceAccount is deleted', () => {
    const outcome = send({ type: 'serviceAccount', namespace: 'ci', name: 'gone' });
    expect(attempt(outcome, 'service-account')?.reason).toBe('serviceaccounts "gone" not found');
    expect(outcome.status).toEqual(UNAUTHORIZED);
  });
});
