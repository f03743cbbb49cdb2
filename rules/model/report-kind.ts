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
 * A title that names its genre before a colon, then its theme: 专题党课：把…, 党课：以…,
 * 学习心得：… (probe13 p17, p18, p60). The words before the colon, at most 20, no quotation.
 */
const GENRE_BEFORE_COLON = /^([^：:“”"'‘’《》]{2,20})[：:]/u;

/**
 * The genre (report-kinds.yaml `genres`) that `title` names by its last words, after a
 * closing bracketed note, or by the words before a colon that open it (专题党课：…): a
 * document of another genre (实施方案, 通知, 统计公报, 讲话, 党课, news of a 述职评议会,
 * 调研报告…), or null when the title names none (or names a report as well, a genre's
 * `unless`).
 */
export function titleGenre(title: string): GenreSpec | null {
  const head = title.replace(TRAILING_NOTE, '').trimEnd();
  const lead = GENRE_BEFORE_COLON.exec(head)?.[1].trimEnd();
  for (const genre of reportKinds.genres) {
    if (anyMatch(genre.title, head) && !anyMatch(genre.unless, head)) return genre;
  }
  // The words before a colon name the genre only when the rest names no report
  // (落实整改意见：2024年整改工作总结 is a summary, not an 意见).
  if (!lead || reportKinds.kinds.some((k) => anyMatch(k.title, head))) return null;
  for (const genre of reportKinds.genres) {
    if (anyMatch(genre.title, lead) && !anyMatch(genre.unless, head)) return genre;
  }
  return null;
}

/**
 * Whether `kind` is a genre (report-kinds.yaml `genres`) named by the title, a subtitle or
 * the opening lines, rather than a report kind.
 */
export function isGenre(kind: ReportKind): boolean {
  return (kind.source === 'title' || kind.source === 'preamble') && reportKinds.genres.some((g) => g.id === kind.id);
}

/** A dash subtitle: ——学习…精神体会, —在…会议上的讲话, --…. */
const SUBTITLE = /^(?:——|—|--|──)\s*/u;
/** How many of the body's first lines `openingGenre` reads. */
const OPENING_LINES = 3;

/**
 * The first `count` non-empty lines that start at or after offset `from` (a `from` inside a
 * line, the title's end, starts at the next line: what trails the title on its line, `**`,
 * is no line of its own) and before `to`, not opaque (code, HTML, front matter):
 * `{ start, end }` of each line's text past its head (`lineHead`), UTF-16 offsets.
 */
function firstLines(text: string, lines: LineTable, opaque: OpaqueIndex | null, from: number, to: number, count: number): Span[] {
  const found: Span[] = [];
  if (lines.count === 0) return found;
  let first = lines.lineAt(from);
  if (lines.start(first) < from) first++;
  for (let line = first; line < lines.count && found.length < count; line++) {
    const start = lines.start(line);
    const end = lines.end(line);
    if (start >= to) break;
    if (end <= start) continue;
    if (opaque?.at(start)) continue;
    const head = lineHead(text, start, end);
    if (head < end) found.push({ start: head, end });
  }
  return found;
}

/**
 * The genre a dash subtitle names (——学习中共二十大精神体会: probe13 p44), read as a title by
 * `titleGenre`: the subtitle is the line after the title, or the second line when no title
 * was found (a first line that names nothing, 某某：高举旗帜跟党走). With the subtitle's span.
 */
function subtitleGenre(text: string, lines: LineTable, opaque: OpaqueIndex | null, title: Report['title'], to: number): { genre: GenreSpec; span: Span } | null {
  const [first, second] = firstLines(text, lines, opaque, title ? title.end : 0, to, 2);
  const line = title ? first : second;
  if (!line) return null;
  const words = text.slice(line.start, line.end).replace(/[ \t#*]+$/, '');
  const dash = SUBTITLE.exec(words);
  if (!dash || words.length > MAX_TITLE) return null;
  const genre = titleGenre(words.slice(dash[0].length));
  return genre ? { genre, span: { start: line.start, end: line.start + words.length } } : null;
}

/**
 * The genre one of the body's first lines names (`openings` in report-kinds.yaml): a
 * speech's salutation on a line of its own (同志们：), a 党课's speaker (今天…讲一次党课), a
 * task list's lead (具体任务如下：). Reads at most `OPENING_LINES` lines from `from` to
 * `to` (the first heading). With the span of the line that names it.
 */
function openingGenre(text: string, lines: LineTable, opaque: OpaqueIndex | null, from: number, to: number): { genre: GenreSpec; span: Span } | null {
  for (const line of firstLines(text, lines, opaque, from, to, OPENING_LINES)) {
    const words = text.slice(line.start, line.end).trimEnd();
    for (const genre of reportKinds.genres) {
      if (anyMatch(genre.openings, words)) return { genre, span: { start: line.start, end: line.start + words.length } };
    }
  }
  return null;
}

/**
 * The genre a web page's byline names (report-kinds.yaml `bylines`: `作者：`, `来源：`,
 * `发布时间：` on one of the first `OPENING_LINES` lines after the title, or from the start
 * when no title was found, the headline being no title of a report): a news item, whatever
 * its headline says it is about, unless the title names a report document (`bylines_unless`:
 * a 工作总结 posted on a site). With the byline line's span (UTF-16 offsets).
 */
function bylineGenre(text: string, lines: LineTable, opaque: OpaqueIndex | null, title: Report['title']): { genre: GenreSpec; span: Span } | null {
  const from = title ? title.end : 0;
  let opening: Span[] | null = null;
  for (const genre of reportKinds.genres) {
    if (genre.bylines.length === 0) continue;
    if (title && anyMatch(genre.bylinesUnless, title.text)) continue;
    opening ??= firstLines(text, lines, opaque, from, text.length, OPENING_LINES + (title ? 0 : 1));
    for (const line of opening) {
      const words = text.slice(line.start, line.end).trimEnd();
      if (anyMatch(genre.bylines, words)) return { genre, span: { start: line.start, end: line.start + words.length } };
    }
  }
  return null;
}

/**
 * The report's kind and the evidence for it, the config's `reportKind` first, then front
 * matter, then a title that names another genre (a kind with that genre's id and no required
 * sections), then the kinds named by the title, then a dash subtitle naming a genre, then the
 * kinds named by the preamble, then a genre named by the opening lines (`openings`), else the
 * default kind. `opaque`: spans (front matter, code) the subtitle and opening lines skip.
 */
export function inferKind(
  text: string,
  frontmatter: Record<string, unknown> | null,
  title: Report['title'],
  headings: Heading[],
  lines: LineTable,
  options: BuildOptions,
  opaque: OpaqueIndex | null = null,
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
  const byline = bylineGenre(text, lines, opaque, title);
  if (byline) return { id: byline.genre.id, source: title ? 'title' : 'preamble', evidence: byline.span, requires: [] };
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
  const headingAt = firstHeading ? lines.start(firstHeading.line) : text.length;
  const subtitle = subtitleGenre(text, lines, opaque, title, headingAt);
  if (subtitle) return { id: subtitle.genre.id, source: 'title', evidence: subtitle.span, requires: [] };
  const to = Math.min(headingAt, from + 1000);
  const preamble = text.slice(from, to);
  for (const kind of reportKinds.kinds) {
    for (const re of kind.preamble) {
      const m = re.exec(preamble);
      if (m) return make(kind.id, 'preamble', { start: from + m.index, end: from + m.index + m[0].length });
    }
  }
  // No kind named: the opening lines may still name another genre (a speech, a 党课).
  const opening = openingGenre(text, lines, opaque, from, headingAt);
  if (opening) return { id: opening.genre.id, source: 'preamble', evidence: opening.span, requires: [] };
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

/**
 * The one four-digit year a report's title names (`2025年上半年工作总结` → 2025), or null when
 * it names none or more than one (`2024—2025年…`, a span no single year dates). Read by
 * metric-conflict (the report's own time) and slogan-canonical (a congress in force that year).
 */
export function titleYear(title: string): number | null {
  const years = new Set(title.match(/\d{4}(?=年)/gu) ?? []);
  return years.size === 1 ? Number([...years][0]) : null;
}

/**
 * The latest year a title names: a four-digit year before 年 or a date stamp (`2016-03-07`,
 * `2016.03.07`, `2016/03/07`), so `2015年工作总结和2016年工作安排 2016-03-07` → 2016; null
 * when it names none. A text is written no earlier than the work it reports and no later
 * than a little past the last year it names: a wording coined after that year is not the
 * text's own (slogan-canonical, formulations with a `since` year).
 */
export function latestTitleYear(title: string): number | null {
  let latest: number | null = null;
  for (const m of title.matchAll(/(?<!\d)((?:19|20)\d{2})(?:年|[-./](?:0?[1-9]|1[0-2])[-./](?:0?[1-9]|[12]\d|3[01])(?!\d))/gu)) {
    const y = Number(m[1]);
    if (latest === null || y > latest) latest = y;
  }
  return latest;
}
