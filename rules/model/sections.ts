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
 *
 * One exception to the order of levels: a run of numbered plain lines that restarts at 1
 * inside a numbered `#` heading (`## 三、下一步工作打算` then `一、强化…` `二、夯实…`, or
 * `### （二）…` then `（一）…`) is a level nested under that heading, whatever shape its
 * markers take. Writers set paragraph headings under a Markdown section all the time, and
 * restart their numbers there; read at the heading's own level they would be the report's
 * parts numbered again from 一 (a cascade of repeats). The run opens at 1 (no part of the
 * heading's run can be numbered 1 after it) and goes on while the section already holds a
 * plain line of the same level; a later `#` heading still closes it.
 *
 * @param held the headings of the sections `a` already holds as children (plain lines among
 *   them tell an open run)
 */
function contains(a: Heading, b: Heading, held: (k: number) => Heading | undefined): boolean {
  if (a.depth !== null && b.depth !== null) return a.depth < b.depth;
  if (a.marker && b.marker) {
    if (a.marker.level < b.marker.level) return true;
    return a.depth !== null && b.depth === null && restartsUnder(b.marker.level, b.marker.value, held);
  }
  if (a.depth !== null && !a.marker) return true;
  return false;
}

/**
 * Whether a plain numbered line of `level` and `value` belongs to a run restarted inside a
 * `#` section whose children's headings are `held`: it is the run's first number (1), or
 * the section already holds a plain line of that level (the run is open).
 */
function restartsUnder(level: number, value: number, held: (k: number) => Heading | undefined): boolean {
  if (value === 1) return true;
  for (let k = 0, h = held(0); h !== undefined; h = held(++k)) if (h.depth === null && h.marker?.level === level) return true;
  return false;
}

/**
 * Whether section `s` is a numbered plain line of a run restarted inside its `#` parent
 * (`## 三、下一步工作打算` then `一、…` `二、…`; see `contains`): its marker's level is not
 * below the parent's, yet the parent holds it. Such a run is a nested level, not an
 * inversion of levels.
 */
export function restartsInside(sections: readonly Section[], s: Section): boolean {
  if (s.parent < 0 || s.heading.depth !== null || !s.heading.marker) return false;
  const parent = sections[s.parent].heading;
  return parent.depth !== null && parent.marker !== null && parent.marker.level >= s.heading.marker.level;
}

/** The section tree of `headings` (in line order); each section ends where the next heading it does not contain begins. */
export function buildSections(headings: Heading[], lines: LineTable, textEnd: number): Section[] {
  const sections: Section[] = [];
  const stack: number[] = [];
  for (const heading of headings) {
    while (stack.length && !containsSection(sections, stack[stack.length - 1], heading)) stack.pop();
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

/** `contains` for open section `i` of `sections`, whose children so far are its `held`. */
function containsSection(sections: readonly Section[], i: number, heading: Heading): boolean {
  // A paragraph heading of a restarted run holds no `#` heading: the next `### （二）` is its
  // `#` parent's sibling or child, not part of the paragraph.
  if (heading.depth !== null && restartsInside(sections, sections[i])) return false;
  const children = sections[i].children;
  return contains(sections[i].heading, heading, (k) => (k < children.length ? sections[children[k]].heading : undefined));
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
