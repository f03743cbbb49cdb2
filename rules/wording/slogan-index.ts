/**
 * The search index of `slogan-canonical`: which wrong forms and formulations may stand at a
 * text position, found from one bigram (two UTF-16 code units) of the text. It is built
 * from rules/data/slogans.yaml at build time (slogan-index-build.ts, how and why it anchors
 * where it does; scripts/slogan-index.mjs writes rules/engine/generated/slogan-index.cjs):
 * here it is only laid out in typed arrays, as the scan reads it.
 */
import { slogans } from '../data/slogans';
import generated from '../engine/generated/slogan-index.cjs';
import type { Variant } from './slogan-variants';

import { goodPhrases, type PackedVariant, unpackVariant } from './slogan-index-build';

export { ALL_NEAR, DROP_ONLY, ITEM_SIZE, NEAR, NEAR_MIN_LENGTH, NO_NEAR, VARIANT } from './slogan-index-build';

/** The verified entries, longest first, so a long formulation's finding wins over a shorter one it contains. */
export const ENTRIES = generated.entries.map((i) => slogans.entries[i]);
export const GOOD_LIST: readonly string[] = goodPhrases(slogans);
export const GOOD: ReadonlySet<string> = new Set(GOOD_LIST);
/** How many wrong forms were generated from ENTRIES (slogan-variants.ts). */
export const VARIANT_COUNT: number = generated.variantCount;
const unpacked: (Variant | undefined)[] = [];
/**
 * The wrong form `k` (an item's index, < VARIANT_COUNT), made an object when first asked
 * for: a report meets a handful of the 8,000, and the start-up none (issue #14).
 */
export function variantAt(k: number): Variant {
  return (unpacked[k] ??= unpackVariant(packedAt(k), POOL, (entry) => ENTRIES[entry].canonical));
}

/**
 * The packed wrong forms (`PackedVariant`), one JSON array a line (scripts/slogan-index.mjs
 * writes them so): a line is parsed when its form is first asked for. Parsed whole with the
 * rest of the index, they were ≈10 ms of every start of the CLI and of each of its pool's
 * threads, and 8,000 arrays the start-up's garbage collections copied (issue #14).
 */
const VARIANT_LINES: string = generated.variants;
/** Where each line of VARIANT_LINES starts, and one past the last line's end; found at the first `packedAt`. */
let lineStarts: Int32Array | null = null;

/** The packed wrong form `k`, parsed from its line. */
function packedAt(k: number): PackedVariant {
  if (lineStarts === null) {
    lineStarts = new Int32Array(VARIANT_COUNT + 1);
    let at = 0;
    for (let i = 0; i < VARIANT_COUNT; i++) {
      const end = VARIANT_LINES.indexOf('\n', at);
      at = (end === -1 ? VARIANT_LINES.length : end) + 1;
      lineStarts[i + 1] = at;
    }
  }
  return JSON.parse(VARIANT_LINES.slice(lineStarts[k], lineStarts[k + 1] - 1)) as PackedVariant;
}

/** The forms of the items, one after the other (`SloganIndexData.pool`). */
export const POOL: string = generated.pool;
/** Six numbers per anchor (`SloganIndexData.items`). */
export const ITEMS = Int32Array.from(generated.items);

/*
 * KEYS and SLOTS: an open-addressing table from a bigram to its anchors, ITEMS[first, end),
 * stored as `first + 1` and `end` at SLOTS[2h] and SLOTS[2h + 1] (0: the slot is empty).
 * Made here from the generated list of anchors (a few thousand insertions), not stored:
 * the table is mostly empty slots.
 */
const ANCHORS = generated.anchors;
const TABLE_BITS = Math.max(4, Math.ceil(Math.log2((ANCHORS.length / 3) * 4)));
const KEYS = new Int32Array(1 << TABLE_BITS);
const SLOTS = new Int32Array(2 << TABLE_BITS);
const slotOf = (key: number): number => Math.imul(key, 0x9e3779b1) >>> (32 - TABLE_BITS);
const nextSlot = (h: number): number => (h + 1) & (KEYS.length - 1);
for (let k = 0; k < ANCHORS.length; k += 3) {
  let h = slotOf(ANCHORS[k]);
  while (SLOTS[2 * h] !== 0) h = nextSlot(h);
  KEYS[h] = ANCHORS[k];
  SLOTS[2 * h] = ANCHORS[k + 1] + 1;
  SLOTS[2 * h + 1] = ANCHORS[k + 2];
}

/** The slot of the bigram of `text` at `i` in SLOTS (`SLOTS[2h] - 1` first item, `SLOTS[2h + 1]` end), or -1. */
export function slotAt(text: string, i: number): number {
  const key = (text.charCodeAt(i) << 16) | text.charCodeAt(i + 1);
  let h = slotOf(key);
  while (SLOTS[2 * h] !== 0 && KEYS[h] !== key) h = nextSlot(h);
  return SLOTS[2 * h] === 0 ? -1 : h;
}
export { SLOTS };

/*
 * A Bloom filter over the anchoring bigrams, asked at every code unit of the text before
 * the table: one hash and one bit of 2^16 (8 KB, which stays in the L1 cache through the
 * scan, where KEYS and SLOTS would not). About 2% of the bits are set, so it lets through
 * the true anchors and 2% of the rest, where a filter by character (can this code unit
 * start an anchor, can that one end one) let through 41% of the positions of a report,
 * every 党 and 员 being both: on the 1 MB bench input 42,000 table probes instead of 152,000.
 */
const FILTER_BITS = 16;
export const FILTER = new Int32Array(1 << (FILTER_BITS - 5));
/** The filter's bit for a bigram key (a hash independent of slotOf's). */
export const filterBit = (key: number): number => Math.imul(key, 0x85ebca6b) >>> (32 - FILTER_BITS);
for (let k = 0; k < ANCHORS.length; k += 3) {
  const b = filterBit(ANCHORS[k]);
  FILTER[b >>> 5] |= 1 << (b & 31);
}
