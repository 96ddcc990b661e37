import type { ClusterSpec } from '../engine';
import type { ScenarioDocument } from './format';

/** A request the composer offers as a one-click example, with the outcome it demonstrates. */
export interface ExampleRequest {
  readonly id: string;
  readonly title?: string;
  readonly user: string;
  readonly command: string;
  /** Files the command reads with `-f`. */
  readonly files?: Readonly<Record<string, string>>;
  /** The HTTP status this example ends with on a fresh world (checked by tests). */
  readonly expectedStatus?: number;
}

/** A scenario as the store runs it: the engine's ClusterSpec plus the composer's examples. */
export interface Scenario {
  readonly id: string;
  readonly cluster: ClusterSpec;
  readonly examples: readonly ExampleRequest[];
  readonly defaultUser: string;
  readonly defaultNamespace: string;
  /** The file it came from. */
  readonly document: ScenarioDocument;
}

/** The engine's input for a scenario; `seed` fixed so uids repeat on every replay. */
export function toClusterSpec(doc: ScenarioDocument, extra: Pick<ClusterSpec, 'now'> = {}): ClusterSpec {
  return {
    objects: doc.spec.objects,
    users: doc.spec.users,
    ...(doc.spec.server === undefined ? {} : { config: doc.spec.server }),
    seed: 1,
    ...extra,
  };
}

export function toRuntimeScenario(doc: ScenarioDocument): Scenario {
  return {
    id: doc.metadata.name,
    document: doc,
    cluster: toClusterSpec(doc),
    defaultUser: doc.spec.defaultUser ?? doc.spec.users[0]?.name ?? 'anonymous',
    defaultNamespace: doc.spec.defaultNamespace ?? 'default',
    examples: doc.spec.requests.map((r) => ({
      id: r.id,
      user: r.user,
      command: r.command,
      ...(r.title === undefined ? {} : { title: r.title }),
      ...(r.files === undefined ? {} : { files: r.files }),
      ...(r.expect === undefined ? {} : { expectedStatus: r.expect.status }),
    })),
  };
}
