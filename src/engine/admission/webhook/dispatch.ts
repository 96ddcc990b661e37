import { badRequest, internalError } from '../../responses/status';
import type {
  AdmissionPluginResult,
  CelEvaluator,
  KubeObject,
  ObjectReader,
  SimulatedWebhookResponse,
  Status,
  StatusReason,
} from '../../types';
import { asObj, deepClone, getObject, listIn, objArray, sameJson, str } from '../common';
import { diffJson } from '../diff';
import { type AnyPatchOperation, applyPatch } from '../json-patch';
import { namespaceSelectorMatches, objectSelectorMatches, rulesMatch } from '../matching';
import type { AdmissionAttributes } from '../plugin';
import { admissionRequest, celBindings, type Evaluation, evaluateMatchConditions } from '../policy/common';
import type { ReinvocationState } from '../policy/reinvocation';

/**
 * Admission webhooks (staging/src/k8s.io/apiserver/pkg/admission/plugin/webhook: mutating/dispatcher.go,
 * validating/dispatcher.go, errors/statuserror.go, generic/webhook.go ShouldCallHook). No webhook
 * server exists in the simulator: each webhook's answer comes from ServerConfig.admission.webhookResponses,
 * keyed by the webhook's name, and a webhook without one cannot be reached. The trace carries the
 * AdmissionReview that would be POSTed and the one that would come back.
 * Simplified: validating webhooks run one after another (the apiserver calls them in parallel, and
 * reports one of the denials); matchPolicy Equivalent is not modelled; a patch from a validating
 * webhook is ignored.
 */

export interface WebhookOutcome {
  readonly steps: AdmissionPluginResult[];
  readonly status?: Status;
  readonly object: KubeObject | undefined;
  readonly warnings: string[];
}

interface Hook {
  readonly configuration: string;
  readonly webhook: Record<string, unknown>;
}

function hooksOf(objects: ObjectReader, resource: string): Hook[] {
  return listIn(objects, resource).flatMap((config) =>
    objArray(config.webhooks).map((webhook) => ({ configuration: config.metadata?.name ?? '', webhook })),
  );
}

/** The URL the apiserver would POST to, with its `?timeout=` (webhook/client.go). */
function urlOf(hook: Record<string, unknown>): {
  url: string;
  service?: { namespace: string; name: string };
} {
  const cc = asObj(hook.clientConfig);
  const timeout = typeof hook.timeoutSeconds === 'number' ? hook.timeoutSeconds : 10;
  if (str(cc.url) !== '') return { url: `${str(cc.url)}?timeout=${timeout}s` };
  const svc = asObj(cc.service);
  const port = typeof svc.port === 'number' ? svc.port : 443;
  const service = { namespace: str(svc.namespace), name: str(svc.name) };
  return {
    url: `https://${service.name}.${service.namespace}.svc:${port}${str(svc.path)}?timeout=${timeout}s`,
    service,
  };
}

/** What calling the webhook would fail with, if it fails. */
function callError(
  hook: Record<string, unknown>,
  response: SimulatedWebhookResponse | undefined,
  objects: ObjectReader,
): string | undefined {
  const { url, service } = urlOf(hook);
  if (
    service !== undefined &&
    getObject(objects, 'services', service.namespace, service.name) === undefined
  ) {
    return `failed to call webhook: Post "${url}": service "${service.name}" not found`;
  }
  if (response === undefined || response.type === 'unreachable') {
    return `failed to call webhook: Post "${url}": dial tcp: connect: connection refused`;
  }
  if (response.type === 'timeout') return `failed to call webhook: Post "${url}": context deadline exceeded`;
  return undefined;
}

/** btoa over UTF-8. */
function base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

