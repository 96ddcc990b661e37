import { describe, expect, it } from 'vitest';
import type {
  AdmissionDetails,
  AdmissionPluginResult,
  AuthenticationDetails,
  AuthorizationAttributes,
  AuthorizationDetails,
  DecodingDetails,
  UserInfo,
  ValidationDetails,
} from '../../../src/engine/types';
import { AdmissionView } from '../../../src/ui/panels/inspector/AdmissionView';
import { AuthenticationView } from '../../../src/ui/panels/inspector/AuthenticationView';
import { AuthorizationView } from '../../../src/ui/panels/inspector/AuthorizationView';
import { ObjectDiff } from '../../../src/ui/panels/inspector/ObjectDiff';
import { ruleParts } from '../../../src/ui/panels/inspector/rule-parts';
import { DecodingView, ValidationView } from '../../../src/ui/panels/inspector/SimpleViews';
import { count, render, stageOf, starterTrace, textOf } from './render';

const makeUser = (username: string, groups: string[] = []): UserInfo => ({
  username,
  uid: '',
  groups,
  extra: {},
});

function makeAttrs(over: Partial<AuthorizationAttributes> = {}): AuthorizationAttributes {
  return {
    user: makeUser('bob'),
    verb: 'list',
    isResourceRequest: true,
    apiGroup: '',
    apiVersion: 'v1',
    namespace: 'default',
    resource: 'pods',
    subresource: '',
    name: '',
    path: '/api/v1/namespaces/default/pods',
    ...over,
  };
}

describe('The authentication view', () => {
  it('lists every authenticator tried, in order, with its result in words', () => {
    const details = stageOf<AuthenticationDetails>(
      starterTrace('mallory', 'kubectl get pods'),
      'authentication',
    ).details;
    const html = render(AuthenticationView, { details });
    const text = textOf(html);
    expect(count(html, 'data-testid="authn-attempt"')).toBe(details.attempts.length);
    const order = details.attempts.map((a) => text.indexOf(a.authenticator));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(html).toContain('data-result="rejected"');
    expect(html).toContain('data-result="disabled"');
    expect(text).toContain('no credential');
    expect(text).toContain('invalid bearer token');
    expect(text).toContain('No user: the request was not authenticated.');
  });

  it('shows the resulting user: name, uid, groups and extra', () => {
    const details = stageOf<AuthenticationDetails>(
      starterTrace('bob', 'kubectl get pods'),
      'authentication',
    ).details;
    const text = textOf(render(AuthenticationView, { details }));
    expect(text).toContain('This authenticator produced user "bob".');
    expect(text).toMatch(/Name bob UID 1002 Groups viewers system:authenticated Extra —/);
  });

  it('shows both identities and the impersonate checks when impersonating', () => {
    const trace = starterTrace('admin', 'kubectl get pods --as=bob');
    const html = render(AuthenticationView, {
      details: stageOf<AuthenticationDetails>(trace, 'authentication').details,
    });
    const text = textOf(html);
    expect(html).toContain('data-testid="impersonation"');
    expect(text).toMatch(
      /Requestor \(authenticated\) Name kubernetes-admin .*Acting as \(impersonated\) Name bob/,
    );
    expect(html).toContain('data-testid="impersonate-check"');
    expect(text).toContain('impersonate users "bob"');
    expect(html).toContain('data-decision="allow"');
  });
});

