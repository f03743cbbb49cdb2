/**
 * trend-direction: the change a from/to pair states after a comparison with the year before —
 * "满意度由上年的95.4%提升至97.2%，较上年提高1.8个百分点", "党员由上年的326名增加到351名，同比
 * 增长7.7%" — is the pair's own change when the pair's first value is the year before's: its
 * time is 上年/去年/上一年 (maybe 同期), a year, or none, and the second value's is this year's or
 * none (a year right after the first's when both are years). Then the stated amount must be
 * B − A (个百分点 for a rate) or (B − A) ÷ A (%), as a change written without the comparison is
 * (trend-change.ts changeAfter, judgeChange). A pair from another time (由年初的…提升至年底的…,
 * 由一季度的…) is no comparison with the year before, and its 较上年 change is not read.
 * Phrasings as the pages corpus shows them in 公报 and work reports ("由…提高到…，比上年提高…个
 * 百分点"). Offsets are UTF-16 code units of the report text.
 */
import { sentenceNumbers } from '../data/sentence-numbers';
import { NUMBER_SOURCE } from './sentence';

const words = sentenceNumbers.trend;

/**
 * Right after a pair's end (sticky): `，较上年提高2.8个百分点`, `，同比增长7.7%`. Groups as
 * changeAfter's: 1 verb, 2 number, 3 万/亿, 4 unit.
 */
const YEAR_CHANGE_AFTER = new RegExp(
  `[，,](?:较上年同期|较上年|比上年同期|比上年|较去年同期|较去年|比去年同期|比去年|同比|与上年相比)(?:有所|明显|大幅|显著|共)?(${words.up}|${words.down})了?` +
    `(${NUMBER_SOURCE})(万|亿)?(个千分点|${words.valueUnits})(?![\\d.万亿余多]|以上|以下|左右)`,
  'uy',
);
/** The first value's time, right after 从/由: the year before, a year, or none. Group 1: a year's digits. */
const FIRST_TIME = /^[从由](?:(?:上年|去年|上一年|(\d{4})年)(?:度|末|底)?(?:同期)?的?)?/u;
/** The second value's time, right after the verb and 到/至/为: this year, a year, or none. Group 1: a year's digits. */
const SECOND_TIME = /^(?:(?:今年|本年度?|当年|全年|年底|年末|(\d{4})年(?:度|末|底)?)的?)?/u;

/**
 * The comparison change right after a from/to pair (TREND's match `m` in trend-direction.ts,
 * ending at `end` of `text`: groups 2 value A's number, 7 verb, 8 到/至/为, 10 value B's
 * number) when the pair is last year's value and this year's (see the module comment), as
 * changeAfter returns one (groups 1 verb, 2–4 the change), or null.
 */
export function yearChangeAfter(text: string, end: number, m: RegExpExecArray): RegExpExecArray | null {
  const pair = m[0];
  const first = FIRST_TIME.exec(pair);
  if (!first || !pair.startsWith(m[2], first[0].length)) return null;
  const link = m[7] + m[8];
  const verbAt = pair.indexOf(link, first[0].length + m[2].length);
  if (verbAt < 0) return null;
  const rest = pair.slice(verbAt + link.length);
  const second = SECOND_TIME.exec(rest);
  if (!second || !rest.startsWith(m[10], second[0].length)) return null;
  if (first[1] && second[1] && Number(second[1]) !== Number(first[1]) + 1) return null;
  YEAR_CHANGE_AFTER.lastIndex = end;
  const c = YEAR_CHANGE_AFTER.exec(text);
  return c && !text.slice(end, end + c[0].length).includes('\n') ? c : null;
}
