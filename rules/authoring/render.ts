/**
 * Renders report templates (rules/data/templates.ts) to text: as an LSP / VS Code snippet
 * (tab stops `${1:默认}`, choices `${2|甲,乙|}`, the year as `${CURRENT_YEAR}` where the
 * client resolves variables) or as plain text with every tab stop at its default. Both
 * come from one walk over the template, so a snippet expanded with its defaults is exactly
 * the plain text (test/unit/templates.test.ts checks it).
 *
 * Structural numbers are added here, never stored in the data: sections `一、` (or the
 * number the caller gives), subsections `（一）`, items `一是`, per GB/T 9704-2012 7.3.3.
 */
import type { ReportTemplate, Slot, TemplateSection, TemplateText } from '../data/templates';
import { YEAR_VARIABLE } from '../data/templates';
import { canonicalMarker, type MarkerLevel } from '../model/markers';
import { toChineseNumeral } from '../model/numerals';

export interface RenderOptions {
  /** `snippet`: LSP snippet syntax; `plain`: the text with every tab stop at its default. */
  mode: 'snippet' | 'plain';
  /**
   * The year the year placeholder defaults to; omitted: the current year. With
   * `yearVariable` a snippet names the variable instead (static snippets, where VS Code
   * fills it in).
   */
  year?: number;
  yearVariable?: boolean;
  /** Line break between lines (default `\n`). */
  eol?: string;
  /** Whether paragraphs are separated by a blank line (Markdown-style) or not (Word-style). */
  blankLines?: boolean;
  /**
   * Which choice each choice tab stop takes in plain mode: `choice % choices.length`
   * (default 0, the conventional default). Tests render every choice this way.
   */
  choice?: number;
  /** The first tab stop's number (default 1), for snippets appended to others. */
  firstTabStop?: number;
}

/** Where one rendered section's heading title lies in the rendered text (UTF-16, `end` exclusive). */
export interface Rendered {
  text: string;
  /** The title of the first heading rendered (a section's title), if any. */
  titleStart: number;
  titleEnd: number;
}

/** How a section is numbered and marked up where it is inserted. */
export interface SectionPlacement {
  /** The section's structural number as written (`二、`), or '' for an unnumbered section. */
  marker: string;
  /** The level of that number; its subsections take the next level (default 1). */
  level?: MarkerLevel;
  /** Text before the heading's number, e.g. `## ` when the report's sections are `#` headings. */
  headingPrefix?: string;
  /** Text before each subsection's number, e.g. `### `. */
  subsectionPrefix?: string;
}

/** Escapes literal snippet text: `$`, `}` and `\` (LSP snippet grammar). */
export function escapeSnippetText(text: string): string {
  return text.replace(/[$}\\]/g, (c) => `\\${c}`);
}

/** Escapes one choice of a snippet choice: `,`, `|` and `\`. */
function escapeChoice(text: string): string {
  return text.replace(/[,|\\]/g, (c) => `\\${c}`);
}

/** One rendering pass: numbers tab stops in order, one number per placeholder name. */
class Writer {
  private next: number;
  private readonly named = new Map<string, number>();
  private out = '';

  constructor(private readonly options: RenderOptions) {
    this.next = options.firstTabStop ?? 1;
  }

  get length(): number {
    return this.out.length;
  }

  get text(): string {
    return this.out;
  }

  literal(text: string): void {
    this.out += this.options.mode === 'snippet' ? escapeSnippetText(text) : text;
  }

  slot(slot: Slot): void {
    const { mode } = this.options;
    const year = this.options.year ?? new Date().getFullYear();
    const choices = slot.variable === YEAR_VARIABLE ? [String(year)] : slot.choices;
    if (mode === 'plain') {
      this.out += choices.length > 1 ? choices[(this.options.choice ?? 0) % choices.length] : choices[0];
      return;
    }
    const known = slot.name === undefined ? undefined : this.named.get(slot.name);
    if (known !== undefined) {
      this.out += `\${${known}}`;
      return;
    }
    const index = this.next++;
    if (slot.name !== undefined) this.named.set(slot.name, index);
    if (slot.variable === YEAR_VARIABLE && this.options.yearVariable) this.out += `\${${index}:\${${YEAR_VARIABLE}}}`;
    else if (choices.length > 1) this.out += `\${${index}|${choices.map(escapeChoice).join(',')}|}`;
    else this.out += `\${${index}:${escapeSnippetText(choices[0])}}`;
  }

