/**
 * Which columns a 合计 column adds up, read from the header as a reviewer does (table-total).
 *
 * A 合计 column need not total every numeric column before it: `| 片区 | 企业数 | 上半年新建 |
 * 下半年新建 | 合计 |` adds up the two 新建 columns, not the count of firms. The columns it
 * totals are the contiguous run next to it whose headers are of one kind:
 * - they share a word of two characters or more at the end or the start (发展党员, 转正党员;
 *   上半年新建, 下半年新建),
 * - they start with distinct words of one partition and are otherwise the same (男, 女;
 *   上半年, 下半年; sets in rules/data/table-total.yaml `part_words`),
 * - or they differ only by a numeral (一季度, 二季度; 1月, 2月).
 * A column whose cells exceed the row's total in most rows (a base count such as 企业数 or
 * 在册党员) is never a part. When the two columns next to the total are of no one kind, the
 * header does not say what it totals: every candidate is read if none was such a base
 * count, and nothing otherwise.
 */
import { tableTotalData } from '../data/table-total';

/** What a total column adds up: `parts`, and `alt`, a second reading that also passes. */
export interface ColumnChoice {
  parts: number[];
  alt: number[] | null;
}

type Kind = { by: 'suffix' | 'prefix'; word: string } | { by: 'part'; set: number; rest: string } | { by: 'numeral'; shape: string };

/**
 * Chooses the columns the total column `total` adds up from `candidates` (the numeric data
 * columns on its side, ascending). `headers[j]` is column j's header text; `exceeds(j)` says
 * whether column j's cells are larger than the row's total in most rows. Returns null when
 * the header leaves it undecided (then the total is not checked).
 */
export function chooseColumns(total: number, candidates: readonly number[], headers: readonly string[], exceeds: (j: number) => boolean): ColumnChoice | null {
  if (candidates.length <= 1) return { parts: [...candidates], alt: null };
  // A column larger than the total in most rows (在册党员 before 发展党员, 转入党员) is no part.
  const additive = candidates.filter((j) => !exceeds(j));
  if (additive.length === 0) return null;
  // Nearest to the total first.
  const near = additive[0] > total ? additive : [...additive].reverse();
  const names = near.map((j) => headerWords(headers[j] ?? ''));
  const kind = near.length > 1 ? kindOf(names[0], names[1]) : null;
  if (!kind) return additive.length === candidates.length ? { parts: [...candidates], alt: null } : null;
  let n = 2;
  while (n < near.length && fits(kind, names[n], names.slice(0, n))) n++;
  const run = near.slice(0, n).sort((a, b) => a - b);
  if (n === near.length) return { parts: run, alt: additive.length === candidates.length ? null : [...candidates] };
  // Columns beyond the run are of another kind: the run is the reading, but a total that
  // is the sum of every column (a heading the reader did not foresee) still passes.
  return { parts: run, alt: [...candidates] };
}

/** A header's words: without a bracketed unit (`党员（名）`), emphasis marks and spaces. */
function headerWords(header: string): string {
  return header.replace(/[\s*_]/gu, '').replace(/[（(][^）)]{0,12}[）)]$/u, '');
}

const NUMERAL = /[0-9０-９一二三四五六七八九十]{1,4}/gu;

/** The kind two neighbouring headers share, or null. */
function kindOf(a: string, b: string): Kind | null {
  if (a === '' || b === '' || a === b) return null;
  const pa = partOf(a);
  const pb = partOf(b);
  if (pa && pb && pa.set === pb.set && pa.word !== pb.word && pa.rest === pb.rest) return { by: 'part', set: pa.set, rest: pa.rest };
  const shape = a.replace(NUMERAL, '#');
  if (shape.includes('#') && shape === b.replace(NUMERAL, '#')) return { by: 'numeral', shape };
  let s = 0;
  while (s < a.length && s < b.length && a[a.length - 1 - s] === b[b.length - 1 - s]) s++;
  if (s >= 2) return { by: 'suffix', word: a.slice(a.length - s) };
  let p = 0;
  while (p < a.length && p < b.length && a[p] === b[p]) p++;
  if (p >= 2) return { by: 'prefix', word: a.slice(0, p) };
  return null;
}

/** Whether `name` is of `kind` and not a repeat of a header already in the run. */
function fits(kind: Kind, name: string, run: readonly string[]): boolean {
  if (name === '' || run.includes(name)) return false;
  switch (kind.by) {
    case 'suffix':
      return name.endsWith(kind.word) && name !== kind.word;
    case 'prefix':
      return name.startsWith(kind.word) && name !== kind.word;
    case 'numeral':
      return name.replace(NUMERAL, '#') === kind.shape;
    case 'part': {
      const p = partOf(name);
      return p !== null && p.set === kind.set && p.rest === kind.rest;
    }
  }
}

/** The partition word a header starts with (longest), its set and the rest of the header. */
function partOf(name: string): { set: number; word: string; rest: string } | null {
  let best: { set: number; word: string; rest: string } | null = null;
  const sets = tableTotalData.partWords;
  for (let i = 0; i < sets.length; i++) {
    for (const word of sets[i]) {
      if (name.startsWith(word) && (!best || word.length > best.word.length)) best = { set: i, word, rest: name.slice(word.length) };
    }
  }
  return best;
}
