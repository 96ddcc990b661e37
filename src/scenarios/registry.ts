/// <reference types="vite/client" />
import { LESSON_INDEX } from './lesson-index';
import { parseScenario } from './parse';
import { type Scenario, toRuntimeScenario } from './runtime';
import starterYaml from './starter.scenario.yaml?raw';

/** A scenario shipped with the app: its file text and the runtime view of it. */
export interface BuiltInScenario {
  readonly id: string;
  /** The YAML file, as shipped ("reset to lesson" goes back to this). */
  readonly text: string;
  readonly scenario: Scenario;
}

/** Built-in files are checked by tests; a broken one is a bug, so this throws. */
export function loadBuiltInText(text: string): BuiltInScenario {
  const parsed = parseScenario(text);
  if (!parsed.ok)
    throw new Error(`built-in scenario is invalid: ${parsed.problems.map((p) => p.message).join('; ')}`);
  return { id: parsed.value.metadata.name, text, scenario: toRuntimeScenario(parsed.value) };
}

/** The starter world ships in the entry chunk: the app opens on it. */
export const STARTER_BUILT_IN: BuiltInScenario = loadBuiltInText(starterYaml);

/**
 * Lesson files, each its own lazy chunk (fetched when the lesson is opened), keyed by id (the
 * file name without `.scenario.yaml`, which is also its metadata.name; a test holds them equal).
 */
const LESSON_FILES: Readonly<Record<string, () => Promise<string>>> = Object.fromEntries(
  Object.entries(
    import.meta.glob<string>('./lessons/*.scenario.yaml', { query: '?raw', import: 'default' }),
  ).map(([path, load]) => [path.replace(/^.*\//, '').replace(/\.scenario\.yaml$/, ''), load]),
);

/** Ids of every built-in lesson file. */
export const LESSON_FILE_IDS: readonly string[] = Object.keys(LESSON_FILES).sort();

/** Every built-in id: the starter, then the lessons in course order. */
export const BUILT_IN_IDS: readonly string[] = [STARTER_BUILT_IN.id, ...LESSON_INDEX.map((e) => e.id)];

const loaded = new Map<string, BuiltInScenario>([[STARTER_BUILT_IN.id, STARTER_BUILT_IN]]);

export function isBuiltInId(id: string): boolean {
  return id === STARTER_BUILT_IN.id || LESSON_FILES[id] !== undefined;
}

/** A built-in scenario already loaded (the starter always is), or undefined. */
export function builtInScenario(id: string): BuiltInScenario | undefined {
  return loaded.get(id);
}

/** A built-in scenario, its file fetched on first use; undefined for an unknown id. */
export async function loadBuiltInScenario(id: string): Promise<BuiltInScenario | undefined> {
  const cached = loaded.get(id);
  if (cached !== undefined) return cached;
  const file = LESSON_FILES[id];
  if (file === undefined) return undefined;
  const lesson = loadBuiltInText(await file());
  loaded.set(id, lesson);
  return lesson;
}

/** Every built-in scenario and lesson (tests play each one). */
export async function loadAllBuiltInScenarios(): Promise<BuiltInScenario[]> {
  const ids = [STARTER_BUILT_IN.id, ...LESSON_FILE_IDS];
  const all = await Promise.all(ids.map((id) => loadBuiltInScenario(id)));
  return all.filter((s): s is BuiltInScenario => s !== undefined);
}
