/**
 * Character-level helpers of the list grammar (rules/model/lists.ts): where the items of a
 * clause begin and end, read from the text by code unit. Brackets and quotes keep what they
 * hold inside one item (`“学、讲、做”`, `镇靖村（“六微”逐梦）`). Every scan is bounded
 * (MAX_BACK, MAX_REACH), so the list pass stays linear on a long single-line report.
 * Offsets are UTF-16 code units; segments are `[start, end)` pairs, trimmed of white space.
 */
import { isSpace } from './script';

/** The farthest a list is read back from its count (UTF-16 units). */
export const MAX_BACK = 200;
/** The farthest a list is read forward from its introducer (UTF-16 units). */
export const MAX_REACH = 500;

export const OPEN = '（(“‘《【〔';
export const CLOSE = '）)”’》】〕';
/** Clause marks: a list's items stop at them (、 joins items, it is no clause mark). */
const CLAUSE_MARKS = '，,。；;：:！？!?';

// What a character is to the scanners, by UTF-16 code unit: one typed-array read per
// character. The table covers the units below U+3040 and the full-width forms, where every
// such character lies; a Han character is settled by a comparison (see charKind).
export const OTHER = 0;
export const OPENER = 1;
export const CLOSER = 2;
export const CLAUSE_MARK = 3;
export const LIST_COMMA = 4;
export const DIGIT = 5;
const LOW_KIND = new Uint8Array(0x3040);
const WIDE_KIND = new Uint8Array(0x100);

/** The scanner class of code unit `c`: OTHER, OPENER, CLOSER, CLAUSE_MARK, LIST_COMMA, DIGIT… */
export function charKind(c: number): number {
  return c < 0x3040 ? LOW_KIND[c] : c >= 0xff00 ? WIDE_KIND[c - 0xff00] : OTHER;
}
function setKind(chars: string, kind: number): void {
  for (const ch of chars) {
    const c = ch.charCodeAt(0);
    if (c < 0x3040) LOW_KIND[c] = kind;
    else if (c >= 0xff00) WIDE_KIND[c - 0xff00] = kind;
    else throw new Error(`list-text: ${ch} lies outside the ranges charKind reads`);
  }
}
setKind(OPEN, OPENER);
setKind(CLOSE, CLOSER);
setKind(CLAUSE_MARKS, CLAUSE_MARK);
setKind('、', LIST_COMMA);
setKind('0123456789', DIGIT);

/** Whether code unit `c` ends a sentence: 。！？!? */
export function isSentenceEnd(c: number): boolean {
  return c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0x21 || c === 0x3f;
}

/** Whether code unit `c` ends an item's first clause: 。；;！？ */
export function isClauseStop(c: number): boolean {
  return c === 0x3002 /* 。 */ || c === 0xff1b /* ； */ || c === 0x3b /* ; */ || c === 0xff01 /* ！ */ || c === 0xff1f; /* ？ */
}

/** `[s, e)` without the white space at either end. */
export function trimmed(text: string, s: number, e: number): [number, number] {
  while (s < e && isSpace(text.charCodeAt(s))) s++;
  while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
  return [s, e];
}

/**
 * The 、-separated segments of the clause that ends at `pos`, found walking back: to the
 * last clause mark (，。；：！？) or unmatched opening bracket at depth 0. With `afterDigit`,
 * the list starts after the nearest segment holding a digit (`品牌2个、示范点1个`: the
 * second count has a list of its own). Looks back at most MAX_BACK characters, never past
 * `lineStart`; a clause longer than that is not delimited (empty result).
 */
