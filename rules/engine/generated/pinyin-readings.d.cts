// Types of the table scripts/pinyin-readings.mjs generates beside this file from pinyin-pro.

interface PinyinReadings {
  /** Inclusive code point ranges the table covers. */
  ranges: readonly (readonly [number, number])[];
  /** One line per fuzzy reading: `reading<TAB>characters` (rules/wording/homophones.ts reads it). */
  table: string;
}
declare const readings: PinyinReadings;
export = readings;
