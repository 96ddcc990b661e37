import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../src/scenarios/parse';
import { parseDeepLink } from '../../../src/store/deep-link';
import { createShareLink, readShareLink, SHARE_PARAM } from '../../../src/store/share';

/** The decoders that read what a stranger hands the app: share links, scenario files, deep links. */
const SEED = 20_250_101;
const runs = (numRuns: number) => ({ seed: SEED, numRuns });

const STARTER_TEXT = readFileSync(
  new URL('../../../src/scenarios/starter.scenario.yaml', import.meta.url),
  'utf8',
);

/** Random bytes, read the ways a browser might hand them over. */
const bytes = fc.uint8Array({ maxLength: 400 });
const asLatin1 = bytes.map((b) => String.fromCharCode(...b));
const asUtf8 = bytes.map((b) => new TextDecoder().decode(b));
const lzAlphabet = fc
  .array(fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$'), {
    maxLength: 400,
  })
  .map((chars) => chars.join(''));

function expectResult(result: unknown): void {
  if (result === undefined) return;
  expect(result).toHaveProperty('ok');
  const r = result as { ok: boolean; problems?: readonly { message: string }[] };
  if (!r.ok) {
    expect(r.problems?.length).toBeGreaterThan(0);
    for (const p of r.problems ?? []) expect(typeof p.message).toBe('string');
  }
}

describe('The share-link decoder', () => {
  it('survives random bytes and random compressed-looking text', () => {
    fc.assert(
      fc.property(fc.oneof(asLatin1, asUtf8, lzAlphabet), (payload) => {
        expectResult(readShareLink(`#${SHARE_PARAM}=${payload}`));
        expectResult(readShareLink(payload));
      }),
      runs(500),
    );
  });

  it('survives a real link cut short or with bytes flipped', () => {
    const link = createShareLink(STARTER_TEXT, 'http://127.0.0.1/');
    expect(link.ok).toBe(true);
    if (!link.ok) return;
    const hash = `#${link.url.split('#')[1]}`;
    expect(readShareLink(hash)?.ok).toBe(true);
    fc.assert(
      fc.property(
        fc.nat({ max: hash.length }),
        fc.nat({ max: hash.length - 1 }),
        fc.string({ minLength: 1, maxLength: 1 }),
        (cut, at, c) => {
          expectResult(readShareLink(hash.slice(0, cut)));
          expectResult(readShareLink(`${hash.slice(0, at)}${c}${hash.slice(at + 1)}`));
        },
      ),
      runs(150),
    );
  });
});

describe('The scenario (YAML) decoder', () => {
  it('survives random bytes', () => {
    fc.assert(
      fc.property(fc.oneof(asLatin1, asUtf8), (text) => {
        expectResult(parseScenario(text));
      }),
      runs(500),
    );
  });

  it('survives the starter scenario with lines dropped or duplicated', () => {
    const lines = STARTER_TEXT.split('\n');
    fc.assert(
      fc.property(fc.nat({ max: lines.length - 1 }), fc.nat({ max: lines.length - 1 }), (drop, dup) => {
        const edited = lines.flatMap((line, i) => (i === drop ? [] : i === dup ? [line, line] : [line]));
        expectResult(parseScenario(edited.join('\n')));
      }),
      runs(100),
    );
  });
});

describe('The deep-link decoder', () => {
  it('survives random query strings', () => {
    fc.assert(
      fc.property(fc.oneof(asLatin1, asUtf8, fc.string()), (search) => {
        const link = parseDeepLink(search);
        expect(typeof link.autoplay).toBe('boolean');
        expect((link.command ?? '').length).toBeLessThanOrEqual(2000);
      }),
      runs(500),
    );
  });
});
