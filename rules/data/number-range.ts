/**
 * The vocabulary of the `number-range` rule, parsed once from number-range.yaml (bundled as
 * text by esbuild, loaded as text by the mocha hook).
 */
import { type DataSource, dataOf, wordAlternation, wordList } from './yaml-data';
import text from './number-range.yaml';

export interface NumberRangeData {
  /**
   * Sticky pattern of the units that make `A-B` a numeric range (`个`, `岁`, `平方米`…),
   * longest first. Set `lastIndex` to the offset after the second number and `exec`.
   */
  numericUnit: RegExp;
  /** Sticky-free pattern: one of the time-of-day words, anchored at the end (`上午$`). */
  timeOfDayBefore: RegExp;
  /**
   * Global pattern of a range written with its unit on both ends (`25岁-35岁`, `5万元-8万元`,
   * `2小时–3小时`): groups 1 the first number, 2 its magnitude (万/亿/千, maybe empty), 3 the
   * unit, 4 the dash, 5 the second number; the second end repeats groups 2 and 3 exactly.
   * Reset `lastIndex` and `exec` over one line.
   */
  bothEnds: RegExp;
}

/** Alternation of the word list `words` (field `where`), longest first so `个月` wins over `个`. */
const alternation = (words: unknown, where: string): string => wordAlternation(wordList(words, 'rules/data/number-range.yaml', where));

// What may not come right before a range's first number, as in number-range.ts's START: more
// of an identifier, a decimal, a time, a chain or a sign.
const NOT_AFTER = '(?<![0-9A-Za-z０-９Ａ-Ｚａ-ｚ.．/／:：_#＃+＋\\-–~～－])';

function load(source: DataSource): NumberRangeData {
  const raw = dataOf(source) as { numeric_units?: unknown; word_initial_units?: unknown; time_of_day_before?: unknown };
  const units = alternation(raw.numeric_units, 'numeric_units');
  // A unit that opens common words (成 of 成员) counts only before no Han text, or 以上/以下/左右.
  const initial = raw.word_initial_units === undefined ? '' : `|(?:${alternation(raw.word_initial_units, 'word_initial_units')})(?=以上|以下|左右|[^\\p{Script=Han}]|$)`;
  return {
    numericUnit: new RegExp(`(?:${units}${initial})`, 'uy'),
    bothEnds: new RegExp(`${NOT_AFTER}(\\d+(?:\\.\\d+)?)([万亿千]?)(${units})([-–~－])(\\d+(?:\\.\\d+)?)\\2\\3`, 'gu'),
    timeOfDayBefore: new RegExp(`(?:${alternation(raw.time_of_day_before, 'time_of_day_before')})$`, 'u'),
  };
}

/** number-range's vocabulary (rules/data/number-range.yaml). */
export const numberRange: NumberRangeData = load(text);
