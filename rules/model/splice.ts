/**
 * Reusing a previous report's per-line parts after an incremental re-parse
 * (rules/model/incremental.ts): the lines and quantities of the lines an edit did not touch
 * are taken over (before the edit as they were, after it with shifted offsets and line
 * numbers), and only the re-parsed region's lines are read again.
 *
 * Why it is safe: the region `[from, to)` starts at a line start and runs to the end of a
 * top-level block, everything before `from` is the old text unchanged, everything after
 * `to` the old text after `oldTo` unchanged; and a line's quantities depend only on its own
 * text and on the opaque spans over it (code, HTML, links), which come from the mdast
 * blocks holding it — reused blocks for the lines outside the region. The document-wide
 * parts (headings' statements, sections, items, kind, parts, lists) are rebuilt in full.
 * test/unit/incremental.test.ts compares the spliced parts with a full build.
 */
import type { RootContent } from 'mdast';
import type { ReparseOutcome } from './incremental';
import { LineTable } from './lines';
import type { OpaqueIndex } from './opaque';
import { extractQuantities, type Quantity } from './quantities';
import type { Report } from './report';
import { lowerBound } from './lower-bound';

/**
 * Where an edit's re-parsed region lies in the old and the new text, in offsets (UTF-16)
 * and in 0-based lines; outside it the two texts are the same, shifted by `delta` code
 * units and `lineDelta` lines after it.
 */
export interface Splice {
  /** The report of the version before the edit. */
  readonly previous: Report;
  /** Start of the region: a line start, the same in both texts. */
  readonly from: number;
  /** End of the region in the old text and in the new (`oldTo + delta`). */
  readonly oldTo: number;
  readonly to: number;
  readonly delta: number;
  /** The region's lines: `[fromLine, oldToLine]` of the old text became `[fromLine, toLine]`. */
  readonly fromLine: number;
  readonly oldToLine: number;
  readonly toLine: number;
  readonly lineDelta: number;
  /** The region's blocks, offsets from `from` (`ReparseOutcome.region`), if it was parsed. */
  readonly region: readonly RootContent[] | null;
}

/**
 * The splice of an incremental re-parse of `previous` into `text`, with the new line
 * table; null where the re-parse was not incremental (then everything is built in full).
 */
export function spliceOf(previous: Report, text: string, outcome: ReparseOutcome): { splice: Splice; lines: LineTable } | null {
  if (!outcome.incremental || !(previous.lines instanceof LineTable)) return null;
  const delta = text.length - previous.text.length;
  const { from, to } = outcome;
  const oldTo = to - delta;
  const fromLine = previous.lines.lineAt(from);
  const oldToLine = previous.lines.lineAt(oldTo);
  const lines = LineTable.spliced(previous.lines, text, fromLine, oldToLine, delta);
  const lineDelta = lines.count - previous.lines.count;
  const splice: Splice = { previous, from, oldTo, to, delta, fromLine, oldToLine, toLine: oldToLine + lineDelta, lineDelta, region: outcome.region ?? null };
  return { splice, lines };
}

/**
 * The quantities of the new text: the previous report's outside the region (those after it
 * moved), the region's lines read again.
 *
 * @param lines the new text's line table (from `spliceOf`)
 * @param opaque the new text's opaque spans
 */
export function splicedQuantities(splice: Splice, lines: LineTable, opaque: OpaqueIndex): Quantity[] {
  const old = splice.previous.quantities;
  const before = firstOnLine(old, splice.fromLine);
  const after = firstOnLine(old, splice.oldToLine + 1);
  const out = old.slice(0, before);
  for (const q of extractQuantities(lines, opaque, splice.fromLine, splice.toLine + 1)) out.push(q);
  for (let i = after; i < old.length; i++) out.push(shiftQuantity(old[i], splice.delta, splice.lineDelta));
  return out;
}

/** Index of the first quantity on `line` or later (quantities are in document order). */
function firstOnLine(quantities: readonly Quantity[], line: number): number {
  return lowerBound(quantities, (q) => q.line < line);
}

/**
 * A copy of `q` moved `delta` code units and `lines` lines. Written out field by field in
 * the order `extractQuantities` writes them, so copies share the originals' hidden class
 * (the rules read quantities in their hottest loops).
 */
function shiftQuantity(q: Quantity, delta: number, lines: number): Quantity {
  return {
    start: q.start + delta,
    end: q.end + delta,
    numberText: q.numberText,
    numberStart: q.numberStart + delta,
    numberEnd: q.numberEnd + delta,
    value: q.value,
    decimals: q.decimals,
    numeral: q.numeral,
    scale: q.scale,
    unit: q.unit,
    qualifiers: q.qualifiers,
    bound: q.bound,
    scope: q.scope,
    after: q.after,
    line: q.line + lines,
  };
}
