import { Document, isNode, parseDocument, stringify } from 'yaml';
import type { ServerConfigInput, UserSpec } from '../engine';
import {
  type Lesson,
  MAX_SCENARIO_BYTES,
  type PreparedRequest,
  SCENARIO_API_VERSION,
  SCENARIO_KIND,
  type ScenarioDocument,
  type ScenarioProblem,
} from './format';
import { checkManifests, checkReferences, checkWorld, SCENARIO_SCHEMA } from './parse';
import { type JsonSchema, validateSchema } from './validate-schema';
import { parseYaml, problemAt, rangeAtPath, tooLargeMessage, YAML_OPTIONS } from './yaml-safe';

/** The parts of a scenario the World panel edits, each as its own text. */
export const SOURCE_IDS = ['users', 'rbac', 'objects', 'server', 'requests', 'lesson'] as const;
export type SourceId = (typeof SOURCE_IDS)[number];

/**
 * A scenario split for editing: one text per editor tab (so a broken edit in one keeps its text
 * and the others keep working), plus the header fields no tab edits.
 */
export interface ScenarioSources {
  readonly header: {
    readonly metadata: ScenarioDocument['metadata'];
    readonly defaultUser?: string;
    readonly defaultNamespace?: string;
    /** The lesson's steps, order and translations (the Lesson tab edits only its Markdown). */
    readonly lesson?: Omit<Lesson, 'markdown'>;
  };
  readonly texts: Readonly<Record<SourceId, string>>;
}

export type SourceProblems = Partial<Record<SourceId, readonly ScenarioProblem[]>>;

/** Kinds the RBAC tab holds; every other manifest lives in Objects. */
export const RBAC_KINDS = new Set(['Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding']);

