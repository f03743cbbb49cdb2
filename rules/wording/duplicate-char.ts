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
 * - the pair opens a run of Han text (`、级级传导`) or follows 一 (一级级, 一个个); not a
 *   preposition opening a clause (`，在在全市`: reduplication.yaml `opening_prepositions`).
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
 * A title of a post ending in a character that is also a verb, then that verb (`副主任任组织委员`:
 * 任 "to serve as"; reduplication.yaml `title_verbs`), is two words, never a slip.
 *
 * A copy with paired emphasis marks or a line break between it and the first
 * (`提质**质增效`, `支部组织` / `织党员`) is judged the same way, on the text read without them
 * (duplicate-boundary.ts).
 *
 * Offsets are UTF-16 code units; each line is scanned once, and the segmenter sees at most
 * 14 characters around a pair, so time is linear in the text. What counts as a word around a
 * pair is duplicate-words.ts; the verdicts on content characters are duplicate-slips.ts.
 */
import { reduplication } from '../data/reduplication';
import type { Report } from '../model/report';
import type { Problem, Rule, RuleContext } from '../types';
import { accepted } from '../model/dictionary';
import { isHan } from '../model/script';
import { chineseSegmenter } from '../model/segmenter';
import { closingCopy, contentSlip, copyBeforeNext, junctionWord, oneInsideWord, strandedBetweenWords, strandedCopy, strandedDoubled, unfinishedWord } from './duplicate-slips';
import { strandedFirstCopy } from './duplicate-first-copy';
import { segmenterExplains, wordCovers, wordStartingAt } from './duplicate-words';
import { doubledWordsIn } from './duplicate-word';
import { boundaryPairs } from './duplicate-boundary';
import { openingNounCopy, pronounSlip, verbThenBenefit, zaiSlip } from './duplicate-frames';

/**
 * Whether the doubled opening preposition at `i`, `i + 1` of line `s` stands before a whole
 * word (`把把|党建`), and, for 在, not before a state word 在X (`在|在建`: `zaiSlip`).
 */
function openingSlip(s: string, i: number): boolean {
  if (wordStartingAt(s, i + 2) === 0) return false;
  return s[i] !== '在' || zaiSlip(s, i);
}

/** Whether the doubled character at `i`, `i + 1` of line `s` is explained as intended. */
function explained(s: string, i: number): boolean {
  const c = s[i];
  const kind = reduplication.suspects.get(c);
  if (reduplication.chars.has(c)) return true;
  if (kind === undefined) return true;
  const before = s[i - 1];
  // A doubled measure word or affix opening a run is distributive (`、级级传导`); a doubled
  // preposition opening a clause before a whole word (`，在在|全市`) is not, and goes on to
  // the word checks. Before a lone character it may be a word of its own with the second
  // copy, one no dictionary lists. 在 makes such words freely with a verb (在押, 在研, 在审,
  // 在办 人员): a doubled 在 counts only where the next character makes no such word
  // (`在在恢复`; reduplication.yaml `zai_states`) or is a pronoun of scope (`在在全市`).
  if (before === '一') return true;
  if (!isHan(before) && (!reduplication.openingPrepositions.has(c) || !openingSlip(s, i))) return true;
  const particle = kind === 'particle';
  if (wordCovers(s, i + 1) || (particle && wordCovers(s, i))) return true;
  // 转化为|为农服务: a verb's complement, then a 为 opening a frame of benefit.
  if (verbThenBenefit(s, i)) return true;
  const segmenter = chineseSegmenter();
  return segmenter === null || segmenterExplains(segmenter, s, i, particle);
}

/**
 * Whether the doubled pair at `i`, `i + 1` of line `s` is a title of a post ending at the
 * first copy and the same character as a verb (副主任|任|组织委员, rules/data/reduplication.yaml
 * `title_verbs`), with Han text after the verb (its object): two words, not a slip.
 */
function titleThenVerb(s: string, i: number): boolean {
  if (!isHan(s[i + 2] ?? '')) return false;
  for (const title of reduplication.titleVerbs) {
    if (title[title.length - 1] === s[i] && s.startsWith(title, i + 1 - title.length)) return true;
  }
  return false;
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

/**
 * Whether the Han pair of equal characters at `i`, `i + 1` of line `s` (UTF-16 offsets) is a
 * slip, by the word and construction checks (the known error shapes are `knownErrors`'):
 * a pair inside a run of three or more, or a title then its verb, is left alone.
 */
function pairSlip(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  // Han characters all lie at U+2E80 and up: test the code unit before making a string.
  if (c < 0x2e80 || !isHan(s[i])) return false;
  // A pair inside a run of three or more is left alone.
  if (s.charCodeAt(i - 1) === c || s.charCodeAt(i + 2) === c) return false;
  if (titleThenVerb(s, i)) return false;
  if (oneInsideWord(s, i) || pronounSlip(s, i)) return true;
  if (reduplication.suspects.has(s[i]) || reduplication.chars.has(s[i])) {
    // 按时|时|足额: a character right doubled elsewhere (时时刻刻) whose second copy
    // stands alone between two words is no reduplication there.
    // 本人|人|以|普通: the same, the copy alone before an opener and its word, a number or a
    // quotation (closingCopy).
    return !explained(s, i) || (reduplication.chars.has(s[i]) && (strandedDoubled(s, i) || copyBeforeNext(s, i)));
  }
  return contentSlip(s, i) || strandedCopy(s, i) || strandedFirstCopy(s, i) || unfinishedWord(s, i) || strandedBetweenWords(s, i) || junctionWord(s, i) || closingCopy(s, i) || openingNounCopy(s, i);
}

/**
 * Whether the pair at `i` of the joined text `s` (a boundary pair read without the markup or
 * line break between its copies) is a slip: a known error shape or `pairSlip`.
 */
function joinedSlip(s: string, i: number): boolean {
  return knownErrors(s, [i]).length > 0 || pairSlip(s, i);
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
      doubledWord: {
        'zh-CN': '“{word}”重复（“{pair}”），疑为笔误，应为“{word}”',
        en: '"{pair}": the word "{word}" is written twice, probably a typo; write "{word}"',
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
      for (const i of pairs) if (!found.includes(i) && pairSlip(s, i)) found.push(i);
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
    // A copy past emphasis marks or a line break (提质**质增效): duplicate-boundary.ts.
    for (const { first, second, joined, at } of boundaryPairs(report)) {
      if (opaque.overlaps(first, second + 1) || accepted(context, text, first, second + 1) || !joinedSlip(joined, at)) continue;
      const pair = joined.slice(at, at + 2);
      // Across a line break only the stray copy at the next line's start is marked: a
      // finding stays within one line.
      const start = lines.lineAt(first) === lines.lineAt(second) ? first : second;
      problems.push({ messageId: 'doubled', data: { pair, char: pair[0] }, start, end: second + 1, fix: { start: second, end: second + 1, text: '' } });
    }
    if (problems.length > 1) problems.sort((a, b) => a.start - b.start);
    // A word typed twice (按期按期, 进一步进一步): duplicate-word.ts.
    for (const { start, length } of doubledWordsIn(text, lines)) {
      const end = start + 2 * length;
      if (opaque.overlaps(start, end) || accepted(context, text, start, end)) continue;
      const word = text.slice(start, start + length);
      problems.push({ messageId: 'doubledWord', data: { pair: word + word, word }, start, end, fix: { start: start + length, end, text: '' } });
    }
    return problems;
  },
};