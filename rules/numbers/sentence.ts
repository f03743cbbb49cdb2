/**
 * Helpers shared by the sentence-level number rules (total-breakdown, respectively-count,
 * trend-direction, percentage-range): sentences and clauses of one line, unit
 * compatibility, the interval a qualified quantity allows, and number formatting; and, for
 * enumeration-count and metric-conflict too, the problem of a check and a test of a code
 * unit against a short list.
 *
 * The sentence and clause helpers live in rules/model/clauses.ts (the list grammar reads
 * them too) and are re-exported here for the rules.
 */
import { sentenceNumbers } from '../data/sentence-numbers';
import type { Quantity } from '../model/quantities';
import { sumExact } from '../model/quantities';
import { chineseNumeralValue } from '../model/numerals';
import type { Report } from '../model/report';
import type { Problem, ProblemRelated } from '../types';
import { isClauseEndChar } from '../model/clauses';

// The clause helpers live in the model (the list grammar reads them too).
export { clauseEnd, clauseStart, isClauseEndChar, maskNested, NUMBER_SOURCE, oneOf, quantitiesIn, sentenceEnd, sentenceStart, WINDOW } from '../model/clauses';

/** A quantity's kind of measure and its factor to the kind's base unit. */
export interface Measure {
  /** `people` for 名/人/位, `元` for money, else the unit itself (`个`, `%`, `篇`). */
  kind: string;
  /** Multiply `Quantity.value` by this to get base units (万元 → 10000). */
  factor: number;
}

/** The measures of people and of money units, built once: measureOf allocates no object for them. */
const PEOPLE: Measure = Object.freeze({ kind: 'people', factor: 1 });
const MONEY = new Map<string, Measure>([...sentenceNumbers.moneyFactors].map(([unit, factor]) => [unit, Object.freeze({ kind: '元', factor })]));

/**
 * The measure of a unit: 名/人/位 count the same kind (people); money units convert to 元
 * (rules/data/sentence-numbers.yaml, `units`). Other units compare only with themselves:
 * 个 and 名 are not compared. The people and money measures are shared (frozen) objects.
 */
export function measureOf(unit: string): Measure {
  if (sentenceNumbers.peopleUnits.has(unit)) return PEOPLE;
  return MONEY.get(unit) ?? { kind: unit, factor: 1 };
}

