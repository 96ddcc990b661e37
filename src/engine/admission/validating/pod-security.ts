import type { KubeObject } from '../../types';
import { asObj, getObject, joinQuote, type Obj, objArray, str } from '../common';
import { admissionForbidden, type PluginVerdict, type ValidatingPlugin } from '../plugin';

/**
 * PodSecurity (staging/src/k8s.io/pod-security-admission: admission/admission.go and the checks in
 * policy/check_*.go). A namespace's labels `pod-security.kubernetes.io/enforce|warn|audit` pick a
 * level (privileged, baseline, restricted); enforce rejects violating pods, warn adds a warning,
 * audit an audit annotation. Workload objects (Deployments…) only get warnings and audit
 * annotations for their pod template.
 *
 * Simplified: only the `latest` version of each level; the AppArmor, SELinux, procMount and sysctl
 * checks are not modelled; exemptions (usernames, runtime classes, namespaces) are not configurable;
 * pod updates are not re-checked; namespace label changes do not warn about existing pods.
 */

export type PodSecurityLevel = 'privileged' | 'baseline' | 'restricted';
const LEVELS: readonly PodSecurityLevel[] = ['privileged', 'baseline', 'restricted'];
export const LABEL_PREFIX = 'pod-security.kubernetes.io/';

interface CheckResult {
  readonly id: string;
  readonly reason: string;
  readonly detail: string;
}

interface Container {
  readonly name: string;
  readonly sc: Obj;
  readonly raw: Obj;
}

function containersOf(spec: Obj): Container[] {
  return [
    ...objArray(spec.initContainers),
    ...objArray(spec.containers),
    ...objArray(spec.ephemeralContainers),
  ].map((c) => ({ name: str(c.name), sc: asObj(c.securityContext), raw: c }));
}

/** pluralize("container", "containers", n) + joinQuote. */
function named(singular: string, plural: string, names: readonly string[]): string {
  return `${names.length === 1 ? singular : plural} ${joinQuote(names)}`;
}

const BASELINE_CAPS = new Set([
  'AUDIT_WRITE',
  'CHOWN',
  'DAC_OVERRIDE',
  'FOWNER',
  'FSETID',
  'KILL',
  'MKNOD',
  'NET_BIND_SERVICE',
  'SETFCAP',
  'SETGID',
  'SETPCAP',
  'SETUID',
  'SYS_CHROOT',
]);

const RESTRICTED_VOLUME_SOURCES = new Set([
  'configMap',
  'csi',
  'downwardAPI',
  'emptyDir',
  'ephemeral',
  'persistentVolumeClaim',
  'projected',
  'secret',
  'image',
]);

/** check_hostNamespaces.go */
function hostNamespaces(spec: Obj): CheckResult | undefined {
  const set = ['hostNetwork', 'hostPID', 'hostIPC'].filter((k) => spec[k] === true).map((k) => `${k}=true`);
  return set.length === 0
    ? undefined
    : { id: 'hostNamespaces', reason: 'host namespaces', detail: set.join(', ') };
}

/** check_privileged.go */
function privileged(cs: Container[]): CheckResult | undefined {
  const bad = cs.filter((c) => c.sc.privileged === true).map((c) => c.name);
  return bad.length === 0
    ? undefined
    : {
        id: 'privileged',
        reason: 'privileged',
        detail: `${named('container', 'containers', bad)} must not set securityContext.privileged=true`,
      };
}

function addedCaps(c: Container): string[] {
  return (Array.isArray(asObj(c.sc.capabilities).add) ? (asObj(c.sc.capabilities).add as unknown[]) : []).map(
    String,
  );
}

/** check_capabilities_baseline.go */
function capabilitiesBaseline(cs: Container[]): CheckResult | undefined {
  const bad: string[] = [];
  const caps = new Set<string>();
  for (const c of cs) {
    const extra = addedCaps(c).filter((cap) => !BASELINE_CAPS.has(cap));
    if (extra.length > 0) bad.push(c.name);
    for (const cap of extra) caps.add(cap);
  }
  if (bad.length === 0) return undefined;
  return {
    id: 'capabilities_baseline',
    reason: 'non-default capabilities',
    detail: `${named('container', 'containers', bad)} must not include ${joinQuote([...caps].sort())} in securityContext.capabilities.add`,
  };
}

/** check_hostPathVolumes.go */
function hostPathVolumes(spec: Obj): CheckResult | undefined {
  const bad = objArray(spec.volumes)
    .filter((v) => v.hostPath !== undefined && v.hostPath !== null)
    .map((v) => str(v.name));
  return bad.length === 0
    ? undefined
    : { id: 'hostPathVolumes', reason: 'hostPath volumes', detail: named('volume', 'volumes', bad) };
}

