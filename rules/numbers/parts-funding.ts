/**
 * "全年整合涉农资金850万元、衔接资金420万元、社会捐助65万元，累计投入1435万元": funds from
 * several sources over a period, then a 累计 total that spends or raises them. A bare 累计
 * with a verb may count since the start (parts-before-total.ts reads it as such); here the
 * sentence opens with the period (全年, 今年…: `breakdown.period_words`) and the total's verb
 * is one of raising or putting in money (`breakdown.funding_verbs`), so the 累计 adds up the
 * sources the sentence has just listed: the parts, all in money of the total's unit, must
 * add up to it. Reports and news write the sources this way and then their sum ("统筹整合…
 * 资金…万元、…，累计投入…万元"; where a further source is named without a figure, a clause
 * stands between the parts and the total and runBefore finds no run: pages corpus, county
 * news on 涉农资金). Offsets are UTF-16 code units into the line.
 */
import { sentenceNumbers } from '../data/sentence-numbers';
import type { Quantity } from '../model/quantities';
import type { Breakdown, Part } from './breakdowns';

const words = sentenceNumbers.breakdown;

/** A period word opening the sentence's lead (`全年整合…`). */
const LEAD_PERIOD = new RegExp(`^(?:${words.periodWordsSource})`, 'u');

/**
 * The breakdown of a `累计 + verb` total over funding sources: `run` (two parts or more,
 * each in the total's money unit, none split or spread by 其中/分别/另), `verb` the two
 * characters after 累计 (`投入`), `masked` the sentence up to the total's comma. Null when
 * the sentence names no period first or the verb is none of raising or spending money.
 */
export function periodFunding(run: readonly Part[], total: Quantity, verb: string, masked: string): Breakdown | null {
  if (run.length < 2 || !/元$/u.test(total.unit) || !words.fundingVerbs.includes(verb)) return null;
  for (const p of run) if (p.q.unit !== total.unit || p.q.bound !== 'exact' || /其中|分别|另/u.test(p.label)) return null;
  if (total.bound !== 'exact' || !LEAD_PERIOD.test(masked.trimStart())) return null;
  return { total, parts: [...run], mode: 'sum', listed: true };
}
