/**
 * An analysed outline carried over to a newer text of the same document, so that completion
 * and hover answer from the last finished analysis while the new version's runs (issue #14:
 * they never wait for the re-lint).
 *
 * The newer text is read as it is (completion reads the cursor's line from it); only the
 * structure (headings, sections, items, parts, opaque spans, checks) comes from the older
 * analysis, its offsets moved across the one changed range between the two texts
 * (`changedRange`: common prefix and suffix). Structure inside that range is not known until
 * the new analysis finishes; what began or ended inside it is clamped to its edges. So the
 * carried outline may be stale only where the writer just typed (a heading's title text
 * lacks the character typed into it), and is exact elsewhere: offsets before the change are
 * unchanged, those after it shifted by its length, line numbers recomputed on the new text.
 */
import type { TextChange } from '../../rules/model/incremental';
import { changedRange } from '../../rules/model/incremental';
import { LineTable } from '../../rules/model/lines';
import type { StructuralMarker } from '../../rules/model/markers';
import { OpaqueIndex, type OpaqueSpan, type Span } from '../../rules/model/opaque';
import type { Heading, ReportOutline, Section } from '../../rules/model/report';
import type { Check } from '../../rules/types';

/**
 * Moves offsets of an old text onto a new one across their changed range. A start offset
 * inside the range moves to the range's new end, an end offset inside it to its start; at a
 * pure insertion point both move past the inserted text, so text typed at the end of a line
 * extends what ended there (a heading, a section) and text typed before a span precedes it.
 * Every span keeps `start <= end` or becomes empty, order is kept and spans that did not
 * overlap do not come to.
 */
export class OffsetShift {
  private readonly delta: number;

  /** @param change the old `[start, oldEnd)` that became new `[start, newEnd)`; null for equal texts */
  constructor(private readonly change: TextChange | null) {
    this.delta = change ? change.newEnd - change.oldEnd : 0;
  }

  /** The new offset of a span's (inclusive) start at old offset `offset`. */
  start(offset: number): number {
    const c = this.change;
    if (!c || offset < c.start) return offset;
    return offset >= c.oldEnd ? offset + this.delta : c.newEnd;
  }

  /** The new offset of a span's (exclusive) end at old offset `offset`. */
  end(offset: number): number {
    const c = this.change;
    if (!c || offset < c.start) return offset;
    return offset >= c.oldEnd ? offset + this.delta : c.start;
  }

  /** `span` with both offsets moved (other fields kept). */
  span<T extends Span>(span: T): T {
    return { ...span, start: this.start(span.start), end: this.end(span.end) };
  }
}

/** An outline carried over to a newer text, and how its offsets moved (for the analysis' checks). */
export interface ShiftedOutline {
  report: ReportOutline;
  shift: OffsetShift;
}

/**
 * `report` (an outline of an older text of the document) over `text`: `text`'s own lines,
 * the older structure with its offsets moved and its line numbers recomputed. The same
 * outline when the texts are equal.
 *
 * Time: one comparison of the texts (native) plus the outline's part from the change on;
 * what ends before the change is the same object (its offsets and lines are unchanged), and
 * the new text's line table is built only if something read starts inside the change or a
 * caller reads `lines` (issue #14: completion after a keystroke in a long report).
 */
export function shiftOutline(report: ReportOutline, text: string): ShiftedOutline {
  const change = changedRange(report.text, text);
  const shift = new OffsetShift(change);
  if (!change) return { report, shift };
  let table: LineTable | undefined;
  const newLines = () => (table ??= new LineTable(text));
  // Past the change every line moved by the change in line breaks; inside it, ask the new text.
  const lineDelta = countBreaks(text, change.start, change.newEnd) - countBreaks(report.text, change.start, change.oldEnd);
  /** The new line of something on `line` that started at `oldOffset` and starts at `newOffset` now. */
  const lineOf = (line: number, oldOffset: number, newOffset: number) =>
    oldOffset < change.start ? line : oldOffset >= change.oldEnd ? line + lineDelta : newLines().lineAt(newOffset);
  /** Whether a span ends before the change: it stays as it is (so do its marker, title, heading). */
  const before = (span: Span) => span.end < change.start;

  // Headings are shared by `headings` and `sections` (as in the model): moved once each.
  const headings = new Map<Heading, Heading>();
  const moveHeading = (h: Heading): Heading => {
    if (before(h)) return h;
    let moved = headings.get(h);
    if (!moved) {
      const start = shift.start(h.start);
      moved = {
        ...h,
        line: lineOf(h.line, h.start, start),
        start,
        end: shift.end(h.end),
        marker: h.marker ? shift.span<StructuralMarker>(h.marker) : null,
        title: shift.span(h.title),
      };
      headings.set(h, moved);
    }
    return moved;
  };
  const spans: OpaqueSpan[] = [];
  for (const span of report.opaque.spans) {
    const moved = before(span) ? span : shift.span(span);
    // A span wholly inside the changed text is gone until the new analysis says otherwise.
    if (moved.start < moved.end) spans.push(moved);
  }
  const title = report.title && (before(report.title) ? report.title : { ...shift.span(report.title), line: lineOf(report.title.line, report.title.start, shift.start(report.title.start)) });
  return {
    shift,
    report: {
      text,
      get lines() {
        return newLines();
      },
      opaque: new OpaqueIndex(spans),
      title,
      kind: !report.kind.evidence || before(report.kind.evidence) ? report.kind : { ...report.kind, evidence: shift.span(report.kind.evidence) },
      isReport: report.isReport,
      headings: report.headings.map(moveHeading),
      sections: report.sections.map((s): Section => (before(s) ? s : { ...shift.span(s), heading: moveHeading(s.heading), children: s.children })),
      topSections: report.topSections,
      items: report.items.map((item) => {
        if (before(item)) return item;
        const moved = shift.span(item);
        return { ...moved, line: lineOf(item.line, item.start, moved.start) };
      }),
      parts: report.parts.map((part) => (before(part) ? part : shift.span(part))),
    },
  };
}

function countBreaks(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** `checks` (of the analysis an outline was shifted from) with their offsets moved; empty ones dropped. */
export function shiftChecks(checks: readonly Check[], shift: OffsetShift): Check[] {
  const moved: Check[] = [];
  for (const check of checks) {
    const c = shift.span(check);
    if (c.start < c.end) moved.push(c);
  }
  return moved;
}
