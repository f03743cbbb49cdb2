/**
 * slogan-canonical's comparison of a window of text with a formulation
 * (rules/wording/slogan-canonical.ts): whether they differ by one edit of Han characters —
 * one replaced (a homophone, a look-alike, or any character in a long form), one dropped or
 * added, two neighbours swapped, one moved past the two or three next to it — and which. Strings are compared by UTF-16 code unit.
 */
import { isHan } from '../model/script';
import { confusion } from './homophones';
import { PARAPHRASE_INSERTIONS } from './slogan-words';

/** One edit between a window and a formulation: what a finding's message names. */
export type Edit =
  | { kind: 'dropped' | 'extra'; char: string }
  | { kind: 'swapped'; chars: string }
  | { kind: 'moved'; char: string }
  | { kind: 'wrong'; char: string; expected: string };

/** The word that closes a list before its head noun (`述职述廉、诫勉谈话等制度`). */
const LIST_CLOSER = '等';
/** Longest head word (code units) an 等 may stand before: 制度, 机制, 工作制度. */
const HEAD_MAX = 4;

/** Longest run of characters (code units) a moved character may cross, plus itself. */
const MOVE_SPAN_MAX = 4;

/**
 * The character of `canonical` that `found` (the same length, equal up to `i`) has moved
 * past the two or three characters next to it (新时代党建设的总要求: 的 moved past 建设), or
 * null. The run that differs is `canonical[i, j]` rotated by one place, inside the form
 * (neither end), all Han. A 的/之/和/与/及 moved in a phrase that is no fixed name is left
 * alone (`exact`, as for one added or dropped).
 */
function movedChar(found: string, canonical: string, i: number, exact: boolean): string | null {
  const m = canonical.length;
  let j = m - 1;
  while (j > i && found[j] === canonical[j]) j--;
  const span = j - i + 1;
  if (i === 0 || j === m - 1 || span < 3 || span > MOVE_SPAN_MAX) return null;
  for (let k = i; k <= j; k++) if (!isHan(found[k])) return null;
  const run = canonical.slice(i, j + 1);
  const got = found.slice(i, j + 1);
  // Moved right (党的建设 → 党建设的) or left (党的建设 → 党设的建).
  const char = got === run.slice(1) + run[0] ? run[0] : got === run[span - 1] + run.slice(0, span - 1) ? run[span - 1] : null;
  if (char === null || (!exact && PARAPHRASE_INSERTIONS.has(char))) return null;
  return char;
}

/**
 * How `found` differs from `canonical` by one edit of Han characters, or null when it does
 * not, or only in punctuation.
 *
 * - Same length, one character replaced: a finding when `anyReplacement` (long forms) and
 *   the place is not an end, or when the two characters may be confused (a homophone or
 *   a look-alike; asked last, as it may load pinyin-pro), at an end only when
 *   `endReplacement`.
 *   With `lastAny`, the last character replaced by any Han character is one too (the last
 *   part of a series, where the window ends with the text's part: `以学正风、以学促行。`).
 * - Otherwise (dropped, added, swapped, moved past two or three characters) only when `nearMiss`, and the first and last
 *   characters must match: a difference at an end cannot be told from the text around.
 *   A 的/之/和/与/及 added or dropped is a paraphrase, unless the formulation is `exact`
 *   (a fixed name). An 等 added before the last HEAD_MAX characters closes a list ending
 *   with the formulation's name (`个人有关事项报告、请示报告等制度`): no edit.
 */
export function oneEdit(found: string, canonical: string, anyReplacement: boolean, nearMiss = true, endReplacement = true, exact = false, lastAny = false): Edit | null {
  const n = found.length;
  const m = canonical.length;
  if (found === canonical) return null;
  let i = 0;
  while (i < n && i < m && found[i] === canonical[i]) i++;
  if (n === m) {
    if (found.slice(i + 1) === canonical.slice(i + 1)) {
      if (!isHan(found[i]) || !isHan(canonical[i])) return null;
      const inner = i > 0 && i < m - 1;
      if (!inner && !endReplacement) return null;
      if ((anyReplacement && inner) || (lastAny && i === m - 1) || confusion(found[i], canonical[i]) !== null) return { kind: 'wrong', char: found[i], expected: canonical[i] };
      return null;
    }
    if (!nearMiss || found[0] !== canonical[0] || found[n - 1] !== canonical[m - 1]) return null;
    if (found[i] === canonical[i + 1] && found[i + 1] === canonical[i] && found.slice(i + 2) === canonical.slice(i + 2)) {
      return isHan(found[i]) && isHan(found[i + 1]) ? { kind: 'swapped', chars: found.slice(i, i + 2) } : null;
    }
    const moved = movedChar(found, canonical, i, exact);
    return moved === null ? null : { kind: 'moved', char: moved };
  }
  if (!nearMiss || found[0] !== canonical[0] || found[n - 1] !== canonical[m - 1]) return null;
  if (n === m + 1 && found.slice(i + 1) === canonical.slice(i)) {
    // `述职述廉、请示报告等制度`: an 等 right before the formulation's head word closes a list
    // whose last item is the formulation's head-less name; not a character slipped in.
    if (found[i] === LIST_CLOSER && i > 0 && n - i - 1 <= HEAD_MAX) return null;
    return isHan(found[i]) && (exact || !PARAPHRASE_INSERTIONS.has(found[i])) ? { kind: 'extra', char: found[i] } : null;
  }
  if (n === m - 1 && found.slice(i) === canonical.slice(i + 1)) {
    return isHan(canonical[i]) && (exact || !PARAPHRASE_INSERTIONS.has(canonical[i])) ? { kind: 'dropped', char: canonical[i] } : null;
  }
  return null;
}
