/**
 * A plain count held against the unit's only stock of its serving kind (metric-conflict.ts):
 * `全局共有在职党员412名` then `全局421名党员全部签订…`. 在职党员 and 党员 are different nouns
 * (retired members count among 党员), so the two meet only where the report speaks of no
 * retired members at all, and the caller reports them only when their digits are one
 * number's swapped (a slip of the keys, not a total that happens to be a permutation).
 * A staff noun (教职工, 职工) and its 在职 twin are one count, compared in full, where the
 * report names no retired people of that staff (staffTwin). Vocabulary:
 * rules/data/metric-conflict.yaml (`serving_qualifiers`, `retired_words`, `staff_nouns`…).
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

/**
 * The first statement of `s`'s scope, measure and time whose noun is `s`'s staff noun with
 * its serving qualifier (在职教职工 for 教职工, `staff_nouns`, `staff_serving`), from `first`,
 * or undefined; also undefined where `text` (the report) names retired people of that staff
 * (namesRetiredStaff): then the plain noun may count them too. A staff is its serving people,
 * so the two are one count, compared in full.
 */
export function staffTwin(s: Statement, first: ReadonlyMap<string, Statement>, text: string): Statement | undefined {
  const parts = s.key.split('|');
  if (parts.length !== 4) return undefined;
  const [scope, unit, noun, time] = parts;
  if (!vocab.staffNouns.includes(noun)) return undefined;
  for (const q of vocab.staffServing) {
    const twin = first.get(`${scope}|${unit}|${q}${noun}|${time}`);
    if (twin !== undefined) return namesRetiredStaff(text, noun) ? undefined : twin;
  }
  return undefined;
}

/**
 * Whether `text` names retired people of the staff `noun`: a retired word (`retired_words`)
 * ending at most `staff_retired_reach` characters before an occurrence of the noun
 * (离退休教职工, 退休的职工). 离退休老同志 names retired people apart from the staff.
 */
function namesRetiredStaff(text: string, noun: string): boolean {
  for (let at = text.indexOf(noun); at >= 0; at = text.indexOf(noun, at + noun.length)) {
    const before = text.slice(Math.max(0, at - vocab.staffRetiredReach - 2), at);
    if (vocab.retiredWords.some((w) => { const k = before.lastIndexOf(w); return k >= 0 && before.length - (k + w.length) <= vocab.staffRetiredReach; })) return true;
  }
  return false;
}

/**
 * Whether a statement's key (`scope|unit|noun|time`) counts the members of a staff (党员员工,
 * 党员干警: stock-staff.ts reads `中心现有员工86人，其中党员31名` so): they are all among the
 * unit's 党员, so a whole count of its 党员 is at least theirs. Returns the key the plain
 * members' count of that scope, measure and time would have, or null.
 */
export function staffMembersFloorKey(key: string): string | null {
  const parts = key.split('|');
  if (parts.length !== 4) return null;
  const [scope, unit, noun, time] = parts;
  if (!noun.startsWith(MEMBERS) || noun.length <= MEMBERS.length || noun.includes(PARTY, MEMBERS.length)) return null;
  return `${scope}|${unit}|${MEMBERS}|${time}`;
}

/** The plain members' noun. */
const MEMBERS = '党员';
/** A staff noun holding 党 is no staff (党员干部 are members). */
const PARTY = '党';

/**
 * A reader of whether the report `text` states a value for a kind of a noun: a qualifier of
 * one to four Han characters before the noun, in a breakdown (其中在职党员92名, 、农村党员1180名) or
 * after the number (92名在职党员). A count of the plain noun with that value (组织全局92名党员…)
 * may then be that kind, the qualifier dropped, rather than the whole stock misstated. Measure
 * 名 or 人; the number is matched whole (41 is not read in 141). Each noun's kind values are read
 * once per report, in one pass of two patterns, and kept (not one whole-text pass per statement).
 */
export function kindValueReader(text: string): (noun: string, value: number) => boolean {
  const values = new Map<string, Set<string>>();
  return (noun, value) => {
    if (!Number.isInteger(value) || noun === '') return false;
    let stated = values.get(noun);
    if (stated === undefined) {
      stated = new Set();
      const n = noun.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
      const breakdown = new RegExp(`(?:其中|[、，,；;])\\p{Script=Han}{1,4}${n}(?:共|为)?(\\d+)[名人]`, 'gu');
      const before = new RegExp(`(?<![\\d.])(\\d+)[名人](?!${n})\\p{Script=Han}{1,4}${n}`, 'gu');
      for (const m of text.matchAll(breakdown)) stated.add(m[1]);
      for (const m of text.matchAll(before)) stated.add(m[1]);
      values.set(noun, stated);
    }
    return stated.has(String(value));
  };
}
