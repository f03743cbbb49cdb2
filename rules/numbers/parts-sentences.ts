/**
 * How total-breakdown reads a strict sum that opens a sentence of its own after parts stated one
 * per sentence (`城区妇女微家举办活动26场；乡镇妇女微家举办活动42场；合计举办活动58场。`, or with 。):
 * 合计/共计/总计 (never 累计 or 共, which may reach since the start) right after a 。 or ；, at
 * most a verb and a short noun before the number, the number ending its clause. The parts are
 * the sentences right before it on the same line, all ended by the same mark, each ending with
 * its one count in the total's very unit (a count in another unit may name who did it: 3个妇女
 * 微家); the first sentence that is no such part (a 其中, 另, 分别 or total word in it, two
 * counts in the unit, a count not at its end) ends the run. A verb the total names must stand in
 * the first part. parts-before-total.ts reads the same totals after a comma. Offsets are UTF-16
 * code units; `from` is a line's absolute start.
 */
import type { Quantity } from '../model/quantities';
import type { Report } from '../model/report';
import { isTotal } from './breakdowns';
import type { Breakdown, Part } from './breakdowns';
import { quantitiesIn, sentenceStart, totalClosingClause } from './sentence';

/**
 * Anchored at the end of the text before a total's number: a sentence mark, the strict sum word,
 * an optional link, then optionally a two-character verb (group 2) and a noun (group 3).
 */
const HEAD = /[。；;]\s*(合计|共计|总计)(?:达到|达|为|是)?(?:(\p{Script=Han}{2})(\p{Script=Han}{1,8})?)?$/u;
/** Words that make a sentence no plain part: a breakdown, an aside, a total of its own. */
const NOT_A_PART = /其中|分别|另|合计|累计|共计|总计|共有|共/u;
/** The most parts read back (a run of sentences longer than this is prose, not a list). */
const MAX_PARTS = 8;

/** The breakdown of `total` over the one-count sentences right before its own (see the module), or null. */
export function sentencesBeforeTotal(report: Report, total: Quantity): Breakdown | null {
  const closing = totalClosingClause(report, total, HEAD, 16);
  if (!closing) return null;
  const { from, lineText, at, head } = closing;
  if (total.bound === 'approx' || !isTotal(total, lineText, from)) return null;
  const mark = lineText.charCodeAt(at - head[0].length);
  const parts: Part[] = [];
  let end = at - head[0].length; // the mark ending the sentence before the total's
  while (parts.length < MAX_PARTS && end > 0 && lineText.charCodeAt(end) === mark) {
    const start = sentenceStart(lineText, end);
    const part = soleCount(report, lineText, from, start, end, total);
    if (!part) break;
    parts.unshift(part);
    end = start - 1;
  }
  if (parts.length < 2) return null;
  for (let i = 0; i < parts.length; i++) parts[i].sep = i === 0 ? 0 : mark;
  const verb = head[2];
  if (verb !== undefined && !parts[0].label.includes(verb)) return null;
  return { total, parts, mode: 'sum', listed: true };
}

/**
 * The one count in `total`'s very unit that ends the sentence `lineText[start, end)`, labelled
 * by the sentence's text before it; null when the sentence holds none, two, or one not at its end.
 */
function soleCount(report: Report, lineText: string, from: number, start: number, end: number, total: Quantity): Part | null {
  const text = lineText.slice(start, end);
  if (NOT_A_PART.test(text)) return null;
  let found: Quantity | null = null;
  for (const q of quantitiesIn(report.quantities, from + start, from + end)) {
    if (q.unit !== total.unit) continue;
    if (found) return null;
    found = q;
  }
  if (!found || found.end - from !== end || found.bound === 'approx' || found.scope) return null;
  return { q: found, label: lineText.slice(start, found.start - from).trim(), sep: 0 };
}
