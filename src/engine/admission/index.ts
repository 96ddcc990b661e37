import { engineMessage } from '../messages';
import type {
  AdmissionConfig,
  AdmissionDetails,
  AdmissionPluginName,
  AdmissionPluginResult,
  EngineExtensions,
  KubeObject,
  ObjectReader,
  ServerEnv,
  StageResult,
  Status,
} from '../types';
import { diffJson } from './diff';
import { limitRangerMutating } from './mutating/limit-ranger';
import { namespaceLifecycle } from './mutating/namespace-lifecycle';
import { serviceAccountMutating } from './mutating/service-account';
import {
  alwaysPullImages,
  defaultStorageClass,
  defaultTolerationSeconds,
  nodeRestriction,
  priority,
  taintNodesByCondition,
} from './mutating/simple-plugins';
import type { AdmissionAttributes, MutatingPlugin, PluginVerdict, ValidatingPlugin } from './plugin';
import { runMutatingPolicies } from './policy/mutating-policy';
import { ReinvocationState } from './policy/reinvocation';
import { runValidatingPolicies } from './policy/validating-policy';
import { limitRangerValidating } from './validating/limit-ranger';
import { podSecurityValidating } from './validating/pod-security';
import { resourceQuotaValidating } from './validating/resource-quota';
import { serviceAccountValidating } from './validating/service-account';
import { runWebhooks } from './webhook/dispatch';

export { diffJson } from './diff';
export type { AdmissionAttributes, MutatingPlugin, PluginVerdict, ValidatingPlugin } from './plugin';

import { ORDERED_PLUGINS } from './plugin-order';

export { ORDERED_PLUGINS };

/** Plugins implementing admission.MutationInterface, by name. */
const MUTATING: Readonly<Partial<Record<AdmissionPluginName, MutatingPlugin>>> = {
  NamespaceLifecycle: namespaceLifecycle,
  LimitRanger: limitRangerMutating,
  ServiceAccount: serviceAccountMutating,
  NodeRestriction: nodeRestriction,
  TaintNodesByCondition: taintNodesByCondition,
  AlwaysPullImages: alwaysPullImages,
  Priority: priority,
  DefaultTolerationSeconds: defaultTolerationSeconds,
  DefaultStorageClass: defaultStorageClass,
};

/** Plugins implementing admission.ValidationInterface. */
const VALIDATING: Readonly<Partial<Record<AdmissionPluginName, ValidatingPlugin>>> = {
  LimitRanger: limitRangerValidating,
  ServiceAccount: serviceAccountValidating,
  PodSecurity: podSecurityValidating,
  ResourceQuota: resourceQuotaValidating,
};

/** The policy and webhook plugins, dispatched here rather than through the tables above. */
const DISPATCHERS = new Set<AdmissionPluginName>([
  'MutatingAdmissionPolicy',
  'MutatingAdmissionWebhook',
  'ValidatingAdmissionPolicy',
  'ValidatingAdmissionWebhook',
]);

/** Whether the simulator models a plugin at all. */
export function isSimulatedPlugin(name: AdmissionPluginName): boolean {
  return (
    name in MUTATING ||
    name in VALIDATING ||
    DISPATCHERS.has(name) ||
    name === 'AlwaysAdmit' ||
    name === 'AlwaysDeny'
  );
}

/** The enabled plugins in the server's order. */
export function orderPlugins(enabled: readonly AdmissionPluginName[]): AdmissionPluginName[] {
  return ORDERED_PLUGINS.filter((name) => enabled.includes(name));
}

/** Extra inputs of the admission stages. */
export interface AdmissionOptions {
  readonly config?: AdmissionConfig;
  readonly extensions?: EngineExtensions;
}

/** Reads never reach admission; admission.Attributes only has CREATE, UPDATE, DELETE and CONNECT. */
const READ_VERBS = new Set(['get', 'list', 'watch']);

function readSkip(attrs: AdmissionAttributes, stage: 'mutatingAdmission' | 'validatingAdmission') {
  return {
    result: {
      stage,
      outcome: 'skipped' as const,
      ...engineMessage('admission.readSkip', { verb: attrs.info.verb }),
      details: { plugins: [] },
    },
    warnings: [] as string[],
  };
}

