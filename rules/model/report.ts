/**
 * The report model: Markdown text → `Report`, built once per document version and handed
 * to every rule frozen (freeze.ts). The parts are built in their own modules: the line pass
 * (heading-lines.ts, headings.ts), the section tree and items (sections.ts), the title, kind
 * and parts (report-kind.ts), and after an edit what is reused of the previous version (splice.ts).
 *
 * Drafts pasted from Word have no blank lines, so to remark a whole report is one
 * paragraph. Sections, headings and 一是 items are therefore found line by line; the mdast
 * says only which spans are headings, code, HTML, tables, links and front matter.
 */
import type { Root } from 'mdast';
import type { SectionId } from '../data/index';
import { freezeReport } from './freeze';
import { readHeadingLines, rememberHeadingLines, splicedHeadingLines } from './heading-lines';
import { withoutCutLineNumbers } from './cut-lines';
import { LineTable } from './lines';
import type { OrdinalMarker, StructuralMarker } from './markers';
import { collectOpaque, OpaqueIndex, type Span } from './opaque';
import { parseMarkdown } from './parse';
import { reparseMarkdown, type ParsedText } from './incremental';
import { findLists, type ReportLists } from './lists';
import { markStatements } from './outline';
import { demoteMiswrittenRunMarkers, demoteMiswrittenRunStart, demoteMiswrittenTopRun, promoteMiswrittenMarkers, promoteMiswrittenRunMarkers } from './outline-miswritten';
import { extractQuantities, type Quantity } from './quantities';
import { findParts, findTitle, inferKind, isGenre } from './report-kind';
import { buildSections, collectItems, findTopSections } from './sections';
import { spliceOf, splicedQuantities, type Splice } from './splice';

export type { Span } from './opaque';

/** A section heading: a `#` heading, or a line that starts with a structural number. */
export interface Heading {
  /** 0-based line. */
  line: number;
  /** Offset where the heading's content starts (past indentation, `#`s, residue). */
  start: number;
  /** End of the heading: end of line, or just past the 。 that ends a run-in heading. */
  end: number;
  marker: StructuralMarker | null;
  /** Markdown heading depth (1–6), or null for a plain line. */
  depth: number | null;
  /** The heading's words, after the marker. */
  title: Span & { text: string };
  /** `（一）强化政治建设，筑牢思想根基。一是…` or `（二）打造服务阵地：以…`: heading and body on one line. */
  runIn: boolean;
  /**
   * A numbered line that is a complete statement, one of a list of such: it ends with a
   * sentence stop, has nothing under it, and so do all its siblings of its level
   * (`（一）部分党组织统筹能力不强。` `（二）…。` in 存在的问题). An item, not a heading: it
   * keeps its place in the tree (its number is still checked) but is not held to a
   * heading's rules (empty-section, heading-punctuation).
   */
  statement: boolean;
}

/** An ordinal item (`二是`) with where it stands. */
export interface OrdinalItem extends OrdinalMarker {
  line: number;
  /** Whether it opens its line's content (as opposed to standing inside a paragraph). */
  atLineHead: boolean;
  /** Index into `Report.sections` of the innermost section holding it, or -1. */
  section: number;
}

/** A node of the section tree. Sections are stored flat; links are indices. */
export interface Section {
  index: number;
  heading: Heading;
  /** Index of the parent section, or -1 at the top. */
  parent: number;
  children: number[];
  /** From the heading's line start to the end of the section's last line. */
  start: number;
  end: number;
}

/** Where the report states one of its required sections. */
export interface SectionPart {
  id: SectionId;
  /** A top-level section's heading, or a lead-in paragraph ("下一步，…一是…"). */
  via: 'heading' | 'lead-in';
  /** Index of the top-level section (for `via: 'heading'`), else -1. */
  section: number;
  start: number;
  end: number;
}

export type KindSource = 'config' | 'frontmatter' | 'title' | 'preamble' | 'default';

export interface ReportKind {
  /** Kind id from rules/data/report-kinds.yaml, or the front matter's own word for it. */
  id: string;
  source: KindSource;
  /** Where the evidence stands (front matter value, title, preamble phrase), if anywhere. */
  evidence: Span | null;
  /** Sections this kind requires; empty for a kind the data does not know. */
  requires: SectionId[];
}

export interface Report {
  text: string;
  lines: LineTable;
  /** The mdast; read it, never change it (its root is frozen, its nodes are not). */
  tree: Root;
  frontmatter: Record<string, unknown> | null;
  opaque: OpaqueIndex;
  /** The title line, if the report starts with one. */
  title: (Span & { line: number; text: string }) | null;
  kind: ReportKind;
  /** Whether this reads as a report (not just any Markdown), and why. */
  isReport: boolean;
  isReportReason: string;
  headings: Heading[];
  sections: Section[];
  /** Indices of the sections that carry the report's parts (roots, or a title's children). */
  topSections: number[];
  items: OrdinalItem[];
  /** The required sections found, in document order. */
  parts: SectionPart[];
  /** Every count and measure of the prose (rules/model/quantities.ts), in document order. */
  quantities: Quantity[];
  /**
   * The lists the writer makes (rules/model/lists.ts): every list with the count that
   * announces or closes it, and every 分别 with its subjects and values.
   */
  lists: ReportLists;
}

/**
 * What the editor features read of a report (outline, folding, hover, completion, section
 * insertions): everything but the mdast and the numbers. The language server gets it back
 * from an analysis worker as plain data (server/lsp/analysis.ts), with `lines` and `opaque`
 * rebuilt, so the features' code is typed against this, not the whole `Report`.
 */