/** Multi-document text → its documents' texts, exactly as written (comments included). */
export function splitDocuments(text: string): string[] {
  return text.split(/^---[ \t]*(?:#.*)?$\n?/m).filter((chunk) => chunk.trim() !== '');
}

export function joinDocuments(chunks: readonly string[]): string {
  return chunks.map((c) => (c.endsWith('\n') ? c : `${c}\n`)).join('---\n');
}

function kindOf(chunk: string): string | undefined {
  return /^kind:\s*["']?([A-Za-z]+)/m.exec(chunk)?.[1];
}

/** Objects text → [non-RBAC objects, RBAC objects]. */
export function splitRbac(objects: string): { objects: string; rbac: string } {
  const chunks = splitDocuments(objects);
  const rbac = chunks.filter((c) => RBAC_KINDS.has(kindOf(c) ?? ''));
  const rest = chunks.filter((c) => !RBAC_KINDS.has(kindOf(c) ?? ''));
  return { objects: joinDocuments(rest), rbac: joinDocuments(rbac) };
}

/** A section of a scenario file as YAML text, keeping its comments when the file text is known. */
function sectionText(file: Document | undefined, key: string, value: unknown): string {
  if (value === undefined) return '';
  const node = file?.getIn(['spec', key], true);
  if (file !== undefined && isNode(node)) {
    const section = new Document();
    section.contents = node;
    return section.toString({ lineWidth: 0 });
  }
  return stringify(value, { lineWidth: 0 });
}

/** A document (and, when known, the file text it came from) → one text per tab. */
export function splitScenario(doc: ScenarioDocument, fileText?: string): ScenarioSources {
  const file = fileText === undefined ? undefined : parseDocument(fileText, YAML_OPTIONS);
  const { objects, rbac } = splitRbac(doc.spec.objects);
  const { markdown: _markdown, ...guided } = doc.spec.lesson ?? { markdown: '' };
  return {
    header: {
      metadata: doc.metadata,
      ...(doc.spec.defaultUser === undefined ? {} : { defaultUser: doc.spec.defaultUser }),
      ...(doc.spec.defaultNamespace === undefined ? {} : { defaultNamespace: doc.spec.defaultNamespace }),
      ...(Object.keys(guided).length === 0 ? {} : { lesson: guided }),
    },
    texts: {
      users: sectionText(file, 'users', doc.spec.users),
      server: sectionText(file, 'server', doc.spec.server),
      requests: sectionText(file, 'requests', doc.spec.requests),
      objects,
      rbac,
      lesson: doc.spec.lesson?.markdown ?? '',
    },
  };
}

const SUBSCHEMA = (name: string): JsonSchema => ({
  $defs: SCENARIO_SCHEMA.$defs ?? {},
  $ref: `#/$defs/${name}`,
});

/** One YAML section against its part of the schema; problems located in that section's text. */
function parseSection<T>(
  id: SourceId,
  text: string,
  schemaName: string,
  empty: T,
): { value?: T; problems: ScenarioProblem[] } {
  if (text.trim() === '') return { value: empty, problems: [] };
  const parsed = parseYaml(text);
  if (!parsed.ok) return { problems: [...parsed.problems] };
  const { doc, lines, value } = parsed.value;
  if (value === null || value === undefined) return { value: empty, problems: [] };
  const errors = validateSchema(SUBSCHEMA(schemaName), value, ['spec', id]);
  if (errors.length > 0)
    return {
      problems: errors.slice(0, 20).map((e) => problemAt(lines, e.message, rangeAtPath(doc, e.path))),
    };
  return { value: value as T, problems: [] };
}

export interface Assembled {
  /** Undefined when any part is broken; the problems say where. */
  readonly document?: ScenarioDocument;
  readonly problems: SourceProblems;
}

/** The tabs' texts → one ScenarioDocument, checked as parseScenario checks a file. Never throws. */
export function assembleScenario(sources: ScenarioSources): Assembled {
  const problems: Record<string, ScenarioProblem[]> = {};
  const total = Object.values(sources.texts).reduce((n, t) => n + t.length, 0);
  if (total > MAX_SCENARIO_BYTES) return { problems: { objects: [{ message: tooLargeMessage() }] } };
  const users = parseSection<UserSpec[]>('users', sources.texts.users, 'users', []);
  const server = parseSection<ServerConfigInput | undefined>(
    'server',
    sources.texts.server,
    'server',
    undefined,
  );
  const requests = parseSection<PreparedRequest[]>('requests', sources.texts.requests, 'requests', []);
  const objects = checkManifests(sources.texts.objects);
  const rbac = checkManifests(sources.texts.rbac);
  if (users.problems.length > 0) problems.users = users.problems;
  if (server.problems.length > 0) problems.server = server.problems;
  if (requests.problems.length > 0) problems.requests = requests.problems;
  if (!objects.ok) problems.objects = [...objects.problems];
  if (!rbac.ok) problems.rbac = [...rbac.problems];
  if (Object.keys(problems).length > 0) return { problems };

  const objectsText = joinDocuments([
    ...splitDocuments(sources.texts.objects),
    ...splitDocuments(sources.texts.rbac),
  ]);
  const document: ScenarioDocument = {
    apiVersion: SCENARIO_API_VERSION,
    kind: SCENARIO_KIND,
    metadata: sources.header.metadata,
    spec: {
      ...(sources.header.defaultUser === undefined ? {} : { defaultUser: sources.header.defaultUser }),
      ...(sources.header.defaultNamespace === undefined
        ? {}
        : { defaultNamespace: sources.header.defaultNamespace }),
      ...(server.value === undefined ? {} : { server: server.value }),
      users: users.value ?? [],
      objects: objectsText,
      requests: requests.value ?? [],
      ...(sources.texts.lesson.trim() === '' && sources.header.lesson === undefined
        ? {}
        : { lesson: { ...sources.header.lesson, markdown: sources.texts.lesson } }),
    },
  };
  for (const ref of checkReferences(document)) {
    if (ref.path[1] === 'lesson') {
      problems.lesson = [...(problems.lesson ?? []), { message: ref.message }];
      continue;
    }
    const id: SourceId = ref.path[1] === 'requests' ? 'requests' : 'users';
    const section = parseYaml(sources.texts[id]);
    const range = section.ok ? rangeAtPath(section.value.doc, ref.path.slice(2)) : undefined;
    const located = section.ok
      ? problemAt(section.value.lines, ref.message, range)
      : { message: ref.message };
    problems[id] = [...(problems[id] ?? []), located];
  }
  if (Object.keys(problems).length > 0) return { problems };
  const world = checkWorld(document);
  if (!world.ok) return { problems: { objects: [...world.problems] } };
  return { document, problems: {} };
}
