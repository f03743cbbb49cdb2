/**
 * What crosses the worker boundary per keystroke, made small (issue #14): a long report's
 * analysis is about a megabyte of plain data (findings, the passed checks hover shows, the
 * outline), and structured-cloning it both ways cost more than re-linting the edit. Both
 * sides keep the last analysis they exchanged for a document, under an id the main thread
 * gives (worker-runner.ts keeps its copy, the worker keeps its own in `DocumentMemory`):
 *
 * - main → worker: the edit against the text of that analysis (`TextEdit`) instead of the
 *   whole text;
 * - worker → main: each array of the new output as the unchanged head of the old one, its
 *   tail with offsets and lines moved past the edit (`PositionShift`), and the elements
 *   between them as they are (`OutputDelta`).
 *
 * Exact by construction: the worker reuses an old element only after checking that moving
 * it gives an element deep-equal to the new one (`sameShifted`), and the main thread moves
 * its copy of the same element with the same function (`shifted`), so the decoded output
 * equals the one the worker computed, field for field (test/unit/analysis-delta.test.ts).
 * The shift is only a guess of where things moved; a wrong guess costs size, never accuracy.
 */
import { changedRange } from '../../rules/model/incremental';
import type { AnalysisOutput, OutlineData } from './analysis';

/** An edit of a text: old `[start, end)` replaced by `text` (UTF-16 offsets). */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/** The edit that turns `oldText` into `newText` (their common prefix and suffix left out). */
export function textEdit(oldText: string, newText: string): TextEdit {
  const change = changedRange(oldText, newText);
  if (!change) return { start: 0, end: 0, text: '' };
  return { start: change.start, end: change.oldEnd, text: newText.slice(change.start, change.newEnd) };
}

/** `text` with `edit` applied. */
export function applyTextEdit(text: string, edit: TextEdit): string {
  return text.slice(0, edit.start) + edit.text + text.slice(edit.end);
}

/**
 * Where positions of the old analysis moved: an offset (`start`, `end` fields) at or past
 * `from` moves by `by`; a 0-based line (`line` fields) past `afterLine` moves by `lines`.
 */
export interface PositionShift {
  from: number;
  by: number;
  afterLine: number;
  lines: number;
}

/** No move: the head of an array, before the edit, is compared and reused as it is. */
const NO_SHIFT: PositionShift = { from: Number.POSITIVE_INFINITY, by: 0, afterLine: Number.POSITIVE_INFINITY, lines: 0 };

/**
 * The shift an edit makes: offsets from the end of the replaced text move by the length
 * change; lines after the edit's first line by the change in line breaks.
 *
 * @param startLine the 0-based line of `edit.start` in the old text
 */
export function shiftOf(oldText: string, edit: TextEdit, startLine: number): PositionShift {
  return { from: edit.end, by: edit.text.length - (edit.end - edit.start), afterLine: startLine, lines: countBreaks(edit.text, 0, edit.text.length) - countBreaks(oldText, edit.start, edit.end) };
}

function countBreaks(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** A number under field `key` moved by `shift` (only `start`, `end` and `line` move). */
function moved(value: number, key: string, shift: PositionShift): number {
  if (key === 'start' || key === 'end') return value >= shift.from ? value + shift.by : value;
  if (key === 'line') return value > shift.afterLine ? value + shift.lines : value;
  return value;
}

/**
 * Whether `a` moved by `shift` is deep-equal to `b`: the same own enumerable keys (in any
 * order: nothing the server answers depends on it), numbers under `start`/`end`/`line` compared after moving, everything else as is.
 * Plain data only (what a structured clone keeps of the output: objects, arrays, primitives);
 * any other object (Map, Set, Date) is never the same, so it is sent whole.
 */
export function sameShifted(a: unknown, b: unknown, shift: PositionShift, key = ''): boolean {
  if (typeof a === 'number') return b === moved(a, key, shift);
  // The same object needs no look inside unless it is to be moved; equal primitives are equal.
  if (a === b) return shift === NO_SHIFT || a === null || typeof a !== 'object';
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameShifted(a[i], b[i], shift, key)) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  // A Map, Set, Date or class instance has no own enumerable keys to compare and would read
  // as `{}`: never call it unchanged, so it crosses whole (none is in the output today).
  if (!isPlain(a) || !isPlain(b)) return false;
  // for…in rather than Object.keys: no array per object, thousands of objects per keystroke.
  let count = 0;
  for (const k in a) {
    if (!Object.hasOwn(b, k) || !sameShifted((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], shift, k)) return false;
    count++;
  }
  for (const k in b) if (--count < 0 || !Object.hasOwn(b, k)) return false;
  return count === 0;
}

