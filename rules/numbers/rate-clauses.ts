/**
 * Where a rate's counts stand, for the rate recomputations (`rate-parts.ts`: part ÷ whole and
 * subset rates; `rate-share.ts`: shares; `rate-grades.ts`, `percentage-range`): the exact
 * counts of a span, the start of a full sentence (only 。！？ end it), a count's clause, and
 * whether a share's named base (`占…总数的`) names a clause. Split from `rate-parts.ts` to keep
 * it under the project's ~400-line module guideline; these readings compare no figures.
 * Offsets are UTF-16 code units: of the report text for `[start, end)`, else of the line.
 */
import type { Report } from '../model/report';
import type { Quantity } from '../model/quantities';
import { clauseEnd, clauseStart, quantitiesIn } from './sentence';

/** The farthest back (UTF-16 units) the counts of a rate are looked for. */
export const RECOMPUTE_BACK = 160;

/** The exact counts (no percentage, age or point) in `[start, end)`. */
export function countsIn(report: Report, start: number, end: number): Quantity[] {
  const out: Quantity[] = [];
  for (const c of quantitiesIn(report.quantities, start, end)) {
    if (c.bound === 'exact' && c.unit !== '%' && c.unit !== '岁' && c.unit !== '个百分点' && c.unit !== '年') out.push(c);
  }
  return out;
}

/** Where the sentence holding `index` starts when only 。！？ end sentences (not ；), looking back at most RECOMPUTE_BACK. */
export function fullSentenceStart(lineText: string, index: number): number {
  const stop = Math.max(0, index - RECOMPUTE_BACK);
  for (let i = index - 1; i >= stop; i--) {
    const c = lineText.charCodeAt(i);
    if (c === 0x3002 /* 。 */ || c === 0xff01 /* ！ */ || c === 0xff1f /* ？ */ || c === 0x21 || c === 0x3f) return i + 1;
  }
  return stop;
}

/** Whether the code unit at `i` of the line ends a clause (，。；：！？). */
export function isClauseEndAt(lineText: string, i: number): boolean {
  return clauseEnd(lineText, i) === i;
}

/** The clause of count `c` up to and including its measure word (its noun after it is not read). */
export function clauseAround(lineText: string, from: number, c: Quantity): string {
  const at = c.numberStart - from;
  const end = c.end - from;
  const close = clauseEnd(lineText, end);
  return lineText.slice(clauseStart(lineText, at), close);
}

/** What a named base ends with besides its noun: 占…总数的, 占…总量的. */
export const BASE_TAIL = /(?:的)?(?:总数|总量|总和|总人数|总户数|数量|人数|户数|数)?的比重$/u;

/**
 * Whether a named base (`占…的比重`, rate form) names the whole's clause: a run of two
 * characters shared, and at least half the base's characters found there — or the base
 * names no words of its own (`占总数的`). `238.5万户非公有制企业中` shares only 企业 with
 * `占具备建立党组织条件企业总数的`: a qualified base the text does not state.
 */
export function sharesBase(rate: string, clause: string): boolean {
  const base = rate.slice(1).replace(BASE_TAIL, '');
  if (base.length < 2) return true;
  let found = 0;
  for (const ch of base) if (clause.includes(ch)) found++;
  return longestCommonRun(base, clause) >= 2 && found * 2 >= base.length;
}

/** The length of the longest run of characters `a` and `b` share (both short: a clause). */
export function longestCommonRun(a: string, b: string): number {
  let best = 0;
  let prev = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const row = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++) {
      if (a[i - 1] === b[j - 1]) {
        row[j] = prev[j - 1] + 1;
        if (row[j] > best) best = row[j];
      }
    }
    prev = row;
  }
  return best;
}
