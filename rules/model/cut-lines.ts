/**
 * Line numbers that are no headings: a `N、` at the head of a line whose sentence began on
 * the line before. Pages that show a document in chunks (viewer sites) put `1、` `2、` `3、`
 * at the head of each chunk, wherever it falls — often in the middle of a sentence
 * (`…同时广泛` ⏎ `2、开展调研活动，…`; `…大致有以下几个方面。一是` ⏎ `2、抓农村党建工作。`). Read
 * as headings, they open sections that cut a 一是 run in two (realtext2 audit, texts 07 and
 * 30: `二是` reported as a new run's first item). Worked out on the line pass's whole list,
 * as the line pass reads each line alone (heading-lines.ts).
 */
import type { LineTable } from './lines';
import type { Heading } from './report';
import type { Body } from './sections';
import { findOrdinals } from './markers';
import { isHanCode } from './script';

/**
 * Characters a viewer's chunk holds at the least: sites cut a document into blocks of some
 * hundreds of characters (realtext2 texts 07, 23, 30: 300–880 a line), where a writer's
 * `N、` item is a heading or a paragraph of a few sentences. A number after a shorter line
 * left open is read as the writer's item that lacks its final 。 (review 21: `1、加强思想建设。
 * 组织党员开展专题学习12次` ⏎ `2、…`; a lead-in without its colon, `…以下几个方面` ⏎ `1、…`).
 */
const CHUNK_LENGTH = 200;

/**
 * How line `line - 1` of `text` reads before a `N、` on line `line`: `'ordinal'` when it ends
 * on a run-in item with nothing after it (`…大致有以下几个方面。一是` ⏎ `2、抓党建…`: a writer
 * never leaves 一是 without its item); `'chunk'` when it is prose cut in the middle of a
 * sentence and a viewer's chunk long (`CHUNK_LENGTH`): it holds a sentence stop (。！？, so
 * it is a paragraph, not a standalone title that takes none) and its last character, spaces
 * left out, is a Han character or a digit — no stop, colon, closing quotation or bracket
 * ends it; null otherwise (a short line left open is a writer's item or lead-in that drops
 * its final mark).
 */
function previousLineCut(text: string, lines: LineTable, line: number): 'ordinal' | 'chunk' | null {
  if (line === 0) return null;
  const start = lines.start(line - 1);
  let end = lines.end(line - 1);
  while (end > start && /\s/u.test(text[end - 1])) end--;
  if (end === start) return null;
  const last = text.charCodeAt(end - 1);
  if (!isHanCode(last) && !(last >= 0x30 && last <= 0x39)) return null;
  const ordinals = findOrdinals(text, Math.max(start, end - 3), end);
  if (ordinals.length > 0 && ordinals[ordinals.length - 1].end === end) return 'ordinal';
  if (end - start < CHUNK_LENGTH) return null;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x3002 /* 。 */ || c === 0xff01 /* ！ */ || c === 0xff1f /* ？ */) return 'chunk';
  }
  return null;
}

/** Whether no line before `line` holds more than spaces: the text opens there. */
function opensText(text: string, lines: LineTable, line: number): boolean {
  return line === 0 || text.slice(0, lines.start(line)).trim() === '';
}

/**
 * `headings` and `bodies` (the line pass's, in line order) without a viewer's chunk numbers:
 * a run of Arabic numbers with 、 (`1、` `2、` `3、`, level 3, each the last plus one) with
 * strong evidence of a viewer's cut (`previousLineCut`): one number after a bare run-in 一是,
 * or two after chunk-long lines left open, or one such when the run opens the text (a
 * viewer's page begins with its chunk 1, a report with its title). A writer's own run whose
 * items drop their final 。 stays a run (review 21). Once the evidence holds, the whole run
 * is the site's, also where a chunk happens to begin at a sentence's end. Each
 * such line is a body line from its head, so its 一是 items count in the section before.
 * New arrays when a heading goes; the arguments themselves otherwise (they are the line pass
 * kept for the next splice, and not changed).
 */
export function withoutCutLineNumbers(text: string, lines: LineTable, headings: readonly Heading[], bodies: readonly Body[]): { headings: Heading[]; bodies: Body[] } {
  const cut = new Set<number>();
  // The current run of `N、` numbers (their lines), whether one follows a bare 一是, and how
  // many follow a chunk-long line left open.
  let run: number[] = [];
  let afterOrdinal = false;
  let chunks = 0;
  let last = 0;
  const close = () => {
    const viewer = afterOrdinal || chunks >= 2 || (chunks === 1 && opensText(text, lines, run[0]));
    if (viewer) for (const line of run) cut.add(line);
    run = [];
    afterOrdinal = false;
    chunks = 0;
  };
  for (const h of headings) {
    const m = h.marker;
    if (!m || m.level !== 3 || !m.text.endsWith('、') || h.depth !== null) continue;
    if (m.value !== last + 1) close();
    last = m.value;
    run.push(h.line);
    const how = previousLineCut(text, lines, h.line);
    if (how === 'ordinal') afterOrdinal = true;
    else if (how === 'chunk') chunks++;
  }
  close();
  if (cut.size === 0) return { headings: headings as Heading[], bodies: bodies as Body[] };

  const keptHeadings = headings.filter((h) => !cut.has(h.line));
  const keptBodies: Body[] = [];
  let k = 0;
  for (const h of headings) {
    if (!cut.has(h.line)) continue;
    // The bodies before this line, then the whole line as one body (its run-in body dropped).
    while (k < bodies.length && bodies[k].line < h.line) keptBodies.push(bodies[k++]);
    while (k < bodies.length && bodies[k].line === h.line) k++;
    // A line that goes on with the sentence left open takes its words into the body of the
    // line before, so a run-in 一是 there (`…方面一是` ⏎ `2、抓党建…二是…`) meets its 二是.
    const prev = keptBodies[keptBodies.length - 1];
    if (prev !== undefined && h.line > 0 && prev.to === lines.end(h.line - 1) && previousLineCut(text, lines, h.line) !== null) {
      keptBodies[keptBodies.length - 1] = { line: prev.line, from: prev.from, to: lines.end(h.line) };
    } else keptBodies.push({ line: h.line, from: h.start, to: lines.end(h.line) });
  }
  while (k < bodies.length) keptBodies.push(bodies[k++]);
  return { headings: keptHeadings, bodies: keptBodies };
}
