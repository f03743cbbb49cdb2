/**
 * total-breakdown: a staff total broken down by where its people work, right after it with no
 * 其中 — `全系统共有干部职工126名，机关52名，司法所61名，社区矫正中心9名`. The total's clause
 * states a stock (共有/现有/有) of a staff whole (干部职工, 从业人员, 教职工: `staff_wholes` of
 * sentence-numbers.yaml); the parts follow its comma, one clause or 、 item each, labelled by a
 * bare noun (no verb, no attribute word: 机关, 司法所, not 党员 or 35岁以下), in its unit, and the
 * run closes the sentence. Each label names a workplace (ends with a `staff_workplaces` word:
 * 机关, 所, 中心, 科…); such parts place every member of the staff once: they add up to the
 * total. Kinds of people (专任教师, 医生, 户籍人口) may be a partial list, a subset or people
 * outside the whole, and residents (村民, 居民: `resident_wholes`) have no workplaces: no parts. Labels naming a person's attribute (党员, 女, 大专以上: part-claims.yaml, overlap_words)
 * cut the staff another way and may overlap; a label with a verb that acts (新招录…, not 服务 of
 * 就业服务中心: parts-end.ts actionVerb) starts a statement.
 */
import { sentenceNumbers } from '../data/sentence-numbers';
import type { Quantity } from '../model/quantities';
import type { Report } from '../model/report';
import { isTotal, readParts } from './breakdowns';
import type { Breakdown } from './breakdowns';
import { namesAttribute } from './part-claims';
import { actionVerb, totalClause } from './parts-end';
import { isClauseEndChar, sentenceEnd } from './sentence';

const words = sentenceNumbers.breakdown;

/** A stock verb right before the staff whole in the total's clause (共有干部职工, 现有教职工, 有从业人员). */
const STOCK = /(?:共有|现有|有)$/u;

/** A bare label: 1–8 Han characters (机关, 社区矫正中心, 乡镇司法所). */
const BARE = /^\p{Script=Han}{1,8}$/u;

/**
 * The breakdown of `total` (a quantity followed by a comma) into the units its staff work in,
 * as described in the module comment, or null. Offsets are UTF-16 offsets into `report.text`.
 */
export function staffUnitsAfterTotal(report: Report, total: Quantity): Breakdown | null {
  const c = report.text.charCodeAt(total.end);
  if ((c !== 0xff0c /* ， */ && c !== 0x2c) || total.bound !== 'exact' || !sentenceNumbers.peopleUnits.has(total.unit)) return null;
  const from = report.lines.start(total.line);
  const lineText = report.lines.lineText(total.line);
  const clause = totalClause(lineText, from, total);
  const whole = words.staffWhole.exec(clause);
  if (!whole || words.residentWhole.test(whole[0]) || !clause.endsWith(whole[0]) || !STOCK.test(clause.slice(0, clause.length - whole[0].length)) || !isTotal(total, lineText, from)) return null;
  const start = total.end - from + 1;
  // 其中, 包括, 分别为, 按…分, 来自, 由 open readings of their own (breakdowns.ts).
  if (/^(?:其中|包括|包含|分别|按|来自|由|含)/u.test(lineText.slice(start, start + 2))) return null;
  const end = sentenceEnd(lineText, start);
  const parts = readParts(lineText, from, start, end, total, report.quantities, true);
  if (parts.length < 2) return null;
  for (const p of parts) {
    if (p.q.unit !== total.unit || p.q.bound !== 'exact' || !BARE.test(p.label) || !words.staffWorkplace.test(p.label)) return null;
    if (actionVerb(p.label) || words.overlap.test(p.label) || namesAttribute(p.label, clause)) return null;
  }
  // The run closes the sentence: nothing but its end after the last part.
  const after = parts[parts.length - 1].q.end - from;
  if (after < lineText.length && !isClauseEndChar(lineText.charCodeAt(after))) return null;
  if (after < end && lineText.charCodeAt(after) !== 0x3002 /* 。 */ && lineText.charCodeAt(after) !== 0xff1b /* ； */) return null;
  return { total, parts, mode: 'sum', listed: true };
}
