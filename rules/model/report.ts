/**
 * The report model: Markdown text → `Report`, built once per document version and handed
 * to every rule frozen (see `deepFreeze`).
 *
 * Drafts pasted from Word have no blank lines, so to remark a whole report is one
 * paragraph. Sections, headings and 一是 items are therefore found line by line; the mdast
 * says only which spans are headings, code, HTML, tables, links and front matter.
 */
import type { Heading as MdHeading, Root } from 'mdast';
import { anyMatch } from './alternation';
import { reportKinds, type SectionId } from '../data/index';
import { LineTable } from './lines';
import { findOrdinals, lineHead, matchMarker, type OrdinalMarker, type StructuralMarker } from './markers';
import { collectOpaque, OpaqueIndex, type Span } from './opaque';
import { parseMarkdown } from './parse';
import { reparseMarkdown, type ParsedText } from './incremental';
import { findLists, type ReportLists } from './lists';
import { markStatements, promoteMiswrittenMarkers, sectionIdsOf, subsectionPart } from './outline';
import { extractQuantities, type Quantity } from './quantities';

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
}

const TITLE_WORDS = /报告|总结|汇报|述职|情况|材料/;
const SENTENCE_END = /[。！？；，：.!?;,:]$/;
const MAX_TITLE = 60;
const MAX_RUN_IN_TITLE = 80;
/** What may stand before an item that opens its line: indentation and emphasis marks. */
const LINE_HEAD_BEFORE = /^[\s*]*$/;

/**
 * Builds the report model of `text`.
 *
 * @param text the document (a BOM, if present, is treated as ordinary text at offset 0)
 * @returns a frozen `Report`; offsets are UTF-16 code units into `text`
 */
