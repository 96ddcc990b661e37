/** Pieces of the lines kubectl prints after a write: resource names, the dry-run suffix, objects as shown. */
import type { ResourceType } from '../../resources';
import type { KubeObject } from '../../types';
import type { CommandInput } from '../context';
import { dryRunStrategy } from '../flags';

/** `pod`, `deployment.apps`: the name printer's resource prefix. */
export function kindRef(type: ResourceType): string {
  const kind = type.kind.toLowerCase();
  return type.group === '' ? kind : `${kind}.${type.group}`;
}

/** `pods`, `deployments.apps`: schema.GroupResource.String(). */
export function groupResource(type: ResourceType): string {
  return type.group === '' ? type.resource : `${type.resource}.${type.group}`;
}

export function dryRunSuffix(input: CommandInput): string {
  const strategy = dryRunStrategy(input.flags);
  if (strategy === 'server') return ' (server dry run)';
  return strategy === 'client' ? ' (dry run)' : '';
}

export function withoutManagedFields(object: KubeObject): KubeObject {
  const { managedFields: _m, ...meta } = object.metadata ?? {};
  return { ...object, metadata: meta };
}
