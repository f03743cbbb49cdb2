/**
 * The quantity layer: every count or measure stated in the report's prose, with its
 * number, qualifier, measure word and what it counts.
 *
 * A quantity needs a measure word (`17名`, `12个村`, `58.7%`, `2.5万余人`): that one demand
 * keeps dates (`2023年7月`), codes (`XL-07`), named models (`“8090”课堂`, `4.15全民国家安全
 * 教育日`) and most slogans out. Ordinals and ranks (`第一`, `一等奖`, `五星级`) and numbers
 * inside quoted names (`“五个一”`, `“1+3+N”`) are excluded explicitly. Chinese numerals are
 * read with `nzh`; a bare Chinese 一 ("一个") is an article more often than a count and is
 * not taken. Approximations follow GB/T 15835-2011: 20余次, 100多件, 约300人, 40左右.
 */
import { dataOf } from '../data/yaml-data';
import quantitiesText from '../data/quantities.yaml';
import type { LineTable } from './lines';
import { decodeChinese } from './numerals';
import { isSpace } from './script';
import type { OpaqueIndex } from './opaque';
import { lowerBound } from './lower-bound';
import { GROUPED_DIGITS_SOURCE } from './clauses';
import { escapeRegExp as escape } from './alternation';

/** How a qualifier bounds the true value: 余/多/以上 → at least; 近/不足/以下 → at most. */
export type Bound = 'exact' | 'lower' | 'upper' | 'approx';

export interface Quantity {
  /** Whole span: qualifier, number, measure word and trailing qualifier. UTF-16 offsets. */
  start: number;
  end: number;
  /** The number as written (`2.5`, `十七`). */
  numberText: string;
  numberStart: number;
  numberEnd: number;
  /** Value with 万/亿 applied: `2.5万` → 25000. */
  value: number;
  /** Digits after the decimal point as written, so sums compare exactly (`52.3` → 1). */
  decimals: number;
  numeral: 'arabic' | 'chinese';
  /** 万, 亿 or 千 written between number and measure word (or leading it: 万元), if any. */
  scale: '' | '万' | '亿' | '千';
  /** The measure word or unit: `名`, `个`, `%`, `万元`. */
  unit: string;
  /** Qualifier words as written (`约`, `余`, `以上`), in order. */
  qualifiers: readonly string[];
  bound: Bound;
  /** Scope word right before (`全镇`), if any. */
  scope: string | null;
  /** The words right after the measure word, up to a clause boundary (at most 12 chars). */
  after: string;
  line: number;
}

interface QuantityData {
  measures: string[];
  qualifiers_before: Record<string, Bound>;
  qualifiers_after: Record<string, Bound>;
  words_starting_with_qualifier: string[];
  scopes: string[];
  scope_verbs: string[];
  not_counts_after: string[];
  measure_word_starts: string[];
  slogan_tails: string[];
  words_ending_in_qualifier: string[];
  numeral_terms: string[];
}

const data = dataOf(quantitiesText) as QuantityData;
const byLength = (a: string, b: string) => b.length - a.length;
const alternation = (list: string[]) => [...list].sort(byLength).map(escape).join('|');

const CN_NUM = '[零〇一二三四五六七八九十百千两]';
// A qualifier that opens a longer word is none (六项内容): a lookahead shuts those words out.
const AFTER = [...Object.keys(data.qualifiers_after)]
  .sort(byLength)
  .map((q) => {
    const rests = data.words_starting_with_qualifier.filter((w) => w.startsWith(q) && w.length > q.length).map((w) => escape(w.slice(q.length)));
    return rests.length ? `${escape(q)}(?!${rests.join('|')})` : escape(q);
  })
  .join('|');