export function buildReport(text: string, options: BuildOptions = {}): Report {
  const tree = options.previous ? reparseMarkdown(options.previous, text).tree : parseMarkdown(text);
  const lines = new LineTable(text);
  const opaque = new OpaqueIndex(collectOpaque(tree, text));
  const frontmatter = readFrontmatter(tree);

  const mdHeadings = new Map<number, MdHeading>();
  for (const node of tree.children) {
    if (node.type === 'heading' && node.position) mdHeadings.set(node.position.start.line - 1, node);
  }

  const headings: Heading[] = [];
  const bodies: { line: number; from: number; to: number }[] = [];
  for (let line = 0; line < lines.count; line++) {
    const lineStart = lines.start(line);
    const lineEnd = lines.end(line);
    if (lineStart === lineEnd || opaque.at(lineStart)) continue;
    const head = lineHead(text, lineStart, lineEnd);
    if (head >= lineEnd) continue;
    const md = mdHeadings.get(line);
    const heading = readHeading(text, line, head, contentEnd(opaque, head, lineEnd), md ?? null);
    if (heading) {
      headings.push(heading);
      if (heading.end < lineEnd) bodies.push({ line, from: heading.end, to: lineEnd });
    } else {
      bodies.push({ line, from: head, to: lineEnd });
    }
  }

  promoteMiswrittenMarkers(headings);
  const title = findTitle(text, lines, headings, opaque);
  // A title line that the model took for a heading (`# 2023年工作总结`) stays a heading:
  // the section tree uses it as the root that holds the report's parts.
  const sections = buildSections(headings, lines, text.length);
  markStatements(sections, text, opaque);
  const items = collectItems(text, bodies, sections, headings);
  const topSections = findTopSections(sections, title);
  const kind = inferKind(text, frontmatter, title, headings, lines, options);
  const parts = findParts(text, lines, sections, topSections, bodies);
  const hasTopNumbering = sections.some((s) => s.heading.marker?.level === 1 && s.heading.marker.standard);
  const isReport = kind.source !== 'default' || hasTopNumbering;
  const quantities = extractQuantities(lines, opaque);
  const lists = findLists({ text, lines, tree, opaque, items, sections, quantities });
  const isReportReason =
    kind.source === 'frontmatter' ? '报告类型 front matter'
    : kind.source === 'config' ? 'config reportKind'
    : kind.source === 'title' ? 'title names a report kind'
    : kind.source === 'preamble' ? 'preamble names a report kind'
    : hasTopNumbering ? 'top-level structural numbering (一、)'
    : 'no sign of a report';

  return freezeReport({
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
}

/** The end of a line's prose: a trailing HTML comment or other opaque span is not content. */
function contentEnd(opaque: OpaqueIndex, head: number, lineEnd: number): number {
  return opaque.firstStartingIn(head + 1, lineEnd)?.start ?? lineEnd;
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

/** Longest title (code units) of a heading closed by a colon with its text after it on the line. */
const MAX_COLON_TITLE = 30;

/**
 * The offset of the colon (：, or `:` after a Han character) that closes a short heading
 * title at `titleStart` with words after it before `lineEnd`, or -1. The title must hold no
 * sentence stop or comma: `一、工作开展情况：` alone (nothing after) is a standalone heading.
 */
function colonRunIn(text: string, titleStart: number, lineEnd: number): number {
  const limit = Math.min(lineEnd, titleStart + MAX_COLON_TITLE + 1);
  for (let k = titleStart + 1; k < limit; k++) {
    const c = text[k];
    if (c === '。' || c === '，' || c === ',' || c === '；' || c === ';') return -1;
    if (c === '：' || (c === ':' && /\p{Script=Han}/u.test(text[k - 1]))) {
      return text.slice(k + 1, lineEnd).trim().length > 0 ? k : -1;
    }
  }
  return -1;
}

function readHeading(text: string, line: number, head: number, lineEnd: number, md: MdHeading | null): Heading | null {
  const marker = matchMarker(text, head);
  if (!marker && !md) return null;
  let titleStart = marker ? marker.end : head;
  while (titleStart < lineEnd && /[ \t\u3000]/.test(text[titleStart])) titleStart++;
  let end = lineEnd;
  // Trailing `#`s of an ATX heading and a bold closer are not part of the words.
  let titleEnd = wordsEnd(text, titleStart, lineEnd);
  let runIn = false;
  if (marker) {
    const stop = text.indexOf('。', titleStart);
    const after = stop === -1 ? '' : text.slice(stop + 1, lineEnd).replace(/^\*{1,2}/, '').trim();
    if (after && stop - titleStart <= MAX_RUN_IN_TITLE) {
      // `（一）强化政治建设，筑牢思想根基。一是…`: the heading ends at its 。
      runIn = true;
      end = stop + 1;
      titleEnd = stop + 1;
      if (text.startsWith('**', end)) end += 2;
    } else {
      // `（一）抓好一个格局：以…为核心，…。`: a short title closed by a colon, its text after
      // it on the same line. The colon must follow a Han character (not `8:30`).
      const colon = colonRunIn(text, titleStart, lineEnd);
      if (colon !== -1) {
        runIn = true;
        end = colon + 1;
        titleEnd = colon + 1;
      }
    }
  }
  return {
    line,
    start: head,
    end,
    marker,
    depth: md ? md.depth : null,
    title: { start: titleStart, end: titleEnd, text: text.slice(titleStart, titleEnd) },
    runIn,
    statement: false,
  };
}

/**
 * Where the words of the heading `text[start, end)` end: before trailing spaces and tabs, a
 * closing `#` run set off by them (`## 标题 ##`), and then one or two `*` or `_` (a bold
 * closer). Read backwards from `end`, as `/(?:[ \t]+#+)?[ \t]*$/` then `/\*{1,2}$|_{1,2}$/`
 * would strip them, without trying those patterns at every offset of a run-in heading's line.
 */
function wordsEnd(text: string, start: number, end: number): number {
  const isBlank = (i: number) => text.charCodeAt(i) === 0x20 || text.charCodeAt(i) === 0x09;
  if (end <= start) return start;
  let e = end;
  while (e > start && isBlank(e - 1)) e--;
  let hashes = e;
  while (hashes > start && text.charCodeAt(hashes - 1) === 0x23 /* # */) hashes--;
  if (hashes < e && hashes > start && isBlank(hashes - 1)) {
    e = hashes;
    while (e > start && isBlank(e - 1)) e--;
  }
  const last = text.charCodeAt(e - 1);
  if (e > start && (last === 0x2a /* * */ || last === 0x5f) /* _ */) {
    e--;
    if (e > start && text.charCodeAt(e - 1) === last) e--;
  }
  return e;
}

/**
 * Whether section `a` (already open) contains heading `b`. Markdown depth orders two
 * `#` headings; structural levels order two numbered ones; an unnumbered `#` heading holds
 * the numbered lines below it, and a numbered plain line does not hold a `#` heading.
 */
function contains(a: Heading, b: Heading): boolean {
  if (a.depth !== null && b.depth !== null) return a.depth < b.depth;
  if (a.marker && b.marker) return a.marker.level < b.marker.level;
  if (a.depth !== null && !a.marker) return true;
  return false;
}

function buildSections(headings: Heading[], lines: LineTable, textEnd: number): Section[] {
  const sections: Section[] = [];
  const stack: number[] = [];
  for (const heading of headings) {
    while (stack.length && !contains(sections[stack[stack.length - 1]].heading, heading)) stack.pop();
    const parent = stack.length ? stack[stack.length - 1] : -1;
    const index = sections.length;
    sections.push({ index, heading, parent, children: [], start: lines.start(heading.line), end: textEnd });
    if (parent >= 0) sections[parent].children.push(index);
    stack.push(index);
  }
  // A section ends where the next heading that it does not contain begins.
  for (let i = 0; i < sections.length; i++) {
    for (let j = i + 1; j < sections.length; j++) {
      if (!isDescendant(sections, j, i)) {
        sections[i].end = lastContentEnd(lines, sections[j].heading.line);
        break;
      }
    }
  }
  return sections;
}

function isDescendant(sections: Section[], j: number, i: number): boolean {
  for (let p = sections[j].parent; p !== -1; p = sections[p].parent) if (p === i) return true;
  return false;
}

/** End offset of the last line before `line` (the end of the previous line's text). */
function lastContentEnd(lines: LineTable, line: number): number {
  return line > 0 ? lines.end(line - 1) : 0;
}

function collectItems(
  text: string,
  bodies: { line: number; from: number; to: number }[],
  sections: Section[],
  headings: Heading[],
): OrdinalItem[] {
  const items: OrdinalItem[] = [];
  // Sections in heading order; the innermost section of a line is the last one starting on
  // or before it whose range holds it.
  let cursor = -1;
  for (const body of bodies) {
    while (cursor + 1 < headings.length && headings[cursor + 1].line <= body.line) cursor++;
    let section = cursor;
    while (section >= 0 && sections[section].end < body.from) section = sections[section].parent;
    for (const found of findOrdinals(text, body.from, body.to)) {
      const before = text.slice(body.from, found.start);
      // Written out field by field: a spread gives each item its own hidden class, and every
      // rule that reads `report.items` would pay for that on each property read.
      items.push({ value: found.value, start: found.start, end: found.end, text: found.text, line: body.line, atLineHead: LINE_HEAD_BEFORE.test(before), section });
    }
  }
  return items;
}

function findTitle(
  text: string,
  lines: LineTable,
  headings: Heading[],
  opaque: OpaqueIndex,
): (Span & { line: number; text: string }) | null {
  for (let line = 0; line < lines.count; line++) {
    const start = lines.start(line);
    const end = lines.end(line);
    if (start === end || opaque.at(start)) continue;
    const head = lineHead(text, start, end);
    if (head >= end) continue;
    const heading = headings.find((h) => h.line === line);
    if (heading?.marker) return null;
    const words = text.slice(head, end).replace(/[ \t#*]+$/, '');
    if (words.length === 0 || words.length > MAX_TITLE || SENTENCE_END.test(words)) return null;
    if (!heading && !TITLE_WORDS.test(words)) return null;
    if (heading && heading.depth !== null && heading.depth > 2 && !TITLE_WORDS.test(words)) return null;
    return { line, start: head, end: head + words.length, text: words };
  }
  return null;
}

function findTopSections(sections: Section[], title: Report['title']): number[] {
  let top = sections.filter((s) => s.parent === -1).map((s) => s.index);
  // `# 某某镇2023年党建工作总结` holding everything: its children are the parts.
  while (top.length === 1 && !sections[top[0]].heading.marker && sections[top[0]].children.length > 0) {
    top = sections[top[0]].children;
  }
  if (title && top.length > 1) top = top.filter((i) => sections[i].heading.line !== title.line);
  return top;
}

function inferKind(
  text: string,
  frontmatter: Record<string, unknown> | null,
  title: Report['title'],
  headings: Heading[],
  lines: LineTable,
  options: BuildOptions,
): ReportKind {
  const known = (id: string) => reportKinds.kinds.find((k) => k.id === id || id.includes(k.id));
  const make = (id: string, source: KindSource, evidence: Span | null): ReportKind => {
    const spec = known(id);
    return { id: spec?.id ?? id, source, evidence, requires: spec ? [...spec.requires] : [] };
  };
  if (options.kind) return make(options.kind, 'config', null);
  const declared = frontmatter?.['报告类型'];
  if (typeof declared === 'string' && declared.trim()) {
    const at = text.indexOf(declared);
    return make(declared.trim(), 'frontmatter', at >= 0 ? { start: at, end: at + declared.length } : null);
  }
  if (title) {
    for (const kind of reportKinds.kinds) {
      if (anyMatch(kind.title, title.text)) return make(kind.id, 'title', { start: title.start, end: title.end });
    }
  }
  // The preamble: from the title (or the start) to the first heading, at most 1,000 chars.
  const from = title ? title.end : 0;
  const firstHeading = headings.find((h) => h.start >= from);
  const to = Math.min(firstHeading ? lines.start(firstHeading.line) : text.length, from + 1000);
  const preamble = text.slice(from, to);
  for (const kind of reportKinds.kinds) {
    for (const re of kind.preamble) {
      const m = re.exec(preamble);
      if (m) return make(kind.id, 'preamble', { start: from + m.index, end: from + m.index + m[0].length });
    }
  }
  return make(reportKinds.defaultKind, 'default', null);
}

function findParts(
  text: string,
  lines: LineTable,
  sections: Section[],
  topSections: number[],
  bodies: { line: number; from: number; to: number }[],
): SectionPart[] {
  const { problems, plans } = reportKinds.sections;
  // By meaning (outline.ts): a head word counts only after the first part, which reports the work.
  const classified: { index: number; ids: readonly SectionId[] }[] = topSections.map((index, k) => {
    const title = sections[index].heading.title.text;
    return { index, ids: sectionIdsOf(title, k > 0) };
  });
  // Topical sections before the problems and plans sections report the work done.
  const firstLater = classified.findIndex((c) => c.ids.includes('problems') || c.ids.includes('plans'));
  const parts: SectionPart[] = [];
  classified.forEach((c, i) => {
    const ids = c.ids.length === 0 && (firstLater === -1 || i < firstLater) ? (['work'] as SectionId[]) : c.ids;
    const s = sections[c.index];
    for (const id of ids) parts.push({ id, via: 'heading', section: c.index, start: s.heading.start, end: s.heading.end });
  });
  // Sections written without a heading: "下一步，…一是…", "但也存在一些问题：一是…"; or
  // under a subheading of a part (一、上半年工作情况 … （四）存在的问题).
  const firstTop = topSections.length ? sections[topSections[0]].start : 0;
  for (const spec of [problems, plans]) {
    if (parts.some((p) => p.id === spec.id)) continue;
    const sub = subsectionPart(sections, topSections, spec.id);
    if (sub) {
      parts.push(sub);
      continue;
    }
    for (const body of bodies) {
      if (body.from < firstTop || body.from !== lineHead(text, lines.start(body.line), body.to)) continue;
      const line = text.slice(body.from, body.to);
      if (anyMatch(spec.leadIns, line)) {
        parts.push({ id: spec.id, via: 'lead-in', section: -1, start: body.from, end: body.to });
        break;
      }
    }
  }
  return parts.sort((a, b) => a.start - b.start);
}

/**
 * With `PARTY_REPORT_FREEZE=deep` (the test suite sets it) every object of the model is
 * frozen, as ESLint's RuleTester freezes the AST: a rule that writes to the report throws in
 * its tests. Otherwise the report and its lists are frozen one level deep, so no rule can
 * add, drop or swap what the others see; freezing each of the hundreds of small objects
 * would cost more than several rules (bench/RESULTS.md).
 */
const DEEP_FREEZE = typeof process !== 'undefined' && process.env?.PARTY_REPORT_FREEZE === 'deep';

/**
 * Freezes the report (see DEEP_FREEZE). The mdast tree is never frozen deeply: freezing
 * every node of a 1 MB parse costs more than most rules that read it; its root is frozen
 * so no rule can swap its children, and the contract (ARCHITECTURE.md) is to read it only.
 */
function freezeReport(report: Report): Report {
  for (const [key, value] of Object.entries(report)) {
    if (value === null || typeof value !== 'object') continue;
    if (key === 'tree' || !DEEP_FREEZE) Object.freeze(value);
    else deepFreeze(value);
  }
  // The lists' two arrays stand one level further down: frozen too, so no rule can add,
  // drop or swap a list the others read.
  if (!DEEP_FREEZE) {
    Object.freeze(report.lists.counted);
    Object.freeze(report.lists.respectively);
  }
  return Object.freeze(report);
}

/**
 * Freezes `value` and everything it holds. An object already frozen counts as done (that
 * guards against cycles too). Arrays are walked by index and objects by `Object.values`:
 * `Reflect.ownKeys` on the line table's arrays would allocate a string per line.
 */
function deepFreeze(value: unknown): void {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return;
  Object.freeze(value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const child: unknown = value[i];
      if (child !== null && typeof child === 'object') deepFreeze(child);
    }
  } else {
    for (const child of Object.values(value)) if (child !== null && typeof child === 'object') deepFreeze(child);
  }
}
