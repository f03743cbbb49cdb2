/**
 * The one Markdown parse: unified + remark-parse + remark-gfm + remark-frontmatter.
 * The processor is built once and reused; `parse` is synchronous and pure.
 *
 * Container nesting is bounded before the parse (`boundNesting`), as markdown-it's
 * `maxNesting` and cmark's depth limits bound theirs: remark and the walks over its tree
 * recurse once per level and micromark re-checks every open container on every line, so
 * `'>'.repeat(5000)` would otherwise overflow the stack and `'- '.repeat(10000)` take
 * minutes. No report nests blockquotes and lists more than a few levels deep.
 */
import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']).freeze();

/**
 * Two GFM constructs that micromark tries all over a text, and that a report seldom holds.
 * Where a text cannot hold one, it is parsed without it, and the tree is the same
 * (test/unit/parse-autolinks.test.ts compares every fixture, corpus report and seed with the
 * library's full processor). Together a fifth of the parse of a report (issue #14).
 *
 * - A literal autolink (`www.…`, `https://…`, `name@host.cn`): its construct is tried at
 *   every ASCII letter and digit (the email form may start at any), and a transform runs
 *   four regexes over every text node of the tree. Each needs `@`, `www.`, `http://` or
 *   `https://` (ASCII, any case) in the source or, for the transform, in a text node's
 *   value, which holds only characters of the source or of a character reference (`&#64;`,
 *   `&commat;`: a `&` before `#` or an ASCII letter or digit; `清单&主题` holds none).
 * - A table: tried at the start of every line of flow, it reads the line to its end before
 *   it fails. Its delimiter row needs a `|`, or a `:` beside a `-` (`a⏎:-` is a table of one
 *   column).
 */
