import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The walls between the parts (README "Architecture"), checked on the sources themselves as a
 * second guard beside Biome's noRestrictedImports (biome.json): it also catches `import()` and
 * `export … from`, and it fails in the unit suite, not only in the linter.
 */

const SRC = join(import.meta.dirname, '../../src');

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourcesUnder(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** Every module specifier a file names: `import … from`, `export … from`, `import('…')`. */
function specifiersOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const match of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm)) {
    if (match[1] !== undefined) found.push(match[1]);
  }
  return found;
}

/** Where a relative specifier leads, as a path under src/ (`engine/types`); bare packages stay as written. */
function targetOf(file: string, specifier: string): string {
  return specifier.startsWith('.') ? relative(SRC, resolve(dirname(file), specifier)) : specifier;
}

/** `file: specifier` for each import of a file under src/`dir` whose target matches `pattern`. */
function importsMatching(dir: string, pattern: RegExp): string[] {
  return sourcesUnder(join(SRC, dir)).flatMap((file) =>
    specifiersOf(file)
      .filter((specifier) => pattern.test(targetOf(file, specifier)))
      .map((specifier) => `${relative(SRC, file)}: ${specifier}`),
  );
}

/** A module of the engine beyond its index (`engine/types`, `engine/kubectl/index`). */
const DEEP_ENGINE = /^engine\/(?!index(\.ts)?$)./;

describe('The engine has one door', () => {
  it.each(['ui', 'store', 'scenarios', 'i18n'])(
    'src/%s imports the engine only through src/engine/index.ts',
    (dir) => {
      expect(importsMatching(dir, DEEP_ENGINE)).toEqual([]);
    },
  );

  it('the app shell (src/*.ts, src/*.tsx) imports the engine only through its index', () => {
    const shell = readdirSync(SRC)
      .filter((name) => /\.tsx?$/.test(name))
      .flatMap((name) => {
        const file = join(SRC, name);
        return specifiersOf(file).filter((specifier) => DEEP_ENGINE.test(targetOf(file, specifier)));
      });
    expect(shell).toEqual([]);
  });

  it('the check sees a deep import when there is one', () => {
    const file = join(SRC, 'ui/panels/ResponsePanel.tsx');
    expect(DEEP_ENGINE.test(targetOf(file, '../../engine/responses/status'))).toBe(true);
    expect(DEEP_ENGINE.test(targetOf(file, '../../engine'))).toBe(false);
    expect(specifiersOf(join(SRC, 'store/rebuild.ts'))).toContain('../engine');
  });
});

describe('The store never imports the UI', () => {
  it('src/store names no module under src/ui', () => {
    expect(importsMatching('store', /^ui(\/|$)/)).toEqual([]);
  });
});

describe('The engine imports neither the UI nor the store', () => {
  it('src/engine names no module under src/ui, src/store or src/i18n, nor React', () => {
    expect(importsMatching('engine', /^(ui|store|i18n)(\/|$)|^react(-dom)?$|^zustand|^@xyflow\//)).toEqual(
      [],
    );
  });
});
