/**
 * metric-conflict's check of a table row restated in the prose: a table whose first
 * column names units (`| 第二党支部 | 14 |`) under a header naming a count (`党员（名）`,
 * `党员数`) states each unit's count as surely as a sentence does, and a sentence that names
 * the same unit with a count of the same noun (`第二党支部15名党员全部参加…`) restates it.
 *
 * Read strictly, so that different sets never meet:
 * - the table: a GFM table (mdast `table` node); the row label is its first cell (the second
 *   after a 序号 column), at least
 *   3 Han characters, no 合计/小计/总计/其中; a column's noun is its header with a bracketed
 *   measure (`（名）`) and a trailing 数/人数/数量/个数 taken off, 2–6 Han characters;
 *   its cells are whole numbers (a measure word may follow: `14人`);
 *   a table whose caption (the line before it) or header names another year or 上年, 去年,
 *   年初 states another time and is not read;
 * - the prose: the label written in full right before the count, with at most 全体, 共有,
 *   现有, 共, 有 between (`第二党支部全体15名党员`, `第二党支部现有党员15名`); the noun right
 *   after the measure word (or right before the number) equal to the column's; a measure
 *   of the header's kind (名/人/位 for people); an exact count; a sentence that states no
 *   goal and no other time (metric-sentence.ts), outside the plans;
 * - whole or part: a count made whole (全体 before it, 全部/均/都 after the noun, or the
 *   noun first after 现有/共有) differs when unequal; any other (`第二党支部5名党员参加了…`)
 *   may count those of the unit who took part, and contradicts the row only by exceeding it.
 * One walk over the mdast for tables, one pass over the quantities; each quantity reads at
 * most MAX_LEAD code units before it.
 */
import type { Nodes, Table } from 'mdast';
import type { Report } from '../model/report';
import type { Problem } from '../types';
import type { Places } from './metric-places';
import { sentenceTime } from './metric-sentence';
import { isClauseEnd } from './metric-statements';
import { measureOf, placeOf } from './sentence';
import { restatement } from './metric-restatement';

/** One table cell read as a unit's count. */
interface RowCount {
  label: string;
  noun: string;
  /** The header's measure kind (`people`, `个`), or '' when the header names none. */
  kind: string;
  value: number;
  start: number;
  end: number;
  text: string;
  line: number;
}

/** Words between a row label and the count that keep it the unit's whole stock. */
const LINKS = ['全体', '共有', '现有', '共', '有', ''];
/** Links that make the count whole on their own. */
const WHOLE_LINKS = new Set(['全体', '共有', '现有']);
/** Words after the counted noun that keep the count whole. */
const WHOLE_AFTER = ['全部', '均', '都', '全体'];
/** A row label that is no unit of its own (a total, a subset or an average row): its cells restate no unit's count. */
export const TOTAL_LABEL = /合计|小计|总计|其中|平均/u;
const HAN = /^\p{Script=Han}+$/u;
/** The longest label read before a count. */
const MAX_LABEL = 20;
/** A count cell: up to six digits (group 1) and at most two Han characters of measure word (group 2, `15名`). */
export const CELL_NUMBER = /^(\d{1,6})(\p{Script=Han}{0,2})$/u;

/**
 * The `conflict` (and passed `consistent`) problems of table rows restated in the prose.
 * `planned(offset)` says whether an offset lies in the plans.
 */
export function tableConflicts(report: Report, places: Places, planned: (offset: number) => boolean): Problem[] {
  const rows = new Map<string, RowCount[]>();
  eachTable(report, (table) => {
    if (!otherTime(report, table, places.year)) readTable(report, table, rows);
  });
  const anchors = anchorRows(rows);
  if (anchors.size === 0) return [];
  const byOpening = labelsByOpening(anchors);
  const problems: Problem[] = [];
  for (const q of report.quantities) {
    if (q.bound !== 'exact' || q.scale !== '' || !Number.isInteger(q.value)) continue;
    const { lineStart, lineText, at } = placeOf(report, q);
    const lead = lineText.slice(Math.max(0, at - MAX_LABEL - 8), at);
    let found = false;
    // The label is written right before the count (readProse), so within `lead`.
    for (const { label, rows: labelRows } of labelsIn(lead, byOpening)) {
      for (const row of labelRows) {
        if (row.kind !== '' && row.kind !== kindOf(q.unit)) continue;
        const read = readProse(lineText, lead, at, q.end - lineStart, label, row.noun);
        if (read === null) continue;
        found = true;
        if (planned(q.start) || sentenceTime(lineText, read.start, places.year) !== '') break;
        // A count that may be a part contradicts the row only by exceeding it.
        if (!read.whole && q.value < row.value) break;
        const ok = q.value === row.value;
        const later = { text: lineText.slice(read.start, read.end), line: q.line, start: lineStart + read.start, end: lineStart + read.end, shown: `${q.numberText}${q.unit}` };
        problems.push(restatement(ok, later, { text: row.text, line: row.line, start: row.start, end: row.end, shown: String(row.value) }));
        break;
      }
      if (found) break;
    }
  }
  return problems;
}

