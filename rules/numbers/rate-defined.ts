/**
 * A defined financial ratio recomputed from the two aggregates it divides, for
 * `percentage-range`: "集团资产总额486.3亿元，负债总额291.7亿元，资产负债率为62.3%" — 资产负债率
 * is 负债总额 ÷ 资产总额 by definition (rules/data/sentence-numbers.yaml
 * rates.defined_ratio_parts), so when the ratio's own sentence states each aggregate by one of
 * its names, once, right before its amount, the stated ratio must agree. Other amounts beside
 * the ratio (投资, 营业收入) are never its parts, which is why defined ratios are otherwise not
 * recomputed (rates.defined_ratios). Offsets are UTF-16 code units of the report text.
 */
import { sentenceNumbers } from '../data/sentence-numbers';
import type { Report } from '../model/report';
import type { Problem, ProblemRelated } from '../types';
import type { Quantity } from '../model/quantities';
import { countsIn, fullSentenceStart } from './rate-clauses';
import { judged, printedStep, standsAlone, statedTolerance } from './rate-parts';
import { checked, clauseStart, measureOf, percentOf, percentRangeContradicts, written } from './sentence';

/**
 * What may stand between an aggregate's name and its amount: 为, 达, 达到, 约… (a qualified
 * amount is no exact figure: countsIn reads exact ones only).
 */
const LINK = '(?:为|是|达到?|共计|合计)?';
/** Characters before a name that make it another aggregate: 净资产总额, 流动资产总额, 固定资产. */
const OTHER_AGGREGATE = /[净动定]$/u;

/**
 * The one amount in `counts` whose clause ends, before its number, with one of `names` (and
 * LINK), not preceded by OTHER_AGGREGATE; null when none or more than one.
 */
function amountNamed(lineText: string, from: number, counts: readonly Quantity[], names: readonly string[]): Quantity | null {
  let found: Quantity | null = null;
  for (const c of counts) {
    const at = c.numberStart - from;
    const label = lineText.slice(clauseStart(lineText, at), at);
    for (const name of names) {
      const m = new RegExp(`${name}${LINK}$`, 'u').exec(label);
      if (!m || OTHER_AGGREGATE.test(label.slice(0, m.index))) continue;
      if (found && found !== c) return null;
      found = c;
    }
  }
  return found;
}

/**
 * The `recomputed` problem (or `recomputedOk` pass) of a defined ratio `rate` (its percentage
 * `q`, on the line `lineText` starting at `from`) whose numerator and denominator both stand
 * by name in its sentence before it, of one kind of measure (both 亿元, or 万元 and 亿元);
 * null otherwise, or when the ratio is one of a list. A difference's share (产销差率: the
 * entry names `less`, what is taken from the whole) is judged as (whole − less) ÷ whole
 * (`complement`).
 */
export function recomputeDefined(report: Report, q: Quantity, lineText: string, from: number, rate: string): Problem | null {
  if (!standsAlone(q, lineText, from, rate)) return null;
  const entry = definedEntry(rate);
  if (!entry) return null;
  const counts = countsIn(report, from + fullSentenceStart(lineText, q.numberStart - from), q.start);
  const whole = amountNamed(lineText, from, counts, entry.whole);
  if (entry.less.length > 0) {
    const less = amountNamed(lineText, from, counts, entry.less);
    if (!whole || !less || less === whole || measureOf(less.unit).kind !== measureOf(whole.unit).kind) return null;
    // Both amounts of one period (日供水 beside 全年售水量 is a rate of neither), the less the smaller.
    if (PER_PERIOD.test(labelOf(lineText, from, whole)) !== PER_PERIOD.test(labelOf(lineText, from, less))) return null;
    if (less.value * measureOf(less.unit).factor > whole.value * measureOf(whole.unit).factor) return null;
    return judgedDifference(report, q, rate, less, whole);
  }
  const part = amountNamed(lineText, from, counts, entry.part);
  if (!part || !whole || part === whole || measureOf(part.unit).kind !== measureOf(whole.unit).kind) return null;
  return judged(report, q, rate, part, whole);
}

/** Words that make an amount one of a day or a month (`日供水`, `日均售水`, `月均`, `高峰`), not of the period the ratio covers. */
const PER_PERIOD = /日|月均|每月|高峰|小时/u;

/** The words of `c`'s clause before its number. */
function labelOf(lineText: string, from: number, c: Quantity): string {
  const at = c.numberStart - from;
  return lineText.slice(clauseStart(lineText, at), at);
}

/** The entry of rules/data/sentence-numbers.yaml rates.defined_ratio_parts that `rate` ends with, if any. */
export function definedEntry(rate: string): (typeof sentenceNumbers.rates.definedParts)[number] | undefined {
  return sentenceNumbers.rates.definedParts.find((d) => rate.endsWith(d.ratio));
}

/**
 * (whole − less) ÷ whole against the stated `q`: 1 − less ÷ whole, so the stated share's
 * complement (100 − P) is held to less ÷ whole with the printed steps of both amounts.
 */
function judgedDifference(report: Report, q: Quantity, rate: string, less: Quantity, whole: Quantity): Problem {
  const lessValue = less.value * measureOf(less.unit).factor;
  const wholeValue = whole.value * measureOf(whole.unit).factor;
  const wrong = percentRangeContradicts(100 - q.value, lessValue, printedStep(less), wholeValue, printedStep(whole), statedTolerance(q));
  const computed = wholeValue > 0 ? String(Math.round((100 - percentOf(lessValue, wholeValue)) * 10) / 10) : '—';
  const data = { rate, value: written(report, q), whole: written(report, whole), failed: written(report, less), computed };
  const related: ProblemRelated[] = [
    { start: less.numberStart, end: less.end, messageId: 'less', data: { less: data.failed } },
    { start: whole.numberStart, end: whole.end, messageId: 'whole', data: { whole: data.whole } },
  ];
  return checked(!wrong, wrong ? 'complement' : 'complementOk', data, q.numberStart, q.end, related);
}
