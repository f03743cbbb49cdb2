/**
 * Lists of places named before 等 and a count of them (rules/model/lists.ts, read by
 * list-closed.ts): `参观了甲纪念馆、乙展示馆、丙示范区和丁示范村等三处`, `…等3个点位`; and the
 * split of a last segment at a 和/及/与 that joins two names, which the other lists of places
 * use too. Split from list-closed.ts to keep it under the project's ~400-line guideline.
 * Offsets are UTF-16 code units into `src.text`.
 */
import type { Quantity } from './quantities';
import type { EnumeratedList, ListCount, ListSource } from './lists';
import { counted } from './list-runs';
import { NAME_LIKE } from './list-closed';
import { inlineList, textsOf } from './list-inline';
import { bareName, trimmed, withoutDeng } from './list-text';

/** The words that may join the last two items of a list. */
export const CONJUNCTIONS = ['以及', '和', '及', '与'];

/**
 * The last segment of a list of places split at a 和/及/与 that joins two names
 * (`县妇幼保健院和县疾控中心` → two segments), or null when it joins none: each side must be
 * a name of at least two characters (`和平村` keeps its 和).
 */
export function splitLastName(text: string, segments: [number, number][]): [number, number][] | null {
  const [s, e] = segments[segments.length - 1];
  const last = text.slice(s, e);
  for (const w of CONJUNCTIONS) {
    const at = last.lastIndexOf(w);
    if (at < 2 || last.length - at - w.length < 2) continue;
    const left = last.slice(0, at);
    const right = last.slice(at + w.length);
    if (NAME_LIKE.test(left) && NAME_LIKE.test(bareName(right))) return [trimmed(text, s, s + at), trimmed(text, s + at + w.length, e)];
  }
  return null;
}

/** Measure words that count places by themselves, with no noun after them (`等三处`). */
const PLACE_MEASURES = ['处'];
/** Nouns of places a 个 may count right after 等 (`等3个点位`): places visited, not kinds of them. */
const PLACE_COUNTED_NOUNS = ['地方', '点位', '场馆', '景点', '站点', '教育基地', '基地'];
/** Where the opening words of a list of visited places end: a verb particle or a verb of visiting. */
const VISIT_WORDS = ['了', '过', '到', '参观', '走访', '考察', '瞻仰', '打卡', '前往', '赴'];

/**
 * `参观了甲纪念馆、乙展示馆、丙示范区和丁示范村等三处` (or `…等3个点位`): names of places
 * (short names, the last two maybe joined by 和/及/与) closed by 等 and a count of 处 with no
 * noun after it, or of 个 with a noun of places (PLACE_COUNTED_NOUNS). 等 before a count
 * often leaves some out (`甲馆、乙馆等三处`: two named of three), so the list is open: only
 * more names than the count is wrong. The first segment's opening words (the verb and its
 * subject) are dropped up to the last verb particle or visiting verb; the list is read only
 * when every name is then short (NAME_LIKE). `segments` end at the count, the last with its 等.
 */
export function placesByDeng(src: ListSource, q: Quantity, segments: [number, number][], written: string, count: (noun: string, shown: string) => ListCount): EnumeratedList | null {
  const noun = q.unit === '个' ? PLACE_COUNTED_NOUNS.find((w) => q.after.startsWith(w)) : q.after === '' && PLACE_MEASURES.includes(q.unit) ? '' : undefined;
  if (noun === undefined) return null;
  const { text } = src;
  const split = splitLastName(text, [segments[segments.length - 1]].map(([s, e]) => [s, e - 1] as [number, number]));
  const items = segments.slice();
  if (split) items.splice(items.length - 1, 1, split[0], [split[1][0], split[1][1] + 1]);
  const first = text.slice(items[0][0], items[0][1]);
  let cut = 0;
  for (const w of VISIT_WORDS) {
    const at = first.lastIndexOf(w);
    if (at >= 0) cut = Math.max(cut, at + w.length);
  }
  items[0] = [items[0][0] + cut, items[0][1]];
  const names = textsOf(text, items);
  for (let i = 0; i < names.length; i++) if (!NAME_LIKE.test(bareName(withoutDeng(names[i]).trim()))) return null;
  return counted(inlineList(src, items, names), count(noun, `${written}${noun}`), null, true);
}
