/**
 * A series formulation (`政治判断力、政治领悟力、政治执行力`, `读原著、学原文、悟原理`) quoted
 * with one word of one part changed, for `slogan-canonical`: every other part as written, in
 * its place, and the changed part keeping at least half its characters (`政治理解力` for
 * 政治领悟力, `悟道理` for 悟原理). The parts around hold the window in place, so the change
 * is told from the writer's own series: one that runs on (a part added or replaced whole,
 * `以学促发展`) differs in more than half a part or in more than one part, and stays quiet.
 *
 * The one-character search (slogan-search.ts) finds a homophone or look-alike anywhere and,
 * in a long form, any replaced character; this finds a near word of one or two characters
 * in a series of any length. Only parts of three characters or more are compared (in a
 * series of two-character words, `创新、协调、绿色、开放、共赢`, one character is half the
 * word); a changed first part only where nothing Han stands before the series, a changed
 * last part only where the text's part ends with it (not Han beyond, or 的).
 * Offsets are UTF-16 code units of the report text.
 */
import type { Report } from '../model/report';
import type { Problem } from '../types';
import type { SloganEntry } from '../data/slogans';
import { insidePhrase } from '../model/dictionary';
import { isHanCode } from '../model/script';
import { ENTRIES, GOOD } from './slogan-index';
import { isSeries } from './slogan-variants';

/** Shortest part (code units) whose words may be changed. */
const PART_MIN = 3;
/** Shortest word two halves open with (藏粮于) for them to be read as a pair on it. */
const HEAD_MIN = 3;

interface Series {
  entry: SloganEntry;
  parts: readonly string[];
  /** Where each part starts in the canonical form. */
  offsets: readonly number[];
  /** The last two characters when every part ends in them (建设 of 政治建设、思想建设…), else null. */
  family: string | null;
  /**
   * Whether the parts are a numbered formulation's own, in its order (四个意识's 政治意识、
   * 大局意识、核心意识、看齐意识; 三严三实's 谋事要实、创业要实、做人要实): a closed set, so
   * another kind in a part's place is a misquote where the series is written whole.
   */
  closed: boolean;
  /**
   * For two halves opening with one word (藏粮于地、藏粮于技), that word's length: only the
   * characters after it may change, and only where the text names the formulation. Else 0.
   */
  head: number;
}

/** The `parts` of every numbered formulation, joined by 、 (四个意识 → 政治意识、…看齐意识). */
const NUMBERED_PARTS: readonly string[] = ENTRIES.filter((e) => e.parts.length >= 3).map((e) => e.parts.join('、'));

const SERIES: readonly Series[] = ENTRIES.filter((e) => isSeries(e.canonical) || isParallelPair(e.canonical)).map((entry) => {
  const parts = entry.canonical.split('、');
  const offsets: number[] = [];
  let at = 0;
  for (const p of parts) {
    offsets.push(at);
    at += p.length + 1;
  }
  const tail = parts[0].slice(-2);
  const closed = NUMBERED_PARTS.some((all) => all === entry.canonical || all.startsWith(`${entry.canonical}、`) || all.endsWith(`、${entry.canonical}`) || all.includes(`、${entry.canonical}、`));
  return { entry, parts, offsets, family: parts.every((p) => p.endsWith(tail)) ? tail : null, closed, head: sharedHead(entry.canonical) };
});

/**
 * The length of the word two halves of one length open with (藏粮于 of 藏粮于地、藏粮于技: the
 * halves differ only after it, and it is at least half of each), or 0: parallel halves whose
 * last word is the formulation's own, one character changed in a misquote (`藏粮于地、藏粮于民`).
 */
function sharedHead(canonical: string): number {
  const parts = canonical.split('、');
  if (parts.length !== 2) return 0;
  const [a, b] = parts;
  if (a.length !== b.length || a.length < PART_MIN || a === b) return 0;
  let h = 0;
  while (a[h] === b[h]) h++;
  return h >= HEAD_MIN && h * 2 >= a.length ? h : 0;
}

/**
 * Two parts of one length ending in one word (人民至上、生命至上): parallel halves, read as a
 * series whose shared last word may not change (`人民至上、生命第一`); or opening with one
 * (藏粮于地、藏粮于技, `sharedHead`), whose own last words may not (`藏粮于民`). Two parts with no
 * shared word (不忘初心、牢记使命) are not: one part is too weak an anchor for a near word,
 * and writers make their own pairs on one (`不忘初心、牢记嘱托`).
 */
function isParallelPair(canonical: string): boolean {
  const parts = canonical.split('、');
  if (parts.length !== 2 || !isSeries(`${canonical}、${parts[1]}`)) return false;
  const [a, b] = parts;
  return a.length === b.length && a.length >= PART_MIN && (a.slice(-2) === b.slice(-2) || sharedHead(canonical) > 0) && a !== b;
}

/** Nouns a series formulation qualifies right after its last part (`人民至上、生命至上理念`, `藏粮于地、藏粮于技战略`). */
const SERIES_HEADS = ['理念', '要求', '原则', '方针', '思想', '导向', '宗旨', '战略'];

/** Characters after a series that carry it on (another part follows): 、 and the joining words. */
const GOES_ON = '、和及与';

/**
 * Adds to `problems` each series of `report` quoted with one part's word changed (message
 * `wrong`, fixed to the formulation), unless it overlaps a problem already there, lies in
 * opaque text or inside the project dictionary's `quiet` phrases.
 */
