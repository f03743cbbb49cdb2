/**
 * table-total: in a GFM table, a row or column named 合计/总计/小计 equals the sum of the
 * cells it totals. Tables are opaque to the prose rules; this rule reads them from the mdast
 * (`table` nodes of `report.tree`), taking each cell's text from the source by position.
 *
 * What it totals (the words are data, rules/data/table-total.yaml):
 * - A 小计 row totals the data rows since the previous 小计 or 合计 row (or the table start);
 *   any label cell before the row's first number may name it (`| 机关 | 小计 | 100 |`);
 *   a 合计/总计 row totals the 小计 rows above it plus any data rows after the last 小计,
 *   or, without 小计 rows, every data row since the previous 合计. A total row that comes
 *   first in the body (right under the header) totals the rows below it instead: the same
 *   reading, bottom up. Columns named 合计/小计 work the same way along each row, over the
 *   columns that hold numbers; over data columns, the header says which of them a total
 *   column adds up (table-columns.ts: the run of one kind next to it, no base count).
 * - Cells: `12`, `12人`, `1,234`, `1.5万`, `**12**`; full-width digits are read as digits.
 *   Empty cells (an HTML comment alone is empty) and `—`, `-`, `/`, `无` add nothing; a total cell written so is not checked.
 *   A cell with 约/余/多/以上/左右 is approximate: its column (or row) is not checked.
 *   Any other text in a cell that is summed is reported (`nonNumeric`), not guessed.
 * - Columns whose header holds 率/占比/比例/比重/%/平均/序号/年龄… are not summed (a
 *   share's total is 100% or an average), nor is a column whose total cell is a percentage.
 * - Decimals compare exactly as written (`sumExact`): 0.1 + 0.2 is 0.3.
 * A ragged table (rows with more or fewer cells than the header) does not throw: missing
 * cells are empty, extra cells have no header.
 */
import type { Nodes, Table } from 'mdast';
import { tableTotalData } from '../data/table-total';
import { sumExact } from '../model/quantities';
import type { Report } from '../model/report';
import type { Problem, Rule } from '../types';
import type { CellValue } from './table-cell-value';
import { type Cell, readCell, splitMerged } from './table-rows';
import { chooseColumns } from './table-columns';
import { lazyTables } from './table-lazy';
import { type Checked, explainedCorners, type TableChecks } from './table-corner';

type TotalKind = 'total' | 'subtotal' | null;

const MAX_SHOWN = 12;

export const tableTotal: Rule = {
  id: 'table-total',
  meta: {
    family: 'numbers',
    severity: 'error',
    fixable: false,
    // A table's findings read only that table (its mdast node and its cells' text): after an
    // edit it runs on the re-parsed blocks alone.
    scope: 'block',
    description: {
      'zh-CN': '表格中“合计”“总计”“小计”行或列等于其所计各项之和',
      en: 'A table row or column named 合计/总计/小计 equals the sum of what it totals',
    },
    messages: {
      columnMismatch: {
        'zh-CN': '“{label}”行“{column}”列为{total}，所计各行之和为{expr}={sum}，不符 ✗',
        en: 'Row "{label}", column "{column}" says {total}, but the rows it totals sum to {expr}={sum} ✗',
      },
      columnMatch: {
        'zh-CN': '“{label}”行“{column}”列：所计各行之和{expr}={sum}，与{total}相符 ✓',
        en: 'Row "{label}", column "{column}": the rows it totals sum to {expr}={sum}, matching {total} ✓',
      },
      rowMismatch: {
        'zh-CN': '“{label}”行“{column}”为{total}，同行所计各列之和为{expr}={sum}，不符 ✗',
        en: 'Row "{label}": column "{column}" says {total}, but the columns it totals sum to {expr}={sum} ✗',
      },
      rowMatch: {
        'zh-CN': '“{label}”行“{column}”：同行所计各列之和{expr}={sum}，与{total}相符 ✓',
        en: 'Row "{label}": the columns "{column}" totals sum to {expr}={sum}, matching {total} ✓',
      },
      nonNumeric: {
        'zh-CN': '单元格“{text}”参与“{total}”求和，但不是数值：应填写数字，无数据时留空或写“—”',
        en: 'Cell "{text}" is summed into "{total}" but is not a number: write a number, or leave it empty or "—" for none',
      },
    },
  },
  check(report: Report): Problem[] {
    const problems: Problem[] = [];
    const visit = (node: Nodes) => {
      if (node.type === 'table') {
        checkTable(report.text, node, problems);
        return;
      }
      if ('children' in node) for (const child of node.children) visit(child as Nodes);
    };
    visit(report.tree);
    // A table right under a list item without a blank line is text of the item (table-lazy.ts).
    for (const lazy of lazyTables(report.text, report.tree)) checkTable(report.text, lazy.table, problems, lazy.base);
    return problems;
  },
};

