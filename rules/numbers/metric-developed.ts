/**
 * metric-conflict's check of the members a report says it developed, restated by a
 * 的-relative: `上半年发展党员8名` and later `结合上半年新发展的6名党员的入党教育` count one set
 * (the relative names all of them: a part would be picked with 中, 新发展的党员中有6名…).
 *
 * Read strictly:
 * - the event: a clause of only a time word (全年, 上半年, 今年…), 共/共计/新, 发展(了) and
 *   党员 (预备党员, 新党员), closed by its count in 名 or 人, in a sentence that names no
 *   sub-unit (研发一支部…，上半年发展党员3名 is that branch's);
 * - the relative: (新)发展的 right before the count, then 党员 (预备党员, 新党员); no sub-unit
 *   in its sentence, no 其中 opening its clause, and no word before it that reaches past the
 *   report's period (近三年新发展的…, 累计发展的…: metric-conflict.yaml `developed_other_times`);
 * - both dated alike (metric-sentence.ts: 全年 in a year's report is undated), neither a goal
 *   nor in the plans; the event comes first, and one time whose events give two values
 *   (sub-units', most likely) compares nothing.
 * Source: the pages corpus (党内统计公报 news: the year's 发展党员N万名 restated as 全年发展的N万名
 * 党员中…, 新发展的党员…) and the project corpora (全年发展的58名党员中…, 新发展的2名党员均为…),
 * always with the same number; no text copied.
 */
import { metricConflictData as vocab } from '../data/metric-conflict';
import type { Report } from '../model/report';
import { OWN_UNIT, subjectScope } from '../model/stock-unit';
import type { Problem } from '../types';
import type { Places } from './metric-places';
import { restatement, type StatedCount } from './metric-restatement';
import { sentenceTime } from './metric-sentence';
import { isClauseEnd } from './metric-statements';
import { clauseStart, placeOf } from './sentence';

/** The event's clause before its count: time word, 共/新, 发展, the members. */
const EVENT = /^(?:全年|上半年|下半年|一年来|今年以来|今年|\d{4}年)?(?:共计|共)?新?发展了?(?:预备党员|新党员|党员)$/u;
/** The relative right before its count: (新)发展的. */
const RELATIVE = '发展的';
/** The members after the relative's measure word. */
const MEMBERS = ['预备党员', '新党员', '党员'];
const UNITS = new Set(['名', '人']);

interface Developed extends StatedCount {
  value: number;
}

/**
 * The `conflict` (and passed `consistent`) problems of developed members restated by a
 * relative. `planned(offset)` says whether an offset lies in the plans. Offsets are UTF-16.
 */
export function developedConflicts(report: Report, places: Places, planned: (offset: number) => boolean): Problem[] {
  // time → the first event of that time, or null when its events disagree.
  const events = new Map<string, Developed | null>();
  const problems: Problem[] = [];
  for (const q of report.quantities) {
    if (q.bound !== 'exact' || q.scale !== '' || !UNITS.has(q.unit)) continue;
    const { lineStart, lineText, at } = placeOf(report, q);
    const end = q.end - lineStart;
    if (planned(q.start)) {
      // 在2024年全镇发展党员25名的基础上，…: a plan's base restating the year's event, written
      // undated (全年发展党员23名: the report's own year) or with the report's year.
      const base = events.size === 0 ? null : planBase(lineText, at, end, places);
      const event = base === null ? undefined : (events.get('') ?? events.get(places.year));
      if (base !== null && event) problems.push(restatement(event.value === q.value, { shown: `${q.numberText}${q.unit}`, line: q.line, start: lineStart + base, end: q.end, text: lineText.slice(base, end) }, event));
      continue;
    }
    if (lineText.startsWith(RELATIVE, at - RELATIVE.length)) {
      if (events.size === 0) continue;
      const member = MEMBERS.find((m) => lineText.startsWith(m, end));
      if (member === undefined) continue;
      const from = clauseStart(lineText, at);
      const before = lineText.slice(from, at - RELATIVE.length);
      if (before.startsWith('其中') || vocab.developedOtherTimes.some((w) => before.includes(w))) continue;
      const time = ownTime(lineText, at, places);
      if (time === null) continue;
      const event = events.get(time);
      if (!event || event.line === q.line) continue;
      const start = at - RELATIVE.length - (lineText[at - RELATIVE.length - 1] === '新' ? 1 : 0);
      const stated: Developed = { value: q.value, shown: `${q.numberText}${q.unit}`, line: q.line, start: lineStart + start, end: lineStart + end + member.length, text: lineText.slice(start, end + member.length) };
      problems.push(restatement(event.value === q.value, stated, event));
      continue;
    }
    if (end < lineText.length && !isClauseEnd(lineText.charCodeAt(end))) continue;
    const from = clauseStart(lineText, at);
    if (!EVENT.test(lineText.slice(from, at))) continue;
    const time = ownTime(lineText, at, places);
    if (time === null) continue;
    const stated: Developed = { value: q.value, shown: `${q.numberText}${q.unit}`, line: q.line, start: lineStart + from, end: q.end, text: lineText.slice(from, end) };
    const known = events.get(time);
    if (known === undefined) events.set(time, stated);
    else if (known !== null && known.value !== q.value) events.set(time, null);
  }
  return problems;
}

/**
 * The time tag of a count at line index `at` (metric-sentence.ts), or null for a goal or a
 * sentence naming a sub-unit (whose members are not the unit's).
 */
function ownTime(lineText: string, at: number, places: Places): string | null {
  if (subjectScope('', places.stock, lineText, at) !== OWN_UNIT) return null;
  return sentenceTime(lineText, at, places.year, places.period);
}

/**
 * A plan's base that restates the year's developed members (`在2024年全镇发展党员25名的基础上`,
 * `在今年发展党员25名的基础上`): 在, the report's own year (its title's year, 全年, 今年 or
 * 本年度, in a year's report only), the unit's own scope or none, the event's words, the count
 * (at line index `at`, ending at `end`), then (的)基础上. Returns the line index where the base
 * opens (after 在), or null: another year (在2023年发展党员25名的基础上), a scope of another
 * unit (全县), or no 基础上 is no restatement of this year's event. Source: pages corpus, the
 * plans of town and branch reports that start from a year's figure (在…的基础上), no text copied.
 */
function planBase(lineText: string, at: number, end: number, places: Places): number | null {
  if (places.period !== YEAR_PERIOD || !BASE_END.test(lineText.slice(end, end + 4))) return null;
  const from = clauseStart(lineText, at);
  const m = BASE_EVENT.exec(lineText.slice(from, at));
  if (m === null || (m[1] !== places.year && !OWN_YEAR.includes(m[1]))) return null;
  if (m[2] !== '' && places.canonical(m[2]) !== OWN_UNIT) return null;
  return from + (lineText[from] === BASE_AT ? 1 : 0);
}

/** The period word of a year's report (Places.period): a plan's base names that year. */
const YEAR_PERIOD = '全年';
/** Words naming the report's own year in a year's report. */
const OWN_YEAR = ['全年', '今年', '本年度'];
/** The preposition that opens a base. */
const BASE_AT = '在';
/** What follows a base's count. */
const BASE_END = /^的?基础上/u;
/** 在, a year or 全年/今年/本年度, a scope (at most four Han characters), then the event as EVENT reads it. */
const BASE_EVENT = /^在(\d{4}年|全年|今年|本年度)(\p{Script=Han}{0,4}?)(?:共计|共)?新?发展了?(?:预备党员|新党员|党员)$/u;