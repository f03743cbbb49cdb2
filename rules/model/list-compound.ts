/**
 * Compound count tags expanded in a bracket (rules/model/lists.ts, read by list-finder.ts):
 * `“一网两微三端”传播矩阵（门户网站，微信公众号、微博，客户端、视频号、抖音号）`,
 * `“三亮三比三评”（亮身份、亮承诺、亮业绩，比服务…，评先锋…）`. The tag is two to four
 * pieces, each a numeral and a word of one or two characters; its count is the sum of the
 * numerals. The bracket is read one of two ways, only when it fits:
 * - one group per piece, the groups set apart by ，/；, each a 、-list (or holding a count of
 *   its own: `城关、青峰两个乡镇工作站`) of as many items as the piece's numeral;
 * - else every item (split at ，；、) opens with one piece's word (`坚持…，发挥…；坚持…，发挥…`).
 * A group one item short that holds 和/及/与 may have joined two: no reading. Offsets are
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
    if (text[at] !== '（' && text[at] !== '(') continue;
    const close = closingBracket(text, at);
    if (close < 0) continue;
    const found = readBracket(text, at + 1, close, pieces);
    if (!found) continue;
    const value = pieces.reduce((sum, p) => sum + p.value, 0);
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
