/**
 * The corner of a table with both a total row and a total column (`| 合计 | 31 | 16 | 47 |`
 * under a `合计` column), for table-total. The corner cell is checked twice: down its
 * column (against the data rows' totals) and along its row (against the total row's other
 * cells). When a data row's own total is wrong (`| 南湖区 | 6 | 5 | 12 |`, reported on that
 * row), the corner's column check fails by exactly that row's error although the corner
 * agrees with its row and is right: the slip is counted once, where it is. Offsets are UTF-16
 * code units; rows are indices into the table's body, columns into its cells.
 */
import type { Problem } from '../types';

/** A check of one total cell: its finding (or pass) and the parts' sum minus the total, in base units. */
export interface Checked {
  problem: Problem;
  diff: number;
}

/** The checks of one table, keyed `${row}:${column}`, with what each total line adds up. */
export interface TableChecks {
  /** A total row's cell checked down its column. */
  down: Map<string, Checked>;
  /** A total column's cell checked along its row. */
  across: Map<string, Checked>;
  /** Each total row and the data rows it adds up (read without subtotals). */
  rowsOf: Map<number, number[]>;
  /** Each total column and the columns it adds up (read without subtotals). */
  columnsOf: Map<number, number[]>;
}

/**
 * The failing corner checks that the other lines' own errors account for: a corner that
 * agrees along its row but not down its column, by minus the sum of the errors of the data
 * rows' total cells in its column (each such row reported already), or the same with rows and
 * columns swapped. These findings restate another cell's slip; the caller drops them.
 */
export function explainedCorners(checks: TableChecks): Problem[] {
  const out: Problem[] = [];
  for (const [row, rows] of checks.rowsOf) {
    for (const [column, columns] of checks.columnsOf) {
      const down = checks.down.get(`${row}:${column}`);
      const across = checks.across.get(`${row}:${column}`);
      if (!down || !across) continue;
      if (down.problem.passed !== true && across.problem.passed === true && accounted(down.diff, rows, (r) => checks.across.get(`${r}:${column}`))) out.push(down.problem);
      else if (across.problem.passed !== true && down.problem.passed === true && accounted(across.diff, columns, (c) => checks.down.get(`${row}:${c}`))) out.push(across.problem);
    }
  }
  return out;
}

/**
 * Whether `diff` (a corner's error) is minus the sum of the errors of the lines' own checks
 * (`checkOf` for each of `lines`; a line with no check leaves it unexplained).
 */
function accounted(diff: number, lines: readonly number[], checkOf: (line: number) => Checked | undefined): boolean {
  let sum = 0;
  for (const line of lines) {
    const check = checkOf(line);
    if (!check) return false;
    sum += check.diff;
  }
  return sum !== 0 && Math.abs(diff + sum) <= 1e-9 * Math.max(1, Math.abs(diff));
}
