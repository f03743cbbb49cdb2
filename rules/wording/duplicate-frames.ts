/**
 * Doubled characters that duplicate-char (rules/wording/duplicate-char.ts) weighs by the
 * construction around them rather than by word lists alone: a doubled 在 opening a clause,
 * a doubled one-character personal pronoun, 为 ending a verb before the frame 为…服务, and a
 * noun character doubled where a clause opens on the word it starts (`，党党员干部`).
 * `s` is one line of the report; `i` is the UTF-16 offset of the pair's first copy.
 */
import { reduplication } from '../data/reduplication';
import { isHan, isHanCode } from '../model/script';
import { known, pairWord, wordEndingAt, wordStartingAt } from './duplicate-words';

/**
 * Whether the doubled 在 at `i`, `i + 1` of `s` — opening a clause before a whole word —
 * is a slip: before a pronoun of scope (`在在全市`) always; otherwise unless the second 在
 * makes a state word with the next character (在职, 在建, 在研: reduplication.yaml
 * `zai_states`, or any word 在X the dictionary knows), as in `在|在建项目中`.
 */
export function zaiSlip(s: string, i: number): boolean {
  const next = s[i + 2] ?? '';
  if (reduplication.unitPointers.has(next)) return true;
  if (!isHan(next) || reduplication.zaiStates.has(next)) return false;
  return !known('在' + next);
}

/**
 * Whether the pair at `i`, `i + 1` of `s` is a one-character personal pronoun typed twice
 * (`我我始终`, `他他主动`; reduplication.yaml `pronouns`). Not where the first copy ends a
 * word with what comes before (自我|我们, 其他|他人), nor in the AABB pattern (你你我我).
 */
export function pronounSlip(s: string, i: number): boolean {
  if (!reduplication.pronouns.has(s[i])) return false;
  if (s[i + 2] !== undefined && s[i + 2] === s[i + 3]) return false;
  if (i >= 2 && s[i - 1] === s[i - 2] && reduplication.pronouns.has(s[i - 1])) return false;
  return wordEndingAt(s, i) === 0;
}

/**
 * The frame a 为 of benefit opens (为农服务, 为民办实事, 为群众谋福祉): 为, one to six Han
 * characters (whom it serves, often a one-character short form no dictionary lists: 农, 企,
 * 侨), then the service. Source: the wording of 供销社 and 机关 reports (“为农服务”“为企服务”
 * “为民办实事”), collected by hand for this project.
 */
const BENEFIT_FRAME = /^为\p{Script=Han}{1,6}?(?:服务|办实事|谋福祉|谋福利|解难题)/u;

/**
 * Whether the doubled 为 at `i`, `i + 1` of `s` is two words: the first copy ends a verb
 * that takes 为 as its complement (转化为, 成为, 作为: a word ends at it) and the second
 * opens a frame of benefit (`转化为|为农服务`, `成为|为民办实事的`).
 */
export function verbThenBenefit(s: string, i: number): boolean {
  if (s[i] !== '为' || s[i + 1] !== '为') return false;
  return wordEndingAt(s, i) >= 2 && BENEFIT_FRAME.test(s.slice(i + 1, i + 16));
}

/** An ordinal item marker opening a clause inside a line (一是, 二是): the clause starts after it. */
const ORDINAL_IS = /[一二三四五六七八九十]是$/u;

/**
 * Whether the doubled character at `i`, `i + 1` of `s` is a noun's first character typed
 * twice where a clause opens (`。党党员干部要…`, `一是组组织党员…`): the clause starts at the
 * pair (line start, punctuation, or an ordinal 一是), the character is a noun morpheme
 * (reduplication.yaml `nouns`, so never a verb tried out on its object: 拍拍照, 握握手), its
 * pair is no word (人人, 家家, 星星 are in the lists or ICU's dictionary), the second copy
 * starts a two-character word (党员), the text read with both copies kept finds no word at
 * the character after the pair (员干: the pair cannot be a distributive `every` before a
 * verb, `组组|建立`), and the clause goes on with a word after that one (a phrase, not a
 * clipped noun alone). AABB (认认真真) never comes here: its next pair is doubled too.
 */
export function openingNounCopy(s: string, i: number): boolean {
  const opens = i === 0 || !isHanCode(s.charCodeAt(i - 1)) || (ORDINAL_IS.test(s.slice(Math.max(0, i - 2), i)) && (i < 3 || !isHanCode(s.charCodeAt(i - 3))));
  if (!opens || !reduplication.nouns.has(s[i])) return false;
  if (s[i + 2] !== undefined && s[i + 2] === s[i + 3]) return false;
  if (known(s[i] + s[i]) || !pairWord(s, i + 1)) return false;
  return wordStartingAt(s, i + 2) === 0 && wordStartingAt(s, i + 3) >= 2;
}