/** errors/statuserror.go ToStatusErr. */
export function webhookDenial(
  name: string,
  response: Extract<SimulatedWebhookResponse, { type: 'deny' }>,
): Status {
  const deniedBy = `admission webhook ${JSON.stringify(name)} denied the request`;
  const code = (response.code ?? 0) < 400 ? 400 : (response.code as number);
  let message = `${deniedBy} without explanation`;
  if ((response.message ?? '') !== '') message = `${deniedBy}: ${response.message}`;
  else if ((response.reason ?? '') !== '') message = `${deniedBy}: ${response.reason}`;
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    ...(response.reason === undefined ? {} : { reason: response.reason as StatusReason }),
    code,
  };
}

interface DispatchOptions {
  readonly mutating: boolean;
  readonly responses: Readonly<Record<string, SimulatedWebhookResponse>>;
  readonly cel: CelEvaluator | undefined;
  readonly uid: string;
  readonly state?: ReinvocationState;
}

export function runWebhooks(
  attrs: AdmissionAttributes,
  input: KubeObject | undefined,
  objects: ObjectReader,
  options: DispatchOptions,
): WebhookOutcome {
  const { mutating, responses, cel, uid, state } = options;
  const steps: AdmissionPluginResult[] = [];
  const warnings: string[] = [];
  let object = input;
  state?.enter(object);
  const resource = mutating ? 'mutatingwebhookconfigurations' : 'validatingwebhookconfigurations';
  for (const { configuration, webhook } of hooksOf(objects, resource)) {
    const name = str(webhook.name);
    const key = `${configuration}/${name}`;
    const base = {
      plugin: name,
      kind: 'webhook' as const,
      via: (mutating
        ? 'MutatingAdmissionWebhook'
        : 'ValidatingAdmissionWebhook') as 'MutatingAdmissionWebhook',
      ...(state?.reinvoking ? { reinvoked: true } : {}),
    };
    const current = { ...attrs, ...(object === undefined ? {} : { object }) };
    if (!rulesMatch(webhook.rules, current)) {
      if (!state?.reinvoking)
        steps.push({ ...base, outcome: 'skipped', reason: 'no rule matches this request' });
      continue;
    }
    if (!namespaceSelectorMatches(webhook.namespaceSelector, current, objects)) {
      if (!state?.reinvoking)
        steps.push({ ...base, outcome: 'skipped', reason: 'the namespaceSelector does not match' });
      continue;
    }
    if (!objectSelectorMatches(webhook.objectSelector, current)) {
      if (!state?.reinvoking)
        steps.push({ ...base, outcome: 'skipped', reason: 'the objectSelector does not match' });
      continue;
    }
    if (state?.reinvoking && !state.shouldReinvoke(key)) continue;
    const failClosed = str(webhook.failurePolicy || 'Fail') !== 'Ignore';
    if (objArray(webhook.matchConditions).length > 0) {
      if (cel === undefined) {
        steps.push({
          ...base,
          outcome: 'skipped',
          reason: 'its matchConditions were not evaluated: the CEL interpreter is still loading',
        });
        continue;
      }
      const evaluation: Evaluation = { results: [], spent: 0 };
      const match = evaluateMatchConditions(
        cel,
        evaluation,
        webhook.matchConditions,
        celBindings(current, objects, null, uid),
      );
      if (match.error !== undefined) {
        if (!failClosed) {
          steps.push({
            ...base,
            outcome: 'passed',
            reason: `${match.error} (failurePolicy Ignore)`,
            expressions: evaluation.results,
          });
          continue;
        }
        const status = internalError(`failed calling webhook ${JSON.stringify(name)}: ${match.error}`);
        steps.push({
          ...base,
          outcome: 'failed',
          reason: match.error,
          message: status.message ?? '',
          expressions: evaluation.results,
        });
        return { steps, status, object, warnings };
      }
      if (!match.matches) {
        steps.push({ ...base, outcome: 'skipped', reason: match.reason, expressions: evaluation.results });
        continue;
      }
    }
    // dryRun: only webhooks declaring no side effects may be called (generic/webhook.go).
    const sideEffects = str(webhook.sideEffects);
    if (attrs.dryRun && sideEffects !== 'None' && sideEffects !== 'NoneOnDryRun') {
      const status = badRequest(`admission webhook ${JSON.stringify(name)} does not support dry run`);
      steps.push({
        ...base,
        outcome: 'failed',
        reason: `sideEffects is ${sideEffects || 'unset'}, so it may not be called on a dry run`,
        message: status.message ?? '',
      });
      return { steps, status, object, warnings };
    }
    const request = {
      kind: 'AdmissionReview',
      apiVersion: 'admission.k8s.io/v1',
      request: admissionRequest(current, uid),
    };
    const response = responses[name];
    const error = callError(webhook, response, objects);
    if (error !== undefined || response === undefined) {
      const text = `failed calling webhook ${JSON.stringify(name)}: ${error ?? ''}`;
      if (!failClosed) {
        steps.push({
          ...base,
          outcome: 'passed',
          reason: `${text}; failurePolicy Ignore, so the request goes on`,
          review: { request },
        });
        continue;
      }
      const status = internalError(text);
      steps.push({
        ...base,
        outcome: 'failed',
        reason: `${text}; failurePolicy Fail rejects the request`,
        message: status.message ?? '',
        review: { request },
      });
      return { steps, status, object, warnings };
    }
    const hookWarnings = [
      ...(response.type === 'allow' || response.type === 'deny' || response.type === 'patch'
        ? (response.warnings ?? [])
        : []),
    ];
    warnings.push(...hookWarnings);
    const review = (body: Record<string, unknown>) => ({
      request,
      response: {
        kind: 'AdmissionReview',
        apiVersion: 'admission.k8s.io/v1',
        response: { uid, ...body, ...(hookWarnings.length > 0 ? { warnings: hookWarnings } : {}) },
      },
    });
    const extra = hookWarnings.length > 0 ? { warnings: hookWarnings } : {};
    if (response.type === 'deny') {
      const status = webhookDenial(name, response);
      const body = {
        allowed: false,
        status: {
          ...(response.code === undefined ? {} : { code: response.code }),
          ...(response.message === undefined ? {} : { message: response.message }),
          ...(response.reason === undefined ? {} : { reason: response.reason }),
        },
      };
      steps.push({
        ...base,
        outcome: 'failed',
        reason: status.message ?? '',
        message: status.message ?? '',
        review: review(body),
        ...extra,
      });
      return { steps, status, object, warnings };
    }
    if (response.type === 'patch' && mutating) {
      const patchText = JSON.stringify(response.patch);
      const applied = applyPatch(object, response.patch as readonly AnyPatchOperation[]);
      const body = { allowed: true, patchType: 'JSONPatch', patch: base64(patchText) };
      if (!applied.ok) {
        const status = internalError(applied.error);
        steps.push({
          ...base,
          outcome: 'failed',
          reason: `the patch does not apply: ${applied.error}`,
          message: status.message ?? '',
          review: review(body),
          ...extra,
        });
        return { steps, status, object, warnings };
      }
      const before = deepClone(object);
      object = applied.value as KubeObject;
      const changed = !sameJson(before, object);
      state?.invoked(key, webhook.reinvocationPolicy === 'IfNeeded', changed);
      steps.push({
        ...base,
        outcome: 'passed',
        reason: changed ? 'allowed, with a JSON patch' : 'allowed; its patch changed nothing',
        review: review(body),
        ...extra,
        ...(changed
          ? {
              patch: diffJson(before, object),
              ...(before === undefined ? {} : { before }),
              ...(object === undefined ? {} : { after: deepClone(object) }),
            }
          : {}),
      });
      continue;
    }
    if (mutating) state?.invoked(key, webhook.reinvocationPolicy === 'IfNeeded', false);
    steps.push({
      ...base,
      outcome: 'passed',
      reason: 'allowed',
      review: review({ allowed: true }),
      ...extra,
    });
  }
  state?.leave(object);
  return { steps, object, warnings };
}
