/**
 * Setting a report's kind in its front matter (`报告类型: 述职报告`), the key the report
 * model reads first (rules/model/report.ts `inferKind`): the edit behind the status item's
 * 设置报告类型 command. One `Fix` (UTF-16 offsets into `report.text`), so the editor applies
 * it as one undoable edit:
 *
 * - a front matter with a top-level `报告类型` key: its value is replaced (a trailing
 *   ` # comment` is kept);
 * - a front matter without one: the key is added as its first line;
 * - no front matter: a YAML block holding only the key is inserted at the start (after a
 *   BOM), the document's line ending kept.
 *
 * A TOML front matter (`+++`) gets no edit: the model reads the kind from YAML only, so
 * a TOML key would change nothing the writer can see.
 */
import type { Report } from '../model/report';

/** What the edit reads of a report: its text and opaque spans (the front matter is one). */
export type FrontMatterInput = Pick<Report, 'text' | 'opaque'>;
import type { Fix } from '../types';

/** The front matter key the report model reads the kind from. */
export const KIND_KEY = '报告类型';

/** An unindented `报告类型:` (YAML, the key optionally quoted) and its value up to a comment. */
const YAML_KEY_LINE = /^(["']?)报告类型\1[ \t]*:[ \t]*/;

/**
 * The edit that makes `report` declare `kind` in its front matter.
 *
 * @param report the report as parsed: the front matter is the `frontmatter` opaque span at
 *   the start (remark-frontmatter's node), so the outline an analysis worker sends back will do
 * @param kind a report kind id (rules/data/report-kinds.yaml), written as is: the ids are
 *   plain Chinese words that need no YAML quoting
 * @returns the fix (its `text` equal to what stands at `start..end` when the kind is
 *   already set), or null for a TOML front matter
 */
export function setReportKindFix(report: FrontMatterInput, kind: string): Fix | null {
  const { text } = report;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const at = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const span = report.opaque.at(at);
  // With a BOM, the parser's span may start at it or after it.
  const block = span?.kind === 'frontmatter' && span.start <= at ? span : undefined;
  if (block && text.startsWith('+++', at)) return null;
  if (!block) {
    // A blank line after the block keeps the title a paragraph of its own in any renderer.
    const blank = text.length > at && !/^\r?\n/.test(text.slice(at)) ? eol : '';
    return { start: at, end: at, text: `---${eol}${KIND_KEY}: ${kind}${eol}---${eol}${blank}` };
  }
  const { start, end } = block;
  const value = kind;
  // The block's lines between its fences: the opening fence ends at the first line break.
  const firstBreak = text.indexOf('\n', start);
  const bodyStart = firstBreak < 0 || firstBreak >= end ? end : firstBreak + 1;
  let lineStart = bodyStart;
  while (lineStart < end) {
    const lineEnd = nextLineEnd(text, lineStart, end);
    const line = text.slice(lineStart, lineEnd);
    const key = YAML_KEY_LINE.exec(line);
    if (key) {
      const valueStart = lineStart + key[0].length;
      const comment = line.slice(key[0].length).search(/[ \t]#/);
      const valueEnd = comment >= 0 ? valueStart + comment : lineStart + line.replace(/[ \t]+$/, '').length;
      return { start: valueStart, end: Math.max(valueStart, valueEnd), text: value };
    }
    lineStart = lineEnd + (text[lineEnd] === '\r' && text[lineEnd + 1] === '\n' ? 2 : 1);
  }
  if (bodyStart >= end) {
    // A fence with nothing after it on record (an unusual parse): put the key after the fence.
    return { start: end, end, text: `${eol}${KIND_KEY}: ${value}` };
  }
  return { start: bodyStart, end: bodyStart, text: `${KIND_KEY}: ${value}${eol}` };
}

/** The offset of the line break ending the line at `from` (or `limit`). */
function nextLineEnd(text: string, from: number, limit: number): number {
  for (let i = from; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return i;
  }
  return limit;
}
