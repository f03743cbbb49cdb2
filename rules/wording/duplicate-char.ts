/**
 * duplicate-char: a character typed twice by accident (`三级级网格` → `三级网格`,
 * `党的的建设` → `党的建设`).
 *
 * Chinese doubles characters on purpose all the time (常常, 实实在在), and two words often
 * meet on one character (学习|习近平, 支部|部署, 工作|作风). Two checks:
 *
 * Suspects (rules/data/reduplication.yaml) — particles (的, 了, 是 …) and affixes or
 * measure words (们, 性, 化, 级 …), which form few words — are reported unless:
 *
 * - the character is listed as right doubled anywhere (chars);
 * - a listed word covers the pair or its second character (实实在在, 党员|员额), or, for a
 *   particle, its first;
 * - the word segmenter (`Intl.Segmenter('zh')`, ICU's dictionary) puts both characters into
 *   one word, or finds a word of two or more characters starting at the second (县级|级别,
 *   强化|化解, 关键是|是否), or — for a particle only — one ending at the first (目的|的,
 *   为了|了解). For an affix a word ending at the first is the typo itself (强化化, 我们们);
 * - the pair opens a run of Han text (`、级级传导`) or follows 一 (一级级, 一个个).
 *
 * Content characters (any other Han character not listed as right doubled) are weighed
 * with a word list (rules/data/common-words.yaml, from jieba's dictionary) joined to
 * ICU's: a slip is a pair where only one side forms a word and the text with one copy
 * dropped certainly reads as one (服务务队, 党党支部, 组织织生活), or where both sides are words
 * but the left one cuts into the word before it and the clause segments better with one
 * copy dropped (教工|工党|党支部); see `contentSlip`.
 *
 * A content character doubled only inside listed words (实 of 实实在在, its pair alone no
 * word) is a slip where no such word stands and the clause reads better with one copy
 * dropped (`办实实事`); see `unfinishedWord`.
 *
 * Known error shapes from the data (党的的, 三级级) are reported even where a word explains
 * one side. A run of three or more of one character is left alone (onomatopoeia,
 * emphasis). Where the runtime lacks ICU's Chinese dictionary, only the known error shapes
 * are reported: without word boundaries every pair would look suspicious.
 *
 * Offsets are UTF-16 code units; each line is scanned once, and the segmenter sees at most
 * 14 characters around a pair, so time is linear in the text.
 */
import { commonWords, reduplication } from '../data/reduplication';
import type { Report } from '../model/report';
import type { Problem, Rule, RuleContext } from '../types';
import { accepted } from '../model/dictionary';
import { isHan, isHanCode } from '../model/script';
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

/** Whether ICU's dictionary takes the two-character `pair` for one word. */
function isWord(segmenter: Intl.Segmenter, pair: string): boolean {
  if (pair.length < 2) return false;
  // `containing(0)` is the first segment, at half the cost of starting an iteration.
  const first = segmenter.segment(pair).containing(0);
  return first !== undefined && first.segment === pair;
}

/**
 * Whether ICU's segmentation explains the pair at `i`, `i + 1` of line `s`: one word holds
 * both, a word of 2+ characters starts at the second, or (`leftToo`) one ends at the first.
 * The segmenter sees at most `CONTEXT` characters on each side.
 */
