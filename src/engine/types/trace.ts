/** The pipeline's stages, each stage's verdict, and the Trace of one request: the engine's contract with the UI. */
import type { HttpRequest, HttpResponse, RequestInfo } from './request';

/** The stages of the request pipeline, in the order they run. */
export type StageName =
  | 'authentication'
  | 'authorization'
  | 'decoding'
  | 'mutatingAdmission'
  | 'schemaValidation'
  | 'validatingAdmission'
  | 'storage';

export const STAGES: readonly StageName[] = [
  'authentication',
  'authorization',
  'decoding',
  'mutatingAdmission',
  'schemaValidation',
  'validatingAdmission',
  'storage',
];

export type StageOutcome = 'passed' | 'failed' | 'skipped';

/** A message the UI can translate: an id in the engine catalog plus its values. */
export interface EngineMessage {
  readonly id: string;
  readonly values?: Readonly<Record<string, string | number>>;
}

/** One stage's verdict. `summary` is the English rendering of `message`. */
export interface StageResult<D = unknown> {
  readonly stage: StageName;
  readonly outcome: StageOutcome;
  readonly summary: string;
  readonly message: EngineMessage;
  /** Stage-specific facts (see the *Details types); shown raw in the inspector. */
  readonly details?: D;
}

/** Everything one request did: the contract between the engine and the UI. */
export interface Trace {
  readonly request: HttpRequest;
  readonly requestInfo: RequestInfo;
  readonly stages: readonly StageResult[];
  readonly response: HttpResponse;
  /** How kubectl would print this response (`pod/nginx created`, `Error from server (Forbidden): …`). */
  readonly kubectlOutput: string;
}
