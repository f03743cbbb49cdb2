/**
 * Helpers shared by the sentence-level number rules (total-breakdown, respectively-count,
 * trend-direction, percentage-range): sentences and clauses of one line, unit
 * compatibility, the interval a qualified quantity allows, and number formatting; and, for
 * enumeration-count and metric-conflict too, a whitespace test by code unit and the
 * problem of a check.
 *
 * Every scan is bounded by `WINDOW` characters, so a rule that calls these once per match
 * stays linear in the size of the document even on a 10 MB single-line report.
 */
import { sentenceNumbers } from '../data/sentence-numbers';
import type { Quantity } from '../model/quantities';
import { chineseNumeralValue } from '../model/numerals';
import type { Report } from '../model/report';
import type { Problem, ProblemRelated } from '../types';

/** The farthest (in UTF-16 units) any helper here scans from its starting point. */
export const WINDOW = 400;

/** End a sentence: 。；！？ (full- and half-width). */
const SENTENCE_CHARS = '。；;！？!?';
/** End a clause: the sentence ends and ，： (not 、, which joins list items). */
const CLAUSE_CHARS = '，,。；;！？!?：:';
const SENTENCE_END = 1;
const CLAUSE_END = 2;
/** Opens a bracket or quote whose inside maskNested masks (a key of CLOSERS). */
const OPENER = 4;
/**
 * The classes above as bit flags by UTF-16 code unit: the scans read one typed-array entry
 * per character instead of making a one-character string and looking it up in a Set.
 */
const CHAR_FLAGS = new Uint8Array(65536);
for (const c of SENTENCE_CHARS) CHAR_FLAGS[c.charCodeAt(0)] |= SENTENCE_END;
for (const c of CLAUSE_CHARS) CHAR_FLAGS[c.charCodeAt(0)] |= CLAUSE_END;

/** Index just past the last char of class `flag` in `[index - window, index)`, else the window start. */
function backTo(lineText: string, index: number, flag: number, window = WINDOW): number {
  const stop = Math.max(0, index - window);
  for (let i = index - 1; i >= stop; i--) if (CHAR_FLAGS[lineText.charCodeAt(i)] & flag) return i + 1;
  return stop;
}

/** Index of the first char of class `flag` in `[index, index + WINDOW)`, else the window end. */
function forwardTo(lineText: string, index: number, flag: number): number {
  const stop = Math.min(lineText.length, index + WINDOW);
  for (let i = index; i < stop; i++) if (CHAR_FLAGS[lineText.charCodeAt(i)] & flag) return i;
  return stop;
}

/**
 * Where the sentence holding `index` starts: just past the last 。；！？ before `index`,
 * else the line start (0), looking back at most `WINDOW` characters.
 */
export function sentenceStart(lineText: string, index: number): number {
  return backTo(lineText, index, SENTENCE_END);
}

/** Where the sentence holding `index` ends: at the next 。；！？ (exclusive) or the line end. */
export function sentenceEnd(lineText: string, index: number): number {
  return forwardTo(lineText, index, SENTENCE_END);
}

/**
 * Where the clause holding `index` starts: just past the last ，；。：！？ before it, looking
 * back at most `window` characters (default `WINDOW`; the window's start if none is found).
 */
export function clauseStart(lineText: string, index: number, window = WINDOW): number {
  return backTo(lineText, index, CLAUSE_END, window);
}

/** Where the clause holding `index` ends (exclusive): the next ，；。：！？ or the line end. */
export function clauseEnd(lineText: string, index: number): number {
  return forwardTo(lineText, index, CLAUSE_END);
}

/**
 * `text` with the insides of （…）, (…), “…” and 《…》 replaced by `□` (same length, so
 * indices still line up), brackets kept. Separators inside a name or an aside
 * (`“三推两考”`, `（含预备党员2名）`) then split nothing. An opener pairs with the next
 * closer of its kind; an unclosed opener masks nothing. Linear in `text`.
 */
export function maskNested(text: string): string {
  let out: string[] | null = null;
  const last: Record<string, number> = {};
  for (const close of Object.values(CLOSERS)) last[close] = text.lastIndexOf(close);
  let i = 0;
  while (i < text.length) {
    const close = CHAR_FLAGS[text.charCodeAt(i)] & OPENER ? CLOSERS[text[i]] : undefined;
    // A closer exists further on only if its last occurrence lies beyond i: each character
    // is then passed at most twice (the scan to the closer is skipped over afterwards).
    const j = close && last[close] > i ? text.indexOf(close, i + 1) : -1;
    if (j > 0) {
      out ??= text.split('');
      for (let k = i + 1; k < j; k++) out[k] = '□';
      i = j + 1;
    } else i++;
  }
  return out ? out.join('') : text;
}

const CLOSERS: Record<string, string> = { '（': '）', '(': ')', '“': '”', '《': '》' };
for (const open of Object.keys(CLOSERS)) CHAR_FLAGS[open.charCodeAt(0)] |= OPENER;

