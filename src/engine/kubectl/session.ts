/**
 * `runKubectl`: plays one kubectl command against a server, request by request, deciding each
 * follow-up from the responses as kubectl's code does — client-side apply's GET then POST or
 * three-way PATCH, edit's GET then PATCH, replace's GET for the resourceVersion then PUT, delete
 * --all/-l's list then one DELETE per item, `get -w`'s list then watch from the list's
 * resourceVersion, scale's GET then PATCH of /scale, logs' GET of the pod then of its log.
 * `kubectlToRequests` (index.ts) stays the static view: what is known before anything is sent.
 *
 * Output is what the terminal shows, stdout and stderr interleaved in order. Simplifications:
 * `describe` prints only the object's Name/Namespace/Labels/Annotations header; `api-resources`
 * is printed from the simulator's resource table (the same one its discovery documents come
 * from) because the simulator serves unaggregated discovery; kubectl's retries, discovery cache
 * refreshes and the delete --wait watch are not sent.
 */
import { stringify as stringifyYaml } from 'yaml';
import { discoveryResources, servedGroups } from '../non-resource';
import { resolveRequestInfo } from '../request-info';
import { findResource, type ResourceType, resourceForPath } from '../resources';
import { alignColumns, renderKubectlOutput, renderWatchEvents } from '../responses/kubectl-output';
import { isStatus } from '../responses/status';
import { createMergePatch, createThreeWayMergePatch, createTwoWayMergePatch } from '../storage/patch';
import type { HttpRequest, KubeObject, Status, Trace } from '../types';
import { manifestsFor } from './apply';
import { buildRequest, type CommandInput, EDIT_FILE, type KubectlContext, writeOptions } from './context';
import { deleteOptionsBody } from './delete';
import { editTargets } from './edit';
import { KubectlError } from './errors';
import { dryRunStrategy } from './flags';
import { ACCEPT, CONTENT_TYPE } from './headers';
import { type ParsedKubectl, parseKubectl } from './index';
import { goJson, nameOf, parseYamlDocuments, placeManifest, readManifests } from './objects';
import { parsePairs, targets } from './patch';
import { objectPath } from './resolve';
import { renderRulesReview } from './rules-table';

/** What one kubectl invocation did. */
export interface KubectlRun {
  /** Every request sent, in order, with what the server did with it. */
  readonly traces: readonly Trace[];
  /** What kubectl prints (stdout and stderr in order, without a final newline). */
  readonly output: string;
  /** kubectl's exit code: 0, or 1 once any error was printed. */
  readonly exitCode: number;
}

/** Sends one request to the server and returns its trace (cluster.send bound to a user). */
export type SendRequest = (request: HttpRequest) => Trace;

/** `kubectl.kubernetes.io/last-applied-configuration` (k8s.io/api/core/v1 annotation_key_constants.go). */
export const LAST_APPLIED_ANNOTATION = 'kubectl.kubernetes.io/last-applied-configuration';

class Session {
  readonly traces: Trace[] = [];
  readonly lines: string[] = [];
  exitCode = 0;

  constructor(private readonly sendRequest: SendRequest) {}

  send(request: HttpRequest): Trace {
    const trace = this.sendRequest(request);
    this.traces.push(trace);
    return trace;
  }

  print(text: string): void {
    if (text !== '') this.lines.push(text);
  }

  error(text: string): void {
    this.exitCode = 1;
    this.print(text);
  }

  /** Prints the trace's error, optionally with cmdutil.AddSourceToErr's `error when <verb> "<file>": ` prefix. */
  fail(trace: Trace, prefix = ''): void {
    this.error(renderFailure(trace, prefix));
  }

  result(): KubectlRun {
    return { traces: this.traces, output: this.lines.join('\n'), exitCode: this.exitCode };
  }
}

function failed(trace: Trace): boolean {
  return trace.response.status >= 400;
}

/** cmdutil.AddSourceToErr: the prefix goes into the Status message, then checkErr prints it. */
function renderFailure(trace: Trace, prefix: string): string {
  const body = trace.response.body;
  if (prefix === '' || !isStatus(body)) return trace.kubectlOutput;
  const status: Status = { ...body, message: `${prefix}${body.message ?? ''}` };
  return renderKubectlOutput(trace.request, trace.requestInfo, {
    status: trace.response.status,
    body: status,
  });
}

/** `pod`, `deployment.apps`: the name printer's resource prefix. */
function kindRef(type: ResourceType): string {
  const kind = type.kind.toLowerCase();
  return type.group === '' ? kind : `${kind}.${type.group}`;
}

/** `pods`, `deployments.apps`: schema.GroupResource.String(). */
function groupResource(type: ResourceType): string {
  return type.group === '' ? type.resource : `${type.resource}.${type.group}`;
}

function dryRunSuffix(input: CommandInput): string {
  const strategy = dryRunStrategy(input.flags);
  if (strategy === 'server') return ' (server dry run)';
  return strategy === 'client' ? ' (dry run)' : '';
}

