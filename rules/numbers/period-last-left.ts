/**
 * "一季度发展党员3名、二季度4名、三季度5名，全年共计发展党员14名": periods of equal length run
 * back to back from the start of the whole the total names and stop one period short of its
 * end (the fourth quarter, December, the second half). With a total that adds them up
 * (共计/合计/总计) such a list claims to be the whole year period by period, and the one left
 * out is a gap in it, not a part the writer meant to leave unnamed: the parts are held to add up
 * to the total (parts-before-total.ts's period reading holds periods within the whole to no more
 * than it otherwise). Two periods (一季度…、二季度…，全年…) are a report's first half, not a
 * list missing its last: three or more are needed.
 */
import type { Months } from './periods';

/** The sum words that add the listed parts up (not 累计 or 共, which may reach further). */
const STRICT_SUM = new Set(['合计', '共计', '总计']);

/**
 * Whether `periods` (in the order written) are three or more periods of one length, back to
 * back from `whole`'s start, ending exactly one such period before its end, under a total
 * word (`totalWord`) that adds them up.
 */
export function lastPeriodLeftOut(periods: readonly Months[], whole: Months, totalWord: string): boolean {
  if (!STRICT_SUM.has(totalWord) || periods.length < 3) return false;
  const length = periods[0].hi - periods[0].lo;
  let next = whole.lo;
  for (const p of periods) {
    if (p.lo !== next || p.hi - p.lo !== length) return false;
    next = p.hi + 1;
  }
  return whole.hi - next === length;
}
