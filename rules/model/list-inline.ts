/**
 * Inline lists as the list grammar builds them (rules/model/lists.ts): segments and their
 * texts made into an `EnumeratedList` (separators, a closing 等, a last 和, distinct and
 * ranged items: `inlineList`), the quoted or titled names right before a count
 * (`quotedListBefore`, `quotedRunBefore`), a range item's span (`第一至第五…`) and the noun
 * shown for a closing count, and when a closing 等 ends a list with one item dropped
 * (`dengOneShort`). Offsets are UTF-16 code units into `src.text`.
 */
import { listsData as vocab } from '../data/lists';
import type { EnumeratedList, ListItem, ListSource } from './lists';
import { chineseNumeralValue } from './numerals';
import { newList } from './list-runs';
import { CONJUNCTIONS } from './list-visited';
import { commonTail } from './list-heads';
import { CLAUSE_MARK, charKind, closingDeng, isRedacted, LIST_COMMA, splitAt, trimmed, withoutAsides, withoutDeng } from './list-text';

/** The 、-list inside the quotes that close right before `pos` (at most 60 characters back). */
export function quotedListBefore(text: string, pos: number, lineStart: number): { segments: [number, number][]; texts: string[] } | null {
  const open = text.lastIndexOf('“', pos - 2);
  if (open < lineStart || pos - open > 60) return null;
  const segments = splitAt(text, open + 1, pos - 1, '、');
  return segments.length < 2 ? null : { segments, texts: textsOf(text, segments) };
}

/** Longest quoted name (code units, quotes included) in a run of quoted names. */
const MAX_QUOTED = 14;
/** Longest title (code units, 书名号 included) in a run of titles. */
const MAX_TITLED = 32;

/**
 * The items of a run of two or more quoted names (`“晨读”“夜学”“周讲”`) or titles
 * (`《甲办法》《乙规定》`) that ends right at `pos`, one kind of mark throughout, as segments
 * quotes included; null when there is no such run, when an item holds a clause or list mark
 * (a quotation, not a name), or when a 、 or a conjunction stands right before the run
 * (`“甲”、“乙”“丙”`: the run would be only part of the list).
 */
export function quotedRunBefore(text: string, pos: number, lineStart: number): [number, number][] | null {
  const closer = text.charCodeAt(pos - 1);
  const opener = closer === 0x201d ? '“' : closer === 0x300b ? '《' : '';
  if (opener === '') return null;
  const max = opener === '“' ? MAX_QUOTED : MAX_TITLED;
  const run: [number, number][] = [];
  let end = pos;
  while (end > lineStart && text.charCodeAt(end - 1) === closer) {
    const open = text.lastIndexOf(opener, end - 2);
    if (open < lineStart || end - open > max) return null;
    for (let i = open + 1; i < end - 1; i++) {
      const kind = charKind(text.charCodeAt(i));
      if (kind === CLAUSE_MARK || kind === LIST_COMMA || text.charCodeAt(i) === closer) return null;
    }
    run.unshift([open, end]);
    end = open;
  }
  if (run.length < 2) return null;
  const before = end > lineStart ? text[end - 1] : '';
  if (before === '、' || before === '和' || before === '及' || before === '与' || before === '或') return null;
  return run;
}

/** The text of each segment. */
export function textsOf(text: string, segments: readonly [number, number][]): string[] {
  return segments.map(([s, e]) => text.slice(s, e));
}

/**
 * An inline list from its segments and the items' texts (which may differ from the
 * segments' text: a verb or noun taken off). With `conjunctionLast`, a 和/及/与 in the last
 * item (outside quotes and brackets) is recorded as a possible last separator, unless every
 * item joins two parts by one before the items' common tail (then it is part of each item's
 * frame: `A与B结合、C与D结合`; `framedByConjunction`).
 */
export function inlineList(src: ListSource, segments: [number, number][], texts: string[], conjunctionLast = false): EnumeratedList {
  const { text } = src;
  const items: ListItem[] = segments.map(([start, end], i) => ({ start, end, text: texts[i].trim() }));
  const separators: EnumeratedList['separators'] = [];
  for (let i = 0; i + 1 < segments.length; i++) {
    const [s, e] = trimmed(text, segments[i][1], segments[i + 1][0]);
    separators.push({ start: s, end: e, text: text.slice(s, e) });
  }
  const names = new Set<string>();
  let distinct = 0;
  let ranged = 0;
  for (const t of texts) {
    const name = withoutDeng(t).trim();
    if (isRedacted(name) || !names.has(name)) distinct++;
    names.add(name);
    ranged += rangeSpan(name) - 1;
  }
  const lastSegment = segments[segments.length - 1];
  const deng = closingDeng(texts[texts.length - 1]);
  const closing = deng > 0 ? { start: lastSegment[1] - deng, end: lastSegment[1] } : null;
  let conjunction: EnumeratedList['conjunction'] = null;
  // Every item joining two parts by 和/及/与 before the items' common tail (`政治与业务结合、
  // 党建与队建结合`): the word belongs to the items' shared frame, so the last item's is no
  // separator either. A conjunction character inside a word (参与, 和谐, 及时) is no frame.
  const bareOf = (t: string) => withoutAsides(t).replace(/“[^”]*”/gu, '');
  const framed = texts.length > 1 && framedByConjunction(texts.map((t) => withoutDeng(bareOf(t)).trim()));
  if (conjunctionLast && !framed) {
    const bare = bareOf(texts[texts.length - 1]);
    const word = CONJUNCTIONS.find((w) => bare.includes(w));
    if (word) {
      const at = text.indexOf(word, lastSegment[0]);
      conjunction = { start: at, end: at + word.length };
    }
  }
  return newList('inline', src.lines.lineAt(segments[0][0]), items, { separators, closing, open: closing !== null, conjunction, distinct, ranged: Math.max(0, ranged) });
}