/** check_hostPorts.go */
function hostPorts(cs: Container[]): CheckResult | undefined {
  const bad: string[] = [];
  const ports: string[] = [];
  for (const c of cs) {
    const used = objArray(c.raw.ports)
      .map((p) => p.hostPort)
      .filter((p) => typeof p === 'number' && p !== 0);
    if (used.length > 0) bad.push(c.name);
    for (const p of used) ports.push(String(p));
  }
  return bad.length === 0
    ? undefined
    : {
        id: 'hostPorts',
        reason: 'hostPort',
        detail: `${named('container', 'containers', bad)} ${bad.length === 1 ? 'uses' : 'use'} ${named('hostPort', 'hostPorts', ports).replace(/"/g, '')}`,
      };
}

/** check_seccompProfile_baseline.go */
function seccompBaseline(spec: Obj, cs: Container[]): CheckResult | undefined {
  const unconfined = (sc: Obj) => asObj(sc.seccompProfile).type === 'Unconfined';
  const parts: string[] = [];
  if (unconfined(asObj(spec.securityContext)))
    parts.push('pod must not set securityContext.seccompProfile.type to "Unconfined"');
  const bad = cs.filter((c) => unconfined(c.sc)).map((c) => c.name);
  if (bad.length > 0)
    parts.push(
      `${named('container', 'containers', bad)} must not set securityContext.seccompProfile.type to "Unconfined"`,
    );
  return parts.length === 0
    ? undefined
    : { id: 'seccompProfile_baseline', reason: 'seccompProfile', detail: parts.join('; ') };
}

/** check_allowPrivilegeEscalation.go */
function allowPrivilegeEscalation(cs: Container[]): CheckResult | undefined {
  const bad = cs.filter((c) => c.sc.allowPrivilegeEscalation !== false).map((c) => c.name);
  return bad.length === 0
    ? undefined
    : {
        id: 'allowPrivilegeEscalation',
        reason: 'allowPrivilegeEscalation != false',
        detail: `${named('container', 'containers', bad)} must set securityContext.allowPrivilegeEscalation=false`,
      };
}

/** check_capabilities_restricted.go */
function capabilitiesRestricted(cs: Container[]): CheckResult | undefined {
  const noDrop: string[] = [];
  const badAdd: string[] = [];
  const caps = new Set<string>();
  for (const c of cs) {
    const drop = Array.isArray(asObj(c.sc.capabilities).drop)
      ? (asObj(c.sc.capabilities).drop as unknown[])
      : [];
    if (!drop.includes('ALL')) noDrop.push(c.name);
    const extra = addedCaps(c).filter((cap) => cap !== 'NET_BIND_SERVICE');
    if (extra.length > 0) badAdd.push(c.name);
    for (const cap of extra) caps.add(cap);
  }
  const parts: string[] = [];
  if (noDrop.length > 0)
    parts.push(
      `${named('container', 'containers', noDrop)} must set securityContext.capabilities.drop=["ALL"]`,
    );
  if (badAdd.length > 0)
    parts.push(
      `${named('container', 'containers', badAdd)} must not include ${joinQuote([...caps].sort())} in securityContext.capabilities.add`,
    );
  return parts.length === 0
    ? undefined
    : { id: 'capabilities_restricted', reason: 'unrestricted capabilities', detail: parts.join('; ') };
}

/** check_restrictedVolumes.go */
function restrictedVolumes(spec: Obj): CheckResult | undefined {
  const bad: string[] = [];
  const types = new Set<string>();
  for (const v of objArray(spec.volumes)) {
    const source = Object.keys(v).find((k) => k !== 'name' && !RESTRICTED_VOLUME_SOURCES.has(k));
    if (source !== undefined) {
      bad.push(str(v.name));
      types.add(source);
    }
  }
  if (bad.length === 0) return undefined;
  return {
    id: 'restrictedVolumes',
    reason: 'restricted volume types',
    detail: `${named('volume', 'volumes', bad)} ${bad.length === 1 ? 'uses' : 'use'} restricted volume ${types.size === 1 ? 'type' : 'types'} ${joinQuote([...types].sort())}`,
  };
}

