/**
 * The structural numbers that may come next at the start of a line, computed from the
 * report's section tree and items (GB/T 9704-2012 7.3.3 levels `一、` > `（一）` > `1.` >
 * `（1）`, and `一是…二是…` items): after `二、…` the next top-level number is `三、`;
 * inside `（二）` the next is `（三）` and its first child `1.`; after `一是…` comes `二是`.
 * A number that the text after the line already uses at that place is not offered, since
 * writing it would repeat it.
 */
import { canonicalMarker, type MarkerLevel } from '../model/markers';
import { toChineseNumeral } from '../model/numerals';
import type { ReportOutline, Section } from '../model/report';
import { isContentLine } from './sections';

/** One number that may open the line. */
export interface NextNumber {
  /** What to write: `三、`, `（一）`, `二是`. */
  text: string;
  kind: 'heading' | 'item';
  /** The structural level of a heading number. */
  level: MarkerLevel | null;
  value: number;
  /**
   * `sibling`: the next of a section's level under the same parent; `child`: the first
   * number below the innermost section; `item`: the next (or first) 一是 item.
   */
  relation: 'sibling' | 'child' | 'item';
  /** The number it follows (a heading's marker and title, or an item), or null for a first number. */
  after: { start: number; end: number; text: string } | null;
  /** Whether it continues the line of content just above (the likeliest choice). */
  likely: boolean;
}

/**
 * The numbers that may open `line` (0-based), likeliest first: the next item when the line
 * above is an item (or a lead-in ending with ：), then the next sibling of the innermost
 * section, its first child, the next siblings of its ancestors, and an item run further up.
 */
export function nextNumbers(report: ReportOutline, line: number): NextNumber[] {
  const { sections, lines } = report;
  let innermost = -1;
  for (const s of sections) if (s.heading.line < line) innermost = s.index;
  let previousLine = line - 1;
  while (previousLine >= 0 && !isContentLine(report, previousLine)) previousLine--;
  const lineStart = lines.start(line);
  const later = (s: Section) => s.heading.line >= line;

  // Items: the run in the innermost section before this line (an item's section is the
  // innermost one holding it, so it stands after that section's heading).
  const items = report.items.filter((i) => i.section === innermost);
  const lastItem = items.filter((i) => i.start < lineStart).pop();
  const firstAfter = items.find((i) => i.start >= lineStart);
  let item: NextNumber | null = null;
  if (lastItem) {
    const value = lastItem.value + 1;
    if (firstAfter?.value !== value) {
      item = {
        text: `${toChineseNumeral(value)}是`,
        kind: 'item',
        level: null,
        value,
        relation: 'item',
        after: { start: lastItem.start, end: lastItem.end, text: lastItem.text },
        likely: lastItem.line === previousLine,
      };
    }
  } else if (previousLine >= 0 && /[：:]\s*$/.test(lines.lineText(previousLine)) && firstAfter?.value !== 1) {
    // "主要原因：" — a lead-in announcing items.
    item = { text: '一是', kind: 'item', level: null, value: 1, relation: 'item', after: null, likely: true };
  }

  // Headings: the next sibling of each section on the path from the innermost one out,
  // and the first child of the innermost.
  const heading = (level: MarkerLevel, value: number, relation: 'sibling' | 'child', after: NextNumber['after']): NextNumber => ({
    text: canonicalMarker(level, value),
    kind: 'heading',
    level,
    value,
    relation,
    after,
    likely: false,
  });
  const siblings: NextNumber[] = [];
  let innerSibling: NextNumber | null = null;
  let child: NextNumber | null = null;
  for (let i = innermost; i >= 0; i = sections[i].parent) {
    const section = sections[i];
    const marker = section.heading.marker;
    if (!marker) continue;
    const taken = (parent: number, level: MarkerLevel, value: number) =>
      sections.some((s) => s.parent === parent && later(s) && s.heading.marker?.level === level && s.heading.marker.value === value);
    if (i === innermost && marker.level < 4 && !taken(i, (marker.level + 1) as MarkerLevel, 1)) {
      child = heading((marker.level + 1) as MarkerLevel, 1, 'child', null);
    }
    if (!taken(section.parent, marker.level, marker.value + 1)) {
      const after = { start: marker.start, end: section.heading.title.end, text: `${marker.text}${section.heading.title.text}` };
      const sibling = heading(marker.level, marker.value + 1, 'sibling', after);
      if (i === innermost) innerSibling = sibling;
      else siblings.push(sibling);
    }
  }
  if (innermost < 0 && !sections.some((s) => s.heading.marker)) child = heading(1, 1, 'child', null);

  return [
    ...(item?.likely ? [item] : []),
    ...(innerSibling ? [innerSibling] : []),
    ...(child ? [child] : []),
    ...siblings,
    ...(item && !item.likely ? [item] : []),
  ];
}
