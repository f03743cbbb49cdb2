/**
 * What the report is: its title line, its kind (config, front matter, title or preamble),
 * and where it states its required sections (`parts`).
 */
import { anyMatch } from './alternation';
import { type GenreSpec, reportKinds, type SectionId } from '../data/index';
import type { LineTable } from './lines';
import { lineHead } from './markers';
import type { OpaqueIndex, Span } from './opaque';
import { sectionIdsOf, subsectionPart } from './outline';
import type { BuildOptions, Heading, KindSource, Report, ReportKind, Section, SectionPart } from './report';
import type { Body } from './sections';

const TITLE_WORDS = /报告|总结|汇报|述职|情况|材料/;
const SENTENCE_END = /[。！？；，：.!?;,:]$/;
const MAX_TITLE = 60;

/** The title line: the first line of prose, if it is short, unnumbered and names a report. */
export function findTitle(
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
    const named = TITLE_WORDS.test(words) || titleGenre(words) !== null;
    if (!heading && !named) return null;
    if (heading && heading.depth !== null && heading.depth > 2 && !named) return null;
    return { line, start: head, end: head + words.length, text: words };
  }
  return null;
}

/** A closing bracket after a title's head: （2022年）, (草案), 【征求意见稿】. */
const TRAILING_NOTE = /[（(【〔][^（）()【】〔〕]{1,20}[）)】〕]$/u;

/**
 * The genre (report-kinds.yaml `genres`) that `title` names by its last words, after a
 * closing bracketed note: a document of another genre (实施方案, 通知, 统计公报, 讲话, news of
 * a 述职评议会, 调研报告…), or null when the title names none (or names a report as well,
 * a genre's `unless`).
 */
export function titleGenre(title: string): GenreSpec | null {
  const head = title.replace(TRAILING_NOTE, '').trimEnd();
  for (const genre of reportKinds.genres) {
    if (anyMatch(genre.title, head) && !anyMatch(genre.unless, head)) return genre;
  }
  return null;
}

/** Whether `kind` is a genre its title names (`titleGenre`) rather than a report kind. */
export function isGenre(kind: ReportKind): boolean {
  return kind.source === 'title' && reportKinds.genres.some((g) => g.id === kind.id);
}

/**
 * The report's kind and the evidence for it, the config's `reportKind` first, then front
 * matter, then a title that names another genre (a kind with that genre's id and no required
 * sections), then the kinds named by the title or preamble, else the default kind.
 */
export function inferKind(
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
    const genre = titleGenre(title.text);
    if (genre) return { id: genre.id, source: 'title', evidence: { start: title.start, end: title.end }, requires: [] };
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

/** The required sections found: by heading meaning, in a subheading, or by a lead-in line. */
export function findParts(
  text: string,
  lines: LineTable,
  sections: Section[],
  topSections: number[],
  bodies: readonly Body[],
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
      // 新的一年，我们将……贡献力量。: the closing pledge, no section.
      if (anyMatch(spec.leadIns, line) && !anyMatch(spec.closings, line)) {
        parts.push({ id: spec.id, via: 'lead-in', section: -1, start: body.from, end: body.to });
        break;
      }
    }
  }
  return parts.sort((a, b) => a.start - b.start);
}