export type ReportOutline = Pick<
  Report,
  'text' | 'lines' | 'opaque' | 'title' | 'kind' | 'isReport' | 'headings' | 'sections' | 'topSections' | 'items' | 'parts'
>;

export interface BuildOptions {
  /** Overrides the inferred kind (config `reportKind`). */
  kind?: string;
  /**
   * An earlier version of the same document (a `Report` will do): its mdast is re-used for
   * the blocks an edit did not touch (rules/model/incremental.ts). The report is the same
   * as without it.
   */
  previous?: ParsedText;
  /**
   * The mdast of `text`, where the caller has it: the engine's report of an edited region
   * (rules/engine/block-rules.ts) takes the region's blocks as the whole document's parse
   * has them. Parsed when absent; `previous` is then not read.
   */
  tree?: Root;
}

/**
 * Builds the report model of `text`.
 *
 * @param text the document (a BOM, if present, is treated as ordinary text at offset 0)
 * @returns a frozen `Report`; offsets are UTF-16 code units into `text`
 */
export function buildReport(text: string, options: BuildOptions = {}): Report {
  return buildReportSpliced(text, options).report;
}

/** A previous version's `Report` (not only its text and tree): its per-line parts can be reused. */
function isFullReport(previous: ParsedText | undefined): previous is Report {
  return previous !== undefined && 'quantities' in previous && 'lines' in previous;
}

/**
 * `buildReport`, and where the report was spliced from `options.previous` (null when built
 * in full): the engine re-runs block-scoped rules only on that region (rules/engine/block-rules.ts).
 */
export function buildReportSpliced(text: string, options: BuildOptions = {}): { report: Report; splice: Splice | null } {
  const { previous } = options;
  let tree: Root;
  let spliced: ReturnType<typeof spliceOf> = null;
  if (options.tree) {
    tree = options.tree;
  } else if (previous) {
    const reparsed = reparseMarkdown(previous, text);
    tree = reparsed.tree;
    if (isFullReport(previous)) spliced = spliceOf(previous, text, reparsed.outcome);
  } else {
    tree = parseMarkdown(text);
  }
  const lines = spliced ? spliced.lines : new LineTable(text);
  const opaque = new OpaqueIndex(collectOpaque(tree, text));
  const frontmatter = readFrontmatter(tree);

  // The line pass: taken over from the previous report outside the edited region.
  const headingLines = (spliced && splicedHeadingLines(spliced.splice, text, lines, opaque, tree)) ?? readHeadingLines(text, lines, opaque, tree);
  // A chunk number in mid-sentence (`…同时广泛` ⏎ `2、开展…`) is no heading (cut-lines.ts).
  const { headings, bodies } = withoutCutLineNumbers(text, lines, headingLines.headings, headingLines.bodies);

  demoteMiswrittenTopRun(headings);
  promoteMiswrittenMarkers(headings);
  promoteMiswrittenRunMarkers(headings);
  demoteMiswrittenRunMarkers(headings);
  demoteMiswrittenRunStart(headings);
  const title = findTitle(text, lines, headings, opaque);
  // A title line that the model took for a heading (`# 2023年工作总结`) stays a heading:
  // the section tree uses it as the root that holds the report's parts.
  const sections = buildSections(headings, lines, text.length);
  markStatements(sections, text, opaque);
  const items = collectItems(text, bodies, sections, headings);
  const topSections = findTopSections(sections, title);
  const kind = inferKind(text, frontmatter, title, headings, lines, options, opaque);
  const parts = findParts(text, lines, sections, topSections, bodies);
  const hasTopNumbering = sections.some((s) => s.heading.marker?.level === 1 && s.heading.marker.standard);
  // A title that names another genre (a news item, a 决定) is no sign of a report by itself;
  // with 一、 numbering the document is still linted (GB/T 9704 holds for any document).
  const genre = isGenre(kind);
  const isReport = (kind.source !== 'default' && !genre) || hasTopNumbering;
  const quantities = spliced ? splicedQuantities(spliced.splice, lines, opaque) : extractQuantities(lines, opaque);
  const lists = findLists({ text, lines, tree, opaque, items, sections, quantities });
  const isReportReason =
    kind.source === 'frontmatter' ? '报告类型 front matter'
    : kind.source === 'config' ? 'config reportKind'
    : genre ? (hasTopNumbering ? `top-level structural numbering (一、); the ${kind.source === 'title' ? 'title' : 'opening'} names another genre (${kind.id}): no required sections` : `the ${kind.source === 'title' ? 'title' : 'opening'} names another genre (${kind.id}), not a report`)
    : kind.source === 'title' ? 'title names a report kind'
    : kind.source === 'preamble' ? 'preamble names a report kind'
    : hasTopNumbering ? 'top-level structural numbering (一、)'
    : 'no sign of a report';

  const report = freezeReport({
    text,
    lines,
    tree,
    frontmatter,
    opaque,
    title,
    kind,
    isReport,
    isReportReason,
    headings,
    sections,
    topSections,
    items,
    parts,
    quantities,
    lists,
  });
  rememberHeadingLines(report, headingLines);
  return { report, splice: spliced?.splice ?? null };
}

function readFrontmatter(tree: Root): Record<string, unknown> | null {
  const node = tree.children[0];
  if (!node || node.type !== 'yaml') return null;
  try {
    // The YAML parser is loaded only for a report with front matter (issue #14: start-up).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const value: unknown = (require('yaml') as typeof import('yaml')).parse(node.value);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    // A broken front matter is not ours to report here; the kind falls back to inference.
    return null;
  }
}