function isRead(attrs: AdmissionAttributes): boolean {
  return READ_VERBS.has(attrs.info.verb);
}

function verdictExtras(verdict: PluginVerdict): Partial<AdmissionPluginResult> {
  return {
    ...(verdict.warnings !== undefined && verdict.warnings.length > 0 ? { warnings: verdict.warnings } : {}),
    ...(verdict.auditAnnotations !== undefined ? { auditAnnotations: verdict.auditAnnotations } : {}),
  };
}

/** admission.AlwaysDeny's message (plugin/pkg/admission/deny). */
function alwaysDeny(attrs: AdmissionAttributes): Status {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: 'admission control is denying all modifications',
    reason: 'Forbidden',
    details: {
      name: attrs.info.name || attrs.object?.metadata?.name || '',
      kind: attrs.type.resource,
      ...(attrs.type.group === '' ? {} : { group: attrs.type.group }),
    },
    code: 403,
  };
}

export interface MutatingOutcome {
  readonly result: StageResult<AdmissionDetails>;
  readonly object?: KubeObject;
  readonly status?: Status;
  /** Warning headers the phase added. */
  readonly warnings: readonly string[];
}

/**
 * Mutating admission: each enabled plugin's Admit in order (in-tree plugins, then
 * MutatingAdmissionPolicies, then mutating webhooks), on a private copy of the object. If a policy
 * or webhook changed the object, the chain runs a second time (admission/reinvocation.go): every
 * in-tree plugin again, and the IfNeeded hooks whose input changed. The first rejection ends the
 * phase. Each step that changed the object records its JSON Patch and the object before and after.
 */
