import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ADMISSION_PLUGINS } from '../../../../src/engine/cluster/defaults';
import type {
  AdmissionDetails,
  EngineExtensions,
  KubeObject,
  SimulatedWebhookResponse,
  Trace,
} from '../../../../src/engine/types';
import { extensions, PODS, pod, post, world } from '../policy/world';

/** The AdmissionReview pair a webhook step carries (loosely typed for assertions). */
type Review = { request: { request: { uid: string } }; response: { response: Record<string, unknown> } };

let ext: EngineExtensions;
beforeAll(async () => {
  ext = await extensions();
});

const ARG = 'admissionregistration.k8s.io/v1';
const service: KubeObject = {
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'policy', namespace: 'default' },
  spec: { ports: [{ port: 443 }] },
};

function webhookConfig(kind: 'Validating' | 'Mutating', hook: Record<string, unknown>): KubeObject {
  return {
    apiVersion: ARG,
    kind: `${kind}WebhookConfiguration`,
    metadata: { name: `${kind.toLowerCase()}-config` },
    webhooks: [
      {
        name: 'pod-policy.example.com',
        admissionReviewVersions: ['v1'],
        sideEffects: 'None',
        clientConfig: { service: { namespace: 'default', name: 'policy', path: '/check' } },
        rules: [
          {
            apiGroups: [''],
            apiVersions: ['v1'],
            operations: ['CREATE'],
            resources: ['pods'],
            scope: 'Namespaced',
          },
        ],
        ...hook,
      },
    ],
  };
}

function send(
  objects: KubeObject[],
  response: SimulatedWebhookResponse | undefined,
  body = pod('a'),
  query = '',
): Trace {
  const cluster = world([service, ...objects], ext, {
    admission: {
      plugins: DEFAULT_ADMISSION_PLUGINS,
      ...(response === undefined ? {} : { webhookResponses: { 'pod-policy.example.com': response } }),
    },
  });
  return cluster.send(post(PODS, body, query), 'admin');
}

function hookStep(trace: Trace, stage: 'mutatingAdmission' | 'validatingAdmission') {
  return (
    (trace.stages.find((s) => s.stage === stage)?.details ?? { plugins: [] }) as AdmissionDetails
  ).plugins.find((p) => p.kind === 'webhook');
}

