/**
 * metric-conflict's one problem shape: a count stated again (the later statement) against
 * the earlier one — `consistent` (a passed check) when the two agree, else `conflict`,
 * reported at the later statement with the earlier as `related`. Shared by every reading
 * of a restatement (metric-conflict.ts, metric-paired.ts, metric-table.ts,
 * metric-sourced.ts, metric-built.ts, metric-events.ts).
 */
import type { Problem } from '../types';
import { checked } from './sentence';

/** A count as stated: its words, 0-based line, offsets (UTF-16 code units) and value as written (`12名`). */
export interface StatedCount {
  text: string;
  line: number;
  start: number;
  end: number;
  shown: string;
}

/**
 * The problem of `later` restating `earlier`.
 * @param ok whether the two agree (a passed check) or conflict
 */
export function restatement(ok: boolean, later: StatedCount, earlier: StatedCount): Problem {
  const data = { text: later.text, earlier: earlier.text, line: earlier.line + 1, value: later.shown, earlierValue: earlier.shown };
  const related = [{ messageId: 'earlier', data: { earlier: earlier.text }, start: earlier.start, end: earlier.end }];
  return checked(ok, ok ? 'consistent' : 'conflict', data, later.start, later.end, related);
}
