/**
 * metric-conflict's check of a table's total restated in the prose: a table whose rows are
 * the places (or the organisations) a scope is made of (`| 江北区 | … | 38 |`, …, `| 合计 |
 * … | 138 |`, under `驿站（个）`) states in its total row how many there are in the whole
 * scope; a whole count of the same noun in that scope (`全市183个驿站全部…`, `全市共有驿站
 * 138个`) restates it.
 *
 * Read strictly, so that a table of some units (a sample, the key firms) never meets the
 * whole: the total row's label is 合计/总计/共计 (全市合计…); every other row's label (小计 rows
 * aside) ends with the kind of place one level below the prose's scope (全市: 区, 县, 市, 旗;
 * 全县/全区: 乡, 镇, 街道; 全镇/全乡/全街道: 村, 社区; 全村/全社区: 组, 小区, 网格), or for the
 * unit's own scope (全院, 全系统…) with a Party organisation (党支部, 党总支…); at least two
 * such rows. The column: a header naming a count (metric-table.ts countColumns); two totals of
 * one noun that differ are no anchor. The prose: the scope word, then at most 共有, 现有, 全部,
 * 所有, 共, the number, its measure of the header's kind and the noun (in quotes or not) closed
 * by a clause end or 全部/均/都; or noun first, the number closing its clause. Outside the
 * plans, in a sentence of no other time (上半年 in a 上半年 report is its own) and no goal; a
 * table dated otherwise is not read.
 * Indices are UTF-16 code units. Nothing here throws.
 */
import type { Table } from 'mdast';
import { metricConflictData as vocab } from '../data/metric-conflict';
import { stockCountData as stockData } from '../data/stock-counts';
import type { Report } from '../model/report';
import type { Problem } from '../types';
import type { Places } from './metric-places';
import { sentenceTime } from './metric-sentence';
import { ALL_SCOPES, isClauseEnd } from './metric-statements';
import { restatement } from './metric-restatement';
import { CELL_NUMBER, countColumns, eachTable, kindOf, otherTime, tableCells, TOTAL_LABEL } from './metric-table';
import { placeOf } from './sentence';

/** One total cell: the column's noun and kind, the value, the rows' labels, where it stands. */
interface Total {
  noun: string;
  kind: string;
  value: number;
  labels: readonly string[];
  start: number;
  end: number;
  text: string;
  line: number;
}

/** The label of a total row. */
const TOTAL_ROW = /^(?:全\p{Script=Han}{1,2})?(?:合计|总计|共计)$/u;
/** The kinds of place one level below a place scope's level (rules/data/metric-conflict.yaml place_scopes). */
const PARTS_BY_LEVEL = new Map<number, readonly string[]>([
  [5, ['区', '县', '市', '旗']],
  [4, ['乡', '镇', '街道']],
  [3, ['村', '社区']],
  [2, ['组', '小区', '网格']],
]);
/** Words between the scope and the number of a whole count. */
const LINKS = ['共有', '现有', '全部', '所有', '共', ''];
/** Words between the scope and the noun of a noun-first count. */
const NOUN_LINKS = ['共有', '现有', '有', ''];
/** The halves of a year a report may be of (its title says which). */
const HALVES = ['上半年', '下半年'];
/** Words after the noun that keep the count whole. */
const WHOLE_AFTER = ['全部', '均', '都'];

/**
 * The `conflict` (and passed `consistent`) problems of table totals restated in the prose.
 * `planned(offset)` says whether an offset lies in the plans.
 */
