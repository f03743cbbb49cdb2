/**
 * Counts of the parts of a quoted formulation, right after its closing quote
 * (rules/model/lists.ts, read by list-finder.ts):
 * - `“严细实快”四字工作法`, `“学、查、改”三字诀`: N字 counts the formulation's Han characters,
 *   each one an item (a compressed slogan: every character stands for a word);
 * - `“县委—乡镇党委—村党支部”三级联动`, `“市—县—乡—村”四级`: N级 or N层 counts the levels
 *   the quotation joins by dashes;
 * - `“党委+支部+党小组+党员”四级责任链`, `“社区+物业+业委会+党员”四方联动`: N级, N层 or N方
 *   counts the parts the quotation joins by plus signs.
 * Offsets are UTF-16 code units into `src.text`.
 */
import { chineseNumeralValue, isCountNumeralCode } from './numerals';
import type { EnumeratedList, ListCount, ListItem, ListSource } from './lists';
import { newList } from './list-runs';
import { hanPrefixLength } from './list-text';
import { shownNoun } from './list-inline';

/** The longest quotation read (UTF-16 units). */
const MAX_QUOTE = 40;
/** Dashes or plus signs between levels: —, ——, －, ─, a hyphen, +, ＋. */
const DASH = /[—－─\-+＋]+/gu;
/** A plus sign: parts joined by it may be counted as 方 (parties) too. */
const PLUS = /[+＋]/u;
const HAN = /\p{Script=Han}/u;
const LEVEL = /^\p{Script=Han}{1,12}$/u;
/** What may stand inside a compressed slogan besides its characters. */
const SLOGAN_TEXT = /^[\p{Script=Han}、·]{2,20}$/u;

/** Every quoted formulation followed by a count of its characters or levels, in text order. */
export function quotedPartCounts(src: ListSource): EnumeratedList[] {
  const { text } = src;
  const out: EnumeratedList[] = [];
  for (let close = text.indexOf('”'); close >= 0; close = text.indexOf('”', close + 1)) {
    const numStart = close + 1;
    let numEnd = numStart;
    while (numEnd < numStart + 3 && isCountNumeralCode(text.charCodeAt(numEnd))) numEnd++;
    if (numEnd === numStart && text.charCodeAt(numStart) >= 0x31 && text.charCodeAt(numStart) <= 0x39) numEnd++;
    if (numEnd === numStart) continue;
    const measure = text[numEnd];
    if (measure !== '字' && measure !== '级' && measure !== '层' && measure !== '方') continue;
    // The opening quote, looked for at most MAX_QUOTE back (a text of bare ” stays linear).
    let open = close - 1;
    while (open >= 0 && close - open <= MAX_QUOTE && text[open] !== '“') open--;
    if (open < 0 || text[open] !== '“' || src.opaque.overlaps(open, numEnd + 1)) continue;
    const inner = text.slice(open + 1, close);
    if (inner.includes('\n')) continue;
    // `“A+B+C”三方`: only parts joined by plus signs are parties.
    if (measure === '方' && !PLUS.test(inner)) continue;
    const digits = text.slice(numStart, numEnd);
    const value = /\d/u.test(digits) ? Number(digits) : chineseNumeralValue(digits);
    // `“我的入党故事”三千字`: a length, not the formulation's characters; levels are few.
    if (!(value >= 2) || value > (measure === '字' ? 24 : 9)) continue;
    // `“三方联动”` is a name (方面, 方案 follow no such count): 方 must end the count.
    if (measure === '方' && /^[面案法式向针略位]/u.test(text.slice(numEnd + 1, numEnd + 2))) continue;
    const items = measure === '字' ? characters(inner, open + 1) : levels(inner, open + 1);
    if (!items || items.length < 2) continue;
    const after = text.slice(numEnd + 1, numEnd + 13);
    const noun = shownNoun(after.slice(0, hanPrefixLength(after)));
    const count: ListCount = { start: numStart, end: numEnd + 1, value, bound: 'exact', measure, noun, quoted: false, text: `${digits}${measure}${noun}`, side: 'after' };
    const separators = items.slice(1).map((item, i) => ({ start: items[i].end, end: item.start, text: text.slice(items[i].end, item.start) }));
    out.push(newList('inline', src.lines.lineAt(open), items, { separators, count }));
  }
  return out;
}

