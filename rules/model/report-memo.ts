/**
 * A reading of a whole report remembered per report and key: a rule asked the same question
 * many times in one lint (a share per noun, a window per measure kind) reads the report once
 * per key. Reports are frozen (rules/model/freeze.ts), so a reading that depends only on the
 * report and the key stays true; the WeakMap lets a report's readings go with it.
 */
import type { Report } from './report';

/** Readings of many reports, each report's by key. */
export type ReportMemo<T> = WeakMap<Report, Map<string, T>>;

/**
 * The reading of `report` under `key` from `memo`, or made by `read` (called at most once per
 * report and key) and remembered. `read` must depend on nothing but the report and the key.
 */
export function rememberedFor<T>(memo: ReportMemo<T>, report: Report, key: string, read: () => T): T {
  let byKey = memo.get(report);
  if (!byKey) {
    byKey = new Map();
    memo.set(report, byKey);
  }
  if (byKey.has(key)) return byKey.get(key) as T;
  const value = read();
  byKey.set(key, value);
  return value;
}
