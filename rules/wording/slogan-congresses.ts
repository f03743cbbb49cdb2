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
 * Read: a form of the data naming a congress (or, for the Party, its term's plenary sessions),
 * in a clause that carries it out — one of the data's `verbs` before it in the clause
 * (学习贯彻, 落实) and one of its `objects` after it (精神, 部署) — in a report whose year is
 * known from its title (the last `20XX年` there: `2025年上半年…总结`) and later than the year
 * the next congress met. Quiet: an account of the past in the sentence (data `history`: 以来,
 * 回顾, 提出的), a report with no year in its title, a year in which the next congress met
 * (the old one was current for part of it), opaque text. No fix: which congress the writer
 * meant (the next, or the one in force now) is theirs to say. Offsets are UTF-16 code units.
 */
import { congresses, type CongressSeries } from '../data/congresses';
import type { Report } from '../model/report';
import type { Problem } from '../types';
import { insidePhrase } from '../model/dictionary';

/** A year in a report's title: `2025年`, the last one naming the period (2024—2025年). */
const TITLE_YEAR = /(20\d{2})年/gu;
/** Marks that end the clause a congress's name stands in. */
const CLAUSE_MARKS = '，。；！？：\n';

/** The report's year from its title's last `20XX年`, or null. */
function reportYear(report: Report): number | null {
  const title = report.title?.text;
  if (title === undefined) return null;
  let year: number | null = null;
  for (const m of title.matchAll(TITLE_YEAR)) year = Number(m[1]);
  return year;
}

/** The clause of `text` holding `[start, end)`: from after the last clause mark before it to the first one after. */
function clauseAround(text: string, start: number, end: number): [number, number] {
  let from = start;
  while (from > 0 && !CLAUSE_MARKS.includes(text[from - 1])) from--;
  let to = end;
  while (to < text.length && !CLAUSE_MARKS.includes(text[to])) to++;
  return [from, to];
}

/** The sentence of `text` holding `[start, end)`: between the marks 。！？ or line breaks around it. */
function sentenceAround(text: string, start: number, end: number): [number, number] {
  let from = start;
  while (from > 0 && !'。！？\n'.includes(text[from - 1])) from--;
  let to = end;
  while (to < text.length && !'。！？\n'.includes(text[to])) to++;
  return [from, to];
}

/** The congress of `series` that met right after the one of ordinal `n`, or null (none yet, or `n` unknown). */
function nextMeeting(series: CongressSeries, n: string): CongressSeries['meetings'][number] | null {
  const k = series.meetings.findIndex((m) => m.n === n);
  return k < 0 || k + 1 >= series.meetings.length ? null : series.meetings[k + 1];
}

/**
 * Adds to `problems` (message `outdatedCongress`, no fix) each congress of `report` named as
 * current in a year after its term ended, as described above, unless it overlaps a problem
 * already there or lies inside the project dictionary's `quiet` phrases.
 */
export function outdatedCongresses(report: Report, problems: Problem[], quiet: readonly string[] | null): void {
  const year = reportYear(report);
  if (year === null) return;
  const { text, opaque } = report;
  const { verbs, objects, history } = congresses;
  const before = problems.length;
  for (const series of congresses.series) {
    for (const form of series.forms) {
      form.lastIndex = 0;
      for (let m = form.exec(text); m !== null; m = form.exec(text)) {
        const next = nextMeeting(series, m[1]);
        if (next === null || next.year >= year) continue;
        const start = m.index;
        const end = start + m[0].length;
        const [from, to] = clauseAround(text, start, end);
        const lead = text.slice(from, start);
        const rest = text.slice(end, to);
        if (!verbs.some((v) => lead.includes(v)) || !objects.some((o) => rest.includes(o))) continue;
        // An account of the past anywhere in the sentence (回顾党的十九大以来…，学习贯彻…).
        const [s, e] = sentenceAround(text, from, to);
        if (history.some((h) => text.slice(s, e).includes(h))) continue;
        if (opaque.overlaps(start, end) || (quiet !== null && insidePhrase(text, start, end, quiet))) continue;
        if (problems.some((p) => p.start < end && start < p.end)) continue;
        const latest = series.meetings.filter((x) => x.year < year).pop()!;
        problems.push({
          messageId: 'outdatedCongress',
          data: { found: m[0], year: String(year), series: series.name, next: next.n, met: `${next.year}年${next.month}月`, latest: latest.n, source: series.source },
          start,
          end,
        });
      }
    }
  }
  if (problems.length > before) problems.sort((a, b) => a.start - b.start);
}
