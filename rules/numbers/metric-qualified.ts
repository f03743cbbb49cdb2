/**
 * A plain count held against the unit's only stock of its serving kind (metric-conflict.ts):
 * `全局共有在职党员412名` then `全局421名党员全部签订…`. 在职党员 and 党员 are different nouns
 * (retired members count among 党员), so the two meet only where the report speaks of no
 * retired members at all, and the caller reports them only when their digits are one
 * number's swapped (a slip of the keys, not a total that happens to be a permutation).
 * Vocabulary: rules/data/metric-conflict.yaml (`serving_qualifiers`, `retired_words`).
 */
import { metricConflictData as vocab } from '../data/metric-conflict';
import type { Statement } from './metric-statements';

/** Whether a report's text names members who no longer serve (退休, 离休): then 党员 may exceed 在职党员. */
export function namesRetired(text: string): boolean {
  return vocab.retiredWords.some((w) => text.includes(w));
}

/**
 * The first statement of `s`'s scope, measure and time whose noun is a serving qualifier
 * and `s`'s noun (在职党员 for 党员), from `first` (statements by key, `scope|unit|noun|time`),
 * or undefined. The caller asks only where `s` has no anchor of its own noun.
 */
export function servingTwin(s: Statement, first: ReadonlyMap<string, Statement>): Statement | undefined {
  const parts = s.key.split('|');
  if (parts.length !== 4) return undefined;
  const [scope, unit, noun, time] = parts;
  if (noun === '' || vocab.servingQualifiers.some((q) => noun.startsWith(q))) return undefined;
  for (const q of vocab.servingQualifiers) {
    const twin = first.get(`${scope}|${unit}|${q}${noun}|${time}`);
    if (twin !== undefined) return twin;
  }
  return undefined;
}
