/**
 * duplicate-char's verdict on a noun's first copy stranded before the word the second copy
 * opens (会员|企|企业, 以|党|党风): `strandedFirstCopy`, the mirror of duplicate-slips.ts
 * `strandedCopy`, with the readings of what stands right before the pair (a preposition or
 * a verb taking its object bare, a unit's short name) that let the first copy stand alone.
 * Offsets are UTF-16 code units of line `s`; the pair is at `i`, `i + 1`. As every verdict of
 * duplicate-slips.ts, it answers false on any doubt (a warning on correct text costs more
 * than a missed slip) and makes ICU's segmenter only after the cheap list tests pass.
 */
import { reduplication } from '../data/reduplication';
import { isHanCode } from '../model/script';
import { chineseSegmenter } from '../model/segmenter';
import { mergedReadsBetter, pairWord, segmentationFrom, wordCovers, wordEndingAt, wordHolds, wordStartingAt } from './duplicate-words';

/**
 * The mirror of `strandedCopy`: a word ending right before the pair, a word starting at the
 * second copy, and the first copy alone between them: 会员|企|企业. Only for a character that
 * is a noun (rules/data/reduplication.yaml `nouns`): a verb doubled before its object is a
 * verb tried out (大家|帮帮忙, 回家|洗洗澡), whose shape this is too. Quiet where the text
 * after the pair forms a word (经常|照照|镜子: a verb tried out on a noun) and where the
 * clause does not read better with one copy dropped, and where the word after is the noun's
 * measured property (出厂|水|水质: rules/data/reduplication.yaml `attributes`), the first copy
 * ending a name of the substance (出厂水, the water leaving the plant). Where no word ends
 * right before the pair, the character there must stand as a word of its own: a preposition
 * (以|党|党风), a verb of causing (让|党|党员) or a unit's short name (局|党|党组,
 * `unitAbbreviation`); any other may make a word with the first copy that the lists lack.
 */
export function strandedFirstCopy(s: string, i: number): boolean {
  // (The cheap tests first: the segmenter is made only for a line that needs it.)
  if (!reduplication.nouns.has(s[i]) || !isHanCode(s.charCodeAt(i - 1)) || chineseSegmenter() === null) return false;
  // 出厂|水|水质: a name of the substance ending in its noun, then the noun's property.
  if (reduplication.attributes.has(s[i + 2])) return false;
  if (wordHolds(s, i) || wordCovers(s, i) || wordCovers(s, i + 1)) return false;
  if (s.charCodeAt(i + 2) === s.charCodeAt(i + 3) || (i >= 2 && s.charCodeAt(i - 2) === s.charCodeAt(i - 1))) return false;
  // 的 closes the modifier before it (有的|党|党员, 新入职的|党|党员), as a word would: the
  // segmenter reads 有的 or 职的 as no word, but nothing of the modifier runs on past 的.
  const preposition = wordEndingAt(s, i - 1) === 0 && s[i - 1] !== '的';
  if ((preposition && !standalonePreposition(s, i - 1) && !unitAbbreviation(s, i - 1)) || wordEndingAt(s, i) > 0 || wordStartingAt(s, i + 1) === 0) return false;
  // A word after the pair leaves the second copy alone before it, unless the second copy
  // opens the better reading: the text reads better from it (企业|党|党建|工作, where from
  // the character after it 建工|作 leaves a character alone), or as well, with a longer word
  // holding the one after (机关|党|党组织 ⊃ 组织).
  const after = wordStartingAt(s, i + 2);
  // After a preposition the first copy is its object or nothing: a word at the second copy
  // at least as long as the one after it (以|党|党风|带 beside 风带) is the object's reading.
  if (after > 0 && !(preposition && wordStartingAt(s, i + 1) >= after)) {
    const fromSecond = segmentationFrom(s, i + 1, i + 2);
    const fromNext = segmentationFrom(s, i + 2, i + 2);
    if (fromNext < fromSecond || (fromNext === fromSecond && wordStartingAt(s, i + 1) <= after)) return false;
  }
  return mergedReadsBetter(s, i);
}

/**
 * Whether `s[k]` is a one-character preposition standing as a word of its own (坚持|以|党党风,
 * `，把党党建`), or a verb taking its noun object bare (抓|党党建: rules/data/reduplication.yaml
 * `object_verbs`): a word ends right before it or no Han text does; or a verb of causing (让,
 * 使: rules/data/reduplication.yaml `pivots`) standing anywhere. It then closes the text
 * before the pair as a word would (rules/data/reduplication.yaml `prepositions`).
 */
function standalonePreposition(s: string, k: number): boolean {
  // A verb of causing (让|党|党员身份看得见, 要使|党|党员): the caller found no word ending
  // at it, and none of these makes one with a noun after it, so the noun is its object
  // whatever stands before (an adverb: 都让, 要使).
  if (k >= 0 && reduplication.pivots.has(s[k])) return true;
  // A verb taking its noun object bare (抓|党建, 促|发展: `object_verbs`) stands as a preposition
  // does; the caller found no word ending at it (管党, 建党 are words, so 管党|党建 is quiet).
  if (k < 0 || !(reduplication.prepositions.has(s[k]) || reduplication.objectVerbs.has(s[k]))) return false;
  return !isHanCode(s.charCodeAt(k - 1)) || wordEndingAt(s, k - 1) > 0;
}

/**
 * Whether `s[k]` is a unit's one-character short name standing as a word of its own before a
 * Party body (局|党组, 院|党委, 校|党总支: rules/data/reduplication.yaml `unit_abbreviations`):
 * it opens the clause (no Han text before it), follows a word that points at the unit
 * (我局, 本院, 该校: `unit_pointers`), or closes a unit's name after a word (交通运输|局). It then closes the text before the pair as a word
 * would, so a noun doubled after it (局党党组) has its first copy stranded. Quiet where the
 * short name and the first copy make a word (乡党, fellow villagers), so a word the
 * dictionary knows across them is never cut.
 */
function unitAbbreviation(s: string, k: number): boolean {
  if (k < 0 || !reduplication.unitAbbreviations.has(s[k])) return false;
  // Opening the clause, after a pointer (我局), or closing a unit's name after its words
  // (交通运输|局, 人民|院): a name too long for the word lists ends in it.
  const before = s.charCodeAt(k - 1);
  if (isHanCode(before) && !reduplication.unitPointers.has(s[k - 1]) && wordEndingAt(s, k - 1) < 2) return false;
  return !pairWord(s, k);
}
