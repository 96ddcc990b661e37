import { beforeAll, describe, expect, it } from 'vitest';
import type {
  AdmissionDetails,
  CelEvaluator,
  EngineExtensions,
  KubeObject,
  Trace,
} from '../../../../src/engine/types';
import { extensions, PODS, pod, post, world } from './world';

let ext: EngineExtensions;
let cel: CelEvaluator;
beforeAll(async () => {
  ext = await extensions();
  cel = ext.cel as CelEvaluator;
});

const ARG = 'admissionregistration.k8s.io/v1';
const DEPLOYMENTS = '/apis/apps/v1/namespaces/default/deployments';

function deployment(name: string, replicas: number, labels: Record<string, string> = {}): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, labels },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: { containers: [{ name: 'app', image: 'nginx' }] },
      },
    },
  };
}

const deploymentRules = {
  resourceRules: [
    {
      apiGroups: ['apps'],
      apiVersions: ['v1'],
      operations: ['CREATE', 'UPDATE'],
      resources: ['deployments'],
    },
  ],
};

function vap(name: string, spec: Record<string, unknown>): KubeObject {
  return {
    apiVersion: ARG,
    kind: 'ValidatingAdmissionPolicy',
    metadata: { name },
    spec: { matchConstraints: deploymentRules, ...spec },
  };
}

function binding(name: string, policyName: string, spec: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: ARG,
    kind: 'ValidatingAdmissionPolicyBinding',
    metadata: { name },
    spec: { policyName, validationActions: ['Deny'], ...spec },
  };
}

function message(trace: Trace): string {
  return (trace.response.body as { message?: string }).message ?? '';
}

function stepsOf(trace: Trace, stage: 'mutatingAdmission' | 'validatingAdmission') {
  return ((trace.stages.find((s) => s.stage === stage)?.details ?? { plugins: [] }) as AdmissionDetails)
    .plugins;
}

const replicaLimit = vap('demo-policy.example.com', {
  validations: [{ expression: 'object.spec.replicas <= 5' }],
});

describe('The CEL evaluator (@bufbuild/cel, cel-evaluator.ts)', () => {
  it('evaluates Kubernetes-style expressions', () => {
    const object = {
      metadata: { name: 'x' },
      spec: { replicas: 3, containers: [{ image: 'registry.example.com/a' }] },
    };
    expect(cel.evaluate('object.spec.replicas <= 5', { object })).toMatchObject({ ok: true, value: true });
    expect(cel.evaluate('has(object.metadata.labels)', { object })).toMatchObject({ ok: true, value: false });
    expect(
      cel.evaluate("object.spec.containers.all(c, c.image.startsWith('registry.example.com/'))", { object }),
    ).toMatchObject({ ok: true, value: true });
  });

  it('treats whole JSON numbers as CEL ints, as Kubernetes integer fields are', () => {
    expect(cel.evaluate('object.spec.replicas + 1', { object: { spec: { replicas: 3 } } })).toMatchObject({
      ok: true,
      value: 4,
    });
    expect(cel.evaluate('object.spec.replicas / 0', { object: { spec: { replicas: 3 } } })).toMatchObject({
      ok: false,
      kind: 'runtime',
    });
  });

  it('reports syntax errors without throwing', () => {
    expect(cel.evaluate('object.spec.(', {})).toMatchObject({ ok: false, kind: 'compile' });
  });

  it('stops an over-budget expression instead of freezing', () => {
    const ten = '[1,2,3,4,5,6,7,8,9,10]';
    const nested = `${ten}.all(a, ${ten}.all(b, ${ten}.all(c, ${ten}.all(d, ${ten}.all(e, ${ten}.all(f, true))))))`;
    const out = cel.evaluate(nested, {});
    expect(out).toMatchObject({ ok: false, kind: 'cost' });
    if (!out.ok) expect(out.error).toMatch(/^operation cancelled: actual cost limit exceeded/);
  });
});

