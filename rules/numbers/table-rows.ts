/**
 * A table's rows as table-total reads them: each cell's content span and value, taken from the
 * source by the mdast cell's position, and the tables GFM merged into one node.
 */
import { type CellValue, readValue } from './table-cell-value';

/** One cell: its content span in the source (pipes and padding excluded) and its text. */
export interface Cell {
  start: number;
  end: number;
  text: string;
  read: CellValue;
}

/** Matches a delimiter row's cell: `---`, `:--`, `--:`, `:-:` (GFM). */
const DELIMITER_CELL = /^:?-{1,40}:?$/;

/**
 * The tables in one mdast table. GFM reads the lines under a table as its rows up to a blank
 * line, so a second table written right under the first (or after a line of prose) becomes
 * rows of the first: its header a body row, its delimiter row (`| --- | --- |`) another. A
 * body row of delimiter cells as many as the row before it starts a new table there, the
 * row before it being that table's header; the delimiter row itself is no data.
 */
export function splitMerged(rows: Cell[][]): Cell[][][] {
  const tables: Cell[][][] = [];
  let current: Cell[][] = [];
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    const delimiter = r >= 2 && row.length > 0 && row.length === rows[r - 1].length && row.every((c) => DELIMITER_CELL.test(c.text));
    if (delimiter && current.length > 1) {
      const header = current.pop()!;
      tables.push(current);
      current = [header];
      continue;
    }
    current.push(row);
  }
  tables.push(current);
  return tables;
}

/** The content span and value of the cell whose node spans `[s, e)` (pipes included). */
export function readCell(text: string, s: number, e: number): Cell {
  let start = s;
  let end = e;
  if (text[start] === '|') start++;
  if (end > start && text[end - 1] === '|' && text[end - 2] !== '\\') end--;
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  const raw = text.slice(start, end);
  return { start, end, text: raw, read: readValue(raw) };
}
