/**
 * A small line diff (longest common subsequence) for showing what a mutating admission step
 * changed. Pure and framework-free: strings in, tagged lines out. Objects the inspector compares
 * are a few hundred lines at most; the common prefix and suffix are trimmed before the O(n·m)
 * table, and past MAX_CELLS the middle is shown as removed-then-added rather than spending time.
 */

export type DiffLineKind = 'same' | 'added' | 'removed';

export interface DiffLine {
  readonly kind: DiffLineKind;
  readonly text: string;
}

/** A run of unchanged lines left out of a compact diff. */
export interface DiffGap {
  readonly kind: 'gap';
  readonly count: number;
}

export type CompactDiffItem = DiffLine | DiffGap;

/** Above this many table cells the middle section is not aligned line by line. */
export const MAX_CELLS = 4_000_000;

/** The lines of `before` and `after` in order, each kept, removed or added; removals come first. */
export function diffLines(before: readonly string[], after: readonly string[]): DiffLine[] {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let endA = before.length;
  let endB = after.length;
  while (endA > start && endB > start && before[endA - 1] === after[endB - 1]) {
    endA--;
    endB--;
  }
  const head = before.slice(0, start).map((text): DiffLine => ({ kind: 'same', text }));
  const tail = before.slice(endA).map((text): DiffLine => ({ kind: 'same', text }));
  return [...head, ...diffMiddle(before.slice(start, endA), after.slice(start, endB)), ...tail];
}

function diffMiddle(a: readonly string[], b: readonly string[]): DiffLine[] {
  const removed = a.map((text): DiffLine => ({ kind: 'removed', text }));
  const added = b.map((text): DiffLine => ({ kind: 'added', text }));
  if (a.length === 0 || b.length === 0 || a.length * b.length > MAX_CELLS) return [...removed, ...added];

  // lcs[i * w + j]: length of the LCS of a[i..] and b[j..].
  const w = b.length + 1;
  const lcs = new Uint32Array((a.length + 1) * w);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i * w + j] =
        a[i] === b[j]
          ? (lcs[(i + 1) * w + j + 1] ?? 0) + 1
          : Math.max(lcs[(i + 1) * w + j] ?? 0, lcs[i * w + j + 1] ?? 0);
    }
  }
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      out.push({ kind: 'same', text: a[i] as string });
      i++;
      j++;
    } else if ((lcs[(i + 1) * w + j] ?? 0) >= (lcs[i * w + j + 1] ?? 0)) {
      out.push({ kind: 'removed', text: a[i] as string });
      i++;
    } else {
      out.push({ kind: 'added', text: b[j] as string });
      j++;
    }
  }
  for (; i < a.length; i++) out.push({ kind: 'removed', text: a[i] as string });
  for (; j < b.length; j++) out.push({ kind: 'added', text: b[j] as string });
  return out;
}

/** Splits both texts on newlines (a trailing newline adds no empty line) and diffs them. */
export function diffText(before: string, after: string): DiffLine[] {
  return diffLines(splitLines(before), splitLines(after));
}

function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

/**
 * Keeps `context` unchanged lines around each change and folds longer unchanged runs into a gap,
 * as `diff -U<context>` does. With no change at all the result is empty.
 */
export function compactDiff(lines: readonly DiffLine[], context = 3): CompactDiffItem[] {
  const changed = lines.map((line) => line.kind !== 'same');
  if (!changed.includes(true)) return [];
  const keep = lines.map((_, index) => {
    for (let k = Math.max(0, index - context); k <= Math.min(lines.length - 1, index + context); k++) {
      if (changed[k]) return true;
    }
    return false;
  });
  const out: CompactDiffItem[] = [];
  let gap = 0;
  for (const [index, line] of lines.entries()) {
    if (keep[index]) {
      if (gap > 0) out.push({ kind: 'gap', count: gap });
      gap = 0;
      out.push(line);
    } else {
      gap++;
    }
  }
  if (gap > 0) out.push({ kind: 'gap', count: gap });
  return out;
}

/** How many lines were added and removed. */
export function countChanges(lines: readonly DiffLine[]): {
  readonly added: number;
  readonly removed: number;
} {
  let added = 0;
  let removed = 0;
  for (const line of lines) {
    if (line.kind === 'added') added++;
    else if (line.kind === 'removed') removed++;
  }
  return { added, removed };
}
