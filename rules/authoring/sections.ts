/**
 * Where a report's required section goes and how it is numbered: the plan behind the code
 * action on a `required-sections` finding, the 插入章节 command and the completion that
 * offers the next missing section.
 *
 * A section is inserted at top level (the level of the report's `一、` sections), before
 * the first present part that conventionally follows it (work < problems < plans,
 * standards.md) or after the report's last line of content; it takes the number after
 * the top-level section before it, and the top-level sections after it are renumbered
 * where the insertion makes them collide (`二、` becomes `三、`). Its text comes from the
 * report's template (rules/data/templates.yaml), the same data `required-sections` is
 * checked against. All offsets are UTF-16 code units into `report.text`.
 */
import { SECTION_IDS, reportKinds, type SectionId } from '../data/index';
import { templates, type ReportTemplate, type TemplateSection } from '../data/templates';
import { canonicalMarker, lineHead, type MarkerLevel } from '../model/markers';
import { toChineseNumeral } from '../model/numerals';
import type { ReportOutline, Section } from '../model/report';
import type { Fix } from '../types';
import { type RenderOptions, renderSection, type SectionPlacement } from './render';

/**
 * The template a report is written to: among the templates of its kind, the first whose
 * `match` finds the title (or, without a title, the report's first 200 characters);
 * otherwise the first of its kind; for a kind without a template, the first template of
 * the default kind.
 */
export function templateFor(report: ReportOutline): ReportTemplate {
  const ofKind = (kind: string) => templates.templates.filter((t) => t.kind === kind);
  let candidates = ofKind(report.kind.id);
  if (candidates.length === 0) candidates = ofKind(reportKinds.defaultKind);
  if (candidates.length === 0) return templates.templates[0];
  const sample = report.title?.text ?? report.text.slice(0, 200);
  return candidates.find((t) => t.match.some((re) => re.test(sample))) ?? candidates[0];
}

/** The template's first section standing for `part`, if it has one. */
export function templateSection(template: ReportTemplate, part: SectionId): TemplateSection | undefined {
  return template.sections.find((s) => s.part === part);
}

/** The sections the report's kind requires that the report lacks, in the conventional order. */
export function missingParts(report: ReportOutline): SectionId[] {
  const found = new Set(report.parts.map((p) => p.id));
  return SECTION_IDS.filter((id) => report.kind.requires.includes(id) && !found.has(id));
}

/** How the report writes its top-level sections, so an inserted one looks like its neighbours. */
export interface TopStyle {
  /** The structural level of the top-level numbers, or null where they are unnumbered `#` headings. */
  level: MarkerLevel | null;
  /** `## ` when the top-level sections are `#` headings, else ''. */
  headingPrefix: string;
  /** The prefix of a subsection heading: one `#` more, or ''. */
  subsectionPrefix: string;
  /** Whether paragraphs are separated by blank lines (Markdown) rather than not (pasted from Word). */
  blankLines: boolean;
  /** The report's line break. */
  eol: string;
}

/**
 * Reads the top-level style of `report` (defaults: `一、`, no `#`, no blank lines, `\n`).
 *
 * @param ignoreLine a line to leave out when judging blank lines: the empty line the
 *   writer is completing on is no sign of the document's style
 */
export function topStyle(report: ReportOutline, ignoreLine = -1): TopStyle {
  const tops = report.topSections.map((i) => report.sections[i]);
  const numbered = tops.filter((s) => s.heading.marker);
  let level: MarkerLevel | null = 1;
  if (numbered.length) {
    const counts = new Map<MarkerLevel, number>();
    for (const s of numbered) counts.set(s.heading.marker!.level, (counts.get(s.heading.marker!.level) ?? 0) + 1);
    level = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0][0];
  } else if (tops.length) {
    level = null;
  }
  const reference = numbered[0] ?? tops[0];
  const hashes = reference ? /^[ \t]*(#{1,6})[ \t]+/.exec(report.lines.lineText(reference.heading.line))?.[1] : undefined;
  return {
    level,
    headingPrefix: hashes ? `${hashes} ` : '',
    subsectionPrefix: hashes && hashes.length < 6 ? `${hashes}# ` : '',
    blankLines: usesBlankLines(report, ignoreLine),
    eol: /\r\n|\n|\r/.exec(report.text)?.[0] ?? '\n',
  };
}

/**
 * Whether paragraphs are separated by blank lines: most headings below the first line of
 * content have a blank line above them; with no such heading, whether any blank line
 * stands between two lines of content.
 */
