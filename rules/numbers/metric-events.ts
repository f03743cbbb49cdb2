/**
 * metric-conflict's check of an event count in the opening summary restated in a section:
 * a report whose opening paragraph says `全年召开党委会议26次` and whose section on
 * decisions says `全年共召开党委会议28次` gives two counts of one set of meetings.
 *
 * Read strictly, so that different sets never meet:
 * - a statement: a clause that opens with a time word (全年, 上半年, 下半年, 一年来, 今年以来),
 *   then at most 共/累计/共计/先后, a verb of holding (召开, 举办, 举行, 开展, 组织), the noun
 *   (2–10 Han characters, no 的, 和, 及, 、) and an exact count in 次/场/期/轮/批, the number
 *   closing its clause. A subject between the time and the verb (全年各支部召开…) is a part's
 *   and not read;
 * - the earlier statement stands in the opening summary (before the first heading), which
 *   speaks of the whole unit; the later one after it, on another line; same time word, verb
 *   set aside (召开 and 举办 are one holding), same noun and measure;
 * - neither is a goal (metric-sentence.ts) or in the plans.
 * One pass over the quantities; each reads only its own clause.
 */
import type { Report } from '../model/report';
import type { Problem } from '../types';
import type { Places } from './metric-places';
import { sentenceTime } from './metric-sentence';
import { isClauseEnd } from './metric-statements';
import { clauseStart, placeOf } from './sentence';
import { restatement, type StatedCount } from './metric-restatement';

const EVENT = /^(全年|上半年|下半年|一年来|今年以来)(?:共计|共|累计|先后){0,2}(?:召开|举办|举行|开展|组织)(\p{Script=Han}{2,10})$/u;
const UNITS = new Set(['次', '场', '期', '轮', '批']);
const NOT_IN_NOUN = /[的和及与各]/u;

interface EventCount extends StatedCount {
  value: number;
}

/**
 * The `conflict` (and passed `consistent`) problems of summary event counts restated.
 * `planned(offset)` says whether an offset lies in the plans.
 */
export function eventConflicts(report: Report, places: Places, planned: (offset: number) => boolean): Problem[] {
  // The opening summary: after the title, before the first heading.
  const firstHeading = report.headings.find((h) => report.title === null || h.line !== report.title.line);
  if (firstHeading === undefined) return [];
  const summaryEnd = report.lines.start(firstHeading.line);
  const summaryStart = report.title ? report.lines.end(report.title.line) : 0;
  const first = new Map<string, EventCount>();
  const problems: Problem[] = [];
  for (const q of report.quantities) {
    if (q.bound !== 'exact' || q.scale !== '' || !UNITS.has(q.unit)) continue;
    const inSummary = q.start >= summaryStart && q.start < summaryEnd;
    if (!inSummary && first.size === 0) continue;
    const { lineStart, lineText, at } = placeOf(report, q);
    const end = q.end - lineStart;
    if (end < lineText.length && !isClauseEnd(lineText.charCodeAt(end))) continue;
    const from = clauseStart(lineText, at);
    const m = EVENT.exec(lineText.slice(from, at));
    if (!m || NOT_IN_NOUN.test(m[2]) || planned(q.start) || sentenceTime(lineText, at, places.year) === null) continue;
    const key = `${m[1]}|${m[2]}|${q.unit}`;
    const stated: EventCount = { value: q.value, shown: `${q.numberText}${q.unit}`, line: q.line, start: lineStart + from, end: q.end, text: lineText.slice(from, end) };
    if (inSummary) {
      if (!first.has(key)) first.set(key, stated);
      continue;
    }
    const earlier = first.get(key);
    if (earlier === undefined || earlier.line === q.line) continue;
    problems.push(restatement(earlier.value === q.value, stated, earlier));
  }
  return problems;
}