export function tableTotalConflicts(report: Report, places: Places, planned: (offset: number) => boolean): Problem[] {
  const totals: Total[] = [];
  eachTable(report, (table) => {
    if (!otherTime(report, table, places.year)) totals.push(...readTotals(report, table));
  });
  // A noun's totals that differ are no anchor: its values, gathered once (not each total against each).
  const values = new Map<string, Set<number>>();
  for (const t of totals) (values.get(t.noun) ?? values.set(t.noun, new Set()).get(t.noun)!).add(t.value);
  const anchors = totals.filter((t) => values.get(t.noun)!.size === 1);
  if (anchors.length === 0) return [];
  // The counts of each kind of part the text states (allRows), read on from where the last
  // question stopped: read from the start per prose count, they made a long report with
  // many tables quadratic.
  const stated = new Map<string, StatedCounts>();
  const statedOf = (kind: string) => stated.get(kind) ?? stated.set(kind, new StatedCounts(report.text, kind)).get(kind)!;
  // A table's totals share its labels: whether its rows are all the parts is asked once.
  const complete = new Map<readonly string[], boolean>();
  const allRowsOf = (labels: readonly string[]) => complete.get(labels) ?? complete.set(labels, allRows(labels, statedOf)).get(labels)!;
  // 上半年… in a 上半年 report is the report's own time, which an undated table states.
  const period = HALVES.find((h) => (report.title?.text ?? '').includes(h)) ?? '';
  const problems: Problem[] = [];
  // The anchors' nouns: readProse reads a count only with one of them right after its number
  // or in the words before it, so a count near none is passed over at once (a long text with
  // many tables asked every anchor of every count: quadratic, half of a 900 KB lint).
  const byNoun = new Map<string, Total[]>();
  for (const t of anchors) (byNoun.get(t.noun) ?? byNoun.set(t.noun, []).get(t.noun)!).push(t);
  const nouns = [...byNoun.keys()];
  for (const q of report.quantities) {
    if (q.bound !== 'exact' || q.scale !== '' || !Number.isInteger(q.value)) continue;
    const { lineStart, lineText, at } = placeOf(report, q);
    const end = q.end - lineStart;
    const lead = lineText.slice(Math.max(0, at - 16), at);
    const near = nouns.filter((n) => lineText.startsWith(n, end) || quotedAt(lineText, end, n) || lead.includes(n));
    if (near.length === 0) continue;
    // The totals of the nouns near it, in text order (the anchors' order); the prose read once per noun.
    const asked = near.length === 1 ? byNoun.get(near[0])! : near.flatMap((n) => byNoun.get(n)!).sort((a, b) => a.start - b.start);
    const reads = new Map<string, ReturnType<typeof readProse>>();
    for (const total of asked) {
      if (total.kind !== '' && total.kind !== kindOf(q.unit)) continue;
      if (!reads.has(total.noun)) reads.set(total.noun, readProse(lineText, at, q.end - lineStart, total.noun));
      const read = reads.get(total.noun)!;
      if (read === null || !covers(read.scope, total.labels) || !allRowsOf(total.labels)) continue;
      const time = planned(q.start) ? null : sentenceTime(lineText, read.start, places.year);
      if (time === '' || (time !== null && time === period)) {
        const later = { text: lineText.slice(read.start, read.end), line: q.line, start: lineStart + read.start, end: lineStart + read.end, shown: `${q.numberText}${q.unit}` };
        const row = { text: total.text, line: total.line, start: total.start, end: total.end, shown: String(total.value) };
        // Reported at whichever is written later: a summary sentence may stand before the table.
        const problem = later.start > row.start ? restatement(q.value === total.value, later, row) : restatement(q.value === total.value, row, later);
        // A total restated by several sentences before it is reported once, against the first.
        if (!problems.some((p) => p.start === problem.start)) problems.push(problem);
      }
      break;
    }
  }
  return problems;
}

/** The total row's counts of one table, each with the labels of the rows it sums. */
function readTotals(report: Report, table: Table): Total[] {
  if (table.children.length < 4) return [];
  const header = tableCells(report, table.children[0]);
  const { labelAt, columns } = countColumns(header);
  if (columns.length === 0) return [];
  const labels: string[] = [];
  const out: Total[] = [];
  for (let r = 1; r < table.children.length; r++) {
    const cells = tableCells(report, table.children[r]);
    const label = cells[labelAt]?.text ?? '';
    if (!TOTAL_ROW.test(label)) {
      if (!TOTAL_LABEL.test(label)) labels.push(label);
      continue;
    }
    for (const c of columns) {
      const cell = cells[c.j];
      const m = cell ? CELL_NUMBER.exec(cell.text) : null;
      if (!cell || !m) continue;
      out.push({ noun: c.noun, kind: c.kind !== '' ? c.kind : m[2] ? kindOf(m[2]) : '', value: Number(m[1]), labels, start: cell.start, end: cell.end, text: `${label}：${header[c.j].text} ${m[0]}`, line: report.lines.lineAt(cell.start) });
    }
  }
  return labels.length >= 2 ? out : [];
}

/** Whether the rows `labels` are the parts of `scope`: each ends with a kind of place (or organisation) one level below it. */
function covers(scope: string, labels: readonly string[]): boolean {
  const level = vocab.placeScopes.get(scope);
  const parts = level !== undefined ? PARTS_BY_LEVEL.get(level) : vocab.ownScopes.includes(scope) ? stockData.orgWords : undefined;
  return parts !== undefined && labels.every((l) => l.length > 1 && parts.some((p) => l.endsWith(p) && l.length > p.length));
}

/**
 * Whether the table's rows are all the parts the report says its scope has: a table of the
 * unit's 党支部 (or of a city's 区) may list some of them (the branches of the clinical
 * departments, a sample of districts), and its total then counts those only (r279: five
 * branches' 234 members against 全院现有党员318名 of thirteen branches). The condition: where
 * the report states how many parts of the rows' plain kind there are (合计13个党支部, 下设党支部7个,
 * 辖12个镇; not 四星级党支部5个), one of those counts must equal the number of rows; a report that states none gives
 * no reason to doubt rows labelled as the scope's parts (the labels test, covers, holds).
 * `labels` are the rows' labels (total rows aside); `statedOf(kind)` the report's counts of a kind.
 */