/** A quantity's kind of measure and its factor to the kind's base unit. */
export interface Measure {
  /** `people` for 名/人/位, `元` for money, else the unit itself (`个`, `%`, `篇`). */
  kind: string;
  /** Multiply `Quantity.value` by this to get base units (万元 → 10000). */
  factor: number;
}

/**
 * The measure of a unit: 名/人/位 count the same kind (people); money units convert to 元
 * (rules/data/sentence-numbers.yaml, `units`). Other units compare only with themselves:
 * 个 and 名 are not compared.
 */
export function measureOf(unit: string): Measure {
  if (sentenceNumbers.peopleUnits.has(unit)) return { kind: 'people', factor: 1 };
  const money = sentenceNumbers.moneyFactors.get(unit);
  if (money !== undefined) return { kind: '元', factor: money };
  return { kind: unit, factor: 1 };
}

/** Whether two units measure the same kind of thing (`名` and `人`: yes; `个` and `名`: no). */
export function compatibleUnits(a: string, b: string): boolean {
  return measureOf(a).kind === measureOf(b).kind;
}

/** A quantity's value in its kind's base unit (`2.5万元` → 25000). */
export function baseValue(q: Pick<Quantity, 'value' | 'unit'>): number {
  return q.value * measureOf(q.unit).factor;
}

/**
 * The values a qualified quantity allows, in base units: exact → [v, v]; 余/多/以上 →
 * [v, ∞); 近/不足/以下 → [0, v]. `approx` (约, 左右) has no firm bounds: null.
 */
export function interval(q: Pick<Quantity, 'value' | 'unit' | 'bound'>): [number, number] | null {
  const v = baseValue(q);
  switch (q.bound) {
    case 'exact':
      return [v, v];
    case 'lower':
      return [v, Infinity];
    case 'upper':
      return [0, v];
    default:
      return null;
  }
}

/** Tolerance for comparing sums of decimals that were added exactly (sumExact). */
const EPSILON = 1e-9;

/** Whether `a` is certainly greater than `b` (beyond rounding). */
export function greater(a: number, b: number): boolean {
  return a - b > EPSILON * Math.max(1, Math.abs(a), Math.abs(b));
}

/** A number for messages: `17`, `49.8`, `0.3` (no binary fuzz, no exponent for counts). */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return '∞';
  return String(Number(value.toPrecision(12)));
}

/** Qualifiers before a number that bound it (shown in messages); 达到 and 共 are not shown. */
const BOUNDING_BEFORE = new Set(['约', '近', '将近', '不足', '不到', '超过', '逾']);

/**
 * A quantity as written, from its bounding qualifier or its number on: `17名`, `40余名`,
 * `90%以上`, `近300户` (but `95%` for `达到95%`).
 */
export function written(report: Report, q: Quantity): string {
  const before = report.text.slice(q.start, q.numberStart);
  return report.text.slice(BOUNDING_BEFORE.has(before) ? q.start : q.numberStart, q.end);
}

/**
 * The value of a number as written: Arabic (`52.3`) or Chinese (`十七`, `两`, read with
 * nzh through the model's numerals module), or null.
 * @returns value and the count of digits after the decimal point
 */
export function numberValue(text: string): { value: number; decimals: number } | null {
  if (/^\d+(?:\.\d+)?$/.test(text)) {
    const dot = text.indexOf('.');
    return { value: Number(text), decimals: dot < 0 ? 0 : text.length - dot - 1 };
  }
  if (/^[零〇一二三四五六七八九十百千两]+$/.test(text)) {
    const value = chineseNumeralValue(text.replace(/两/g, '二'));
    return value > 0 ? { value, decimals: 0 } : null;
  }
  return null;
}

/** Whether code unit `c` is one `/\s/u` matches: a test by code, not a regex per character. */
export function isSpace(c: number): boolean {
  if (c < 0x80) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/**
 * A check's problem: `passed: true` first when it held, then the rest (`related` only when
 * given). Two plain literals rather than a spread of `{ passed }`, which V8 builds slowly.
 */
export function checked(passed: boolean, messageId: string, data: Problem['data'], start: number, end: number, related?: ProblemRelated[]): Problem {
  if (related === undefined) return passed ? { passed: true, messageId, data, start, end } : { messageId, data, start, end };
  return passed ? { passed: true, messageId, data, start, end, related } : { messageId, data, start, end, related };
}

/** Source of a number pattern (no groups): Arabic with decimals, or a Chinese numeral. */
export const NUMBER_SOURCE = '(?:\\d{1,12}(?:\\.\\d{1,6})?|[零〇一二三四五六七八九十百千两]{1,8})';

/**
 * The quantities (sorted by start: one line's, or the report's, which are in document
 * order) that lie wholly within `[start, end)` (absolute offsets), found by binary search:
 * O(log n + k).
 */
export function quantitiesIn(quantities: readonly Quantity[], start: number, end: number): Quantity[] {
  let lo = 0;
  let hi = quantities.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (quantities[mid].start < start) lo = mid + 1;
    else hi = mid;
  }
  const out: Quantity[] = [];
  for (let i = lo; i < quantities.length && quantities[i].start < end; i++) if (quantities[i].end <= end) out.push(quantities[i]);
  return out;
}