function withoutManagedFields(object: KubeObject): KubeObject {
  const { managedFields: _m, ...meta } = object.metadata ?? {};
  return { ...object, metadata: meta };
}

function typeOfRequest(request: HttpRequest): ResourceType | undefined {
  const info = resolveRequestInfo(request);
  return resourceForPath(info.apiGroup, info.apiVersion, info.resource);
}

/**
 * Runs `kubectl <commandLine>` against `send`, one request at a time. KubectlErrors (bad flags,
 * unknown types) end the run with kubectl's message and exit code 1, before anything is sent.
 */
export function runKubectl(commandLine: string, send: SendRequest, ctx: KubectlContext = {}): KubectlRun {
  const session = new Session(send);
  try {
    const parsed = parseKubectl(commandLine, ctx);
    if (parsed !== undefined) (HANDLERS[parsed.name] ?? sendAll)(parsed, session, ctx);
  } catch (error) {
    if (!(error instanceof KubectlError)) throw error;
    session.error(error.hint === undefined ? error.message : `${error.message}\n${error.hint}`);
  }
  return session.result();
}

type Handler = (parsed: ParsedKubectl, session: Session, ctx: KubectlContext) => void;

/** Commands whose requests do not depend on earlier answers: send them all, print each answer. */
function sendAll(
  parsed: ParsedKubectl,
  session: Session,
  _ctx?: KubectlContext,
  sources: readonly string[] = [],
): void {
  parsed.requests().forEach((request, i) => {
    const trace = session.send(request);
    const source = sources[i];
    if (failed(trace))
      session.fail(trace, source === undefined ? '' : `error when creating ${JSON.stringify(source)}: `);
    else session.print(trace.kubectlOutput);
  });
}

/** `kubectl create -f`: every object is tried; errors carry `error when creating "<file>": `. */
const createHandler: Handler = (parsed, session, ctx) => {
  const filenames = parsed.input.flags.strings('filename');
  const sources =
    filenames.length > 0 ? readManifests(filenames, parsed.input.files).map((m) => m.source) : [];
  sendAll(parsed, session, ctx, sources);
};

/** annotation value = the configuration without the annotation, as JSON with a newline (util.GetModifiedConfiguration). */
function withLastApplied(object: KubeObject): KubeObject {
  const annotations = { ...(object.metadata?.annotations ?? {}) };
  delete annotations[LAST_APPLIED_ANNOTATION];
  const config = { ...object, metadata: { ...object.metadata, annotations } };
  const value = `${goJson(config)}\n`;
  return {
    ...object,
    metadata: { ...object.metadata, annotations: { ...annotations, [LAST_APPLIED_ANNOTATION]: value } },
  };
}

/** apply.go: what kubectl adds to a server-side apply conflict before printing it as `error: …`. */
const APPLY_CONFLICT_HELP = `Please review the fields above--they currently have other managers. Here
are the ways you can resolve this warning:
* If you intend to manage all of these fields, please re-run the apply
  command with the \`--force-conflicts\` flag.
* If you do not intend to manage all of the fields, please edit your
  manifest to remove references to the fields that should keep their
  current managers.
* You may co-own fields by updating your manifest to match the existing
  value; in this case, you'll become the manager if the other manager(s)
  stop managing the field (remove it from their configuration).
See https://kubernetes.io/docs/reference/using-api/server-side-apply/#conflicts`;

/** staging/src/k8s.io/kubectl/pkg/cmd/apply/apply.go warningNoLastAppliedConfigAnnotation. */
function missingAnnotationWarning(type: ResourceType, name: string): string {
  return `Warning: resource ${groupResource(type)}/${name} is missing the ${LAST_APPLIED_ANNOTATION} annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.`;
}

/**
 * Client-side apply (apply.go applyOneObject, patcher.go Patch): GET; on 404 POST the object with
 * the last-applied annotation; otherwise a strategic-merge PATCH from
 * CreateThreeWayMergePatch(last-applied, new configuration + annotation, live) — or nothing,
 * printed `unchanged`, when the patch is `{}`.
 */
