import type { FieldError } from '../responses/status';
import { duplicate, invalidValue, notFoundValue, notSupported, required } from './field';
import { isDNS1123Label, isValidPortName, isValidPortNum } from './names';

/**
 * Pod spec validation, the essential part of ValidatePodSpec in pkg/apis/core/validation/validation.go.
 * It runs on defaulted objects (restartPolicy, dnsPolicy, imagePullPolicy… already filled in).
 */

type Obj = Record<string, unknown>;

function asObject(value: unknown): Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Obj) : {};
}

function asArray(value: unknown): Obj[] {
  return Array.isArray(value) ? value.map(asObject) : [];
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** ValidateDNS1123Label(value, fldPath). */
function dnsLabel(value: string, field: string): FieldError[] {
  return isDNS1123Label(value).map((msg) => invalidValue(field, value, msg));
}

/** validateVolumes: names are DNS labels and unique. Returns the errors and the volume names. */
function validateVolumes(volumes: Obj[], path: string): { errs: FieldError[]; names: Set<string> } {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  volumes.forEach((volume, i) => {
    const name = str(volume.name);
    const field = `${path}[${i}].name`;
    if (name === '') errs.push(required(field, ''));
    else errs.push(...dnsLabel(name, field));
    if (name !== '' && names.has(name)) errs.push(duplicate(field, name));
    else names.add(name);
  });
  return { errs, names };
}

/** validateContainerPorts. */
function validateContainerPorts(ports: Obj[], path: string): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  ports.forEach((port, i) => {
    const idx = `${path}[${i}]`;
    const name = str(port.name);
    if (name !== '') {
      const msgs = isValidPortName(name);
      if (msgs.length > 0) errs.push(...msgs.map((m) => invalidValue(`${idx}.name`, name, m)));
      else if (names.has(name)) errs.push(duplicate(`${idx}.name`, name));
      else names.add(name);
    }
    const containerPort = port.containerPort;
    if (containerPort === undefined || containerPort === 0) errs.push(required(`${idx}.containerPort`, ''));
    else {
      const n = typeof containerPort === 'number' ? containerPort : Number.NaN;
      errs.push(...isValidPortNum(n).map((m) => invalidValue(`${idx}.containerPort`, containerPort, m)));
    }
    const protocol = str(port.protocol);
    if (protocol === '') errs.push(required(`${idx}.protocol`, ''));
    else if (!['SCTP', 'TCP', 'UDP'].includes(protocol)) {
      errs.push(notSupported(`${idx}.protocol`, protocol, ['SCTP', 'TCP', 'UDP']));
    }
  });
  return errs;
}

/** validateContainerCommon: what every kind of container must get right. */
function validateContainer(container: Obj, path: string, volumes: Set<string>): FieldError[] {
  const errs: FieldError[] = [];
  const name = str(container.name);
  if (name === '') errs.push(required(`${path}.name`, ''));
  else errs.push(...dnsLabel(name, `${path}.name`));
  if (str(container.image) === '') errs.push(required(`${path}.image`, ''));
  const tmp = str(container.terminationMessagePolicy);
  if (tmp === '') errs.push(required(`${path}.terminationMessagePolicy`, ''));
  else if (tmp !== 'File' && tmp !== 'FallbackToLogsOnError') {
    errs.push(notSupported(`${path}.terminationMessagePolicy`, tmp, ['File', 'FallbackToLogsOnError']));
  }
  errs.push(...validateContainerPorts(asArray(container.ports), `${path}.ports`));
  asArray(container.volumeMounts).forEach((mount, i) => {
    const idx = `${path}.volumeMounts[${i}]`;
    const mountName = str(mount.name);
    if (mountName === '') errs.push(required(`${idx}.name`, ''));
    else if (!volumes.has(mountName)) errs.push(notFoundValue(`${idx}.name`, mountName));
    if (str(mount.mountPath) === '') errs.push(required(`${idx}.mountPath`, ''));
  });
  const pullPolicy = str(container.imagePullPolicy);
  if (pullPolicy === '') errs.push(required(`${path}.imagePullPolicy`, ''));
  else if (!['Always', 'IfNotPresent', 'Never'].includes(pullPolicy)) {
    errs.push(notSupported(`${path}.imagePullPolicy`, pullPolicy, ['Always', 'IfNotPresent', 'Never']));
  }
  return errs;
}

export interface PodSpecOptions {
  /** Pod templates (Deployments…) only allow restartPolicy Always. */
  readonly restartPolicies?: readonly string[];
}

/** ValidatePodSpec, the essential part. `path` is `spec` for a Pod, `spec.template.spec` for templates. */
export function validatePodSpec(
  specValue: unknown,
  path: string,
  options: PodSpecOptions = {},
): FieldError[] {
  const spec = asObject(specValue);
  const errs: FieldError[] = [];
  const { errs: volumeErrs, names: volumes } = validateVolumes(asArray(spec.volumes), `${path}.volumes`);
  errs.push(...volumeErrs);

  const containers = asArray(spec.containers);
  const seen = new Set<string>();
  if (containers.length === 0) errs.push(required(`${path}.containers`, ''));
  containers.forEach((container, i) => {
    const idx = `${path}.containers[${i}]`;
    errs.push(...validateContainer(container, idx, volumes));
    // Names must be unique among the regular containers.
    const name = str(container.name);
    if (seen.has(name)) errs.push(duplicate(`${idx}.name`, name));
    else seen.add(name);
  });
  const initNames = new Set<string>();
  asArray(spec.initContainers).forEach((container, i) => {
    const idx = `${path}.initContainers[${i}]`;
    errs.push(...validateContainer(container, idx, volumes));
    // validateInitContainers: an init container may not share a name with any other container.
    const name = str(container.name);
    if (seen.has(name) || initNames.has(name)) errs.push(duplicate(`${idx}.name`, name));
    else initNames.add(name);
  });

  const restartPolicy = str(spec.restartPolicy);
  const allowed = options.restartPolicies ?? ['Always', 'OnFailure', 'Never'];
  if (restartPolicy === '') errs.push(required(`${path}.restartPolicy`, ''));
  else if (!allowed.includes(restartPolicy))
    errs.push(notSupported(`${path}.restartPolicy`, restartPolicy, allowed));

  const dnsPolicy = str(spec.dnsPolicy);
  const dnsPolicies = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'];
  if (dnsPolicy === '') errs.push(required(`${path}.dnsPolicy`, ''));
  else if (!dnsPolicies.includes(dnsPolicy))
    errs.push(notSupported(`${path}.dnsPolicy`, dnsPolicy, dnsPolicies));
  return errs;
}
