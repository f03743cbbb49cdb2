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
import { isHanCode } from './script';

/**
 * Whether line `line - 1` of `text` is prose cut in the middle of a sentence: it holds a
 * sentence stop (。！？, so it is a paragraph, not a standalone title that takes none) and
 * its last character, spaces left out, is a Han character or a digit — no stop, colon,
 * closing quotation or bracket ends it.
 */
function previousLineCut(text: string, lines: LineTable, line: number): boolean {
  if (line === 0) return false;
  const start = lines.start(line - 1);
  let end = lines.end(line - 1);
  while (end > start && /\s/u.test(text[end - 1])) end--;
  if (end === start) return false;
  const last = text.charCodeAt(end - 1);
  if (!isHanCode(last) && !(last >= 0x30 && last <= 0x39)) return false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x3002 /* 。 */ || c === 0xff01 /* ！ */ || c === 0xff1f /* ？ */) return true;
  }
  return false;
}

/**
 * `headings` and `bodies` (the line pass's, in line order) without a viewer's chunk numbers:
 * a run of Arabic numbers with 、 (`1、` `2、` `3、`, level 3, each the last plus one) of which
 * one stands on a line that goes on with the sentence the line before left open
 * (`previousLineCut`). A writer's number never falls in mid-sentence, so once one does the
 * whole run is the site's, also where a chunk happens to begin at a sentence's end. Each
 * such line is a body line from its head, so its 一是 items count in the section before.
 * New arrays when a heading goes; the arguments themselves otherwise (they are the line pass
 * kept for the next splice, and not changed).
 */
export function withoutCutLineNumbers(text: string, lines: LineTable, headings: readonly Heading[], bodies: readonly Body[]): { headings: Heading[]; bodies: Body[] } {
  const cut = new Set<number>();
  // The current run of `N、` numbers (their lines), and whether one of them is cut.
  let run: number[] = [];
  let runCut = false;
  let last = 0;
  const close = () => {
    if (runCut) for (const line of run) cut.add(line);
    run = [];
    runCut = false;
  };
  for (const h of headings) {
    const m = h.marker;
    if (!m || m.level !== 3 || !m.text.endsWith('、') || h.depth !== null) continue;
    if (m.value !== last + 1) close();
    last = m.value;
    run.push(h.line);
    if (!runCut && previousLineCut(text, lines, h.line)) runCut = true;
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
    if (prev !== undefined && h.line > 0 && prev.to === lines.end(h.line - 1) && previousLineCut(text, lines, h.line)) {
      keptBodies[keptBodies.length - 1] = { line: prev.line, from: prev.from, to: lines.end(h.line) };
    } else keptBodies.push({ line: h.line, from: h.start, to: lines.end(h.line) });
  }
  while (k < bodies.length) keptBodies.push(bodies[k++]);
  return { headings: keptHeadings, bodies: keptBodies };
}
