/**
 * A share of one grade among grades listed in one frame, for `percentage-range`: "参评单位中，
 * 评为“好”等次的38个，占比90%，评为“较好”等次的5个，评为“一般”等次的2个". Each thing rated
 * gets one grade, so the grades named by distinct quoted words in the same frame (the same
 * words before and after the quote) are disjoint parts of the whole the share divides: that
 * whole is at least their sum, and the share at most part ÷ that sum. A share above that bound
 * (beyond rounding) is wrong whatever the whole; one below it may be right (grades not listed)
 * and is not judged. Offsets are UTF-16 code units of the report text.
 */
import type { Report } from '../model/report';
import type { Problem, ProblemRelated } from '../types';
import type { Quantity } from '../model/quantities';
import { checked, clauseStart, measureOf, percentOf, quantitiesIn, sentenceEnd, written } from './sentence';
import { fullSentenceStart } from './rate-clauses';

/** A part's label as a frame around a quoted grade: `评为“好”等次的` (1 the words before, 2 the grade, 3 the words after). */
const FRAME = /^(\p{Script=Han}{1,6})“([^“”]{1,8})”(\p{Script=Han}{0,6}的)$/u;

/**
 * The bound reading above for the exact percentage `q` (a bare share: 占比, 比例, a bare 占)
 * whose part is the one count ending the clause right before it, labelled by FRAME. The
 * siblings are the other counts of the sentence (to 。, not ；) right after the same frame
 * around another quoted grade, in the part's measure kind. Null when there is no such part
 * or no sibling, or when the share does not exceed the bound; a pass when within it.
 */
export function gradeShare(report: Report, q: Quantity, lineText: string, from: number, rate: string): Problem | null {
  if (q.bound !== 'exact') return null;
  const at = q.numberStart - from;
  const own = clauseStart(lineText, at);
  if (own < 2 || lineText[own - 1] !== '，') return null;
  const partClause = clauseStart(lineText, own - 1);
  const inPart = quantitiesIn(report.quantities, from + partClause, from + own - 1);
  if (inPart.length !== 1) return null;
  const part = inPart[0];
  if (part.bound !== 'exact' || part.end - from !== own - 1 || part.unit === '%') return null;
  const frame = FRAME.exec(lineText.slice(partClause, part.numberStart - from));
  if (!frame) return null;
  const [, before, grade, after] = frame;
  const kind = measureOf(part.unit).kind;
  const start = fullSentenceStart(lineText, at);
  const end = sentenceEnd(lineText, at);
  const sentence = lineText.slice(start, end);
  const grades = new Set([grade]);
  const siblings: Quantity[] = [];
  let sum = part.value;
  for (let i = sentence.indexOf(`${before}“`); i >= 0; i = sentence.indexOf(`${before}“`, i + 1)) {
    const open = i + before.length + 1;
    const close = sentence.indexOf('”', open);
    if (close < 0 || close - open > 8 || !sentence.startsWith(after, close + 1)) continue;
    const other = sentence.slice(open, close);
    const numberAt = start + close + 1 + after.length;
    if (numberAt === part.numberStart - from) continue;
    const found = quantitiesIn(report.quantities, from + numberAt, from + numberAt + 12).find((c) => c.numberStart - from === numberAt);
    if (!found || found.bound !== 'exact' || measureOf(found.unit).kind !== kind) continue;
    // A grade named twice is not one more side of the rating.
    if (grades.has(other)) return null;
    grades.add(other);
    siblings.push(found);
    sum += found.value;
  }
  if (siblings.length === 0 || !(sum > 0)) return null;
  const bound = (part.value / sum) * 100;
  const tolerance = q.decimals > 0 ? 2 * 10 ** -q.decimals : 1;
  const wrong = q.value > bound + tolerance;
  const data = { rate, value: written(report, q), part: written(report, part), sum: `${sum}${part.unit}`, computed: String(percentOf(part.value, sum)) };
  const related: ProblemRelated[] = [{ start: part.numberStart, end: part.end, messageId: 'part', data: { part: data.part } }];
  for (const s of siblings) related.push({ start: s.numberStart, end: s.end, messageId: 'sibling', data: { sibling: written(report, s) } });
  return checked(!wrong, wrong ? 'gradeShare' : 'gradeShareOk', data, q.numberStart, q.end, related);
}
