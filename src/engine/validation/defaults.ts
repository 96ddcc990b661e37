import type { ResourceType } from '../resources';
import type { KubeObject } from '../types';
import { defaultWorkload } from './workload-defaults';

/**
 * Defaulting, as the decoder applies it right after decoding (pkg/apis/core/v1/defaults.go,
 * pkg/apis/apps/v1/defaults.go). Only fields a v1.31 object really gets from defaulting are set;
 * status.phase/qosClass (pod strategy PrepareForCreate) and priority/preemptionPolicy (the
 * Priority admission plugin) come from elsewhere and are not set here.
 */

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

function arrayOf(value: unknown): Obj[] {
  return Array.isArray(value) ? value.filter(isObject) : [];
}

/** parsers.ParseImageName's tag: none (and no digest) means `latest`. */
export function imageTag(image: string): string {
  const at = image.indexOf('@');
  const name = at === -1 ? image : image.slice(0, at);
  const lastSegment = name.slice(name.lastIndexOf('/') + 1);
  const colon = lastSegment.lastIndexOf(':');
  if (colon !== -1) return lastSegment.slice(colon + 1);
  return at === -1 ? 'latest' : '';
}

/** SetDefaults_Container + SetDefaults_ContainerPort (+ probes and fieldRefs inside it). */
function defaultContainer(c: Obj): void {
  if (c.imagePullPolicy === undefined || c.imagePullPolicy === '') {
    c.imagePullPolicy =
      imageTag(typeof c.image === 'string' ? c.image : '') === 'latest' ? 'Always' : 'IfNotPresent';
  }
  if (c.terminationMessagePath === undefined || c.terminationMessagePath === '') {
    c.terminationMessagePath = '/dev/termination-log';
  }
  if (c.terminationMessagePolicy === undefined || c.terminationMessagePolicy === '')
    c.terminationMessagePolicy = 'File';
  for (const port of arrayOf(c.ports))
    if (port.protocol === undefined || port.protocol === '') port.protocol = 'TCP';
  // ResourceRequirements is a struct, not a pointer: Go always writes `resources: {}`.
  if (!isObject(c.resources)) c.resources = {};
  for (const probe of ['livenessProbe', 'readinessProbe', 'startupProbe']) {
    const p = c[probe];
    if (!isObject(p)) continue;
    p.timeoutSeconds ??= 1;
    p.periodSeconds ??= 10;
    p.successThreshold ??= 1;
    p.failureThreshold ??= 3;
    if (isObject(p.httpGet)) {
      p.httpGet.path ??= '/';
      p.httpGet.scheme ??= 'HTTP';
    }
  }
  for (const env of arrayOf(c.env)) {
    const fieldRef = isObject(env.valueFrom) ? env.valueFrom.fieldRef : undefined;
    if (isObject(fieldRef)) fieldRef.apiVersion ??= 'v1';
  }
}

/** SetDefaults_Volume and the volume sources' DefaultMode (0644 = 420). */
function defaultVolume(v: Obj): void {
  const sources = Object.keys(v).filter((k) => k !== 'name');
  if (sources.length === 0) v.emptyDir = {};
  for (const key of ['secret', 'configMap', 'downwardAPI', 'projected']) {
    const source = v[key];
    if (isObject(source)) source.defaultMode ??= 420;
  }
  if (isObject(v.projected)) {
    for (const s of arrayOf(v.projected.sources)) {
      if (isObject(s.serviceAccountToken)) s.serviceAccountToken.expirationSeconds ??= 3600;
    }
  }
}

/** SetDefaults_PodSpec (shared by pods and pod templates). */
function defaultPodSpec(spec: Obj): void {
  spec.restartPolicy ??= 'Always';
  if (spec.restartPolicy === '') spec.restartPolicy = 'Always';
  if (spec.dnsPolicy === undefined || spec.dnsPolicy === '') spec.dnsPolicy = 'ClusterFirst';
  if (!isObject(spec.securityContext)) spec.securityContext = {};
  spec.terminationGracePeriodSeconds ??= 30;
  if (spec.schedulerName === undefined || spec.schedulerName === '') spec.schedulerName = 'default-scheduler';
  const containers = [...arrayOf(spec.containers), ...arrayOf(spec.initContainers)];
  if (spec.hostNetwork === true) {
    for (const c of containers) for (const p of arrayOf(c.ports)) p.hostPort ??= p.containerPort;
  }
  for (const c of containers) defaultContainer(c);
  for (const v of arrayOf(spec.volumes)) defaultVolume(v);
}

