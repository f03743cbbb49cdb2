import Nzh from 'nzh';

/** Chinese numeral characters as used in structural numbers (GB/T 9704-2012 7.3.3). */
export const CHINESE_DIGITS = '一二三四五六七八九十百零〇';

// nzh parses each call afresh, and a report repeats the same few numerals (一 to 十, 一是,
// （三）) thousands of times: remember the answers. Keys are short numerals, so the memo
// is small; it stops growing at MEMO_LIMIT entries all the same.
const MEMO_LIMIT = 10_000;
const decoded = new Map<string, number>();
const encoded = new Map<number, string>();

/**
 * The value nzh reads from the Chinese numeral `text` (`两` read as 二), memoised.
 * @returns a number, NaN where nzh cannot read it
 */
export function decodeChinese(text: string): number {
  let value = decoded.get(text);
  if (value === undefined) {
    value = Number(Nzh.cn.decodeS(text.replace(/两/g, '二')));
    if (decoded.size < MEMO_LIMIT) decoded.set(text, value);
  }
  return value;
}

/**
 * The value of a Chinese numeral such as `三`, `十二`, `二十一` (decoded by `nzh`).
 * @returns a positive integer, or 0 where the text is not a numeral nzh understands
 */
export function chineseNumeralValue(text: string): number {
  const value = decodeChinese(text);
  return Number.isInteger(value) && value > 0 ? value : 0;
}

/** The Chinese numeral for a positive integer (`12` → `十二`), as structural numbers write it. */
export function toChineseNumeral(value: number): string {
  let text = encoded.get(value);
  if (text === undefined) {
    text = Nzh.cn.encodeS(value);
    if (encoded.size < MEMO_LIMIT) encoded.set(value, text);
  }
  return text;
}

/**
 * Whether code unit `c` is a numeral of a small count: 一 to 十 or 两 (`五个一`, `三个方面`).
 * Compared by code: a 65536-entry table, read at Han code points, misses the cache on a
 * freshly built report.
 */
export function isCountNumeralCode(c: number): boolean {
  switch (c) {
    case 0x4e00: // 一
    case 0x4e8c: // 二
    case 0x4e09: // 三
    case 0x56db: // 四
    case 0x4e94: // 五
    case 0x516d: // 六
    case 0x4e03: // 七
    case 0x516b: // 八
    case 0x4e5d: // 九
    case 0x5341: // 十
    case 0x4e24: // 两
      return true;
    default:
      return false;
  }
}

/** Whether code unit `c` is any Chinese numeral character of a quantity: 零〇一…十百千两. */
export function isChineseNumeralCode(c: number): boolean {
  return isCountNumeralCode(c) || c === 0x96f6 /* 零 */ || c === 0x3007 /* 〇 */ || c === 0x767e /* 百 */ || c === 0x5343; /* 千 */
}