export function segmentsBefore(text: string, pos: number, lineStart: number, afterDigit: boolean): [number, number][] {
  // `（3）组建宣传、调解、服务三支队伍`: the item number heading the line is no part of the
  // first item, and its digit must not end the list as a count's digit does.
  lineStart += itemNumberLength(text, lineStart, pos);
  const stop = Math.max(lineStart, pos - MAX_BACK);
  // Allocated at the first 、: many clauses scanned hold none.
  let separators: number[] | null = null;
  let depth = 0;
  let start = -1;
  for (let i = pos - 1; i >= stop; i--) {
    const kind = charKind(text.charCodeAt(i));
    if (kind === OTHER) continue;
    if (afterDigit && kind === DIGIT) {
      const next = separators?.[separators.length - 1];
      if (next === undefined) return [];
      // `将原4个车间调整为甲、乙、丙3个支部`: a number in the clause's opening words, not an
      // item's own count (`品牌2个、示范点1个`).
      if (leadNumber(text, i, next, lineStart)) {
        start = i + 1;
        break;
      }
      separators!.pop();
      start = next + 1;
      break;
    }
    if (kind === CLOSER) depth++;
    else if (kind === OPENER) {
      if (depth === 0) {
        start = i + 1;
        break;
      }
      depth--;
    } else if (depth === 0 && kind === CLAUSE_MARK) {
      start = i + 1;
      break;
    } else if (depth === 0 && kind === LIST_COMMA) (separators ??= []).push(i);
  }
  if (start < 0) {
    if (stop > lineStart) return [];
    start = stop;
    // `一、加强三个建设`: the 、 of a heading's number at the line head separates no items.
    if (separators && headingNumberBefore(text, start, separators[separators.length - 1])) start = separators.pop()! + 1;
  }
  const out: [number, number][] = [];
  let from = start;
  if (separators) {
    for (let k = separators.length - 1; k >= 0; k--) {
      out.push(trimmed(text, from, separators[k]));
      from = separators[k] + 1;
    }
  }
  out.push(trimmed(text, from, pos));
  return out;
}

/**
 * Length of an Arabic item number heading the line at `lineStart` (`（3）`, `(12)`, `3.`,
 * `3．`, `3、`, after any indentation), 0 when there is none or it does not end before `pos`.
 * Bounded scan: at most 2 digits.
 */
function itemNumberLength(text: string, lineStart: number, pos: number): number {
  let i = lineStart;
  while (i < pos && isSpace(text.charCodeAt(i))) i++;
  const open = text.charCodeAt(i);
  const bracket = open === 0xff08 /* （ */ || open === 0x28; /* ( */
  let j = bracket ? i + 1 : i;
  const digits = j;
  while (j < pos && j - digits < 3 && text.charCodeAt(j) >= 0x30 && text.charCodeAt(j) <= 0x39) j++;
  if (j === digits || j - digits > 2 || j >= pos) return 0;
  const c = text.charCodeAt(j);
  if (bracket) return c === 0xff09 /* ） */ || c === 0x29 /* ) */ ? j + 1 - lineStart : 0;
  // `3.5万元、…` is a number, not an item number: the mark must not be followed by a digit.
  const next = text.charCodeAt(j + 1);
  if (next >= 0x30 && next <= 0x39) return 0;
  return c === 0x2e /* . */ || c === 0xff0e /* ． */ || c === 0x3001 /* 、 */ ? j + 1 - lineStart : 0;
}

/**
 * Whether the number whose last digit is at `last` belongs to the opening words of the
 * clause rather than being the count of its own item, the item ending at the 、 at `comma`:
 * at least LEAD_TAIL characters follow it there and at least two characters of the clause
 * stand before it (`将原4个线路车间调整为甲`). An item's own count ends it or opens it
 * (`品牌2个`, `2个品牌`). (A line's own item number, `3.邀请甲`, is skipped by
 * itemNumberLength before the scan.)
 */
function leadNumber(text: string, last: number, comma: number, lineStart: number): boolean {
  if (comma - last - 1 < LEAD_TAIL) return false;
  let first = last;
  while (first > lineStart && charKind(text.charCodeAt(first - 1)) === DIGIT) first--;
  let head = 0;
  for (let k = first - 1; k >= lineStart && head < 2; k--) {
    const c = text.charCodeAt(k);
    if (charKind(c) !== OTHER || isSpace(c) || text[k] === '#') break;
    head++;
  }
  return head >= 2;
}

/** Characters after a number in a list's first item that make it part of the opening words. */
const LEAD_TAIL = 4;

/** The Chinese numerals a heading's number `一、`…`二十、` is written with. */
const HEADING_NUMERALS = '一二三四五六七八九十';

