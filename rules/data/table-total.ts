/**
 * The vocabulary of `table-total`, parsed once from rules/data/table-total.yaml (bundled as
 * text by esbuild). Kept as data so users extend the lists, not code.
 */
import { type DataSource, dataOf } from './yaml-data';
import tableTotalText from './table-total.yaml';

export interface TableTotalData {
  /** Labels of rows and columns that total everything before them (合计, 总计). */
  totals: readonly string[];
  /** Labels that total their group (小计). */
  subtotals: readonly string[];
  /** Header words of columns that are never summed (率, 占比, %, 序号…). */
  notSummed: readonly string[];
  /** Cell texts that mean "nothing" (—, -, /, 无). */
  nothing: ReadonlySet<string>;
  /** Sets of header words naming the sides of one partition (上半年/下半年, 男/女). */
  partWords: readonly (readonly string[])[];
}

function strings(value: unknown, key: string): string[] {
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || v.length === 0)) {
    throw new Error(`rules/data/table-total.yaml: "${key}" must be a list of non-empty strings`);
  }
  return value as string[];
}

function partSets(value: unknown): string[][] {
  if (!Array.isArray(value)) throw new Error('rules/data/table-total.yaml: "part_words" must be a list of lists of words');
  return value.map((set, i) => strings(set, `part_words[${i}]`));
}

function load(text: DataSource): TableTotalData {
  const raw = dataOf(text) as Record<string, unknown>;
  return {
    totals: strings(raw.totals, 'totals'),
    subtotals: strings(raw.subtotals, 'subtotals'),
    notSummed: strings(raw.not_summed, 'not_summed'),
    nothing: new Set(strings(raw.nothing, 'nothing')),
    partWords: partSets(raw.part_words),
  };
}

/** The data of rules/data/table-total.yaml; throws at load on malformed data. */
export const tableTotalData: TableTotalData = load(tableTotalText);