const MAY_HOLD: readonly { pattern: RegExp; constructs: readonly string[] }[] = [
  { pattern: /@|&[#0-9a-z]|www\.|https?:\/\//i, constructs: ['wwwAutolink', 'protocolAutolink', 'emailAutolink'] },
  { pattern: /\||:[ \t]*-|-[ \t]*:/, constructs: ['table'] },
];

type Construct = { name?: string };
type Constructs = Record<string, Construct | Construct[] | undefined>;
type SyntaxExtension = Record<string, Constructs | unknown>;
type MdastExtension = { enter?: Record<string, unknown>; transforms?: unknown[] };

/** `extension` (micromark's: constructs by field and code) without the constructs named in `left`. */
function withoutConstructs(extension: SyntaxExtension, left: ReadonlySet<string>): SyntaxExtension {
  const out: SyntaxExtension = { ...extension };
  for (const field of ['document', 'contentInitial', 'flowInitial', 'flow', 'string', 'text']) {
    const constructs = extension[field] as Constructs | undefined;
    if (!constructs) continue;
    const kept: Constructs = {};
    for (const [code, value] of Object.entries(constructs)) {
      const list = (Array.isArray(value) ? value : [value]).filter((c): c is Construct => c !== undefined && !left.has(c.name ?? ''));
      if (list.length > 0) kept[code] = list;
    }
    out[field] = kept;
  }
  return out;
}

/** `extension` (mdast-util-from-markdown's) without its transforms if it is the literal autolinks', whose tokens are left out. */
function withoutAutolinkTransform(extension: MdastExtension, left: ReadonlySet<string>): MdastExtension {
  return left.has('emailAutolink') && extension.enter && 'literalAutolink' in extension.enter ? { ...extension, transforms: [] } : extension;
}

/** The processors by what they leave out (a bit per entry of MAY_HOLD), made on first use. */
const processors = new Map<number, typeof processor>([[0, processor]]);

/** The processor for `text`: the full one less the constructs `text` cannot hold. */
function processorFor(text: string): typeof processor {
  let mask = 0;
  for (let k = 0; k < MAY_HOLD.length; k++) if (!MAY_HOLD[k].pattern.test(text)) mask |= 1 << k;
  let made = processors.get(mask);
  if (!made) {
    const left = new Set(MAY_HOLD.flatMap((m, k) => (mask & (1 << k) ? m.constructs : [])));
    made = unified()
      .use(remarkParse)
      .use(function () {
        const data = this.data();
        data.micromarkExtensions = (processor.data('micromarkExtensions') ?? []).map((e) => withoutConstructs(e as SyntaxExtension, left) as never);
        data.fromMarkdownExtensions = (processor.data('fromMarkdownExtensions') ?? []).map((e) =>
          Array.isArray(e) ? e.map((x) => withoutAutolinkTransform(x as MdastExtension, left) as never) : (withoutAutolinkTransform(e as MdastExtension, left) as never),
        );
      })
      .freeze();
    processors.set(mask, made);
  }
  return made;
}

/**
 * The deepest container nesting read as Markdown. A line's depth is estimated from its
 * prefix alone (see `boundNesting`), an over-estimate: lists nested by indentation count
 * one level per two columns.
 */
export const MAX_NESTING = 16;

/** What stands in for a container marker past `MAX_NESTING`: plain text, one code unit. */
const NEUTRAL = 'x';

/**
 * `text` with every container marker (`>`, `-`, `*`, `+`, `1.`, `1)`) that would open a
 * level past `MAX_NESTING` replaced by one plain character, so the rest of its line is
 * read as paragraph text. The length is unchanged, so the tree's offsets still index into
 * `text` (the model reads the source, never the tree's text values, for what it checks).
 * One pass over each line's prefix: linear in the length of `text`. Returns `text` itself
 * when nothing is that deep (every real report).
 */
export function boundNesting(text: string): string {
  let cuts: number[] | undefined;
  const n = text.length;
  let i = 0;
  while (i < n) {
    // One line's prefix: whitespace and container markers.
    let depth = 0;
    let columns = 0;
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 0x20) {
        columns += 1;
        i += 1;
        continue;
      }
      if (c === 0x09) {
        columns += 4;
        i += 1;
        continue;
      }
      let markerEnd = -1;
      if (c === 0x3e /* > */) markerEnd = i + 1;
      else if ((c === 0x2d /* - */ || c === 0x2a /* * */ || c === 0x2b) /* + */ && isGap(text.charCodeAt(i + 1))) markerEnd = i + 1;
      else if (c >= 0x30 && c <= 0x39) {
        let j = i + 1;
        while (j < n && j - i < 9 && isDigit(text.charCodeAt(j))) j += 1;
        const d = text.charCodeAt(j);
        if ((d === 0x2e /* . */ || d === 0x29) /* ) */ && isGap(text.charCodeAt(j + 1))) markerEnd = j + 1;
      }
      if (markerEnd < 0) break;
      // The space after a marker belongs to it, not to the indentation.
      if (text.charCodeAt(markerEnd) === 0x20) markerEnd += 1;
      depth += 1;
      if (depth + (columns >> 1) > MAX_NESTING) {
        (cuts ??= []).push(i);
        break;
      }
      i = markerEnd;
    }
    // On to the next line.
    while (i < n) {
      const c = text.charCodeAt(i);
      i += 1;
      if (c === 0x0a) break;
      if (c === 0x0d) {
        if (text.charCodeAt(i) === 0x0a) i += 1;
        break;
      }
    }
  }
  if (!cuts) return text;
  let out = '';
  let from = 0;
  for (const cut of cuts) {
    out += text.slice(from, cut) + NEUTRAL;
    from = cut + 1;
  }
  return out + text.slice(from);
}

/** Space, tab, line end or end of text: what may follow a list marker. */
function isGap(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || Number.isNaN(c);
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/**
 * Parses Markdown `text` to mdast; node positions carry UTF-16 offsets into `text`.
 * Containers nested deeper than `MAX_NESTING` are read as text (`boundNesting`).
 */
export function parseMarkdown(text: string): Root {
  return processorFor(text).parse(boundNesting(text));
}
