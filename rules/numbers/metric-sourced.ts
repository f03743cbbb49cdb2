/**
 * metric-conflict's check of problems counted by where they were found, restated: a report
 * that states how many problems an inspection or review raised (`巡察反馈问题12个`,
 * `上年度民主生活会查摆出班子存在问题6个`) and later refers back to them as a whole
 * (`巡察反馈的13个问题已全部整改`) must give one number. A 的-qualified count names the whole
 * set its clause describes, as a scope word does.
 *
 * Read strictly, so that different sets never meet:
 * - the source: the clause's words from its start up to a verb of finding (SOURCE_VERBS:
 *   指出, 反馈, 查摆…), leading prepositions (对, 针对…) taken off, naming an event that
 *   raises one list of problems (EVENTS: 巡视, 巡察, 审计, 述职评议, 民主生活会…): a bare
 *   `检查发现` may be any of a year's checks and is not read. Two statements meet only with
 *   the same source words (`市委巡察反馈` ≠ `巡察反馈`) and the same time (metric-sentence.ts);
 * - the count: exact, in 个/项/条/处, of 问题 or 意见 (not 问题线索, 问题清单), right after the verb
 *   or after `的`, or after a subject that `存在` them (`指出我支部存在问题4个`); noun first,
 *   the number ends its clause; a clause opening with 其中 is a part and not read;
 * - neither is a goal (力争…) nor in the plans; they stand on different lines.
 * Each later statement is held against the first of its source and time. One pass over the
 * quantities; each reads its own clause only (at most MAX_CLAUSE code units back).
 */
import type { Report } from '../model/report';
import type { Problem } from '../types';
import type { Places } from './metric-places';
import { sentenceTime } from './metric-sentence';
import { isClauseEnd } from './metric-statements';
import { clauseStart } from './sentence';
import { restatement, type StatedCount } from './metric-restatement';

/** Verbs that say where problems were found. */
const SOURCE_VERBS = ['指出', '反馈', '查摆', '查找', '检视', '查出', '交办', '点评', '发现'];
/** Events that raise one list of problems, one of which the source must name. */
const EVENTS = /巡视|巡察|审计|述职|评议|民主生活会|组织生活会|专题生活会|主题教育|督导|回头看/u;
/** Prepositions that may open the clause before the source. */
const LEADS = /^(?:针对|对照|对于|围绕|聚焦|关于|对|就|经|将)/u;
const UNITS = new Set(['个', '项', '条', '处']);
/** What may stand between the verb and the count: nothing, 的, or a subject that 存在 them. */
const MIDDLE = /^(?:的?|\p{Script=Han}{0,6}存在的?)$/u;
/** After 问题, characters that make it another noun (问题线索, 问题清单, 问题台账). */
const NOT_PROBLEMS = /^(?:线索|清单|台账|点位|导向|建议)/u;
const MAX_CLAUSE = 60;
/** What a review raises, counted: 问题 and 意见 (巡察反馈意见12条), each its own set. */
const NOUNS = ['问题', '意见'];

interface Sourced extends StatedCount {
  source: string;
  time: string;
  value: number;
}

/**
 * The `conflict` (and passed `consistent`) problems of problem counts restated by their
 * source. `planned(offset)` says whether an offset lies in the plans.
 */
export function sourcedConflicts(report: Report, places: Places, planned: (offset: number) => boolean): Problem[] {
  const first = new Map<string, Sourced>();
  const problems: Problem[] = [];
  for (const q of report.quantities) {
    if (q.bound !== 'exact' || q.scale !== '' || !UNITS.has(q.unit)) continue;
    const lineStart = report.lines.start(q.line);
    const lineText = report.lines.lineText(q.line);
    const s = readSourced(lineText, q.start - lineStart, q.end - lineStart, places.year);
    if (s === null || planned(q.start)) continue;
    const key = `${s.source}|${s.time}`;
    const stated: Sourced = { ...s, value: q.value, shown: `${q.numberText}${q.unit}`, line: q.line, start: lineStart + s.start, end: lineStart + s.end };
    const earlier = first.get(key);
    if (earlier === undefined) {
      first.set(key, stated);
      continue;
    }
    if (earlier.line === q.line) continue;
    problems.push(restatement(earlier.value === q.value, stated, earlier));
  }
  return problems;
}

/**
 * The count at line indices `[at, end)` read as problems counted by their source (line
 * indices `start`/`end` of the statement, source words, time), or null.
 */
function readSourced(lineText: string, at: number, end: number, year: string): Omit<Sourced, 'value' | 'shown' | 'line'> | null {
  const from = Math.max(clauseStart(lineText, at), at - MAX_CLAUSE);
  const clause = lineText.slice(from, at);
  if (clause.startsWith('其中')) return null;
  let stop = end;
  let lead = clause;
  const after = NOUNS.find((n) => lineText.startsWith(n, end));
  const before = NOUNS.find((n) => clause.endsWith(n));
  let noun: string;
  if (after !== undefined) {
    // Number first: `巡察反馈的12个问题`.
    if (NOT_PROBLEMS.test(lineText.slice(end + 2, end + 4))) return null;
    noun = after;
    stop = end + 2;
  } else if (before !== undefined) {
    // Noun first: `巡察反馈问题12个，`, the number closing its clause.
    if (end < lineText.length && !isClauseEnd(lineText.charCodeAt(end))) return null;
    noun = before;
    lead = clause.slice(0, -2);
  } else {
    return null;
  }
  let verbEnd = -1;
  for (const v of SOURCE_VERBS) {
    const k = lead.lastIndexOf(v);
    if (k >= 0 && k + v.length > verbEnd) verbEnd = k + v.length;
  }
  if (verbEnd < 0 || !MIDDLE.test(lead.slice(verbEnd))) return null;
  const source = lead.slice(0, verbEnd).replace(LEADS, '');
  if (!EVENTS.test(source) || !/^\p{Script=Han}+$/u.test(source.replace(/[0-9“”]/gu, ''))) return null;
  const time = sentenceTime(lineText, at, year);
  if (time === null) return null;
  return { source: `${source}|${noun}`, time, start: from, end: stop, text: lineText.slice(from, stop) };
}
