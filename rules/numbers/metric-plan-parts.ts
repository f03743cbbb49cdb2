/**
 * The plans part of a report as metric-conflict's readers see it: the ranges `[start, end)`
 * (UTF-16 offsets of the report's text) of its 下一步/工作计划 parts, whose counts are goals,
 * not facts, and the search for an offset in them. Nothing here throws.
 */
import type { Report } from '../model/report';
import { lowerBound } from '../model/lower-bound';

/**
 * Whether `offset` lies in one of `ranges` (`[start, end)` each, sorted and disjoint, as
 * planRanges gives them): a binary search, as every quantity asks it and a long report has
 * a plans part per section.
 */
export function inRanges(ranges: readonly [number, number][], offset: number): boolean {
  const next = lowerBound(ranges, (r) => r[0] <= offset);
  return next > 0 && offset < ranges[next - 1][1];
}

/**
 * Ranges `[start, end)` of the report's plans part (下一步…, 工作计划): goals, not facts.
 * A heading part spans its section; a lead-in paragraph runs to the end of the section it
 * stands in (or of the report). Sorted, overlapping ones merged (inRanges).
 */
export function planRanges(report: Report): [number, number][] {
  const merged: [number, number][] = [];
  for (const [start, end] of planParts(report).sort((a, b) => a[0] - b[0])) {
    const last = merged[merged.length - 1];
    if (last !== undefined && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

/** The ranges of the plans parts, one per part, in the parts' order. */
function planParts(report: Report): [number, number][] {
  const ranges: [number, number][] = [];
  for (const part of report.parts) {
    if (part.id !== 'plans') continue;
    if (part.via === 'heading' && part.section >= 0) {
      const s = report.sections[part.section];
      ranges.push([s.start, s.end]);
    } else {
      let end = report.text.length;
      for (const s of report.sections) if (s.start <= part.start && s.end > part.start) end = Math.min(end, s.end);
      ranges.push([part.start, end]);
    }
  }
  return ranges;
}