/** Whether `a` is a plain object (`{…}` or made by `Object.create(null)`), not a Map, Set, Date or class instance. */
function isPlain(a: object): boolean {
  const proto = Object.getPrototypeOf(a);
  return proto === Object.prototype || proto === null;
}

/** A copy of `a` moved by `shift` (what `sameShifted` compares against). */
export function shifted<T>(a: T, shift: PositionShift, key = ''): T {
  if (typeof a === 'number') return moved(a, key, shift) as T;
  if (a === null || typeof a !== 'object') return a;
  if (Array.isArray(a)) return a.map((x: unknown) => shifted(x, shift, key)) as T;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(a)) out[k] = shifted((a as Record<string, unknown>)[k], shift, k);
  return out as T;
}

/**
 * A new array as the old one's first `head` elements (unchanged), then `middle`, then the
 * old one's last `tail` elements moved by the output's shift.
 */
export interface ArrayDelta<T> {
  head: number;
  tail: number;
  middle: T[];
}

/** `next` against `prev` (see `ArrayDelta`); the head and tail found by comparing from each end. */
export function diffArray<T>(prev: readonly T[], next: readonly T[], shift: PositionShift): ArrayDelta<T> {
  const limit = Math.min(prev.length, next.length);
  let head = 0;
  while (head < limit && sameShifted(prev[head], next[head], NO_SHIFT)) head++;
  let tail = 0;
  while (tail < limit - head && sameShifted(prev[prev.length - 1 - tail], next[next.length - 1 - tail], shift)) tail++;
  return { head, tail, middle: next.slice(head, next.length - tail) };
}

/** The array `delta` describes, from the receiver's copy of `prev`. */
export function applyArray<T>(prev: readonly T[], delta: ArrayDelta<T>, shift: PositionShift): T[] {
  if (delta.head + delta.tail > prev.length) throw new Error(`array delta of ${delta.head}+${delta.tail} over ${prev.length} elements`);
  const out = prev.slice(0, delta.head);
  for (const x of delta.middle) out.push(x);
  for (let i = prev.length - delta.tail; i < prev.length; i++) out.push(shifted(prev[i], shift));
  return out;
}

/** The outline's long arrays, sent as deltas; its other fields are small and sent whole. */
const OUTLINE_ARRAYS = ['headings', 'sections', 'items', 'parts', 'opaque'] as const;
type OutlineArray = (typeof OUTLINE_ARRAYS)[number];

/** An `AnalysisOutput` against an earlier one of the same document. */
export interface OutputDelta {
  shift: PositionShift;
  findings: ArrayDelta<AnalysisOutput['findings'][number]>;
  checks: ArrayDelta<AnalysisOutput['checks'][number]>;
  failures: AnalysisOutput['failures'];
  outline: Omit<OutlineData, OutlineArray> & { [K in OutlineArray]: ArrayDelta<OutlineData[K][number]> };
}

/** `next` as a delta against `prev` (the output the receiver holds), for the edit that `shift` describes. */
export function diffOutput(prev: AnalysisOutput, next: AnalysisOutput, shift: PositionShift): OutputDelta {
  const { headings, sections, items, parts, opaque, ...rest } = next.outline;
  const o = prev.outline;
  return {
    shift,
    findings: diffArray(prev.findings, next.findings, shift),
    checks: diffArray(prev.checks, next.checks, shift),
    failures: next.failures,
    outline: {
      ...rest,
      headings: diffArray(o.headings, headings, shift),
      sections: diffArray(o.sections, sections, shift),
      items: diffArray(o.items, items, shift),
      parts: diffArray(o.parts, parts, shift),
      opaque: diffArray(o.opaque, opaque, shift),
    },
  };
}

/** The output `delta` describes, from the receiver's copy of `prev`. */
export function applyOutput(prev: AnalysisOutput, delta: OutputDelta): AnalysisOutput {
  const { shift } = delta;
  const { headings, sections, items, parts, opaque, ...rest } = delta.outline;
  const o = prev.outline;
  return {
    findings: applyArray(prev.findings, delta.findings, shift),
    checks: applyArray(prev.checks, delta.checks, shift),
    failures: delta.failures,
    outline: {
      ...rest,
      headings: applyArray(o.headings, headings, shift),
      sections: applyArray(o.sections, sections, shift),
      items: applyArray(o.items, items, shift),
      parts: applyArray(o.parts, parts, shift),
      opaque: applyArray(o.opaque, opaque, shift),
    },
  };
}
