/**
 * Doubled characters that duplicate-char (rules/wording/duplicate-char.ts) cannot see as two
 * equal neighbours because something the reader never sees stands between the copies:
 *
 * - emphasis markup (`推动党建**提质**质增效`, `~~`, `__`): the writer bolded a phrase and
 *   typed its last character again after the closing marks, or before the opening ones;
 * - a line break inside a paragraph (`…支部组织` / `织党员开展…`): drafts pasted from Word
 *   break a sentence across lines, and the copy at the next line's start is the slip.
 *
 * Each is read as the line (or the two lines) with the markup or the break taken out, and
 * judged there by the same checks as a pair within a line; this module only finds the
 * places. Single `*` and `_` are not read as markup: a lone `*` is a redaction mark
 * (`*村`), and `_` a blank to fill.
 */
import type { Report } from '../model/report';
import { isHan } from '../model/script';

/** A doubled character with markup or a line break between its copies. Offsets are UTF-16 code units of the report text. */
export interface BoundaryPair {
  /** Offset of the first copy. */
  first: number;
  /** Offset of the second copy (the one a fix drops). */
  second: number;
  /** The text around the pair with what stands between the copies taken out. */
  joined: string;
  /** Offset of the first copy in `joined`; the second is right after it. */
  at: number;
}

/** A Han character, a run of paired emphasis marks, the same character. */
const ACROSS_MARKUP = /(\p{Script=Han})(\*\*|__|~~)(?=\1)/gu;
/** A line a paragraph's text cannot continue: a Markdown heading, a table row, a quote. */
const NOT_PROSE = /^\s*(?:#|\||>)/u;

/**
 * The doubled characters of `report` with paired emphasis marks or a line break between the
 * copies, in text order within each kind. A line break counts only between two lines of
 * prose, neither of them a heading (the report's headings, `#`, a table row or a quote),
 * where the first line ends with the character (trailing spaces aside) and the next starts
 * with it. Linear in the text.
 */
export function boundaryPairs(report: Report): BoundaryPair[] {
  const { text, lines, headings } = report;
  const pairs: BoundaryPair[] = [];
  for (const m of text.matchAll(ACROSS_MARKUP)) {
    const first = m.index;
    const second = first + 1 + m[2].length;
    const line = lines.lineAt(first);
    const from = lines.start(line);
    const s = lines.lineText(line);
    const i = first - from;
    pairs.push({ first, second, joined: s.slice(0, i + 1) + s.slice(second - from), at: i });
  }
  const headed = new Set(headings.map((h) => h.line));
  for (let line = 0; line + 1 < lines.count; line++) {
    const s = lines.lineText(line).trimEnd();
    const next = lines.lineText(line + 1);
    const c = s[s.length - 1];
    if (c === undefined || next[0] !== c || !isHan(c)) continue;
    if (headed.has(line) || headed.has(line + 1) || NOT_PROSE.test(s)) continue;
    pairs.push({ first: lines.start(line) + s.length - 1, second: lines.start(line + 1), joined: s + next, at: s.length - 1 });
  }
  return pairs;
}