const applyHandler: Handler = (parsed, session, ctx) => {
  const { input } = parsed;
  if (input.flags.bool('server-side')) {
    for (const request of parsed.requests()) {
      const trace = session.send(request);
      const body = trace.response.body;
      if (
        trace.response.status === 409 &&
        isStatus(body) &&
        (body.details?.causes ?? []).some((c) => c.reason === 'FieldManagerConflict')
      ) {
        session.error(`error: ${body.message ?? ''}\n${APPLY_CONFLICT_HELP}`);
      } else if (failed(trace)) session.fail(trace);
      else {
        const type = typeOfRequest(request);
        const name = trace.requestInfo.name;
        session.print(
          `${type === undefined ? '' : kindRef(type)}/${name} serverside-applied${dryRunSuffix(input)}`,
        );
      }
    }
    return;
  }
  parsed.requests(); // validates flags and files exactly as the static view does
  const dryRun = dryRunStrategy(input.flags);
  const manager = input.flags.string('field-manager') || 'kubectl-client-side-apply';
  const suffix = dryRunSuffix(input);
  for (const manifest of manifestsFor(input)) {
    const object = placeManifest(manifest, input.namespace, input.explicitNamespace);
    const namespace = object.metadata?.namespace ?? '';
    const name = nameOf(manifest);
    const ref = `${kindRef(manifest.type)}/${name}`;
    const path = objectPath(manifest.type, namespace, name);
    const got = session.send(buildRequest(input, { method: 'GET', path, accept: ACCEPT.json }));
    const query = writeOptions(input, {
      fieldManager: manager,
      fieldValidation: true,
      dryRunServer: dryRun === 'server',
    });
    if (got.response.status === 404) {
      if (dryRun === 'client') {
        session.print(`${ref} created${suffix}`);
        continue;
      }
      const created = session.send(
        buildRequest(input, {
          method: 'POST',
          path: objectPath(manifest.type, namespace),
          query,
          accept: ACCEPT.json,
          contentType: CONTENT_TYPE.json,
          body: goJson(withLastApplied(object)),
        }),
      );
      if (failed(created)) session.fail(created, `error when creating ${JSON.stringify(manifest.source)}: `);
      else session.print(`${ref} created${suffix}`);
      continue;
    }
    if (failed(got)) {
      session.fail(
        got,
        `error when retrieving current configuration of:\nResource: "${groupResource(manifest.type)}", GroupVersionKind: "${manifest.type.kind}", Name: "${name}", Namespace: "${namespace}"\nfrom server for: "${manifest.source}": `,
      );
      continue;
    }
    const live = got.response.body as KubeObject;
    const annotation = live.metadata?.annotations?.[LAST_APPLIED_ANNOTATION];
    let original: KubeObject = {};
    if (annotation === undefined) session.print(missingAnnotationWarning(manifest.type, name));
    else {
      try {
        original = JSON.parse(annotation) as KubeObject;
      } catch {
        original = {};
      }
    }
    const patch = createThreeWayMergePatch(original, withLastApplied(object), withoutManagedFields(live));
    if (Object.keys(patch).length === 0) {
      session.print(`${ref} unchanged${suffix}`);
      continue;
    }
    if (dryRun === 'client') {
      session.print(`${ref} configured${suffix}`);
      continue;
    }
    const patched = session.send(
      buildRequest(input, {
        method: 'PATCH',
        path,
        query,
        accept: ACCEPT.json,
        contentType: CONTENT_TYPE.strategicMergePatch,
        body: goJson(patch),
      }),
    );
    if (failed(patched)) {
      session.fail(
        patched,
        `error when applying patch:\n${goJson(patch)}\nto:\nResource: "${groupResource(manifest.type)}", GroupVersionKind: "${manifest.type.kind}", Name: "${name}", Namespace: "${namespace}"\nfor: "${manifest.source}": `,
      );
    } else session.print(`${ref} configured${suffix}`);
  }
  void ctx;
};

/** replace.go with resource.Helper.Replace: without a resourceVersion, GET one, then PUT. */
const replaceHandler: Handler = (parsed, session) => {
  const { input } = parsed;
  parsed.requests();
  const dryRun = dryRunStrategy(input.flags);
  for (const manifest of manifestsFor(input)) {
    const object = placeManifest(manifest, input.namespace, input.explicitNamespace);
    const namespace = object.metadata?.namespace ?? '';
    const name = nameOf(manifest);
    const ref = `${kindRef(manifest.type)}/${name}`;
    if (dryRun === 'client') {
      session.print(`${ref} replaced (dry run)`);
      continue;
    }
    const path = objectPath(manifest.type, namespace, name);
    let body = object;
    if (typeof object.metadata?.resourceVersion !== 'string' || object.metadata.resourceVersion === '') {
      const got = session.send(buildRequest(input, { method: 'GET', path, accept: ACCEPT.json }));
      // A failed GET still PUTs: "the object does not exist, but we want it to be created".
      const rv = failed(got) ? undefined : (got.response.body as KubeObject).metadata?.resourceVersion;
      if (rv !== undefined) body = { ...object, metadata: { ...object.metadata, resourceVersion: rv } };
    }
    const put = session.send(
      buildRequest(input, {
        method: 'PUT',
        path,
        query: writeOptions(input, {
          fieldManager: input.flags.string('field-manager'),
          fieldValidation: true,
          dryRunServer: dryRun === 'server',
        }),
        accept: ACCEPT.json,
        contentType: CONTENT_TYPE.json,
        body: goJson(body),
      }),
    );
    if (failed(put)) session.fail(put, `error when replacing ${JSON.stringify(manifest.source)}: `);
    else session.print(`${ref} replaced${dryRunSuffix(input)}`);
  }
};

/** The edited object: from ctx.edit, else the `<edit>` file; undefined when none was given. */
function editedObject(ctx: KubectlContext, shown: KubeObject): KubeObject | undefined {
  const edited = ctx.edit?.(structuredClone(shown)) ?? ctx.files?.[EDIT_FILE];
  if (edited === undefined) return undefined;
  if (typeof edited !== 'string') return edited;
  const docs = parseYamlDocuments(edited, 'edited file');
  // editoptions.go: an empty file cancels the edit.
  return (docs[0] as KubeObject | undefined) ?? {};
}

