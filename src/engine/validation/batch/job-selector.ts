import type { KubeObject } from '../../types';

/**
 * The selector a Job gets when it does not ask for a manual one: the job strategy's
 * PrepareForCreate (pkg/registry/batch/job/strategy.go generateSelector) labels the template with
 * the Job's name and uid, under both the legacy and the batch.kubernetes.io keys, and selects
 * `batch.kubernetes.io/controller-uid`. Labels the user already set are kept (validation then
 * rejects a wrong one).
 */

type Obj = Record<string, unknown>;

function asObject(value: unknown): Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Obj) : {};
}

export const JOB_NAME_LABELS = ['job-name', 'batch.kubernetes.io/job-name'] as const;
export const CONTROLLER_UID_LABELS = ['controller-uid', 'batch.kubernetes.io/controller-uid'] as const;

export function isManualSelector(job: KubeObject): boolean {
  return asObject(job.spec).manualSelector === true;
}

/** A copy of `job` with the generated selector and template labels; unchanged for a manual selector. */
export function withGeneratedJobSelector(job: KubeObject, name: string, uid: string): KubeObject {
  if (isManualSelector(job)) return job;
  const spec = { ...asObject(job.spec) };
  const template = { ...asObject(spec.template) };
  const templateMeta = { ...asObject(template.metadata) };
  const labels: Record<string, unknown> = { ...asObject(templateMeta.labels) };
  for (const key of JOB_NAME_LABELS) if (!Object.hasOwn(labels, key)) labels[key] = name;
  for (const key of CONTROLLER_UID_LABELS) if (!Object.hasOwn(labels, key)) labels[key] = uid;
  const selector = { ...asObject(spec.selector) };
  const matchLabels = { ...asObject(selector.matchLabels) };
  if (!Object.hasOwn(matchLabels, 'batch.kubernetes.io/controller-uid'))
    matchLabels['batch.kubernetes.io/controller-uid'] = uid;
  return {
    ...job,
    spec: {
      ...spec,
      selector: { ...selector, matchLabels },
      template: { ...template, metadata: { ...templateMeta, labels } },
    },
  };
}