/** Each Han character of a compressed slogan (`巡查护宣`, `学、查、改`), or null if it holds anything else. */
function characters(inner: string, offset: number): ListItem[] | null {
  if (!SLOGAN_TEXT.test(inner)) return null;
  const items: ListItem[] = [];
  for (let i = 0; i < inner.length; i++) if (HAN.test(inner[i])) items.push({ start: offset + i, end: offset + i + 1, text: inner[i] });
  return items;
}

/** The levels a quotation joins by dashes or plus signs (`县委—乡镇党委—村党支部`, `党委+支部`), or null if it has none or a level is no short name. */
function levels(inner: string, offset: number): ListItem[] | null {
  const items: ListItem[] = [];
  let from = 0;
  DASH.lastIndex = 0;
  for (let m = DASH.exec(inner); ; m = DASH.exec(inner)) {
    const to = m ? m.index : inner.length;
    const level = inner.slice(from, to);
    if (!LEVEL.test(level)) return null;
    items.push({ start: offset + from, end: offset + to, text: level });
    if (!m) break;
    from = m.index + m[0].length;
  }
  return items.length >= 2 ? items : null;
}

/** A quoted run of the digits 1, 2, 3… from 1 (`“123”`, `“1234”`): a name counting its parts. */
const DIGIT_NAME = /“(123(?:4(?:5(?:6)?)?)?)”/gu;
/** The longest name (Han characters) between a digit name and its bracket: `支部工作法`. */
const DIGIT_NAME_NOUN = 8;
/** The Chinese numerals a digit name's k-th part opens with, for k = 1…6. */
const PART_NUMERALS = ['一', '二两', '三', '四', '五', '六'];

/**
 * "推行“1234”支部工作法（一个中心、两项职责、三个坚持、四个到位）": a quoted run of the digits
 * 1…n names n parts, the k-th counting k things; a bracket right after the name (at most
 * DIGIT_NAME_NOUN Han characters between) whose 、/，/； items each open with the Chinese
 * numeral of the next digit (一…, 两/二…, 三…) spells the parts out, and must hold n of them.
 * Items that break the order are no such spelling out (null, not read). `“721”工作法` and
 * other digit names that are no run from 1 are skipped. In text order.
 */
export function digitNameLists(src: ListSource): EnumeratedList[] {
  const { text } = src;
  const out: EnumeratedList[] = [];
  DIGIT_NAME.lastIndex = 0;
  for (let m = DIGIT_NAME.exec(text); m; m = DIGIT_NAME.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (src.opaque.overlaps(start, end)) continue;
    const noun = hanPrefixLength(text.slice(end, end + DIGIT_NAME_NOUN + 1), DIGIT_NAME_NOUN + 1);
    const open = end + noun;
    if (noun > DIGIT_NAME_NOUN || (text[open] !== '（' && text[open] !== '(')) continue;
    let close = open + 1;
    while (close < text.length && close - open <= MAX_QUOTE * 2 && !'）)\n'.includes(text[close])) close++;
    if (text[close] !== '）' && text[close] !== ')') continue;
    const items: ListItem[] = [];
    let from = open + 1;
    for (let i = open + 1; i <= close; i++) {
      if (i < close && !'、，；,;'.includes(text[i])) continue;
      const part = text.slice(from, i).trim();
      if (part !== '') items.push({ start: from, end: i, text: part });
      from = i + 1;
    }
    if (items.length < 2 || !items.every((item, k) => k < PART_NUMERALS.length && PART_NUMERALS[k].includes(item.text[0]))) continue;
    const value = m[1].length;
    const count: ListCount = { start, end, value, bound: 'exact', measure: '', noun: text.slice(end, open), quoted: true, text: m[0], side: 'before' };
    const separators = items.slice(1).map((item, i) => ({ start: items[i].end, end: item.start, text: text.slice(items[i].end, item.start) }));
    out.push(newList('inline', src.lines.lineAt(start), items, { separators, count }));
  }
  return out;
}
