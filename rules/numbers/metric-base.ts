/**
 * metric-conflict's check of a plan's base against the fact it restates: `在…签约8620人的基础上`
 * takes a figure the report already gave as the starting point of a goal, so it must be that
 * figure; written with two neighbouring digits swapped (`中心家庭医生团队共签约服务居民8260人`
 * … `在我中心家庭医生签约8620人的基础上力争…`), it is a slip of the keys.
 *
 * Read strictly, so that different figures never meet:
 * - the base: (在) and at most 24 Han characters opening its clause (力争全县城乡居民养老保险参保人数
 *   在现有), a whole number of four or more digits or a scaled one of three or more (36.1万), a
 *   measure of COUNT_UNITS, then (的)基础上;
 * - the fact: an earlier count of the same measure and scale whose digits are the base's with
 *   two neighbours swapped (8260 and 8620; 31.6万 and 36.1万, the point in one place), not in
 *   the plans;
 * - the same subject: the two leads (the Han characters of each clause before its number)
 *   share a run of at least SHARED Han characters (中心家庭医生);
 * - the same time: no word of another time or of a comparison in either clause or in the
 *   fact's sentence (上年, 去年, 同期, 较, 比, 年初, 2024年…: a figure of last year is another
 *   figure, 8260 last year and 8620 now may both be right).
 * A base equal to the fact, or differing otherwise, is not read: a plan may start from a
 * rounder or a later figure. Source: pages corpus, the plans of reports that start from a
 * stated figure (在现有…的基础上, as metric-built.ts reads it); no text copied.
 */
import type { Report } from '../model/report';
import type { Problem } from '../types';
import type { Quantity } from '../model/quantities';
import { clauseStart, placeOf, sentenceStart } from './sentence';
import { restatement, type StatedCount } from './metric-restatement';

/**
 * (在) and the base's lead (its clause's Han characters), then the number: the lead captured.
 * 在 may be left out (…签约8620人的基础上力争…): 基础上 after the count makes it a base still.
 */
const BASE = /(?<!\p{Script=Han})在?(\p{Script=Han}{2,24})$/u;
/** What follows a base's measure word. */
const BASE_END = /^的?基础上/u;
const COUNT_UNITS = new Set(['人', '名', '户', '家', '个', '人次', '次', '份', '件']);
/** Words of another time or of a comparison: the figure may be another one. */
const OTHER_TIME = /上年|去年|前年|同期|较|比|年初|年底|\d{4}年|季度|[一二三四五六七八九十\d]月|以前|此前|原有|增加|增长|减少|提高|下降/u;
/** The shortest run of Han characters the two leads must share. */
const SHARED = 4;
const MAX_SENTENCE = 200;

/**
 * Whether two counts differ by two neighbouring digits swapped (8260 and 8620), as written:
 * the same scale and the decimal point at the same place (31.6万 and 36.1万, a slip across the
 * point), the point itself not counted as a digit.
 */
function neighboursSwapped(a: Quantity, b: Quantity): boolean {
  if (a.scale !== b.scale || a.numberText.indexOf('.') !== b.numberText.indexOf('.')) return false;
  const x = a.numberText.replace('.', '');
  const y = b.numberText.replace('.', '');
  if (x.length !== y.length || x === y || !DIGITS.test(x) || !DIGITS.test(y)) return false;
  let i = 0;
  while (x[i] === y[i]) i++;
  return x[i] === y[i + 1] && x[i + 1] === y[i] && x.slice(i + 2) === y.slice(i + 2);
}

/** A number written in Arabic digits only (the point taken out). */
const DIGITS = /^\d+$/u;
/** The fewest digits a base is read with: four in units (8620), three with a scale (36.1万). */
const MIN_DIGITS = 4;
const MIN_SCALED_DIGITS = 3;

/** Whether `a` and `b` share a run of at least SHARED Han characters. */
function shareRun(a: string, b: string): boolean {
  for (let i = 0; i + SHARED <= a.length; i++) if (b.includes(a.slice(i, i + SHARED))) return true;
  return false;
}

interface Fact {
  q: Quantity;
  lead: string;
  start: number;
  text: string;
}

/** A count as the restatement problem shows it. */
function stated(f: Fact): StatedCount {
  return { text: f.text, line: f.q.line, start: f.start, end: f.q.end, shown: `${f.q.numberText}${f.q.scale}${f.q.unit}` };
}

/**
 * The `conflict` problems of plan bases whose figure is an earlier fact's with two
 * neighbouring digits swapped. `planned(offset)` says whether an offset lies in the plans.
 */
export function baseConflicts(report: Report, planned: (offset: number) => boolean): Problem[] {
  const facts: Fact[] = [];
  const problems: Problem[] = [];
  for (const q of report.quantities) {
    // 36.1万人: a scaled count is read by its written digits (three at least), as 8620人 by four.
    const digits = q.numberText.replace('.', '').length;
    if (q.bound !== 'exact' || !COUNT_UNITS.has(q.unit) || digits < (q.scale === '' ? MIN_DIGITS : MIN_SCALED_DIGITS) || (q.scale === '' && !Number.isInteger(q.value))) continue;
    const { lineStart, lineText, at } = placeOf(report, q);
    const from = clauseStart(lineText, at);
    const clause = lineText.slice(from, at);
    const end = q.end - lineStart;
    const base = BASE.exec(clause);
    if (base !== null && BASE_END.test(lineText.slice(end)) && !OTHER_TIME.test(base[1])) {
      const fact = facts.find((f) => f.q.unit === q.unit && neighboursSwapped(f.q, q) && shareRun(f.lead, base[1]));
      if (fact) {
        const start = lineStart + from + base.index;
        const later: Fact = { q, lead: base[1], start, text: lineText.slice(from + base.index, end) };
        problems.push(restatement(false, stated(later), stated(fact)));
      }
      continue;
    }
    if (planned(q.start)) continue;
    const lead = /\p{Script=Han}+$/u.exec(clause)?.[0] ?? '';
    if (lead.length < SHARED || OTHER_TIME.test(lineText.slice(sentenceStart(lineText, at, MAX_SENTENCE), at))) continue;
    facts.push({ q, lead, start: lineStart + at - lead.length, text: lineText.slice(at - lead.length, end) });
  }
  return problems;
}
