import { findResource, type ResourceType, resourceForPath } from '../resources';
import type { HttpRequest, HttpResponse, KubeObject, RequestInfo, Status } from '../types';
import { HTTP_REASON, isStatus } from './status';

/**
 * What kubectl prints for one response: its stdout or stderr line(s), without the final newline.
 *
 * Errors follow staging/src/k8s.io/kubectl/pkg/cmd/util/helpers.go `checkErr` and
 * `StandardErrorMessage`; success lines follow the name printer (`pod/nginx created`) and
 * delete.go `PrintObj` (`pod "nginx" deleted`); reads are a `kubectl get` table.
 *
 * Simplifications: the line for `kubectl delete` is kubectl ≤ 1.33's (1.34 appends
 * ` from <ns> namespace`); errors never carry `-f`'s `error when creating "file.yaml": ` prefix;
 * tables have kubectl's columns for a few kinds and `NAME AGE` for the rest.
 */
export function renderKubectlOutput(
  request: HttpRequest,
  info: RequestInfo,
  response: HttpResponse,
  now: Date = new Date(),
): string {
  if (response.status >= 400) return renderError(response);
  if (!info.isResourceRequest) return renderRaw(response.body);

  const type = resourceForPath(info.apiGroup, info.apiVersion, info.resource) ?? findResource(info.resource);
  const body = isObject(response.body) ? response.body : undefined;
  const name = body?.metadata?.name ?? info.name;
  const kind = kindString(type, info, body);
  // `--dry-run=server` sends dryRun=All; the printers append the strategy to the operation.
  // kubectl delete puts dryRun in the DeleteOptions body instead of the query.
  const dryRun =
    new URLSearchParams(request.path.split('?')[1] ?? '').get('dryRun') === 'All' ||
    (request.method === 'DELETE' && /"dryRun":\["All"\]/.test(request.body ?? ''))
      ? ' (server dry run)'
      : '';

  switch (info.verb) {
    case 'create':
      if (info.subresource === 'token') return String(field(body, 'status', 'token') ?? '');
      return `${kind}/${name} created${dryRun}`;
    case 'update':
      return `${kind}/${name} replaced${dryRun}`;
    case 'patch':
      return `${kind}/${name} ${info.subresource === 'scale' ? 'scaled' : 'patched'}${dryRun}`;
    case 'delete':
      return `${kind} ${JSON.stringify(name)} deleted${dryRun}`;
    case 'deletecollection':
      return listItems(body)
        .map((item) => `${kind} ${JSON.stringify(item.metadata?.name ?? '')} deleted${dryRun}`)
        .join('\n');
    case 'get':
      if (info.subresource !== '' || body === undefined) return renderRaw(response.body);
      return renderTable([body], type, info, now);
    case 'watch':
      if (Array.isArray(response.body)) return renderWatchEvents(response.body, type, info, now);
      return renderRaw(response.body);
    case 'list': {
      const items = listItems(body);
      if (items.length === 0) return noResourcesFound(type, info);
      return renderTable(items, type, info, now);
    }
    default:
      return renderRaw(response.body);
  }
}

/** checkErr / StandardErrorMessage for an API error. */
function renderError(response: HttpResponse): string {
  if (!isStatus(response.body)) {
    const text =
      typeof response.body === 'string' && response.body !== ''
        ? response.body
        : HTTP_REASON[response.status];
    return `Error from server: ${text ?? `the server responded with the status code ${response.status}`}`;
  }
  const status: Status = response.body;
  const message = status.message ?? '';
  if (status.reason === 'Invalid') return renderInvalid(status);
  if (status.reason === 'Unauthorized') return `error: You must be logged in to the server (${message})`;
  if (status.reason !== undefined) return `Error from server (${status.reason}): ${message}`;
  return `Error from server: ${message}`;
}

/**
 * checkErr's IsInvalid branch: `The <Kind> "<name>" is invalid` then MultilineError: one cause
 * on the same line, several as `* field: message` lines under a header ending in `: `.
 */
function renderInvalid(status: Status): string {
  const details = status.details;
  if (details === undefined) return 'The request is invalid';
  let header = 'The request is invalid';
  if ((details.kind ?? '') !== '' || (details.name ?? '') !== '') {
    header = `The ${details.kind ?? ''} ${JSON.stringify(details.name ?? '')} is invalid`;
  } else if ((status.message ?? '') !== '' && (details.causes ?? []).length === 0) {
    // Only without kind/name and causes: the default constructors repeat those in the message.
    header = `${header}: ${status.message}`;
  }
  // statusCausesToAggrError drops duplicate `field: message` lines.
  const causes = [...new Set((details.causes ?? []).map((c) => `${c.field ?? ''}: ${c.message}`))];
  if (causes.length === 0) return header;
  if (causes.length === 1) return `${header}: ${causes[0]}`;
  return [`${header}: `, ...causes.map((c) => `* ${c}`)].join('\n');
}

