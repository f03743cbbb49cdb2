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
import { compatibleUnits, isClauseBreak } from './sentence';

/** The summing words that may stand right before a distant total (共计48万元, 资金共186万元). */
const SUMMED = /(?:共计|合计|总计|累计|共)$/u;
/** The most characters of the one clause allowed between the total and 其中. */
const MAX_GAP = 30;

/**
 * Whether the text of `lineText` between `gapStart` (the end of the total) and `index` (其中)
 * is one clause without a number after a summed total: the total's text before its number ends
 * in 共计/合计/总计/累计/共, the gap holds exactly two clause marks (after the total and before
 * 其中; a 、 between words is none) and no digit but those of `between` (a count of another
 * measure, otherMeasureTotal), and is 4 to MAX_GAP characters long (a clause of its own, not
 * the one mark of `共计48万元，其中`).
 */
export function distantSummedTotal(lineText: string, from: number, total: Quantity, gapStart: number, index: number, between: Quantity | null = null): boolean {
  if (index - gapStart > MAX_GAP || index - gapStart < 4 || !SUMMED.test(lineText.slice(Math.max(0, total.numberStart - from - 2), total.numberStart - from))) return false;
  if (!isClauseBreak(lineText.charCodeAt(gapStart)) || !isClauseBreak(lineText.charCodeAt(index - 1))) return false;
  for (let i = gapStart + 1; i < index - 1; i++) {
    // The count of another measure the gap clause may hold (otherMeasureTotal).
    if (between !== null && i >= between.numberStart - from && i < between.end - from) continue;
    const c = lineText.charCodeAt(i);
    // A 、 joins words inside the one clause (新建、改扩建…): no second clause.
    if ((isClauseBreak(c) && c !== 0x3001) || (c >= 0x30 && c <= 0x39) || c === 0x3002 /* 。 */) return false;
  }
  return true;
}

/**
 * "投入资金共186万元，新建、改扩建村级党群服务中心5个，其中镇财政投入98万元、…": the count right
 * before 其中 (`nearest`, 5个) is of another measure than the first part after it (万元), and
 * the clause before holds a summed count of the part's measure (共186万元): that count is the
 * total the parts break down, the clause between says what it paid for. Returns it, or null.
 * `quantities` are the line's (document order), `from` the line's offset, `index` 其中's
 * offset in the line (UTF-16 code units); the distance rules of distantSummedTotal apply.
 */
export function otherMeasureTotal(lineText: string, from: number, index: number, nearest: Quantity, quantities: readonly Quantity[]): Quantity | null {
  let k = quantities.indexOf(nearest);
  const part = quantities[k + 1];
  if (k <= 0 || part === undefined || part.start < from + index || compatibleUnits(part.unit, nearest.unit)) return null;
  const earlier = quantities[k - 1];
  if (earlier.start < from || !compatibleUnits(part.unit, earlier.unit) || earlier.scale !== part.scale) return null;
  k = earlier.end - from;
  // `共42期、培训学员3860人次，其中…`: one total in two measures joined by 、 (qizhong-run.ts), not a clause between.
  if (lineText[k] !== '，' && lineText[k] !== ',') return null;
  return distantSummedTotal(lineText, from, earlier, k, index, nearest) ? earlier : null;
}

/** Whether `label` ends in a two-character noun that `totalClause` holds (`上级专项资金` and `…自筹资金共计`). */
export function sharesHead(label: string, totalClause: string): boolean {
  return label.length >= 2 && totalClause.includes(label.slice(-2));
}

/** A bracketed note on what a total takes in: `（含预备党员）`, `(不含离退休党员)`, `（包括…）`. */
const INCLUSION_ASIDE = /^[（(](?:含|不含|包括|包含)[^（）()，。；]{1,16}[）)]/u;

/**
 * The length (UTF-16 code units) of an inclusion aside (INCLUSION_ASIDE) standing at `at` of
 * `lineText` and closing before `index` (其中), or 0: the aside qualifies the total before it,
 * so 其中 after it still breaks that total down.
 */
export function inclusionAside(lineText: string, at: number, index: number): number {
  const m = INCLUSION_ASIDE.exec(lineText.slice(at, index));
  return m ? m[0].length : 0;
}
