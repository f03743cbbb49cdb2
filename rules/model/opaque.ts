/**
 * Spans of the source that are not report prose: code, HTML, front matter, tables, link
 * destinations and images. Character rules skip them; structure recognition skips lines
 * that start inside them. Tables are their own world (table-total reads them).
 */
import type { Nodes, Root, Table } from 'mdast';
import { lowerBound } from './lower-bound';

export interface Span {
  start: number;
  end: number;
}

export type OpaqueKind = 'code' | 'html' | 'frontmatter' | 'table' | 'url' | 'image';

export interface OpaqueSpan extends Span {
  kind: OpaqueKind;
}

// `toml` comes from remark-frontmatter and is not in mdast's own node union.
const BLOCK_KINDS: Partial<Record<Nodes['type'] | 'toml', OpaqueKind>> = {
  code: 'code',
  inlineCode: 'code',
  html: 'html',
  yaml: 'frontmatter',
  toml: 'frontmatter',
  table: 'table',
  image: 'image',
  imageReference: 'image',
  definition: 'url',
};

/**
 * Collects opaque spans from the mdast, sorted by start. They never overlap: an opaque
 * node's children are not visited, and a link's URL part lies after its text.
 */
export function collectOpaque(tree: Root, text: string): OpaqueSpan[] {
  const spans: OpaqueSpan[] = [];
  const visit = (node: Nodes): void => {
    const kind = BLOCK_KINDS[node.type];
    const pos = node.position;
    if (kind && pos?.start.offset !== undefined && pos.end.offset !== undefined) {
      if (node.type === 'table') tableSpans(node, text, pos.start.offset, pos.end.offset, spans);
      else spans.push({ kind, start: pos.start.offset, end: pos.end.offset });
      return;
    }
    if (node.type === 'link' && pos?.start.offset !== undefined && pos.end.offset !== undefined) {
      const children = node.children;
      const last = children[children.length - 1]?.position?.end.offset;
      // `[text](url)`: the text is prose, `](url)` is not; an autolink is all URL.
      const autolink = children.length === 1 && children[0].type === 'text' && (children[0].value === node.url || node.url.endsWith(children[0].value));
      if (autolink || last === undefined) spans.push({ kind: 'url', start: pos.start.offset, end: pos.end.offset });
      else spans.push({ kind: 'url', start: last, end: pos.end.offset });
      if (autolink) return;
    }
    if ('children' in node) for (const child of node.children) visit(child as Nodes);
  };
  visit(tree);
  return spans.sort((a, b) => a.start - b.start);
}

/** Index over the (sorted, non-overlapping) opaque spans: lookups in O(log n). */
export class OpaqueIndex {
  constructor(readonly spans: readonly OpaqueSpan[]) {}

  /** The last span starting before `offset` (exclusive), or -1. */
  private lastBefore(offset: number): number {
    return lowerBound(this.spans, (span) => span.start < offset) - 1;
  }

  /** The opaque span containing `offset`, if any. */
  at(offset: number): OpaqueSpan | undefined {
    const i = this.lastBefore(offset + 1);
    return i >= 0 && offset < this.spans[i].end ? this.spans[i] : undefined;
  }

  /** The first span that starts in `[from, to)`, if any. */
  firstStartingIn(from: number, to: number): OpaqueSpan | undefined {
    const next = this.spans[this.lastBefore(from) + 1];
    return next && next.start < to ? next : undefined;
  }

  /** Whether `[start, end)` overlaps any opaque span. */
  overlaps(start: number, end: number): boolean {
    const i = this.lastBefore(end);
    return i >= 0 && this.spans[i].end > start;
  }
}

/**
 * The spans a table really covers. GFM lets a table swallow the lines after it until a
 * blank line, so in a draft pasted from Word `二、存在的问题` right under a table becomes a
 * row, and so do `4.…` and `5.…` between two tables set with no blank line (the second
 * table's rows then join the first). Rows whose source line has no `|` are such swallowed
 * lines: they are prose, and the rows with `|` around them are table spans of their own.
 * The header and delimiter rows always belong to the table.
 */
function tableSpans(table: Table, text: string, start: number, end: number, spans: OpaqueSpan[]): void {
  let from = start;
  let open = true;
  for (let i = 1; i < table.children.length; i++) {
    const row = table.children[i].position;
    if (row?.start.offset === undefined || row.end.offset === undefined) break;
    const piped = text.slice(row.start.offset, row.end.offset).includes('|');
    if (piped && !open) {
      from = row.start.offset;
      open = true;
    } else if (!piped && open) {
      spans.push({ kind: 'table', start: from, end: row.start.offset });
      open = false;
    }
  }
  if (open) spans.push({ kind: 'table', start: from, end });
}
