/**
 * Whether one character may stand for another by mistake: a homophone (same syllable,
 * tones ignored, any reading of a polyphone) or a listed look-alike (rules/data/lookalikes.yaml).
 *
 * The readings come from pinyin-pro, asked at build time: scripts/pinyin-readings.mjs
 * writes what it answers for every CJK code point (rules/engine/generated/pinyin-readings.cjs),
 * so linting a report does not load pinyin-pro (370 KB of code and a dictionary that takes
 * 50–90 ms to index, issue #14). Only a character outside the table's ranges (never a Han
 * character) is asked of pinyin-pro itself, loaded then; `require` keeps that load lazy
 * both under esbuild (the CLI's bundles require dist/pinyin.js, scripts/build.mjs) and
 * under tsx in the tests.
 */
import { lookalikes } from '../data/lookalikes';
import generated from '../engine/generated/pinyin-readings.cjs';

type PinyinFn = (text: string, options: { toneType: 'none'; type: 'array'; multiple: boolean }) => string[];

let pinyinOf: PinyinFn | null = null;
/** Per character, its toneless readings as fuzzy pinyin hears them (`fuzzy`), worked out once. */
const readings = new Map<string, readonly string[]>();
/**
 * The readings of `c` in the generated table: the lines holding it. One scan of the table
 * (≈24,000 code units) per character asked, where indexing all 21,000 characters up front
 * cost more than a report's questions do (a report asks about a few hundred characters).
 */
function tableReadings(c: string): string[] {
  const { table } = generated;
  const found: string[] = [];
  for (let at = table.indexOf(c); at >= 0; at = table.indexOf(c, at + c.length)) {
    const lineStart = table.lastIndexOf('\n', at) + 1;
    const tab = table.indexOf('\t', lineStart);
    // A reading is Latin letters: the character stands in the line's list, after the tab.
    if (tab < at) found.push(table.slice(lineStart, tab));
  }
  return found;
}

/** Whether `c` is one code point of the generated table's ranges. */
function inTable(c: string): boolean {
  const cp = c.codePointAt(0)!;
  if (c.length !== (cp > 0xffff ? 2 : 1)) return false;
  return generated.ranges.some(([lo, hi]) => cp >= lo && cp <= hi);
}

/** The toneless readings of one character (several for a polyphone), as fuzzy pinyin, cached; exported for the unit test. */
export function readingsOf(c: string): readonly string[] {
  let r = readings.get(c);
  if (r === undefined) {
    if (c.length > 0 && inTable(c)) {
      const listed = tableReadings(c);
      // Not in the table: pinyin-pro answers the character itself (scripts/pinyin-readings.mjs).
      r = listed.length > 0 ? listed : [c];
    } else {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      pinyinOf ??= (require('pinyin-pro') as { pinyin: PinyinFn }).pinyin;
      r = pinyinOf(c, { toneType: 'none', type: 'array', multiple: true }).map(fuzzy);
    }
    readings.set(c, r);
  }
  return r;
}

/** Whether pinyin-pro has been loaded in this process (for measurements: most documents never load it). */
export function pinyinLoaded(): boolean {
  return pinyinOf !== null;
}

/**
 * The same function as `fuzzy` in scripts/pinyin-readings.mjs, which applies it at build time.
 *
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