/** Reads one table into cells and runs the row and column checks on each table it holds; `base` shifts positions of a table parsed from a slice. */
function checkTable(text: string, table: Table, problems: Problem[], base = 0): void {
  const rows: Cell[][] = [];
  for (const row of table.children) {
    const cells: Cell[] = [];
    for (const cell of row.children) {
      const s = cell.position?.start.offset;
      const e = cell.position?.end.offset;
      if (s === undefined || e === undefined) continue;
      cells.push(readCell(text, base + s, base + e));
    }
    rows.push(cells);
  }
  for (const segment of splitMerged(rows)) checkRows(segment, problems);
}

/** Runs the row and column checks on one table's rows, the first being its header. */
function checkRows(rows: Cell[][], problems: Problem[]): void {
  if (rows.length < 2) return;
  const header = rows[0];
  const body = rows.slice(1);
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  const columnName = (j: number) => (header[j]?.text ? header[j].text : `第${j + 1}列`);
  const notSummed = (j: number) => {
    const name = header[j]?.text ?? '';
    return tableTotalData.notSummed.some((w) => name.includes(w));
  };
  const rowKinds = body.map(rowKind);
  const columnKinds = Array.from({ length: width }, (_, j) => totalKind(header[j]?.text ?? ''));
  const reported = new Set<number>();
  const nonNumeric = (cell: Cell, total: string) => {
    if (reported.has(cell.start)) return;
    reported.add(cell.start);
    problems.push({ messageId: 'nonNumeric', data: { text: cell.text, total }, start: cell.start, end: cell.end });
  };

  const checks: TableChecks = { down: new Map(), across: new Map(), rowsOf: new Map(), columnsOf: new Map() };
  // Column sums: each total row against the rows it totals.
  for (const [r, parts, alt] of groups(rowKinds)) {
    if (!alt) checks.rowsOf.set(r, parts);
    const totalRow = body[r];
    const label = totalLabel(totalRow);
    for (let j = 0; j < width; j++) {
      const totalCell = totalRow[j];
      if (!totalCell || totalCell.read.kind !== 'number' || totalCell.read.percent || notSummed(j)) continue;
      const at = (rows: number[]) => rows.map((p) => body[p][j]).filter((c): c is Cell => c !== undefined);
      const checked = compare(totalCell, at(parts), alt && at(alt), { label, column: columnName(j), total: label }, 'column', problems, nonNumeric);
      if (checked) checks.down.set(`${r}:${j}`, checked);
    }
  }

  // Row sums: each total column against the numeric columns it totals, row by row.
  const numericColumn = Array.from({ length: width }, (_, j) => {
    if (notSummed(j) || columnKinds[j]) return false;
    let numbers = 0;
    let texts = 0;
    body.forEach((cells, r) => {
      if (rowKinds[r]) return;
      const kind = cells[j]?.read.kind;
      if (kind === 'number' || kind === 'approx') numbers++;
      else if (kind === 'text') texts++;
    });
    return numbers > 0 && numbers >= texts;
  });
  const columnGroups = groups(columnKinds.map((k, j) => (numericColumn[j] || k ? k : 'skip')));
  for (const [c, allParts, subtotalsAlt] of columnGroups) {
    // Over data columns (no 小计 columns between), the header says which ones the total
    // adds up (企业数 | 上半年新建 | 下半年新建 | 合计: the two 新建 columns): table-columns.ts.
    let parts = allParts;
    let alt = subtotalsAlt;
    if (!subtotalsAlt && allParts.every((j) => !columnKinds[j])) {
      const choice = chooseColumns(c, allParts, header.map((h) => h.text), (j) => exceedsTotal(body, rowKinds, j, c));
      if (!choice) continue;
      parts = choice.parts;
      alt = choice.alt;
    }
    if (!alt) checks.columnsOf.set(c, parts);
    for (let r = 0; r < body.length; r++) {
      const cells = body[r];
      const totalCell = cells[c];
      if (!totalCell || totalCell.read.kind !== 'number' || totalCell.read.percent) continue;
      const at = (columns: number[]) => columns.map((p) => cells[p]).filter((x): x is Cell => x !== undefined);
      const checked = compare(totalCell, at(parts), alt && at(alt), { label: rowLabel(cells), column: columnName(c), total: columnName(c) }, 'row', problems, nonNumeric);
      if (checked) checks.across.set(`${r}:${c}`, checked);
    }
  }
  // A corner that fails only by a data row's (or column's) own slip, reported there: once.
  for (const restated of explainedCorners(checks)) problems.splice(problems.indexOf(restated), 1);
}