function usesBlankLines(report: ReportOutline, ignoreLine: number): boolean {
  const { lines } = report;
  const blank = (line: number) => line === ignoreLine || lines.lineText(line).trim() === '';
  let firstContent = 0;
  while (firstContent < lines.count && blank(firstContent)) firstContent++;
  let above = 0;
  let notAbove = 0;
  for (const heading of report.headings) {
    if (heading.line <= firstContent) continue;
    let previous = heading.line - 1;
    if (previous === ignoreLine) previous--;
    if (previous < firstContent) continue;
    if (blank(previous)) above++;
    else notAbove++;
  }
  if (above + notAbove > 0) return above > notAbove;
  let seenContent = false;
  let gap = false;
  for (let line = firstContent; line < lines.count; line++) {
    if (blank(line)) gap = seenContent;
    else if (gap) return true;
    else seenContent = true;
  }
  return false;
}

/** Whether `line` holds report content: not blank, not only scraping residue, not a comment or front matter. */
export function isContentLine(report: ReportOutline, line: number): boolean {
  const { lines, text } = report;
  const start = lines.start(line);
  const end = lines.end(line);
  if (lineHead(text, start, end) >= end) return false;
  const span = report.opaque.at(lineHead(text, start, end));
  return !(span && (span.kind === 'html' || span.kind === 'frontmatter'));
}

/** The last line holding report content, or -1. */
function lastContentLine(report: ReportOutline): number {
  for (let line = report.lines.count - 1; line >= 0; line--) if (isContentLine(report, line)) return line;
  return -1;
}

/** The number a top-level section inserted at `at` takes, and the renumbering of the later ones. */
export interface Numbering {
  /** The inserted section's number as written (`二、`), '' when the report's sections are unnumbered. */
  marker: string;
  level: MarkerLevel;
  /** Replacements of the numerals of later top-level sections (`二` → `三`), in document order. */
  renumber: Fix[];
}

/**
 * The number of a top-level section inserted at offset `at`: one after the last top-level
 * section of the report's top level before `at` (or the first). Later top-level sections
 * that would then repeat or fall behind are renumbered, each one after the one before;
 * a gap already in the numbering after them is left alone.
 */
export function numberingAt(report: ReportOutline, at: number, style: TopStyle = topStyle(report)): Numbering {
  if (style.level === null) return { marker: '', level: 1, renumber: [] };
  const level = style.level;
  const tops = report.topSections.map((i) => report.sections[i]).filter((s) => s.heading.marker?.level === level);
  const before = tops.filter((s) => s.heading.start < at);
  const value = before.length ? before[before.length - 1].heading.marker!.value + 1 : 1;
  const renumber: Fix[] = [];
  let running = value;
  for (const s of tops) {
    if (s.heading.start < at) continue;
    const marker = s.heading.marker!;
    if (marker.value > running) {
      running = marker.value;
      continue;
    }
    running++;
    const fix = renumberFix(s, running);
    if (fix) renumber.push(fix);
  }
  return { marker: canonicalMarker(level, value), level, renumber };
}

/** The fix writing `value` in place of the numeral of `section`'s marker, keeping its form (`二.` → `三.`). */
function renumberFix(section: Section, value: number): Fix | null {
  const marker = section.heading.marker!;
  const arabic = marker.level >= 3;
  const m = (arabic ? /\d+/ : /[一二三四五六七八九十百零〇]+/).exec(marker.text);
  if (!m) return null;
  const start = marker.start + m.index;
  return { start, end: start + m[0].length, text: arabic ? String(value) : toChineseNumeral(value) };
}

/** Where the report's next present part after `part` (in the conventional order) begins, as a line, or -1. */
function nextPartLine(report: ReportOutline, part: SectionId): number {
  const rank = SECTION_IDS.indexOf(part);
  const later = report.parts.filter((p) => SECTION_IDS.indexOf(p.id) > rank).sort((a, b) => a.start - b.start)[0];
  if (!later) return -1;
  const start = later.via === 'heading' ? report.sections[later.section].start : later.start;
  return report.lines.lineAt(start);
}

/** A planned insertion of one template section. */
export interface InsertionPlan {
  part: SectionId;
  section: TemplateSection;
  /** Offset the text goes in at. */
  at: number;
  /** Line breaks joining the section to the text before and after `at`. */
  before: string;
  after: string;
  placement: SectionPlacement;
  style: TopStyle;
  numbering: Numbering;
}

/**
 * Plans inserting the template's section for `part` at its conventional place: before the
 * line where the first present part that follows it begins (a heading, or a lead-in
 * paragraph such as "下一步，…"), or after the last line of content.
 *
 * @returns null when the report's template has no section for `part`
 */
