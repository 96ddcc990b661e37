import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../../src/engine/types';
import { validationStage } from '../../../../src/engine/validation';
import { applyDefaults } from '../../../../src/engine/validation/defaults';
import { makeInfo, makeNamespace, makePod, typeOf } from '../storage/factories';

const pods = typeOf('pods');

/** Validates as the pipeline does: after defaulting. */
function validate(object: KubeObject, type = pods) {
  return validationStage(makeInfo(), type, applyDefaults(type, object), 'CREATE');
}

const SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const LABEL_MSG =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";

describe('Object validation (pkg/apis/core/validation/validation.go)', () => {
  it('passes a valid, defaulted pod', () => {
    const out = validate(makePod('nginx'));
    expect(out.status).toBeUndefined();
    expect(out.result).toMatchObject({
      stage: 'schemaValidation',
      outcome: 'passed',
      summary:
        'The Pod passed the modelled checks. The OpenAPI schema checks (required fields) did not run: the schemas are still loading.',
    });
  });

  it('requires a name or generateName', () => {
    const pod = makePod('');
    pod.metadata = { namespace: 'default' };
    expect(validate(pod).status).toMatchObject({
      code: 422,
      reason: 'Invalid',
      message: 'Pod "" is invalid: metadata.name: Required value: name or generateName is required',
    });
  });

  it('accepts a generateName in place of a name', () => {
    const pod = makePod('');
    pod.metadata = { generateName: 'web-', namespace: 'default' };
    expect(validate(pod).status).toBeUndefined();
  });

  it('checks pod names as DNS-1123 subdomains, with the exact apimachinery message', () => {
    expect(validate(makePod('Nginx')).status?.message).toBe(
      `Pod "Nginx" is invalid: metadata.name: Invalid value: "Nginx": ${SUBDOMAIN_MSG}`,
    );
  });

  it('checks namespace names as DNS-1123 labels', () => {
    const ns = typeOf('namespaces');
    expect(validate(makeNamespace('My_NS'), ns).status?.message).toBe(
      `Namespace "My_NS" is invalid: metadata.name: Invalid value: "My_NS": ${LABEL_MSG}`,
    );
    expect(validate(makeNamespace('a.b'), ns).status?.message).toBe(
      'Namespace "a.b" is invalid: metadata.name: Invalid value: "a.b": must not contain dots',
    );
  });

  it('checks service names as DNS-1035 labels (they must start with a letter)', () => {
    const svc: KubeObject = {
      kind: 'Service',
      metadata: { name: '1web', namespace: 'default' },
      spec: { ports: [{ port: 80 }] },
    };
    expect(validate(svc, typeOf('services')).status?.message).toBe(
      `Service "1web" is invalid: metadata.name: Invalid value: "1web": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')`,
    );
  });

  it('checks label keys and values', () => {
    const pod = makePod('nginx');
    pod.metadata = { ...pod.metadata, labels: { 'app!': 'web', tier: '-x' } };
    const out = validate(pod);
    expect(out.status?.details?.causes?.map((c) => c.field)).toEqual(['metadata.labels', 'metadata.labels']);
    expect(out.status?.details?.causes?.[0]?.message).toBe(
      `Invalid value: "app!": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`,
    );
  });

  describe('pods', () => {
    it('require containers', () => {
      expect(validate(makePod('nginx', { containers: [] })).status?.message).toBe(
        'Pod "nginx" is invalid: spec.containers: Required value',
      );
    });

    it('require each container name and image, joining several errors as [a, b]', () => {
      const out = validate(makePod('nginx', { containers: [{}] }));
      expect(out.status?.message).toBe(
        'Pod "nginx" is invalid: [spec.containers[0].name: Required value, spec.containers[0].image: Required value]',
      );
      expect(out.status?.details?.causes).toEqual([
        { reason: 'FieldValueRequired', message: 'Required value', field: 'spec.containers[0].name' },
        { reason: 'FieldValueRequired', message: 'Required value', field: 'spec.containers[0].image' },
      ]);
      expect(out.result).toMatchObject({ outcome: 'failed', summary: '2 field(s) failed validation.' });
    });

    it('require container names to be DNS-1123 labels', () => {
      expect(
        validate(makePod('nginx', { containers: [{ name: 'Web', image: 'nginx' }] })).status?.message,
      ).toBe(`Pod "nginx" is invalid: spec.containers[0].name: Invalid value: "Web": ${LABEL_MSG}`);
    });

    it('reject duplicate container names', () => {
      const containers = [
        { name: 'web', image: 'nginx' },
        { name: 'web', image: 'busybox' },
      ];
      expect(validate(makePod('nginx', { containers })).status?.message).toBe(
        'Pod "nginx" is invalid: spec.containers[1].name: Duplicate value: "web"',
      );
    });

    it('keep container ports within 1-65535', () => {
      const containers = [{ name: 'web', image: 'nginx', ports: [{ containerPort: 70000 }] }];
      expect(validate(makePod('nginx', { containers })).status?.message).toBe(
        'Pod "nginx" is invalid: spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive',
      );
    });

    it('reject an unsupported restartPolicy', () => {
      expect(validate(makePod('nginx', { restartPolicy: 'Sometimes' })).status?.message).toBe(
        'Pod "nginx" is invalid: spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
      );
    });

    it('reject a volume mount of a volume the pod does not have', () => {
      const containers = [
        { name: 'web', image: 'nginx', volumeMounts: [{ name: 'data', mountPath: '/data' }] },
      ];
      expect(validate(makePod('nginx', { containers })).status?.message).toBe(
        'Pod "nginx" is invalid: spec.containers[0].volumeMounts[0].name: Not found: "data"',
      );
    });
  });

  it('requires a Deployment template whose labels match the selector', () => {
    const deployment: KubeObject = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', namespace: 'default' },
      spec: {
        selector: { matchLabels: { app: 'web' } },
        template: {
          metadata: { labels: { app: 'api' } },
          spec: { containers: [{ name: 'web', image: 'nginx' }] },
        },
      },
    };
    expect(validate(deployment, typeOf('deployments')).status).toMatchObject({
      message:
        'Deployment.apps "web" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"api"}: `selector` does not match template `labels`',
      details: { group: 'apps', kind: 'Deployment' },
    });
  });
});

