/**
 * The counted noun of a metric-conflict statement (metric-statements.ts): where a noun after
 * a count ends (a clause end, or a word that keeps the set whole: 均, 都, 全部, 中…有), and
 * whether a run of words can name a set of things at all (Han only, no verb or particle).
 * Kept apart from metric-statements.ts, which reads scopes, keys and stocks, to hold each
 * under the project's ~400-line module guideline. Indices are UTF-16 code units into the
 * line. Nothing here throws. Vocabulary: rules/data/metric-conflict.yaml.
 */
import { metricConflictData as vocab } from '../data/metric-conflict';
import { isSpace } from '../model/script';
import { wordSegmenter } from '../model/segmenter';
import { oneOf } from './sentence';
import { escapeRegExp as escape } from '../model/alternation';

/** Whether a text holds any of `words`: one regex scan instead of a search per word. */
const anyOf = (words: Iterable<string>) => new RegExp([...words].map(escape).join('|'), 'u');
/** A particle or verb that makes a run of words no noun (vocab.notInNoun, vocab.verbs). */
const NOT_IN_NOUN = anyOf([...vocab.notInNoun, ...vocab.verbs]);

/**
 * Whether UTF-16 code unit `c` ends a counted noun: these marks and white space
 * (`/[，。；;,：:！？!?、\s]/u`). Quotes and brackets do not end it: 全镇8个村“两委”班子
 * counts committees of some villages, not the villages.
 */
export function isClauseEnd(c: number): boolean {
  // Han characters (most of the text) and the rest of U+3040–U+FEFE are neither marks nor
  // white space: settled by one comparison.
  if (c >= 0x3040 && c < 0xfeff) return false;
  switch (c) {
    case 0xff0c: // ，
    case 0x3002: // 。
    case 0xff1b: // ；
    case 0x3b: // ;
    case 0x2c: // ,
    case 0xff1a: // ：
    case 0x3a: // :
    case 0xff01: // ！
    case 0xff1f: // ？
    case 0x21: // !
    case 0x3f: // ?
    case 0x3001: // 、
      return true;
    default:
      return isSpace(c);
  }
}
const isCloser = (c: number) => c === 0xff09 /* ） */ || c === 0x29; /* ) */
const HAN = /^[\p{Script=Han}]+$/u;
const MAX_NOUN = 6;
/** 均 alone and the 人 before it: 人均, per head (universalAt). */
const PER = '均';
const HEAD = '人';
/** First code units of the universal words (均, 都, 全部…): where one may start. */
const UNIVERSAL_FIRST = [...new Set(vocab.universal.map((w) => w.charCodeAt(0)))];

/**
 * The counted noun right after a measure word, if the count is a whole: the noun phrase
 * reaches a clause boundary (a parenthetical such as `（社区）` belongs to it), or is
 * followed by a word that keeps the set whole (均, 都, 全部). `end` is a line index.
 */
export function nounAfter(lineText: string, from: number, unit: string): { noun: string; end: number } | null {
  // The noun is `lineText[from, end)`: scanned by code unit, sliced once.
  let end = from;
  // Whether it holds a bracket: only then are asides taken out of it below.
  let bracket = false;
  while (end < lineText.length && end - from <= MAX_NOUN + 2) {
    const c = lineText.charCodeAt(end);
    if (c === 0xff08 /* （ */ || c === 0x28 /* ( */) {
      bracket = true;
      const close = lineText.slice(end, end + 8).search(/[）)]/u);
      if (close < 0) break;
      end += close + 1;
      continue;
    }
    if (isClauseEnd(c) || isCloser(c)) break;
    end++;
  }
  let noun = lineText.slice(from, end);
  const boundary = end >= lineText.length || isClauseEnd(lineText.charCodeAt(end)) || isCloser(lineText.charCodeAt(end));
  const universal = universalAt(noun);
  const among = boundary ? -1 : amongAt(noun);
  if (among > 0) {
    // 全镇12个村党组织中仍有2个…: the whole, then something said of some of it.
    noun = noun.slice(0, among);
    end = from + among;
  } else if (universal > 0) {
    noun = noun.slice(0, universal);
    // 全县19个乡镇供销社要全部完成…: a modal before the universal word is no word of the noun.
    const modal = vocab.beforeUniversal.find((w) => noun.endsWith(w) && noun.length > w.length);
    if (modal !== undefined) noun = noun.slice(0, -modal.length);
    end = from + noun.length;
  } else if (!boundary) {
    return null;
  }
  for (const suffix of vocab.wholeSuffixes) {
    if (noun.length > suffix.length && noun.endsWith(suffix)) {
      noun = noun.slice(0, -suffix.length);
      end -= suffix.length;
      break;
    }
  }
  if (noun === '') return /^[村镇乡户]$/u.test(unit) ? { noun, end } : null;
  const bare = bracket ? noun.replace(/[（(][^）)]*[）)]/gu, '') : noun;
  if (bare === '' || noun.length > MAX_NOUN + 4 || bare.length > MAX_NOUN || !isNoun(bare)) return null;
  return { noun, end };
}