/**
 * Whether column `j`'s cells are larger than the total column `c`'s in most data rows (at
 * least two): a base count (企业数) that the total does not add up.
 */
function exceedsTotal(body: readonly Cell[][], rowKinds: readonly TotalKind[], j: number, c: number): boolean {
  let both = 0;
  let larger = 0;
  for (let r = 0; r < body.length; r++) {
    if (rowKinds[r]) continue;
    const a = body[r][j]?.read;
    const t = body[r][c]?.read;
    if (a?.kind !== 'number' || t?.kind !== 'number' || a.percent || t.percent) continue;
    both++;
    if (a.raw * a.scale > t.raw * t.scale) larger++;
  }
  return larger >= 2 && larger * 2 > both;
}

/**
 * Pairs each total line (row or column index) with the lines it totals. `kinds[i]` is the
 * line's total kind, null for a data line, or 'skip' for a line that is neither data nor a
 * total (a text column). Totals that come first are read bottom up.
 */
function groups(kinds: readonly (TotalKind | 'skip')[]): [number, number[], number[] | null][] {
  const firstReal = kinds.findIndex((k) => k !== 'skip');
  const before = firstReal >= 0 && (kinds[firstReal] === 'total' || kinds[firstReal] === 'subtotal');
  const order = kinds.map((_, i) => i);
  if (before) order.reverse();
  const out: [number, number[], number[] | null][] = [];
  const sorted = (list: number[]) => [...list].sort((a, b) => a - b);
  let group: number[] = [];
  let all: number[] = [];
  let subtotals: number[] = [];
  for (const i of order) {
    const kind = kinds[i];
    if (kind === 'skip') continue;
    if (kind === null) {
      group.push(i);
      all.push(i);
    } else if (kind === 'subtotal') {
      if (group.length) out.push([i, sorted(group), null]);
      subtotals.push(i);
      group = [];
    } else {
      // With subtotals, the total is their sum (plus rows after the last one); the data
      // rows themselves are the second reading, so a wrong 小计 is not blamed on the 合计.
      const parts = subtotals.length ? [...subtotals, ...group] : all;
      if (parts.length) out.push([i, sorted(parts), subtotals.length ? sorted(all) : null]);
      group = [];
      all = [];
      subtotals = [];
    }
  }
  return out;
}

/**
 * Compares one total cell with its part cells, pushing a finding or a passed check, and
 * returns it with the parts' sum minus the total (null when nothing was pushed). `alt`
 * is a second reading of the parts (the data rows under subtotals): a total that misses
 * `parts` but matches `alt` passes, since the wrong number is a subtotal, reported there.
 */
function compare(
  totalCell: Cell,
  cells: Cell[],
  alt: Cell[] | null,
  names: { label: string; column: string; total: string },
  axis: 'row' | 'column',
  problems: Problem[],
  nonNumeric: (cell: Cell, total: string) => void,
): Checked | null {
  let result = sumOf(totalCell, cells, names.total, nonNumeric);
  if (result && !result.ok && alt) {
    const second = sumOf(totalCell, alt, names.total, () => {});
    if (second?.ok) result = second;
  }
  if (!result) return null;
  const { ok, expr, sum } = result;
  const messageId = axis === 'column' ? (ok ? 'columnMatch' : 'columnMismatch') : ok ? 'rowMatch' : 'rowMismatch';
  const problem: Problem = {
    ...(ok ? { passed: true } : {}),
    messageId,
    data: { label: names.label, column: names.column, total: totalCell.text, expr, sum },
    start: totalCell.start,
    end: totalCell.end,
  };
  problems.push(problem);
  return { problem, diff: result.diff };
}

/**
 * Sums `cells` against `totalCell`: null when the sum cannot be taken (an approximate or
 * percentage cell, no numbers, or text, which is handed to `nonNumeric`).
 */
