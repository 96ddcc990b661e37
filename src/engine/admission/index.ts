import { engineMessage } from '../messages';
import type {
  AdmissionDetails,
  AdmissionPluginName,
  AdmissionPluginResult,
  KubeObject,
  ObjectReader,
  ServerEnv,
  StageResult,
  Status,
} from '../types';
import { diffJson } from './diff';
import { namespaceLifecycle } from './mutating/namespace-lifecycle';
import { serviceAccountMutating } from './mutating/service-account';
import type { AdmissionAttributes, MutatingPlugin, ValidatingPlugin } from './plugin';
import { serviceAccountValidating } from './validating/service-account';

export { diffJson } from './diff';
export type { AdmissionAttributes, MutatingPlugin, PluginVerdict, ValidatingPlugin } from './plugin';

/**
 * kube-apiserver runs enabled plugins in one fixed order, whatever order `--enable-admission-plugins`
 * lists them in (pkg/kubeapiserver/options/plugins.go AllOrderedPlugins; the simulated subset).
 */
export const ORDERED_PLUGINS: readonly AdmissionPluginName[] = ['NamespaceLifecycle', 'ServiceAccount'];

/** Plugins implementing admission.MutationInterface, by name. */
const MUTATING: Readonly<Partial<Record<AdmissionPluginName, MutatingPlugin>>> = {
  NamespaceLifecycle: namespaceLifecycle,
  ServiceAccount: serviceAccountMutating,
};

/** Plugins implementing admission.ValidationInterface (NamespaceLifecycle has no Validate). */
const VALIDATING: Readonly<Partial<Record<AdmissionPluginName, ValidatingPlugin>>> = {
  ServiceAccount: serviceAccountValidating,
};

/** The enabled plugins in the server's order. */
export function orderPlugins(enabled: readonly AdmissionPluginName[]): AdmissionPluginName[] {
  return ORDERED_PLUGINS.filter((name) => enabled.includes(name));
}

function clone<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

const READ_VERBS = new Set(['get', 'list', 'watch']);

function readSkip(attrs: AdmissionAttributes, stage: 'mutatingAdmission' | 'validatingAdmission') {
  return {
    result: {
      stage,
      outcome: 'skipped' as const,
      ...engineMessage('admission.readSkip', { verb: attrs.info.verb }),
      details: { plugins: [] },
    },
  };
}

/**
 * Mutating admission: each enabled plugin's Admit, in order, on a private copy of the object.
 * The first rejection ends the phase with that plugin's Status. Each plugin's change is recorded
 * as the JSON Patch it amounts to.
 */
export function mutatingAdmissionStage(
  attrs: AdmissionAttributes,
  plugins: readonly AdmissionPluginName[],
  objects: ObjectReader,
  env: ServerEnv,
): { result: StageResult<AdmissionDetails>; object?: KubeObject; status?: Status } {
  if (READ_VERBS.has(attrs.info.verb)) return readSkip(attrs, 'mutatingAdmission');
  const before = clone(attrs.object);
  const working = clone(attrs.object);
  const results: AdmissionPluginResult[] = [];
  const changed: string[] = [];

  for (const name of orderPlugins(plugins)) {
    const plugin = MUTATING[name];
    if (plugin === undefined) continue;
    const snapshot = clone(working);
    const verdict = plugin.admit(
      { ...attrs, ...(working === undefined ? {} : { object: working }) },
      working,
      objects,
      env,
    );
    if (verdict.outcome === 'failed') {
      results.push({ plugin: name, outcome: 'failed', reason: verdict.reason });
      return {
        result: {
          stage: 'mutatingAdmission',
          outcome: 'failed',
          ...engineMessage('admission.rejected', {
            plugin: name,
            reason: verdict.status.message ?? verdict.reason,
          }),
          details: { plugins: results, ...(before === undefined ? {} : { before }) },
        },
        status: verdict.status,
      };
    }
    const patch = diffJson(snapshot, working);
    if (patch.length > 0) changed.push(name);
    results.push({
      plugin: name,
      outcome: verdict.outcome,
      reason: verdict.reason,
      ...(patch.length > 0 ? { patch } : {}),
    });
  }

  let text: ReturnType<typeof engineMessage>;
  if (results.length === 0) text = engineMessage('admission.noPlugins');
  else if (changed.length === 0) text = engineMessage('admission.unchanged');
  else text = engineMessage('admission.mutated', { count: changed.length, plugins: changed.join(', ') });
  const details: AdmissionDetails = {
    plugins: results,
    ...(before === undefined ? {} : { before }),
    ...(working === undefined ? {} : { after: clone(working) }),
  };
  return {
    result: { stage: 'mutatingAdmission', outcome: 'passed', ...text, details },
    ...(working === undefined ? {} : { object: working }),
  };
}

/**
 * Validating admission: each enabled plugin's Validate, in order, on the final object. Plugins
 * may only accept or reject; the first rejection ends the phase.
 */
export function validatingAdmissionStage(
  attrs: AdmissionAttributes,
  plugins: readonly AdmissionPluginName[],
  objects: ObjectReader,
): { result: StageResult<AdmissionDetails>; status?: Status } {
  if (READ_VERBS.has(attrs.info.verb)) return readSkip(attrs, 'validatingAdmission');
  const results: AdmissionPluginResult[] = [];
  for (const name of orderPlugins(plugins)) {
    const plugin = VALIDATING[name];
    if (plugin === undefined) continue;
    const verdict = plugin.validate(attrs, objects);
    results.push({ plugin: name, outcome: verdict.outcome, reason: verdict.reason });
    if (verdict.outcome === 'failed') {
      return {
        result: {
          stage: 'validatingAdmission',
          outcome: 'failed',
          ...engineMessage('admission.rejected', {
            plugin: name,
            reason: verdict.status.message ?? verdict.reason,
          }),
          details: { plugins: results },
        },
        status: verdict.status,
      };
    }
  }
  const applied = results.some((r) => r.outcome === 'passed');
  const text = applied ? engineMessage('admission.admitted') : engineMessage('admission.nothingToValidate');
  return {
    result: { stage: 'validatingAdmission', outcome: 'passed', ...text, details: { plugins: results } },
  };
}
