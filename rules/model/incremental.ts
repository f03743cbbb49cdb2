/**
 * Incremental re-parse: the mdast of a new version of a document from the tree of an earlier
 * version, re-parsing only the top-level blocks an edit touches. The result is the tree
 * `parseMarkdown(text)` would give, node for node and position for position
 * (test/unit/incremental.test.ts compares the two over thousands of random edits); where
 * that is not certain, `reparseMarkdown` parses the whole text instead.
 *
 * Why a region can be parsed alone: CommonMark reads blocks line by line, and a top-level
 * block that follows a blank line and starts a new child of the document has, once its first
 * line is read, nothing of the text before it left open. So the region is widened to whole
 * top-level blocks, one untouched block on each side, and further out until a blank line
 * separates it from the blocks outside (a table or a setext underline joins lines that no
 * blank line separates). The last block of the re-parsed region must come out where the old
 * one stood (same type, same extent, shifted): then nothing the edit opened (a fence, a
 * list, an HTML block) runs on past the region, and the blocks after it are reused with their
 * positions shifted.
 *
 * Full parse (never wrong, only slower) where the shortcut is not provable: CR line ends
 * (positions and lines are counted on `\n` here), a BOM (micromark drops it from offsets),
 * any `]:` in the old or new text (a link reference or footnote definition changes how
 * blocks elsewhere read), front matter read in the middle of the text, the region's boundary
 * blocks not as before, or a region that is most of the text anyway.
 *
 * Offsets are UTF-16 code units; mdast lines and columns are 1-based, columns in code units.
 */
import type { Root, RootContent } from 'mdast';
import { parseMarkdown } from './parse';
import { shiftNode, textEndPoint } from './tree-shift';
import { lowerBound } from './lower-bound';

/** A text and its mdast, as `parseMarkdown` gave it (a `Report` is one). */
export interface ParsedText {
  readonly text: string;
  readonly tree: Root;
}

/** What changed between two texts: old `[start, oldEnd)` became new `[start, newEnd)`. */
export interface TextChange {
  start: number;
  oldEnd: number;
  newEnd: number;
}

/** How `reparseMarkdown` got its tree: `incremental` with the re-parsed region, or why not. */
export type ReparseOutcome =
  | {
      incremental: true;
      /** The re-parsed region of the new text, `[from, to)`. */
      from: number;
      to: number;
      /**
       * The region's blocks as parsed alone (offsets from `from`), which are the whole
       * document's blocks there; absent when nothing was parsed (the texts are equal).
       */
      region?: readonly RootContent[];
    }
  | { incremental: false; reason: string };

/**
 * The changed range between `oldText` and `newText`: their common prefix and (not
 * overlapping it) common suffix left out. Null when the texts are equal. The range may split
 * a surrogate pair; callers widen it to whole lines.
 */
export function changedRange(oldText: string, newText: string): TextChange | null {
  if (oldText === newText) return null;
  const shorter = Math.min(oldText.length, newText.length);
  // Compared a chunk at a time, then smaller ones down to a code unit: two slices of flat
  // strings compare in native code (memcmp), where a JS loop over a megabyte's code units
  // (or `startsWith`) costs milliseconds per keystroke.
  let start = 0;
  for (let step = CHUNK; step >= 1; step >>= 2) {
    while (start + step <= shorter && oldText.slice(start, start + step) === newText.slice(start, start + step)) start += step;
  }
  let oldEnd = oldText.length;
  let newEnd = newText.length;
  for (let step = CHUNK; step >= 1; step >>= 2) {
    while (oldEnd - step >= start && newEnd - step >= start && oldText.slice(oldEnd - step, oldEnd) === newText.slice(newEnd - step, newEnd)) {
      oldEnd -= step;
      newEnd -= step;
    }
  }
  return { start, oldEnd, newEnd };
}

/** Code units compared at once by `changedRange` at first (then a quarter of that, …, 1). */
const CHUNK = 65536;

/**
 * The mdast of `text`, equal to `parseMarkdown(text)`, re-using what it can of `previous`
 * (an earlier version of the same document and its tree, which is not changed: nodes before
 * the edit are shared, those after it copied with shifted positions).
 *
 * @returns the tree, and how it was made (for tests and the benchmark)
 */
