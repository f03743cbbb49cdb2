/**
 * A guard on the recomputation of a rate (`percentage-range`, rate-parts.ts `recompute` and
 * rate-outcome.ts): a rate found wrong against the whole the reading picked is still not
 * reported when another count of the sentence, of the part's kind and larger than the part,
 * gives the stated value. `收到诉求120件，已办结112件，其中按时办结108件，按时办结率90%`
 * divides 108 by 120 (the cases received), not by the 112 closed the 其中 clause breaks down:
 * both are bases a writer may mean, and a finding needs every candidate to disagree.
 * Offsets are UTF-16 code units; `from` is the line's start in the report text.
 */
import type { Report } from '../model/report';
import type { Problem } from '../types';
import type { Quantity } from '../model/quantities';
import { countsIn, fullSentenceStart } from './rate-clauses';
import { judged } from './rate-parts';
import { measureOf } from './sentence';

/**
 * `problem` unless it is a failed recomputation (`recomputed`) of the rate `q` named `rate`
 * whose part (its `part` related span) divided by some other count of the rate's sentence
 * (to 。！？, before the rate; same kind as the part, larger, not the whole used) agrees with
 * the stated value: then null. Passes and other problems go through unchanged.
 */
export function unlessOtherBaseFits(report: Report, q: Quantity, lineText: string, from: number, rate: string, problem: Problem | null): Problem | null {
  if (!problem || problem.passed || problem.messageId !== 'recomputed') return problem;
  const partAt = problem.related?.find((r) => r.messageId === 'part')?.start;
  const wholeAt = problem.related?.find((r) => r.messageId === 'whole')?.start;
  const counts = countsIn(report, from + fullSentenceStart(lineText, q.numberStart - from), q.start);
  const part = counts.find((c) => c.numberStart === partAt);
  if (!part) return problem;
  const kind = measureOf(part.unit).kind;
  for (const c of counts) {
    if (c === part || c.numberStart === wholeAt || measureOf(c.unit).kind !== kind || !(c.value > part.value)) continue;
    if (judged(report, q, rate, part, c).passed) return null;
  }
  return problem;
}