export function seriesPartWords({ text, opaque }: Report, problems: Problem[], quiet: readonly string[] | null): void {
  const before = problems.length;
  const seen = new Set<string>();
  // One pass over the 顿号 of the text: a series is anchored at its first part (a later part
  // changed) or its second (the first changed), each ending right before a 、. Looking each
  // part up by its last two characters keeps this one scan, where a search per part cost a
  // scan of the text per part (≈35 ms on 1 MB, issue #14).
  for (let i = text.indexOf('、'); i !== -1; i = text.indexOf('、', i + 1)) {
    const anchors = i >= 2 ? ANCHORS.get((text.charCodeAt(i - 2) << 16) | text.charCodeAt(i - 1)) : undefined;
    if (!anchors) continue;
    for (const { series: s, k } of anchors) {
      const part = s.parts[k];
      if (!text.startsWith(part, i - part.length)) continue;
      const start = i - part.length - s.offsets[k];
      const key = `${start}:${s.entry.canonical}`;
      if (start < 0 || seen.has(key)) continue;
      seen.add(key);
      const problem = changedPart(text, start, s);
      if (!problem) continue;
      const { end } = problem;
      if (opaque.overlaps(start, end) || (quiet !== null && insidePhrase(text, start, end, quiet))) continue;
      if (problems.some((q) => q.start < end && start < q.end)) continue;
      problems.push(problem);
    }
  }
  if (problems.length > before) problems.sort((a, b) => a.start - b.start);
}

/**
 * The first and second parts of each series by their last two code units, as one number
 * (every part has two or more): looked up at every 、 without making a string.
 */
const ANCHORS = ((): Map<number, { series: Series; k: number }[]> => {
  const map = new Map<number, { series: Series; k: number }[]>();
  for (const series of SERIES) {
    for (const k of [0, 1]) {
      const part = series.parts[k];
      const key = (part.charCodeAt(part.length - 2) << 16) | part.charCodeAt(part.length - 1);
      const list = map.get(key);
      if (list) list.push({ series, k });
      else map.set(key, [{ series, k }]);
    }
  }
  return map;
})();

/** The finding for the series `s` at `start` of `text` with one part's word changed, or null. */
function changedPart(text: string, start: number, s: Series): Problem | null {
  const { canonical, source } = s.entry;
  const m = canonical.length;
  const end = start + m;
  if (end > text.length) return null;
  let first = -1;
  let last = -1;
  for (let i = 0; i < m; i++) {
    if (text.charCodeAt(start + i) === canonical.charCodeAt(i)) continue;
    if (first === -1) first = i;
    else if (i !== last + 1) return null; // two runs of changes
    last = i;
  }
  if (first === -1) return null;
  // The part holding the change, which must hold all of it.
  let j = s.offsets.length - 1;
  while (s.offsets[j] > first) j--;
  const partEnd = s.offsets[j] + s.parts[j].length;
  const n = s.parts[j].length;
  const changed = last - first + 1;
  if (last >= partEnd || n < PART_MIN || changed * 2 > n) return null;
  // Parts that all end in one word name kinds of one thing (政治建设、思想建设…纪律建设):
  // another kind in a part's place (制度建设) is the writer's own list, not a misquote —
  // unless they are a numbered formulation's closed set written whole (增强政治意识、大局意识、
  // 核心意识、责任意识 for 四个意识; 坚定道路自信、…、历史自信 for 四个自信): nothing of a
  // series before it, none going on after it (`…看齐意识、责任意识` adds a fifth kind).
  // Two parallel halves (人民至上、生命至上) keep their kinds open: only the shared word counts.
  if (s.family !== null && last < partEnd - s.family.length) {
    if (!s.closed) return null;
    if (start > 0 && text[start - 1] === '、') return null;
    if (end < text.length && GOES_ON.includes(text[end])) return null;
  }
  if (s.parts.length === 2 && s.family !== null && first < partEnd - s.family.length) return null;
  // Halves on one opening word (藏粮于地、藏粮于技): the change after that word, and the text
  // naming the formulation — quoted whole, or before a noun it qualifies (`…藏粮于民战略`).
  // Elsewhere two halves on one word are as often the writer's own (格外关心、格外关爱).
  if (s.head > 0) {
    if (first < s.offsets[j] + s.head) return null;
    const quoted = text[start - 1] === '“' && text[end] === '”';
    const after = text[end] === '的' ? end + 1 : end;
    if (!quoted && !SERIES_HEADS.some((h) => text.startsWith(h, after))) return null;
  }
  for (let i = first; i <= last; i++) if (!isHanCode(text.charCodeAt(start + i))) return null;
  if (j === 0 && start > 0 && isHanCode(text.charCodeAt(start - 1))) return null;
  // The last part must end the series: not run on into a longer word, but 的 or a noun the
  // whole formulation qualifies may follow (`人民至上、生命第一理念`, `…的要求`).
  if (j === s.parts.length - 1 && end < text.length && isHanCode(text.charCodeAt(end)) && text[end] !== '的' && !SERIES_HEADS.some((h) => text.startsWith(h, end))) return null;
  const found = text.slice(start, end);
  if (GOOD.has(found)) return null;
  return {
    messageId: 'wrong',
    data: { found, canonical, source, char: found.slice(first, last + 1), expected: canonical.slice(first, last + 1) },
    start,
    end,
    fix: { start, end, text: canonical },
  };
}