/** check_runAsNonRoot.go */
function runAsNonRoot(spec: Obj, cs: Container[]): CheckResult | undefined {
  const podValue = asObj(spec.securityContext).runAsNonRoot;
  const parts: string[] = [];
  if (podValue === false) parts.push('pod must not set securityContext.runAsNonRoot=false');
  const explicitFalse = cs.filter((c) => c.sc.runAsNonRoot === false).map((c) => c.name);
  if (explicitFalse.length > 0)
    parts.push(
      `${named('container', 'containers', explicitFalse)} must not set securityContext.runAsNonRoot=false`,
    );
  if (podValue !== true) {
    const unset = cs
      .filter((c) => c.sc.runAsNonRoot === undefined || c.sc.runAsNonRoot === null)
      .map((c) => c.name);
    if (unset.length > 0)
      parts.push(
        `pod or ${named('container', 'containers', unset)} must set securityContext.runAsNonRoot=true`,
      );
  }
  return parts.length === 0
    ? undefined
    : { id: 'runAsNonRoot', reason: 'runAsNonRoot != true', detail: parts.join('; ') };
}

/** check_runAsUser.go */
function runAsUser(spec: Obj, cs: Container[]): CheckResult | undefined {
  const parts: string[] = [];
  if (asObj(spec.securityContext).runAsUser === 0) parts.push('pod must not set runAsUser=0');
  const bad = cs.filter((c) => c.sc.runAsUser === 0).map((c) => c.name);
  if (bad.length > 0) parts.push(`${named('container', 'containers', bad)} must not set runAsUser=0`);
  return parts.length === 0
    ? undefined
    : { id: 'runAsUser', reason: 'runAsUser=0', detail: parts.join('; ') };
}

/** check_seccompProfile_restricted.go */
function seccompRestricted(spec: Obj, cs: Container[]): CheckResult | undefined {
  const typeOf = (sc: Obj) => str(asObj(sc.seccompProfile).type);
  const ok = (t: string) => t === 'RuntimeDefault' || t === 'Localhost';
  const podType = typeOf(asObj(spec.securityContext));
  const parts: string[] = [];
  if (podType !== '' && !ok(podType))
    parts.push(`pod must not set securityContext.seccompProfile.type to ${JSON.stringify(podType)}`);
  const badExplicit = cs.filter((c) => typeOf(c.sc) !== '' && !ok(typeOf(c.sc)));
  if (badExplicit.length > 0) {
    const types = [...new Set(badExplicit.map((c) => typeOf(c.sc)))];
    parts.push(
      `${named(
        'container',
        'containers',
        badExplicit.map((c) => c.name),
      )} must not set securityContext.seccompProfile.type to ${joinQuote(types)}`,
    );
  }
  if (!ok(podType)) {
    const unset = cs.filter((c) => typeOf(c.sc) === '').map((c) => c.name);
    if (unset.length > 0)
      parts.push(
        `pod or ${named('container', 'containers', unset)} must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost"`,
      );
  }
  return parts.length === 0
    ? undefined
    : { id: 'seccompProfile_restricted', reason: 'seccompProfile', detail: parts.join('; ') };
}