const MEASURES = alternation(data.measures);
const NOT_COUNT = alternation(data.not_counts_after);
// number scale? (余|多)? measure (以上|左右…)?  — every part bounded: linear time. The
// qualifier before the number (约, 共, 将近…) is looked up behind each match instead of
// being an optional group in front: a pattern that starts with a numeral lets irregexp skip
// straight to the numerals. No `u` flag: every part is BMP, and that runs faster too.
const QUANTITY = new RegExp(`(${GROUPED_DIGITS_SOURCE}(?:\\.\\d{1,6})?|\\d{1,12}(?:\\.\\d{1,6})?|${CN_NUM}{1,8})(万|亿)?(余|多)?(${MEASURES})(${AFTER})?`, 'g');
/** Qualifiers written before the number, longest first (将近 before 近). */
const BEFORE_WORDS = Object.keys(data.qualifiers_before).sort(byLength);
// Sticky, tried at an index of the line: no slice of the rest of the line per quantity.
const NOT_COUNT_AFTER = new RegExp(`(?:${NOT_COUNT})`, 'uy');
/** A word opening with a measure word's character right after the number (12部门): quantities.yaml measure_word_starts. */
const MEASURE_WORD_START = new RegExp(`(?:${alternation(data.measure_word_starts ?? [])})`, 'uy');
/** Existence verbs between a scope and its number (全镇共有12个村, 全市设有6个管理部): quantities.yaml scope_verbs. */
const SCOPE_VERBS = alternation(data.scope_verbs);
const SCOPE_BEFORE = new RegExp(`(?:${alternation(data.scopes)})(?:${SCOPE_VERBS})?$`, 'u');
const SLOGAN_TAIL = new RegExp(`(?:${alternation(data.slogan_tails)})`, 'uy');
/** Terms opening with a numeral and a measure word (二次供水), tried at the number: no count. */
const NUMERAL_TERM = new RegExp(`(?:${alternation(data.numeral_terms)})`, 'uy');
const WORD_BEFORE = new Set(data.words_ending_in_qualifier);
/** Marks that end the words after a quantity (with white space, see `readAfter`). */
const CLAUSE_END_MARKS = new Set([...'，。；;,：:！？!?、（）()“”'].map((c) => c.charCodeAt(0)));

/**
 * Extracts the quantities of every prose line.
 *
 * @param lines the document's line table; `opaque` from the same text
 * @param fromLine first line read (0-based), for the lines an edit touched (rules/model/splice.ts)
 * @param toLine line after the last read (exclusive); the default reads to the end
 * @returns quantities in document order; offsets are UTF-16 code units into the text
 */
export function extractQuantities(lines: LineTable, opaque: OpaqueIndex, fromLine = 0, toLine = lines.count): Quantity[] {
  const out: Quantity[] = [];
  for (let line = fromLine; line < toLine; line++) {
    const lineText = lines.lineText(line);
    if (!HAS_NUMERAL.test(lineText)) continue;
    const from = lines.start(line);
    let quoted: [number, number][] | null = null;
    // End of the previous match: a qualifier before the next number cannot reach into it.
    let consumed = 0;
    QUANTITY.lastIndex = 0;
    for (let m = QUANTITY.exec(lineText); m; m = QUANTITY.exec(lineText)) {
      quoted ??= quotedSpans(lineText);
      const before = qualifierBefore(lineText, m.index, consumed);
      consumed = m.index + m[0].length;
      const q = toQuantity(m, before, lineText, from, line, quoted);
      if (q && !opaque.overlaps(q.start, q.end)) out.push(q);
    }
  }
  return out;
}

