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
import type { Problem } from '../types';
import type { Quantity } from '../model/quantities';
import { countsIn, fullSentenceStart } from './rate-clauses';
import { judged, standsAlone } from './rate-parts';
import { clauseStart, measureOf } from './sentence';

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
 * null otherwise, or when the ratio is one of a list.
 */
export function recomputeDefined(report: Report, q: Quantity, lineText: string, from: number, rate: string): Problem | null {
  if (!standsAlone(q, lineText, from, rate)) return null;
  const entry = sentenceNumbers.rates.definedParts.find((d) => rate.endsWith(d.ratio));
  if (!entry) return null;
  const counts = countsIn(report, from + fullSentenceStart(lineText, q.numberStart - from), q.start);
  const part = amountNamed(lineText, from, counts, entry.part);
  const whole = amountNamed(lineText, from, counts, entry.whole);
  if (!part || !whole || part === whole || measureOf(part.unit).kind !== measureOf(whole.unit).kind) return null;
  return judged(report, q, rate, part, whole);
}