function sumOf(
  totalCell: Cell,
  cells: Cell[],
  totalName: string,
  nonNumeric: (cell: Cell, total: string) => void,
): { ok: boolean; expr: string; sum: string; diff: number } | null {
  const total = totalCell.read;
  if (total.kind !== 'number') return null;
  const numbers: Extract<CellValue, { kind: 'number' }>[] = [];
  let bad = false;
  for (const cell of cells) {
    const v = cell.read;
    if (v.kind === 'nothing') continue;
    if (v.kind === 'approx') return null;
    if (v.kind === 'text') {
      nonNumeric(cell, totalName);
      bad = true;
      continue;
    }
    if (v.percent) return null;
    numbers.push(v);
  }
  if (bad || numbers.length === 0) return null;
  const all = sumNumbers(total, numbers);
  // Cells with a footnote mark may be left out of the total, as their note says: the sum
  // without them that matches is the table's own reading.
  if (!all.ok && numbers.some((n) => n.noted)) {
    const unnoted = numbers.filter((n) => !n.noted);
    const without = unnoted.length > 0 ? sumNumbers(total, unnoted) : null;
    if (without?.ok) return without;
  }
  return all;
}

/** The sum of `numbers` against the total cell's value, as sumOf reports it. */
function sumNumbers(
  total: Extract<CellValue, { kind: 'number' }>,
  numbers: Extract<CellValue, { kind: 'number' }>[],
): { ok: boolean; expr: string; sum: string; diff: number } {
  const sameScale = numbers.every((n) => n.scale === total.scale);
  const asWritten = (n: { raw: number; decimals: number; scale: number }) =>
    sameScale ? { value: n.raw, decimals: n.decimals } : { value: n.raw * n.scale, decimals: Math.max(0, n.decimals - Math.log10(n.scale)) };
  const sum = sumExact(numbers.map(asWritten));
  const want = asWritten(total);
  const decimals = Math.max(sum.decimals, want.decimals);
  const ok = Math.round(sum.value * 10 ** decimals) === Math.round(want.value * 10 ** decimals);
  const shown = numbers.map((n) => (sameScale ? n.written : String(n.raw * n.scale)));
  const expr = shown.length > MAX_SHOWN ? `${shown[0]}+…+${shown[shown.length - 1]}（共${shown.length}项）` : shown.join('+');
  const scaleWord = sameScale && total.scale !== 1 ? (total.scale === 1e4 ? '万' : '亿') : '';
  // The error in base units (a float: only compared with other errors of the same table).
  let diff = -total.raw * total.scale;
  for (const n of numbers) diff += n.raw * n.scale;
  return { ok, expr, sum: `${sum.value.toFixed(sum.decimals)}${scaleWord}`, diff: ok ? 0 : diff };
}

/** A row's label: its first non-empty cell that is not a number. */
function rowLabel(cells: readonly Cell[]): string {
  return cells.find((c) => c.read.kind === 'text')?.text ?? '';
}

/**
 * Whether a row is a total (合计…) or a subtotal (小计) row: any text cell before its first
 * number may name it. A table grouped by a category column writes the group in the first
 * cell and 小计 in the next (`| 机关 | 小计 | 100 |`).
 */
function rowKind(cells: readonly Cell[]): TotalKind {
  for (const c of cells) {
    if (c.read.kind === 'number' || c.read.kind === 'approx') break;
    if (c.read.kind !== 'text') continue;
    const kind = totalKind(c.text);
    if (kind) return kind;
  }
  return null;
}

/** A total row's label for messages: its text cells before the first number (`机关小计`). */
function totalLabel(cells: readonly Cell[]): string {
  let label = '';
  for (const c of cells) {
    if (c.read.kind === 'number' || c.read.kind === 'approx') break;
    if (c.read.kind === 'text') label += c.text;
  }
  return label || rowLabel(cells);
}

/** Whether a label or header names a total (合计…) or a subtotal (小计). */
function totalKind(label: string): TotalKind {
  const words = label.replace(/[\s*_]/g, '').replace(/[（(][^）)]*[）)]$/u, '');
  // `合计`, `合计数`? no: the word stands alone, ends the label (`全镇合计`, `农村小计`) or
  // is followed by a non-Han character (`合计:`); `总计划` is not a total.
  const named = (list: readonly string[]) =>
    list.some((w) => words.endsWith(w) || (words.startsWith(w) && !/\p{Script=Han}/u.test(words[w.length] ?? '')));
  if (named(tableTotalData.subtotals)) return 'subtotal';
  if (named(tableTotalData.totals)) return 'total';
  return null;
}