/**
 * Whether every item (`bares`: asides, quotes and a closing 等 taken off) joins two parts by
 * 和/及/与 in one frame: the items share a tail of two Han characters or more (`结合` of
 * A与B结合、C与D结合) and each has a conjunction after its first character and before that
 * tail. Items that merely hold such a character (村民参与议事厅、和谐邻里中心) share no frame.
 */
function framedByConjunction(bares: readonly string[]): boolean {
  let tail = bares[0];
  for (const t of bares) tail = commonTail(tail, t);
  if (!/^\p{Script=Han}{2,}$/u.test(tail)) return false;
  return bares.every((t) => CONJUNCTIONS.some((w) => {
    const at = t.indexOf(w, 1);
    return at > 0 && at + w.length <= t.length - tail.length;
  }));
}

/**
 * Whether the last item's text `last` is two items joined by 以及/和/及/与, each showing the
 * announcement's shape (`法律效果和社会效果` before “三个效果”): that conjunction is then the
 * list's last separator, as `inlineList`'s `conjunctionLast` records it.
 */
export function joinsShapedPair(last: string, shape: (itemText: string) => boolean): boolean {
  const bare = last.replace(/“[^”]*”/gu, '');
  for (const w of CONJUNCTIONS) {
    const at = bare.indexOf(w);
    if (at > 0 && shape(bare.slice(0, at)) && shape(bare.slice(at + w.length))) return true;
  }
  return false;
}

/** `第一至第五检察部党支部`, `第1至第3党小组`: ordinals from one to another, then a name. */
const RANGE_ITEM = /^第([一二三四五六七八九十]{1,3}|\d{1,2})(?:至|到|～|~|—)第?([一二三四五六七八九十]{1,3}|\d{1,2})(?=\p{Script=Han})/u;

/**
 * How many bodies a range item names if read as its span (`第一至第五检察部党支部` → 5): the
 * ordinals of both ends, from 2 to 20 apart; 1 for any other item.
 */
export function rangeSpan(item: string): number {
  const m = RANGE_ITEM.exec(item);
  if (!m) return 1;
  const value = (v: string) => (/\d/u.test(v) ? Number(v) : chineseNumeralValue(v));
  const span = value(m[2]) - value(m[1]) + 1;
  return span >= 2 && span <= 20 ? span : 1;
}

/**
 * The noun after a count that closes a list, as far as it can be told from the words that
 * follow (`队伍`, `骨干队伍`; of `环节开展活动` only `环节`): a run longer than four
 * characters is the noun and the verb after it, of which the first two are shown.
 */
export function shownNoun(han: string): string {
  return han.length > 4 ? han.slice(0, 2) : han;
}

/**
 * Whether an open inline list closed by a single 等 before its count names every item but
 * one (`道路交通、危化品、燃气等四个领域`): its 等 then closes the list (等 煞尾) and the
 * dropped item is a miscount, not examples. Writers who give examples name far fewer than
 * the count (`东城、西城、南城、北城等12个街道`, `化肥、农药等五类`); all but one, with three or
 * more named, is the slip (lists.yaml `deng_open_nouns` has the evidence). Not for 等等
 * (plainly "and so on"), two items (`甲、乙等三项`: too few to tell), personal names or
 * counts of people (`张某、李某、王某等4名党员` names some of a group), kinds of people
 * (`deng_open_nouns`), a range item, or an item holding 和/及/与 (it may be two items).
 */
export function dengOneShort(text: string, list: EnumeratedList): boolean {
  const { count, closing } = list;
  if (!count || count.side !== 'after' || !list.open || !closing || list.form !== 'inline') return false;
  if (closing.end - closing.start !== 1 || list.distinct < 3 || count.value !== list.distinct + 1 || list.ranged > 0) return false;
  if (list.introducer !== null || vocab.peopleUnits.includes(count.measure)) return false;
  const noun = text.slice(count.end, count.end + 6);
  if (vocab.dengOpenNouns.some((w) => count.noun.startsWith(w) || count.noun.endsWith(w) || noun.startsWith(w))) return false;
  for (const item of list.items) {
    const bare = withoutAsides(item.text).replace(/“[^”]*”/gu, '');
    if (CONJUNCTIONS.some((w) => bare.includes(w))) return false;
  }
  return true;
}
