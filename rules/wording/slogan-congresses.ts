/**
 * A national congress named as current in a report of a later term, for `slogan-canonical`:
 * `深入学习贯彻党的十九届三中全会精神` in a report of 2025, `认真落实中国妇女第十二次全国代表
 * 大会部署` in one of 2025, when the next congress of the series met before the report's year
 * (rules/data/congresses.yaml: the Party's, the women's federation's, the League's and the
 * unions' congresses with the months they met). A writer carrying out a congress's 精神 or
 * 部署 carries out the one in force; the name of the one before is an old draft's or a slip of
 * the ordinal (十九 for 二十, 十二 for 十三), the wrong-session misquote a reader cannot catch
 * from the name alone, as every such name is right in its own time.
 *
 * Read in two steps, as the rule runs block by block after a keystroke:
 * - `congressCandidates` (the block path): a form of the data naming a congress (or, for the
 *   Party, its term's plenary sessions) that a later congress of its series followed, in a
 *   clause that carries it out — one of the data's `verbs` before it in the clause (学习贯彻,
 *   落实) and one of its `objects` after it (精神, 部署) — and no account of the past in its
 *   sentence (data `history`: 以来, 回顾, 提出的; not 今年以来, data `present_since`). Found from the numeral before 届, 大 or 次
 *   (one scan of the text), then the forms around it.
 * - `datedCongress` (the document pass): kept where the report's year, from its title (the
 *   one `20XX年` there: `2025年上半年…总结`), is later than the year the next congress met;
 *   dropped in a report whose title names no year or a span of years, and in the year the
 *   next congress met (the old one was current for part of it).
 * No fix: which congress the writer meant (the next, or the one in force now) is theirs to
 * say. Offsets are UTF-16 code units.
 */
import { congresses, type CongressSeries } from '../data/congresses';
import type { Report } from '../model/report';
import type { Problem } from '../types';
import { insidePhrase } from '../model/dictionary';
import { clauseEnd, clauseStart, sentenceEnd, sentenceStart } from '../model/clauses';
import { titleYear } from '../model/report-kind';

/** Where a congress's ordinal stands: a Chinese numeral run before 届, 大 or 次. */
const ORDINAL = /(?<![一二三四五六七八九十])[一二三四五六七八九十]{1,3}(?=[届大次])/gu;
/** The message of a candidate, before the document pass dates it. */
const CANDIDATE = 'outdatedCongress';

/** The report's year from its title (report-kind.ts `titleYear`: none for a span of years), or null. */
function reportYear(report: Report): number | null {
  return report.title === null ? null : titleYear(report.title.text);
}

/** The congress of `series` that met right after the one of ordinal `n`, or null (none yet, or `n` unknown). */
function nextMeeting(series: CongressSeries, n: string): CongressSeries['meetings'][number] | null {
  const k = series.meetings.findIndex((m) => m.n === n);
  return k < 0 || k + 1 >= series.meetings.length ? null : series.meetings[k + 1];
}

/** The series and the form's match naming a congress whose ordinal stands at `at`, or null. */
function congressAt(text: string, at: number, n: string): { series: CongressSeries; index: number; end: number } | null {
  for (const series of congresses.series) {
    for (const form of series.forms) {
      const m = form.match(text, at, n);
      if (m !== null) return { series, index: at - m.before, end: at + n.length + m.after };
    }
  }
  return null;
}

/**
 * Adds to `problems` each candidate (message `outdatedCongress`, data: the series, its
 * ordinal) of `report` as described above (the block path), unless it overlaps a problem
 * already there, lies in opaque text or inside the project dictionary's `quiet` phrases.
 */
export function congressCandidates(report: Report, problems: Problem[], quiet: readonly string[] | null): void {
  const { text, lines, opaque } = report;
  const { verbs, objects, history } = congresses;
  const before = problems.length;
  ORDINAL.lastIndex = 0;
  for (let m = ORDINAL.exec(text); m !== null; m = ORDINAL.exec(text)) {
    const found = congressAt(text, m.index, m[0]);
    if (found === null) continue;
    const { series, index: start, end } = found;
    const next = nextMeeting(series, m[0]);
    if (next === null) continue;
    // The clause and the sentence around the name, on its line (rules/model/clauses.ts: each
    // scan bounded, so a line of names with no mark stays linear).
    const line = lines.lineAt(start);
    const at = lines.start(line);
    const lineText = lines.lineText(line);
    const from = clauseStart(lineText, start - at);
    const to = clauseEnd(lineText, end - at);
    if (!verbs.some((v) => lineText.slice(from, start - at).includes(v)) || !objects.some((o) => lineText.slice(end - at, to).includes(o))) continue;
    // An account of the past anywhere in the sentence (回顾党的十九大以来…，学习贯彻…).
    // 今年以来 counts from now (data present_since): read out first.
    let sentence = lineText.slice(sentenceStart(lineText, from), sentenceEnd(lineText, to));
    for (const p of congresses.presentSince) sentence = sentence.split(p).join('');
    if (history.some((h) => sentence.includes(h))) continue;
    if (opaque.overlaps(start, end) || (quiet !== null && insidePhrase(text, start, end, quiet))) continue;
    if (problems.some((p) => p.start < end && start < p.end)) continue;
    const latestBefore = (year: number) => series.meetings.filter((x) => x.year < year).pop()?.n ?? '';
    problems.push({
      messageId: CANDIDATE,
      data: { found: text.slice(start, end), series: series.name, next: next.n, nextYear: next.year, met: `${next.year}年${next.month}月`, latest: latestBefore(9999), source: series.source },
      start,
      end,
    });
  }
  if (problems.length > before) problems.sort((a, b) => a.start - b.start);
}

/**
 * The document pass over a candidate `problem` of `congressCandidates`: the problem with the
 * report's year put in (a new object), or null where the report's title gives no year or one
 * not later than the next congress's. Any other problem is returned as it is.
 */
export function datedCongress(report: Report, problem: Problem): Problem | null {
  if (problem.messageId !== CANDIDATE) return problem;
  const year = reportYear(report);
  const nextYear = Number(problem.data?.nextYear);
  if (year === null || !(nextYear < year)) return null;
  const series = congresses.series.find((s) => s.name === problem.data?.series);
  const latest = series?.meetings.filter((x) => x.year < year).pop()?.n ?? String(problem.data?.latest);
  return { ...problem, data: { ...problem.data, year: String(year), latest } };
}
