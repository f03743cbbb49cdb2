/**
 * Parts that split a period by time: the quarters of a year (一季度…四季度), its halves
 * (上半年, 下半年), its months (1月…12月), and a total that names the whole period
 * (`…，全年累计立项23个`, `…，全年共23个`). Such parts cannot overlap (a quarter is no other
 * quarter) and cannot leave anything of their period out when together they cover it: the
 * total of the period is their sum, above or below. Read by parts-before-total.ts.
 *
 * Periods are months of one year, inclusive: 一季度 is [1, 3], 上半年 [1, 6], 全年 [1, 12]. A
 * period is recognised by its form (the numbers of 季度 and 月 are read, not listed); the
 * words naming a whole period are data (rules/data/sentence-numbers.yaml `period_words`,
 * the words a 累计 total may name its period by).
 */
import { chineseNumeralValue } from '../model/numerals';
import type { Quantity } from '../model/quantities';
import type { Mode } from './breakdown-mode';
import type { Part } from './breakdowns';

/** Months of one year, both bounds inclusive (1–12). */
export interface Months {
  lo: number;
  hi: number;
}

/** `第一季度`, `二季度`, `3季度` (group 1 the number); `一季度末` is a date, not a quarter. */
const QUARTER = /^第?([一二三四1-4])季度(?!末|初|底)/u;
/** `1月`, `11月份`, `十二月` (group 1 the number); `1月1日` is a day, not a month. */
const MONTH = /^(1[0-2]|[1-9]|十[一二]?|[一二三四五六七八九])月(?:份)?(?![\d一二三四五六七八九十]{1,3}日|初|底|末|中旬|上旬|下旬)/u;
/** 上半年, 下半年, 前三季度 and the whole year, by their words. */
const NAMED: ReadonlyMap<string, Months> = new Map([
  ['上半年', { lo: 1, hi: 6 }],
  ['下半年', { lo: 7, hi: 12 }],
  ['前三季度', { lo: 1, hi: 9 }],
  ['全年度', { lo: 1, hi: 12 }],
  ['全年', { lo: 1, hi: 12 }],
  ['本年度', { lo: 1, hi: 12 }],
  ['年内', { lo: 1, hi: 12 }],
  ['今年', { lo: 1, hi: 12 }],
  ['本年', { lo: 1, hi: 12 }],
]);

/** How many characters may follow a part's period in its label (`一季度立项`, `一季度召开支委会`). */
const LABEL_REST = 8;
/** 各 and the doers of a period's activity before its verb (`各支部`, `各党小组`, `各基层党组织`): not counted in LABEL_REST. */
const EACH_DOERS = /^各\p{Script=Han}{1,5}?(?=开展|召开|组织|举办|举行)/u;

/**
 * Whether a run's labels are periods from the start of the year, back to back (`一季度开展
 * 排查发现问题` … `二季度`; `1月份…`, `2月份`): the first label opens with its period (its
 * action may follow at any length), every later label is only a period, and together they
 * cover months 1 to the last one. A 累计 total after them sums exactly those periods.
 */
export function periodsFromYearStart(labels: readonly string[]): boolean {
  if (labels.length < 2) return false;
  const periods: Months[] = [];
  for (let i = 0; i < labels.length; i++) {
    const found = periodAt(labels[i]);
    if (!found || (i > 0 && found.length !== labels[i].length)) return false;
    periods.push(found.months);
  }
  return periodMode(periods, { lo: 1, hi: periods[periods.length - 1].hi }) === 'sum';
}

/**
 * `label` without the doers spread over the period it opens with (`一季度各支部开展主题党日` →
 * `一季度开展主题党日`): that 各 names who acted in the period, no amount per item, so the stop
 * words (各, 每: a per-item figure) are tested on the rest. Unchanged when it opens with no period.
 */
export function withoutEachDoers(label: string): string {
  const found = periodAt(label);
  if (!found) return label;
  const doers = EACH_DOERS.exec(label.slice(found.length));
  return doers ? label.slice(0, found.length) + label.slice(found.length + doers[0].length) : label;
}

