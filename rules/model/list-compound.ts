/**
 * Compound count tags expanded in a bracket (rules/model/lists.ts, read by list-finder.ts):
 * `“一网两微三端”传播矩阵（门户网站，微信公众号、微博，客户端、视频号、抖音号）`,
 * `“三亮三比三评”（亮身份、亮承诺、亮业绩，比服务…，评先锋…）`. The tag is two to four
 * pieces, each a numeral and a word of one or two characters; its count is the sum of the
 * numerals, or the numeral once where every piece has the same one and every item shows every
 * word (`“三联三帮”（联学帮思想、联建帮组织、…）`). The bracket is read one of two ways, only when it fits:
 * - one group per piece, the groups set apart by ，/；, each a 、-list (or holding a count of
 *   its own: `城关、青峰两个乡镇工作站`) of as many items as the piece's numeral;
 * - else every item (split at ，；、) opens with one piece's word (`坚持…，发挥…；坚持…，发挥…`).
 * A group one item short that holds 和/及/与 may have joined two: no reading. After an
 * introducer (`，即`, `：`, `——`) instead of a bracket, the items run up to the first clause
 * that opens with none of the words (`“三亮三比”，即亮A、亮B、亮C，比D、比E，在…`): each item
 * opens with one piece's word, the pieces' items in the tag's order. Offsets are
 * UTF-16 code units into `src.text`.
 */
import { listsData as vocab } from '../data/lists';
import { chineseNumeralValue } from './numerals';
import type { EnumeratedList, ListCount, ListItem, ListSource } from './lists';
import { newList } from './list-runs';

const NUMERALS = '一二两三四五六七八九十';
/** A quoted tag of two to four numeral + word pieces (the words' characters no numerals). */
const TAG = new RegExp(`“((?:[${NUMERALS}][^${NUMERALS}“”\\s\\d]{1,2}){2,4})”`, 'gu');
/** A count inside a group: `两个`, `3家`. */
const GROUP_COUNT = new RegExp(`([${NUMERALS}]|\\d{1,2})(?:个|家|处|间|座|所|支)`, 'u');

interface Piece {
  value: number;
  word: string;
}

/** Every compound tag with a bracket that reads as its expansion, as a counted list. */
export function compoundTagLists(src: ListSource): EnumeratedList[] {
  const { text } = src;
  const out: EnumeratedList[] = [];
  TAG.lastIndex = 0;
  for (let m = TAG.exec(text); m; m = TAG.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (src.opaque.overlaps(start, end)) continue;
    const pieces = piecesOf(m[1]);
    if (!pieces) continue;
    // A short name may stand between the tag and its bracket: “一网两微三端”传播矩阵（…）.
    let at = end;
    while (at < text.length && at - end <= vocab.sloganNounsMax && /\p{Script=Han}/u.test(text[at])) at++;
    let found: { items: ListItem[]; total: number } | null = null;
    if (text[at] === '（' || text[at] === '(') {
      const close = closingBracket(text, at);
      if (close >= 0) found = readBracket(text, at + 1, close, pieces);
    } else {
      // “三亮三比”活动，即亮身份、亮承诺、亮实绩，比技能、比贡献，…: the items after an introducer.
      const from = introducedAt(text, at);
      const lineEnd = src.lines.end(src.lines.lineAt(start));
      if (from >= 0) found = readIntroduced(text, from, lineEnd, pieces) ?? readEnding(text, from, lineEnd, pieces);
    }
    if (!found) continue;
    // “三联三帮”（联学帮思想、联建帮组织、联创帮发展）: one numeral before each word and every
    // item showing every word is the paired reading (list-slogans.ts), which counts the numeral
    // once: three items, not six.
    const paired = pieces.every((p) => p.value === pieces[0].value) && found.items.every((i) => pieces.every((p) => i.text.includes(p.word)));
    const value = paired ? pieces[0].value : pieces.reduce((sum, p) => sum + p.value, 0);
    const line = src.lines.lineAt(start);
    const count: ListCount = { start, end, value, bound: 'exact', measure: '', noun: '', quoted: true, text: m[0], side: 'before' };
    const list = newList('inline', line, found.items, { distinct: found.total, count });
    out.push(list);
  }
  return out;
}

/** The pieces of a tag's inner text (`一网两微三端` → 1 网, 2 微, 3 端), or null. */
function piecesOf(inner: string): Piece[] | null {
  const pieces: Piece[] = [];
  for (let i = 0; i < inner.length; ) {
    let j = i + 1;
    while (j < inner.length && !NUMERALS.includes(inner[j])) j++;
    const value = chineseNumeralValue(inner[i]);
    if (value < 1) return null;
    pieces.push({ value, word: inner.slice(i + 1, j) });
    i = j;
  }
  // Words of one length throughout (亮/比/评, 坚持/发挥): a compressed list, not a phrase.
  return pieces.length >= 2 && pieces.every((p) => p.word.length === pieces[0].word.length) ? pieces : null;
}

/** The index of the bracket closing the one opened at `open`, on its line, or -1. */
function closingBracket(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length && i - open < 300; i++) {
    const c = text[i];
    if (c === '\n') return -1;
    if (c === '（' || c === '(') depth++;
    else if ((c === '）' || c === ')') && --depth === 0) return i;
  }
  return -1;
}

