/**
 * trend-direction's reading of a result stated with both its change and its growth rate
 * against the same earlier figure, the earlier figure itself left out: `全县林业总产值达到23.6亿元，
 * 比上年增加1.8亿元，较上年增长5.2%`. The amount and the result give the base (23.6 − 1.8 =
 * 21.8亿元), and the rate must be the amount over that base (1.8 ÷ 21.8 = 8.3%, not 5.2%),
 * within a point, as trend-judge.ts judgeRelative holds a growth rate to its base and result.
 * Only where the result is stated right before the comma (trend-change.ts resultBefore), the
 * two changes run the same way, and both compare with one time: the rate's clause has no
 * comparison, the same one (比上年…，较上年…), or 同比 after 上年/去年. Offsets are UTF-16 code
 * units of the report text. Nothing here throws.
 */
import { sentenceNumbers } from '../data/sentence-numbers';
import type { Report } from '../model/report';
import type { Problem } from '../types';
import { formatNumber, measureOf, NUMBER_SOURCE } from './sentence';
import { resultBefore } from './trend-change';
import { judgeRelative, type Written, writtenOf } from './trend-judge';

const words = sentenceNumbers.trend;
/** The earlier times both changes may be compared with; group 1 of AMOUNT_AND_RATE. */
const EARLIER = '(上年|去年|上一年|年初)(同期)?';
/**
 * The amount's clause, then the rate's, sticky at the comparison word: groups 1–2 the time and
 * 同期, 3 the amount's verb, 4–6 the amount, 7 the rate's comparison, 8 its verb, 9 the rate.
 */
const AMOUNT_AND_RATE = new RegExp(
  `(?:较|比)${EARLIER}(${words.up}|${words.down})了?(${NUMBER_SOURCE})(万|亿)?(${words.valueUnits})` +
    `[，,]((?:较|比)(?:上年|去年|上一年|年初)(?:同期)?|同比)?(${words.up}|${words.down})了?(${NUMBER_SOURCE})[%％](?![\\d.]|以上|以下|左右)`,
  'uy',
);

/**
 * The check of `…达到R，比上年增加A，较上年增长P%` whose comparison word stands at `start`
 * (relativeOk/relativeWrong of trend-direction, reported from the result to the rate), or null
 * when the text there is no such pair of changes (see the module comment).
 */
export function amountAndRate(report: Report, start: number): Problem | null {
  const { text } = report;
  AMOUNT_AND_RATE.lastIndex = start;
  const m = AMOUNT_AND_RATE.exec(text);
  if (!m) return null;
  const end = start + m[0].length;
  if (report.opaque.overlaps(start, end)) return null;
  // One earlier figure for both: the rate's comparison, if any, names the amount's time.
  const same = m[7] === undefined || m[7].slice(1) === m[1] + (m[2] ?? '') || (m[7] === '同比' && m[1] !== '年初');
  const up = words.upWords.has(m[3].replace(/^[新净]/u, ''));
  if (!same || up !== words.upWords.has(m[8].replace(/^[新净]/u, ''))) return null;
  const q = resultBefore(report, start);
  const change = writtenOf(m[4], m[5], m[6]);
  const rate = writtenOf(m[9], undefined, '%');
  if (!q || !change || !rate || measureOf(q.unit).kind !== measureOf(change.unit).kind || measureOf(q.unit).kind === '%') return null;
  const result = writtenOf(q.numberText, q.scale || undefined, q.unit);
  if (!result) return null;
  const baseValue = up ? result.value - change.value : result.value + change.value;
  if (!(baseValue > 0)) return null;
  // The base carries the rounding of both figures it is made from.
  const base: Written = {
    value: baseValue,
    decimals: Math.max(result.decimals, change.decimals),
    step: result.step + change.step,
    factor: result.factor,
    scale: result.scale,
    unit: result.unit,
    text: formatNumber(baseValue / result.factor) + result.scale + result.unit,
  };
  return judgeRelative(base, m[8], rate, result, up, q.numberStart, end);
}