describe('ValidatingAdmissionPolicy (apiserver/pkg/admission/plugin/policy/validating)', () => {
  it('denies with the real message and reason Invalid (422)', () => {
    const cluster = world(
      [replicaLimit, binding('demo-binding-test.example.com', 'demo-policy.example.com')],
      ext,
    );
    const trace = cluster.send(post(DEPLOYMENTS, deployment('web', 10)), 'admin');
    expect(trace.response.status).toBe(422);
    expect(trace.response.body).toMatchObject({
      reason: 'Invalid',
      code: 422,
      message:
        "deployments.apps \"web\" is forbidden: ValidatingAdmissionPolicy 'demo-policy.example.com' with binding 'demo-binding-test.example.com' denied request: failed expression: object.spec.replicas <= 5",
    });
  });

  // dispatcher.go appends the message as a field-less cause; kubectl's checkErr prints it after `: `.
  it('carries the message as a cause, which kubectl prints after the invalid header', () => {
    const cluster = world([replicaLimit, binding('b', 'demo-policy.example.com')], ext);
    const trace = cluster.send(post(DEPLOYMENTS, deployment('web', 10)), 'admin');
    const denial =
      "ValidatingAdmissionPolicy 'demo-policy.example.com' with binding 'b' denied request: failed expression: object.spec.replicas <= 5";
    expect(trace.response.body).toMatchObject({
      details: { name: 'web', group: 'apps', kind: 'deployments', causes: [{ message: denial }] },
    });
    expect(trace.kubectlOutput).toBe(`The deployments "web" is invalid: : ${denial}`);
  });

  it('admits what passes and records each expression', () => {
    const cluster = world([replicaLimit, binding('b', 'demo-policy.example.com')], ext);
    const trace = cluster.send(post(DEPLOYMENTS, deployment('web', 2)), 'admin');
    expect(trace.response.status).toBe(201);
    const step = stepsOf(trace, 'validatingAdmission').find((p) => p.kind === 'policy');
    expect(step).toMatchObject({
      plugin: 'demo-policy.example.com/b',
      outcome: 'passed',
      reason: 'every validation passed',
    });
    expect(step?.expressions?.[0]).toMatchObject({
      field: 'validations[0]',
      expression: 'object.spec.replicas <= 5',
      value: true,
    });
  });

  it('uses message, and messageExpression when it yields a string', () => {
    const policy = vap('p', {
      validations: [
        {
          expression: 'object.spec.replicas <= 5',
          message: 'too many',
          messageExpression: "'replicas must be <= 5, got ' + string(object.spec.replicas)",
        },
      ],
    });
    const trace = world([policy, binding('b', 'p')], ext).send(
      post(DEPLOYMENTS, deployment('web', 7)),
      'admin',
    );
    expect(message(trace)).toBe(
      "deployments.apps \"web\" is forbidden: ValidatingAdmissionPolicy 'p' with binding 'b' denied request: replicas must be <= 5, got 7",
    );
  });

  it('maps a validation reason to its code', () => {
    const policy = vap('p', { validations: [{ expression: 'false', message: 'no', reason: 'Forbidden' }] });
    const trace = world([policy, binding('b', 'p')], ext).send(
      post(DEPLOYMENTS, deployment('web', 1)),
      'admin',
    );
    expect(trace.response).toMatchObject({ status: 403, body: { reason: 'Forbidden', code: 403 } });
  });

  it('turns a failure into a warning with validationActions Warn', () => {
    const trace = world(
      [replicaLimit, binding('b', 'demo-policy.example.com', { validationActions: ['Warn'] })],
      ext,
    ).send(post(DEPLOYMENTS, deployment('web', 9)), 'admin');
    expect(trace.response.status).toBe(201);
    expect(trace.response.warnings).toEqual([
      "Validation failed for ValidatingAdmissionPolicy 'demo-policy.example.com' with binding 'b': failed expression: object.spec.replicas <= 5",
    ]);
  });

  it('records an audit annotation with validationActions Audit', () => {
    const trace = world(
      [replicaLimit, binding('b', 'demo-policy.example.com', { validationActions: ['Audit'] })],
      ext,
    ).send(post(DEPLOYMENTS, deployment('web', 9)), 'admin');
    expect(trace.response.status).toBe(201);
    const step = stepsOf(trace, 'validatingAdmission').find((p) => p.kind === 'policy');
    expect(step?.auditAnnotations?.['validation.policy.admission.k8s.io/validation_failure']).toContain(
      'failed expression',
    );
  });

  it('reads params from a ConfigMap named by paramRef', () => {
    const policy = vap('p', {
      paramKind: { apiVersion: 'v1', kind: 'ConfigMap' },
      validations: [
        {
          expression: 'object.spec.replicas <= int(params.data.maxReplicas)',
          messageExpression: "'at most ' + params.data.maxReplicas",
        },
      ],
    });
    const cm = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'limits', namespace: 'default' },
      data: { maxReplicas: '3' },
    };
    const bind = binding('b', 'p', {
      paramRef: { name: 'limits', namespace: 'default', parameterNotFoundAction: 'Deny' },
    });
    const trace = world([policy, bind, cm], ext).send(post(DEPLOYMENTS, deployment('web', 4)), 'admin');
    expect(message(trace)).toBe(
      "deployments.apps \"web\" is forbidden: ValidatingAdmissionPolicy 'p' with binding 'b' denied request: at most 3",
    );
  });

  it('denies when the param is missing and parameterNotFoundAction is Deny', () => {
    const policy = vap('p', {
      paramKind: { apiVersion: 'v1', kind: 'ConfigMap' },
      validations: [{ expression: 'true' }],
    });
    const bind = binding('b', 'p', { paramRef: { name: 'missing', parameterNotFoundAction: 'Deny' } });
    const trace = world([policy, bind], ext).send(post(DEPLOYMENTS, deployment('web', 1)), 'admin');
    expect(message(trace)).toBe(
      "deployments.apps \"web\" is forbidden: ValidatingAdmissionPolicy 'p' with binding 'b' denied request: failed to configure binding: no params found for policy binding with `Deny` parameterNotFoundAction",
    );
  });

  it('skips a request whose matchConditions are false', () => {
    const policy = vap('p', {
      matchConditions: [
        {
          name: 'not-exempt',
          expression: "!has(object.metadata.labels) || !('exempt' in object.metadata.labels)",
        },
      ],
      validations: [{ expression: 'false' }],
    });
    const trace = world([policy, binding('b', 'p')], ext).send(
      post(DEPLOYMENTS, deployment('web', 1, { exempt: 'yes' })),
      'admin',
    );
    expect(trace.response.status).toBe(201);
    expect(stepsOf(trace, 'validatingAdmission').find((p) => p.kind === 'policy')).toMatchObject({
      outcome: 'skipped',
      reason: 'a matchCondition is false',
    });
  });

  it('sees namespaceObject and request', () => {
    const policy = vap('p', {
      validations: [
        {
          expression:
            "namespaceObject.metadata.name == 'default' && request.operation == 'CREATE' && request.userInfo.username == 'admin'",
        },
      ],
    });
    expect(
      world([policy, binding('b', 'p')], ext).send(post(DEPLOYMENTS, deployment('web', 1)), 'admin').response
        .status,
    ).toBe(201);
  });

  it('uses variables', () => {
    const policy = vap('p', {
      variables: [{ name: 'replicas', expression: 'object.spec.replicas' }],
      validations: [{ expression: 'variables.replicas < 2', message: 'one replica only' }],
    });
    const trace = world([policy, binding('b', 'p')], ext).send(
      post(DEPLOYMENTS, deployment('web', 2)),
      'admin',
    );
    expect(message(trace)).toContain('denied request: one replica only');
  });

  it('denies on an expression error with failurePolicy Fail, and ignores it with Ignore', () => {
    const failing = vap('p', { validations: [{ expression: 'object.spec.nope > 1' }] });
    const trace = world([failing, binding('b', 'p')], ext).send(
      post(DEPLOYMENTS, deployment('web', 1)),
      'admin',
    );
    expect(message(trace)).toMatch(
      /^deployments\.apps "web" is forbidden: ValidatingAdmissionPolicy 'p' with binding 'b' denied request: expression 'object\.spec\.nope > 1' resulted in error: /,
    );
    const ignoring = vap('p', {
      failurePolicy: 'Ignore',
      validations: [{ expression: 'object.spec.nope > 1' }],
    });
    expect(
      world([ignoring, binding('b', 'p')], ext).send(post(DEPLOYMENTS, deployment('web', 1)), 'admin')
        .response.status,
    ).toBe(201);
  });

  it('does not apply to resources outside matchConstraints', () => {
    const trace = world([replicaLimit, binding('b', 'demo-policy.example.com')], ext).send(
      post(PODS, pod('a')),
      'admin',
    );
    expect(trace.response.status).toBe(201);
  });

  it('says plainly when the CEL interpreter has not loaded yet', () => {
    const cluster = world([replicaLimit, binding('b', 'demo-policy.example.com')], {
      ...(ext.schemas ? { schemas: ext.schemas } : {}),
    });
    const trace = cluster.send(post(DEPLOYMENTS, deployment('web', 10)), 'admin');
    expect(trace.response.status).toBe(201);
    const stage = trace.stages.find((s) => s.stage === 'validatingAdmission');
    expect(stage?.summary).toBe(
      '1 admission polic(ies) were not evaluated: the CEL interpreter is still loading.',
    );
    expect(((stage?.details ?? {}) as AdmissionDetails).celNotLoaded).toBe(true);
  });
});

