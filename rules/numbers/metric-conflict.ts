/**
 * metric-conflict: the same count of the same thing in the same scope, stated with two
 * different values in two places ("全镇12个村" and later "全镇13个村"). Reported at the
 * later statement, with `related` pointing at the first one of its kind; a statement that
 * repeats the first value is a passed check.
 *
 * "The same thing" is read strictly, so that counts of different sets never meet:
 * - the same scope word (`quantity.scope`, or a scope before a noun written ahead of its
 *   number: 全镇共有党员326名), the same measure word, the same counted noun;
 * - the count must be a whole: the noun phrase ends at a clause boundary, or continues only
 *   with words that keep the set whole (均, 都, 全部: 辖区13个村均已成立合作社). "全镇8个
 *   村集体经济收入达到了15万元以上" counts some of the villages and is not compared;
 * - exact numbers only (`bound: 'exact'`); statements of goals (力争, 确保, 计划…) and the
 *   plans part of the report are not facts and are skipped; statements dated differently
 *   (2022年 / 2023年, 上半年 / 全年) are not compared;
 * - a scope names the report's own unit only at the highest level the report uses (全镇 in
 *   a town's report): 全村 in a town's report speaks of different villages in different
 *   places and is not compared. 辖区, 全系统… always mean the reporting unit.
 * Statements are indexed by key in a Map: one pass, linear in the number of quantities.
 * A count is read in full (noun, sentence, time) only if another shares its scope and unit.
 * The vocabulary is data: rules/data/metric-conflict.yaml.
 */
import { metricConflictData as vocab } from '../data/metric-conflict';
import type { Quantity } from '../model/quantities';
import type { Report } from '../model/report';
import type { Problem, Rule } from '../types';
import { isSpace } from '../model/script';
import { checked, measureOf, oneOf, sentenceStart } from './sentence';

/**
 * A quantity that passed the cheap tests for a statement: its scope and unit, and where to
 * read it in full (readStatement) if it can meet another statement (see mayMatter).
 */
interface Candidate {
  scope: string;
  unit: string;
  q: Quantity;
  lineStart: number;
  lineText: string;
}

/** One whole count: where it stands (scope to noun) and what it says. */
interface Statement {
  /** `scope|unit|noun|time`: statements of one key count the same thing. */
  key: string;
  scope: string;
  start: number;
  end: number;
  /** The statement as written, scope to noun: `全镇12个村`. */
  text: string;
  value: number;
  shown: string;
  line: number;
}

