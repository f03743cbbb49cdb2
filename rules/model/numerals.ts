import Nzh from 'nzh';

/** Chinese numeral characters as used in structural numbers (GB/T 9704-2012 7.3.3). */
export const CHINESE_DIGITS = '一二三四五六七八九十百零〇';

/**
 * The value of a Chinese numeral such as `三`, `十二`, `二十一` (decoded by `nzh`).
 * @returns a positive integer, or 0 where the text is not a numeral nzh understands
 */
export function chineseNumeralValue(text: string): number {
  const value = Number(Nzh.cn.decodeS(text));
  return Number.isInteger(value) && value > 0 ? value : 0;
}

/** The Chinese numeral for a positive integer (`12` → `十二`), as structural numbers write it. */
export function toChineseNumeral(value: number): string {
  return Nzh.cn.encodeS(value);
}
