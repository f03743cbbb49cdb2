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
 * Time linear in the text (one comparison, one line table) plus the outline's size.
 */
export function shiftOutline(report: ReportOutline, text: string): ShiftedOutline {
  const change = changedRange(report.text, text);
  const shift = new OffsetShift(change);
  if (!change) return { report, shift };
  const lines = new LineTable(text);
  const lineOf = (offset: number) => lines.lineAt(offset);

  // Headings are shared by `headings` and `sections` (as in the model): moved once each.
  const headings = new Map<Heading, Heading>();
  const moveHeading = (h: Heading): Heading => {
    let moved = headings.get(h);
    if (!moved) {
      const start = shift.start(h.start);
      moved = {
        ...h,
        line: lineOf(start),
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
    const moved = shift.span(span);
    // A span wholly inside the changed text is gone until the new analysis says otherwise.
    if (moved.start < moved.end) spans.push(moved);
  }
  const title = report.title && { ...shift.span(report.title), line: lineOf(shift.start(report.title.start)) };
  return {
    shift,
    report: {
      text,
      lines,
      opaque: new OpaqueIndex(spans),
      title,
      kind: { ...report.kind, evidence: report.kind.evidence && shift.span(report.kind.evidence) },
      isReport: report.isReport,
      headings: report.headings.map(moveHeading),
      sections: report.sections.map((s): Section => ({ ...shift.span(s), heading: moveHeading(s.heading), children: s.children })),
      topSections: report.topSections,
      items: report.items.map((item) => {
        const moved = shift.span(item);
        return { ...moved, line: lineOf(moved.start) };
      }),
      parts: report.parts.map((part) => shift.span(part)),
    },
  };
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