/**
 * The period a part's label opens with, after any lead-in ending in a colon
 * (`全年确定项目：一季度` → [1, 3]; `二季度` → [4, 6]; `7月份` → [7, 7]), or null. At most
 * `LABEL_REST` characters may follow it: a longer label states something of its own.
 */
export function labelPeriod(label: string): Months | null {
  const colon = Math.max(label.lastIndexOf('：'), label.lastIndexOf(':'));
  const text = colon >= 0 ? label.slice(colon + 1) : label;
  const found = periodAt(text);
  if (!found) return null;
  // `一季度各支部开展主题党日`: the doers spread over the period (各支部, 各党小组) say who acted,
  // not what is counted; they do not make the label a statement of its own.
  const doers = EACH_DOERS.exec(text.slice(found.length));
  return text.length - found.length - (doers ? doers[0].length : 0) <= LABEL_REST ? found.months : null;
}

/** The period the text opens with and its length in code units, or null. */
function periodAt(text: string): { months: Months; length: number } | null {
  let m = QUARTER.exec(text);
  if (m) {
    const q = numberOf(m[1]);
    return { months: { lo: 3 * q - 2, hi: 3 * q }, length: m[0].length };
  }
  m = MONTH.exec(text);
  if (m) {
    const n = numberOf(m[1]);
    return n >= 1 && n <= 12 ? { months: { lo: n, hi: n }, length: m[0].length } : null;
  }
  // A part is a share of its period: the whole year names no part.
  for (const [word, months] of NAMED) if (months.hi - months.lo < 11 && text.startsWith(word)) return { months, length: word.length };
  return null;
}

/** The whole period a total names (`全年` → [1, 12], `上半年` → [1, 6], `一季度` → [1, 3]), or null. */
export function wholePeriod(word: string): Months | null {
  const named = NAMED.get(word);
  if (named) return named;
  const found = periodAt(word);
  return found && found.length === word.length ? found.months : null;
}

/**
 * How parts labelled by `periods` answer to a total of the period `whole`: `sum` when they
 * do not overlap and cover it, `atMost` when they do not overlap and lie within it, null
 * when one lies outside it or two overlap (then they are no split of it by time).
 */
export function periodMode(periods: readonly Months[], whole: Months): Mode | null {
  if (periods.length < 2) return null;
  const sorted = [...periods].sort((a, b) => a.lo - b.lo);
  if (sorted[0].lo < whole.lo || sorted[sorted.length - 1].hi > whole.hi) return null;
  let covers = sorted[0].lo === whole.lo && sorted[sorted.length - 1].hi === whole.hi;
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i].lo <= sorted[i - 1].hi) return null;
    if (sorted[i].lo !== sorted[i - 1].hi + 1) covers = false;
  }
  return covers ? 'sum' : 'atMost';
}

/** An Arabic or Chinese number as written in a period (`3`, `十二`). */
function numberOf(text: string): number {
  return /^\d+$/u.test(text) ? Number(text) : chineseNumeralValue(text);
}

/**
 * "一季度开展排查发现问题37项、二季度41项，累计发现问题78项": parts labelled by periods from
 * the start of the year, back to back (periodsFromYearStart), in the total's very unit, are
 * what a 累计 total restating their verb adds up: it sums those periods. A total more than
 * half as large again as their sum counts since an earlier start (a stock built over years,
 * `累计发展会员120户`; a slip in one figure leaves the total near the sum), and is read as
 * before (the parts at most it).
 */
export function byQuarters(run: Part[], total: Quantity): boolean {
  let sum = 0;
  for (const p of run) {
    if (p.q.unit !== total.unit || p.q.scale !== total.scale || p.q.bound !== 'exact') return false;
    sum += p.q.value;
  }
  return total.bound === 'exact' && 2 * total.value <= 3 * sum && periodsFromYearStart(run.map((p) => p.label));
}