/** Whether two units measure the same kind of thing (`名` and `人`: yes; `个` and `名`: no). */
export function compatibleUnits(a: string, b: string): boolean {
  return a === b || measureOf(a).kind === measureOf(b).kind;
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

/**
 * How loosely 约/左右 and 近 are read (sentence-numbers.yaml, `approximation`): 约300 is
 * 300 within ±`about`, 近300 is 300 at most and at least 300 × (1 − `near`).
 */
const APPROX = sentenceNumbers.approximation;

/**
 * The step of the last significant digit of a number as written, in the number's own
 * units (before 万/亿): `90` → 10, `100` → 100, `15` → 1, `3.5` → 0.1, `十七` → 1. It is
 * what 余/多 leave open: 90余 lies in [90, 100), 3.5万余 in [3.5万, 3.6万) (余/多 after a
 * number mean "more than it, short of its next step"; GB/T 15835-2011 lists them among
 * approximate numbers).
 */
export function lastDigitStep(written: string): number {
  const numberText = written.replace(/,/g, '');
  const dot = numberText.indexOf('.');
  if (dot >= 0) return 10 ** -(numberText.length - dot - 1);
  // Chinese numerals step like their Arabic value: 九十 → 90 → 10, 三百五十 → 350 → 10.
  const digits = /^\d+$/.test(numberText) ? numberText : String(numberValue(numberText)?.value ?? 1);
  let step = 1;
  for (let i = digits.length - 1; i > 0 && digits[i] === '0'; i--) step *= 10;
  return step;
}

/**
 * The values a reviewer reads into a qualified quantity, in base units, `[low, high]`:
 * exact → [v, v]; 余/多 → [v, next step) (`90余` → [90, 100), `100余` → [100, 200));
 * 以上, 超过, 逾 → [v, ∞); 以下, 不足, 不到, 内 → [0, v]; 近/将近 → [v·(1−near), v];
 * 约/左右 → [v·(1−about), v·(1+about)] (tolerances from sentence-numbers.yaml). An
 * exclusive end (余) is returned a millionth of a step short of it. Unlike `interval`,
 * never null: 约 is loose, not unknowable.
 */
export function readingInterval(q: Pick<Quantity, 'value' | 'unit' | 'qualifiers' | 'numberText' | 'scale'>): [number, number] {
  const v = baseValue(q);
  let low = v;
  let high = v;
  for (const w of q.qualifiers) {
    if (w === '余' || w === '多') {
      const step = lastDigitStep(q.numberText) * (v / numberValueOf(q));
      high = Math.max(high, v + step * (1 - 1e-6));
    } else if (w === '以上' || w === '及以上' || w === '超过' || w === '逾') high = Infinity;
    else if (w === '以下' || w === '及以下' || w === '不足' || w === '不到' || w === '内') low = 0;
    else if (w === '近' || w === '将近') low = Math.min(low, v * (1 - APPROX.near));
    else if (w === '约' || w === '左右') {
      low = Math.min(low, v * (1 - APPROX.about));
      high = high === Infinity ? high : Math.max(high, v * (1 + APPROX.about));
    }
  }
  return [low, high];
}

/** The number as written, without 万/亿 (the factor between it and `value`). */
function numberValueOf(q: Pick<Quantity, 'value' | 'scale'>): number {
  const scale = q.scale === '万' ? 1e4 : q.scale === '亿' ? 1e8 : q.scale === '千' ? 1e3 : 1;
  return q.value / scale || 1;
}

/**
 * A share as reports state it: `part ÷ whole × 100`, rounded half up to one decimal
 * (56 of 64 → 87.5). Throws on a whole that is not positive.
 */
export function percentOf(part: number, whole: number): number {
  if (!(whole > 0)) throw new RangeError(`percentOf: whole must be positive, got ${whole}`);
  return Math.round((part / whole) * 1000 + 1e-9) / 10;
}

/**
 * Whether a stated percentage contradicts `part ÷ whole`: it differs from the share
 * recomputed to one decimal by more than `tolerance` percentage points (default 1: a writer
 * who rounds or truncates differently is not wrong).
 */
export function percentContradicts(stated: number, part: number, whole: number, tolerance = 1): boolean {
  return Math.abs(stated - percentOf(part, whole)) > tolerance + 1e-9;
}

/**
 * Whether a stated percentage contradicts `part ÷ whole` when part and whole were printed
 * rounded (`partStep`, `wholeStep`: the step of their last digit, 0 for exact counts): the
 * share is computed over the whole range the printed figures allow (3.1万 of 6.2万 may be
 * 3.05万–3.15万 of 6.15万–6.25万) and the stated value must come within `tolerance` points
 * of it (truncation and rounding both pass).
 */
export function percentRangeContradicts(stated: number, part: number, partStep: number, whole: number, wholeStep: number, tolerance = 1): boolean {
  const low = Math.max(0, part - partStep / 2);
  const high = part + partStep / 2;
  const wholeLow = Math.max(Number.MIN_VALUE, whole - wholeStep / 2);
  const wholeHigh = whole + wholeStep / 2;
  const min = (low / wholeHigh) * 100;
  const max = (high / wholeLow) * 100;
  return stated < min - tolerance - 1e-9 || stated > max + tolerance + 1e-9;
}

/**
 * The result of a change applied to a base, exactly as written (`88.5` + `2.1` → 90.6, no
 * binary fuzz): `up` adds, otherwise subtracts. Values with their decimals as written.
 */
export function applyChange(base: { value: number; decimals: number }, change: { value: number; decimals: number }, up: boolean): { value: number; decimals: number } {
  return sumExact([base, { value: up ? change.value : -change.value, decimals: change.decimals }]);
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
  // A whole number of at most 12 digits reads the same through toPrecision(12), which is
  // a slow runtime call: counts, the usual case, skip it.
  if (Number.isInteger(value) && Math.abs(value) < 1e12) return String(value);
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
 * Where a quantity stands on its line: the line's start offset and text, and the quantity's
 * offset in that text (UTF-16 code units), as the readers of a statement take them.
 */
export function placeOf(report: Report, q: Quantity): { lineStart: number; lineText: string; at: number } {
  const lineStart = report.lines.start(q.line);
  return { lineStart, lineText: report.lines.lineText(q.line), at: q.start - lineStart };
}

/**
 * The value of a number as written: Arabic (`52.3`) or Chinese (`十七`, `两`, read with
 * nzh through the model's numerals module), or null.
 * @returns value and the count of digits after the decimal point
 */
export function numberValue(text: string): { value: number; decimals: number } | null {
  // Thousands grouped by commas (3,186): the value of the digits alone.
  if (text.includes(',') && /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(text)) text = text.replace(/,/g, '');
  if (/^\d+(?:\.\d+)?$/.test(text)) {
    const dot = text.indexOf('.');
    return { value: Number(text), decimals: dot < 0 ? 0 : text.length - dot - 1 };
  }
  if (/^[零〇一二三四五六七八九十百千两]+$/.test(text)) {
    const value = chineseNumeralValue(text);
    return value > 0 ? { value, decimals: 0 } : null;
  }
  return null;
}

/**
 * A check's problem: `passed: true` first when it held, then the rest (`related` only when
 * given). Two plain literals rather than a spread of `{ passed }`, which V8 builds slowly.
 */
export function checked(passed: boolean, messageId: string, data: Problem['data'], start: number, end: number, related?: ProblemRelated[]): Problem {
  if (related === undefined) return passed ? { passed: true, messageId, data, start, end } : { messageId, data, start, end };
  return passed ? { passed: true, messageId, data, start, end, related } : { messageId, data, start, end, related };
}

/** Whether code unit `c` ends or opens a clause or aside: ，,；;：:、（(）)。！？!? */
export function isClauseBreak(c: number): boolean {
  switch (c) {
    case 0xff0c: // ，
    case 0x2c: // ,
    case 0xff1b: // ；
    case 0x3b: // ;
    case 0xff1a: // ：
    case 0x3a: // :
    case 0x3001: // 、
    case 0xff08: // （
    case 0x28: // (
    case 0xff09: // ）
    case 0x29: // )
    case 0x3002: // 。
    case 0xff01: // ！
    case 0xff1f: // ？
    case 0x21: // !
    case 0x3f: // ?
      return true;
    default:
      return false;
  }
}

/** Where a total closing its clause stands in its line (`totalClosingClause`). */
export interface ClosingTotal {
  /** The UTF-16 offset of the total's line in the report's text. */
  from: number;
  /** The total's line. */
  lineText: string;
  /** The index in `lineText` where the total's number starts. */
  at: number;
  /** `head` matched against the text right before the number (its match ends at `at`). */
  head: RegExpExecArray;
}

/**
 * A total read back from its number, for the readings that find parts before it (parts one
 * per sentence, a period's run, values given by 分别): `head` (anchored at its end, `$`) is
 * matched on the `reach` code units before the number, and the total must close its clause —
 * a clause end or the line's end right after it (`…，合计举办活动58场。`, not `…58场活动`).
 *
 * @returns the total's line, its offset and the head's match; null when either fails
 */
export function totalClosingClause(report: Report, total: Quantity, head: RegExp, reach: number): ClosingTotal | null {
  const from = report.lines.start(total.line);
  const lineText = report.lines.lineText(total.line);
  const at = total.numberStart - from;
  const match = head.exec(lineText.slice(Math.max(0, at - reach), at));
  if (!match) return null;
  const tail = total.end - from;
  if (tail < lineText.length && !isClauseEndChar(lineText.charCodeAt(tail))) return null;
  return { from, lineText, at, head: match };
}
