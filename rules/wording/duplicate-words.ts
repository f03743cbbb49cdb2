/**
 * What duplicate-char takes for a word around a doubled pair (rules/wording/duplicate-char.ts):
 * the listed words that hold a character (rules/data/reduplication.yaml), the common-word
 * list (rules/data/common-words.yaml) joined to ICU's segmenter (verdicts remembered), the
 * words ending or starting at an offset, and whether a clause reads better with one copy of
 * a pair dropped. `s` is always one line of the report; offsets are UTF-16 code units into
 * it. Words are looked for among Han characters of the BMP only, 2–4 characters long.
 */
import { commonWords, reduplication } from '../data/reduplication';
import { isHanCode } from '../model/script';
import { chineseSegmenter } from '../model/segmenter';

/** How far (code units) the segmenter looks on each side of a pair. */
const CONTEXT = 6;

/** Listed words by each character they hold, with its index in the word. */
const WORDS_BY_CHAR = new Map<string, { word: string; at: number }[]>();
for (const word of reduplication.words) {
  for (let at = 0; at < word.length; at++) {
    const list = WORDS_BY_CHAR.get(word[at]) ?? [];
    if (!list.some((e) => e.word === word && e.at === at)) list.push({ word, at });
    WORDS_BY_CHAR.set(word[at], list);
  }
}

/** Number of characters (not code units) of a segment. */
const charCount = (s: string): number => {
  let n = 0;
  for (const _ of s) n++;
  return n;
};

/**
 * Whether ICU's dictionary takes `pair` (two characters, or the 2–4 of `known`) for one word.
 * `segmenter` is always `chineseSegmenter()`, so a verdict is remembered by string alone
 * (ICU_VERDICTS): segmenterExplains asks the same few pairs at every doubled character.
 */
function isWord(segmenter: Intl.Segmenter, pair: string): boolean {
  if (pair.length < 2) return false;
  let verdict = ICU_VERDICTS.get(pair);
  if (verdict === undefined) {
    if (ICU_VERDICTS.size >= ICU_VERDICTS_MAX) ICU_VERDICTS.clear();
    // `containing(0)` is the first segment, at half the cost of starting an iteration.
    const first = segmenter.segment(pair).containing(0);
    verdict = first !== undefined && first.segment === pair;
    ICU_VERDICTS.set(pair, verdict);
  }
  return verdict;
}

/**
 * Whether ICU's segmentation explains the pair at `i`, `i + 1` of line `s`: one word holds
 * both, a word of 2+ characters starts at the second, or (`leftToo`) one ends at the first.
 * The segmenter sees at most `CONTEXT` characters on each side.
 */
export function segmenterExplains(segmenter: Intl.Segmenter, s: string, i: number, leftToo: boolean): boolean {
  const lo = Math.max(0, i - CONTEXT);
  const hi = Math.min(s.length, i + 2 + CONTEXT);
  // A word starting at the second character: the two characters from there are a word by
  // themselves (员工 in 党员员工作, where context makes ICU prefer 工作), or the first
  // segment of the text from there is a word.
  if (isWord(segmenter, s.slice(i + 1, i + 3))) return true;
  // Segments are read with `containing` (the one holding a given code unit), at half the
  // cost of iterating: the first segment holds code unit 0, the last one the last unit.
  const first = segmenter.segment(s.slice(i + 1, hi)).containing(0);
  if (first !== undefined && charCount(first.segment) >= 2) return true;
  if (leftToo) {
    const last = segmenter.segment(s.slice(lo, i + 1)).containing(i - lo);
    if (last !== undefined && charCount(last.segment) >= 2) return true;
  }
  // One word holds both characters: only the segment holding the first can (those before
  // it end at or before it).
  const holding = segmenter.segment(s.slice(lo, hi)).containing(i - lo);
  return holding !== undefined && lo + holding.index + holding.segment.length >= i + 2;
}

/**
 * ICU's verdicts (isWord), remembered: a report repeats its words and its pairs, and a
 * segmenter call costs far more than a lookup. Bounded: cleared when full.
 */
const ICU_VERDICTS = new Map<string, boolean>();
const ICU_VERDICTS_MAX = 20000;

/**
 * Whether `w` is a word: in the common-word list or, 2+ characters, one segment to ICU
 * (false for anything not listed where the runtime lacks ICU's Chinese dictionary).
 */
export function known(w: string): boolean {
  if (commonWords().has(w)) return true;
  const segmenter = chineseSegmenter();
  return segmenter !== null && isWord(segmenter, w);
}

/** Whether s[from, to) lies inside `s` and holds Han characters of the BMP only. */
function hanRun(s: string, from: number, to: number): boolean {
  if (from < 0 || to > s.length) return false;
  for (let k = from; k < to; k++) if (!isHanCode(s.charCodeAt(k))) return false;
  return true;
}

/** Whether a word of 2–4 characters of `s` holds both offsets `a` and `a + 1`. */
export function wordHolds(s: string, a: number): boolean {
  for (let n = 2; n <= 4; n++) {
    for (let from = a + 2 - n; from <= a; from++) if (hanRun(s, from, from + n) && known(s.slice(from, from + n))) return true;
  }
  return false;
}

/** The length (2–4) of the longest word of `s` ending at `last`, or 0. */
export function wordEndingAt(s: string, last: number): number {
  for (let n = 4; n >= 2; n--) if (hanRun(s, last - n + 1, last + 1) && known(s.slice(last - n + 1, last + 1))) return n;
  return 0;
}

