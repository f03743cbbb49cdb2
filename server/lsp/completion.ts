/**
 * Completion: structure where a writer needs it, nothing while they type prose.
 *
 * - In an empty or nearly empty Markdown document (nothing but blank lines, front matter
 *   or comments besides a short cursor line): the skeleton of every report template.
 * - At the start of a line (nothing but a partly typed number before the cursor): the
 *   next structural numbers at that place (rules/authoring/next.ts), and at top level
 *   the next missing required section with its body, renumbering the sections after it.
 * - After an unclosed “ on the line: the canonical formulations of the 规范提法
 *   dictionary (rules/data/slogans.yaml), closed with ”.
 *
 * Everywhere else — in the middle of a sentence, in code, tables, comments, front
 * matter — the answer is empty, so the editor shows nothing.
 */
import {
  type CompletionItem,
  CompletionItemKind,
  InsertTextFormat,
  MarkupKind,
  type Range,
  type TextEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { reportKinds } from '../../rules/data/index';
import { slogans, type SloganEntry } from '../../rules/data/slogans';
import { templates } from '../../rules/data/templates';
import { nextNumbers, type NextNumber } from '../../rules/authoring/next';
import { renderSection, renderSkeleton } from '../../rules/authoring/render';
import { isContentLine, missingSectionAt, type InsertionPlan } from '../../rules/authoring/sections';
import { lineHead } from '../../rules/model/markers';
import type { ReportOutline } from '../../rules/model/report';
import type { Locale } from '../../rules/types';
import { offsetRange } from './diagnostics';
import { LEVEL_NAMES } from './hover';
import { describeRenumbering } from './sections';
import { text } from './texts';

/** Characters after which the client should ask for completion: the opening quote, and `（` at a line start. */
export const COMPLETION_TRIGGERS: readonly string[] = ['“', '（'];

/** What completion is computed from: one analysed version. */
export interface CompletionInput {
  /** The exact version `report` was built from. */
  document: TextDocument;
  report: ReportOutline;
  /** UTF-16 offset of the cursor. */
  offset: number;
  /** Whether the document is linted (a report, or `lintAllMarkdown`): numbers and formulations are offered only then. */
  linted: boolean;
  locale: Locale;
  /** The year placeholders default to (default: this year). */
  year?: number;
}

/** Longest text on the cursor line for which a document still counts as nearly empty. */
const NEARLY_EMPTY_LINE = 30;
/** Longest text typed after “ that is still looked up in the dictionary. */
const MAX_QUOTED_PREFIX = 24;
/** A structural number partly typed at a line start: `（`, `（二`, `三`, `1`. */
const PARTIAL_NUMBER = /^(?:[（(][一二三四五六七八九十\d]{0,3}|[一二三四五六七八九十]{1,3}|\d{1,2})?$/;

/**
 * The completion items at `input.offset`, or [] where none belong.
 *
 * Ranges are computed on `input.document` (the analysed version); every item replaces
 * what was typed of it on the cursor's line, so the client can filter as the writer types.
 */
export function completionsAt(input: CompletionInput): CompletionItem[] {
  const { report, offset } = input;
  const { text: source, lines } = report;
  if (offset < 0 || offset > source.length) return [];
  const line = lines.lineAt(offset);
  const lineStart = lines.start(line);
  const lineEnd = lines.end(line);
  const span = report.opaque.at(Math.max(lineStart, offset - 1));
  if (span && span.end >= offset && span.kind !== 'url') return [];

  const quoted = openQuote(source, lineStart, offset);
  if (quoted !== null) return input.linted ? sloganItems(input, quoted) : [];

  const head = lineHead(source, lineStart, offset);
  if (head > offset) return [];
  const typed = source.slice(head, offset);
  if (nearlyEmpty(report, line, lineStart, lineEnd)) return skeletonItems(input, line);
  if (!input.linted || !PARTIAL_NUMBER.test(typed)) return [];
  const range = offsetRange(input.document, head, offset);
  let items = nextNumbers(report, line).map((n, i) => numberItem(n, range, i, input.locale));
  if (source.slice(offset, lineEnd).trim() === '') {
    const plan = missingSectionAt(report, line);
    if (plan) items.unshift(missingSectionItem(input, plan, range, /#/.test(source.slice(lineStart, head))));
  }
  // What was typed of a number narrows the list: `（` leaves `（三）`, not `三、`.
  items = items.filter((item) => (item.filterText ?? item.label).startsWith(typed));
  items.forEach((item, i) => {
    item.sortText = String(i).padStart(3, '0');
  });
  if (items.length) items[0].preselect = true;
  return items;
}

/** The offset just past an unclosed “ before `offset` on the line, if the text after it is short. */
function openQuote(source: string, lineStart: number, offset: number): number | null {
  const before = source.slice(lineStart, offset);
  const open = before.lastIndexOf('“');
  if (open === -1 || before.indexOf('”', open) !== -1) return null;
  const typed = before.slice(open + 1);
  if (typed.length > MAX_QUOTED_PREFIX || /[。！？；，：、\s]/.test(typed)) return null;
  return lineStart + open + 1;
}

function nearlyEmpty(report: ReportOutline, line: number, lineStart: number, lineEnd: number): boolean {
  if (report.text.slice(lineStart, lineEnd).trim().length > NEARLY_EMPTY_LINE) return false;
  for (let other = 0; other < report.lines.count; other++) {
    if (other !== line && isContentLine(report, other)) return false;
  }
  return true;
}

function numberItem(n: NextNumber, range: Range, index: number, locale: Locale): CompletionItem {
  const what = n.kind === 'item' ? text('completionItem', locale) : LEVEL_NAMES[locale][n.level!];
  const detail =
    n.after ? text('completionAfter', locale, { what, after: clip(n.after.text) })
    : n.relation === 'child' ? text('completionFirst', locale, { what })
    : text('completionFirstItem', locale);
  return {
    label: n.text,
    kind: n.kind === 'item' ? CompletionItemKind.EnumMember : CompletionItemKind.Enum,
    detail,
    filterText: n.text,
    textEdit: { range, newText: n.text },
    insertTextFormat: InsertTextFormat.PlainText,
    sortText: String(index).padStart(3, '0'),
  };
}

function missingSectionItem(input: CompletionInput, plan: InsertionPlan, range: Range, hasHashes: boolean): CompletionItem {
  const { locale, document, report } = input;
  const placement = { ...plan.placement, headingPrefix: hasHashes ? '' : plan.placement.headingPrefix };
  const options = { year: input.year, eol: plan.style.eol, blankLines: plan.style.blankLines };
  const snippet = renderSection(plan.section, placement, { ...options, mode: 'snippet' });
  const plain = renderSection(plan.section, placement, { ...options, mode: 'plain' });
  const name = reportKinds.sections[plan.part][locale === 'zh-CN' ? 'name' : 'nameEn'];
  const additionalTextEdits: TextEdit[] = plan.numbering.renumber.map((f) => ({ range: offsetRange(document, f.start, f.end), newText: f.text }));
  const notes = [text('completionMissing', locale, { section: name, kind: report.kind.id })];
  if (plan.numbering.renumber.length) {
    notes.push(text('renumbered', locale, { list: describeRenumbering(report, plan.numbering.renumber, locale) }));
  }
  const label = `${plan.numbering.marker}${plan.section.titles[0]}`;
  return {
    label,
    kind: CompletionItemKind.Snippet,
    detail: text('completionMissingDetail', locale, { section: name }),
    documentation: { kind: MarkupKind.Markdown, value: `${notes.join('\n\n')}\n\n${codeBlock(plain.text)}` },
    // Filter on the number, which is what can have been typed at the line start.
    filterText: plan.numbering.marker || label,
    // The joining line breaks hold no snippet syntax.
    textEdit: { range, newText: plan.before + snippet.text + plan.after },
    insertTextFormat: InsertTextFormat.Snippet,
    additionalTextEdits,
  };
}

function skeletonItems(input: CompletionInput, line: number): CompletionItem[] {
  const { document, report, locale } = input;
  const range = offsetRange(document, report.lines.start(line), report.lines.end(line));
  const declared = report.kind.source === 'frontmatter' || report.kind.source === 'config' ? report.kind.id : null;
  const ordered = [...templates.templates].sort((a, b) => Number(b.kind === declared) - Number(a.kind === declared));
  return ordered.map((t, i) => {
    const snippet = renderSkeleton(t, { mode: 'snippet', year: input.year });
    const plain = renderSkeleton(t, { mode: 'plain', year: input.year });
    return {
      label: locale === 'zh-CN' ? t.name : t.nameEn,
      kind: CompletionItemKind.Snippet,
      detail: text('completionSkeleton', locale, { kind: t.kind }),
      documentation: { kind: MarkupKind.Markdown, value: `${t.description[locale]}\n\n${codeBlock(plain.text)}` },
      filterText: `${t.name} ${t.prefix}`,
      textEdit: { range, newText: snippet.text },
      insertTextFormat: InsertTextFormat.Snippet,
      sortText: String(i).padStart(3, '0'),
      preselect: i === 0,
    };
  });
}

/** The formulation to insert after the “ at `open`, and the range it replaces. */
function sloganEdit(entry: SloganEntry, source: string, open: number, offset: number): { start: number; end: number; newText: string } {
  const end = source[offset] === '”' ? offset + 1 : offset;
  // A formulation that is itself quoted (“七一”重要讲话精神) replaces the typed “ too.
  if (entry.canonical.startsWith('“')) return { start: open - 1, end: offset, newText: entry.canonical };
  // Quotation marks inside quotation marks become ‘ ’ (GB/T 15834-2011 4.1.3.4).
  return { start: open, end, newText: `${entry.canonical.replace(/“/g, '‘').replace(/”/g, '’')}”` };
}

function sloganItems(input: CompletionInput, open: number): CompletionItem[] {
  const { document, report, offset, locale } = input;
  return slogans.entries.map((entry, i) => {
    const edit = sloganEdit(entry, report.text, open, offset);
    const lines = [`**${entry.canonical}**`, text('sloganSource', locale, { source: entry.source })];
    if (entry.parts.length) lines.push(text('sloganParts', locale), entry.parts.map((p, j) => `${j + 1}. ${p}`).join('\n'));
    return {
      label: entry.canonical,
      kind: CompletionItemKind.Constant,
      detail: text('completionSlogan', locale),
      documentation: { kind: MarkupKind.Markdown, value: lines.join('\n\n') },
      filterText: edit.start < open ? entry.canonical : entry.canonical.replace(/^“/, ''),
      textEdit: { range: offsetRange(document, edit.start, edit.end), newText: edit.newText },
      insertTextFormat: InsertTextFormat.PlainText,
      sortText: String(i).padStart(3, '0'),
    };
  });
}

function clip(s: string): string {
  return s.length > 16 ? `${s.slice(0, 15)}…` : s;
}

function codeBlock(s: string): string {
  const fence = s.includes('```') ? '````' : '```';
  return `${fence}markdown\n${s.trimEnd()}\n${fence}`;
}
