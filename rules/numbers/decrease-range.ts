/**
 * A decrease stated in percent, for `percentage-range`: a count, an amount or a rate that
 * cannot fall below zero can lose at most all of itself, so "同比下降了126%" (a drop of more
 * than 100%) is impossible. Growth may exceed 100% (增长126%, 翻番) and stays quiet, as do
 * levels reached by a fall (`下降到上年的60%`: 到/至/为 follow the verb, the value is no
 * decrease) and changes of a rate in points (`下降1.6个百分点`, no percentage).
 *
 * Read shapes (pages corpus: police and safety bulletins, `警情环比下降11.43%`, `比去年同期
 * 下降了6.4%`, `降幅达到87.42%`, `分别比2002年下降了20.7%和31.6%`): a direction verb of
 * decrease (sentence-numbers.yaml trend.down, 下降/降低/减少/压减…) with 了 and a qualifier
 * right before the number, or a word of the size of the fall (降幅, 下降幅度, 减幅) with an
 * optional connector; a 、/和-list of percentages after either has each value read.
 * Quantities that may turn negative are left out (rates.signed_figures: 利润, 收益, 亏损,
 * 增速…: a profit that falls by 126% has turned to a loss), as is a bound that lies below
 * (不足120%). Offsets are UTF-16 code units.
 */
import { sentenceNumbers } from '../data/sentence-numbers';
import type { Report } from '../model/report';
import type { Quantity } from '../model/quantities';
import type { Problem } from '../types';
import { checked, clauseStart, written } from './sentence';

const trend = sentenceNumbers.trend;
const PCT = '\\d{1,12}(?:\\.\\d{1,6})?[%％](?:以上|以下|左右)?';
/**
 * Anchored at the end of the text before a percentage's number: group 1 is the verb, group 2
 * the word of the size of the fall. 降/减 alone are taken only after 同比/环比 (升降, 增减 are
 * no decrease). 为/是 follow only the size (`降幅为`): after the verb they state a level
 * (`下降为上年的60%`, `减少为120%`), as 到/至 do.
 */
const FALL = new RegExp(
  `(?:((?:${trend.down.replace(/\|降(?=\||$)|\|减(?=\||$)/gu, '')})了?|(?:同比|环比)[降减])(?:达到了|达到|达|超过|逾|约|近|将近|接近)?` +
    `|(降幅|减幅|(?:下降|降低|减少)(?:幅度|比例))(?:达到了|达到|达|为|是|超过|逾|约|近|将近|接近)?)` +
    `(?:${PCT}[、和及])*$`,
  'u',
);
/** How far back (UTF-16 units) the verb may stand before the number. */
const LOOK_BACK = 40;
/** Words of a figure that may turn negative: its fall may exceed all of it (rates.signed_figures). */
const SIGNED = new RegExp(sentenceNumbers.rates.signedFigures, 'u');

/**
 * The rule's `decreaseOver` problem for percentage `q` (unit %) when it is a decrease of more
 * than 100%; null when it is none or may be right. `lineText` is q's line, `from` its start.
 */
export function decreaseOverWhole(report: Report, q: Quantity, lineText: string, from: number): Problem | null {
  if (q.value <= 100 || q.bound === 'upper') return null;
  const at = q.numberStart - from;
  // The clause may be a 、-list of percentages: look back over 、 to the verb's clause.
  let clause = clauseStart(lineText, at, LOOK_BACK);
  while (clause > 0 && lineText[clause - 1] === '、' && at - clause < LOOK_BACK) clause = clauseStart(lineText, clause - 1, LOOK_BACK);
  const before = lineText.slice(Math.max(clause, at - LOOK_BACK), at);
  const m = FALL.exec(before);
  if (!m) return null;
  const word = m[1] ?? m[2];
  // 利润同比下降126% turned to a loss; 增速下降120% went negative: both may be right.
  const subject = lineText.slice(clauseStart(lineText, Math.max(0, at - before.length + (m.index ?? 0)), LOOK_BACK), at - before.length + (m.index ?? 0));
  if (SIGNED.test(subject) || SIGNED.test(word)) return null;
  const verb = word.replace(/了$/u, '');
  const verbStart = from + at - before.length + (m.index ?? 0);
  const related = [{ start: verbStart, end: verbStart + word.length, messageId: 'fall', data: { verb } }];
  return checked(false, 'decreaseOver', { verb, value: written(report, q) }, q.numberStart, q.end, related);
}
