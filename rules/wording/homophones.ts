/**
 * Whether one character may stand for another by mistake: a homophone (same syllable,
 * tones ignored, any reading of a polyphone) or a listed look-alike (rules/data/lookalikes.yaml).
 *
 * pinyin-pro is loaded on the first question, not at start-up: its dictionary costs about
 * 150–300 ms to load and index, and most documents never produce a candidate to ask about
 * (a window one character from a formulation). `require` keeps the load lazy both under
 * esbuild (which turns it into a wrapper run on first call) and under tsx in the tests.
 */
import { lookalikes } from '../data/lookalikes';

type PinyinFn = (text: string, options: { toneType: 'none'; type: 'array'; multiple: boolean }) => string[];

let pinyinOf: PinyinFn | null = null;
/** Per character, its toneless readings as fuzzy pinyin hears them (`fuzzy`), worked out once. */
const readings = new Map<string, readonly string[]>();

/** The toneless readings of one character (several for a polyphone), as fuzzy pinyin, cached. */
function readingsOf(c: string): readonly string[] {
  let r = readings.get(c);
  if (r === undefined) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    pinyinOf ??= (require('pinyin-pro') as { pinyin: PinyinFn }).pinyin;
    r = pinyinOf(c, { toneType: 'none', type: 'array', multiple: true }).map(fuzzy);
    readings.set(c, r);
  }
  return r;
}

/** Whether pinyin-pro has been loaded in this process (for measurements: most documents never load it). */
export function pinyinLoaded(): boolean {
  return pinyinOf !== null;
}

/**
 * A reading as input methods' fuzzy pinyin (模糊音) hears it: zh/ch/sh as z/c/s, and
 * ang/eng/ing as an/en/in. These are the confusions the common input methods offer to
 * forgive, so a writer who types 意思 for 意识 (yisi for yishi) picks the wrong word from
 * the candidate list as easily as a true homophone.
 */
function fuzzy(reading: string): string {
  return reading.replace(/^([zcs])h/, '$1').replace(/(?<=[aei])ng$/, 'n');
}

/**
 * Whether the Han characters `a` and `b` (one code point each) share a toneless reading,
 * exactly or as fuzzy pinyin (`fuzzy`).
 */
export function isHomophone(a: string, b: string): boolean {
  if (a === b) return true;
  const rb = readingsOf(b);
  return readingsOf(a).some((x) => rb.includes(x));
}

/** Whether `a` and `b` are a listed look-alike pair (形近字). */
export function isLookalike(a: string, b: string): boolean {
  return lookalikes.has(a + b);
}

/**
 * Why `found` may be a slip for `expected`: `'lookalike'`, `'homophone'`, or null. The
 * look-alike list is asked first, so pinyin-pro is loaded only when it is not enough.
 */
export function confusion(found: string, expected: string): 'lookalike' | 'homophone' | null {
  if (isLookalike(found, expected)) return 'lookalike';
  return isHomophone(found, expected) ? 'homophone' : null;
}
