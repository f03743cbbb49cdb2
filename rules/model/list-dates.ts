/**
 * Dates counted by the times after them: `先后于3月12日、5月8日、9月20日三次召开…`. Each
 * date is one occasion, so the count of times (次) right after the run of dates says how
 * many dates there are. Only day dates (…月…日) are read: a month may hold several
 * occasions (`于3月、5月召开4次` is no miscount), and the count must follow the last date at
 * once (`先后于…召开会议3次` counts meetings, not dates). Offsets are UTF-16 indices into
 * the report.
 */
import type { Quantity } from './quantities';
import type { EnumeratedList, ListSource } from './lists';
import { inlineList, textsOf } from './list-inline';
import { counted } from './list-runs';

/** A day date: `3月12日`, `2025年3月12日`, `三月十二日`. */
const DAY = '(?:\\d{4}年)?(?:\\d{1,2}|[一二三四五六七八九十]{1,2})月(?:\\d{1,2}|[一二三四五六七八九十]{1,3})日';
/** Two to twelve day dates joined by 、, 和 or 及, ending right at the text's end (bounded: linear). */
const DATE_RUN = new RegExp(`${DAY}(?:[、和及]${DAY}){1,11}$`, 'u');
const DATE = new RegExp(DAY, 'gu');
/** How far back (code units) the run of dates is read. */
const MAX_DATES = 160;

/**
 * The list of dates right before the count `q` (unit 次), counted by it, or null when `q`
 * is no count of times or no run of two or more day dates ends right where it starts.
 */
export function datesBeforeCount(src: ListSource, q: Quantity): EnumeratedList | null {
  if (q.unit !== '次' || q.bound !== 'exact' || !Number.isInteger(q.value)) return null;
  const lineStart = src.lines.start(q.line);
  const from = Math.max(lineStart, q.start - MAX_DATES);
  const before = src.text.slice(from, q.start);
  const run = DATE_RUN.exec(before);
  if (!run) return null;
  const segments: [number, number][] = [];
  DATE.lastIndex = 0;
  for (let m = DATE.exec(run[0]); m; m = DATE.exec(run[0])) {
    const start = from + run.index + m.index;
    segments.push([start, start + m[0].length]);
  }
  if (segments.length < 2) return null;
  const written = src.text.slice(q.start, q.end);
  const list = inlineList(src, segments, textsOf(src.text, segments));
  return counted(list, { start: q.start, end: q.end, value: q.value, bound: 'exact', measure: q.unit, noun: '', quoted: false, text: written, side: 'after' }, null, false);
}
