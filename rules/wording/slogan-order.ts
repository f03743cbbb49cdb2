/**
 * A series formulation written with all its parts but in another order (`不敢腐、不想腐、不能腐`
 * for 不敢腐、不能腐、不想腐; `学思想、重实践、强党性、建新功` for 学思想、强党性、重实践、建新功),
 * for `slogan-canonical`. The series entries of rules/data/slogans.yaml (three or more short
 * Han parts joined by 、, slogan-variants.ts `isSeries`) keep the order of their source:
 * 党的二十大报告 and the 党章 write 不敢腐、不能腐、不想腐 each time (前提, 关键, 根本), the
 * 主题教育 documents 学思想、强党性、重实践、建新功. A run of the same parts joined by 、 in
 * another order quotes the formulation with its parts misplaced.
 *
 * Guards (a writer's own list of the same words is not the formulation):
 * - every part of the entry, each once, and nothing else: the run of 、-joined segments has
 *   exactly as many segments as the entry has parts, the inner ones each a whole part; a
 *   run with more segments (`不想腐、不能腐、不敢腐、不愿腐`) is the writer's own list, one
 *   with fewer a choice of parts;
 * - parts of three characters or more only (PART_MIN): in a series of two-character words
 *   (`创新、协调、绿色、开放、共享`) the same words listed in another order are ordinary prose
 *   (`坚持绿色、创新发展`), and a two-character part is too easily the end of a longer word;
 * - the permuted run is no formulation or correct phrase itself (slogans.yaml).
 * The first segment may carry a verb before the part (`一体推进不敢腐`), the last a word
 * after it (`不能腐一体推进`): the part is matched at the segment's end and start. Parts
 * quoted one by one (`“不敢腐”“不想腐”“不能腐”`, or joined by ”、“) are read the same way,
 * the fix keeping their quotation marks.
 * Offsets are UTF-16 code units of the report text.
 */
import type { Report } from '../model/report';
import type { Problem } from '../types';
import type { SloganEntry } from '../data/slogans';
import { insidePhrase } from '../model/dictionary';
import { isHanCode } from '../model/script';
import { ENTRIES, GOOD } from './slogan-index';
import { isSeries } from './slogan-variants';
import { countedPartSeries, namedPartSeries } from './slogan-reorders';

/** Shortest part (code units) whose order is compared. */
const PART_MIN = 3;
/** Longest segment scanned back before the first 、 or on after the last (code units). */
const SEGMENT_MAX = 16;

interface OrderedSeries {
  entry: SloganEntry;
  parts: readonly string[];
  /** The series as the source writes it: the entry's canonical form, or its parts joined by 、 (四个意识's). */
  canonical: string;
  /** A name that must stand on the run's line for the run to be read as this series (五位一体). */
  name?: string;
}

/** The series entries whose parts are all PART_MIN or longer and all different, by each part. */
const BY_PART = ((): Map<string, OrderedSeries[]> => {
  const map = new Map<string, OrderedSeries[]>();
  for (const entry of ENTRIES) {
    if (!isSeries(entry.canonical)) continue;
    const parts = entry.canonical.split('、');
    if (parts.some((p) => p.length < PART_MIN) || new Set(parts).size !== parts.length) continue;
    add(map, { entry, parts, canonical: entry.canonical });
  }
  // The parts of a counted formulation written out (政治意识、大局意识、核心意识、看齐意识).
  for (const { entry, parts } of countedPartSeries(ENTRIES)) add(map, { entry, parts, canonical: parts.join('、') });
  // The parts of another numbered formulation, where its name stands on the line (五位一体).
  for (const { entry, parts, name } of namedPartSeries(ENTRIES)) add(map, { entry, parts, canonical: parts.join('、'), name });
  return map;
})();

/** Adds `series` to `map` under each of its parts. */
function add(map: Map<string, OrderedSeries[]>, series: OrderedSeries): void {
  for (const p of series.parts) {
    const list = map.get(p);
    if (list) list.push(series);
    else map.set(p, [series]);
  }
}

/**
 * Adds to `problems` each series formulation of `report` written with its parts in another
 * order (message `order`, fixed to the formulation), unless it overlaps a problem already
 * there, lies in opaque text or inside the project dictionary's `quiet` phrases.
 */
export function seriesOrder({ text, opaque }: Report, problems: Problem[], quiet: readonly string[] | null): void {
  const before = problems.length;
  // One pass over the 、 of the text, gathering runs: 、 joined by Han-only segments.
  let i = text.indexOf('、');
  while (i !== -1) {
    const commas = [i];
    let j = text.indexOf('、', i + 1);
    while (j !== -1 && j - commas[commas.length - 1] - 1 <= SEGMENT_MAX && allHan(text, commas[commas.length - 1] + 1, j)) {
      commas.push(j);
      j = text.indexOf('、', j + 1);
    }
    const problem = permutedRun(text, commas);
    if (problem) {
      const { start, end } = problem;
      const clear = !opaque.overlaps(start, end) && !(quiet !== null && insidePhrase(text, start, end, quiet)) && !problems.some((q) => q.start < end && start < q.end);
      if (clear) problems.push(problem);
    }
    i = j;
  }
  // The parts quoted one by one (`“不敢腐”“不想腐”“不能腐”`, `“学思想”、“重实践”…`).
  for (let open = text.indexOf('“'); open !== -1; ) {
    const run = quotedRun(text, open);
    const problem = run.length >= 3 ? permutedQuotedRun(text, run) : null;
    if (problem) {
      const { start, end } = problem;
      const clear = !opaque.overlaps(start, end) && !(quiet !== null && insidePhrase(text, start, end, quiet)) && !problems.some((q) => q.start < end && start < q.end);
      if (clear) problems.push(problem);
    }
    const after = run.length > 0 ? run[run.length - 1][1] : open + 1;
    open = text.indexOf('“', after);
  }
  if (problems.length > before) problems.sort((a, b) => a.start - b.start);
}

