/**
 * The section tree and the 一是 items: sections from the headings (flat, linked by index),
 * each item with the innermost section holding it, and the sections that carry the parts.
 */
import type { LineTable } from './lines';
import { findOrdinals } from './markers';
import type { Heading, OrdinalItem, Report, Section } from './report';

/** What may stand before an item that opens its line: indentation and emphasis marks. */
const LINE_HEAD_BEFORE = /^[\s*]*$/;

/** A line's prose, `[from, to)` on 0-based `line`: past its indentation, or after a run-in heading (where 一是 items are looked for). */
export interface Body {
  line: number;
  from: number;
  to: number;
}

/**
 * Whether section `a` (already open) contains heading `b`. Markdown depth orders two
 * `#` headings; structural levels order two numbered ones; an unnumbered `#` heading holds
 * the numbered lines below it, and a numbered plain line does not hold a `#` heading.
 */
function contains(a: Heading, b: Heading): boolean {
  if (a.depth !== null && b.depth !== null) return a.depth < b.depth;
  if (a.marker && b.marker) return a.marker.level < b.marker.level;
  if (a.depth !== null && !a.marker) return true;
  return false;
}

/** The section tree of `headings` (in line order); each section ends where the next heading it does not contain begins. */
export function buildSections(headings: Heading[], lines: LineTable, textEnd: number): Section[] {
  const sections: Section[] = [];
  const stack: number[] = [];
  for (const heading of headings) {
    while (stack.length && !contains(sections[stack[stack.length - 1]].heading, heading)) stack.pop();
    const parent = stack.length ? stack[stack.length - 1] : -1;
    const index = sections.length;
    sections.push({ index, heading, parent, children: [], start: lines.start(heading.line), end: textEnd });
    if (parent >= 0) sections[parent].children.push(index);
    stack.push(index);
  }
  // A section ends where the next heading that it does not contain begins.
  for (let i = 0; i < sections.length; i++) {
    for (let j = i + 1; j < sections.length; j++) {
      if (!isDescendant(sections, j, i)) {
        sections[i].end = lastContentEnd(lines, sections[j].heading.line);
        break;
      }
    }
  }
  return sections;
}

function isDescendant(sections: Section[], j: number, i: number): boolean {
  for (let p = sections[j].parent; p !== -1; p = sections[p].parent) if (p === i) return true;
  return false;
}

/** End offset of the last line before `line` (the end of the previous line's text). */
function lastContentEnd(lines: LineTable, line: number): number {
  return line > 0 ? lines.end(line - 1) : 0;
}

/** The 一是 items of the bodies, each with the innermost section holding it. */
export function collectItems(
  text: string,
  bodies: readonly Body[],
  sections: Section[],
  headings: Heading[],
): OrdinalItem[] {
  const items: OrdinalItem[] = [];
  // Sections in heading order; the innermost section of a line is the last one starting on
  // or before it whose range holds it.
  let cursor = -1;
  for (const body of bodies) {
    while (cursor + 1 < headings.length && headings[cursor + 1].line <= body.line) cursor++;
    let section = cursor;
    while (section >= 0 && sections[section].end < body.from) section = sections[section].parent;
    for (const found of findOrdinals(text, body.from, body.to)) {
      const before = text.slice(body.from, found.start);
      // Written out field by field: a spread gives each item its own hidden class, and every
      // rule that reads `report.items` would pay for that on each property read.
      items.push({ value: found.value, start: found.start, end: found.end, text: found.text, line: body.line, atLineHead: LINE_HEAD_BEFORE.test(before), section });
    }
  }
  return items;
}

/** The sections that carry the report's parts: the roots, or the children of a title heading holding everything. */
export function findTopSections(sections: Section[], title: Report['title']): number[] {
  let top = sections.filter((s) => s.parent === -1).map((s) => s.index);
  // `# 某某镇2023年党建工作总结` holding everything: its children are the parts.
  while (top.length === 1 && !sections[top[0]].heading.marker && sections[top[0]].children.length > 0) {
    top = sections[top[0]].children;
  }
  if (title && top.length > 1) top = top.filter((i) => sections[i].heading.line !== title.line);
  return top;
}
