/**
 * metric-conflict's one notion of a stated count: "N of noun X in scope S at time T", which
 * both of its readers produce — the statement reader (metric-statements.ts: 全局共有党员102名,
 * 现有党员386人, 全镇12个村) and the record reader (metric-records.ts: a count stated as the object
 * or base of something, 对全公司392名党员开展…, 全校专任教师241名中, 局属4个党支部均…). Each reader
 * compares its own counts; this module compares the counts of one with those of the other,
 * which neither comparison asks: a stock stated as a statement (局机关党委下辖7个党支部) restated as
 * a record (全局8个党支部均参与…), or the other way round.
 *
 * The refusals of both readers hold here as they do there:
 * - the same scope (as placed: the report's own unit, 本单位, is one scope however written;
 *   the unit's organs, 本单位机关, are another), the same measure, the same time, the same
 *   noun (a qualifier keeps nouns apart: 在职党员 ≠ 党员; a short form does not, metric-nouns.ts);
 * - a count that may be a part (a statement read only up to its predicate, a plan's count of
 *   places or bodies) is no anchor, and contradicts only by exceeding the whole;
 * - a statement naming its own unit (甲村…，全村党员58名) is that unit's: not compared here;
 * - a year-end count after members came or went (membersChanged) may differ;
 * - only the first whole count of a thing anchors the others (the first one a reader met);
 *   a count of the anchor's own reader is left to that reader's comparison.
 * Only conflicts are reported; one count read by both readers (the same place) is one count.
 * Linear in the number of counts but for the counts of one scope, measure and time.
 * Offsets are UTF-16 code units of the report's text. Nothing here throws.
 */
import type { Problem } from '../types';
import type { Statement } from './metric-statements';
import { countedThing } from './metric-statements';
import type { CountRecord } from './metric-records';
import { sameThing } from './metric-nouns';
import { membersChanged } from './metric-sentence';
import { restatement, type StatedCount } from './metric-restatement';

/** A stated count as both readers make it. */
interface Count extends StatedCount {
  /** `scope|measure|time`: counts of one group may count one thing. */
  group: string;
  noun: string;
  value: number;
  /** It may be a part: no anchor, contradicts only by exceeding. */
  part: boolean;
  yearEnd: boolean;
  /** Which reader made it. */
  reader: 'statement' | 'record';
}

/**
 * A statement (key `scope|measure|noun|time`) as a stated count, or null where it names its own
 * unit (see sameSubject in metric-statements.ts) and so counts another set than the records'.
 */
function fromStatement(s: Statement): Count | null {
  if (s.subject !== undefined) return null;
  const [scope, measure, noun, time] = s.key.split('|');
  if (time === undefined) return null;
  return { group: `${scope}|${measure}|${time}`, noun, value: s.value, part: s.mayBePart === true, yearEnd: s.yearEnd === true, reader: 'statement', text: s.text, line: s.line, start: s.start, end: s.end, shown: s.shown };
}

/**
 * A record (key `scope|measure|noun|class|time`) as a stated count, or null for a period's
 * count (class `flow`, 全年共完成审计项目32个), which no statement states. Its noun is made one
 * with the statements' ways of writing it (行政村 = 村, metric-statements.ts countedThing).
 */
function fromRecord(r: CountRecord): Count | null {
  const [scope, measure, noun, cls, time] = r.key.split('|');
  if (cls !== 'stock' || time === undefined) return null;
  const thing = countedThing(measure, noun);
  return { group: `${scope}|${thing.slice(0, thing.indexOf('|'))}|${time}`, noun: thing.slice(thing.indexOf('|') + 1), value: r.value, part: r.exceedOnly, yearEnd: r.yearEnd, reader: 'record', text: r.text, line: r.line, start: r.start, end: r.end, shown: r.shown };
}

/**
 * The conflicts between the statements and the records of one report (see the module doc):
 * `statements` those metric-conflict.ts compares (of the report's level), `records` from
 * readRecords, `text` the report's text. Each problem is reported at the later count with the
 * anchor as `related`.
 */
export function crossConflicts(statements: readonly Statement[], records: readonly CountRecord[], text: string): Problem[] {
  const counts: Count[] = [];
  for (const s of statements) {
    const c = fromStatement(s);
    if (c !== null) counts.push(c);
  }
  // Only groups both readers hold can hold a conflict between them.
  const stated = new Set(counts.map((c) => c.group));
  let any = false;
  for (const r of records) {
    const c = fromRecord(r);
    if (c === null || !stated.has(c.group)) continue;
    counts.push(c);
    any = true;
  }
  if (!any) return [];
  counts.sort((a, b) => a.start - b.start || a.end - b.end);
  const byGroup = new Map<string, Count[]>();
  for (const c of counts) {
    const list = byGroup.get(c.group);
    if (list) list.push(c);
    else byGroup.set(c.group, [c]);
  }
  const problems: Problem[] = [];
  for (const group of byGroup.values()) {
    if (!group.some((c) => c.reader === 'record') || !group.some((c) => c.reader === 'statement')) continue;
    // The first whole count of each noun; the parts stated before it wait for it.
    const anchors: Count[] = [];
    const waiting: Count[] = [];
    for (const c of group) {
      const same = (a: Count) => a.noun === c.noun || sameThing(a.noun, c.noun);
      const anchor = anchors.find(same);
      if (anchor === undefined) {
        if (c.part) {
          waiting.push(c);
          continue;
        }
        anchors.push(c);
        // A part stated before the whole of the other reader contradicts it by exceeding it.
        for (const p of waiting) if (same(p) && p.reader !== c.reader && !overlaps(p, c) && p.value > c.value && !changed(p, c, text)) problems.push(restatement(false, c, p));
        continue;
      }
      if (anchor.reader === c.reader || overlaps(anchor, c) || c.value === anchor.value) continue;
      if (c.part && c.value < anchor.value) continue;
      if (changed(anchor, c, text)) continue;
      problems.push(restatement(false, c, anchor));
    }
  }
  return problems;
}

/** Whether two counts are one count read by both readers (their spans meet). */
function overlaps(a: Count, b: Count): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Whether a year-end count may follow a change in members the other count came before. */
function changed(earlier: Count, later: Count, text: string): boolean {
  return (earlier.yearEnd || later.yearEnd) && membersChanged(text.slice(earlier.end, later.start));
}
