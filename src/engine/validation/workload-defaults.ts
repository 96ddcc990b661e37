/**
 * Defaulting of the workload kinds besides Deployment: pkg/apis/apps/v1/defaults.go
 * (SetDefaults_ReplicaSet, SetDefaults_StatefulSet, SetDefaults_DaemonSet) and
 * pkg/apis/batch/v1/defaults.go (SetDefaults_Job), with the feature gates of a v1.31 cluster
 * (StatefulSetAutoDeletePVC and JobPodReplacementPolicy on, MaxUnavailableStatefulSet off). Every
 * pod template also gets SetDefaults_PodSpec, as the generated defaulters recurse into it
 * (passed in by defaults.ts, which owns it).
 */

type PodSpecDefaulter = (spec: Record<string, unknown>) => void;

type Obj = Record<string, unknown>;

function isObject(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function objectAt(parent: Obj, key: string): Obj {
  const value = parent[key];
  if (isObject(value)) return value;
  const created: Obj = {};
  parent[key] = created;
  return created;
}

function defaultTemplate(spec: Obj, defaultPodSpec: PodSpecDefaulter): void {
  defaultPodSpec(objectAt(objectAt(spec, 'template'), 'spec'));
}

function defaultReplicaSet(spec: Obj, podSpec: PodSpecDefaulter): void {
  spec.replicas ??= 1;
  defaultTemplate(spec, podSpec);
}

function defaultStatefulSet(spec: Obj, podSpec: PodSpecDefaulter): void {
  if (spec.podManagementPolicy === undefined || spec.podManagementPolicy === '')
    spec.podManagementPolicy = 'OrderedReady';
  const strategy = objectAt(spec, 'updateStrategy');
  if (strategy.type === undefined || strategy.type === '') {
    strategy.type = 'RollingUpdate';
    strategy.rollingUpdate ??= {};
  }
  if (strategy.type === 'RollingUpdate' && isObject(strategy.rollingUpdate))
    strategy.rollingUpdate.partition ??= 0;
  const retention = objectAt(spec, 'persistentVolumeClaimRetentionPolicy');
  if (retention.whenDeleted === undefined || retention.whenDeleted === '') retention.whenDeleted = 'Retain';
  if (retention.whenScaled === undefined || retention.whenScaled === '') retention.whenScaled = 'Retain';
  spec.replicas ??= 1;
  spec.revisionHistoryLimit ??= 10;
  defaultTemplate(spec, podSpec);
}

function defaultDaemonSet(spec: Obj, podSpec: PodSpecDefaulter): void {
  const strategy = objectAt(spec, 'updateStrategy');
  if (strategy.type === undefined || strategy.type === '') strategy.type = 'RollingUpdate';
  if (strategy.type === 'RollingUpdate') {
    const rolling = objectAt(strategy, 'rollingUpdate');
    rolling.maxUnavailable ??= 1;
    rolling.maxSurge ??= 0;
  }
  spec.revisionHistoryLimit ??= 10;
  defaultTemplate(spec, podSpec);
}

function defaultJob(job: Obj, spec: Obj, podSpec: PodSpecDefaulter): void {
  if (spec.completions === undefined && spec.parallelism === undefined) {
    spec.completions = 1;
    spec.parallelism = 1;
  }
  spec.parallelism ??= 1;
  spec.backoffLimit ??= spec.backoffLimitPerIndex === undefined ? 6 : 2147483647;
  // The Job takes its template's labels when it has none of its own.
  const templateLabels = objectAt(spec, 'template').metadata;
  const labels = isObject(templateLabels) ? templateLabels.labels : undefined;
  const meta = objectAt(job, 'metadata');
  if (isObject(labels) && (!isObject(meta.labels) || Object.keys(meta.labels).length === 0))
    meta.labels = { ...labels };
  spec.completionMode ??= 'NonIndexed';
  spec.suspend ??= false;
  spec.podReplacementPolicy ??= spec.podFailurePolicy === undefined ? 'TerminatingOrFailed' : 'Failed';
  spec.manualSelector ??= false;
  defaultTemplate(spec, podSpec);
}

/** Defaults `object` in place when `groupKind` (`apps/StatefulSet`) is a workload kind. */
export function defaultWorkload(groupKind: string, object: Obj, podSpec: PodSpecDefaulter): void {
  switch (groupKind) {
    case 'apps/ReplicaSet':
      defaultReplicaSet(objectAt(object, 'spec'), podSpec);
      break;
    case 'apps/StatefulSet':
      defaultStatefulSet(objectAt(object, 'spec'), podSpec);
      break;
    case 'apps/DaemonSet':
      defaultDaemonSet(objectAt(object, 'spec'), podSpec);
      break;
    case 'batch/Job':
      defaultJob(object, objectAt(object, 'spec'), podSpec);
      break;
  }
}