function renderRaw(body: unknown): string {
  if (body === undefined || body === null) return '';
  return typeof body === 'string' ? body : JSON.stringify(body, null, 2);
}

/** `pod`, `deployment.apps`: the lower-case kind, qualified by a non-core group. */
function kindString(type: ResourceType | undefined, info: RequestInfo, body: KubeObject | undefined): string {
  const kind = (type?.kind ?? body?.kind ?? info.resource).toLowerCase();
  const group = type?.group ?? info.apiGroup;
  return group === '' ? kind : `${kind}.${group}`;
}

/**
 * get.go: with no output at all, kubectl says which namespace it looked in, unless it looked in
 * all of them. A cluster-scoped type still names the kubeconfig's namespace (assumed `default`).
 */
function noResourcesFound(type: ResourceType | undefined, info: RequestInfo): string {
  if (info.namespace !== '') return `No resources found in ${info.namespace} namespace.`;
  if (type?.namespaced ?? true) return 'No resources found';
  return 'No resources found in default namespace.';
}

interface Column {
  readonly header: string;
  readonly cell: (object: KubeObject, now: Date) => string;
}

const AGE: Column = { header: 'AGE', cell: (o, now) => age(o, now) };

/** The columns of the server's Table for a few kinds (pkg/printers/internalversion/printers.go). */
const COLUMNS: Readonly<Record<string, readonly Column[]>> = {
  pods: [
    { header: 'READY', cell: podReady },
    { header: 'STATUS', cell: podStatus },
    { header: 'RESTARTS', cell: podRestarts },
    AGE,
  ],
  deployments: [
    {
      header: 'READY',
      cell: (o) => `${num(field(o, 'status', 'readyReplicas'))}/${num(field(o, 'spec', 'replicas'), 1)}`,
    },
    { header: 'UP-TO-DATE', cell: (o) => String(num(field(o, 'status', 'updatedReplicas'))) },
    { header: 'AVAILABLE', cell: (o) => String(num(field(o, 'status', 'availableReplicas'))) },
    AGE,
  ],
  services: [
    { header: 'TYPE', cell: (o) => str(field(o, 'spec', 'type'), 'ClusterIP') },
    { header: 'CLUSTER-IP', cell: (o) => str(field(o, 'spec', 'clusterIP'), '<none>') },
    { header: 'EXTERNAL-IP', cell: () => '<none>' },
    { header: 'PORT(S)', cell: servicePorts },
    AGE,
  ],
  namespaces: [{ header: 'STATUS', cell: (o) => str(field(o, 'status', 'phase'), 'Active') }, AGE],
  configmaps: [{ header: 'DATA', cell: (o) => String(keyCount(o.data) + keyCount(o.binaryData)) }, AGE],
  secrets: [
    { header: 'TYPE', cell: (o) => str(o.type, 'Opaque') },
    { header: 'DATA', cell: (o) => String(keyCount(o.data)) },
    AGE,
  ],
  serviceaccounts: [
    { header: 'SECRETS', cell: (o) => String(Array.isArray(o.secrets) ? o.secrets.length : 0) },
    AGE,
  ],
};

/**
 * `kubectl get -w`'s lines for watch events: one table row per event, without a header (the list
 * before the watch printed it). Rows are aligned among themselves only, a simplification of
 * kubectl's tabwriter, which keeps the list's column widths.
 */
export function renderWatchEvents(
  events: readonly unknown[],
  type: ResourceType | undefined,
  info: RequestInfo,
  now: Date,
): string {
  const objects = events
    .map((e) => (isObject(e) && isObject(e.object) ? e.object : undefined))
    .filter((o): o is KubeObject => o !== undefined);
  if (objects.length === 0) return '';
  return renderTable(objects, type, info, now).split('\n').slice(1).join('\n');
}

/** `kubectl get`'s table; a NAMESPACE column leads when listing a namespaced type across namespaces. */
export function renderTable(
  objects: readonly KubeObject[],
  type: ResourceType | undefined,
  info: RequestInfo,
  now: Date,
): string {
  const columns: Column[] = [
    { header: 'NAME', cell: (o) => o.metadata?.name ?? '' },
    ...(COLUMNS[type?.resource ?? info.resource] ?? [AGE]),
  ];
  if (info.namespace === '' && (type?.namespaced ?? false)) {
    columns.unshift({ header: 'NAMESPACE', cell: (o) => o.metadata?.namespace ?? '' });
  }
  const rows = [columns.map((c) => c.header), ...objects.map((o) => columns.map((c) => c.cell(o, now)))];
  return alignColumns(rows);
}