/** editoptions.go visitToPatch: a strategic-merge PATCH of the differences, fieldManager kubectl-edit. */
const editHandler: Handler = (parsed, session, ctx) => {
  const { input } = parsed;
  for (const target of editTargets(input)) {
    const path = objectPath(target.type, target.namespace, target.name);
    const got = session.send(buildRequest(input, { method: 'GET', path, accept: ACCEPT.json }));
    if (failed(got)) {
      session.fail(got);
      return;
    }
    const shown = withoutManagedFields(got.response.body as KubeObject);
    const edited = editedObject(ctx, shown);
    if (edited === undefined) {
      throw new KubectlError(
        `error: kubectl edit needs the edited object: pass ctx.edit or ctx.files["${EDIT_FILE}"]`,
      );
    }
    if (Object.keys(edited).length === 0) {
      session.print('Edit cancelled, no changes made.');
      return;
    }
    const edit = withoutManagedFields(edited);
    if (JSON.stringify(edit) === JSON.stringify(shown)) {
      session.print('Edit cancelled, no changes made.');
      return;
    }
    if (
      edit.apiVersion !== shown.apiVersion ||
      edit.kind !== shown.kind ||
      edit.metadata?.name !== shown.metadata?.name
    ) {
      session.error('error: At least one of apiVersion, kind and name was changed');
      return;
    }
    const patch = createTwoWayMergePatch(shown, edit);
    const patched = session.send(
      buildRequest(input, {
        method: 'PATCH',
        path,
        query: writeOptions(input, {
          fieldManager: input.flags.string('field-manager'),
          fieldValidation: true,
        }),
        accept: ACCEPT.json,
        contentType: CONTENT_TYPE.strategicMergePatch,
        body: goJson(patch),
      }),
    );
    const resource = groupResource(target.type);
    if (!failed(patched)) session.print(`${kindRef(target.type)}/${target.name} edited`);
    else if (patched.response.status === 422)
      session.error(`error: ${resource} ${JSON.stringify(target.name)} is invalid`);
    else if (patched.response.status === 404) {
      session.error(`error: ${resource} ${JSON.stringify(target.name)} could not be found on the server`);
    } else {
      const message = isStatus(patched.response.body) ? (patched.response.body.message ?? '') : '';
      session.error(`error: ${resource} ${JSON.stringify(target.name)} could not be patched: ${message}`);
    }
  }
};

/** delete.go: named objects are deleted directly; --all/-l/--field-selector list, then DELETE each item. */
const deleteHandler: Handler = (parsed, session) => {
  const { input } = parsed;
  const requests = parsed.requests();
  const body = deleteOptionsBody(input);
  const dryRun = dryRunStrategy(input.flags);
  const ignoreNotFound = input.flags.bool('ignore-not-found');
  let found = 0;
  for (const request of requests) {
    if (request.method === 'DELETE') {
      const trace = session.send(request);
      if (failed(trace)) {
        if (!(ignoreNotFound && trace.response.status === 404)) session.fail(trace);
      } else {
        found += 1;
        session.print(trace.kubectlOutput);
      }
      continue;
    }
    const list = session.send(request);
    if (failed(list)) {
      session.fail(list);
      continue;
    }
    const type = typeOfRequest(request);
    const items = ((list.response.body as { items?: KubeObject[] }).items ?? []).filter(
      (i) => i.metadata?.name,
    );
    for (const item of items) {
      if (type === undefined) continue;
      found += 1;
      const name = item.metadata?.name ?? '';
      if (dryRun === 'client') {
        session.print(`${kindRef(type)} ${JSON.stringify(name)} deleted (dry run)`);
        continue;
      }
      const trace = session.send(
        buildRequest(input, {
          method: 'DELETE',
          path: objectPath(type, item.metadata?.namespace ?? '', name),
          accept: ACCEPT.json,
          contentType: CONTENT_TYPE.json,
          body,
        }),
      );
      if (failed(trace)) session.fail(trace);
      else session.print(trace.kubectlOutput);
    }
  }
  if (found === 0 && session.exitCode === 0 && requests.some((r) => r.method === 'GET'))
    session.print('No resources found');
};