/** SetDefaults_Pod: requests default to limits; enableServiceLinks true (pods only, not templates). */
function defaultPod(pod: Obj): void {
  const spec = objectAt(pod, 'spec');
  for (const c of [...arrayOf(spec.containers), ...arrayOf(spec.initContainers)]) {
    const resources = isObject(c.resources) ? c.resources : undefined;
    if (resources !== undefined && isObject(resources.limits)) {
      const requests = objectAt(resources, 'requests');
      for (const [k, v] of Object.entries(resources.limits)) if (!Object.hasOwn(requests, k)) requests[k] = v;
    }
  }
  spec.enableServiceLinks ??= true;
  defaultPodSpec(spec);
}

function defaultNamespace(ns: KubeObject): void {
  // SetDefaults_Namespace: the immutable kubernetes.io/metadata.name label.
  const name = ns.metadata?.name;
  if (ns.metadata !== undefined && typeof name === 'string' && name !== '') {
    ns.metadata.labels = { ...(ns.metadata.labels ?? {}), 'kubernetes.io/metadata.name': name };
  }
}

function defaultService(svc: Obj): void {
  const spec = objectAt(svc, 'spec');
  if (spec.sessionAffinity === undefined || spec.sessionAffinity === '') spec.sessionAffinity = 'None';
  if (spec.type === undefined || spec.type === '') spec.type = 'ClusterIP';
  for (const port of arrayOf(spec.ports)) {
    if (port.protocol === undefined || port.protocol === '') port.protocol = 'TCP';
    if (port.targetPort === undefined || port.targetPort === 0 || port.targetPort === '')
      port.targetPort = port.port;
  }
  if (
    (spec.type === 'NodePort' || spec.type === 'LoadBalancer') &&
    spec.externalTrafficPolicy === undefined
  ) {
    spec.externalTrafficPolicy = 'Cluster';
  }
  if (spec.type !== 'ExternalName') spec.internalTrafficPolicy ??= 'Cluster';
}

/** apps/v1 SetDefaults_Deployment. */
function defaultDeployment(d: Obj): void {
  const spec = objectAt(d, 'spec');
  spec.replicas ??= 1;
  const strategy = objectAt(spec, 'strategy');
  strategy.type ??= 'RollingUpdate';
  if (strategy.type === 'RollingUpdate') {
    const rolling = objectAt(strategy, 'rollingUpdate');
    rolling.maxUnavailable ??= '25%';
    rolling.maxSurge ??= '25%';
  }
  spec.revisionHistoryLimit ??= 10;
  spec.progressDeadlineSeconds ??= 600;
  const template = objectAt(spec, 'template');
  defaultPodSpec(objectAt(template, 'spec'));
}

/**
 * SetDefaults_LimitRangeItem: for Container items, a missing default limit is the max, a missing
 * default request the default limit, else the min.
 */
function defaultLimitRange(lr: Obj): void {
  for (const item of arrayOf(objectAt(lr, 'spec').limits)) {
    if (item.type !== 'Container') continue;
    const def = objectAt(item, 'default');
    const defReq = objectAt(item, 'defaultRequest');
    for (const [k, v] of Object.entries(isObject(item.max) ? item.max : {})) if (!(k in def)) def[k] = v;
    for (const [k, v] of Object.entries(def)) if (!(k in defReq)) defReq[k] = v;
    for (const [k, v] of Object.entries(isObject(item.min) ? item.min : {}))
      if (!(k in defReq)) defReq[k] = v;
    if (Object.keys(def).length === 0) delete item.default;
    if (Object.keys(defReq).length === 0) delete item.defaultRequest;
  }
}

/**
 * Returns a defaulted copy of `object` (the input is not changed). Kinds without modelled
 * defaults come back as they were.
 */
export function applyDefaults(type: ResourceType, object: KubeObject): KubeObject {
  const out = JSON.parse(JSON.stringify(object)) as KubeObject;
  switch (`${type.group}/${type.kind}`) {
    case '/Pod':
      defaultPod(out);
      break;
    case '/Namespace':
      defaultNamespace(out);
      break;
    case '/Service':
      defaultService(out);
      break;
    case '/Secret':
      if (out.type === undefined || out.type === '') out.type = 'Opaque';
      break;
    case 'apps/Deployment':
      defaultDeployment(out);
      break;
    case '/LimitRange':
      defaultLimitRange(out);
      break;
    default:
      defaultWorkload(`${type.group}/${type.kind}`, out, defaultPodSpec);
  }
  return out;
}