/** Calls `read` with each GFM table of the report, in order. */
export function eachTable(report: Report, read: (table: Table) => void): void {
  const visit = (node: Nodes) => {
    if (node.type === 'table') {
      read(node);
      return;
    }
    // Tables are flow content: no paragraph or heading holds one (their words are not walked).
    if (node.type === 'paragraph' || node.type === 'heading') return;
    if ('children' in node) for (const child of node.children) visit(child as Nodes);
  };
  visit(report.tree);
}

/**
 * Per row label, its counts that can anchor a prose count, in table order: not those of a
 * noun that two rows give different counts (two tables, 年初 and 年末). Labels left with
 * none are dropped. Linear in the rows (a long report has a table per part, each naming
 * the same units: asked per quantity and row, this was quadratic in the rows).
 */
function anchorRows(rows: ReadonlyMap<string, readonly RowCount[]>): Map<string, RowCount[]> {
  const anchors = new Map<string, RowCount[]>();
  for (const [label, list] of rows) {
    // noun → the one count its rows give, or null when two differ.
    const counts = new Map<string, number | null>();
    for (const row of list) {
      const seen = counts.get(row.noun);
      counts.set(row.noun, seen === undefined || seen === row.value ? row.value : null);
    }
    const usable = list.filter((row) => counts.get(row.noun) !== null);
    if (usable.length > 0) anchors.set(label, usable);
  }
  return anchors;
}

/** An anchor label, its rows, and its place in the anchors' order. */
interface Labelled {
  label: string;
  rows: readonly RowCount[];
  order: number;
}

/**
 * The two UTF-16 code units of `s` at `i` as one integer key: the labels' openings are
 * looked up at every place of every count's lead, and a number key spares a two-character
 * string per place (the lookup ran once per place and quantity of a long report).
 */
function openingKey(s: string, i: number): number {
  return (s.charCodeAt(i) << 16) | s.charCodeAt(i + 1);
}

/** The anchors' labels by their first two characters (openingKey; labels have at least 3). */
function labelsByOpening(anchors: ReadonlyMap<string, readonly RowCount[]>): Map<number, Labelled[]> {
  const byOpening = new Map<number, Labelled[]>();
  let order = 0;
  for (const [label, rows] of anchors) {
    const opening = openingKey(label, 0);
    (byOpening.get(opening) ?? byOpening.set(opening, []).get(opening)!).push({ label, rows, order: order++ });
  }
  return byOpening;
}

/** What labelsIn returns for the many leads that hold no label (shared, never changed). */
const NO_LABELS: readonly Labelled[] = Object.freeze([]);

/**
 * The anchor labels written somewhere in `lead`, in the anchors' order: found from the two
 * characters at each place of `lead` (asking every label of a report whose many tables name
 * many units, per quantity, was quadratic: 9% of a keystroke in a 1 MB report).
 */
function labelsIn(lead: string, byOpening: ReadonlyMap<number, readonly Labelled[]>): readonly Labelled[] {
  let found: Set<Labelled> | null = null;
  for (let i = 0; i + 3 <= lead.length; i++) {
    const opening = byOpening.get(openingKey(lead, i));
    if (opening === undefined) continue;
    for (const l of opening) if (lead.startsWith(l.label, i)) (found ??= new Set()).add(l);
  }
  return found === null ? NO_LABELS : [...found].sort((a, b) => a.order - b.order);
}

/** A measure word's kind as a header's bracket names it: `people` for 名/人/位. */
export function kindOf(unit: string): string {
  return measureOf(unit).kind === 'people' ? 'people' : unit;
}

/**
 * The prose count at line indices `[at, end)` read as a statement of `noun` in `label`'s
 * row: where it stands (label to noun) and whether it is whole; null if it is not one.
 * `lead` is the text right before the count.
 */