/**
 * Whether `[from, comma)` holds only a heading's Chinese number (`一`, `十二`), with the
 * line's indentation or `#`s before it: the 、 at `comma` then closes the number
 * (GB/T 9704-2012 7.3.3 `一、`), not a list item.
 */
function headingNumberBefore(text: string, from: number, comma: number): boolean {
  let i = from;
  while (i < comma && (text[i] === '#' || isSpace(text.charCodeAt(i)))) i++;
  if (comma - i < 1 || comma - i > 3) return false;
  for (let k = i; k < comma; k++) if (!HEADING_NUMERALS.includes(text[k])) return false;
  return true;
}

/** Splits `[from, to)` at the characters of `seps` standing at bracket depth 0; segments are trimmed. */
export function splitAt(text: string, from: number, to: number, seps: string): [number, number][] {
  const out: [number, number][] = [];
  let depth = 0;
  let start = from;
  for (let i = from; i < to; i++) {
    const kind = charKind(text.charCodeAt(i));
    if (kind === OPENER) depth++;
    else if (kind === CLOSER) depth = Math.max(0, depth - 1);
    else if (depth === 0 && kind !== OTHER && seps.includes(text[i])) {
      out.push(trimmed(text, start, i));
      start = i + 1;
    }
  }
  out.push(trimmed(text, start, to));
  return out;
}

/**
 * Splits segments between adjacent quoted items: GB/T 15834-2011 puts no 顿号 between
 * them, so `“一次党课”“一次观摩”等` is two items. Titles (`《甲办法》《乙细则》`) are split
 * the same way where the segment is nothing but titles, one after another:
 * `学习《党章》《准则》` is one item, a verb and what it reads.
 */
/** A segment made of titles only, nothing between them (`《甲办法》《乙细则》`; not `《甲办法》（试行）《乙》`). */
const TITLES_ONLY = /^(?:《[^《》]{1,60}》){2,12}$/u;
export function splitQuoted(text: string, segments: [number, number][]): [number, number][] {
  const out: [number, number][] = [];
  for (const [s, e] of segments) {
    let start = s;
    const titles = text.charCodeAt(s) === 0x300a /* 《 */ && text.charCodeAt(e - 1) === 0x300b /* 》 */ && TITLES_ONLY.test(text.slice(s, e));
    for (let i = s; i < e - 1; i++) {
      const quoted = text.charCodeAt(i) === 0x201d /* ” */ && text.charCodeAt(i + 1) === 0x201c; /* “ */
      if (!quoted && !(titles && text.charCodeAt(i) === 0x300b /* 》 */ && text.charCodeAt(i + 1) === 0x300a) /* 《 */) continue;
      out.push([start, i + 1]);
      start = i + 1;
    }
    out.push([start, e]);
  }
  return out;
}

/**
 * Index just past the end of the sentence starting at `at` (its 。！？ at bracket depth 0,
 * or `reach`, or the start of an HTML comment), scanning at most to `reach`.
 */
export function sentenceEndFrom(text: string, at: number, reach: number): number {
  let depth = 0;
  let end = at;
  for (; end < reach; end++) {
    const c = text.charCodeAt(end);
    const kind = charKind(c);
    if (kind === OPENER) depth++;
    else if (kind === CLOSER) depth = Math.max(0, depth - 1);
    else if (depth === 0 && isSentenceEnd(c)) break;
    if (c === 0x3c /* < */ && text.startsWith('<!--', end)) break;
  }
  return end;
}

/**
 * `text` without its asides: each （ or ( with everything up to the next ） or ) (what
 * `/[（(][^）)]*[）)]/gu` replaces), by a scan of code units rather than a regex replace.
 */
export function withoutAsides(text: string): string {
  let out = '';
  let copied = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0xff08 /* （ */ && c !== 0x28 /* ( */) continue;
    let j = i + 1;
    while (j < text.length && text.charCodeAt(j) !== 0xff09 /* ） */ && text.charCodeAt(j) !== 0x29 /* ) */) j++;
    // No closer after this opener: none after a later one either.
    if (j === text.length) break;
    out += text.slice(copied, i);
    copied = j + 1;
    i = j;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

