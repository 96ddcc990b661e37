import { findResource, type ResourceType, storageKey } from '../resources';
import type { KubeObject, ObjectReader } from '../types';

/** Small helpers the in-tree plugins share. */

export type Obj = Record<string, unknown>;

export function isObj(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function asObj(value: unknown): Obj {
  return isObj(value) ? value : {};
}

export function objArray(value: unknown): Obj[] {
  return Array.isArray(value) ? value.filter(isObj) : [];
}

export function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

export function resourceType(name: string): ResourceType {
  const type = findResource(name);
  if (type === undefined) throw new Error(`resource ${name} is not registered`);
  return type;
}

/** The objects of one resource in one namespace (or cluster-wide for cluster-scoped ones). */
export function listIn(objects: ObjectReader, resource: string, namespace = ''): KubeObject[] {
  return objects.list(storageKey(resourceType(resource), namespace));
}

export function getObject(
  objects: ObjectReader,
  resource: string,
  namespace: string,
  name: string,
): KubeObject | undefined {
  return objects.get(storageKey(resourceType(resource), namespace, name));
}

/** Go's %q of a list of names, joined the way pod-security-admission's joinQuote does. */
export function joinQuote(items: readonly string[]): string {
  return items.map((i) => JSON.stringify(i)).join(', ');
}

export function deepClone<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

/** `JSON.stringify(a) === JSON.stringify(b)`, without writing either out. */
export { sameJson } from './diff';
