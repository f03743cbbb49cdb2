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
      const end = node.type === 'table' ? tableEnd(node, text, pos.end.offset) : pos.end.offset;
      spans.push({ kind, start: pos.start.offset, end });
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
 * Where a table really ends. GFM lets a table swallow the lines after it until a blank
 * line, so in a draft pasted from Word `二、存在的问题` right under a table becomes a row.
 * Rows whose source line has no `|` are such swallowed lines: the table ends before them.
 */
function tableEnd(table: Table, text: string, end: number): number {
  let last = end;
  for (let i = table.children.length - 1; i > 0; i--) {
    const row = table.children[i].position;
    if (row?.start.offset === undefined || row.end.offset === undefined) break;
    if (text.slice(row.start.offset, row.end.offset).includes('|')) break;
    last = row.start.offset;
  }
  return last;
}
