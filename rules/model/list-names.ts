/**
 * Numbers next to a list that are not the count closing it (rules/model/list-closed.ts): a
 * place list's own count (`北京三地`) before another count, and a numeral with its measure word
 * inside the last item's name (`嵩山五家疃村`).
 */
import { listsData as vocab } from '../data/lists';
import { chineseNumeralValue } from './numerals';
import { withoutDeng } from './list-text';

const PLACE_NOUNS = vocab.placeNouns.filter((w) => /^[\p{Script=Han}]+$/u.test(w));

/** A name, then a count of its own (`北京三地`, `城区两县`): a Chinese numeral (2 or more) and one Han character. */
const OWN_COUNT_END = /\p{Script=Han}[一二两三四五六七八九十]{1,3}\p{Script=Han}$/u;

/**
 * Whether the last item before a count ends with a count of its own (`青岛、东营、北京三地26个
 * …支部书记`): the list is closed by that count, and the number right after it counts
 * another noun (what those places hold), not the items.
 */
export function ownCountBefore(last: string): boolean {
  const m = OWN_COUNT_END.exec(last);
  return m !== null && chineseNumeralValue(m[0].slice(1, -1)) >= 2;
}

/**
 * Whether the "count" lies inside the last item's name (`甲村、嵩山五家疃村`, `东屯、西沟三家子屯`):
 * every earlier item ends with one Han character the last segment lacks, and that character
 * follows the measure word after one or two characters (`家疃村`), no 等 between. Village names often hold a
 * numeral and 家/里/道 (五家疃, 八里庄); the segment before the numeral is then no item.
 *
 * @param texts the segments before the count, as written
 * @param after the words right after the count's measure word (Quantity.after)
 */
export function countInsideName(texts: readonly string[], after: string): boolean {
  if (texts.length < 2) return false;
  const end = withoutDeng(texts[0]).trim().slice(-1);
  const last = texts[texts.length - 1].trim();
  // `甲村、乙等3个村`: a closing 等 puts the count after the items.
  if (!/^\p{Script=Han}$/u.test(end) || last.endsWith(end) || last.endsWith('等')) return false;
  for (let i = 1; i < texts.length - 1; i++) if (!withoutDeng(texts[i]).trim().endsWith(end)) return false;
  // At least one character of the name between the measure word and its ending: `2个村` is a count of villages.
  const at = after.indexOf(end);
  // `南岭3个行政村`: a place noun (lists.yaml place_nouns) after the measure word is what is counted.
  return at >= 1 && at <= 2 && /^\p{Script=Han}*$/u.test(after.slice(0, at)) && !PLACE_NOUNS.includes(after.slice(0, at + 1));
}

/**
 * Whether a 、-list right before a count names the owners of what it counts, not the items
 * (`听取审议国务院、最高人民法院、最高人民检察院17个工作报告`): the counted noun is a thing
 * bodies submit or issue (lists.yaml submitted_nouns: 报告, 议案…) and every item ends as a
 * body's name does (body_endings: 院, 部, 委…). `texts` are the list's segments (the first
 * may carry the clause's verb), `noun` the counted noun.
 */
export function ownersOfCounted(texts: readonly string[], noun: string): boolean {
  if (!vocab.submittedNouns.some((w) => noun.endsWith(w))) return false;
  return texts.every((t) => {
    const name = withoutDeng(t).trim();
    return vocab.bodyEndings.some((w) => name.endsWith(w));
  });
}
