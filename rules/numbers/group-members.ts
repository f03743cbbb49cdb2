/**
 * Members of counted groups, for total-breakdown: "全体73名党员按居住地编入4个党小组，其中城东
 * 小组21名、城西小组18名、城南小组17名、异地居住小组16名". The parts after 其中 count people,
 * not groups: they answer to the people counted before the groups (73名). With one part per
 * group (as many parts as the group count says, each labelled with the group's noun), the
 * parts name every group, so together they are all its members and add up to them.
 *
 * Split from breakdowns.ts (which reads the parts and calls this) to keep that module under
 * the project's ~400-line guideline. Offsets are UTF-16 code units; nothing here throws.
 */
import { sentenceNumbers } from '../data/sentence-numbers';
import type { Quantity } from '../model/quantities';
import type { Part } from './breakdowns';
import { compatibleUnits, quantitiesIn } from './sentence';

/** The group noun right after a group count (`党小组` of `4个党小组`): 1–6 Han characters. */
const GROUP_NOUN = /^\p{Script=Han}{1,6}/u;

/** Sentence ends before a group count: the people it holds are counted in its own sentence. */
const SENTENCE_END = /[。！？!?；;]/u;

/**
 * The count the groups' members answer to: the one quantity before `groups` in its sentence
 * (on its line, after the last 。！？；) whose unit is of another kind than the groups', exact,
 * with a verb placing them into the groups between (`73名党员按居住地编入4个党小组`;
 * `assign_words`). Null when there is none or more than one, or the group count is not a
 * small whole number (2–30).
 */
export function membersTotal(lineText: string, from: number, groups: Quantity, quantities: readonly Quantity[]): { total: Quantity; noun: string } | null {
  if (!Number.isInteger(groups.value) || groups.value < 2 || groups.value > 30 || groups.bound !== 'exact') return null;
  const noun = GROUP_NOUN.exec(groups.after)?.[0];
  if (!noun) return null;
  let start = groups.start - from;
  while (start > 0 && !SENTENCE_END.test(lineText[start - 1])) start--;
  let found: Quantity | null = null;
  for (const q of quantitiesIn(quantities, from + start, groups.start)) {
    if (compatibleUnits(q.unit, groups.unit)) continue;
    if (found) return null;
    found = q;
  }
  if (!found || found.bound !== 'exact') return null;
  // The people are placed into the groups (编入, 分为…), not merely counted beside them
  // (培训党员300名，组建3个小组: the groups may hold only some of them).
  if (!sentenceNumbers.breakdown.assign.test(lineText.slice(found.end - from, groups.start - from))) return null;
  return { total: found, noun };
}

/**
 * Whether `parts` are one per group: exactly `count` of them, each label ending in the
 * group noun's last character (`城东小组` for `党小组`), no two labels alike.
 */
export function onePerGroup(parts: readonly Part[], count: number, noun: string): boolean {
  if (parts.length !== count) return false;
  const last = noun[noun.length - 1];
  const seen = new Set<string>();
  for (const p of parts) {
    if (p.label.length < 2 || !p.label.endsWith(last) || seen.has(p.label)) return false;
    seen.add(p.label);
  }
  return true;
}
