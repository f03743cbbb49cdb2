/**
 * Inserting missing sections, over LSP: the quick fixes on a `required-sections`
 * diagnostic and the items of `partyReport/sectionInsertions` (the 插入章节 command).
 * The plan — where, which number, which later sections shift — is
 * rules/authoring/sections.ts; here it becomes one versioned workspace edit per choice, so
 * the writer undoes an insertion and its renumbering in one step.
 */
import { type CodeAction, CodeActionKind, type Diagnostic } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { reportKinds, type SectionId } from '../../rules/data/index';
import { applyFixes } from '../../rules/engine/fixes';
import { missingParts, planFixes, planInsertion, templateFor, type PlannedFixes } from '../../rules/authoring/sections';
import { buildReport, type ReportOutline } from '../../rules/model/report';
import type { Fix, Locale } from '../../rules/types';
import { versionedEdit } from './code-actions';
import { offsetRange } from './diagnostics';
import { minimalEdits } from './edits';
import type { SectionInsertion } from './requests';
import { text } from './texts';

const sectionName = (part: SectionId, locale: Locale) => reportKinds.sections[part][locale === 'zh-CN' ? 'name' : 'nameEn'];

/**
 * What renumbering fixes do, for a title or documentation: “二、”改为“三、”, one per
 * renumbered heading.
 *
 * @param fixes numeral replacements inside `report`'s heading markers (`numberingAt`)
 */
export function describeRenumbering(report: ReportOutline, fixes: readonly Fix[], locale: Locale): string {
  return fixes
    .map((f) => {
      const marker = report.sections.find((s) => s.heading.marker && s.heading.marker.start <= f.start && f.end <= s.heading.marker.end)?.heading.marker;
      const old = marker?.text ?? report.text.slice(f.start, f.end);
      const numeral = report.text.slice(f.start, f.end);
      return text('completionRenumbered', locale, { old, new: old.replace(numeral, f.text) });
    })
    .join(locale === 'zh-CN' ? '，' : ', ');
}

/** The plan of one part with a description of what it does (for titles and quick picks). */
function planned(report: ReportOutline, part: SectionId, locale: Locale): { fixes: PlannedFixes; detail: string } | null {
  const plan = planInsertion(report, part);
  if (!plan) return null;
  const fixes = planFixes(plan);
  const heading = `${plan.placement.headingPrefix ?? ''}${plan.numbering.marker}${plan.section.titles[0]}`;
  const details = [text('insertSectionDetail', locale, { heading })];
  if (plan.numbering.renumber.length) details.push(text('renumbered', locale, { list: describeRenumbering(report, plan.numbering.renumber, locale) }));
  return { fixes, detail: details.join(locale === 'zh-CN' ? '；' : '; ') };
}

/**
 * The text after inserting every part of `parts` in turn, each planned on the report of
 * the text before it (so numbers and places account for the ones inserted already).
 *
 * @param kind the configured report kind, if any (the re-built reports keep it)
 */
function insertAll(report: ReportOutline, parts: readonly SectionId[], kind: string | undefined): string {
  let current = report;
  for (const part of parts) {
    const plan = planInsertion(current, part);
    if (!plan) continue;
    current = buildReport(applyFixes(current.text, planFixes(plan).fixes).text, { kind });
  }
  return current.text;
}

/** What the quick fixes for a `required-sections` diagnostic are computed from. */
export interface MissingSectionInput {
  /** The exact version `report` was built from. */
  document: TextDocument;
  report: ReportOutline;
  diagnostic: Diagnostic;
  locale: Locale;
  documentChanges: boolean;
}

/**
 * Quick fixes inserting each missing required section at its place (preferred when only
 * one is missing), and, when several are missing, one inserting them all.
 */
export function missingSectionActions(input: MissingSectionInput): CodeAction[] {
  const { document, report, diagnostic, locale, documentChanges } = input;
  const missing = missingParts(report);
  const actions: CodeAction[] = [];
  for (const part of missing) {
    const p = planned(report, part, locale);
    if (!p) continue;
    actions.push({
      title: text('insertSection', locale, { section: sectionName(part, locale) }),
      kind: CodeActionKind.QuickFix,
      isPreferred: missing.length === 1,
      diagnostics: [diagnostic],
      edit: versionedEdit(document, p.fixes.fixes, documentChanges),
    });
  }
  if (actions.length > 1) {
    const source = report.text;
    const kind = report.kind.source === 'config' ? report.kind.id : undefined;
    const edits: Fix[] = minimalEdits(source, insertAll(report, missing, kind));
    actions.push({
      title: text('insertAllSections', locale, { sections: missing.map((p) => sectionName(p, locale)).join(locale === 'zh-CN' ? '、' : ', ') }),
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      edit: versionedEdit(document, edits, documentChanges),
    });
  }
  return actions;
}

/**
 * The template sections `report` lacks (its kind's template, rules/data/templates.yaml),
 * in the template's order, each with the edit inserting it and the range of its title
 * after the edit. Parts the report already has are left out.
 *
 * @param document the exact version `report` was built from
 */
export function sectionInsertions(document: TextDocument, report: ReportOutline, locale: Locale, documentChanges: boolean): SectionInsertion[] {
  const template = templateFor(report);
  const present = new Set(report.parts.map((p) => p.id));
  const parts = [...new Set(template.sections.map((s) => s.part))].filter((p) => !present.has(p));
  const items: SectionInsertion[] = [];
  for (const part of parts) {
    const p = planned(report, part, locale);
    if (!p) continue;
    const after = TextDocument.create(document.uri, document.languageId, document.version + 1, applyFixes(report.text, p.fixes.fixes).text);
    const required = report.kind.requires.includes(part);
    const why = required
      ? text('sectionRequired', locale, { kind: report.kind.id })
      : text('sectionOptional', locale, { template: locale === 'zh-CN' ? template.name : template.nameEn });
    items.push({
      part,
      label: sectionName(part, locale),
      detail: [why, p.detail].join(locale === 'zh-CN' ? '。' : '. '),
      required,
      edit: versionedEdit(document, p.fixes.fixes, documentChanges),
      selection: offsetRange(after, p.fixes.titleStart, p.fixes.titleEnd),
    });
  }
  return items;
}