function allRows(labels: readonly string[], statedOf: (kind: string) => StatedCounts): boolean {
  const kinds = [...new Set(labels.map((l) => PART_KINDS.find((k) => l.endsWith(k))).filter((k): k is string => k !== undefined))];
  if (kinds.some((kind) => statedOf(kind).has(labels.length))) return true;
  return !kinds.some((kind) => statedOf(kind).any());
}

/**
 * The plain counts of one kind of part that a text states (合计13个党支部, 下设党支部7个, 辖12个镇;
 * not 四星级党支部5个), read from the start only as far as a question needs and never twice: the
 * first count asked for is often stated early, and reading all of a 1 MB text per kind cost
 * a keystroke more than the early answers saved.
 */
class StatedCounts {
  private readonly seen = new Set<number>();
  private readonly pattern: RegExp;
  private done = false;

  constructor(
    private readonly text: string,
    kind: string,
  ) {
    // The plain kind only: 四星级党支部5个 counts some of them.
    this.pattern = new RegExp(`(\\d+)个${kind}(?![\\p{Script=Han}](?<![均都全]))|(?<=[设有辖计共，、：:])${kind}(\\d+)个`, 'gu');
  }

  /** Whether the text states `n` of the kind. */
  has(n: number): boolean {
    while (!this.seen.has(n)) if (!this.next()) return false;
    return true;
  }

  /** Whether the text states any count of the kind. */
  any(): boolean {
    while (this.seen.size === 0) if (!this.next()) return false;
    return true;
  }

  /** Reads the next stated count; false at the text's end. */
  private next(): boolean {
    if (this.done) return false;
    const m = this.pattern.exec(this.text);
    if (m === null) this.done = true;
    else this.seen.add(Number(m[1] ?? m[2]));
    return m !== null;
  }
}

/** The kinds a part row's label may end with, longest first (党支部 before 支部): places and Party organisations. */
const PART_KINDS = [...new Set([...[...PARTS_BY_LEVEL.values()].flat(), ...stockData.orgWords])].sort((a, b) => b.length - a.length);

/**
 * The prose count at line indices `[at, end)` read as a whole count of `noun` under a scope
 * word: the scope, and where it stands (scope to noun); null if it is not one.
 */
function readProse(lineText: string, at: number, end: number, noun: string): { scope: string; start: number; end: number } | null {
  const lead = lineText.slice(Math.max(0, at - 16), at);
  // Number first: scope, link, count, noun, then a clause end or 全部/均/都.
  const quoted = quotedAt(lineText, end, noun);
  if (quoted || lineText.startsWith(noun, end)) {
    const nounEnd = end + noun.length + (quoted ? 2 : 0);
    const whole = nounEnd >= lineText.length || isClauseEnd(lineText.charCodeAt(nounEnd)) || WHOLE_AFTER.some((w) => lineText.startsWith(w, nounEnd));
    if (!whole) return null;
    for (const scope of ALL_SCOPES) {
      const link = LINKS.find((l) => endsWithPair(lead, lead.length, scope, l));
      if (link !== undefined) return { scope, start: at - link.length - scope.length, end: nounEnd };
    }
    return null;
  }
  // Noun first: scope, link, noun, count closing its clause (全市共有驿站138个，).
  if (end < lineText.length && !isClauseEnd(lineText.charCodeAt(end))) return null;
  // The noun as written ends the lead, or no scope and link can stand before it: settled
  // before the scopes × links are tried (this runs for every count near an anchor's noun).
  const plain = lead.endsWith(noun);
  const inQuotes = lead.endsWith('”') && lead.endsWith(noun, lead.length - 1) && lead.endsWith('“', lead.length - 1 - noun.length);
  if (!plain && !inQuotes) return null;
  for (const scope of ALL_SCOPES) {
    for (const link of NOUN_LINKS) {
      // The noun plain before in quotes, as written (`“${noun}”` is two code units longer).
      if (plain && endsWithPair(lead, lead.length - noun.length, scope, link)) return { scope, start: at - noun.length - link.length - scope.length, end };
      if (inQuotes && endsWithPair(lead, lead.length - noun.length - 2, scope, link)) return { scope, start: at - noun.length - 2 - link.length - scope.length, end };
    }
  }
  return null;
}

/** Whether `“noun”` stands in `lineText` at index `at`, read in place (no quoted copy of the noun made per count). */
function quotedAt(lineText: string, at: number, noun: string): boolean {
  return lineText.charCodeAt(at) === 0x201c /* “ */ && lineText.startsWith(noun, at + 1) && lineText.charCodeAt(at + 1 + noun.length) === 0x201d; /* ” */
}

/** Whether `s` up to index `upTo` ends with `first` then `second` (`s.slice(0, upTo).endsWith(first + second)`, without either string). */
function endsWithPair(s: string, upTo: number, first: string, second: string): boolean {
  return upTo >= 0 && s.endsWith(second, upTo) && s.endsWith(first, upTo - second.length);
}
