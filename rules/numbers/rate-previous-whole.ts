/**
 * A participation rate whose whole the sentence before names, for `percentage-range`:
 * "…组织全局干部参加…培训，全局共有在职党员168名，…。" ⏎ "参训党员156名，参训率达97.5%。" The
 * rate's sentence opens with its part, named by the rate's own verb and a noun (参训 + 党员
 * for 参训率), and holds no other count; the sentence right before it (in the same paragraph
 * or closing the previous one) states, once, the whole of that noun (`共有在职党员168名`,
 * `现有党员…`). A reader divides the one by the other: 156 ÷ 168 = 92.9%. Where the sentence
 * before states no such whole, or two, nothing is read. Offsets are UTF-16 code units.
 */
import type { Quantity } from '../model/quantities';
import type { Report } from '../model/report';
import type { Problem } from '../types';
import { countsIn, fullSentenceStart } from './rate-clauses';
import { judged, standsAlone } from './rate-parts';
import { measureOf } from './sentence';

/** A whole stated by an existence word, maybe a standing between it and the noun: group 1 the noun's text. */
const STATED = /(?:共有|现有)(?:在职|在册|在岗)?$/u;

/**
 * The recomputed rate (the rule's `recomputed` problem, or its pass) of `q`, the value of the
 * rate named `rate` (`参训率`), when its part and the previous sentence's whole are as in the
 * module comment; null otherwise.
 */
export function previousSentenceWhole(report: Report, q: Quantity, lineText: string, from: number, rate: string): Problem | null {
  if (!rate.endsWith('率') || rate.length < 3 || !standsAlone(q, lineText, from, rate)) return null;
  const verb = rate.slice(0, -1);
  const at = q.numberStart - from;
  const start = fullSentenceStart(lineText, at);
  const counts = countsIn(report, from + start, q.start);
  if (counts.length !== 1) return null;
  const part = counts[0];
  // The part opens the sentence: the rate's verb, then a noun of two or more characters.
  const label = lineText.slice(start, part.start - from).trim();
  if (!label.startsWith(verb) || label.length < verb.length + 2 || !/^\p{Script=Han}+$/u.test(label)) return null;
  const noun = label.slice(verb.length);
  const whole = wholeBefore(report, from + start, noun, part);
  if (!whole || whole.value <= part.value) return null;
  return judged(report, q, rate, part, whole);
}

/** The one count stating a whole of `noun` in the sentence ending right before `sentenceStart` (a report offset). */
function wholeBefore(report: Report, sentenceStart: number, noun: string, part: Quantity): Quantity | null {
  let end = sentenceStart;
  const text = report.text;
  while (end > 0 && /\s/u.test(text[end - 1])) end--;
  if (end === 0 || text[end - 1] !== '。') return null;
  const line = report.lines.lineAt(end - 1);
  const lineText = report.lines.lineText(line);
  const lineFrom = report.lines.start(line);
  const start = lineFrom + fullSentenceStart(lineText, end - 1 - lineFrom);
  let found: Quantity | null = null;
  for (const c of countsIn(report, start, end)) {
    if (measureOf(c.unit).kind !== measureOf(part.unit).kind) continue;
    const lead = lineText.slice(0, c.numberStart - lineFrom);
    if (!lead.endsWith(noun) || !STATED.test(lead.slice(0, -noun.length))) continue;
    if (found) return null;
    found = c;
  }
  return found;
}
