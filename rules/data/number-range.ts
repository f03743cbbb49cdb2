/**
 * The vocabulary of the `number-range` rule, parsed once from number-range.yaml (bundled as
 * text by esbuild, loaded as text by the mocha hook).
 */
import { type DataSource, dataOf } from './yaml-data';
import text from './number-range.yaml';

export interface NumberRangeData {
  /**
   * Sticky pattern of the units that make `A-B` a numeric range (`个`, `岁`, `平方米`…),
   * longest first. Set `lastIndex` to the offset after the second number and `exec`.
   */
  numericUnit: RegExp;
  /** Sticky-free pattern: one of the time-of-day words, anchored at the end (`上午$`). */
  timeOfDayBefore: RegExp;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Alternation of `words`, longest first so `个月` wins over `个`. */
function alternation(words: unknown, where: string): string {
  if (!Array.isArray(words) || words.length === 0 || !words.every((w) => typeof w === 'string' && w.length > 0)) {
    throw new Error(`rules/data/number-range.yaml: ${where} must be a non-empty list of words`);
  }
  return [...(words as string[])].sort((a, b) => b.length - a.length).map(escape).join('|');
}

function load(source: DataSource): NumberRangeData {
  const raw = dataOf(source) as { numeric_units?: unknown; time_of_day_before?: unknown };
  return {
    numericUnit: new RegExp(`(?:${alternation(raw.numeric_units, 'numeric_units')})`, 'uy'),
    timeOfDayBefore: new RegExp(`(?:${alternation(raw.time_of_day_before, 'time_of_day_before')})$`, 'u'),
  };
}

/** number-range's vocabulary (rules/data/number-range.yaml). */
export const numberRange: NumberRangeData = load(text);
