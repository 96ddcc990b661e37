/**
 * Comparing two revisions of one etcd key: which revisions to offer, which pair to start with,
 * and the line diff of their YAML. The diff itself is src/ui/diff/line-diff.ts; the YAML printer
 * is passed in, so this stays pure (the panel loads `yaml` lazily).
 */
import type { EtcdRevision, KubeObject } from '../../../engine';
import { type CompactDiffItem, compactDiff, countChanges, diffText } from '../../diff/line-diff';

export type PrintValue = (value: KubeObject) => string;

/** A revision's text: the value printed, or nothing for a delete (an etcd tombstone). */
export function revisionText(revision: EtcdRevision | undefined, print: PrintValue): string {
  return revision?.value == null ? '' : print(revision.value);
}

/** The pair a key's history opens on: the write before the last, and the last. */
export function defaultDiffPair(
  history: readonly EtcdRevision[],
): { readonly from: number; readonly to: number } | undefined {
  if (history.length < 2) return undefined;
  const to = history[history.length - 1] as EtcdRevision;
  const from = history[history.length - 2] as EtcdRevision;
  return { from: from.revision, to: to.revision };
}

export interface RevisionDiff {
  readonly items: readonly CompactDiffItem[];
  readonly added: number;
  readonly removed: number;
  /** True when the two revisions hold the same value. */
  readonly unchanged: boolean;
}

/** The diff between two revisions of a key's history (by revision number). */
export function diffRevisions(
  history: readonly EtcdRevision[],
  from: number,
  to: number,
  print: PrintValue,
  context = 3,
): RevisionDiff {
  const before = revisionText(
    history.find((h) => h.revision === from),
    print,
  );
  const after = revisionText(
    history.find((h) => h.revision === to),
    print,
  );
  const lines = diffText(before, after);
  const { added, removed } = countChanges(lines);
  return { items: compactDiff(lines, context), added, removed, unchanged: added === 0 && removed === 0 };
}

/** JSON, two-space indented: the printer used until the YAML printer has loaded. */
export const printJson: PrintValue = (value) => JSON.stringify(value, null, 2);
