/// <reference types="vite/client" />
import admissionBasicsYaml from './lessons/admission-basics.scenario.yaml?raw';
import rbacBasicsYaml from './lessons/rbac-basics.scenario.yaml?raw';
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
function load(text: string): BuiltInScenario {
  const parsed = parseScenario(text);
  if (!parsed.ok)
    throw new Error(`built-in scenario is invalid: ${parsed.problems.map((p) => p.message).join('; ')}`);
  return { id: parsed.value.metadata.name, text, scenario: toRuntimeScenario(parsed.value) };
}

/** Every built-in scenario and lesson: each is a file, and each is played by a test. */
export const BUILT_IN_SCENARIOS: readonly BuiltInScenario[] = [
  load(starterYaml),
  load(rbacBasicsYaml),
  load(admissionBasicsYaml),
];

export function builtInScenario(id: string): BuiltInScenario | undefined {
  return BUILT_IN_SCENARIOS.find((s) => s.id === id);
}