/** label.go / annotate.go: per object, a JSON merge patch of the old and new object (jsonpatch.CreateMergePatch). */
function metadataMapHandler(field: 'labels' | 'annotations'): Handler {
  return (parsed, session) => {
    const { input } = parsed;
    parsed.requests();
    const what = field === 'labels' ? 'label' : 'annotation';
    const resources: string[] = [];
    const pairs: string[] = [];
    for (const arg of input.args)
      (arg.includes('=') || arg.endsWith('-') || pairs.length > 0 ? pairs : resources).push(arg);
    const changes = parsePairs(pairs, what);
    const overwrite = input.flags.bool('overwrite');
    const dryRun = dryRunStrategy(input.flags);
    const all =
      input.flags.bool('all') ||
      input.flags.string('selector') !== '' ||
      input.flags.string('field-selector') !== '';
    const objects: Array<{ type: ResourceType; object: KubeObject }> = [];
    for (const t of targets(input, resources, all)) {
      if (t.name === undefined) {
        const query: Array<[string, string]> = [];
        if (input.flags.string('selector') !== '')
          query.push(['labelSelector', input.flags.string('selector')]);
        if (input.flags.string('field-selector') !== '')
          query.push(['fieldSelector', input.flags.string('field-selector')]);
        const list = session.send(
          buildRequest(input, {
            method: 'GET',
            path: objectPath(t.type, t.namespace),
            query,
            accept: ACCEPT.json,
          }),
        );
        if (failed(list)) {
          session.fail(list);
          return;
        }
        for (const item of (list.response.body as { items?: KubeObject[] }).items ?? [])
          objects.push({ type: t.type, object: item });
        continue;
      }
      const got = session.send(
        buildRequest(input, {
          method: 'GET',
          path: objectPath(t.type, t.namespace, t.name),
          accept: ACCEPT.json,
        }),
      );
      if (failed(got)) {
        session.fail(got);
        return;
      }
      objects.push({ type: t.type, object: got.response.body as KubeObject });
    }
    for (const { type, object } of objects) {
      const name = object.metadata?.name ?? '';
      const current = { ...((object.metadata?.[field] as Record<string, string> | undefined) ?? {}) };
      const next = { ...current };
      for (const [key, value] of Object.entries(changes)) {
        if (value === null) {
          if (!(key in next)) session.print(`${what} ${JSON.stringify(key)} not found.`);
          delete next[key];
        } else {
          if (!overwrite && key in current && current[key] !== value) {
            session.error(`error: '${key}' already has a value (${current[key]}), and --overwrite is false`);
            return;
          }
          next[key] = value;
        }
      }
      const before = { metadata: { [field]: current } };
      const after: Record<string, unknown> = { metadata: { [field]: next } };
      const patch = createMergePatch(before, after);
      const rv = input.flags.string('resource-version');
      if (rv !== '') patch.metadata = { ...(patch.metadata as object), resourceVersion: rv };
      const changed = JSON.stringify(current) !== JSON.stringify(next);
      const message =
        field === 'annotations'
          ? 'annotated'
          : !changed
            ? 'not labeled'
            : !overwrite && Object.keys(next).length < Object.keys(current).length
              ? 'unlabeled'
              : 'labeled';
      const ref = `${kindRef(type)}/${name}`;
      if (dryRun === 'client') {
        session.print(`${ref} ${message} (dry run)`);
        continue;
      }
      const trace = session.send(
        buildRequest(input, {
          method: 'PATCH',
          path: objectPath(type, object.metadata?.namespace ?? '', name),
          query: writeOptions(input, {
            fieldManager: input.flags.string('field-manager'),
            dryRunServer: dryRun === 'server',
          }),
          accept: ACCEPT.json,
          contentType: CONTENT_TYPE.mergePatch,
          body: goJson(patch),
        }),
      );
      if (failed(trace)) session.fail(trace);
      else session.print(`${ref} ${message}${dryRunSuffix(input)}`);
    }
  };
}

/** scale.go: GET the object, then PATCH /scale — or, with preconditions, GET /scale, check, PUT /scale. */
const scaleHandler: Handler = (parsed, session) => {
  const { input } = parsed;
  const requests = parsed.requests();
  const replicas = input.flags.int('replicas');
  const currentReplicas = input.flags.int('current-replicas');
  const resourceVersion = input.flags.string('resource-version');
  const dryRun = dryRunStrategy(input.flags);
  for (const request of requests) {
    const info = resolveRequestInfo(request);
    const type = resourceForPath(info.apiGroup, info.apiVersion, info.resource);
    const trace = session.send(request);
    if (failed(trace)) {
      session.fail(trace);
      return;
    }
    if (type === undefined) continue;
    const ref = `${kindRef(type)}/${info.name}`;
    if (request.method === 'PATCH') {
      session.print(`${ref} scaled${dryRunSuffix(input)}`);
      continue;
    }
    if (info.verb === 'list') {
      for (const item of (trace.response.body as { items?: KubeObject[] }).items ?? []) {
        const name = item.metadata?.name ?? '';
        if (dryRun === 'client') {
          session.print(`${kindRef(type)}/${name} scaled (dry run)`);
          continue;
        }
        const patched = session.send(
          scaleRequest(input, type, item.metadata?.namespace ?? '', name, replicas, dryRun === 'server'),
        );
        if (failed(patched)) session.fail(patched);
        else session.print(`${kindRef(type)}/${name} scaled${dryRunSuffix(input)}`);
      }
      continue;
    }
    if (info.subresource === 'scale') {
      // ScalePrecondition.validate: `Expected replicas to be 3, was 2`.
      const scale = trace.response.body as {
        spec?: { replicas?: number };
        metadata?: { resourceVersion?: string };
      };
      const actual = scale.spec?.replicas ?? 0;
      if (currentReplicas !== -1 && actual !== currentReplicas) {
        session.error(`error: Expected replicas to be ${currentReplicas}, was ${actual}`);
        return;
      }
      if (resourceVersion !== '' && scale.metadata?.resourceVersion !== resourceVersion) {
        session.error(
          `error: Expected resource version to be ${resourceVersion}, was ${scale.metadata?.resourceVersion ?? ''}`,
        );
        return;
      }
      const body = { ...scale, spec: { ...scale.spec, replicas } };
      const put = session.send(
        buildRequest(input, {
          method: 'PUT',
          path: info.path,
          query: dryRun === 'server' ? [['dryRun', 'All']] : [],
          accept: ACCEPT.typed,
          contentType: CONTENT_TYPE.json,
          body: JSON.stringify(body),
        }),
      );
      if (failed(put)) session.fail(put);
      else session.print(`${ref} scaled${dryRunSuffix(input)}`);
      continue;
    }
    if (dryRun === 'client' && info.subresource === '') session.print(`${ref} scaled (dry run)`);
  }
};

