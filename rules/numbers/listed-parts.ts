/**
 * More readings of a total and its parts for total-breakdown, beside breakdowns.ts: a total
 * made of its parts ("，由…三部分构成"), what a total includes ("，包括…") and the parts of a
 * set named before them ("52名专任教师中，…"). Vocabulary: rules/data/sentence-numbers.yaml
 * (`breakdown`: remainder_words, partitions, suffix_partitions, title_levels).
 */
import { sentenceNumbers } from '../data/sentence-numbers';
import type { Quantity } from '../model/quantities';
import { isPartition, listMode } from './breakdown-mode';
import { isHanCode, isTotal, labelsOf, lastBefore, readParts } from './breakdowns';
import type { Breakdown, Part } from './breakdowns';
import { dimensionMode } from './dimensions';
import { isClauseEndChar, sentenceEnd } from './sentence';

const words = sentenceNumbers.breakdown;
const IDEOGRAPHIC_COMMA = 0x3001; // 、

/**
 * "按期换届的基层党组织68个，包括机关党委9个、党总支13个、党支部43个": what a total
 * includes, listed after `，包括` right after it (`index`: the comma's index in the line).
 * Parts that name the rest (其他…) or distinct sides of a partition (新建/改建, 党委/党总支/
 * 党支部) exhaust it; a plain 、 list may name only some of it (包括 is no 分别为): at most
 * the total; overlapping or open lists (等), each at most it.
 */
export function breakdownAfterIncludes(lineText: string, from: number, index: number, quantities: readonly Quantity[]): Breakdown | null {
  const total = lastBefore(quantities, from, from + index);
  if (!total || total.end - from !== index || !isTotal(total, lineText, from)) return null;
  const end = sentenceEnd(lineText, index + 3);
  const parts = readParts(lineText, from, index + 3, end, total, quantities, false);
  if (parts.length < 2) return null;
  const exhaustive = words.remainder.test(parts[parts.length - 1].label) || isPartition(parts) || isSuffixPartition(parts);
  if (exhaustive && lineText.charCodeAt(parts[parts.length - 1].q.end - from) !== 0x7b49 /* 等 */) return { total, parts, mode: 'sum', listed: true };
  const dimension = dimensionMode(labelsOf(parts));
  if (dimension) return { total, parts, mode: dimension, listed: true };
  const mode = listMode(parts, lineText, from, (sep) => sep === IDEOGRAPHIC_COMMA);
  return { total, parts, mode: mode === 'sum' ? 'atMost' : mode, listed: true };
}

/**
 * "47名在职党员中，有高级职称的21名、中级职称的19名、初级及以下的9名": the parts of a total
 * named as a set (`N名X中，`; `index` is the 中's index in the line, the total and at most
 * 10 Han characters of its noun right before it). Read only when the parts exhaust the set
 * or split it (other…, a partition, bands of one dimension: age, schooling, title level):
 * other subsets after such a set ("…中，35岁以下12名，女党员9名") may overlap.
 */
export function breakdownAfterSet(lineText: string, from: number, index: number, quantities: readonly Quantity[]): Breakdown | null {
  const total = lastBefore(quantities, from, from + index);
  if (!total || index - (total.end - from) > 10 || !isTotal(total, lineText, from)) return null;
  for (let i = total.end - from; i < index; i++) if (!isHanCode(lineText.charCodeAt(i))) return null;
  const parts = readParts(lineText, from, index + 2, sentenceEnd(lineText, index + 2), total, quantities, false);
  if (parts.length < 2 || lineText.charCodeAt(parts[parts.length - 1].q.end - from) === 0x7b49 /* 等 */) return null;
  if (words.remainder.test(parts[parts.length - 1].label) || isPartition(parts)) return { total, parts, mode: 'sum', listed: true };
  const dimension = dimensionMode(labelsOf(parts));
  if (dimension) return { total, parts, mode: dimension, listed: true };
  // "76期预警信号中，有暴雨预警31期、雷电预警24期…": 有 opening a 、 run of kinds lists the
  // set as 其中 does (listMode: no attribute words, no 等); a few notable kinds that cover
  // less than half the set are still only held under it (total-breakdown.ts judge).
  if (lineText.charCodeAt(index + 2) === 0x6709 /* 有 */ && listMode(parts, lineText, from, (sep) => sep === IDEOGRAPHIC_COMMA) === 'sum') return { total, parts, mode: 'sum', listed: true };
  // "12支党员突击队中，春运保障7支、防洪抢险4支、设备整治3支": a 、 run of kinds named by
  // short nouns (no verb, no attribute word, no 的, no 等) sorts the set; it may leave some
  // unnamed, so the kinds are held to no more than the set. A verb in a label (参加培训120名、
  // 参与志愿服务98名) counts what members did, which may overlap: not read.
  if (parts.every(kindLabel) && listMode(parts, lineText, from, (sep) => sep === IDEOGRAPHIC_COMMA) === 'sum') return { total, parts, mode: 'atMost', listed: true };
  return null;
}

/** A label of 2–6 Han characters with no 的 and no verb of words.verbs: the name of a kind. */
function kindLabel(p: Part): boolean {
  return /^\p{Script=Han}{2,6}$/u.test(p.label) && !p.label.includes('的') && !words.verbs.test(p.label);
}

/** Parts whose labels end in distinct words of one suffix partition (机关党委…，党总支…，党支部…). */
export function isSuffixPartition(parts: readonly Part[]): boolean {
  for (const set of words.suffixPartitions) {
    const seen: string[] = [];
    for (const p of parts) {
      const label = p.label.endsWith('的') ? p.label.slice(0, -1) : p.label;
      let found = '';
      for (const word of set) if (label.endsWith(word) && word.length > found.length) found = word;
      if (!found || seen.includes(found)) break;
      seen.push(found);
    }
    if (seen.length === parts.length) return true;
  }
  return false;
}

/** What closes a list of what a total is made of: `（共同）构成`, `四部分组成`, `3类组成`. */
const COMPOSED_END = /(?:[一二两三四五六七八九十\d]{1,2}(?:个|大)?(?:部分|项|类|块|方面|种))?(?:共同)?(?:构成|组成)$/u;

/**
 * "村集体经济收入86.4万元，由A32.5万元、B18.6万元…四部分构成": what the total is made of,
 * listed between `，由` right after it and `构成`/`组成` closing the clause, exhausts it.
 * `index` is the comma's index in the line. Null without the closing verb (`，由32万元提高到`
 * is a change) or with fewer than two parts.
 */
export function composedOf(lineText: string, from: number, index: number, quantities: readonly Quantity[]): Breakdown | null {
  const total = lastBefore(quantities, from, from + index);
  if (!total || total.end - from !== index || !isTotal(total, lineText, from)) return null;
  let end = index + 2;
  while (end < lineText.length && end - index < 200 && !isClauseEndChar(lineText.charCodeAt(end))) end++;
  const close = COMPOSED_END.exec(lineText.slice(index + 2, end));
  if (!close) return null;
  const parts = readParts(lineText, from, index + 2, end - close[0].length, total, quantities, true);
  return parts.length >= 2 ? { total, parts, mode: 'sum', listed: true } : null;
}
