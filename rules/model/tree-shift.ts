/**
 * Moving mdast nodes: copies of a subtree with every position shifted by a number of code
 * units and of lines, for blocks reused after an edit (rules/model/incremental.ts). Columns
 * stay: a reused block starts at a line start, so its lines keep their columns.
 */
import type { Nodes, Root } from 'mdast';
import type { Point, Position } from 'unist';

/**
 * A copy of `node` and everything under it with each position moved `offsets` UTF-16 code
 * units and `lines` lines (either may be negative). Properties other than `position` and
 * `children` are shared with `node` (they are read, never changed). `node` is not changed.
 */
export function shiftNode<T extends Nodes>(node: T, offsets: number, lines: number): T {
  if (offsets === 0 && lines === 0) return node;
  const copy = { ...node } as T & { children?: Nodes[] };
  if (node.position) copy.position = shiftPosition(node.position, offsets, lines);
  const children = (node as { children?: Nodes[] }).children;
  if (children) copy.children = children.map((child) => shiftNode(child, offsets, lines));
  return copy;
}

function shiftPosition(position: Position, offsets: number, lines: number): Position {
  return { start: shiftPoint(position.start, offsets, lines), end: shiftPoint(position.end, offsets, lines) };
}

function shiftPoint(point: Point, offsets: number, lines: number): Point {
  // micromark always sets the offset; a point without one stays without one.
  return point.offset === undefined ? { line: point.line + lines, column: point.column } : { line: point.line + lines, column: point.column, offset: point.offset + offsets };
}

/**
 * The point at the end of `text`, as micromark gives it for the root: the line count from
 * the previous tree's root and the change in lines, the column from the last line's length.
 */
export function textEndPoint(text: string, previous: Root, lineDelta: number): Point {
  const line = previous.position!.end.line + lineDelta;
  return { line, column: text.length - text.lastIndexOf('\n'), offset: text.length };
}