export function planInsertion(report: ReportOutline, part: SectionId): InsertionPlan | null {
  const section = templateSection(templateFor(report), part);
  if (!section) return null;
  const style = topStyle(report);
  const br = style.blankLines ? style.eol + style.eol : style.eol;
  const line = nextPartLine(report, part);
  let at: number;
  let before = '';
  let after = '';
  if (line >= 0) {
    at = report.lines.start(line);
    after = br;
  } else {
    const last = lastContentLine(report);
    at = last >= 0 ? report.lines.end(last) : report.text.length;
    before = last >= 0 ? br : '';
  }
  const numbering = numberingAt(report, at, style);
  return {
    part,
    section,
    at,
    before,
    after,
    style,
    numbering,
    placement: { marker: numbering.marker, level: numbering.level, headingPrefix: style.headingPrefix, subsectionPrefix: style.subsectionPrefix },
  };
}

/** A plan as plain-text fixes, and where the inserted section's title ends up. */
export interface PlannedFixes {
  /** The insertion and the renumbering, sorted and non-overlapping (offsets into the report's text). */
  fixes: Fix[];
  /** The inserted title's range in the text after the fixes are applied. */
  titleStart: number;
  titleEnd: number;
}

/**
 * The fixes carrying out `plan` with every tab stop at its default (the first
 * conventional title, 【待补充：…】 bodies the `placeholder` rule reports until filled).
 */
export function planFixes(plan: InsertionPlan, options: Pick<RenderOptions, 'year'> = {}): PlannedFixes {
  const rendered = renderSection(plan.section, plan.placement, { mode: 'plain', year: options.year, eol: plan.style.eol, blankLines: plan.style.blankLines });
  const insertion: Fix = { start: plan.at, end: plan.at, text: plan.before + rendered.text + plan.after };
  // Renumbering lies after the insertion point, so the inserted text's offsets do not move.
  const titleStart = plan.at + plan.before.length + rendered.titleStart;
  // A renumbered heading right at the insertion point is one edit with it: LSP leaves the
  // order of an insertion and a replacement at one position undefined.
  const fixes: Fix[] = [];
  for (const fix of [insertion, ...plan.numbering.renumber].sort((a, b) => a.start - b.start || a.end - b.end)) {
    const last = fixes[fixes.length - 1];
    if (last && last.end === fix.start) fixes[fixes.length - 1] = { start: last.start, end: fix.end, text: last.text + fix.text };
    else fixes.push({ ...fix });
  }
  return {
    fixes,
    titleStart,
    titleEnd: titleStart + (rendered.titleEnd - rendered.titleStart),
  };
}

/**
 * The next missing required section that may be written on `line` (0-based), planned to
 * replace that line's content: the first missing section (conventional order) whose place
 * this is — every present part that conventionally precedes it starts above the line and
 * every one that follows starts below — provided the line is at top level, i.e. the next
 * line of content is a top-level heading, a part's lead-in paragraph ("下一步，…"), or
 * there is none (so the new section takes nothing that belongs to another).
 *
 * @returns null when nothing is missing, the line is inside a section's body, or no
 *   missing section belongs here
 */
export function missingSectionAt(report: ReportOutline, line: number): InsertionPlan | null {
  const missing = missingParts(report);
  if (missing.length === 0) return null;
  const { lines } = report;
  let next = line + 1;
  while (next < lines.count && !isContentLine(report, next)) next++;
  if (next < lines.count) {
    const top = report.topSections.some((i) => report.sections[i].heading.line === next);
    const leadIn = report.parts.some((p) => p.via === 'lead-in' && lines.lineAt(p.start) === next);
    if (!top && !leadIn) return null;
  }
  const lineStart = lines.start(line);
  const rank = (id: SectionId) => SECTION_IDS.indexOf(id);
  const part = missing.find((id) =>
    report.parts.every((p) => (rank(p.id) < rank(id) ? p.start < lineStart : rank(p.id) > rank(id) ? p.start >= lineStart : true)),
  );
  if (!part) return null;
  const section = templateSection(templateFor(report), part);
  if (!section) return null;
  const style = topStyle(report, line);
  let previous = line - 1;
  while (previous >= 0 && lines.lineText(previous).trim() === '') previous--;
  const numbering = numberingAt(report, lineStart, style);
  return {
    part,
    section,
    at: lineStart,
    before: style.blankLines && previous === line - 1 && previous >= 0 ? style.eol : '',
    after: style.blankLines && next === line + 1 && next < lines.count ? style.eol : '',
    style,
    numbering,
    placement: { marker: numbering.marker, level: numbering.level, headingPrefix: style.headingPrefix, subsectionPrefix: style.subsectionPrefix },
  };
}