function scaleRequest(
  input: CommandInput,
  type: ResourceType,
  namespace: string,
  name: string,
  replicas: number,
  dryRunServer: boolean,
): HttpRequest {
  return buildRequest(input, {
    method: 'PATCH',
    path: objectPath(type, namespace, name, 'scale'),
    query: dryRunServer ? [['dryRun', 'All']] : [],
    accept: ACCEPT.typed,
    contentType: CONTENT_TYPE.mergePatch,
    body: `{"spec":{"replicas":${replicas}}}`,
  });
}

/** podcmd.AllContainerNames: `a, b, c (init)`. */
function allContainerNames(pod: KubeObject): string {
  const spec = (pod.spec ?? {}) as { containers?: { name?: string }[]; initContainers?: { name?: string }[] };
  return [
    ...(spec.containers ?? []).map((c) => c.name ?? ''),
    ...(spec.initContainers ?? []).map((c) => `${c.name ?? ''} (init)`),
  ].join(', ');
}

/**
 * The container kubectl picks without -c (logsforobject.go, podcmd.FindOrDefaultContainerByName):
 * the `kubectl.kubernetes.io/default-container` annotation, else the first container, announcing
 * the choice when the pod has more than one.
 */
function defaultContainer(pod: KubeObject, session: Session): string | undefined {
  const spec = (pod.spec ?? {}) as { containers?: { name?: string }[]; initContainers?: unknown[] };
  const containers = spec.containers ?? [];
  const annotated = pod.metadata?.annotations?.['kubectl.kubernetes.io/default-container'];
  if (annotated !== undefined && containers.some((c) => c.name === annotated)) return annotated;
  const first = containers[0]?.name;
  if (first !== undefined && (containers.length > 1 || (spec.initContainers ?? []).length > 0)) {
    session.print(`Defaulted container ${JSON.stringify(first)} out of: ${allContainerNames(pod)}`);
  }
  return first;
}

/** logs.go / exec.go: GET the pod, then its log or exec subresource with the container filled in. */
function podStreamHandler(parsed: ParsedKubectl, session: Session): void {
  const [getPod, stream] = parsed.requests();
  if (getPod === undefined || stream === undefined) return;
  const got = session.send(getPod);
  if (failed(got)) {
    session.fail(got);
    return;
  }
  let request = stream;
  if (parsed.input.flags.string('container') === '') {
    const container = defaultContainer(got.response.body as KubeObject, session);
    if (container !== undefined) {
      const [path, query = ''] = stream.path.split('?');
      const params = new URLSearchParams(query);
      params.append('container', container);
      request = { ...stream, path: `${path}?${sortedQuery(params)}` };
    }
  }
  const trace = session.send(request);
  if (failed(trace)) session.fail(trace);
  else session.print(typeof trace.response.body === 'string' ? trace.response.body : trace.kubectlOutput);
}

/** url.Values.Encode order (keys sorted, values in order) with Go's escaping. */
function sortedQuery(params: URLSearchParams): string {
  const keys = [...new Set(params.keys())].sort();
  return keys
    .flatMap((k) =>
      params.getAll(k).map((v) => `${encodeURIComponent(k)}=${encodeURIComponent(v).replace(/%20/g, '+')}`),
    )
    .join('&');
}

/**
 * get.go: tables for each answer. With -w (GetOptions.watch) the watch starts at the list's
 * resourceVersion, but after a single object at "0": "watching from resourceVersion 0, starts the
 * watch at ~now and will return an initial watch event", rather than at the object's own
 * resourceVersion, which may lie outside the watch window.
 */