describe('The authorization view', () => {
  it('explains a 403 with the closest rule and what it lacked', () => {
    const details = stageOf<AuthorizationDetails>(
      starterTrace('bob', 'kubectl delete pod nginx'),
      'authorization',
    ).details;
    const html = render(AuthorizationView, { details });
    const text = textOf(html);
    expect(text).toContain('forbidden: no authorizer allowed it');
    expect(count(html, 'data-testid="authz-answer"')).toBe(3);
    expect(text).toContain('No opinion: the request goes on to the next authorizer.');
    // The closest rule comes first; the default roles bound to system:authenticated follow it.
    expect(count(html, 'data-testid="rbac-near-miss"')).toBe(3);
    const firstNearMiss = html.slice(html.indexOf('data-testid="rbac-near-miss"'));
    expect(textOf(firstNearMiss).indexOf('bob-reads-everything')).toBeLessThan(
      textOf(firstNearMiss).indexOf('system:'),
    );
    expect(text).toContain('ClusterRoleBinding bob-reads-everything');
    expect(text).toContain('ClusterRole reader');
    expect(text).toContain('Wrong verb: the rule allows get, list, watch, not delete.');
    expect(html).toContain('data-lacking="true"');
    expect(html).not.toContain('data-testid="rbac-allowed-by"');
  });

  it('shows binding → role → rule on an allow, emphasising the matching values', () => {
    const details = stageOf<AuthorizationDetails>(
      starterTrace('alice', 'kubectl run nginx --image=nginx'),
      'authorization',
    ).details;
    const html = render(AuthorizationView, { details });
    const allowed = html.slice(html.indexOf('data-testid="rbac-allowed-by"'));
    expect(textOf(allowed)).toMatch(
      /RoleBinding default\/alice-manages-pods Role default\/pod-manager rule 0/,
    );
    expect(allowed).toMatch(/data-matches="true"[^>]*>.*?create/);
    expect(allowed).toMatch(/data-matches="true"[^>]*>.*?pods/);
    expect(allowed).toMatch(/data-matches="false"[^>]*>.*?delete/);
    expect(html).not.toContain('data-testid="rbac-near-miss"');
  });

  it('explains why resourceNames cannot restrict a request that names no object', () => {
    const details: AuthorizationDetails = {
      attributes: makeAttrs({ verb: 'list' }),
      decision: 'noOpinion',
      reason: '',
      nearMisses: [
        {
          binding: { kind: 'RoleBinding', name: 'one-pod', namespace: 'default' },
          role: { kind: 'Role', name: 'one-pod', namespace: 'default' },
          ruleIndex: 0,
          rule: { verbs: ['get', 'list'], apiGroups: [''], resources: ['pods'], resourceNames: ['nginx'] },
          lacks: ['resourceName'],
        },
      ],
    };
    const html = render(AuthorizationView, { details });
    expect(html).toContain('data-testid="resource-names-note"');
    expect(textOf(html)).toContain(
      'the rule covers only the objects named nginx, and this list request names no object',
    );
  });

  it('words a wrong namespace, a wrong API group and an aggregated role', () => {
    const details: AuthorizationDetails = {
      attributes: makeAttrs({
        verb: 'get',
        apiGroup: 'apps',
        resource: 'deployments',
        namespace: 'prod',
        name: 'web',
      }),
      decision: 'noOpinion',
      reason: '',
      nearMisses: [
        {
          binding: { kind: 'RoleBinding', name: 'dev-edit', namespace: 'dev' },
          role: { kind: 'ClusterRole', name: 'edit' },
          aggregatedFrom: { kind: 'ClusterRole', name: 'system:aggregate-to-edit' },
          ruleIndex: 4,
          rule: { verbs: ['get'], apiGroups: [''], resources: ['deployments'] },
          lacks: ['namespace', 'apiGroup'],
        },
      ],
    };
    const text = textOf(render(AuthorizationView, { details }));
    expect(text).toContain(
      'Wrong namespace: the RoleBinding is in dev and grants only there; this request is in prod.',
    );
    expect(text).toContain('Wrong API group: the rule covers "" (core), but deployments is in apps.');
    expect(text).toContain('aggregated from ClusterRole system:aggregate-to-edit');
  });

  it('puts the webhook SubjectAccessReview in a disclosure', () => {
    const details: AuthorizationDetails = {
      attributes: makeAttrs(),
      decision: 'deny',
      authorizer: 'Webhook',
      reason: 'no pods on Fridays',
      trail: [{ authorizer: 'Webhook', decision: 'deny', reason: 'no pods on Fridays' }],
      webhookReview: { kind: 'SubjectAccessReview', status: { allowed: false, denied: true } },
    };
    const html = render(AuthorizationView, { details });
    expect(html).toMatch(
      /<details[^>]*>.*SubjectAccessReview sent to the authorization webhook.*data-testid="webhook-sar"/s,
    );
    expect(html).toContain('&quot;kind&quot;: &quot;SubjectAccessReview&quot;');
    expect(html).toContain('data-decision="deny"');
  });

  it('marks the rule values that cover the request (ruleParts)', () => {
    const parts = ruleParts(
      { verbs: ['*'], apiGroups: ['apps'], resources: ['pods/log'] },
      makeAttrs({ verb: 'get', subresource: 'log' }),
      ['apiGroup'],
    );
    expect(parts).toEqual([
      { field: 'verbs', values: [{ value: '*', matches: true }], lacking: false },
      { field: 'apiGroups', values: [{ value: 'apps', matches: false }], lacking: true },
      { field: 'resources', values: [{ value: 'pods/log', matches: true }], lacking: false },
    ]);
  });
});