export function reparseMarkdown(previous: ParsedText, text: string): { tree: Root; outcome: ReparseOutcome } {
  const full = (reason: string) => ({ tree: parseMarkdown(text), outcome: { incremental: false as const, reason } });
  const old = previous.text;
  if (old === text) return { tree: previous.tree, outcome: { incremental: true, from: 0, to: 0 } };
  const change = changedRange(old, text)!;
  // The old text's verdict is remembered with its tree; the new text can only have become
  // unsafe where the edit wrote (a scan of 1 MB per keystroke otherwise).
  const unsafe = unsafeOld(previous) ?? unsafeEdit(text, change);
  if (unsafe) return full(unsafe);
  const blocks = previous.tree.children;
  const n = blocks.length;
  if (n < 3) return full('fewer than three blocks');

  // Touched blocks [first, last]: from the first whose last line reaches the change to the
  // last whose first line starts at or before its end.
  const first = firstIndex(blocks, (b) => lineEndAt(old, end(b)) >= change.start);
  const last = firstIndex(blocks, (b) => lineStart(b) > change.oldEnd) - 1;
  // One untouched block each side, then out to a blank line.
  let before = first - 1;
  while (before > 0 && !blankBetween(old, end(blocks[before - 1]), lineStart(blocks[before]))) before--;
  let after = last + 1;
  while (after < n - 1 && !blankBetween(old, end(blocks[after]), lineStart(blocks[after + 1]))) after++;
  if (before < 0 && after >= n) return full('the edit reaches both ends');
  // A front matter fence: an edit at the start may open or close it, and one left open
  // changes how remark reads the whole document (lists and quotes become paragraphs).
  const fenced = startsFence(old) || startsFence(text);
  if (fenced && (before < 0 || (blocks[0].type as string) !== 'yaml' && (blocks[0].type as string) !== 'toml')) return full('front matter');

  const delta = text.length - old.length;
  const from = before < 0 ? 0 : lineStart(blocks[before]);
  const oldTo = after >= n ? old.length : end(blocks[after]);
  const to = oldTo + delta;
  if ((to - from) * 2 > text.length) return full('the region is most of the text');

  const region = parseMarkdown(text.slice(from, to)).children;
  if (from > 0 && region.length > 0 && (region[0].type === 'yaml' || (region[0].type as string) === 'toml')) return full('front matter inside the text');
  if (after < n) {
    const expected = blocks[after];
    const got = region[region.length - 1];
    if (!got || got.type !== expected.type || start(got) + from !== start(expected) + delta || end(got) + from !== oldTo + delta) {
      return full('the block after the edit changed');
    }
  }

  const regionLine = before < 0 ? 0 : blocks[before].position!.start.line - 1;
  const lineDelta = countNewlines(text, change.start, change.newEnd) - countNewlines(old, change.start, change.oldEnd);
  const children: RootContent[] = blocks.slice(0, Math.max(before, 0));
  for (const node of region) children.push(shiftNode(node, from, regionLine));
  for (let i = after + 1; i < n; i++) children.push(shiftNode(blocks[i], delta, lineDelta));
  const tree: Root = { type: 'root', children, position: { start: { line: 1, column: 1, offset: 0 }, end: textEndPoint(text, previous.tree, lineDelta) } };
  safeTrees.add(tree);
  return { tree, outcome: { incremental: true, from, to, region } };
}

/** Trees whose text was found safe to splice (`unsafeText` said nothing). */
const safeTrees = new WeakSet<Root>();

/** Why `previous.text` rules the shortcut out, or undefined; a safe verdict remembered by tree. */
function unsafeOld(previous: ParsedText): string | undefined {
  if (safeTrees.has(previous.tree)) return undefined;
  const unsafe = unsafeText(previous.text);
  if (!unsafe) safeTrees.add(previous.tree);
  return unsafe;
}

/**
 * Why the edited `text` rules the shortcut out, given that the text before the edit did
 * not: a BOM written at the start, a CR, or a `]:` that the edit made (one of its two
 * characters written, the other perhaps just before or after).
 */
function unsafeEdit(text: string, change: TextChange): string | undefined {
  if (change.start === 0 && text.charCodeAt(0) === 0xfeff) return 'a byte order mark';
  const written = text.slice(Math.max(0, change.start - 1), change.newEnd + 1);
  if (written.includes('\r')) return 'CR line ends';
  if (written.includes(']:')) return 'a possible link or footnote definition';
  return undefined;
}

/** Why `text` rules the shortcut out (CR, BOM, definitions), or undefined. */
function unsafeText(text: string): string | undefined {
  if (text.charCodeAt(0) === 0xfeff) return 'a byte order mark';
  if (text.includes('\r')) return 'CR line ends';
  if (text.includes(']:')) return 'a possible link or footnote definition';
  return undefined;
}

/** Whether `text` opens with what remark-frontmatter may read as a fence (`---`, `+++`). */
function startsFence(text: string): boolean {
  return text.startsWith('---') || text.startsWith('+++');
}

const start = (node: RootContent) => node.position!.start.offset!;
const end = (node: RootContent) => node.position!.end.offset!;
/** Offset of the start of the line a node starts on (columns count code units from it). */
const lineStart = (node: RootContent) => start(node) - (node.position!.start.column - 1);

/** Offset of the `\n` ending the line that holds `offset` (or the text's length). */
function lineEndAt(text: string, offset: number): number {
  const i = text.indexOf('\n', offset);
  return i === -1 ? text.length : i;
}

/** Whether `text[from, to)` (the gap between two blocks) holds a blank line. */
function blankBetween(text: string, from: number, to: number): boolean {
  let newlines = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) {
      if (++newlines === 2) return true;
    } else if (c !== 0x20 && c !== 0x09) newlines = 0;
  }
  return false;
}

/** The first index whose block satisfies `test` (monotone over the blocks), or `blocks.length`. */
function firstIndex(blocks: readonly RootContent[], test: (b: RootContent) => boolean): number {
  return lowerBound(blocks, (b) => !test(b));
}

function countNewlines(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) count++;
  return count;
}