const getHandler: Handler = (parsed, session) => {
  let resourceVersion: string | undefined;
  let lastFailed = false;
  for (const request of parsed.requests()) {
    const info = resolveRequestInfo(request);
    // get.go watch: r.Infos() fails first (NotFound even with --ignore-not-found), so no watch.
    if (info.verb === 'watch' && lastFailed) break;
    let sent = request;
    if (info.verb === 'watch' && resourceVersion !== undefined) {
      const [path, query = ''] = request.path.split('?');
      const params = new URLSearchParams(query);
      params.set('resourceVersion', resourceVersion);
      sent = { ...request, path: `${path}?${sortedQuery(params)}` };
    }
    const trace = session.send(sent);
    lastFailed = failed(trace);
    if (lastFailed) {
      if (!(parsed.input.flags.bool('ignore-not-found') && trace.response.status === 404))
        session.fail(trace);
      if (info.verb === 'watch' || info.verb === 'get') continue;
      continue;
    }
    const body = trace.response.body as KubeObject | undefined;
    // meta.IsListType: only a list's resourceVersion is carried over; a single object's is not.
    resourceVersion = info.verb === 'list' ? body?.metadata?.resourceVersion : '0';
    const output = parsed.input.flags.string('output');
    if (info.verb !== 'watch' && ['json', 'yaml', 'name'].includes(output) && body !== undefined) {
      session.print(printObject(body, output, parsed.input.flags.bool('show-managed-fields')));
    } else if (info.verb === 'watch' && Array.isArray(trace.response.body)) {
      const type =
        resourceForPath(info.apiGroup, info.apiVersion, info.resource) ?? findResource(info.resource);
      // get.go: "watches started for individual items emit a synthetic ADDED event first", whose
      // output is suppressed (outputObjects=false) because the object was just printed.
      const events = sent.path.includes('resourceVersion=0&')
        ? trace.response.body.slice(1)
        : trace.response.body;
      session.print(renderWatchEvents(events, type, trace.requestInfo, new Date()));
    } else session.print(trace.kubectlOutput);
  }
};

/**
 * The -o json|yaml|name printers (cli-runtime pkg/printers): keys sorted (the objects are
 * unstructured maps), JSON indented by four spaces, managedFields hidden unless asked for; a list
 * prints as a `List` whose items carry their apiVersion and kind.
 */
function printObject(body: KubeObject, output: string, showManagedFields: boolean): string {
  const clean = (o: KubeObject) => (showManagedFields ? o : withoutManagedFields(o));
  const items = Array.isArray(body.items) ? (body.items as KubeObject[]) : undefined;
  const listKind = typeof body.kind === 'string' && body.kind.endsWith('List') ? body.kind.slice(0, -4) : '';
  const value: KubeObject =
    items === undefined
      ? clean(body)
      : {
          apiVersion: 'v1',
          items: items.map((i) => clean({ apiVersion: body.apiVersion, kind: listKind, ...i })),
          kind: 'List',
          metadata: { resourceVersion: '' },
        };
  if (output === 'name') {
    const type = findResource(
      typeof body.kind === 'string' ? (items === undefined ? body.kind : listKind) : '',
    );
    const prefix = type === undefined ? '' : kindRef(type);
    return (items ?? [body]).map((o) => `${prefix}/${o.metadata?.name ?? ''}`).join('\n');
  }
  const sorted = JSON.parse(goJson(value)) as unknown;
  // sigs.k8s.io/yaml (go-yaml v2): YAML 1.1 quoting (timestamps stay strings), sequences not indented.
  return output === 'json'
    ? JSON.stringify(sorted, null, 4)
    : stringifyYaml(sorted, { version: '1.1', indentSeq: false }).trimEnd();
}

/** describe.go: only the header every describer starts with (a simplification, see the module comment). */
const describeHandler: Handler = (parsed, session) => {
  const seen = new Set<string>();
  for (const request of parsed.requests()) {
    const trace = session.send(request);
    if (failed(trace)) {
      if (!seen.has(trace.requestInfo.path)) session.fail(trace);
      seen.add(trace.requestInfo.path);
      continue;
    }
    if (request.headers.Accept !== ACCEPT.typed || trace.requestInfo.resource === 'events') continue;
    const object = trace.response.body as KubeObject;
    const map = (m: Record<string, string> | undefined) =>
      m === undefined || Object.keys(m).length === 0
        ? ['<none>']
        : Object.entries(m).map(([k, v]) => `${k}=${v}`);
    const rows: string[][] = [['Name:', object.metadata?.name ?? '']];
    if (object.metadata?.namespace !== undefined) rows.push(['Namespace:', object.metadata.namespace]);
    for (const [i, l] of map(object.metadata?.labels).entries()) rows.push([i === 0 ? 'Labels:' : '', l]);
    for (const [i, a] of map(object.metadata?.annotations).entries())
      rows.push([i === 0 ? 'Annotations:' : '', a]);
    session.print(alignColumns(rows));
  }
};

/** cani.go: `yes` or `no` (exit code 1) from the review's status.allowed; with --list, the rules table. */
const canIHandler: Handler = (parsed, session) => {
  for (const request of parsed.requests()) {
    const trace = session.send(request);
    if (failed(trace)) {
      session.fail(trace);
      continue;
    }
    const body = trace.response.body as { kind?: string; status?: { allowed?: boolean } } | undefined;
    if (body?.kind === 'SelfSubjectRulesReview') {
      session.print(renderRulesReview((body.status ?? {}) as Parameters<typeof renderRulesReview>[0]));
      continue;
    }
    const status = body?.status;
    if (status?.allowed === true) session.print('yes');
    else {
      session.print('no');
      session.exitCode = 1;
    }
  }
};