describe('The admission view', () => {
  const mutating = stageOf<AdmissionDetails>(
    starterTrace('alice', 'kubectl run nginx --image=nginx'),
    'mutatingAdmission',
  );

  it('lists the steps in the order they ran, with their outcome hooks', () => {
    const html = render(AdmissionView, { details: mutating.details, phase: 'mutating' });
    const plugins = [...html.matchAll(/data-plugin="([^"]+)"/g)].map((m) => m[1]);
    const ran = mutating.details.plugins.filter((p) => p.reason !== 'not simulated by kube-request-flow');
    expect(plugins).toEqual(ran.map((p) => p.plugin));
    expect(html).toMatch(/data-outcome="passed" data-plugin="ServiceAccount"/);
    expect(html).toMatch(/data-outcome="skipped" data-plugin="TaintNodesByCondition"/);
  });

  it('shows what ServiceAccount changed as a line diff and a JSON Patch', () => {
    const html = render(AdmissionView, { details: mutating.details, phase: 'mutating' });
    const step = html.slice(
      html.indexOf('data-plugin="ServiceAccount"'),
      html.indexOf('data-plugin="TaintNodesByCondition"'),
    );
    expect(step).toContain('data-testid="object-diff"');
    expect(step).toMatch(/data-kind="added".*serviceAccountName: default/s);
    expect(step).toContain('changed the object');
    expect(step).toContain('JSON Patch (3 operation(s))');
    expect(step).toContain('/spec/serviceAccountName');
  });

  it('folds the plugins it does not simulate into one line', () => {
    const notSimulated = mutating.details.plugins.filter(
      (p) => p.reason === 'not simulated by kube-request-flow',
    );
    const html = render(AdmissionView, { details: mutating.details, phase: 'mutating' });
    expect(notSimulated.length).toBeGreaterThan(1);
    expect(textOf(html)).toContain(`${notSimulated.length} enabled plugins are not simulated`);
    expect(html).not.toContain(`data-plugin="${notSimulated[0]?.plugin}"`);
  });

  it('shows a denial message, re-invocations, CEL results and the webhook reviews', () => {
    const steps: AdmissionPluginResult[] = [
      {
        plugin: 'add-label/add-label-binding',
        kind: 'policy',
        via: 'MutatingAdmissionPolicy',
        outcome: 'passed',
        reason: 'applied 1 mutation',
        expressions: [
          {
            field: 'matchConditions[0]',
            expression: "object.metadata.namespace == 'default'",
            value: true,
            cost: 3,
          },
          { field: 'mutations[0]', expression: 'Object{}', error: 'no such key: x' },
        ],
      },
      {
        plugin: 'pod-policy.example.com',
        kind: 'webhook',
        via: 'ValidatingAdmissionWebhook',
        outcome: 'failed',
        reason: 'the webhook denied the request',
        message: 'admission webhook "pod-policy.example.com" denied the request: no latest tags',
        warnings: ['image uses :latest'],
        review: {
          request: { kind: 'AdmissionReview', request: { uid: 'u1' } },
          response: { response: { allowed: false } },
        },
      },
      {
        plugin: 'add-label/add-label-binding',
        kind: 'policy',
        outcome: 'passed',
        reason: 'again',
        reinvoked: true,
      },
    ];
    const html = render(AdmissionView, { details: { plugins: steps }, phase: 'validating' });
    const text = textOf(html);
    expect(count(html, 'data-testid="admission-step"')).toBe(3);
    expect(html).toContain('data-reinvoked="true"');
    expect(text).toContain('re-invoked');
    expect(count(html, 'data-testid="cel-expression"')).toBe(2);
    expect(text).toContain("object.metadata.namespace == 'default'");
    expect(text).toContain('no such key: x');
    expect(text).toContain('admission webhook "pod-policy.example.com" denied the request: no latest tags');
    expect(text).toContain('Warning: image uses :latest');
    expect(html).toContain('data-testid="admission-review-request"');
    expect(html).toContain('data-testid="admission-review-response"');
    expect(html).toMatch(/data-outcome="failed" data-plugin="pod-policy.example.com"/);
  });

  it('says when CEL policies were not evaluated because CEL is loading', () => {
    const html = render(AdmissionView, { details: { plugins: [], celNotLoaded: true } });
    expect(html).toContain('data-testid="cel-not-loaded"');
  });
});

describe('The object diff', () => {
  it('marks additions with + and removals with -, folding unchanged lines', () => {
    const before = {
      kind: 'Pod',
      metadata: { name: 'a' },
      spec: { a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7 },
    };
    const after = { ...before, spec: { ...before.spec, g: 8 } };
    const html = render(ObjectDiff, { before, after });
    expect(html).toMatch(/data-added="1" data-removed="1" data-testid="object-diff"/);
    expect(html).toMatch(/data-kind="removed".*>-<.*g: 7/s);
    expect(html).toMatch(/data-kind="added".*>\+<.*g: 8/s);
    expect(html).toContain('data-kind="gap"');
  });
});

describe('The decoding and validation views', () => {
  it('says the OpenAPI schemas are still loading', () => {
    const decoding = stageOf<DecodingDetails>(
      starterTrace('alice', 'kubectl run nginx --image=nginx'),
      'decoding',
    );
    const html = render(DecodingView, { details: decoding.details });
    expect(html).toContain('data-mode="Warn"');
    expect(textOf(html)).toContain('OpenAPI schemas still loading');
  });

  it('lists strict-decoding errors in the tone of the directive', () => {
    const details: DecodingDetails = {
      contentType: 'application/json',
      fieldValidation: 'Strict',
      strictErrors: ['unknown field "spec.containers[0].imagee"'],
      schemaChecked: true,
    };
    const html = render(DecodingView, { details });
    expect(html).toContain('data-testid="strict-errors"');
    expect(html).toMatch(/data-tone="failed".*unknown field/s);
    expect(textOf(html)).toContain('checked against the OpenAPI schema');
  });

  it('lists validation causes with their field and reason', () => {
    const details: ValidationDetails = {
      causes: [{ reason: 'FieldValueRequired', field: 'spec.containers', message: 'Required value' }],
      schemaChecked: true,
    };
    const text = textOf(render(ValidationView, { details }));
    expect(text).toContain('spec.containers FieldValueRequired Required value');
  });
});
