/**
 * What ICU's word segmenter (and the common-word list) says about the words in and around a
 * formulation, for slogan-canonical's near misses: whether a differing end makes a word with
 * the text beyond it, whether what is left of a short form reads as whole words, whether a
 * formulation's last character ends a word of its own. Verdicts on short strings are
 * remembered (bounded). Offsets are UTF-16 code units of the report text. Without ICU's
 * Chinese dictionary every guard answers the quiet way.
 */
import { commonWords } from '../data/reduplication';
import { chineseSegmenter } from '../model/segmenter';
import generated from '../engine/generated/slogan-index.cjs';

export { PARAPHRASE_INSERTIONS } from './slogan-index-build';

/**
 * Whether the character at `k`, a form's differing end, makes a word with the Han text beyond
 * it (`党小组汇报`: 汇报; `主题党曰活动`: 曰活 is none), by ICU's segmenter over three characters
 * on that side. True (the guard holds) where there is no segmenter. The verdict depends only
 * on those three characters, so it is remembered by them: a report repeats its phrases, and
 * this was half of the rule's time on the seeds before.
 */
export function wordAcross(text: string, k: number, before: boolean): boolean {
  const segmenter = chineseSegmenter();
  if (segmenter === null) return true;
  if (before) {
    const s = text.slice(Math.max(0, k - 2), k + 1);
    // The last segment is the one holding the last code unit: `containing` finds it at
    // half the cost of iterating (2.2 against 4.6 µs for three characters).
    return remembered(`b${s}`, () => characters(segmenter.segment(s).containing(s.length - 1)!.segment) >= 2);
  }
  const s = text.slice(k, k + 3);
  return remembered(`a${s}`, () => {
    const first = segmenter.segment(s).containing(0);
    return first !== undefined && characters(first.segment) >= 2;
  });
}

/**
 * Characters (code points) in a segment: a Han character outside the BMP (CJK Extension B,
 * used in some names) is two UTF-16 code units but one character, so no word by itself.
 */
function characters(segment: string): number {
  let n = 0;
  for (let i = 0; i < segment.length; i++) {
    const c = segment.charCodeAt(i);
    if (c < 0xdc00 || c > 0xdfff) n++;
  }
  return n;
}

/**
 * ICU's verdicts on short strings, remembered: a report repeats its phrases (基层组织 on every
 * page), and a segmenter call costs far more than a lookup. Bounded: cleared when full.
 */
const VERDICTS = new Map<string, boolean>();
const VERDICTS_MAX = 10000;
/** The remembered verdict for `key`, or `ask()`'s, kept (the cache cleared when full). */
function remembered(key: string, ask: () => boolean): boolean {
  let verdict = VERDICTS.get(key);
  if (verdict === undefined) {
    if (VERDICTS.size >= VERDICTS_MAX) VERDICTS.clear();
    VERDICTS.set(key, (verdict = ask()));
  }
  return verdict;
}

/**
 * Whether the word ending at `end` of `text` runs on past it (`增强四个意识形态阵地`: 意识 is
 * 意识形态's start): a word of the common-word list made of the two characters before `end`
 * and one or two after it (ICU splits 意识|形态), or one segment of ICU's segmenter across
 * `end`. True (the quiet answer) where there is no segmenter.
 */
export function wordRunsOn(text: string, end: number): boolean {
  const segmenter = chineseSegmenter();
  if (segmenter === null) return true;
  const from = Math.max(0, end - 2);
  const s = text.slice(from, end + 2);
  const k = end - from;
  if (k <= 0 || k >= s.length) return false;
  if (k === 2 && (commonWords().has(s.slice(0, 3)) || commonWords().has(s))) return true;
  return remembered(`r${s}${k}`, () => {
    const seg = segmenter.segment(s).containing(k - 1);
    return seg !== undefined && seg.index + seg.segment.length > k;
  });
}

/** Whether ICU's segmenter reads `s` as words of two or more characters only (no segmenter: true, the quiet reading). */
export function wholeWords(s: string): boolean {
  const segmenter = chineseSegmenter();
  if (segmenter === null) return true;
  return remembered(`w${s}`, () => {
    for (const seg of segmenter.segment(s)) if (characters(seg.segment) < 2) return false;
    return true;
  });
}

/**
 * Whether the character at `start` ends a word begun before it: to ICU's segmenter, or a
 * three-character word of the common-word list (党总支, which ICU splits).
 */
export function wordBefore(text: string, start: number): boolean {
  return wordAcross(text, start, true) || (start >= 2 && commonWords().has(text.slice(start - 2, start + 1)));
}

/** The ENTRIES whose last character ends a word of two or more: decided at build (`lastWordBreaksOf`). */
const LAST_WORD_BROKEN: ReadonlySet<number> = new Set(generated.lastWordBroken);
/**
 * Whether ENTRIES[entry] may be reported with its last character dropped: that character is
 * Han, not a 的/之/和/与/及 (unless the entry is `exact`), and ends a word of two or more
 * (slogan-index-build.ts, `lastWordBreaksOf`).
 */
export function lastWordBreaks(entry: number): boolean {
  return LAST_WORD_BROKEN.has(entry);
}

/**
 * How many code units before `start` of `text` are a proper start of `word` (习 or 习近 of
 * 习近平) that the writer kept, 0 if none or if its first character ends a word begun
 * before it (学习新时代…: 习 is 学习's).
 */
export function namePrefixBefore(text: string, start: number, word: string): number {
  for (let n = word.length - 1; n >= 1; n--) {
    if (start - n >= 0 && text.startsWith(word.slice(0, n), start - n)) return wordBefore(text, start - n) ? 0 : n;
  }
  return 0;
}
