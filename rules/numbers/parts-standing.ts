/**
 * A unit's people counted by their standing in the Party, then summed: "公司现有党员7名、入党
 * 积极分子2名、群众职工13名，全体职工合计24名"; "站里有党员5名、群众职工12名，全站职工共计19人".
 *
 * 政治面貌 is one dimension (GB/T 4762 政治面貌代码: 中共党员, 中共预备党员, 共青团员, 民主
 * 党派…, 群众 the rest), so kinds that end with 群众 name everyone, and a total after them of
 * the unit's whole staff (`breakdown.staff_wholes`: 职工, 员工…) closing the sentence with
 * 合计/共计/总计/共 is their sum. A writer may count the people on their way into the Party
 * (积极分子, 发展对象) inside 群众 as well (breakdowns.ts, restCountsNonMembers): the parts are
 * right when either reading meets the total, and reported as listed when neither does.
 * Vocabulary: rules/data/totals-kinds.yaml (`standings`). Offsets are UTF-16 code units into
 * the report's text.
 */
import { sentenceNumbers } from '../data/sentence-numbers';
import { totalsKinds } from '../data/totals-kinds';
import type { Quantity } from '../model/quantities';
import { sumExact } from '../model/quantities';
import type { Report } from '../model/report';
import type { Breakdown, Part } from './breakdowns';
import { isTotal } from './breakdowns';
import { compatibleUnits, isClauseEndChar, quantitiesIn, sentenceStart } from './sentence';

const words = sentenceNumbers.breakdown;

/** `，全体职工合计` before the number: the whole's words (group 1) and the sum word. */
const TOTAL_HEAD = /[，,]([\u4e00-\u9fff]{1,8}?)(?:合计|共计|总计|共有|共)(?:为|达)?$/u;
/**
 * The breakdown of a staff total after its standing kinds (see the module note), or null. The
 * parts are the quantities of the total's measure in the sentence before the total's clause,
 * joined by 、 or ，, every one labelled by a standing, one of them 群众 or 非党员 (the rest).
 */
export function standingBeforeTotal(report: Report, total: Quantity): Breakdown | null {
  if (!sentenceNumbers.peopleUnits.has(total.unit)) return null;
  const from = report.lines.start(total.line);
  const lineText = report.lines.lineText(total.line);
  const at = total.numberStart - from;
  const head = TOTAL_HEAD.exec(lineText.slice(Math.max(0, at - 14), at));
  if (!head || !words.staffWhole.test(head[1]) || !isTotal(total, lineText, from)) return null;
  const tail = total.end - from;
  const after = tail < lineText.length ? lineText.charCodeAt(tail) : 0x3002;
  if (!isClauseEndChar(after) && after !== 0xff0c /* ， */ && after !== 0x2c) return null;
  const comma = at - head[0].length;
  const start = sentenceStart(lineText, comma);
  const parts: Part[] = [];
  let labelFrom = start;
  let rest = false;
  for (const q of quantitiesIn(report.quantities, from + start, from + comma)) {
    if (!compatibleUnits(q.unit, total.unit) || q.bound !== 'exact') return null;
    const qAt = q.start - from;
    let cut = qAt;
    while (cut > labelFrom && !SEPARATORS.includes(lineText[cut - 1])) cut--;
    const label = lineText.slice(cut, qAt);
    const m = totalsKinds.standing.exec(label);
    if (!m) return null;
    if (totalsKinds.standingRest.has(m[1])) rest = true;
    parts.push({ q, label, sep: cut > start ? lineText.charCodeAt(cut - 1) : 0 });
    labelFrom = q.end - from;
  }
  // Nothing but the list between the last part and the total's clause.
  if (parts.length < 2 || !rest || labelFrom !== comma) return null;
  const others = parts.filter((p) => !words.nonMember.test(p.label));
  if (others.length !== parts.length && others.length >= 2 && sumExact(others.map((p) => p.q)).value === total.value) return { total, parts: others, mode: 'sum', listed: true };
  return { total, parts, mode: 'sum', listed: true };
}

/** What separates the parts: 、 ， , and the sentence's own lead (a colon). */
const SEPARATORS = '、，,：:；;';
