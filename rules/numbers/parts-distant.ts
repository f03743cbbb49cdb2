/**
 * "今年争取上级资金和村集体自筹资金共计48万元，对村党群服务中心进行了提档升级，其中上级专项资金
 * 30万元、…": a 合计-type total whose 其中 comes one clause later, after a clause saying what the
 * total was spent on or did. breakdownAfterQizhong reads parts after 其中 only when nothing but
 * the total's own noun stands between them; this lets one clause without a number stand there
 * when the total is summed (共计, 合计, 总计, 累计 right before it: the writer announces a whole) and
 * the first part's label ends in a noun the total's clause holds (资金 … 资金), so that 其中 still
 * points back at the total and not at the intervening clause's noun.
 *
 * Offsets are UTF-16 code units into a line. Nothing here throws.
 */
import type { Quantity } from '../model/quantities';
import { isClauseBreak } from './sentence';

/** The summing words that may stand right before a distant total (共计48万元). */
const SUMMED = /(?:共计|合计|总计|累计)$/u;
/** The most characters of the one clause allowed between the total and 其中. */
const MAX_GAP = 30;

/**
 * Whether the text of `lineText` between `gapStart` (the end of the total) and `index` (其中)
 * is one clause without a number after a summed total: the total's text before its number ends
 * in 共计/合计/总计/累计, the gap holds exactly two clause marks (after the total and before
 * 其中) and no digit, and is 4 to MAX_GAP characters long (a clause of its own, not the one
 * mark of `共计48万元，其中`).
 */
export function distantSummedTotal(lineText: string, from: number, total: Quantity, gapStart: number, index: number): boolean {
  if (index - gapStart > MAX_GAP || index - gapStart < 4 || !SUMMED.test(lineText.slice(Math.max(0, total.numberStart - from - 2), total.numberStart - from))) return false;
  if (!isClauseBreak(lineText.charCodeAt(gapStart)) || !isClauseBreak(lineText.charCodeAt(index - 1))) return false;
  for (let i = gapStart + 1; i < index - 1; i++) {
    const c = lineText.charCodeAt(i);
    if (isClauseBreak(c) || (c >= 0x30 && c <= 0x39) || c === 0x3002 /* 。 */) return false;
  }
  return true;
}

/** Whether `label` ends in a two-character noun that `totalClause` holds (`上级专项资金` and `…自筹资金共计`). */
export function sharesHead(label: string, totalClause: string): boolean {
  return label.length >= 2 && totalClause.includes(label.slice(-2));
}