function segmenterExplains(segmenter: Intl.Segmenter, s: string, i: number, leftToo: boolean): boolean {
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
 * ICU's verdicts on strings not in the list, remembered: a report repeats its words, and a
 * segmenter call costs far more than a lookup. Bounded: cleared when full.
 */
const ICU_VERDICTS = new Map<string, boolean>();
const ICU_VERDICTS_MAX = 20000;

/** Whether `w` is a word: in the common-word list or, 2+ characters, one segment to ICU. */
function known(w: string): boolean {
  if (commonWords().has(w)) return true;
  const segmenter = chineseSegmenter();
  if (segmenter === null) return false;
  let verdict = ICU_VERDICTS.get(w);
  if (verdict === undefined) {
    if (ICU_VERDICTS.size >= ICU_VERDICTS_MAX) ICU_VERDICTS.clear();
    verdict = isWord(segmenter, w);
    ICU_VERDICTS.set(w, verdict);
  }
  return verdict;
}

/** Whether s[from, to) lies inside `s` and holds Han characters of the BMP only. */
function hanRun(s: string, from: number, to: number): boolean {
  if (from < 0 || to > s.length) return false;
  for (let k = from; k < to; k++) if (!isHanCode(s.charCodeAt(k))) return false;
  return true;
}

/** Whether a word of 2–4 characters of `s` holds both offsets `a` and `a + 1`. */
function wordHolds(s: string, a: number): boolean {
  for (let n = 2; n <= 4; n++) {
    for (let from = a + 2 - n; from <= a; from++) if (hanRun(s, from, from + n) && known(s.slice(from, from + n))) return true;
  }
  return false;
}

/** The length (2–4) of the longest word of `s` ending at `last`, or 0. */
function wordEndingAt(s: string, last: number): number {
  for (let n = 4; n >= 2; n--) if (hanRun(s, last - n + 1, last + 1) && known(s.slice(last - n + 1, last + 1))) return n;
  return 0;
}

/** The length (2–4) of the longest word of `s` starting at `first`, or 0. */
function wordStartingAt(s: string, first: number): number {
  for (let n = 4; n >= 2; n--) if (hanRun(s, first, first + n) && known(s.slice(first, first + n))) return n;
  return 0;
}

/** Whether s[from, from + n) is a listed word of 3 or 4 Han characters (no ICU). */
function listedLong(s: string, from: number, n: number): boolean {
  return hanRun(s, from, from + n) && commonWords().has(s.slice(from, from + n));
}

/**
 * What every slip `contentSlip` finds needs, checked on the list alone (ICU's segmenter is
 * a hundred times dearer than a lookup, and text can hold many doubled pairs): a clause
 * opening on the pair before a listed word of 3–4 characters, or such a word across the
 * junction of the text with one copy dropped (a two-character word there would be a word
 * on the side that must have none).
 */
function mayBeSlip(s: string, i: number): boolean {
  if (!isHanCode(s.charCodeAt(i - 1)) && (listedLong(s, i + 1, 3) || listedLong(s, i + 1, 4))) return true;
  // Words of the merged text s[.., i] + s[i + 2, ..] holding i - 1 and i, or i and i + 2.
  const lo = Math.max(0, i - 3);
  const merged = s.slice(lo, i + 1) + s.slice(i + 2, i + 6);
  const j = i - lo;
  // Every word of 3+ characters holding j and starting at j - n + 1 … j holds a neighbour too.
  for (let n = 3; n <= 4; n++) {
    for (let from = j - n + 1; from <= j; from++) if (listedLong(merged, from, n)) return true;
  }
  return false;
}

/**
 * Whether a doubled content character (not a suspect, not listed as right doubled) at `i`,
 * `i + 1` of line `s` is certainly a slip, to be fixed by dropping one copy.
 *
 * Intended: a word holds the pair (星星, 沉甸甸, 扎扎实实); the pair is half of AABB (the
 * neighbour pair is doubled too: 认认真真 not in the list); it follows 一 (一瓶瓶); two words
 * meet on it (支部|部署, 工作|作风, 学习|习近平: a word ends at the first copy and one starts
 * at the second); or neither copy forms a word with its neighbours (names, rare words:
 * nothing to go on).
 *
 * When exactly one side forms a word (服务|务队, 党|党支部), the pair is still often intended
 * in plain prose: a verb tried out on its object (照照镜子, 洗洗澡), an ABB adjective the
 * list lacks (肥腻腻), a word the lists lack on the other side (会考|考过). So one side alone
 * is not enough: the slip must be certain, and then it is fixed. Certain when the text with
 * one copy dropped forms a word across the junction (服务队, 组织生活, 党员大会), or when a
 * clause opens on the pair before a word of three or more characters (`、党党支部`; `、洗洗澡`
 * is a verb tried out on its object, `12所初中中，` a localiser after a noun). Everything
 * else stays quiet:
 * a warning on correct text costs more than a missed slip.
 */
function contentSlip(s: string, i: number): boolean {
  // Without ICU's dictionary most words are unknown: every pair would look like a slip.
  // (mayBeSlip first: the segmenter is made only for a line that needs it.)
  if (!mayBeSlip(s, i) || chineseSegmenter() === null) return false;
  if (s[i - 1] === '一' || wordHolds(s, i) || wordCovers(s, i) || wordCovers(s, i + 1)) return false;
  if (s.charCodeAt(i + 2) === s.charCodeAt(i + 3) || (i >= 2 && s.charCodeAt(i - 2) === s.charCodeAt(i - 1))) return false;
  const left = wordEndingAt(s, i);
  const right = wordStartingAt(s, i + 1);
  if (left === 0 && right === 0) return false;
  // Both sides words: two words meet (支部|部署), unless the left one only ends at the first
  // copy by cutting into the word before it (教工|工党|党支部: 教工党党支部 reads 教工|党支部).
  if (left > 0 && right > 0) return mergedReadsBetter(s, i);
  // A clause opening on the pair before a long word (、党党支部). Not before a short one: a
  // verb tried out opens a clause so (洗洗澡). Nor a clause closing on it after a word: a
  // localiser closes one so (12所初中中，: among them).
  if (right > 0 && !isHanCode(s.charCodeAt(i - 1))) return right >= 3;
  // The text with the second copy dropped, and the junction on the side with no word.
  const lo = Math.max(0, i - 3);
  const merged = s.slice(lo, i + 1) + s.slice(i + 2, i + 6);
  const j = i - lo;
  return wordHolds(merged, left > 0 ? j : j - 1);
}

/**
 * A word ending at the first copy, a word right after the second, and the second copy alone
 * between them: 全体|体|党员, 按时|时|足额. With one copy dropped two words meet cleanly. An
 * ABB word holding the pair (白花花) is in the lists and never comes here; a verb tried out
 * (洗洗澡) has its word on the other side.
 */
function strandedCopy(s: string, i: number): boolean {
  // (The cheap test first: the segmenter is made only for a line that needs it.)
  if (!isHanCode(s.charCodeAt(i - 1)) || chineseSegmenter() === null) return false;
  if (s[i - 1] === '一' || wordHolds(s, i) || wordCovers(s, i) || wordCovers(s, i + 1)) return false;
  if (s.charCodeAt(i + 2) === s.charCodeAt(i + 3) || (i >= 2 && s.charCodeAt(i - 2) === s.charCodeAt(i - 1))) return false;
  if (wordEndingAt(s, i) === 0 || wordStartingAt(s, i + 1) > 0 || wordStartingAt(s, i + 2) === 0) return false;
  return mergedReadsBetter(s, i);
}

/**
 * The mirror of `strandedCopy`: a word ending right before the pair, a word starting at the
 * second copy, and the first copy alone between them: 会员|企|企业. Only for a character that
 * is a noun (rules/data/reduplication.yaml `nouns`): a verb doubled before its object is a
 * verb tried out (大家|帮帮忙, 回家|洗洗澡), whose shape this is too. Quiet where the text
 * after the pair forms a word (经常|照照|镜子: a verb tried out on a noun) and where the
 * clause does not read better with one copy dropped.
 */
function strandedFirstCopy(s: string, i: number): boolean {
  // (The cheap tests first: the segmenter is made only for a line that needs it.)
  if (!reduplication.nouns.has(s[i]) || !isHanCode(s.charCodeAt(i - 1)) || chineseSegmenter() === null) return false;
  if (wordHolds(s, i) || wordCovers(s, i) || wordCovers(s, i + 1)) return false;
  if (s.charCodeAt(i + 2) === s.charCodeAt(i + 3) || (i >= 2 && s.charCodeAt(i - 2) === s.charCodeAt(i - 1))) return false;
  if (wordEndingAt(s, i - 1) === 0 || wordEndingAt(s, i) > 0 || wordStartingAt(s, i + 1) === 0 || wordStartingAt(s, i + 2) > 0) return false;
  return mergedReadsBetter(s, i);
}

/**
 * `strandedCopy` for a character listed as right doubled (时 of 时时, 时时刻刻): its pair is a
 * word, so only a longer word holding it (时时刻刻, 时时处处) explains it. A word ending at
 * the first copy, none at the second and one right after it (按时|时|足额): the second
 * copy stands alone where no reduplicated adverb does (时时 is followed by a verb: 时时关注).
 */
function strandedDoubled(s: string, i: number): boolean {
  if (!isHanCode(s.charCodeAt(i - 1)) || s[i - 1] === '一' || chineseSegmenter() === null) return false;
  if (wordCovers(s, i) || wordCovers(s, i + 1) || longerWordHolds(s, i)) return false;
  if (s.charCodeAt(i + 2) === s.charCodeAt(i + 3) || (i >= 2 && s.charCodeAt(i - 2) === s.charCodeAt(i - 1))) return false;
  if (wordEndingAt(s, i) === 0 || wordStartingAt(s, i + 1) > 0 || wordStartingAt(s, i + 2) === 0) return false;
  return mergedReadsBetter(s, i);
}

/** Whether a word of 3–4 characters of `s` holds both offsets `a` and `a + 1`. */
function longerWordHolds(s: string, a: number): boolean {
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
function mergedReadsBetter(s: string, i: number): boolean {
  let lo = i;
  while (lo > 0 && i - lo < SEGMENT_REACH && isHanCode(s.charCodeAt(lo - 1))) lo--;
  let hi = i + 2;
  while (hi < s.length && hi - (i + 2) < SEGMENT_REACH && isHanCode(s.charCodeAt(hi))) hi++;
  const kept = s.slice(lo, hi);
  const merged = s.slice(lo, i + 1) + s.slice(i + 2, hi);
  return segmentation(merged) < segmentation(kept);
}

/**
 * The fewest characters standing alone in a segmentation of the Han run `w` into words of
 * 2–4 characters (`known`) and single characters (a dynamic programme over its prefixes).
 */
function segmentation(w: string): number {
  const alone = new Array<number>(w.length + 1).fill(0);
  for (let k = 1; k <= w.length; k++) {
    let best = alone[k - 1] + 1;
    for (let n = 2; n <= 4 && n <= k; n++) if (alone[k - n] < best && known(w.slice(k - n, k))) best = alone[k - n];
    alone[k] = best;
  }
  return alone[w.length];
}

/**
 * After 一 a doubled character is intended (一瓶瓶, 一步步, 一个个), and a character listed as
 * right doubled (步步为营) is too — unless the 一 is inside a word of three characters ending
 * at the first copy and the clause reads better with one copy dropped: 进一步步提升 is 进一步
 * with its 步 typed twice (进一步|提升), not 进|一步步.
 */
function oneInsideWord(s: string, i: number): boolean {
  return s.charCodeAt(i - 1) === 0x4e00 /* 一 */ && chineseSegmenter() !== null && listedLong(s, i - 2, 3) && mergedReadsBetter(s, i);
}

/**
 * Content characters doubled inside listed words (实 of 实实在在 and 扎扎实实), and per such
 * character whether its pair alone is a word (明明, 多多 are; 实实 is not): filled on first use.
 * Where it is not, the doubling is allowed only as part of such a word, so the text around
 * must complete it; see `unfinishedWord`.
 */
let DOUBLED_IN_WORDS: Set<string> | null = null;
const PAIR_IS_WORD = new Map<string, boolean>();

/** Whether `c` is doubled in a listed word while `cc` alone is no word (实: 实实 is none). */
function doubledOnlyInWords(c: string): boolean {
  if (DOUBLED_IN_WORDS === null) {
    DOUBLED_IN_WORDS = new Set();
    for (const word of reduplication.words) {
      for (let k = 0; k + 1 < word.length; k++) if (word[k] === word[k + 1]) DOUBLED_IN_WORDS.add(word[k]);
    }
  }
  if (!DOUBLED_IN_WORDS.has(c)) return false;
  let isWord = PAIR_IS_WORD.get(c);
  if (isWord === undefined) PAIR_IS_WORD.set(c, (isWord = known(c + c)));
  return !isWord;
}

/**
 * Whether a doubled content character at `i`, `i + 1` of line `s` that is doubled only
 * inside listed words (实实 of 实实在在) stands where no such word does: `办实实事` is 办实事
 * with 实 typed twice, since 实实 is not followed by 在在. Quiet where the pair is half of
 * AABB (老老实实, not listed), follows 一, or where neither side makes a word; reported
 * where a word ends at the first copy or starts at the second and the clause reads better
 * with one copy dropped (办|实|实事 against 办|实事).
 */
function unfinishedWord(s: string, i: number): boolean {
  if (!doubledOnlyInWords(s[i]) || chineseSegmenter() === null) return false;
  if (wordCovers2(s, i)) return false;
  if (s[i - 1] === '一' || s.charCodeAt(i + 2) === s.charCodeAt(i + 3) || (i >= 2 && s.charCodeAt(i - 2) === s.charCodeAt(i - 1))) return false;
  if (wordEndingAt(s, i) === 0 && wordStartingAt(s, i + 1) === 0) return false;
  return mergedReadsBetter(s, i);
}

/** Whether a listed word stands in `s` holding both offsets `i` and `i + 1`. */
function wordCovers2(s: string, i: number): boolean {
  for (const { word, at } of WORDS_BY_CHAR.get(s[i]) ?? []) if (at + 1 < word.length && i >= at && s.startsWith(word, i - at)) return true;
  return false;
}

/** Whether a listed word stands in `s` covering offset `k` (a word holding s[k]). */
function wordCovers(s: string, k: number): boolean {
  for (const { word, at } of WORDS_BY_CHAR.get(s[k]) ?? []) if (k >= at && s.startsWith(word, k - at)) return true;
  return false;
}

/** Whether the doubled character at `i`, `i + 1` of line `s` is explained as intended. */
function explained(s: string, i: number): boolean {
  const c = s[i];
  const kind = reduplication.suspects.get(c);
  if (reduplication.chars.has(c)) return true;
  if (kind === undefined) return true;
  const before = s[i - 1];
  if (!isHan(before) || before === '一') return true;
  const particle = kind === 'particle';
  if (wordCovers(s, i + 1) || (particle && wordCovers(s, i))) return true;
  const segmenter = chineseSegmenter();
  return segmenter === null || segmenterExplains(segmenter, s, i, particle);
}

/**
 * The offsets where two equal code units meet in `text`, within a line (`的的` at 3 gives 3;
 * `的的的` at 3 gives 3 and 4). One pass over the whole text: a line terminator is never
 * part of a pair within a line, and two terminators in a row are not a pair.
 */
function equalPairs(text: string): number[] {
  const pairs: number[] = [];
  let previous = text.charCodeAt(0);
  for (let i = 1; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === previous && code !== 10 && code !== 13) pairs.push(i - 1);
    previous = code;
  }
  return pairs;
}

/**
 * The known error shapes, made sticky. Each match of one is exactly a doubled pair (see
 * `ReduplicationData.errors`), so a global scan can only stop where two equal code units
 * meet: trying the pattern at those few places alone finds the same matches, without
 * running it over the whole line.
 */
const ERRORS = reduplication.errors.map((re) => new RegExp(re.source, re.flags.replace('g', '') + 'y'));

/**
 * Offsets (unique) of the doubled pairs the known error shapes match in line `s`, whose
 * equal pairs stand at `pairs`. Like a global scan, each pattern resumes past its match.
 */
function knownErrors(s: string, pairs: readonly number[]): number[] {
  const found: number[] = [];
  for (const re of ERRORS) {
    let resume = 0;
    for (const i of pairs) {
      if (i < resume) continue;
      re.lastIndex = i;
      const m = re.exec(s);
      if (m === null) continue;
      if (m[0].length === 2 && m[0][0] === m[0][1] && !found.includes(i)) found.push(i);
      resume = re.lastIndex;
    }
  }
  return found;
}

export const duplicateChar: Rule = {
  id: 'duplicate-char',
  meta: {
    family: 'wording',
    severity: 'warning',
    fixable: true,
    // Findings lie within a line and read only that line (and the opaque spans, quantities
    // and mdast over it): after an edit it runs on the re-parsed blocks alone.
    scope: 'block',
    description: {
      'zh-CN': '误重复的汉字（三级级、党的的）；常常、层层、实实在在等重叠词不在此列',
      en: 'A Han character typed twice by accident (三级级); real reduplication (常常, 实实在在) is fine',
    },
    messages: {
      doubled: {
        'zh-CN': '“{pair}”重复，疑为笔误，应为“{char}”',
        en: '"{pair}": the character is doubled, probably a typo; write "{char}"',
      },
    },
  },
  check(report: Report, _options, context?: RuleContext): Problem[] {
    const { text, lines, opaque } = report;
    const problems: Problem[] = [];
    // Every finding is a pair of equal code units (a known error shape's match is exactly
    // the doubled pair): only the lines holding one, few, need more. Reading code units,
    // not one-character strings, keeps that scan free of allocation.
    const all = equalPairs(text);
    for (let lo = 0; lo < all.length; ) {
      const line = lines.lineAt(all[lo]);
      const from = lines.start(line);
      const to = lines.end(line);
      // The line's pairs, relative to its start.
      const pairs: number[] = [];
      for (; lo < all.length && all[lo] < to; lo++) pairs.push(all[lo] - from);
      const s = lines.lineText(line);
      const found = knownErrors(s, pairs);
      for (const i of pairs) {
        const c = s.charCodeAt(i);
        // Han characters all lie at U+2E80 and up: test the code unit before making a string.
        if (c < 0x2e80 || !isHan(s[i])) continue;
        // A pair inside a run of three or more is left alone.
        if (s.charCodeAt(i - 1) === c || s.charCodeAt(i + 2) === c) continue;
        if (found.includes(i)) continue;
        if (oneInsideWord(s, i)) {
          found.push(i);
          continue;
        }
        if (reduplication.suspects.has(s[i]) || reduplication.chars.has(s[i])) {
          // 按时|时|足额: a character right doubled elsewhere (时时刻刻) whose second copy
          // stands alone between two words is no reduplication there.
          if (!explained(s, i) || (reduplication.chars.has(s[i]) && strandedDoubled(s, i))) found.push(i);
        } else {
          if (contentSlip(s, i) || strandedCopy(s, i) || strandedFirstCopy(s, i) || unfinishedWord(s, i)) found.push(i);
        }
      }
      if (found.length > 1) found.sort((a, b) => a - b);
      for (const i of found) {
        const start = from + i;
        if (opaque.overlaps(start, start + 2) || accepted(context, text, start, start + 2)) continue;
        problems.push({
          messageId: 'doubled',
          data: { pair: s.slice(i, i + 2), char: s[i] },
          start,
          end: start + 2,
          fix: { start: start + 1, end: start + 2, text: '' },
        });
      }
    }
    return problems;
  },
};
