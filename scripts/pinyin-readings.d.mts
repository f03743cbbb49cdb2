/** Where the build writes the table of pinyin readings. */
export const READINGS_PATH: string;
/** The inclusive code point ranges the table covers. */
export const RANGES: readonly (readonly [number, number])[];
/** A reading as fuzzy pinyin hears it (the same as homophones.ts's). */
export function fuzzy(reading: string): string;
/** The table's text: `reading<TAB>characters` lines. */
export function readingsTable(): string;
/** Writes READINGS_PATH. */
export function writePinyinReadings(): void;
