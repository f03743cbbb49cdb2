/**
 * A member of a patterned series replaced, for slogan-canonical's search (slogan-search.ts):
 * in a series whose parts all share a frame (脚力、眼力、脑力、笔力: each X力; 学纪、知纪、明纪、守纪:
 * each X纪), one part's own character replaced by another (`脚力、眼力、脑力、能力`,
 * `学纪、知纪、明纪、遵纪`). The writer quotes the whole series, every other part and every
 * frame character as written, and puts a word he knows (能力, 遵纪) in place of one member:
 * the series' members are fixed, so the changed member is a misquote. The one-character
 * search compares any replaced character only in forms of 14 code units or more, and the
 * last character alone of a series' last part (`lastAny`); a member's own character inside
 * a shorter patterned series was left to homophones.
 *
 * Only where every part has the same length and the replaced character stands in a slot
 * where the parts differ (the member's own), every other character of that part in a slot
 * all parts share (the frame): 以学铸魂、以学增智… with 增 replaced keeps 智, a member's own
 * character, so the writer may have made a part of his own and it is left alone. Not the
 * first character of the window (a difference at an end cannot be told from the text
 * around), and, in the last part, only where the text's part ends with the window.
 * Offsets are UTF-16 code units.
 */
import type { Edit } from './slogan-edits';
import { isSeries } from './slogan-variants';
import { isHan } from '../model/script';
import { wholeWords } from './slogan-words';
import { commonWords } from '../data/reduplication';

/** Whether two characters are a word: ICU's dictionary or the common-word list (导向 is only in the latter). */
function isWord(s: string): boolean {
  return wholeWords(s) || commonWords().has(s);
}

/**
 * The replaced member character of `found` (a same-length window of a series formulation
 * `canonical`, e.g. `脚力、眼力、脑力、能力` of `脚力、眼力、脑力、笔力`), or null where the two
 * differ otherwise or the series has no shared frame (see the module comment).
 * `partEnds`: whether the text's part ends right after the window (slogan-excuses
 * `partEndsAt`), needed when the replaced character is in the last part.
 */
export function patternedMember(found: string, canonical: string, partEnds: boolean): Edit | null {
  const m = canonical.length;
  if (found.length !== m || !isSeries(canonical)) return null;
  let i = -1;
  for (let k = 0; k < m; k++) {
    if (found[k] === canonical[k]) continue;
    if (i !== -1) return null;
    i = k;
  }
  if (i <= 0 || !isHan(found[i]) || !isHan(canonical[i])) return null;
  const parts = canonical.split('、');
  const n = parts[0].length;
  if (!parts.every((p) => p.length === n)) return null;
  // The part and slot of the replaced character (parts are n long, joined by one 、).
  const part = Math.floor(i / (n + 1));
  const slot = i % (n + 1);
  if (slot === n) return null;
  if (part === parts.length - 1 && !partEnds) return null;
  const shared = (s: number) => parts.every((p) => p[s] === parts[0][s]);
  if (shared(slot)) return null;
  for (let s = 0; s < n; s++) if (s !== slot && !shared(s)) return null;
  // The replaced character must not be another part's member (脚力、眼力、脚力…: a part
  // written twice is a repetition, left to the other checks).
  if (parts.some((p) => p[slot] === found[i])) return null;
  return { kind: 'wrong', char: found[i], expected: canonical[i] };
}

/** Part lengths a run-together formulation is split into (Han characters). */
const FRAMED_PART_LENGTHS = [2, 3];

/**
 * The parts of a formulation its source runs together whose characters fall into three or
 * more parts of one length sharing a frame (共建共治共享 → 共建, 共治, 共享: 共 in every part's first
 * slot, the other slot all different), or null. All Han; a split where no slot is shared, or
 * two parts are equal, is no series (社会主义现代化 is a phrase, not 社会、主义、现代化).
 */
export function framedParts(canonical: string): string[] | null {
  if (!/^\p{Script=Han}+$/u.test(canonical)) return null;
  for (const n of FRAMED_PART_LENGTHS) {
    const k = canonical.length / n;
    if (!Number.isInteger(k) || k < 3) continue;
    const parts = Array.from({ length: k }, (_, j) => canonical.slice(j * n, (j + 1) * n));
    if (new Set(parts).size !== k) continue;
    let frame = 0;
    let own = 0;
    for (let s = 0; s < n; s++) {
      const chars = new Set(parts.map((p) => p[s]));
      if (chars.size === 1) frame++;
      else if (chars.size === k) own++;
    }
    if (frame >= 1 && own >= 1 && frame + own === n) return parts;
  }
  return null;
}

/** Shortest formulation (code units) whose last word is compared swapped (舆论导向). */
export const END_SWAP_MIN_LENGTH = 4;

/**
 * The last word of a formulation written with its two characters swapped where both orders
 * are words (`舆论向导` for 舆论导向: 向导 "a guide" for 导向 "orientation"), or null. The
 * near-miss search compares swaps only inside long forms, both ends kept, as a swapped pair
 * at an end is often two words read across; here the swapped pair is a whole word of its own
 * (ICU's dictionary or the common-word list) standing where the formulation's word stands,
 * and the text's part ends with it (`partEnds`: no Han character beyond, not even 的:
 * `围绕心中的目标` is no 围绕中心 misquoted), so no word runs on across the end.
 */
export function endWordSwapped(found: string, canonical: string, partEnds: boolean): Edit | null {
  const m = canonical.length;
  if (!partEnds || m < END_SWAP_MIN_LENGTH || found.length !== m) return null;
  if (found.slice(0, m - 2) !== canonical.slice(0, m - 2)) return null;
  const got = found.slice(m - 2);
  const word = canonical.slice(m - 2);
  if (got !== word[1] + word[0] || got === word || !isHan(got[0]) || !isHan(got[1])) return null;
  if (!isWord(got) || !isWord(word) || !wholeWords(found.slice(0, m - 2))) return null;
  return { kind: 'swapped', chars: got };
}
