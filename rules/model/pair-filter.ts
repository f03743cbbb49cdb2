/**
 * Which pairs of adjacent UTF-16 code units a text holds, as a filter of 2^16 bits made in
 * one pass (no strings): a rule that looks for many listed words in the whole text asks it
 * first, and scans the text only for the few words whose first two code units it may hold
 * (slogan-spacing-series looked for ~180 series openings per report, each with a scan of
 * the whole text: issue #14).
 *
 * Exact by construction: a text that holds a word holds the word's first pair, so a pair
 * missing from the filter rules the word out, and a pair present (or a hash collision) only
 * leads to the scan that would have been made anyway.
 */

/** The filter's bit for the pair `a`, `b` (code units): the top 16 bits of a multiplicative hash. */
function pairBit(a: number, b: number): number {
  return Math.imul((a << 16) | b, 0x9e3779b1) >>> 16;
}

export class PairFilter {
  private readonly bits = new Uint32Array((1 << 16) / 32);

  /** Reads every pair of adjacent code units of `text` once. */
  constructor(readonly text: string) {
    for (let i = 1; i < text.length; i++) {
      const bit = pairBit(text.charCodeAt(i - 1), text.charCodeAt(i));
      this.bits[bit >>> 5] |= 1 << (bit & 31);
    }
  }

  /** Where the text first holds `word`, or -1 (as `text.indexOf(word)`, which decides wherever the filter cannot). */
  indexOf(word: string): number {
    if (word.length >= 2) {
      const bit = pairBit(word.charCodeAt(0), word.charCodeAt(1));
      if (((this.bits[bit >>> 5] >>> (bit & 31)) & 1) === 0) return -1;
    }
    return this.text.indexOf(word);
  }
}

let last: PairFilter | null = null;

/**
 * The pair filter of `text`, made once for the text last asked about: the rules of one lint
 * ask of the same report text, and a new text (another report, a keystroke) makes a new one.
 */
export function pairFilter(text: string): PairFilter {
  if (last === null || last.text !== text) last = new PairFilter(text);
  return last;
}