/** whoami.go's table: Username, UID, Groups, Extra. */
const whoamiHandler: Handler = (parsed, session) => {
  for (const request of parsed.requests()) {
    const trace = session.send(request);
    if (failed(trace)) {
      session.fail(trace);
      continue;
    }
    const user = ((trace.response.body as { status?: { userInfo?: Record<string, unknown> } } | undefined)
      ?.status?.userInfo ?? {}) as {
      username?: string;
      uid?: string;
      groups?: string[];
      extra?: Record<string, string[]>;
    };
    const rows = [
      ['ATTRIBUTE', 'VALUE'],
      ['Username', user.username ?? ''],
    ];
    if (user.uid) rows.push(['UID', user.uid]);
    if ((user.groups ?? []).length > 0) rows.push(['Groups', `[${(user.groups ?? []).join(' ')}]`]);
    for (const [key, values] of Object.entries(user.extra ?? {}))
      rows.push([`Extra: ${key}`, `[${values.join(' ')}]`]);
    session.print(alignColumns(rows));
  }
};

/** apiversions.go: every group/version, sorted. */
const apiVersionsHandler: Handler = (parsed, session) => {
  for (const request of parsed.requests()) {
    const trace = session.send(request);
    if (failed(trace)) {
      session.fail(trace);
      return;
    }
  }
  session.print(['v1', ...servedGroups().map((g) => `${g.name}/${g.version}`)].sort().join('\n'));
};

/** apiresources.go: NAME SHORTNAMES APIVERSION NAMESPACED KIND, sorted (stably) by group. */
const apiResourcesHandler: Handler = (parsed, session) => {
  for (const request of parsed.requests()) {
    const trace = session.send(request);
    if (failed(trace)) {
      session.fail(trace);
      return;
    }
  }
  const { flags } = parsed.input;
  const groups = [{ name: '', version: 'v1' }, ...servedGroups()];
  const rows: string[][] = flags.bool('no-headers')
    ? []
    : [['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND']];
  for (const g of groups) {
    if (flags.string('api-group') !== '' && flags.string('api-group') !== g.name) continue;
    for (const r of discoveryResources(g.name, g.version)) {
      if (r.name.includes('/')) continue;
      if (flags.has('namespaced') && flags.bool('namespaced') !== r.namespaced) continue;
      const verbs = flags.strings('verbs');
      if (verbs.length > 0 && !verbs.every((v) => r.verbs.includes(v))) continue;
      rows.push([
        r.name,
        (r.shortNames ?? []).join(','),
        g.name === '' ? g.version : `${g.name}/${g.version}`,
        String(r.namespaced),
        r.kind,
      ]);
    }
  }
  session.print(alignColumns(rows));
};

/** version.go: the client's version, kustomize's, then the server's. */
const versionHandler: Handler = (parsed, session) => {
  const lines = ['Client Version: v1.31.0', 'Kustomize Version: v5.4.2'];
  for (const request of parsed.requests()) {
    const trace = session.send(request);
    if (failed(trace)) {
      session.print(lines.join('\n'));
      session.fail(trace);
      return;
    }
    lines.push(`Server Version: ${(trace.response.body as { gitVersion?: string }).gitVersion ?? ''}`);
  }
  session.print(lines.join('\n'));
};

/**
 * patch.go: per object the builder's GET, then the PATCH; `patched`, or `patched (no change)` when
 * the server wrote nothing. A failed GET reaches the visitor as its error (ContinueOnError), so
 * that object is reported and not patched.
 */
const patchHandler: Handler = (parsed, session) => {
  let skipPatch = false;
  for (const request of parsed.requests()) {
    if (request.method === 'PATCH' && skipPatch) continue;
    const trace = session.send(request);
    if (failed(trace)) {
      session.fail(trace);
      skipPatch = request.method === 'GET';
      continue;
    }
    skipPatch = false;
    if (request.method === 'GET') continue;
    const storage = trace.stages.find((s) => s.stage === 'storage');
    const unchanged = storage?.message.id === 'storage.unchanged';
    session.print(
      unchanged ? trace.kubectlOutput.replace(/ patched/, ' patched (no change)') : trace.kubectlOutput,
    );
  }
};

const HANDLERS: Readonly<Record<string, Handler>> = {
  create: createHandler,
  apply: applyHandler,
  replace: replaceHandler,
  edit: editHandler,
  delete: deleteHandler,
  label: metadataMapHandler('labels'),
  annotate: metadataMapHandler('annotations'),
  scale: scaleHandler,
  logs: (parsed, session) => podStreamHandler(parsed, session),
  exec: (parsed, session) => podStreamHandler(parsed, session),
  get: getHandler,
  describe: describeHandler,
  patch: patchHandler,
  'auth can-i': canIHandler,
  'auth whoami': whoamiHandler,
  'api-versions': apiVersionsHandler,
  'api-resources': apiResourcesHandler,
  version: versionHandler,
};
