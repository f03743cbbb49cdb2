/**
 * The line pass of the report model: every line of prose read as a heading (a structural
 * number or a `#` heading, rules/model/headings.ts) or as a body line where 一是 items may
 * stand. Each line is read alone — its text, the opaque spans over it and the mdast heading
 * starting on it — so after an edit the lines outside the re-parsed region are taken over
 * from the previous report (rules/model/splice.ts) and only the region's are read again.
 * What depends on a line's neighbours (miswritten levels: outline-miswritten.ts; statements:
 * outline.ts) is worked out afterwards on the whole list, which is why the markers as read
 * are kept apart.
 */
import type { Heading as MdHeading, Root } from 'mdast';
import { contentEnd, readHeading } from './headings';
import type { LineTable } from './lines';
import { lineHead, type StructuralMarker } from './markers';
import type { OpaqueIndex } from './opaque';
import type { Heading, Report } from './report';
import type { Body } from './sections';
import type { Splice } from './splice';

/** The headings and body lines of a text, in line order, as the line pass reads them. */
export interface HeadingLines {
  /** The report's headings (outline-miswritten.ts later promotes markers and outline.ts marks statements on them). */
  headings: Heading[];
  /** Each heading's marker as read, before any promotion: what a later splice starts from. */
  markers: (StructuralMarker | null)[];
  bodies: Body[];
}

const remembered = new WeakMap<Report, HeadingLines>();

/** Keeps `lines` as `report`'s line pass, for the next version's splice. */
export function rememberHeadingLines(report: Report, lines: HeadingLines): void {
  remembered.set(report, lines);
}

/**
 * Reads the lines `[fromLine, toLine)` of `text` into `out` (appended, in line order).
 *
 * @param tree the text's mdast: a `#` heading is known by the block starting on its line
 */
export function readHeadingLines(
  text: string,
  lines: LineTable,
  opaque: OpaqueIndex,
  tree: Root,
  fromLine = 0,
  toLine = lines.count,
  out: HeadingLines = { headings: [], markers: [], bodies: [] },
): HeadingLines {
  const mdHeadings = new Map<number, MdHeading>();
  for (const node of tree.children) {
    if (node.type === 'heading' && node.position) mdHeadings.set(node.position.start.line - 1, node);
  }
  for (let line = fromLine; line < toLine; line++) {
    const lineStart = lines.start(line);
    const lineEnd = lines.end(line);
    if (lineStart === lineEnd || opaque.at(lineStart)) continue;
    const head = lineHead(text, lineStart, lineEnd);
    if (head >= lineEnd) continue;
    const md = mdHeadings.get(line);
    const heading = readHeading(text, line, head, contentEnd(opaque, head, lineEnd), md ?? null);
    if (heading) {
      out.headings.push(heading);
      out.markers.push(heading.marker);
      if (heading.end < lineEnd) out.bodies.push({ line, from: heading.end, to: lineEnd });
    } else {
      out.bodies.push({ line, from: head, to: lineEnd });
    }
  }
  return out;
}

/**
 * The line pass of the new text from the previous report's, or null where that report's was
 * not kept: lines outside the region taken over (new heading objects, as
 * outline-miswritten.ts changes headings in place; body lines shared before the region, moved after it), the region's read.
 */
export function splicedHeadingLines(splice: Splice, text: string, lines: LineTable, opaque: OpaqueIndex, tree: Root): HeadingLines | null {
  const old = remembered.get(splice.previous);
  if (!old) return null;
  const { fromLine, oldToLine, delta, lineDelta } = splice;
  const out: HeadingLines = { headings: [], markers: [], bodies: [] };
  let h = 0;
  for (; h < old.headings.length && old.headings[h].line < fromLine; h++) {
    const heading = movedHeading(old.headings[h], old.markers[h], 0, 0);
    out.headings.push(heading);
    out.markers.push(heading.marker);
  }
  let b = 0;
  for (; b < old.bodies.length && old.bodies[b].line < fromLine; b++) out.bodies.push(old.bodies[b]);
  readHeadingLines(text, lines, opaque, tree, fromLine, splice.toLine + 1, out);
  for (; h < old.headings.length; h++) {
    if (old.headings[h].line <= oldToLine) continue;
    const heading = movedHeading(old.headings[h], old.markers[h], delta, lineDelta);
    out.headings.push(heading);
    out.markers.push(heading.marker);
  }
  for (; b < old.bodies.length; b++) {
    const body = old.bodies[b];
    if (body.line > oldToLine) out.bodies.push({ line: body.line + lineDelta, from: body.from + delta, to: body.to + delta });
  }
  return out;
}

/**
 * A new heading object for `heading` moved `delta` code units and `lines` lines, with the
 * marker as first read (`marker`) and not a statement: as the line pass reads it.
 */
function movedHeading(heading: Heading, marker: StructuralMarker | null, delta: number, lines: number): Heading {
  return {
    line: heading.line + lines,
    start: heading.start + delta,
    end: heading.end + delta,
    marker: marker && delta !== 0 ? { ...marker, start: marker.start + delta, end: marker.end + delta } : marker,
    depth: heading.depth,
    title: delta === 0 ? heading.title : { start: heading.title.start + delta, end: heading.title.end + delta, text: heading.title.text },
    runIn: heading.runIn,
    statement: false,
  };
}
