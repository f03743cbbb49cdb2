/**
 * The section tree and the 一是 items: sections from the headings (flat, linked by index),
 * each item with the innermost section holding it, and the sections that carry the parts.
 */
import type { LineTable } from './lines';
import { findOrdinals, type OrdinalMarker } from './markers';
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
    const found = findOrdinals(text, body.from, body.to);
    // The run's first items in the words of a run-in heading on the same line: counted.
    const head = cursor >= 0 ? headings[cursor] : undefined;
    if (head !== undefined && head.runIn && head.line === body.line && found.length > 0) {
      for (const m of titleItems(text, head, found[0])) {
        items.push({ value: m.value, start: m.start, end: m.end, text: m.text, line: body.line, atLineHead: false, section });
      }
    }
    for (const item of found) {
      const before = text.slice(body.from, item.start);
      // Written out field by field: a spread gives each item its own hidden class, and every
      // rule that reads `report.items` would pay for that on each property read.
      items.push({ value: item.value, start: item.start, end: item.end, text: item.text, line: body.line, atLineHead: LINE_HEAD_BEFORE.test(before), section });
    }
  }
  return items;
}

/**
 * The items in the words of the run-in heading `head` that open the run its body goes on with
 * (`first`, the body's first item, a 是 item): from the title's last 一是 on, when they count
 * up by one from 1 to a number below `first`'s, all 是 items. A heading
 * ends at its first 。, so a flattened line's `一、存在的问题 经调研，主要有以下问题：一是…。二是…`
 * or a numbered line whose words open with the run (`3、一是…。二是…`) holds the 一是 in its
 * title; counted there, the 二是 after it is no run starting at 二. Empty otherwise.
 */
function titleItems(text: string, head: Heading, first: OrdinalMarker): OrdinalMarker[] {
  if (first.value < 2 || !first.text.endsWith('是')) return [];
  const inTitle = findOrdinals(text, head.title.start, head.title.end);
  let k = inTitle.length - 1;
  while (k >= 0 && inTitle[k].value !== 1) k--;
  if (k < 0) return [];
  const run = inTitle.slice(k);
  for (let i = 0; i < run.length; i++) if (run[i].value !== i + 1 || !run[i].text.endsWith('是')) return [];
  // A body going on past the title's last number (一是 in the title, 三是 after it) continues
  // the run too: the gap is then reported as one, not as a run that starts at 三.
  return run.length < first.value ? run : [];
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