/** How many 等 close `text` (0, 1, or 2 for 等等). */
export function closingDeng(text: string): number {
  let end = text.length;
  while (end > 0 && isSpace(text.charCodeAt(end - 1))) end--;
  if (text.charCodeAt(end - 1) !== 0x7b49 /* 等 */) return 0;
  return text.charCodeAt(end - 2) === 0x7b49 ? 2 : 1;
}

/** `text` without one or two trailing 等 (what `/等等?$/u` replaces). */
export function withoutDeng(text: string): string {
  const n = closingDeng(text);
  return n === 0 ? text : text.trimEnd().slice(0, -n);
}

/** An item without its bracketed asides and a trailing 等: `镇靖村（…）等` → `镇靖村`. */
export function bareName(item: string): string {
  const bare = withoutAsides(item);
  return bare.endsWith('等') ? bare.slice(0, -1) : bare;
}

/** `text` without the white space and `*` (Markdown emphasis) that open it. */
export function withoutLead(text: string): string {
  let i = 0;
  while (i < text.length && (text.charCodeAt(i) === 0x2a /* * */ || isSpace(text.charCodeAt(i)))) i++;
  return i === 0 ? text : text.slice(i);
}

/** `text` without its HTML comments (`<!--…-->`); the regex runs only where one opens. */
export function withoutComments(text: string): string {
  return text.includes('<!--') ? text.replace(/<!--.*?-->/gu, '') : text;
}

/**
 * The length (in UTF-16 units) of the run of at most `max` Han characters opening `text`.
 * CJK Unified Ideographs, units below U+2E80 and the fullwidth forms (，：（ …, U+FF00–U+FFEF,
 * none of them Han) are settled by comparison; a text with any other character before the
 * run ends is left to a regex.
 */
export function hanPrefixLength(text: string, max = 8): number {
  for (let i = 0; i < text.length && i < max; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff) continue;
    if (c < 0x2e80 || (c >= 0xff00 && c <= 0xffef)) return i;
    return hanPrefix(max).exec(text)![0].length;
  }
  return Math.min(text.length, max);
}

/** `^\p{Script=Han}{0,max}` per `max`, made once. */
const HAN_PREFIX = new Map<number, RegExp>();
function hanPrefix(max: number): RegExp {
  let re = HAN_PREFIX.get(max);
  if (!re) HAN_PREFIX.set(max, (re = new RegExp(`^\\p{Script=Han}{0,${max}}`, 'u')));
  return re;
}

/** Index of the last ）, ) or ” in `text`, or -1: where an item's own name ends. */
export function lastCloser(text: string): number {
  for (let i = text.length - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c === 0xff09 /* ） */ || c === 0x29 /* ) */ || c === 0x201d /* ” */) return i;
  }
  return -1;
}

/** Whether a name is redacted (`*`, `×`, `XX`, `ＸＸ`): each such item counts on its own. */
export function isRedacted(name: string): boolean {
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c === 0x2a /* * */ || c === 0xd7 /* × */) return true;
    if ((c === 0x58 /* X */ || c === 0xff38) /* Ｘ */ && name.charCodeAt(i + 1) === c) return true;
  }
  return false;
}

/** Whether `text[from, to)` holds an ASCII digit. */
export function hasDigit(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) return true;
  }
  return false;
}

/** Whether index `i` of `lineText` stands inside “…” (slogans are names, not counts). */
export function insideQuotes(lineText: string, i: number): boolean {
  const before = lineText.slice(Math.max(0, i - 12), i);
  const open = before.lastIndexOf('“');
  return open >= 0 && open > before.lastIndexOf('”') && lineText.slice(i, i + 16).includes('”');
}

/** Where the list starts inside `text[from, to)` after one of `leadIns`, verbs that lead a list in (围绕, 聚焦…: lists.yaml), or -1. */
export function leadInEnd(text: string, from: number, to: number, leadIns: readonly string[]): number {
  const segment = text.slice(from, to);
  let end = -1;
  for (const w of leadIns) {
    const at = segment.lastIndexOf(w);
    if (at >= 0 && at + w.length < segment.length) end = Math.max(end, from + at + w.length);
  }
  return end;
}