/** Splits `text[from, to)` at any of `marks`, outside quotes: the parts' spans, trimmed of nothing. */
function split(text: string, from: number, to: number, marks: string): [number, number][] {
  const parts: [number, number][] = [];
  let start = from;
  let quoted = false;
  for (let i = from; i < to; i++) {
    const c = text[i];
    if (c === '“') quoted = true;
    else if (c === '”') quoted = false;
    else if (!quoted && marks.includes(c)) {
      parts.push([start, i]);
      start = i + 1;
    }
  }
  parts.push([start, to]);
  return parts;
}

/** The bracket's items and how many they count, by one of the two readings, or null. */
function readBracket(text: string, from: number, to: number, pieces: Piece[]): { items: ListItem[]; total: number } | null {
  const groups = split(text, from, to, '，,；;');
  const item = ([s, e]: [number, number]): ListItem => ({ start: s, end: e, text: text.slice(s, e).trim() });
  if (groups.length === pieces.length) {
    const items: ListItem[] = [];
    let total = 0;
    for (let g = 0; g < groups.length; g++) {
      const parts = split(text, groups[g][0], groups[g][1], '、');
      if (parts.some(([s, e]) => text.slice(s, e).trim() === '')) return null;
      const own = GROUP_COUNT.exec(text.slice(groups[g][0], groups[g][1]));
      const n = own ? Number(own[1]) || chineseNumeralValue(own[1]) : parts.length;
      if (n === pieces[g].value - 1 && /[和及与]/u.test(text.slice(parts[parts.length - 1][0], parts[parts.length - 1][1]))) return null;
      total += n;
      items.push(...parts.map(item));
    }
    return { items, total };
  }
  const parts = split(text, from, to, '，,；;、');
  for (const [s, e] of parts) {
    const t = text.slice(s, e).trim();
    if (!pieces.some((p) => t.startsWith(p.word))) return null;
  }
  return { items: parts.map(item), total: parts.length };
}

/** Introducers after a tag (and its short name) that open its items: the offset after one at `at`, or -1. */
function introducedAt(text: string, at: number): number {
  for (const w of ['，即：', '，即', '：即', '即：', '：', ':', '——']) {
    if (!text.startsWith(w, at)) continue;
    const from = at + w.length;
    // 即将, 即使: another word.
    return w.endsWith('即') && vocab.notAfterJi.includes(text[from]) ? -1 : from;
  }
  return -1;
}

/**
 * The items after a tag's introducer, from `from` up to the sentence's end (。！？ or
 * `lineEnd`, at most 200 code units): parts split at ，、； outside quotes, each opening with
 * one piece's word, the pieces in the tag's order, every piece shown. The run ends at the
 * first part that opens with no word, which must follow a ，/； (after a 、 it would be an
 * item: the list is then undecidable). Null when the parts do not read so, or when an
 * item shows every word (`赛服务创满意`: the paired reading, list-slogans.ts).
 */
function readIntroduced(text: string, from: number, lineEnd: number, pieces: Piece[]): { items: ListItem[]; total: number } | null {
  let to = from;
  const limit = Math.min(lineEnd, from + 200);
  while (to < limit && !'。！？!?\n'.includes(text[to])) to++;
  const items: ListItem[] = [];
  let piece = 0;
  const seen = new Set<number>();
  for (const [s, e] of split(text, from, to, '，,、；;')) {
    const t = text.slice(s, e).trim();
    const k = pieces.findIndex((p) => t.startsWith(p.word));
    if (k < 0) {
      if (items.length === 0 || !'，,；;'.includes(text[s - 1])) return null;
      break;
    }
    if (k < piece || pieces.every((p) => t.includes(p.word))) return null;
    piece = k;
    seen.add(k);
    items.push({ start: s, end: e, text: t });
  }
  return seen.size === pieces.length ? { items, total: items.length } : null;
}

/**
 * `“一中心两基地”，即党群服务中心、党员教育基地、实践基地`: after an introducer, a 、-list up to
 * the first comma whose items each END with one piece's word (the tag names places and bodies
 * by their kind), the pieces in the tag's order and every piece shown. Null when an item ends
 * with none, one holds every word, or the clause after the comma ends with a piece's word too
 * (one more item written loosely: the list's end is undecidable).
 */
function readEnding(text: string, from: number, lineEnd: number, pieces: Piece[]): { items: ListItem[]; total: number } | null {
  let to = from;
  const limit = Math.min(lineEnd, from + 200);
  while (to < limit && !'。！？!?；;\n'.includes(text[to])) to++;
  const clauses = split(text, from, to, '，,');
  if (clauses.length === 0) return null;
  const endsWith = (t: string) => pieces.findIndex((p) => t.endsWith(p.word));
  if (clauses.length > 1) {
    const [s, e] = clauses[1];
    if (endsWith(text.slice(s, e).trim()) >= 0) return null;
  }
  const items: ListItem[] = [];
  let piece = 0;
  const seen = new Set<number>();
  for (const [s, e] of split(text, clauses[0][0], clauses[0][1], '、')) {
    const t = text.slice(s, e).trim();
    const k = endsWith(t);
    if (k < 0 || k < piece || pieces.every((p) => t.includes(p.word))) return null;
    piece = k;
    seen.add(k);
    items.push({ start: s, end: e, text: t });
  }
  return items.length >= 2 && seen.size === pieces.length ? { items, total: items.length } : null;
}