/**
 * Where the first universal word of `noun` starts, as an Intl.Segmenter word (均 in
 * `村均已注册`, not in `平均`), or -1. Only where a universal word is written does the
 * segmenter run, and then it is asked for the word at each such place (`containing`), not
 * walked over every word: segmenting is the dearest step of the rule.
 */
function universalAt(noun: string): number {
  let segments: Intl.Segments | null = null;
  for (let at = 0; at < noun.length; at++) {
    if (!universalWrittenAt(noun, at)) continue;
    segments ??= wordSegmenter().segment(noun);
    const word = segments.containing(at);
    // 专任教师人均周课时: ICU cuts 人|均, but a lone 均 after 人 is 人均 (per head), an
    // average over them and no word of all; 责任人均已… keeps its 均已.
    if (word !== undefined && word.segment === PER && noun[at - 1] === HEAD) continue;
    if (word !== undefined && word.index === at && vocab.universal.includes(word.segment)) return at;
  }
  return -1;
}

/**
 * Where `中` (or 当中, 里) closes a whole and a clause about some of it begins (`村党组织中
 * 仍有`, `村中有`), or -1: the suffix must be followed by a word of vocab.amongFollowers,
 * so `中心村` and `中学` are no such place.
 */
function amongAt(noun: string): number {
  for (const suffix of vocab.wholeSuffixes) {
    for (let at = noun.indexOf(suffix, 1); at > 0; at = noun.indexOf(suffix, at + 1)) {
      const next = at + suffix.length;
      if (vocab.amongFollowers.some((w) => noun.startsWith(w, next))) return at + suffix.length;
    }
  }
  return -1;
}

/**
 * The length of a word of metric-conflict.yaml `before_universal` (要, 将, 年内…) at line index
 * `at` that a universal word (全部, 均…) follows, or 0: `要全部`, `年内全部` close a counted noun
 * as `全部` does (全县19个乡镇供销社要全部完成…).
 */
export function beforeUniversalAt(lineText: string, at: number): number {
  const w = vocab.beforeUniversal.find((m) => lineText.startsWith(m, at));
  return w !== undefined && vocab.universal.some((u) => lineText.startsWith(u, at + w.length)) ? w.length : 0;
}

/** Whether a universal word is written at index `at` of `noun` (a word of it or not). */
function universalWrittenAt(noun: string, at: number): boolean {
  return oneOf(UNIVERSAL_FIRST, noun.charCodeAt(at)) && vocab.universal.some((w) => noun.startsWith(w, at));
}

/** Whether `words` can name a set of things (Han only, no verbs or particles). */
export function isNoun(words: string): boolean {
  return HAN.test(words) && !NOT_IN_NOUN.test(words.replace(NOUNS_WITH_VERBS, ''));
}

/** The nouns that hold a verb (党组织), taken out of a noun before the verb test. */
const NOUNS_WITH_VERBS = new RegExp(vocab.nounsWithVerbs.map(escape).join('|'), 'gu');