/** The failing checks for a pod spec at a level, in check-ID order as the evaluator sorts them. */
export function evaluatePodSpec(level: PodSecurityLevel, podSpec: Obj): CheckResult[] {
  if (level === 'privileged') return [];
  const cs = containersOf(podSpec);
  const results: (CheckResult | undefined)[] = [
    hostNamespaces(podSpec),
    privileged(cs),
    hostPorts(cs),
    seccompBaseline(podSpec, cs),
  ];
  if (level === 'baseline') results.push(capabilitiesBaseline(cs), hostPathVolumes(podSpec));
  else {
    // Restricted overrides capabilities_baseline, hostPathVolumes and seccompProfile_baseline.
    results.splice(3, 1);
    results.push(
      allowPrivilegeEscalation(cs),
      capabilitiesRestricted(cs),
      restrictedVolumes(podSpec),
      runAsNonRoot(podSpec, cs),
      runAsUser(podSpec, cs),
      seccompRestricted(podSpec, cs),
    );
  }
  return results
    .filter((r): r is CheckResult => r !== undefined)
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** policy.AggregateCheckResults: `reason (detail), reason (detail)`. */
export function aggregateChecks(results: readonly CheckResult[]): string {
  return results.map((r) => (r.detail === '' ? r.reason : `${r.reason} (${r.detail})`)).join(', ');
}

interface Policy {
  readonly enforce?: string;
  readonly warn?: string;
  readonly audit?: string;
}

/** api.PolicyToEvaluate: each mode's level from the namespace labels, with its version. */
function policyOf(namespace: KubeObject | undefined): Policy {
  const labels = namespace?.metadata?.labels ?? {};
  const out: Record<string, string> = {};
  for (const mode of ['enforce', 'warn', 'audit'] as const) {
    const level = labels[`${LABEL_PREFIX}${mode}`];
    if (level === undefined || !LEVELS.includes(level as PodSecurityLevel)) continue;
    out[mode] = `${level}:${labels[`${LABEL_PREFIX}${mode}-version`] ?? 'latest'}`;
  }
  return out;
}

const WORKLOADS: Readonly<Record<string, (o: KubeObject) => Obj | undefined>> = {
  'apps/deployments': (o) => asObj(asObj(asObj(o.spec).template).spec),
  'apps/replicasets': (o) => asObj(asObj(asObj(o.spec).template).spec),
  'apps/statefulsets': (o) => asObj(asObj(asObj(o.spec).template).spec),
  'apps/daemonsets': (o) => asObj(asObj(asObj(o.spec).template).spec),
  'batch/jobs': (o) => asObj(asObj(asObj(o.spec).template).spec),
  'batch/cronjobs': (o) => asObj(asObj(asObj(asObj(asObj(o.spec).jobTemplate).spec).template).spec),
};

export const podSecurityValidating: ValidatingPlugin = {
  name: 'PodSecurity',
  validate(attrs, objects): PluginVerdict {
    if (attrs.operation !== 'CREATE' && attrs.operation !== 'UPDATE')
      return { outcome: 'skipped', reason: 'PodSecurity checks creates and updates only' };
    const key = `${attrs.type.group}/${attrs.type.resource}`;
    const isPod = key === '/pods';
    const workload = WORKLOADS[key];
    if (!isPod && workload === undefined)
      return { outcome: 'skipped', reason: `PodSecurity does not check ${attrs.type.resource}` };
    if (attrs.info.subresource !== '')
      return { outcome: 'skipped', reason: `the ${attrs.info.subresource} subresource is not checked` };
    if (attrs.operation === 'UPDATE')
      return { outcome: 'skipped', reason: 'pod updates are not re-checked by the simulator' };
    const object = attrs.object;
    if (object === undefined) return { outcome: 'skipped', reason: 'no object' };
    const namespace = getObject(objects, 'namespaces', '', attrs.info.namespace);
    const policy = policyOf(namespace);
    if (policy.enforce === undefined && policy.warn === undefined && policy.audit === undefined) {
      return {
        outcome: 'passed',
        reason: `namespace ${attrs.info.namespace} has no pod-security.kubernetes.io labels, so every level is privileged`,
      };
    }
    const spec = isPod ? asObj(object.spec) : (workload?.(object) ?? {});
    const verdicts = (level: string | undefined) =>
      level === undefined ? [] : evaluatePodSpec(level.split(':')[0] as PodSecurityLevel, spec);
    const enforced = verdicts(policy.enforce);
    const warnings: string[] = [];
    const auditAnnotations: Record<string, string> = {};
    if (isPod && enforced.length > 0 && policy.enforce !== undefined) {
      const text = `violates PodSecurity ${JSON.stringify(policy.enforce)}: ${aggregateChecks(enforced)}`;
      return { outcome: 'failed', reason: text, status: admissionForbidden(attrs, object, text) };
    }
    // Workloads are not rejected: their enforce level is reported as a warning (admission.go EvaluatePod for controllers).
    if (!isPod && enforced.length > 0 && policy.enforce !== undefined)
      warnings.push(
        `would violate PodSecurity ${JSON.stringify(policy.enforce)}: ${aggregateChecks(enforced)}`,
      );
    const warned = verdicts(policy.warn);
    if (warned.length > 0 && policy.warn !== undefined && policy.warn !== policy.enforce)
      warnings.push(`would violate PodSecurity ${JSON.stringify(policy.warn)}: ${aggregateChecks(warned)}`);
    const audited = verdicts(policy.audit);
    if (audited.length > 0 && policy.audit !== undefined)
      auditAnnotations['pod-security.kubernetes.io/audit-violations'] =
        `would violate PodSecurity ${JSON.stringify(policy.audit)}: ${aggregateChecks(audited)}`;
    const levels = Object.entries(policy)
      .map(([mode, level]) => `${mode}=${level}`)
      .join(', ');
    return {
      outcome: 'passed',
      reason:
        warnings.length > 0
          ? `allowed with warnings (${levels})`
          : `meets the namespace's levels (${levels})`,
      ...(warnings.length > 0 ? { warnings } : {}),
      ...(Object.keys(auditAnnotations).length > 0 ? { auditAnnotations } : {}),
    };
  },
};
