import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compactDiff,
  countChanges,
  type DiffLine,
  diffLines,
  diffText,
  MAX_CELLS,
} from '../../../src/ui/diff/line-diff';

const side = (lines: readonly DiffLine[], keep: 'removed' | 'added') =>
  lines.filter((l) => l.kind === 'same' || l.kind === keep).map((l) => l.text);

/** Length of the longest common subsequence, the slow and obvious way. */
function lcsLength(a: readonly string[], b: readonly string[]): number {
  const table = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = table[i] as number[];
      row[j] =
        a[i - 1] === b[j - 1]
          ? ((table[i - 1] as number[])[j - 1] as number) + 1
          : Math.max((table[i - 1] as number[])[j] as number, row[j - 1] as number);
    }
  }
  return (table[a.length] as number[])[b.length] as number;
}

describe('diffLines', () => {
  it('keeps every line of identical inputs', () => {
    expect(diffLines(['a', 'b'], ['a', 'b'])).toEqual([
      { kind: 'same', text: 'a' },
      { kind: 'same', text: 'b' },
    ]);
  });

  it('marks a line inserted in the middle as added', () => {
    expect(diffLines(['a', 'c'], ['a', 'b', 'c'])).toEqual([
      { kind: 'same', text: 'a' },
      { kind: 'added', text: 'b' },
      { kind: 'same', text: 'c' },
    ]);
  });

  it('marks a deleted line as removed', () => {
    expect(diffLines(['a', 'b', 'c'], ['a', 'c']).map((l) => l.kind)).toEqual(['same', 'removed', 'same']);
  });

  it('shows a changed line as the removal, then the addition', () => {
    expect(diffLines(['x: 1'], ['x: 2'])).toEqual([
      { kind: 'removed', text: 'x: 1' },
      { kind: 'added', text: 'x: 2' },
    ]);
  });

  it('handles empty sides', () => {
    expect(diffLines([], ['a']).map((l) => l.kind)).toEqual(['added']);
    expect(diffLines(['a'], []).map((l) => l.kind)).toEqual(['removed']);
    expect(diffLines([], [])).toEqual([]);
  });

  it('falls back to remove-then-add past the size limit, still a correct diff', () => {
    const n = Math.ceil(Math.sqrt(MAX_CELLS)) + 1;
    const a = Array.from({ length: n }, (_, i) => `a${i}`);
    const b = Array.from({ length: n }, (_, i) => `b${i}`);
    const lines = diffLines(['head', ...a, 'tail'], ['head', ...b, 'tail']);
    expect(lines[0]).toEqual({ kind: 'same', text: 'head' });
    expect(lines.at(-1)).toEqual({ kind: 'same', text: 'tail' });
    expect(countChanges(lines)).toEqual({ added: n, removed: n });
  });

  it('rebuilds both sides and keeps a longest common subsequence (property)', () => {
    const lines = fc.array(fc.constantFrom('a', 'b', 'c', 'd', '- name: x'), { maxLength: 12 });
    fc.assert(
      fc.property(lines, lines, (a, b) => {
        const diff = diffLines(a, b);
        expect(side(diff, 'removed')).toEqual(a);
        expect(side(diff, 'added')).toEqual(b);
        expect(diff.filter((l) => l.kind === 'same').length).toBe(lcsLength(a, b));
      }),
    );
  });
});

describe('diffText', () => {
  it('splits on newlines and ignores the final one', () => {
    expect(diffText('a\nb\n', 'a\nc\n').map((l) => `${l.kind}:${l.text}`)).toEqual([
      'same:a',
      'removed:b',
      'added:c',
    ]);
  });
});

describe('compactDiff', () => {
  const lines = diffLines(
    ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'],
    ['1', '2', '3', '4', '5', 'five and a half', '6', '7', '8', '9', '10'],
  );

  it('keeps the context around a change and folds the rest into gaps', () => {
    expect(compactDiff(lines, 2)).toEqual([
      { kind: 'gap', count: 3 },
      { kind: 'same', text: '4' },
      { kind: 'same', text: '5' },
      { kind: 'added', text: 'five and a half' },
      { kind: 'same', text: '6' },
      { kind: 'same', text: '7' },
      { kind: 'gap', count: 3 },
    ]);
  });

  it('is empty when nothing changed', () => {
    expect(compactDiff(diffLines(['a'], ['a']))).toEqual([]);
  });

  it('counts additions and removals', () => {
    expect(countChanges(lines)).toEqual({ added: 1, removed: 0 });
  });
});