export function mutatingAdmissionStage(
  attrs: AdmissionAttributes,
  plugins: readonly AdmissionPluginName[],
  objects: ObjectReader,
  env: ServerEnv,
  options: AdmissionOptions = {},
): MutatingOutcome {
  if (isRead(attrs)) return readSkip(attrs, 'mutatingAdmission');
  const objectText = JSON.stringify(attrs.object);
  // The copies the trace records (before and after each step) are never changed, so copies of
  // equal JSON text are one object: a step's "after" is the next changed step's "before".
  let lastParsed: { readonly text: string; readonly value: KubeObject } | undefined;
  const parse = (text: string | undefined): KubeObject | undefined => {
    if (text === undefined) return undefined;
    if (lastParsed?.text !== text) lastParsed = { text, value: JSON.parse(text) as KubeObject };
    return lastParsed.value;
  };
  const before = parse(objectText);
  // The object the plugins change in place: a copy of its own.
  let working = objectText === undefined ? undefined : (JSON.parse(objectText) as KubeObject);
  // The JSON text of `working` while it is known to be current: each plugin that may mutate is
  // compared by text, and its "after" text is the next plugin's "before" (no re-serialising).
  let known: { readonly text: string | undefined } | undefined = { text: objectText };
  const workingText = (): string | undefined => {
    known ??= { text: JSON.stringify(working) };
    return known.text;
  };
  const results: AdmissionPluginResult[] = [];
  const warnings: string[] = [];
  const changed = new Set<string>();
  const cel = options.extensions?.cel;
  const uid = env.newUid();
  const policyState = new ReinvocationState();
  const webhookState = new ReinvocationState();
  let notEvaluated = 0;

  const fail = (name: string, status: Status, reason: string): MutatingOutcome => ({
    result: {
      stage: 'mutatingAdmission',
      outcome: 'failed',
      ...engineMessage('admission.rejected', { plugin: name, reason: status.message ?? reason }),
      details: { plugins: results, ...(before === undefined ? {} : { before }) },
    },
    status,
    warnings,
  });

  const runPass = (reinvoking: boolean): MutatingOutcome | undefined => {
    policyState.reinvoking = reinvoking;
    webhookState.reinvoking = reinvoking;
    for (const name of orderPlugins(plugins)) {
      const plugin = MUTATING[name];
      if (plugin !== undefined) {
        // Most plugins change nothing: compare the object's JSON text before and after, and only
        // when it differs rebuild the "before" copy and diff (diffJson of equal JSON is empty).
        // A plugin that says it cannot mutate for this request is not compared at all.
        const mayMutate = plugin.mayMutate?.(attrs) !== false;
        const beforeText = mayMutate ? workingText() : undefined;
        const verdict = plugin.admit(
          { ...attrs, ...(working === undefined ? {} : { object: working }) },
          working,
          objects,
          env,
        );
        if (verdict.outcome === 'failed') {
          results.push({
            plugin: name,
            kind: 'plugin',
            outcome: 'failed',
            reason: verdict.reason,
            message: verdict.status.message ?? '',
            ...(reinvoking ? { reinvoked: true } : {}),
          });
          return fail(name, verdict.status, verdict.reason);
        }
        const afterText = mayMutate ? JSON.stringify(working) : beforeText;
        if (mayMutate) known = { text: afterText };
        const snapshot = afterText === beforeText ? undefined : parse(beforeText);
        const patch = afterText === beforeText ? [] : diffJson(snapshot, working);
        if (patch.length > 0) changed.add(name);
        // On the second pass, in-tree plugins that change nothing are not listed again.
        if (reinvoking && patch.length === 0) continue;
        results.push({
          plugin: name,
          kind: 'plugin',
          outcome: verdict.outcome,
          reason: verdict.reason,
          ...verdictExtras(verdict),
          ...(reinvoking ? { reinvoked: true } : {}),
          ...(patch.length > 0
            ? {
                patch,
                ...(snapshot === undefined ? {} : { before: snapshot }),
                ...(afterText === undefined ? {} : { after: parse(afterText) }),
              }
            : {}),
        });
        warnings.push(...(verdict.warnings ?? []));
        continue;
      }
      if (name === 'MutatingAdmissionPolicy') {
        const out = runMutatingPolicies(attrs, working, objects, cel, uid, policyState);
        results.push(...out.steps);
        notEvaluated += out.notEvaluated;
        for (const s of out.steps) if (s.patch !== undefined) changed.add(s.plugin);
        if (out.status !== undefined) return fail(name, out.status, out.status.message ?? '');
        working = out.object;
        known = undefined;
      } else if (name === 'MutatingAdmissionWebhook') {
        const out = runWebhooks(attrs, working, objects, {
          mutating: true,
          responses: options.config?.webhookResponses ?? {},
          cel,
          uid,
          state: webhookState,
        });
        results.push(...out.steps);
        warnings.push(...out.warnings);
        for (const s of out.steps) if (s.patch !== undefined) changed.add(s.plugin);
        if (out.status !== undefined) return fail(name, out.status, out.status.message ?? '');
        working = out.object;
        known = undefined;
      } else if (!reinvoking && !isSimulatedPlugin(name)) {
        results.push({
          plugin: name,
          kind: 'plugin',
          outcome: 'skipped',
          reason: 'not simulated by kube-request-flow',
        });
      }
    }
    return undefined;
  };

  const first = runPass(false);
  if (first !== undefined) return first;
  const reinvoked = policyState.shouldReinvokeChain || webhookState.shouldReinvokeChain;
  if (reinvoked) {
    const second = runPass(true);
    if (second !== undefined) return second;
  }

  let text: ReturnType<typeof engineMessage>;
  if (results.length === 0) text = engineMessage('admission.noPlugins');
  else if (changed.size === 0) text = engineMessage('admission.unchanged');
  else if (reinvoked)
    text = engineMessage('admission.mutatedReinvoked', {
      count: changed.size,
      plugins: [...changed].join(', '),
    });
  else text = engineMessage('admission.mutated', { count: changed.size, plugins: [...changed].join(', ') });
  if (notEvaluated > 0 && changed.size === 0)
    text = engineMessage('admission.celNotLoaded', { count: notEvaluated });
  const details: AdmissionDetails = {
    plugins: results,
    ...(before === undefined ? {} : { before }),
    ...(working === undefined ? {} : { after: parse(workingText()) }),
    ...(workingText() === objectText ? {} : { patch: diffJson(before, working) }),
    ...(notEvaluated > 0 ? { celNotLoaded: true } : {}),
  };
  return {
    result: { stage: 'mutatingAdmission', outcome: 'passed', ...text, details },
    ...(working === undefined ? {} : { object: working }),
    warnings,
  };
}