/**
 * The quoted parts of a run starting with the “ at `open`: each `[start, end)` of one part
 * inside its quotation marks, the next following right after ” or after ”、; empty when
 * the first quotation is no part of a series entry.
 */
function quotedRun(text: string, open: number): [number, number][] {
  const run: [number, number][] = [];
  let at = open;
  for (;;) {
    // Looked for within SEGMENT_MAX only: many “ without a ” must not each scan the text.
    const close = closingWithin(text, at + 1, SEGMENT_MAX + 1);
    if (close === -1 || !BY_PART.has(text.slice(at + 1, close))) break;
    run.push([at + 1, close]);
    if (text[close + 1] === '“') at = close + 1;
    else if (text[close + 1] === '、' && text[close + 2] === '“') at = close + 2;
    else break;
  }
  return run;
}

/** The finding for quoted parts `run` that are one series entry's parts in another order, or null. */
function permutedQuotedRun(text: string, run: readonly [number, number][]): Problem | null {
  const words = run.map(([a, b]) => text.slice(a, b));
  for (const series of BY_PART.get(words[0]) ?? []) {
    const { parts } = series;
    if (parts.length !== words.length || new Set(words).size !== words.length || !words.every((w) => parts.includes(w))) continue;
    if (words.every((w, k) => w === parts[k])) return null;
    const start = run[0][0] - 1;
    const end = run[run.length - 1][1] + 1;
    if (!namedOnLine(text, start, end, series)) continue;
    // Shown inside the message's own quotation marks: the outer pair is the text's.
    const found = text.slice(start + 1, end - 1);
    // The same quotation marks and separators, the parts in the source's order.
    let fixed = '';
    let from = start;
    run.forEach(([a, b], k) => {
      fixed += text.slice(from, a) + parts[k];
      from = b;
    });
    fixed += text.slice(from, end);
    const { canonical } = series;
    const { source } = series.entry;
    return { messageId: 'order', data: { found, canonical, source }, start, end, fix: { start, end, text: fixed } };
  }
  return null;
}

/** The offset of the first ” in text[from, from + max), or -1. */
export function closingWithin(text: string, from: number, max: number): number {
  const to = Math.min(text.length, from + max);
  for (let k = from; k < to; k++) if (text.charCodeAt(k) === 0x201d) return k;
  return -1;
}

/**
 * Whether the series needs no name (`OrderedSeries.name`) or its name stands on the line of
 * text[start, end), outside that run (…社会建设“五位一体”总体布局, 五位一体即…).
 */
function namedOnLine(text: string, start: number, end: number, series: OrderedSeries): boolean {
  const { name } = series;
  if (name === undefined) return true;
  const lineStart = text.lastIndexOf('\n', start) + 1;
  let lineEnd = text.indexOf('\n', end);
  if (lineEnd === -1) lineEnd = text.length;
  return text.slice(lineStart, start).includes(name) || text.slice(end, lineEnd).includes(name);
}

/** Whether text[from, to) is non-empty and all Han. */
function allHan(text: string, from: number, to: number): boolean {
  if (to <= from) return false;
  for (let k = from; k < to; k++) if (!isHanCode(text.charCodeAt(k))) return false;
  return true;
}

/**
 * The finding for the run of 、 at `commas` (ascending offsets, Han-only segments between),
 * when its segments are the parts of one series entry in another order; else null.
 */
function permutedRun(text: string, commas: readonly number[]): Problem | null {
  const n = commas.length + 1;
  if (n < 3) return null;
  // The inner segments are whole parts; the second one names the candidate entries.
  const inner: string[] = [];
  for (let k = 0; k + 1 < commas.length; k++) inner.push(text.slice(commas[k] + 1, commas[k + 1]));
  const candidates = BY_PART.get(inner[0]);
  if (!candidates) return null;
  for (const series of candidates) {
    if (series.parts.length !== n) continue;
    if (!inner.every((s) => series.parts.includes(s))) continue;
    const rest = series.parts.filter((p) => !inner.includes(p));
    if (rest.length !== 2) continue;
    // The first part ends at the first 、, the last starts after the last 、 (either of the two left).
    for (const [head, tail] of [[rest[0], rest[1]], [rest[1], rest[0]]]) {
      const start = commas[0] - head.length;
      const last = commas[commas.length - 1] + 1;
      if (start < 0 || !text.startsWith(head, start) || !text.startsWith(tail, last)) continue;
      const order = [head, ...inner, tail];
      if (order.every((p, k) => p === series.parts[k])) return null; // the canonical order
      const end = last + tail.length;
      if (!namedOnLine(text, start, end, series)) continue;
      const found = text.slice(start, end);
      if (GOOD.has(found)) return null;
      const { canonical } = series;
      const { source } = series.entry;
      return { messageId: 'order', data: { found, canonical, source }, start, end, fix: { start, end, text: canonical } };
    }
  }
  return null;
}
