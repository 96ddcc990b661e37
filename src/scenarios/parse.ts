import { ClusterSpecError, createCluster } from '../engine';
import {
  fail,
  type Result,
  SCENARIO_API_VERSION,
  SCENARIO_KIND,
  type ScenarioDocument,
  type ScenarioProblem,
} from './format';
import { migrateScenario } from './migrations';
import { toClusterSpec } from './runtime';
import schema from './schema.json';
import { formatPath, type JsonSchema, validateSchema } from './validate-schema';
import { type ParsedManifest, parseManifests, parseYaml, problemAt, rangeAtPath } from './yaml-safe';

export const SCENARIO_SCHEMA = schema as unknown as JsonSchema;

/** The engine's ClusterSpecError wording without its `objects: ` prefix. */
function engineMessage(error: ClusterSpecError): string {
  return error.message.replace(/^objects: /, '');
}

/**
 * Checks manifests the way the apiserver would meet them when seeding etcd: each must name an
 * apiVersion, a kind the server serves (otherwise kubectl's "no matches for kind") and a name.
 * Problems are located at the offending document.
 */
export function checkManifests(text: string): Result<readonly ParsedManifest[]> {
  const parsed = parseManifests(text);
  if (!parsed.ok) return parsed;
  const { manifests, lines } = parsed.value;
  const problems: ScenarioProblem[] = [];
  for (const manifest of manifests) {
    const { object, doc } = manifest;
    const kind = object.kind;
    const apiVersion = object.apiVersion;
    if (typeof apiVersion !== 'string' || apiVersion === '') {
      problems.push(problemAt(lines, "Object 'apiVersion' is missing", rangeAtPath(doc, ['apiVersion'])));
      continue;
    }
    if (typeof kind !== 'string' || kind === '') {
      problems.push(problemAt(lines, "Object 'Kind' is missing", rangeAtPath(doc, ['kind'])));
      continue;
    }
    try {
      createCluster({ objects: [object] });
    } catch (error) {
      if (!(error instanceof ClusterSpecError)) throw error;
      const message = engineMessage(error);
      const path = message.startsWith('no matches') ? ['kind'] : ['metadata', 'name'];
      problems.push(problemAt(lines, message, rangeAtPath(doc, path)));
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: manifests };
}

/** Cross-field checks the schema cannot express: requests and the default user name real users. */
export function checkReferences(doc: ScenarioDocument): { path: (string | number)[]; message: string }[] {
  const names = new Set(doc.spec.users.map((u) => u.name));
  const out: { path: (string | number)[]; message: string }[] = [];
  const seen = new Set<string>();
  doc.spec.users.forEach((u, i) => {
    if (seen.has(u.name))
      out.push({
        path: ['spec', 'users', i, 'name'],
        message: `spec.users[${i}].name: Duplicate value: "${u.name}"`,
      });
    seen.add(u.name);
  });
  if (doc.spec.defaultUser !== undefined && !names.has(doc.spec.defaultUser))
    out.push({
      path: ['spec', 'defaultUser'],
      message: `spec.defaultUser: Not found: "${doc.spec.defaultUser}"`,
    });
  const ids = new Set<string>();
  doc.spec.requests.forEach((r, i) => {
    if (!names.has(r.user))
      out.push({
        path: ['spec', 'requests', i, 'user'],
        message: `spec.requests[${i}].user: Not found: "${r.user}"`,
      });
    if (ids.has(r.id))
      out.push({
        path: ['spec', 'requests', i, 'id'],
        message: `spec.requests[${i}].id: Duplicate value: "${r.id}"`,
      });
    ids.add(r.id);
  });
  out.push(...checkLessonReferences(doc, names));
  return out;
}

/** A lesson's steps name real requests and users; a prediction needs a request that promises a stage. */
function checkLessonReferences(
  doc: ScenarioDocument,
  names: ReadonlySet<string>,
): { path: (string | number)[]; message: string }[] {
  const out: { path: (string | number)[]; message: string }[] = [];
  const requests = new Map(doc.spec.requests.map((r) => [r.id, r]));
  const seen = new Set<string>();
  const user = (path: (string | number)[], name: string) => {
    if (!names.has(name)) out.push({ path, message: `${formatPath(path)}: Not found: "${name}"` });
  };
  (doc.spec.lesson?.steps ?? []).forEach((step, i) => {
    const at = ['spec', 'lesson', 'steps', i];
    if (seen.has(step.id))
      out.push({
        path: [...at, 'id'],
        message: `${formatPath([...at, 'id'])}: Duplicate value: "${step.id}"`,
      });
    seen.add(step.id);
    const request = step.request === undefined ? undefined : requests.get(step.request);
    if (step.request !== undefined && request === undefined)
      out.push({
        path: [...at, 'request'],
        message: `${formatPath([...at, 'request'])}: Not found: "${step.request}"`,
      });
    if (step.predict === true && request?.expect?.stoppedAt === undefined)
      out.push({
        path: [...at, 'predict'],
        message: `${formatPath([...at, 'predict'])}: Invalid value: true: a prediction needs a request whose expect has status and stoppedAt`,
      });
    if (step.task !== undefined) {
      user([...at, 'task', 'check', 'user'], step.task.check.user);
      if (step.task.solution !== undefined)
        user([...at, 'task', 'solution', 'user'], step.task.solution.user);
    }
  });
  // A translation names only requests and steps the lesson has (a renamed step leaves none behind).
  const steps = new Map((doc.spec.lesson?.steps ?? []).map((s) => [s.id, s]));
  for (const [language, tr] of Object.entries(doc.spec.lesson?.translations ?? {})) {
    const at = ['spec', 'lesson', 'translations', language];
    const stale = (path: (string | number)[], id: string) =>
      out.push({ path, message: `${formatPath(path)}: Not found: "${id}"` });
    for (const id of Object.keys(tr?.requests ?? {}))
      if (!requests.has(id)) stale([...at, 'requests', id], id);
    for (const [id, texts] of Object.entries(tr?.steps ?? {})) {
      const step = steps.get(id);
      if (step === undefined) stale([...at, 'steps', id], id);
      else if (texts.goal !== undefined && step.task === undefined)
        out.push({
          path: [...at, 'steps', id, 'goal'],
          message: `${formatPath([...at, 'steps', id, 'goal'])}: Invalid value: the step has no task`,
        });
    }
  }
  return out;
}

/**
 * A scenario file (YAML text) → a ScenarioDocument, or every problem located by line and column:
 * YAML errors, schema errors (at the offending field), unknown kinds in `spec.objects` (at the
 * document inside the block), and anything else the engine refuses. Never throws.
 */
export function parseScenario(text: string): Result<ScenarioDocument> {
  const parsed = parseYaml(text);
  if (!parsed.ok) return parsed;
  const { doc, lines } = parsed.value;
  const { value } = migrateScenario(parsed.value.value);
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return fail(
      problemAt(
        lines,
        `a scenario must be a mapping with apiVersion: ${SCENARIO_API_VERSION} and kind: ${SCENARIO_KIND}`,
        doc.contents?.range ?? undefined,
      ),
    );
  const record = value as Record<string, unknown>;
  if (record.kind !== undefined && record.kind !== SCENARIO_KIND) {
    return fail(
      problemAt(
        lines,
        `no matches for kind "${String(record.kind)}" in version "${String(record.apiVersion)}"`,
        rangeAtPath(doc, ['kind']),
        'kind',
      ),
    );
  }
  if (record.apiVersion !== undefined && record.apiVersion !== SCENARIO_API_VERSION) {
    return fail(
      problemAt(
        lines,
        `no matches for kind "${SCENARIO_KIND}" in version "${String(record.apiVersion)}"`,
        rangeAtPath(doc, ['apiVersion']),
        'apiVersion',
      ),
    );
  }
  const schemaErrors = validateSchema(SCENARIO_SCHEMA, value);
  if (schemaErrors.length > 0) {
    return {
      ok: false,
      problems: schemaErrors
        .slice(0, 20)
        .map((e) => problemAt(lines, e.message, rangeAtPath(doc, e.path), formatPath(e.path))),
    };
  }
  const scenario = value as ScenarioDocument;
  const references = checkReferences(scenario);
  if (references.length > 0) {
    return {
      ok: false,
      problems: references.map((e) =>
        problemAt(lines, e.message, rangeAtPath(doc, e.path), formatPath(e.path)),
      ),
    };
  }
  const objects = checkManifests(scenario.spec.objects);
  if (!objects.ok) {
    // Re-locate problems from inside the `objects: |` block to lines of the whole file.
    const block = rangeAtPath(doc, ['spec', 'objects']);
    const blockLine = block === undefined ? 0 : lines.linePos(block[0]).line;
    return {
      ok: false,
      problems: objects.problems.map((p) => ({
        message: `spec.objects: ${p.message}`,
        path: 'spec.objects',
        ...(p.position === undefined
          ? {}
          : { position: { line: blockLine + p.position.line, column: p.position.column } }),
      })),
    };
  }
  const world = checkWorld(scenario);
  if (!world.ok) return world;
  return { ok: true, value: scenario };
}

/** Builds the world once: whatever else the engine refuses (ClusterSpecError) becomes a problem. */
export function checkWorld(doc: ScenarioDocument): Result<ScenarioDocument> {
  try {
    createCluster(toClusterSpec(doc));
    return { ok: true, value: doc };
  } catch (error) {
    if (error instanceof ClusterSpecError) return fail({ message: engineMessage(error), path: 'spec' });
    return fail({ message: error instanceof Error ? error.message : String(error), path: 'spec' });
  }
}
