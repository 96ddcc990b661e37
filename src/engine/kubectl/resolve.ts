/**
 * Resource arguments as cli-runtime's builder reads them (staging/src/k8s.io/cli-runtime/pkg/resource/builder.go
 * ResourceTypeOrNameArgs): `TYPE`, `TYPE NAME…`, `TYPE1,TYPE2 NAME`, or `TYPE/NAME…`. Types resolve through
 * the RESTMapper: plural, singular, short name or kind, optionally `.group`.
 */
import { findResource, type ResourceType, resourcePath } from '../resources';
import { KubectlError, NO_RESOURCES_MESSAGE } from './errors';

export interface ResourceSelection {
  readonly type: ResourceType;
  /** Named objects; empty means "the collection" (a list, or a selector-based operation). */
  readonly names: readonly string[];
}

/** The RESTMapper lookup; unknown types fail with kubectl's message. */
export function resolveType(arg: string): ResourceType {
  const type = findResource(arg);
  if (type === undefined) throw new KubectlError(`error: the server doesn't have a resource type "${arg}"`);
  return type;
}

/** Reads `TYPE NAME…` / `TYPE/NAME…` arguments. Throws if there are none. */
export function parseResourceArgs(args: readonly string[]): ResourceSelection[] {
  if (args.length === 0) throw new KubectlError(NO_RESOURCES_MESSAGE);
  const first = args[0] as string;
  if (first.includes('/')) {
    return args.map((arg) => {
      const slash = arg.indexOf('/');
      if (slash === -1) {
        throw new KubectlError(
          "error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'",
        );
      }
      const typeArg = arg.slice(0, slash);
      const name = arg.slice(slash + 1);
      if (typeArg === '' || name === '' || name.includes('/')) {
        throw new KubectlError(`error: arguments in resource/name form must have a single resource and name`);
      }
      return { type: resolveType(typeArg), names: [name] };
    });
  }
  if (args.slice(1).some((a) => a.includes('/'))) {
    throw new KubectlError(
      "error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'",
    );
  }
  const types = first
    .split(',')
    .filter((t) => t !== '')
    .map(resolveType);
  return types.map((type) => ({ type, names: args.slice(1) }));
}

/** The builder's check for commands that need a name, a selector or --all (allowEmptySelector false). */
export function requireNames(selections: readonly ResourceSelection[]): void {
  if (selections.some((s) => s.names.length === 0)) {
    throw new KubectlError('error: resource(s) were provided, but no name was specified');
  }
}

/** The namespace a request for `type` goes to: cluster-scoped resources ignore it. */
export function namespaceFor(type: ResourceType, namespace: string): string {
  return type.namespaced ? namespace : '';
}

/** Path of an object or collection, with an optional subresource. */
export function objectPath(
  type: ResourceType,
  namespace: string,
  name?: string,
  subresource?: string,
): string {
  const base = resourcePath(type, namespaceFor(type, namespace), name);
  return subresource === undefined ? base : `${base}/${subresource}`;
}