// Where a counted noun ends: these marks and white space (`/[，。；;,：:！？!?、\s]/u`), tested by
// code unit. Quotes and brackets do not end it: 全镇8个村“两委”班子 counts committees of
// some villages, not the villages.
function isClauseEnd(c: number): boolean {
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
/** How far back a statement's sentence is read: one long line costs linear time. */
const MAX_SENTENCE = 200;
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
/** First code units of the universal words (均, 都, 全部…): where one may start. */
const UNIVERSAL_FIRST = [...new Set(vocab.universal.map((w) => w.charCodeAt(0)))];
const ALL_SCOPES = [...vocab.placeScopes.keys(), ...vocab.ownScopes].sort((a, b) => b.length - a.length);
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// Scope, existence verb, then the noun (Han only) right before the number: 全镇共有党员.
const NOUN_BEFORE = new RegExp(
  `(${ALL_SCOPES.map(escape).join('|')})(${[...vocab.existence].sort((a, b) => b.length - a.length).map(escape).join('|')})?([\\p{Script=Han}]{1,${MAX_NOUN}})$`,
  'u',
);
/**
 * First code units of the scopes (全, 本, 辖): a cheap test before NOUN_BEFORE. A short list
 * compared in place, not a 65536-entry table, which missed the cache at each Han character.
 */
const SCOPE_FIRST = [...new Set(ALL_SCOPES.map((s) => s.charCodeAt(0)))];
/** The longest NOUN_BEFORE match: scope, existence verb, noun. */
const longest = (words: Iterable<string>) => Math.max(0, ...[...words].map((w) => w.length));
const NOUN_BEFORE_MAX = longest(ALL_SCOPES) + longest(vocab.existence) + MAX_NOUN;
/** Whether a text holds any of `words`: one regex scan instead of a search per word. */
const anyOf = (words: Iterable<string>) => new RegExp([...words].map(escape).join('|'), 'u');
/** A particle or verb that makes a run of words no noun (vocab.notInNoun, vocab.verbs). */
const NOT_IN_NOUN = anyOf([...vocab.notInNoun, ...vocab.verbs]);
/** A word of a goal (力争, 确保…): the sentence states no fact. */
const ANY_TARGET = anyOf(vocab.targets);
/** A time word (上半年, 全年…): the cheap test before timeTag looks for the last one. */
const ANY_TIME = anyOf(vocab.times);
/** Longest noun read before a number without an existence verb (全镇党员326名). */
const MAX_BARE_NOUN = 3;

export const metricConflict: Rule = {
  id: 'metric-conflict',
  meta: {
    family: 'numbers',
    severity: 'warning',
    fixable: false,
    description: {
      'zh-CN': '同一范围内同一事物的数量前后表述一致（如“全镇12个村”）',
      en: 'The same count of the same thing in the same scope is stated with one value throughout',
    },
    messages: {
      conflict: {
        'zh-CN': '“{text}”与第{line}行“{earlier}”不一致：{value}≠{earlierValue} ✗',
        en: '"{text}" contradicts "{earlier}" on line {line}: {value} ≠ {earlierValue} ✗',
      },
      consistent: {
        'zh-CN': '“{text}”与第{line}行“{earlier}”一致：{value}={earlierValue} ✓',
        en: '"{text}" agrees with "{earlier}" on line {line}: {value} = {earlierValue} ✓',
      },
      earlier: {
        'zh-CN': '前文表述：“{earlier}”',
        en: 'Stated earlier: "{earlier}"',
      },
    },
  },
  check(report: Report): Problem[] {
    const plans = planRanges(report);
    const candidates: Candidate[] = [];
    const quantities = report.quantities;
    // An index loop: for-of allocates an iterator result per step until the JIT optimizes.
    for (let i = 0; i < quantities.length; i++) {
      const q = quantities[i];
      if (q.bound !== 'exact' || inRanges(plans, q.start)) continue;
      const lineStart = report.lines.start(q.line);
      const lineText = report.lines.lineText(q.line);
      const scope = scopeOf(lineStart, lineText, q);
      // `16村` may meet `16个村`: place measures are grouped with 个 (see countedThing).
      if (scope !== null) candidates.push({ scope, unit: unitKey(q.unit), q, lineStart, lineText });
    }
    // A conflict takes two statements: with fewer there is nothing to compare.
    if (candidates.length < 2) return [];
    const statements: Statement[] = [];
    for (const c of mayMatter(candidates)) {
      const s = readStatement(c.lineStart, c.lineText, c.q);
      if (s) statements.push(s);
    }
    let top = 0;
    for (const s of statements) top = Math.max(top, vocab.placeScopes.get(s.scope) ?? 0);
    const problems: Problem[] = [];
    // Each later statement is held against the first one of its key: the first statement
    // is the one a reader met first, and a third statement agreeing with it is not noise.
    const first = new Map<string, Statement>();
    for (const s of statements) {
      const level = vocab.placeScopes.get(s.scope);
      if (level !== undefined && level < top) continue;
      const earlier = first.get(s.key);
      if (!earlier) {
        first.set(s.key, s);
        continue;
      }
      const ok = earlier.value === s.value;
      const data = { text: s.text, earlier: earlier.text, line: earlier.line + 1, value: s.shown, earlierValue: earlier.shown };
      const related = [{ messageId: 'earlier', data: { earlier: earlier.text }, start: earlier.start, end: earlier.end }];
      problems.push(checked(ok, ok ? 'consistent' : 'conflict', data, s.start, s.end, related));
    }
    return problems;
  },
};

/**
 * The candidates worth reading in full, in order: one that shares scope and unit with
 * another may share its key, and one whose scope level is above another's may set the level
 * below which statements are skipped. Any other candidate can neither meet a statement nor
 * change which are compared, so it is not read (its noun, its sentence, the segmenter): a
 * statement alone of its key reports nothing.
 */
function mayMatter(candidates: readonly Candidate[]): Candidate[] {
  const count = new Map<string, number>();
  let lowest = Infinity;
  for (const c of candidates) {
    const key = `${c.scope}|${c.unit}`;
    count.set(key, (count.get(key) ?? 0) + 1);
    const level = vocab.placeScopes.get(c.scope);
    if (level !== undefined && level < lowest) lowest = level;
  }
  return candidates.filter((c) => {
    const level = vocab.placeScopes.get(c.scope);
    return count.get(`${c.scope}|${c.unit}`)! > 1 || (level !== undefined && lowest < level);
  });
}

/** Whether `offset` lies in one of `ranges` (`[start, end)` each). */
function inRanges(ranges: readonly [number, number][], offset: number): boolean {
  for (let i = 0; i < ranges.length; i++) if (offset >= ranges[i][0] && offset < ranges[i][1]) return true;
  return false;
}

/**
 * The scope a quantity may state a count in, by the cheap tests of readStatement (the scope
 * written before the number; or a clause ending after it, and scope and noun before it), or
 * null when it cannot be a statement.
 */
function scopeOf(lineStart: number, lineText: string, q: Quantity): string | null {
  const at = q.start - lineStart;
  if (q.scope) {
    const scopeAt = lineText.lastIndexOf(q.scope, at);
    return scopeAt < 0 || scopeAt < at - 8 ? null : q.scope;
  }
  return nounBefore(lineText, at, q.end - lineStart)?.[1] ?? null;
}

/**
 * `全镇共有党员326名，`: the NOUN_BEFORE match (scope, existence verb, noun) ending at the
 * number at `at`, which must end its clause at `endAt`; null if there is none.
 */
function nounBefore(lineText: string, at: number, endAt: number): RegExpExecArray | null {
  if (endAt < lineText.length && !isClauseEnd(lineText.charCodeAt(endAt))) return null;
  const windowStart = Math.max(0, at - 16);
  // A NOUN_BEFORE match ends at `at`, is at most NOUN_BEFORE_MAX long and opens with a
  // character of SCOPE_FIRST: without one in reach, the regex cannot match.
  if (!hasScopeStart(lineText, Math.max(windowStart, at - NOUN_BEFORE_MAX), at)) return null;
  const m = NOUN_BEFORE.exec(lineText.slice(windowStart, at));
  return !m || /[。！？!?；;]/u.test(m[0]) ? null : m;
}

/**
 * Reads a quantity as a whole count in a scope, or null. Two shapes: scope before the
 * number (`全镇12个村`, the layer's `scope`), or scope and noun before it
 * (`全镇共有党员326名`, the number then ending its clause).
 */
function readStatement(lineStart: number, lineText: string, q: Quantity): Statement | null {
  const at = q.start - lineStart;
  const endAt = q.end - lineStart;

  if (q.scope) {
    const scopeAt = lineText.lastIndexOf(q.scope, at);
    if (scopeAt < 0 || scopeAt < at - 8) return null;
    const noun = nounAfter(lineText, endAt, q.unit);
    if (noun === null) return null;
    const time = sentenceTime(lineText, at);
    if (time === null) return null;
    const thing = countedThing(q.unit, noun.noun);
    return {
      key: `${q.scope}|${thing}|${time}`,
      scope: q.scope,
      start: lineStart + scopeAt,
      end: lineStart + noun.end,
      text: lineText.slice(scopeAt, noun.end),
      value: q.value,
      shown: shownValue(q),
      line: q.line,
    };
  }

  // 全镇共有党员326名，: the noun stands before the number, which ends its clause.
  const m = nounBefore(lineText, at, endAt);
  if (!m) return null;
  const noun = m[3];
  if (!isNoun(noun) || (!m[2] && noun.length > MAX_BARE_NOUN)) return null;
  const time = sentenceTime(lineText, at);
  if (time === null) return null;
  const scopeAt = at - m[0].length;
  return {
    key: `${m[1]}|${countedThing(q.unit, noun)}|${time}`,
    scope: m[1],
    start: lineStart + scopeAt,
    end: q.end,
    text: lineText.slice(scopeAt, endAt),
    value: q.value,
    shown: shownValue(q),
    line: q.line,
  };
}

/**
 * What a statement counts, as `unit|noun`, with the ways of writing one thing made one:
 * `16村` and `16个村` (a place measure with no noun counts that place: 个|村), and the
 * synonyms of metric-conflict.yaml (`行政村`, `建制村` → 村), so `全乡共有行政村15个` meets
 * `全乡16个村`; 名, 人 and 位 are one measure. Different nouns sharing a head (村党组织,
 * 村民小组) stay apart.
 */
function countedThing(unit: string, noun: string): string {
  if (noun === '' && vocab.placeUnits.includes(unit)) return `个|${vocab.synonyms.get(unit) ?? unit}`;
  return `${unitKey(unit)}|${vocab.synonyms.get(noun) ?? noun}`;
}

/**
 * A measure word as statements are grouped by it: 名, 人 and 位 all count people (党员826名
 * = 党员826人), and 村/镇/乡 go with 个 (`16村` may meet `16个村`, see countedThing).
 */
function unitKey(unit: string): string {
  if (vocab.placeUnits.includes(unit)) return '个';
  return measureOf(unit).kind === 'people' ? '名' : unit;
}

/** A value for messages: number, scale and unit as written (`12个`, `2.5万元`). */
function shownValue(q: Quantity): string {
  return `${q.numberText}${q.scale}${q.unit}`;
}

/**
 * What the sentence before index `at` (at most MAX_SENTENCE characters of it) says of a
 * statement, read only for a candidate: null for a goal (力争, 确保…), else its time tag
 * (see timeTag).
 */
function sentenceTime(lineText: string, at: number): string | null {
  const prefix = lineText.slice(sentenceStart(lineText, at, MAX_SENTENCE), at);
  return ANY_TARGET.test(prefix) ? null : timeTag(prefix);
}

/** Whether a character of SCOPE_FIRST stands in `lineText[from, to)`. */
function hasScopeStart(lineText: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (oneOf(SCOPE_FIRST, lineText.charCodeAt(i))) return true;
  return false;
}

/**
 * The counted noun right after a measure word, if the count is a whole: the noun phrase
 * reaches a clause boundary (a parenthetical such as `（社区）` belongs to it), or is
 * followed by a word that keeps the set whole (均, 都, 全部). `end` is a line index.
 */
function nounAfter(lineText: string, from: number, unit: string): { noun: string; end: number } | null {
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
    segments ??= segmenter.segment(noun);
    const word = segments.containing(at);
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

/** Whether a universal word is written at index `at` of `noun` (a word of it or not). */
function universalWrittenAt(noun: string, at: number): boolean {
  return oneOf(UNIVERSAL_FIRST, noun.charCodeAt(at)) && vocab.universal.some((w) => noun.startsWith(w, at));
}

/** Whether `words` can name a set of things (Han only, no verbs or particles). */
function isNoun(words: string): boolean {
  return HAN.test(words) && !NOT_IN_NOUN.test(words.replace(NOUNS_WITH_VERBS, ''));
}

/** The nouns that hold a verb (党组织), taken out of a noun before the verb test. */
const NOUNS_WITH_VERBS = new RegExp(vocab.nounsWithVerbs.map(escape).join('|'), 'gu');

/** What dates a sentence's statement: the last year (2023年) or time word in it, or ''. */
function timeTag(prefix: string): string {
  let tag = '';
  let where = -1;
  // The last year: the last 年 with four digits before it (the last match of /\d{4}年/).
  for (let y = prefix.lastIndexOf('年'); y >= 4; y = prefix.lastIndexOf('年', y - 1)) {
    if (isDigit(prefix.charCodeAt(y - 4)) && isDigit(prefix.charCodeAt(y - 3)) && isDigit(prefix.charCodeAt(y - 2)) && isDigit(prefix.charCodeAt(y - 1))) {
      where = y - 4;
      tag = prefix.slice(where, y + 1);
      break;
    }
  }
  if (!ANY_TIME.test(prefix)) return tag;
  for (const w of vocab.times) {
    const i = prefix.lastIndexOf(w);
    if (i > where) {
      where = i;
      tag = w;
    }
  }
  return tag;
}

/**
 * Ranges `[start, end)` of the report's plans part (下一步…, 工作计划): goals, not facts.
 * A heading part spans its section; a lead-in paragraph runs to the end of the section it
 * stands in (or of the report).
 */
function planRanges(report: Report): [number, number][] {
  const ranges: [number, number][] = [];
  for (const part of report.parts) {
    if (part.id !== 'plans') continue;
    if (part.via === 'heading' && part.section >= 0) {
      const s = report.sections[part.section];
      ranges.push([s.start, s.end]);
    } else {
      let end = report.text.length;
      for (const s of report.sections) if (s.start <= part.start && s.end > part.start) end = Math.min(end, s.end);
      ranges.push([part.start, end]);
    }
  }
  return ranges;
}