  pieces(pieces: TemplateText): void {
    for (const piece of pieces) {
      if (typeof piece === 'string') this.literal(piece);
      else this.slot(piece);
    }
  }

  /** A tab stop offering `titles` (a choice when there are several). */
  titles(titles: readonly string[]): void {
    this.slot({ choices: titles });
  }

  raw(text: string): void {
    this.out += text;
  }
}

function lineBreak(options: RenderOptions): string {
  const eol = options.eol ?? '\n';
  return options.blankLines === false ? eol : eol + eol;
}

/**
 * Writes a section: heading, then lead, subsections, items, close, paragraphs separated
 * per `options.blankLines`. Returns where the heading's title starts and ends.
 */
function writeSection(w: Writer, section: TemplateSection, placement: SectionPlacement, options: RenderOptions): [number, number] {
  const br = lineBreak(options);
  const level = placement.level ?? 1;
  const subLevel = Math.min(level + 1, 4) as MarkerLevel;
  w.literal(`${placement.headingPrefix ?? ''}${placement.marker}`);
  const titleStart = w.length;
  w.titles(section.titles);
  const titleEnd = w.length;
  const paragraphs: ((w: Writer) => void)[] = [];
  if (section.lead) paragraphs.push((x) => x.pieces(section.lead!));
  section.subsections.forEach((sub, i) => {
    paragraphs.push((x) => {
      x.literal(`${placement.subsectionPrefix ?? ''}${canonicalMarker(subLevel, i + 1)}`);
      x.titles([sub.title]);
    });
    if (sub.body) paragraphs.push((x) => x.pieces(sub.body!));
    sub.items.forEach((item, j) => paragraphs.push((x) => writeItem(x, item, j + 1)));
  });
  section.items.forEach((item, j) => paragraphs.push((x) => writeItem(x, item, j + 1)));
  if (section.close) paragraphs.push((x) => x.pieces(section.close!));
  for (const paragraph of paragraphs) {
    w.raw(br);
    paragraph(w);
  }
  return [titleStart, titleEnd];
}

function writeItem(w: Writer, item: TemplateText, value: number): void {
  w.literal(`${toChineseNumeral(value)}是`);
  w.pieces(item);
}

/**
 * The whole skeleton of `template`: title, preamble, and its sections numbered 一、二、…
 * with their subsections and items, ending with a line break.
 *
 * @returns the text (a snippet or plain, per `options.mode`); positions are UTF-16 offsets
 *   into it, the title range being that of the first section's title
 */
export function renderSkeleton(template: ReportTemplate, options: RenderOptions): Rendered {
  const w = new Writer(options);
  const br = lineBreak(options);
  w.pieces(template.title);
  w.raw(br);
  w.pieces(template.preamble);
  let first: [number, number] | null = null;
  template.sections.forEach((section, i) => {
    w.raw(br);
    const range = writeSection(w, section, { marker: canonicalMarker(1, i + 1), level: 1 }, options);
    first ??= range;
  });
  w.raw(options.eol ?? '\n');
  const [titleStart, titleEnd] = first ?? [0, 0];
  return { text: w.text, titleStart, titleEnd };
}

/**
 * One section of a template, numbered and marked up for the place it goes (no line break
 * before or after it: the caller joins it to the document).
 *
 * @returns the text and where the section's title lies in it (UTF-16 offsets; in snippet
 *   mode, offsets into the snippet source)
 */
export function renderSection(section: TemplateSection, placement: SectionPlacement, options: RenderOptions): Rendered {
  const w = new Writer(options);
  const [titleStart, titleEnd] = writeSection(w, section, placement, options);
  return { text: w.text, titleStart, titleEnd };
}