export interface ValidatingOutcome {
  readonly result: StageResult<AdmissionDetails>;
  readonly status?: Status;
  readonly warnings: readonly string[];
  /** Objects admission writes as a side effect when the request succeeds (ResourceQuota status). */
  readonly writes: readonly { readonly key: string; readonly object: KubeObject }[];
}

/**
 * Validating admission: each enabled plugin's Validate in order (in-tree plugins,
 * ValidatingAdmissionPolicies, validating webhooks, ResourceQuota last) on the final object.
 * Validators may only accept or reject; the first rejection ends the phase.
 */
export function validatingAdmissionStage(
  attrs: AdmissionAttributes,
  plugins: readonly AdmissionPluginName[],
  objects: ObjectReader,
  options: AdmissionOptions & { readonly env?: ServerEnv } = {},
): ValidatingOutcome {
  if (isRead(attrs)) return { ...readSkip(attrs, 'validatingAdmission'), writes: [] };
  const results: AdmissionPluginResult[] = [];
  const warnings: string[] = [];
  const writes: { key: string; object: KubeObject }[] = [];
  const cel = options.extensions?.cel;
  const uid = options.env?.newUid() ?? '00000000-0000-4000-8000-000000000000';
  let notEvaluated = 0;
  const fail = (name: string, status: Status, kind: 'plugin' | 'policy' | 'webhook'): ValidatingOutcome => {
    const id =
      kind === 'webhook'
        ? 'admission.rejectedWebhook'
        : kind === 'policy'
          ? 'admission.rejectedPolicy'
          : 'admission.rejected';
    return {
      result: {
        stage: 'validatingAdmission',
        outcome: 'failed',
        ...engineMessage(id, { plugin: name, reason: status.message ?? '' }),
        details: { plugins: results },
      },
      status,
      warnings,
      writes: [],
    };
  };
  for (const name of orderPlugins(plugins)) {
    const plugin = VALIDATING[name];
    if (plugin !== undefined) {
      const verdict = plugin.validate(attrs, objects, options.env);
      results.push({
        plugin: name,
        kind: 'plugin',
        outcome: verdict.outcome,
        reason: verdict.reason,
        ...verdictExtras(verdict),
        ...(verdict.outcome === 'failed' ? { message: verdict.status.message ?? '' } : {}),
      });
      warnings.push(...(verdict.warnings ?? []));
      if (verdict.outcome === 'failed') return fail(name, verdict.status, 'plugin');
      writes.push(...(verdict.writes ?? []));
    } else if (name === 'ValidatingAdmissionPolicy') {
      const out = runValidatingPolicies(attrs, objects, cel, uid);
      results.push(...out.steps);
      warnings.push(...out.warnings);
      notEvaluated += out.notEvaluated;
      if (out.status !== undefined) return fail(out.steps.at(-1)?.plugin ?? name, out.status, 'policy');
    } else if (name === 'ValidatingAdmissionWebhook') {
      const out = runWebhooks(attrs, attrs.object, objects, {
        mutating: false,
        responses: options.config?.webhookResponses ?? {},
        cel,
        uid,
      });
      results.push(...out.steps);
      warnings.push(...out.warnings);
      if (out.status !== undefined) return fail(out.steps.at(-1)?.plugin ?? name, out.status, 'webhook');
    } else if (name === 'AlwaysDeny') {
      results.push({
        plugin: name,
        kind: 'plugin',
        outcome: 'failed',
        reason: 'AlwaysDeny rejects every write',
      });
      return fail(name, alwaysDeny(attrs), 'plugin');
    }
  }
  const applied = results.some((r) => r.outcome === 'passed' || r.outcome === 'failed');
  let text = applied ? engineMessage('admission.admitted') : engineMessage('admission.nothingToValidate');
  if (warnings.length > 0) text = engineMessage('admission.admittedWithWarnings', { count: warnings.length });
  if (notEvaluated > 0) text = engineMessage('admission.celNotLoaded', { count: notEvaluated });
  return {
    result: {
      stage: 'validatingAdmission',
      outcome: 'passed',
      ...text,
      details: {
        plugins: results,
        ...(notEvaluated > 0 ? { celNotLoaded: true } : {}),
        ...(writes.length > 0 ? { sideEffects: writes } : {}),
      },
    },
    warnings,
    writes,
  };
}
