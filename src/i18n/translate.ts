import type { Catalog, MessageKey } from './en';

export type MessageValues = Readonly<Record<string, string | number>>;

/**
 * Looks a key up and fills `{name}` placeholders. Keys built at run time (an engine message id,
 * an example id) may be missing from the catalog: the key itself is shown rather than crashing,
 * which also makes a missing translation easy to spot.
 */
export type Translate = (key: MessageKey | (string & {}), values?: MessageValues) => string;

export function createTranslator(catalog: Catalog): Translate {
  const table: Readonly<Record<string, string>> = catalog;
  return (key, values) => {
    const template = Object.hasOwn(table, key) ? table[key] : undefined;
    if (template === undefined) return key;
    if (values === undefined) return template;
    return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
      Object.hasOwn(values, name) ? String(values[name]) : whole,
    );
  };
}

/** Whether the catalog has a key (for optional, per-id strings such as example labels). */
export function hasMessage(catalog: Catalog, key: string): boolean {
  return Object.hasOwn(catalog, key);
}
