/**
 * A total that re-counts kinds of places or bodies under one generic noun, for total-breakdown:
 * "走访企业14家、社区3个、学校5所，共计走访单位22个". Each kind keeps its own measure word
 * (家, 个, 所, 户…), and the total counts them all in 个 under 单位/点位/场所… (statistical
 * yearbooks count 乡政府, 学校, 医院 alike as units "单位:个"). The strict reading of a total
 * after its parts (parts-before-total.ts) asks one unit of every part and a general noun such
 * as 会议 or 项目, so it leaves this construction alone. Vocabulary:
 * rules/data/sentence-numbers.yaml (`breakdown.count_wholes`, `breakdown.place_units`).
 * Offsets are UTF-16 code units.
 */
import { sentenceNumbers } from '../data/sentence-numbers';
import type { Quantity } from '../model/quantities';
import type { Report } from '../model/report';
import { clauseText, isTotal, lastSeparator } from './breakdowns';
import type { Breakdown, Part } from './breakdowns';
import type { Mode } from './breakdown-mode';
import { isClauseEndChar, maskNested, quantitiesIn, sentenceStart } from './sentence';

const words = sentenceNumbers.breakdown;
const IDEOGRAPHIC_COMMA = 0x3001; // 、

/**
 * "深入基层走访企业14家、社区3个、乡镇财政所5个，共计走访单位22个": a total clause of a total
 * word, a two-character verb and a generic noun (count_wholes, maybe after 各类) in 个, right
 * after a run of parts joined by 、, each in a measure word of places or bodies (place_units),
 * the first label holding the verb and no later one a verb of its own, and at least two
 * measure words among the parts (one unit throughout is the strict reading's). 合计/共计/总计
 * add the parts up; after 累计 or 共 the total may reach further (kinds not listed, earlier
 * years): the parts are held to no more than it. The total's clause ends at its number.
 */
export function kindsBeforeTotal(report: Report, total: Quantity): Breakdown | null {
  if (total.unit !== '个' || total.bound !== 'exact') return null;
  const from = report.lines.start(total.line);
  const lineText = report.lines.lineText(total.line);
  const at = total.numberStart - from;
  const head = words.totalNaming.exec(lineText.slice(Math.max(0, at - 16), at));
  if (!head || head[1] !== '' || !words.countWhole.test(head[4])) return null;
  if (!isTotal(total, lineText, from)) return null;
  const tail = total.end - from;
  if (tail < lineText.length && !isClauseEndChar(lineText.charCodeAt(tail))) return null;
  const comma = at - head[0].length;
  const start = sentenceStart(lineText, comma);
  const masked = maskNested(lineText.slice(start, comma));
  const run: Part[] = [];
  let labelFrom = 0;
  for (const q of quantitiesIn(report.quantities, from + start, from + comma)) {
    const qAt = q.start - from - start;
    const cut = lastSeparator(masked, labelFrom, qAt);
    const label = clauseText(masked, cut + 1, qAt);
    labelFrom = q.end - from - start;
    const usable = words.placeUnits.has(q.unit) && q.bound === 'exact' && !q.scope && q.scale === '' && !words.stop.test(label);
    // A part opens a new run unless it follows the last one after a 、.
    if (!usable) {
      run.length = 0;
      continue;
    }
    if (run.length > 0 && (cut < 0 || masked.charCodeAt(cut) !== IDEOGRAPHIC_COMMA)) run.length = 0;
    run.push({ q, label, sep: run.length === 0 ? 0 : IDEOGRAPHIC_COMMA });
  }
  if (run.length < 2 || lastSeparator(masked, labelFrom, masked.length) >= 0) return null;
  const verb = head[3];
  if (!run[0].label.includes(verb)) return null;
  const units = new Set<string>();
  for (let i = 0; i < run.length; i++) {
    units.add(run[i].q.unit);
    if (i > 0 && words.verbs.test(run[i].label)) return null;
  }
  if (units.size < 2 || /其中|分别|另/u.test(masked)) return null;
  const mode: Mode = head[2] === '累计' || head[2] === '共' ? 'atMost' : 'sum';
  return { total, parts: run, mode, listed: true };
}