describe('Defaulting (pkg/apis/core/v1/defaults.go)', () => {
  it('fills in what a v1.31 pod gets by default', () => {
    const pod = applyDefaults(
      pods,
      makePod('nginx', {
        containers: [
          { name: 'a', image: 'nginx' },
          { name: 'b', image: 'nginx:1.27', ports: [{ containerPort: 80 }] },
        ],
      }),
    );
    expect(pod.spec).toEqual({
      containers: [
        {
          name: 'a',
          image: 'nginx',
          imagePullPolicy: 'Always',
          terminationMessagePath: '/dev/termination-log',
          terminationMessagePolicy: 'File',
          resources: {},
        },
        {
          name: 'b',
          image: 'nginx:1.27',
          ports: [{ containerPort: 80, protocol: 'TCP' }],
          imagePullPolicy: 'IfNotPresent',
          terminationMessagePath: '/dev/termination-log',
          terminationMessagePolicy: 'File',
          resources: {},
        },
      ],
      enableServiceLinks: true,
      restartPolicy: 'Always',
      dnsPolicy: 'ClusterFirst',
      securityContext: {},
      terminationGracePeriodSeconds: 30,
      schedulerName: 'default-scheduler',
    });
  });

  it('pulls :latest and untagged images Always, tagged or digested ones IfNotPresent', () => {
    const policy = (image: string) =>
      (
        applyDefaults(pods, makePod('p', { containers: [{ name: 'c', image }] })).spec as {
          containers: { imagePullPolicy: string }[];
        }
      ).containers[0]?.imagePullPolicy;
    expect(policy('nginx:latest')).toBe('Always');
    expect(policy('registry:5000/nginx')).toBe('Always');
    expect(policy('registry:5000/nginx:1.2')).toBe('IfNotPresent');
    expect(policy('nginx@sha256:abc')).toBe('IfNotPresent');
  });

  it('labels a namespace with its own name', () => {
    expect(applyDefaults(typeOf('namespaces'), makeNamespace('dev')).metadata?.labels).toEqual({
      'kubernetes.io/metadata.name': 'dev',
    });
  });

  it('does not change its input', () => {
    const pod = makePod('nginx');
    applyDefaults(pods, pod);
    expect(pod).toEqual(makePod('nginx'));
  });
});
