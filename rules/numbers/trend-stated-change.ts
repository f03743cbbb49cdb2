/**
 * trend-direction: the change stated after a pair of values with a comparison with the year
 * before or as a noun of change — "满意度由上年的95.4%提升至97.2%，较上年提高1.8个百分点",
 * "党员由上年的326名增加到351名，同比增长7.7%", "…，增幅为1.8个百分点", and after a pair with
 * no verb, "从上年的95.4%到今年的97.2%，提高了1.8个百分点". The amount must be B − A (个百分点
 * for a rate) or (B − A) ÷ A (%), as a change written right after the pair is (trend-change.ts
 * changeAfter, judgeChange). A comparison with the year before (较上年, 同比) is the pair's own
 * change only when the pair's first value is the year before's: its time is 上年/去年/上一年
 * (maybe 同期), a year, or none, and the second's this year's or none (a year right after the
 * first's when both are years). A pair from another time (由年初的…至年底的…, 由一季度的…, from
 * 2022年 to 2025年) is no comparison with the year before, and its 较上年 change is not read.
 * Phrasings as the pages corpus shows them in 公报 and work reports ("由…提高到…，比上年提高…
 * 个百分点", "增幅…"). Offsets are UTF-16 code units of the report text.
 */
import { sentenceNumbers } from '../data/sentence-numbers';
import type { Report } from '../model/report';
import type { Problem } from '../types';
import { checked, measureOf, NUMBER_SOURCE } from './sentence';
import { type StatedChange, TIME } from './trend-change';
import { judgeChange, writtenOf } from './trend-judge';

const words = sentenceNumbers.trend;
/** A comparison with the year before, opening the change's clause. */
const COMPARISON = '较上年同期|较上年|比上年同期|比上年|较去年同期|较去年|比去年同期|比去年|同比|与上年相比';
/** Nouns of a change that say its direction (`增幅为…`, `降幅…`). */
const UP_NOUNS = ['增幅', '升幅', '涨幅', '提升幅度', '提高幅度', '增长幅度', '上升幅度'];
const DOWN_NOUNS = ['降幅', '减幅', '下降幅度', '降低幅度', '减少幅度'];
/**
 * The change after a pair (sticky at the pair's end). Groups: 1 the comparison, 2 a verb,
 * 3 a noun of change, 4 number, 5 万/亿, 6 unit.
 */
const STATED = new RegExp(
  `[，,](${COMPARISON})?(?:有所|明显|大幅|显著|共)?(?:(${words.up}|${words.down})了?|(${[...UP_NOUNS, ...DOWN_NOUNS].join('|')})(?:为|达到?|是)?)` +
    `(${NUMBER_SOURCE})(万|亿)?(个千分点|${words.valueUnits})(?![\\d.万亿余多]|以上|以下|左右)`,
  'uy',
);
/** The first value's time: the year before, a year, or none. Group 1: a year's digits. */
const FIRST_TIME = /^(?:(?:上年|去年|上一年|(\d{4})年)(?:度|末|底)?(?:同期)?的?)?$/u;
/** The second value's time: this year, a year, or none. Group 1: a year's digits. */
const SECOND_TIME = /^(?:(?:今年|本年度?|当年|全年|年底|年末|(\d{4})年(?:度|末|底)?)的?)?$/u;
/** A time word before a value (trend-change.ts TIME), captured, then the value's number (lookahead). */
const TIME_BEFORE = (number: string) => new RegExp(`^(${TIME})(?=${number.replace(/\./gu, '\\.')})`, 'u');

/** Whether values at `timeA` and `timeB` are last year's and this year's (see the module comment). */
function yearApart(timeA: string, timeB: string): boolean {
  const a = FIRST_TIME.exec(timeA);
  const b = SECOND_TIME.exec(timeB);
  if (!a || !b) return false;
  return !(a[1] && b[1] && Number(b[1]) !== Number(a[1]) + 1);
}

