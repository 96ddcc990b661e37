import type { ServerEnv } from '../types';

/** The alphabet of k8s.io/apimachinery/pkg/util/rand.String: no vowels, no confusable characters. */
const SUFFIX_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';
const HEX = '0123456789abcdef';

/** mulberry32: a tiny seeded PRNG, so uids and name suffixes repeat from run to run. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface EnvOptions {
  /** Seed for uids and generated names; the same seed gives the same trace. */
  readonly seed?: number;
  /** Clock; defaults to the real time. */
  readonly now?: () => Date;
}

export function createEnv({ seed = 1, now = () => new Date() }: EnvOptions = {}): ServerEnv {
  const random = mulberry32(seed);
  // One random draw per character, in order: the same sequence as ever, built without arrays.
  const draw = (alphabet: string, n: number) => {
    let out = '';
    for (let i = 0; i < n; i++) out += alphabet[Math.floor(random() * alphabet.length)];
    return out;
  };
  const hex = (n: number) => draw(HEX, n);
  return {
    now,
    // Version 4 layout, as the apiserver's uuid.NewUUID() produces.
    newUid: () => `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[Math.floor(random() * 4)]}${hex(3)}-${hex(12)}`,
    randomSuffix: (n) => draw(SUFFIX_ALPHABET, n),
  };
}
