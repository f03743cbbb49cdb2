/**
 * Folding ranges for the report's sections, from the section tree: a draft numbered
 * `一、` / `（一）` / `1.` / `（1）` without any `#` heading folds like one with headings.
 */
import type { FoldingRange } from 'vscode-languageserver';
import type { ReportOutline } from '../../rules/model/report';

/**
 * One range per section that spans more than its heading line: from the heading's line to
 * the section's last non-blank line (0-based lines, both inclusive, as LSP folds them).
 * Nested sections give nested ranges; a run-in heading folds with the text after it.
 */
export function foldingRanges(report: ReportOutline): FoldingRange[] {
  const { lines } = report;
  const ranges: FoldingRange[] = [];
  for (const section of report.sections) {
    const startLine = section.heading.line;
    let endLine = lines.lineAt(Math.max(section.start, section.end));
    while (endLine > startLine && lines.lineText(endLine).trim() === '') endLine--;
    if (endLine > startLine) ranges.push({ startLine, endLine });
  }
  return ranges;
}
