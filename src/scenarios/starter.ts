import { BUILT_IN_SCENARIOS } from './registry';
import type { Scenario } from './runtime';

export type { ExampleRequest, Scenario } from './runtime';

/** The world a newcomer lands in (src/scenarios/starter.scenario.yaml): a 201, a 403, a 401 and a 422. */
export const STARTER: Scenario = (BUILT_IN_SCENARIOS[0] as (typeof BUILT_IN_SCENARIOS)[number]).scenario;

/** The starter's file text, as shipped. */
export const STARTER_TEXT: string = (BUILT_IN_SCENARIOS[0] as (typeof BUILT_IN_SCENARIOS)[number]).text;
