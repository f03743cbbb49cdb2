/**
 * Tables that the Markdown parse read as prose: a pipe table written right under a list item
 * (`- 志愿服务…情况如下表。⏎| 党支部 | 一季度 | … |⏎|---|…`) with no blank line between.
 * CommonMark reads those lines as lazy continuation lines of the item's paragraph, and a
 * table cannot start in a lazy line, so the whole table is text of the paragraph; a reader
 * (and any Markdown viewer that lets the table interrupt) sees a table all the same. Word
 * pastes of numbered sub-items (`1.`, `-`) followed by their table are where this happens.
 *
 * `lazyTables` finds such runs in paragraphs and parses them alone with the project's one
 * parse (model/parse.ts), giving the table nodes and the offset that maps their positions
 * back to the report text. Only a run of lines that begins with a header row and a
 * delimiter row (`|---|---|`, GFM) is taken, and it ends at the last line that starts with
 * `|`: a line of prose after the table (`（五）…`) stays out of it.
 */
import type { Nodes, Paragraph, Table } from 'mdast';
import { parseMarkdown } from '../model/parse';

/** A table found inside a paragraph: its node, positions relative to `base` (a UTF-16 offset of the report text). */
export interface LazyTable {
  table: Table;
  base: number;
}

/** A GFM delimiter row with at least one pipe: `|---|:--:|`, `--- | ---`. */
const DELIMITER_ROW = /^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/u;
/** A row line: starts with a pipe (after at most three spaces of indent). */
const ROW_LINE = /^ {0,3}\|/u;

/**
 * The tables held as text in the paragraphs of `root` (mdast of `text`), in text order.
 * A paragraph that holds none (nearly all) costs one `indexOf` of a newline-pipe.
 */
export function lazyTables(text: string, root: Nodes): LazyTable[] {
  const out: LazyTable[] = [];
  const visit = (node: Nodes) => {
    if (node.type === 'table') return;
    if (node.type === 'paragraph') {
      found(text, node, out);
      return;
    }
    if ('children' in node) for (const child of node.children) visit(child as Nodes);
  };
  visit(root);
  return out;
}

/** Adds the runs of table lines inside one paragraph (never its first line, which a parse would have read as a table). */
function found(text: string, paragraph: Paragraph, out: LazyTable[]): void {
  const s = paragraph.position?.start.offset;
  const e = paragraph.position?.end.offset;
  if (s === undefined || e === undefined) return;
  const body = text.slice(s, e);
  if (!body.includes('\n') || !/\n {0,3}\|/u.test(body)) return;
  const lines = body.split('\n');
  let offset = lines[0].length + 1;
  for (let k = 1; k < lines.length; k++) {
    const line = lines[k];
    const next = lines[k + 1];
    if (ROW_LINE.test(line) && next !== undefined && next.includes('|') && DELIMITER_ROW.test(next.replace(/\r$/u, ''))) {
      let last = k + 1;
      let end = offset + line.length + 1 + next.length;
      while (last + 1 < lines.length && ROW_LINE.test(lines[last + 1])) {
        last++;
        end += 1 + lines[last].length;
      }
      const base = s + offset;
      const tree = parseMarkdown(text.slice(base, s + end));
      for (const child of tree.children) if (child.type === 'table') out.push({ table: child, base });
      for (let j = k; j <= last; j++) offset += lines[j].length + 1;
      k = last;
      continue;
    }
    offset += line.length + 1;
  }
}