function readProse(lineText: string, lead: string, at: number, end: number, label: string, noun: string): { start: number; end: number; whole: boolean } | null {
  // Number first: label, link, count, noun (`第二党支部全体15名党员`).
  for (const link of LINKS) {
    if (!lead.endsWith(label + link)) continue;
    if (!lineText.startsWith(noun, end)) return null;
    const nounEnd = end + noun.length;
    // The noun ends there (党员, not 党员干部): a clause end, or a word that is no noun's.
    if (nounEnd < lineText.length && !isClauseEnd(lineText.charCodeAt(nounEnd)) && NOUN_GOES_ON.test(lineText[nounEnd])) return null;
    const whole = WHOLE_LINKS.has(link) || WHOLE_AFTER.some((w) => lineText.startsWith(w, nounEnd));
    return { start: at - link.length - label.length, end: nounEnd, whole };
  }
  // Noun first: label, link, noun, count closing its clause (`第二党支部现有党员15名，`).
  for (const link of ['共有', '现有', '有']) {
    if (!lead.endsWith(label + link + noun)) continue;
    if (end < lineText.length && !isClauseEnd(lineText.charCodeAt(end))) return null;
    return { start: at - noun.length - link.length - label.length, end, whole: true };
  }
  return null;
}

/** Characters that continue a noun (党员干部, 党员代表, 党员群众): the column's noun is not the prose's. */
const NOUN_GOES_ON = /[干代群骨先示责志积教户之中人数]/u;

/** A year (2024年) or a time word of another period (上年, 去年, 年初). */
const TIME_WORDS = /\d{4}年|上年|去年|年初|同期/gu;

/**
 * Whether a table states another time than the report's now: its header, or the line right
 * before it (its caption: `2024年各支部党员情况如下`), names a year other than the report's
 * (`year`, '' if unknown) or 上年/去年/年初/同期. Its rows are then not the prose's counts.
 */
export function otherTime(report: Report, table: Table, year: string): boolean {
  const start = table.position?.start.offset ?? 0;
  const line = report.lines.lineAt(start);
  const header = report.lines.lineText(line);
  let caption = '';
  for (let l = line - 1; l >= 0 && l >= line - 2; l--) {
    caption = report.lines.lineText(l);
    if (caption.trim() !== '') break;
  }
  for (const m of `${caption} ${header}`.matchAll(TIME_WORDS)) if (m[0] !== year) return true;
  return false;
}

/** One cell of a table row: its offsets in the report and its text without marks and white space. */
export interface Cell {
  start: number;
  end: number;
  text: string;
}

/** The cells of one table row (Cell). */
export function tableCells(report: Report, row: Table['children'][number]): Cell[] {
  return row.children.map((cell) => {
    const s = cell.position?.start.offset ?? 0;
    const e = cell.position?.end.offset ?? 0;
    return { start: s, end: e, text: report.text.slice(s, e).replace(/[|*\s]/gu, '') };
  });
}

/**
 * The columns of a table's header that name a count (`党员（名）`, `党员数`): index, noun and
 * measure kind; and the index of the label column (the second after a 序号 column).
 */
export function countColumns(header: readonly Cell[]): { labelAt: number; columns: { j: number; noun: string; kind: string }[] } {
  // A first column of serial numbers (序号) leaves the names in the second.
  const labelAt = /^(?:序号|编号|序)$/u.test(header[0]?.text ?? '') ? 1 : 0;
  const columns: { j: number; noun: string; kind: string }[] = [];
  for (let j = labelAt + 1; j < header.length; j++) {
    const m = /^(\p{Script=Han}{2,8}?)(?:人数|个数|数量|数)?(?:[（(](\p{Script=Han}{1,2})[）)])?$/u.exec(header[j].text);
    if (!m || TOTAL_LABEL.test(m[1]) || /[率比均龄岁年月]/u.test(m[1]) || m[1].length > 6) continue;
    columns.push({ j, noun: m[1], kind: m[2] ? kindOf(m[2]) : '' });
  }
  return { labelAt, columns };
}

/**
 * Reads one table's rows into `rows` (label → counts): the label is the row's first cell,
 * each other column whose header names a noun gives one count (see the module doc).
 */
function readTable(report: Report, table: Table, rows: Map<string, RowCount[]>): void {
  const cellsOf = (row: Table['children'][number]) => tableCells(report, row);
  if (table.children.length < 3) return;
  const header = cellsOf(table.children[0]);
  const { labelAt, columns } = countColumns(header);
  if (columns.length === 0) return;
  for (let r = 1; r < table.children.length; r++) {
    const cells = cellsOf(table.children[r]);
    const label = cells[labelAt]?.text ?? '';
    if (label.length < 3 || label.length > MAX_LABEL || !HAN.test(label) || TOTAL_LABEL.test(label)) continue;
    for (const c of columns) {
      const cell = cells[c.j];
      const m = cell ? CELL_NUMBER.exec(cell.text) : null;
      if (!cell || !m) continue;
      const kind = c.kind !== '' ? c.kind : m[2] ? kindOf(m[2]) : '';
      const list = rows.get(label) ?? [];
      list.push({ label, noun: c.noun, kind, value: Number(m[1]), start: cell.start, end: cell.end, text: `${label}：${header[c.j].text} ${m[0]}`, line: report.lines.lineAt(cell.start) });
      rows.set(label, list);
    }
  }
}
