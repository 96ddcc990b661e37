import { STARTER_BUILT_IN } from './registry';
import type { Scenario } from './runtime';

export type { ExampleRequest, Scenario } from './runtime';

/** The world a newcomer lands in (src/scenarios/starter.scenario.yaml): a 201, a 403, a 401 and a 422. */
export const STARTER: Scenario = STARTER_BUILT_IN.scenario;

/** The starter's file text, as shipped. */
export const STARTER_TEXT: string = STARTER_BUILT_IN.text;
