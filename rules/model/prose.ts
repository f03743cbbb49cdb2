/**
 * The loop most character rules share: a pattern's matches on each line of the report,
 * with matches that touch code, HTML, URLs, tables or front matter left out.
 */
import type { Report } from './report';

export interface ProseMatch {
  match: RegExpMatchArray;
  /** Offsets of the whole match in the document (UTF-16 code units, `end` exclusive). */
  start: number;
  end: number;
  /** 0-based line, its start offset and its text (without the line end). */
  line: number;
  lineStart: number;
  lineText: string;
}

/**
 * Yields the matches of `pattern` (must have the `g` flag) line by line.
 *
 * @param quick a cheap test a line must pass before `pattern` runs on it (say, that it holds
 *   the one character every match needs)
 * @throws TypeError when `pattern` is not global (`matchAll` demands it)
 */
export function* proseMatches(report: Report, pattern: RegExp, quick?: (lineText: string) => boolean): Generator<ProseMatch> {
  const { lines, opaque } = report;
  for (let line = 0; line < lines.count; line++) {
    const lineText = lines.lineText(line);
    if (quick && !quick(lineText)) continue;
    const lineStart = lines.start(line);
    for (const match of lineText.matchAll(pattern)) {
      const start = lineStart + (match.index ?? 0);
      const end = start + match[0].length;
      if (opaque.overlaps(start, end)) continue;
      yield { match, start, end, line, lineStart, lineText };
    }
  }
}
