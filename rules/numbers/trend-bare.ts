/**
 * trend-direction, a base and a bare direction: "投诉量较上年（57件）下降明显，全年受理投诉63件"
 * and "全年发生事故6起，比上年的4起有所减少". The base is stated (in brackets or after 的),
 * the direction is a verb with no amount after it, and the result is the quantity right
 * before the comma that leads to 较/比, or the first quantity of the next clause when that
 * clause names the same thing as the clause of 较 (a two-character word both share: 投诉量 …
 * 受理投诉) or is the result alone (，达到55名). A rise needs base < result, a fall base > result; equal values are not judged
 * (rounding), nor values with qualifiers (约, 余, 以上).
 */
import { sentenceNumbers } from '../data/sentence-numbers';
import type { Report } from '../model/report';
import type { Problem } from '../types';
import type { Quantity } from '../model/quantities';
import { lowerBound } from '../model/lower-bound';
import { clauseEnd, clauseStart, checked, measureOf, NUMBER_SOURCE, numberValue } from './sentence';
import { comparisonStarts } from './trend-change';

const words = sentenceNumbers.trend;
const TIME = `(?:(?:${words.timePrefixes}|\\d{4}年(?:初|底|末)?)(?:同期)?的?|\\p{Script=Han}{1,8}?的)?`;
/**
 * Sticky at 较/比/同比/环比. Groups: 1 number, 2 万/亿, 3 unit, 4 verb. The verb is followed
 * by a clause end (or 明显/显著…, then a clause end): no amount, else it is a change
 * (trend-direction's checkChanges). Every part is bounded: linear.
 */
const BARE = new RegExp(
  `(?:较|比|同比|环比)${TIME}(?:同期)?的?[（(]?(${NUMBER_SOURCE})(万|亿)?(${words.valueUnits})[）)]?(?:相比)?` +
    `(?:有所|明显|大幅|显著|稳步|持续|进一步|略有)?(${words.up}|${words.down})(?:明显|显著|较多|较大|较快)?(?=[，,。；;！]|$)`,
  'uy',
);
/** Words in the result's clause that make its quantity something else: a part, a change, another comparison. */
const NOT_RESULT = /其中|较|比|增|减|降|升|提高|分别|占|率/u;

/**
 * The problems of every base-and-bare-direction comparison in `report` (see the module doc).
 * Offsets of each problem: from 较/比 (or the result before it) to the end of the verb or of
 * the result after it.
 */
export function bareComparisons(report: Report): Problem[] {
  const problems: Problem[] = [];
  const { text, lines } = report;
  for (const start of comparisonStarts(text)) {
    BARE.lastIndex = start;
    const m = BARE.exec(text);
    if (!m) continue;
    const end = start + m[0].length;
    if (report.opaque.overlaps(start, end) || text.slice(start, end).includes('\n')) continue;
    const n = numberValue(m[1]);
    if (!n) continue;
    const unit = m[3];
    const scale = m[2] === '万' ? 1e4 : m[2] === '亿' ? 1e8 : 1;
    const base = n.value * scale * measureOf(unit).factor;
    const line = lines.lineAt(start);
    const lineStart = lines.start(line);
    const lineText = lines.lineText(line);
    // "排名较上年（9名）有所提升": a rank rises as its number falls.
    if (words.rankWords.test(lineText.slice(clauseStart(lineText, start - lineStart), clauseEnd(lineText, end - lineStart + 1)))) continue;
    const result = resultBefore(report, start, line) ?? resultAfter(report, lineText, lineStart, start, end);
    if (!result || measureOf(result.unit).kind !== measureOf(unit).kind) continue;
    const value = result.value * measureOf(result.unit).factor;
    if (value === base) continue;
    const up = words.upWords.has(m[4]);
    const wrong = up ? base > value : base < value;
    const baseText = m[1] + (m[2] ?? '') + unit;
    const resultText = text.slice(result.numberStart, result.end);
    const data = {
      verb: m[4],
      a: baseText,
      b: resultText,
      op: value > base ? '<' : '>',
      need: up ? '小于' : '大于',
      needEn: up ? 'smaller than' : 'larger than',
    };
    problems.push(checked(!wrong, wrong ? 'wrong' : 'ok', data, Math.min(start, result.numberStart), Math.max(end, result.end)));
  }
  return problems;
}

/** Whether `q` is an exact plain count or measure (no 约, 余, 以上; 达/共 allowed). */
function exact(q: Quantity): boolean {
  return q.bound === 'exact' && q.qualifiers.every((w) => w === '达' || w === '达到' || w === '共');
}

/** The exact quantity ending right before the comma before `at` ("受理投诉63件，较上年…"), on `line`. */
function resultBefore(report: Report, at: number, line: number): Quantity | null {
  const comma = report.text.charCodeAt(at - 1);
  if (comma !== 0xff0c /* ， */ && comma !== 0x2c) return null;
  const qs = report.quantities;
  const q = qs[lowerBound(qs, (x) => x.end < at - 1)];
  return q && q.end === at - 1 && exact(q) && q.line === line ? q : null;
}

/**
 * The first quantity of the clause after the comparison, when that clause adds nothing but
 * a subject (no 其中, 较, 增…) and shares a two-character word with the comparison's clause.
 */
function resultAfter(report: Report, lineText: string, lineStart: number, start: number, end: number): Quantity | null {
  const rel = end - lineStart;
  const sep = lineText.charCodeAt(rel);
  if (sep !== 0xff0c /* ， */ && sep !== 0x2c) return null;
  const nextEnd = clauseEnd(lineText, rel + 1);
  const qs = report.quantities;
  const q = qs[lowerBound(qs, (x) => x.start < end + 1)];
  if (!q || q.end > lineStart + nextEnd || !exact(q)) return null;
  const lead = lineText.slice(rel + 1, q.start - lineStart);
  // "…有所增加，达到55名": the clause is the result alone.
  if (lead === '' && (q.qualifiers.includes('达到') || q.qualifiers.includes('达'))) return q;
  if (lead.length > 14 || NOT_RESULT.test(lead) || !/^\p{Script=Han}*$/u.test(lead)) return null;
  const subject = lineText.slice(clauseStart(lineText, start - lineStart), start - lineStart);
  for (let i = 0; i + 2 <= lead.length; i++) if (subject.includes(lead.slice(i, i + 2))) return q;
  return null;
}