/**
 * text/tabwriter as kubectl configures it (printers.GetNewTabWriter: minwidth 6, padding 3,
 * padded with spaces). Every cell but a line's last is padded to its column's width.
 */
export function alignColumns(rows: readonly (readonly string[])[]): string {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, i) => {
      if (i < row.length - 1) widths[i] = Math.max(widths[i] ?? 6, cell.length + 3);
    });
  }
  return rows
    .map((row) => row.map((cell, i) => (i < row.length - 1 ? cell.padEnd(widths[i] ?? 0) : cell)).join(''))
    .join('\n');
}

/** apimachinery pkg/util/duration HumanDuration, as kubectl's AGE column shows it. */
export function humanDuration(milliseconds: number): string {
  const seconds = Math.trunc(milliseconds / 1000);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 60 * 2) return `${seconds}s`;
  const minutes = Math.trunc(seconds / 60);
  if (minutes < 10) {
    const s = seconds % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 60 * 3) return `${minutes}m`;
  const hours = Math.trunc(minutes / 60);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) {
    const h = hours % 24;
    return h === 0 ? `${Math.trunc(hours / 24)}d` : `${Math.trunc(hours / 24)}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${Math.trunc(hours / 24)}d`;
  if (hours < 24 * 365 * 8) {
    const dy = Math.trunc(hours / 24) % 365;
    const years = Math.trunc(hours / 24 / 365);
    return dy === 0 ? `${years}y` : `${years}y${dy}d`;
  }
  return `${Math.trunc(hours / 24 / 365)}y`;
}

/** translateTimestampSince: `<unknown>` without a creationTimestamp. */
function age(object: KubeObject, now: Date): string {
  const created = object.metadata?.creationTimestamp;
  const time = created === undefined ? Number.NaN : Date.parse(created);
  return Number.isNaN(time) ? '<unknown>' : humanDuration(now.getTime() - time);
}

interface ContainerStatus {
  readonly ready?: boolean;
  readonly restartCount?: number;
}

function containerStatuses(pod: KubeObject): ContainerStatus[] {
  const statuses = field(pod, 'status', 'containerStatuses');
  return Array.isArray(statuses) ? (statuses as ContainerStatus[]) : [];
}

function podReady(pod: KubeObject): string {
  const containers = field(pod, 'spec', 'containers');
  const total = Array.isArray(containers) ? containers.length : 0;
  return `${containerStatuses(pod).filter((s) => s.ready === true).length}/${total}`;
}

/** printPod's STATUS, without init containers: reason or phase, `Terminating` once deleted. */
function podStatus(pod: KubeObject): string {
  if (pod.metadata?.deletionTimestamp !== undefined) return 'Terminating';
  // A new pod's phase is Pending (pod strategy PrepareForCreate).
  return str(field(pod, 'status', 'reason'), str(field(pod, 'status', 'phase'), 'Pending'));
}

function podRestarts(pod: KubeObject): string {
  return String(containerStatuses(pod).reduce((sum, s) => sum + (s.restartCount ?? 0), 0));
}

function servicePorts(service: KubeObject): string {
  const ports = field(service, 'spec', 'ports');
  if (!Array.isArray(ports) || ports.length === 0) return '<none>';
  return (ports as { port?: number; nodePort?: number; protocol?: string }[])
    .map((p) => `${p.port ?? ''}${p.nodePort === undefined ? '' : `:${p.nodePort}`}/${p.protocol ?? 'TCP'}`)
    .join(',');
}

function isObject(value: unknown): value is KubeObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function listItems(body: KubeObject | undefined): KubeObject[] {
  const items = body?.items;
  return Array.isArray(items) ? items.filter(isObject) : [];
}

/** Reads `object.a.b…`, or undefined when any step is missing. */
function field(object: KubeObject | undefined, ...path: string[]): unknown {
  let current: unknown = object;
  for (const key of path) {
    if (!isObject(current)) return undefined;
    current = current[key];
  }
  return current;
}

function num(value: unknown, fallback = 0): number {
  return typeof value === 'number' ? value : fallback;
}

function str(value: unknown, fallback: string): string {
  return typeof value === 'string' && value !== '' ? value : fallback;
}

function keyCount(value: unknown): number {
  return isObject(value) ? Object.keys(value).length : 0;
}
