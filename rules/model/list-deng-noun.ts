/**
 * A 、-list closed by 等, its noun, then the count at the clause's end (rules/model/lists.ts,
 * read from `listBeforeCount` in list-closed.ts): `开设甲门诊、乙门诊、丙门诊等特色门诊四项`,
 * `建成甲室、乙角、丙墙等活动阵地3处`, `开通甲线、乙线等线路共计三条`. The common shape puts the
 * count before the noun (`甲队、乙队等三支队伍`, list-closed.ts); reports also write the noun
 * first and the count last, as a tally (blind44 r279 `…心理咨询门诊等特色门诊四项`, the order
 * of `打造…党建示范品牌3个` that list-closed.ts reads without 等). The 等 makes the items
 * examples: the list is open, and only more items than the
 * count is a sure miscount (`甲、乙等五项` is quiet). A 和/及/与 between two names with the
 * same head (`周末门诊和助产士门诊`) joins two items, as a 、 would.
 * Offsets are UTF-16 code units of the report text.
 */
import type { Quantity } from './quantities';
import type { EnumeratedList, ListCount, ListSource } from './lists';
import { counted } from './list-runs';
import { inlineList, textsOf } from './list-inline';
import { siblingsHoldCounts } from './list-context';
import { bareName, trimmed } from './list-text';

/** A short item: 1–12 Han characters (or a redaction), or a quoted name with a short head. */
const ITEM = /^(?:[\p{Script=Han}*×XＸ]{1,12}|“[^”]{1,12}”\p{Script=Han}{0,4})$/u;
/** The last segment's tail: 等, the list's noun (1–6 Han, no 的), an optional 共/共计 the count may not hold. */
const DENG_NOUN = /等((?:(?![的共])\p{Script=Han}){1,6})(?:共计|合计|总计|共)?$/u;
/**
 * Characters that make a word with the 等 after them (平等, 高等, 中等, 一等…): that 等 is no
 * list's close (`甲、乙、中等规模养殖场3个`).
 */
const DENG_WORD_BEFORE = '平高中初同对均优上次相何特一二三四五六头超劣低';
/**
 * Nouns of kinds or ways (方面, 领域, 渠道…): the items are kinds of what the count counts
 * (`就业、就医等方面问题3个`), not the counted things themselves.
 */
const KIND_NOUN = /^(?:方面|领域|层面|方式|形式|渠道|途径|类型|种类|类别|行业|内容|环节|门类)/u;
/** 和, 及, 与 (and 以及) joining two names inside a segment. */
const JOINS = ['以及', '和', '及', '与'];

/**
 * The list the count `q` closes as `A、B、C等<noun>N<measure>` (the count ends its clause: the
 * caller checked), or null. `segments` are the 、-segments before the count (the last one
 * ends right at it), `texts` their text, `written` the count as written. The first segment
 * may carry the clause's verb (`开设甲门诊`): it is one item all the same.
 */
export function dengNounBeforeCount(src: ListSource, q: Quantity, segments: [number, number][], texts: string[], written: string): EnumeratedList | null {
  if (q.bound !== 'exact' || segments.length < 2) return null;
  const last = texts[texts.length - 1];
  const m = DENG_NOUN.exec(last);
  if (!m) return null;
  const noun = m[1];
  if (m.index === 0 || DENG_WORD_BEFORE.includes(last[m.index - 1]) || KIND_NOUN.test(noun)) return null;
  const items = texts.slice();
  items[items.length - 1] = last.slice(0, m.index);
  const segs = segments.map(([s, e]) => [s, e] as [number, number]);
  // The last item ends with its 等 (inlineList reads a closing 等 off it: the list is open).
  segs[segs.length - 1] = [segs[segs.length - 1][0], segs[segs.length - 1][0] + m.index + 1];
  items[items.length - 1] += '等';
  for (let i = 1; i < items.length; i++) if (!ITEM.test(bareName(items[i]).trim())) return null;
  if (siblingsHoldCounts(items)) return null;
  // `周末门诊和助产士门诊`: two names with one head joined by 和 are two items.
  for (let i = items.length - 1; i >= 1; i--) {
    const split = splitJoined(src.text, segs[i]);
    if (split) segs.splice(i, 1, ...split);
  }
  const list = inlineList(src, segs, textsOf(src.text, segs));
  const count: ListCount = { start: q.start, end: q.end, value: q.value, bound: 'exact', measure: q.unit, noun, quoted: false, text: `${noun}${written}`, side: 'after' };
  return counted(list, count, null, true);
}

/**
 * The segment [s, e) of `text` split at a 和/及/与 between two names (1–8 Han each) that end
 * in the same character (`周末门诊和助产士门诊`, `甲制度和乙制度`), or null: with one head the
 * two are two things of one kind; `学习和实践` (no shared head) may be one item.
 */
function splitJoined(text: string, [s, e]: [number, number]): [number, number][] | null {
  const seg = text.slice(s, e);
  for (const w of JOINS) {
    const at = seg.indexOf(w);
    if (at < 1) continue;
    const left = seg.slice(0, at);
    const right = bareName(seg.slice(at + w.length));
    if (!/^\p{Script=Han}{2,8}$/u.test(left) || !/^\p{Script=Han}{2,8}$/u.test(right)) return null;
    if (left[left.length - 1] !== right[right.length - 1]) return null;
    return [trimmed(text, s, s + at), trimmed(text, s + at + w.length, e)];
  }
  return null;
}
