/**
 * What heading-punctuation reads after a plain numbered line closed by a colon, to tell a
 * title (`三、下半年工作安排：`, `（三）深化…服务：` over a paragraph) from a lead-in to what
 * follows (`（一）主要不足：` over `1.…`, `…如下：`): the words that announce items, whether
 * the next line is prose, and whether the line titles one of the report's later parts.
 * Lines are indices of `Report.lines`.
 */
import type { Report } from '../model/report';
import { sectionIdsOf } from '../model/outline';

/**
 * Whether section `index` is one of the report's top sections (`Report.topSections`) whose
 * title names the problems or the plans part by its words (`sectionIdsOf`: 存在的不足,
 * 下半年工作打算, 2027年工作思路): a part of the report, titled as the standard titles are,
 * not a lead-in to a list (`（一）主要不足：` under a part, `三、主要做法：` over its items).
 */
export function laterPartTitle(report: Report, index: number): boolean {
  if (!report.topSections.includes(index)) return false;
  const ids = sectionIdsOf(report.sections[index].heading.title.text, true);
  return ids.includes('problems') || ids.includes('plans');
}

/** Words by which a line announces the items after its colon: 如下, 以下, 下列, 主要有, 包括. */
export const LEAD_IN_WORDS = /如下|以下|下列|主要有|包括/u;

/**
 * Whether the first line with words after line `line` (a heading's) is a paragraph of prose:
 * it opens with a Han character that starts no item (一是, 一要, 第一, 首先, 其一) or with a
 * year (`2027年，…`) — not another digit, a bracket, a circled number, a bullet, a table or a quotation mark. Blank lines
 * between are skipped, at most PROSE_REACH of them.
 */
export function proseFollows(report: Report, line: number): boolean {
  const { lines } = report;
  for (let k = line + 1; k < lines.count && k <= line + PROSE_REACH; k++) {
    const head = lines.lineText(k).trimStart().slice(0, 6);
    if (head === '') continue;
    // A year opens a paragraph as often as a Han word does (`2027年，工委将…`).
    return (/^\p{Script=Han}/u.test(head) && !ITEM_OPENING.test(head)) || YEAR_OPENING.test(head);
  }
  return false;
}

/** How many blank lines `proseFollows` skips after a heading looking for its next line. */
const PROSE_REACH = 3;

/** A year opening a paragraph: `2027年，`, `2026年上半年` (four digits, 年, then a comma or a Han character). */
const YEAR_OPENING = /^\d{4}年[，,\p{Script=Han}]/u;

/** An item's opening at a line's head: 一是, 一要, 第一, 首先, 其一. */
const ITEM_OPENING = /^(?:[一二三四五六七八九十][是要]|第[一二三四五六七八九十]|首先|其一)/u;
