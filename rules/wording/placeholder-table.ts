/**
 * Where the `placeholder` rule may read inside a table. Tables are opaque spans
 * (rules/model/opaque.ts) for every character rule, as their cells are numbers and labels
 * rather than sentences; but a cell left as `XX分校区` or `**街道` is a placeholder all the
 * same. This tells such cell text apart from the table's syntax (`|`, the delimiter row)
 * and from what is opaque within a cell (inline code, HTML, a link's destination, images).
 */
import type { Nodes, Table } from 'mdast';
import type { Report } from '../model/report';

/** Cell children that stay opaque inside a table (as they are in prose). */
const OPAQUE_INLINE = new Set(['inlineCode', 'html', 'image', 'imageReference']);

/**
 * Whether `[start, end)` (UTF-16 offsets into `report.text`) lies wholly within the text
 * of one table cell: inside a table of the mdast, inside one of its cells, not on a `|`,
 * and not overlapping the cell's inline code, HTML, images or a link's `](url)` part.
 * False for any other opaque text (code blocks, HTML blocks, front matter).
 */
export function tableCellProse(report: Report, start: number, end: number): boolean {
  const span = report.opaque.at(start);
  if (span === undefined || span.kind !== 'table' || end > span.end) return false;
  if (report.text.slice(start, end).includes('|')) return false;
  if (!report.tree) return false;
  const table = findTable(report.tree as Nodes, span.start);
  if (table === undefined) return false;
  for (const row of table.children) {
    const rowPos = row.position;
    if (rowPos?.start.offset === undefined || rowPos.end.offset === undefined) continue;
    if (rowPos.end.offset < start) continue;
    if (rowPos.start.offset > start) return false;
    for (const cell of row.children) {
      const pos = cell.position;
      if (pos?.start.offset === undefined || pos.end.offset === undefined) continue;
      if (pos.start.offset <= start && end <= pos.end.offset) {
        return standsForText(report.text, pos.start.offset, pos.end.offset, start, end) && !overlapsOpaqueInline(cell as Nodes, start, end);
      }
    }
    return false;
  }
  return false;
}

/**
 * Whether the match `[start, end)` of the cell `[cellStart, cellEnd)` stands in for words:
 * it touches a Han character or CJK punctuation (`XX分校区`, `**街道`, `202X年`), or it is
 * the whole cell (`| XX |`). A mark inside a Latin token (a file name `p22-xx.md`, a code
 * `QX-xx-01`) is a label of the table, not a blank.
 */
function standsForText(text: string, cellStart: number, cellEnd: number, start: number, end: number): boolean {
  const edges = [text[start - 1], text[start], text[end - 1], text[end]];
  if (edges.some((c) => c !== undefined && HAN_OR_CJK.test(c))) return true;
  let from = cellStart;
  let to = cellEnd;
  while (from < to && CELL_EDGE.test(text[from])) from++;
  while (to > from && CELL_EDGE.test(text[to - 1])) to--;
  return from === start && to === end;
}

const CELL_EDGE = /[|\s]/;
const HAN_OR_CJK = /[\p{Script=Han}“”‘’《》、，。：；！？（）【】]/u;

/** The table node of `node`'s subtree that starts at `offset`, if any (tables sit in the root or in containers). */
function findTable(node: Nodes, offset: number): Table | undefined {
  const pos = node.position;
  if (node.type === 'table') return pos?.start.offset === offset ? node : undefined;
  if (!('children' in node)) return undefined;
  if (pos?.start.offset !== undefined && pos.end.offset !== undefined && (offset < pos.start.offset || offset >= pos.end.offset)) return undefined;
  for (const child of node.children as Nodes[]) {
    const found = findTable(child, offset);
    if (found) return found;
  }
  return undefined;
}

/** Whether `[start, end)` overlaps an inline node of `node`'s subtree that stays opaque in a cell. */
function overlapsOpaqueInline(node: Nodes, start: number, end: number): boolean {
  const pos = node.position;
  if (pos?.start.offset === undefined || pos.end.offset === undefined) return false;
  if (pos.end.offset <= start || pos.start.offset >= end) return false;
  if (OPAQUE_INLINE.has(node.type)) return true;
  if (node.type === 'link') {
    // `[text](url)`: the text is prose, the part after it is not.
    const last = node.children[node.children.length - 1]?.position?.end.offset ?? pos.start.offset;
    if (last < end && start < pos.end.offset) return true;
  }
  if (!('children' in node)) return false;
  for (const child of node.children as Nodes[]) if (overlapsOpaqueInline(child, start, end)) return true;
  return false;
}