/**
 * The change stated at `at` (a pair's end in `text`) as changeAfter reads one, a noun of change
 * read as a verb (增幅 → 增加, 降幅 → 减少; 提高/下降 for a change in 个百分点); null when there
 * is none, or when it compares with the year before and the pair's times (`timeA`, `timeB`) are
 * not last year's and this year's.
 */
export function statedChange(text: string, at: number, timeA: string, timeB: string): StatedChange | null {
  STATED.lastIndex = at;
  const c = STATED.exec(text);
  if (!c || text.slice(at, at + c[0].length).includes('\n')) return null;
  if (c[1] && !yearApart(timeA, timeB)) return null;
  const points = c[6] === '个百分点' || c[6] === '个千分点';
  const verb = c[2] ?? (UP_NOUNS.includes(c[3]) ? (points ? '提高' : '增加') : points ? '下降' : '减少');
  return { length: c[0].length, verb, number: c[4], scale: c[5], unit: c[6] };
}

/**
 * The change after a TREND match `m` of trend-direction.ts (groups 2 value A's number, 7 verb,
 * 8 到/至/为, 10 value B's number) ending at `end`: statedChange with the pair's two times.
 */
export function yearChangeAfter(text: string, end: number, m: RegExpExecArray): StatedChange | null {
  const pair = m[0];
  const a = TIME_BEFORE(m[2]).exec(pair.slice(1));
  if (!a) return null;
  const link = m[7] + m[8];
  const verbAt = pair.indexOf(link, 1 + a[1].length + m[2].length);
  if (verbAt < 0) return null;
  const b = TIME_BEFORE(m[10]).exec(pair.slice(verbAt + link.length));
  return b ? statedChange(text, end, a[1], b[1]) : null;
}

/** A values pair with no verb: `从上年的95.4%到今年的97.2%`. Groups: 1 time A, 2–4 value A, 5 time B, 6–8 value B. */
const TO_PAIR = new RegExp(`(?:从|由)(${TIME})(${NUMBER_SOURCE})(万|亿)?(${words.valueUnits})(?:到|至)(${TIME})(${NUMBER_SOURCE})(万|亿)?(${words.valueUnits})`, 'uy');

/**
 * "从上年的95.4%到今年的97.2%，提高了1.8个百分点": a pair with no verb at `start` (its 从/由)
 * and the change after it. The change gives the direction (A < B for a rise: trend-direction's
 * `wrong` when not) and, going the pair's way, its amount (judgeChange). Null when there is no
 * such pair and change, for years (从2021年到2023年) and for units of two kinds.
 */
export function toPairChange(report: Report, start: number): { problem: Problem; end: number } | null {
  const { text } = report;
  TO_PAIR.lastIndex = start;
  const m = TO_PAIR.exec(text);
  if (!m) return null;
  const end = start + m[0].length;
  if (report.opaque.overlaps(start, end) || m[0].includes('\n') || m[4] === '年' || m[8] === '年' || m[4] === '月' || m[8] === '月') return null;
  if (measureOf(m[4]).kind !== measureOf(m[8]).kind) return null;
  const c = statedChange(text, end, m[1], m[5]);
  const base = writtenOf(m[2], m[3], m[4]);
  const result = writtenOf(m[6], m[7], m[8]);
  const change = c ? writtenOf(c.number, c.scale, c.unit) : null;
  if (!c || !base || !result || !change || base.value === result.value) return null;
  const up = words.upWords.has(c.verb);
  const changeEnd = end + c.length;
  if (up ? base.value > result.value : base.value < result.value) {
    const data = { verb: c.verb, a: base.text, b: result.text, op: base.value > result.value ? '>' : '<', need: up ? '小于' : '大于', needEn: up ? 'smaller than' : 'larger than' };
    return { problem: checked(false, 'wrong', data, start, changeEnd), end: changeEnd };
  }
  const problem = judgeChange(base, c.verb, change, result, up, start, changeEnd);
  return problem && { problem, end: changeEnd };
}