describe('Admission webhooks (apiserver/pkg/admission/plugin/webhook)', () => {
  it('denies with `admission webhook "x" denied the request: …` and the code it chose', () => {
    const trace = send([webhookConfig('Validating', {})], {
      type: 'deny',
      message: 'images must come from registry.example.com',
      code: 403,
    });
    expect(trace.response.status).toBe(403);
    expect((trace.response.body as { message: string }).message).toBe(
      'admission webhook "pod-policy.example.com" denied the request: images must come from registry.example.com',
    );
  });

  it('raises a denial code below 400 to 400 and explains a silent denial', () => {
    const trace = send([webhookConfig('Validating', {})], { type: 'deny', code: 200 });
    expect(trace.response.status).toBe(400);
    expect((trace.response.body as { message: string }).message).toBe(
      'admission webhook "pod-policy.example.com" denied the request without explanation',
    );
  });

  it('shows the AdmissionReview request and response that would cross the wire', () => {
    const trace = send([webhookConfig('Validating', {})], { type: 'allow', warnings: ['looks fine'] });
    expect(trace.response.status).toBe(201);
    expect(trace.response.warnings).toEqual(['looks fine']);
    const review = hookStep(trace, 'validatingAdmission')?.review as Review;
    expect(review.request).toMatchObject({
      kind: 'AdmissionReview',
      apiVersion: 'admission.k8s.io/v1',
      request: {
        kind: { group: '', version: 'v1', kind: 'Pod' },
        resource: { group: '', version: 'v1', resource: 'pods' },
        name: 'a',
        namespace: 'default',
        operation: 'CREATE',
        userInfo: { username: 'admin' },
        dryRun: false,
        options: { kind: 'CreateOptions', apiVersion: 'meta.k8s.io/v1' },
      },
    });
    expect(review.response.response).toMatchObject({
      allowed: true,
      warnings: ['looks fine'],
      uid: review.request.request.uid,
    });
  });

  it('applies a mutating webhook JSON patch, base64-encoded on the wire', () => {
    const patch = [{ op: 'add' as const, path: '/metadata/labels', value: { injected: 'true' } }];
    const trace = send([webhookConfig('Mutating', {})], { type: 'patch', patch });
    expect(trace.response.status).toBe(201);
    const step = hookStep(trace, 'mutatingAdmission');
    expect(step?.patch).toEqual(patch);
    expect(((step?.review ?? {}) as Review).response.response).toMatchObject({
      allowed: true,
      patchType: 'JSONPatch',
      patch: btoa(JSON.stringify(patch)),
    });
    expect((trace.response.body as KubeObject).metadata?.labels).toEqual({ injected: 'true' });
  });

  it('fails closed with 500 when the webhook cannot be reached (failurePolicy Fail)', () => {
    const trace = send([webhookConfig('Validating', { failurePolicy: 'Fail' })], { type: 'unreachable' });
    expect(trace.response.status).toBe(500);
    expect((trace.response.body as { message: string }).message).toBe(
      'Internal error occurred: failed calling webhook "pod-policy.example.com": failed to call webhook: Post "https://policy.default.svc:443/check?timeout=10s": dial tcp: connect: connection refused',
    );
  });

  it('fails open when failurePolicy is Ignore', () => {
    const trace = send([webhookConfig('Validating', { failurePolicy: 'Ignore' })], { type: 'timeout' });
    expect(trace.response.status).toBe(201);
    expect(hookStep(trace, 'validatingAdmission')?.reason).toContain('context deadline exceeded');
  });

  it('reports a missing Service', () => {
    const config = webhookConfig('Validating', {
      clientConfig: { service: { namespace: 'default', name: 'gone' } },
      timeoutSeconds: 5,
    });
    const trace = send([config], { type: 'allow' });
    expect((trace.response.body as { message: string }).message).toBe(
      'Internal error occurred: failed calling webhook "pod-policy.example.com": failed to call webhook: Post "https://gone.default.svc:443?timeout=5s": service "gone" not found',
    );
  });

  it('is not called when the namespaceSelector does not match', () => {
    const config = webhookConfig('Validating', { namespaceSelector: { matchLabels: { env: 'prod' } } });
    const trace = send([config], { type: 'deny', message: 'no' });
    expect(trace.response.status).toBe(201);
    expect(hookStep(trace, 'validatingAdmission')).toMatchObject({
      outcome: 'skipped',
      reason: 'the namespaceSelector does not match',
    });
  });

  it('is not called when the objectSelector does not match', () => {
    const config = webhookConfig('Validating', {
      objectSelector: { matchExpressions: [{ key: 'app', operator: 'Exists' }] },
    });
    expect(send([config], { type: 'deny' }).response.status).toBe(201);
  });

  it('refuses a dry run for a webhook with side effects', () => {
    const trace = send(
      [webhookConfig('Validating', { sideEffects: 'Some' })],
      { type: 'allow' },
      pod('a'),
      '?dryRun=All',
    );
    expect(trace.response.status).toBe(400);
    expect((trace.response.body as { message: string }).message).toBe(
      'admission webhook "pod-policy.example.com" does not support dry run',
    );
  });

  it('re-invokes an IfNeeded webhook when a later one changes the object', () => {
    const config: KubeObject = {
      apiVersion: ARG,
      kind: 'MutatingWebhookConfiguration',
      metadata: { name: 'm' },
      webhooks: ['a.example.com', 'b.example.com'].map((name) => ({
        name,
        sideEffects: 'None',
        admissionReviewVersions: ['v1'],
        reinvocationPolicy: 'IfNeeded',
        clientConfig: { service: { namespace: 'default', name: 'policy' } },
        rules: [{ apiGroups: [''], apiVersions: ['v1'], operations: ['CREATE'], resources: ['pods'] }],
      })),
    };
    const cluster = world([service, config], ext, {
      admission: {
        plugins: DEFAULT_ADMISSION_PLUGINS,
        webhookResponses: {
          'a.example.com': { type: 'allow' },
          'b.example.com': {
            type: 'patch',
            patch: [{ op: 'add', path: '/metadata/labels', value: { b: 'yes' } }],
          },
        },
      },
    });
    const trace = cluster.send(post(PODS, pod('a')), 'admin');
    const steps = (
      (trace.stages.find((s) => s.stage === 'mutatingAdmission')?.details ?? {
        plugins: [],
      }) as AdmissionDetails
    ).plugins.filter((p) => p.kind === 'webhook');
    expect(steps.map((s) => [s.plugin, s.reinvoked === true])).toEqual([
      ['a.example.com', false],
      ['b.example.com', false],
      ['a.example.com', true],
    ]);
  });
});