describe('MutatingAdmissionPolicy (apiserver/pkg/admission/plugin/policy/mutating)', () => {
  function map(name: string, mutations: unknown[], extra: Record<string, unknown> = {}): KubeObject {
    return {
      apiVersion: ARG,
      kind: 'MutatingAdmissionPolicy',
      metadata: { name },
      spec: {
        matchConstraints: {
          resourceRules: [
            { apiGroups: [''], apiVersions: ['v1'], operations: ['CREATE'], resources: ['pods'] },
          ],
        },
        mutations,
        ...extra,
      },
    };
  }
  const mapBinding = (name: string, policyName: string) => ({
    apiVersion: ARG,
    kind: 'MutatingAdmissionPolicyBinding',
    metadata: { name },
    spec: { policyName },
  });

  it('applies an ApplyConfiguration and shows the patch', () => {
    const policy = map('add-label', [
      {
        patchType: 'ApplyConfiguration',
        applyConfiguration: { expression: "Object{metadata: Object.metadata{labels: {'team': 'blue'}}}" },
      },
    ]);
    const cluster = world([policy, mapBinding('b', 'add-label')], ext);
    const trace = cluster.send(post(PODS, pod('a')), 'admin');
    expect(trace.response.status).toBe(201);
    expect(cluster.storage.get('/registry/pods/default/a')?.metadata?.labels).toEqual({ team: 'blue' });
    const step = stepsOf(trace, 'mutatingAdmission').find((p) => p.kind === 'policy');
    expect(step?.patch).toEqual([{ op: 'add', path: '/metadata/labels', value: { team: 'blue' } }]);
  });

  it('merges containers by name', () => {
    const policy = map('pull-always', [
      {
        patchType: 'ApplyConfiguration',
        applyConfiguration: {
          expression:
            "Object{spec: Object.spec{containers: object.spec.containers.map(c, Object.spec.containers{name: c.name, imagePullPolicy: 'Always'})}}",
        },
      },
    ]);
    const cluster = world([policy, mapBinding('b', 'pull-always')], ext);
    cluster.send(post(PODS, pod('a')), 'admin');
    const containers = (
      (cluster.storage.get('/registry/pods/default/a')?.spec ?? {}) as {
        containers: Record<string, unknown>[];
      }
    ).containers;
    expect(containers).toHaveLength(1);
    expect(containers[0]).toMatchObject({ name: 'app', image: 'nginx:1.27', imagePullPolicy: 'Always' });
  });

  it('applies a JSONPatch built by CEL', () => {
    const policy = map('annotate', [
      {
        patchType: 'JSONPatch',
        jsonPatch: {
          expression: "[JSONPatch{op: 'add', path: '/metadata/annotations', value: {'checked': 'yes'}}]",
        },
      },
    ]);
    const cluster = world([policy, mapBinding('b', 'annotate')], ext);
    cluster.send(post(PODS, pod('a')), 'admin');
    expect(cluster.storage.get('/registry/pods/default/a')?.metadata?.annotations).toEqual({
      checked: 'yes',
    });
  });

  it('re-runs the in-tree plugins after a policy changed the object', () => {
    const policy = map('add-label', [
      {
        patchType: 'ApplyConfiguration',
        applyConfiguration: { expression: "Object{metadata: Object.metadata{labels: {'team': 'blue'}}}" },
      },
    ]);
    const trace = world([policy, mapBinding('b', 'add-label')], ext).send(post(PODS, pod('a')), 'admin');
    expect(trace.stages.find((s) => s.stage === 'mutatingAdmission')?.message.id).toBe(
      'admission.mutatedReinvoked',
    );
  });
});