const HAS_NUMERAL = /[0-9零〇一二三四五六七八九十百千两]/;
/** Two digit numerals side by side (三四, 两三, 二两); a run with 〇 or 零 (a year) is not tested. */
const DIGIT_PAIR = /[一二三四五六七八九两][一二三四五六七八九两]/;
/** Characters before a school grade's numeral (初二, 高一): the numeral after it is the count. */
const GRADE_BEFORE = new Set(['初', '高']);
const FOLDED_SCALE = /^(万|亿|千)(.+)$/;
const ARABIC_FIRST = /\d/;
const NOT_NUMBER_BEFORE = /[\dA-Za-z.+\-_/#]/;
const LATIN = /[A-Za-z]/;
const MAGNITUDE_NAME = /^[百千万]/;
/** Qualifiers after which a bare 百 or 千 is a count (近百人, 约千人, 逾百名), not a name. */
const ROUND_COUNT_BEFORE = new Set(['近', '将近', '约', '逾', '超过', '不足', '不到']);
const SESSION_AFTER = /(?:全会|全体会议|党代会|代表大会)/y;
const SCOPE_VERB = new RegExp(`(?:${SCOPE_VERBS})$`, 'u');

/** Most quantities have no qualifier: they share one frozen empty list (the report is frozen anyway). */
const NO_QUALIFIERS: readonly string[] = Object.freeze([]);

/** Last characters of the qualifiers before a number: most numbers have none of them before. */
const BEFORE_LAST = new Set(BEFORE_WORDS.map((word) => word.charCodeAt(word.length - 1)));

/** Whether the sticky `pattern` matches at `at` of `text`. */
function stickyAt(pattern: RegExp, text: string, at: number): boolean {
  pattern.lastIndex = at;
  return pattern.test(text);
}

/** The qualifier written right before the number at `at`, starting at or after `floor`. */
function qualifierBefore(lineText: string, at: number, floor: number): string | undefined {
  if (at <= floor || !BEFORE_LAST.has(lineText.charCodeAt(at - 1))) return undefined;
  for (const word of BEFORE_WORDS) if (at - word.length >= floor && lineText.startsWith(word, at - word.length)) return word;
  return undefined;
}

function toQuantity(
  m: RegExpExecArray,
  beforeWritten: string | undefined,
  lineText: string,
  from: number,
  line: number,
  quoted: [number, number][],
): Quantity | null {
  const [whole, numberWritten, scaleWritten, midQualifier, unitWritten, afterQualifier] = m;
  let numberText = numberWritten;
  let index = m.index - (beforeWritten?.length ?? 0);
  // Two digit numerals side by side make no Chinese number (a number puts 十/百/千 between
  // its digits; 〇 spells a year): 三四个, 两三次, 五六十人 are approximations, no count;
  // 初二两个年级 is a grade's name and then its count, 两个.
  const pair = /[〇零]/.test(numberText) ? null : DIGIT_PAIR.exec(numberText);
  if (pair) {
    const gradeName = pair.index === 0 && numberText.length === 2 && !beforeWritten && GRADE_BEFORE.has(lineText[m.index - 1] ?? '');
    if (!gradeName) return null;
    numberText = numberText.slice(1);
    index += 1;
  }
  const matchEnd = m.index + whole.length;
  let before: string | undefined = beforeWritten;
  // 村规民约13份, 签约12个: 约 ends a word there, it does not mean "about".
  if (before && WORD_BEFORE.has(`${lineText[index - 1] ?? ''}${before}`)) {
    index += before.length;
    before = undefined;
  }
  // `30余万元` and `100万元` are the same kind of amount: fold a 万/亿/千 that the measure
  // word carries into the scale, so both come out in 元.
  let scale = scaleWritten;
  let unit = unitWritten;
  const folded = FOLDED_SCALE.exec(unit);
  if (folded && !scale) {
    scale = folded[1];
    unit = folded[2];
  }
  const numberIndex = index + (before?.length ?? 0);
  const numberEndIndex = numberIndex + numberText.length;
  const prev = lineText[numberIndex - 1] ?? '';
  const next = lineText[matchEnd] ?? '';
  const arabic = ARABIC_FIRST.test(numberText[0]);
  // A bare 一 (or 零) is never a count here (value ≤ 1): settle it before any further work.
  if (!arabic && numberText.length === 1 && '一零〇'.includes(numberText)) return null;

  // Part of a longer number, a code or a Latin token: `2023-07`, `XL07`, `1+3`, `G20`.
  if (NOT_NUMBER_BEFORE.test(prev) || (arabic && LATIN.test(next))) return null;
  // `1 806名`: digits grouped by a space (some writers' thousands separator) are one number
  // the pattern cannot read whole; its last group alone is no count.
  if (arabic && (prev === ' ' || prev === '\u00a0') && /\d/.test(lineText[numberIndex - 2] ?? '')) return null;
  // `2,05,0人次`: digits after a comma that follows a digit, which GROUPED_DIGITS_SOURCE did
  // not take as whole groups of three: a malformed number, not a count of its own.
  if (arabic && prev === ',' && /\d/.test(lineText[numberIndex - 2] ?? '')) return null;
  // 第一, 十三届四次(全会): ordinals.
  if (prev === '第' || prev === '届') return null;
  // 十万元村, 两百万元村: a class of villages by income, not an amount.
  if (next === '村' && unit.endsWith('元')) return null;
  if (stickyAt(NOT_COUNT_AFTER, lineText, numberEndIndex + (scaleWritten?.length ?? 0) + (midQualifier?.length ?? 0))) return null;
  if (stickyAt(MEASURE_WORD_START, lineText, numberEndIndex + (scaleWritten?.length ?? 0) + (midQualifier?.length ?? 0))) return null;
  if (stickyAt(NOT_COUNT_AFTER, lineText, matchEnd)) return null;
  // Inside a quoted name: “五个一”, “1+13”, “三会一课”.
  if (insideShortQuote(quoted, numberIndex, numberEndIndex)) return null;
  // A year, not a duration: 2023年.
  if (unit === '年' && arabic && numberText.length === 4) return null;
  // …or spelled digit by digit: 二〇二三年.
  if (unit === '年' && numberText.includes('〇')) return null;

  let value: number;
  let decimals = 0;
  if (arabic) {
    // 3,186: digits grouped by thousands (GROUPED_DIGITS_SOURCE) are one number.
    value = Number(numberText.includes(',') ? numberText.replace(/,/g, '') : numberText);
    const point = numberText.indexOf('.');
    decimals = point === -1 ? 0 : numberText.length - point - 1;
  } else {
    // Number-named formulations: 两个确立, 四个意识, “五个一”.
    if (stickyAt(SLOGAN_TAIL, lineText, matchEnd)) return null;
    // 二次供水, 三次分配: a term, not a count of times.
    if (stickyAt(NUMERAL_TERM, lineText, numberIndex)) return null;
    // 百万村, 千亩园: a magnitude used as a name; 四次、五次全会: plenary sessions by number.
    // …but 近百人, 约千人: a bare 百 or 千 after a bounding qualifier is a round count.
    const roundCount = (numberText === '百' || numberText === '千') && before !== undefined && ROUND_COUNT_BEFORE.has(before);
    if ((MAGNITUDE_NAME.test(numberText) && !roundCount) || stickyAt(SESSION_AFTER, lineText, matchEnd)) return null;
    value = decodeChinese(numberText);
    if (!Number.isFinite(value) || value <= 1) return null;
  }
  if (scale === '万') value *= 1e4;
  else if (scale === '亿') value *= 1e8;
  else if (scale === '千') value *= 1e3;

  const qualifiers: readonly string[] = before || midQualifier || afterQualifier ? [before, midQualifier, afterQualifier].filter((q) => q !== undefined) : NO_QUALIFIERS;
  const bound = boundOf(qualifiers);
  const startIndex = index;
  const endIndex = matchEnd;
  const afterText = readAfter(lineText, endIndex);
  const scopeMatch = SCOPE_BEFORE.exec(lineText.slice(Math.max(0, startIndex - 8), startIndex));
  return {
    start: from + startIndex,
    end: from + endIndex,
    numberText,
    numberStart: from + numberIndex,
    numberEnd: from + numberEndIndex,
    value,
    decimals,
    numeral: arabic ? 'arabic' : 'chinese',
    scale: (scale ?? '') as Quantity['scale'],
    unit: unit === '％' ? '%' : unit,
    qualifiers,
    bound,
    scope: scopeMatch ? scopeMatch[0].replace(SCOPE_VERB, '') : null,
    after: afterText,
    line,
  };
}

/** The bound one qualifier word sets (rules/data/quantities.yaml): 近 → upper, 余 → lower, 约 → approx; null for a word not listed. */
export function qualifierBound(q: string): Bound | null {
  return data.qualifiers_before[q] ?? data.qualifiers_after[q] ?? null;
}

function boundOf(qualifiers: readonly string[]): Bound {
  let bound: Bound = 'exact';
  for (const q of qualifiers) {
    const b = qualifierBound(q);
    if (b && b !== 'exact') bound = b;
  }
  return bound;
}

function readAfter(lineText: string, from: number): string {
  let end = from;
  while (end < lineText.length && end - from < 12) {
    const c = lineText.charCodeAt(end);
    if (CLAUSE_END_MARKS.has(c) || isSpace(c)) break;
    end++;
  }
  return lineText.slice(from, end);
}

/** The longest quotation (“ to ”, in code units) whose numbers are part of a name. */
const SHORT_QUOTE = 12;

/**
 * Whether [`start`, `end`) lies inside one of `quoted` (sorted, disjoint) no longer than
 * `SHORT_QUOTE`. Only spans opening within `SHORT_QUOTE` before `start` can hold it: found
 * by binary search, so a line of thousands of quotes and numbers stays linear.
 */
function insideShortQuote(quoted: readonly [number, number][], start: number, end: number): boolean {
  const first = lowerBound(quoted, ([s]) => s < start - SHORT_QUOTE);
  for (let k = first; k < quoted.length && quoted[k][0] < start; k++) {
    const [s, e] = quoted[k];
    if (end < e && e - s <= SHORT_QUOTE) return true;
  }
  return false;
}

/** Spans [open, close] of “…” pairs on one line (indices into the line), in order, disjoint. */
function quotedSpans(lineText: string): [number, number][] {
  const spans: [number, number][] = [];
  // A pair is the last “ before each ”: jump from mark to mark rather than read every
  // character. `close` is kept while `i` runs through a row of “, so each stretch of the
  // line is searched once.
  let close = -1;
  let i = lineText.indexOf('“');
  while (i !== -1) {
    if (close < i) {
      close = lineText.indexOf('”', i + 1);
      if (close === -1) break;
    }
    const reopen = lineText.indexOf('“', i + 1);
    if (reopen !== -1 && reopen < close) {
      i = reopen;
      continue;
    }
    spans.push([i, close]);
    i = lineText.indexOf('“', close + 1);
  }
  return spans;
}

/**
 * Compares two values as written, exactly: `0.1 + 0.2` equals `0.3` here. Values are scaled
 * to integers by the larger number of decimals.
 */
export function sumExact(values: readonly { value: number; decimals: number }[]): { value: number; decimals: number } {
  const decimals = Math.max(0, ...values.map((v) => v.decimals));
  const factor = 10 ** decimals;
  const total = values.reduce((acc, v) => acc + Math.round(v.value * factor), 0);
  return { value: total / factor, decimals };
}
