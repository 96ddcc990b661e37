/** What the schema validation stage records. */
import type { StatusCause } from './status';

export interface ValidationDetails {
  readonly causes: readonly StatusCause[];
  /** False when the OpenAPI schemas were still loading: only the hand-modelled checks ran. */
  readonly schemaChecked?: boolean;
}