/** The length (2–4) of the longest word of `s` starting at `first`, or 0. */
export function wordStartingAt(s: string, first: number): number {
  for (let n = 4; n >= 2; n--) if (hanRun(s, first, first + n) && known(s.slice(first, first + n))) return n;
  return 0;
}

/** Whether s[from, from + n) is a listed word of 3 or 4 Han characters (no ICU). */
export function listedLong(s: string, from: number, n: number): boolean {
  return hanRun(s, from, from + n) && commonWords().has(s.slice(from, from + n));
}

/** Whether s[from, from + 2) is a word of two Han characters (`known`: the list, then ICU). */
export function pairWord(s: string, from: number): boolean {
  return hanRun(s, from, from + 2) && known(s.slice(from, from + 2));
}

/** Whether a word of 3–4 characters of `s` holds both offsets `a` and `a + 1`. */
export function longerWordHolds(s: string, a: number): boolean {
  for (let n = 3; n <= 4; n++) {
    for (let from = a + 2 - n; from <= a; from++) if (hanRun(s, from, from + n) && known(s.slice(from, from + n))) return true;
  }
  return false;
}

/** How far (characters) the segmentation of `mergedReadsBetter` looks on each side of a pair. */
const SEGMENT_REACH = 5;

/**
 * Whether the clause around the doubled pair at `i`, `i + 1` reads better with one copy
 * dropped: its best segmentation into words (`segmentation`) leaves fewer characters standing
 * alone. `教工党党支部书记` is 教工|党|党支部|书记 or 教|工党|党支部|书记, a character alone either
 * way; `教工党支部书记` is 教工|党支部|书记. Where two words meet on the pair the text as written
 * reads best: 支部|部署 (支部署 leaves 署 or 支 alone), 英国|工党|党员, 学习|习近平.
 */
export function mergedReadsBetter(s: string, i: number): boolean {
  let lo = i;
  while (lo > 0 && i - lo < SEGMENT_REACH && isHanCode(s.charCodeAt(lo - 1))) lo--;
  let hi = i + 2;
  while (hi < s.length && hi - (i + 2) < SEGMENT_REACH && isHanCode(s.charCodeAt(hi))) hi++;
  const kept = s.slice(lo, hi);
  const merged = s.slice(lo, i + 1) + s.slice(i + 2, hi);
  return segmentation(merged) < segmentation(kept);
}

/**
 * Whether the text up to and including the first copy of the pair at `i`, `i + 1` reads as
 * whole words: the Han run of at most `SEGMENT_REACH` characters before it, with the first
 * copy, segments (`segmentation`) leaving no character alone (党总支|委员会 of 党总支委员会会议:
 * the left word ends at the first copy without cutting into the word before it; not 教工党 of
 * 教工党党支部, where 党 or 教 stands alone). Where the run was cut by the window, its first
 * character may stand alone (it may end a word the window does not show).
 */
export function leftReadsWhole(s: string, i: number): boolean {
  let lo = i;
  while (lo > 0 && i - lo < SEGMENT_REACH && isHanCode(s.charCodeAt(lo - 1))) lo--;
  // A particle or conjunction standing alone (振兴|和|县城 of 和县城城镇化) is a word of its
  // own there, not a character cut off a word: it stands alone wherever it is written.
  if (segmentation(s.slice(lo, i + 1), PARTICLES) === 0) return true;
  return lo > 0 && lo < i && isHanCode(s.charCodeAt(lo - 1)) && segmentation(s.slice(lo + 1, i + 1), PARTICLES) === 0;
}

/** The suspects of kind particle (reduplication.yaml: 的, 和, 与, 在 …): words of one character. */
const PARTICLES = new Set([...reduplication.suspects].filter(([, kind]) => kind === 'particle').map(([c]) => c));

/**
 * The fewest characters standing alone in the Han run of `s` from `from` to the end of the
 * run or `SEGMENT_REACH` characters past `anchor`, whichever is first (see `segmentation`):
 * how well the text reads from there. Runs read from different starts with one anchor end
 * at one place, so their readings compare.
 */
export function segmentationFrom(s: string, from: number, anchor: number): number {
  let hi = anchor;
  while (hi < s.length && hi - anchor < SEGMENT_REACH && isHanCode(s.charCodeAt(hi))) hi++;
  return segmentation(s.slice(from, hi), PARTICLES);
}

/**
 * The fewest characters standing alone in a segmentation of the Han run `w` into words of
 * 2–4 characters (`known`) and single characters (a dynamic programme over its prefixes);
 * a character of `free` standing alone is not counted.
 */
function segmentation(w: string, free?: ReadonlySet<string>): number {
  const alone = new Array<number>(w.length + 1).fill(0);
  for (let k = 1; k <= w.length; k++) {
    let best = alone[k - 1] + (free !== undefined && free.has(w[k - 1]) ? 0 : 1);
    for (let n = 2; n <= 4 && n <= k; n++) if (alone[k - n] < best && known(w.slice(k - n, k))) best = alone[k - n];
    alone[k] = best;
  }
  return alone[w.length];
}

/** Whether a listed word stands in `s` holding both offsets `i` and `i + 1`. */
export function wordCovers2(s: string, i: number): boolean {
  for (const { word, at } of WORDS_BY_CHAR.get(s[i]) ?? []) if (at + 1 < word.length && i >= at && s.startsWith(word, i - at)) return true;
  return false;
}

/** Whether a listed word stands in `s` covering offset `k` (a word holding s[k]). */
export function wordCovers(s: string, k: number): boolean {
  for (const { word, at } of WORDS_BY_CHAR.get(s[k]) ?? []) if (k >= at && s.startsWith(word, k - at)) return true;
  return false;
}
