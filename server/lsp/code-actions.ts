/**
 * Code actions, the way vscode-eslint offers them:
 *
 * - per party-report diagnostic with a fix: a preferred `quickfix` applying it, titled by
 *   what it does (将“(二)”改为“（二）”);
 * - per rule with more than one fixable finding: a `quickfix` fixing them all;
 * - per `required-sections` diagnostic: a `quickfix` inserting each missing section at its
 *   place, numbered, with the sections after it renumbered (server/lsp/sections.ts);
 * - per `slogan-canonical`, `duplicate-char` and `placeholder` diagnostic: a `quickfix`
 *   adding its text to the project dictionary, the config file's `accept:` (created if need
 *   be; server/lsp/dictionary.ts);
 * - per diagnostic: a `quickfix` inserting `<!-- party-report-disable-next-line rule -->`
 *   above its line (or adding the rule to such a comment already there);
 * - `source.fixAll.partyReport`: the whole document through `lintAndFix`, as minimal edits
 *   (what `"editor.codeActionsOnSave": {"source.fixAll.partyReport": "explicit"}` runs).
 *
 * Every edit names the document version it was computed on, so a client applying it to a
 * newer version rejects it instead of corrupting the text. Diagnostics are matched to
 * findings by rule id (`code`) and range within the analysis of the current version: a
 * diagnostic from an older version that no longer matches gets no fix.
 */
import {
  type CodeAction,
  CodeActionKind,
  type Diagnostic,
  type Range,
  TextDocumentEdit,
  TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { applyFixes } from '../../rules/engine/fixes';
import type { ReportOutline } from '../../rules/model/report';
import type { Finding, Fix, Locale } from '../../rules/types';
import { DIAGNOSTIC_SOURCE, offsetRange } from './diagnostics';
import { addToDictionaryAction, DICTIONARY_RULES, type DictionaryTarget, type EditSupport } from './dictionary';
import { missingSectionActions } from './sections';
import { text } from './texts';

/** The kind of the fix-everything source action: a sub-kind of `source.fixAll`. */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.partyReport`;

/** The kinds advertised in `codeActionProvider.codeActionKinds`. */
export const CODE_ACTION_KINDS: readonly string[] = [CodeActionKind.QuickFix, FIX_ALL_KIND];

/** Longest replaced or inserted text quoted in a title; longer ones get the generic title. */
const MAX_TITLE_TEXT = 24;

/**
 * Whether a request's `context.only` asks for actions of `kind`: a requested kind covers
 * itself and its sub-kinds (`source` covers `source.fixAll.partyReport`), the empty kind
 * covers all.
 *
 * @param whenUnfiltered the answer when the request names no kinds
 */
export function requestsKind(only: readonly string[] | undefined, kind: string, whenUnfiltered: boolean): boolean {
  if (!only || only.length === 0) return whenUnfiltered;
  return only.some((r) => r === '' || kind === r || kind.startsWith(`${r}.`));
}

/**
 * A workspace edit applying `fixes` (non-overlapping, offsets into `document`) to
 * `document`. With `documentChanges` it is a `TextDocumentEdit` naming the document's
 * version, so the client refuses it on any other version; clients that cannot take
 * those get plain `changes`.
 */
export function versionedEdit(document: TextDocument, fixes: readonly Fix[], documentChanges: boolean): WorkspaceEdit {
  const edits = fixes.map((f) => TextEdit.replace(offsetRange(document, f.start, f.end), f.text));
  if (!documentChanges) return { changes: { [document.uri]: edits } };
  return { documentChanges: [TextDocumentEdit.create({ uri: document.uri, version: document.version }, edits)] };
}

/** What quick fixes are computed from: one analysed version and the client's wishes. */
export interface QuickFixInput {
  /** The exact version the findings were computed on. */
  document: TextDocument;
  report: ReportOutline;
  findings: readonly Finding[];
  /** `context.diagnostics` of the request; only party-report ones are answered. */
  diagnostics: readonly Diagnostic[];
  locale: Locale;
  /** Whether the client takes versioned `documentChanges`. */
  documentChanges: boolean;
  /**
   * Where the document's project dictionary lives (asked only when a dictionary rule's
   * diagnostic is answered) and what the client's workspace edits can do; no dictionary
   * action without it (a document that is no file).
   */
  dictionary?: { target: () => DictionaryTarget | null; support: EditSupport };
}

/**
 * The quick fixes for the request's diagnostics: the finding's own fix (preferred), a
 * fix-all per rule that has more than one fixable finding in the document, and a
 * disable-next-line comment per rule and line. Diagnostics that match no current finding
 * (stale, or another tool's) get nothing.
 */
export function quickFixActions(input: QuickFixInput): CodeAction[] {
  const { document, report, findings, locale, documentChanges } = input;
  const source = document.getText();
  const fixes: CodeAction[] = [];
  const fixAllOfRule = new Map<string, CodeAction>();
  const disables = new Map<string, CodeAction>();
  const dictionaryActions = new Map<string, CodeAction>();
  let target: DictionaryTarget | null | undefined;
  const ranges = new Map<Finding, Range>();
  const rangeOf = (f: Finding) => {
    let range = ranges.get(f);
    if (!range) ranges.set(f, (range = offsetRange(document, f.start, f.end)));
    return range;
  };

  for (const diagnostic of input.diagnostics) {
    if (diagnostic.source !== DIAGNOSTIC_SOURCE || typeof diagnostic.code !== 'string') continue;
    const rule = diagnostic.code;
    const matches = findings.filter((f) => f.ruleId === rule && sameRange(rangeOf(f), diagnostic.range));
    const finding = matches.find((f) => f.message === diagnostic.message) ?? matches[0];
    if (!finding) continue;

    if (finding.fix && validFix(finding.fix, source.length)) {
      fixes.push({
        title: fixTitle(finding.fix, source, rule, locale),
        kind: CodeActionKind.QuickFix,
        isPreferred: true,
        diagnostics: [diagnostic],
        edit: versionedEdit(document, [finding.fix], documentChanges),
      });
    }

    // required-sections has no fix of its own (which title, which words?); the template
    // gives the missing section, inserted at its place and numbered (server/lsp/sections.ts).
    if (rule === 'required-sections') fixes.push(...missingSectionActions({ document, report, diagnostic, locale, documentChanges }));

    const existing = fixAllOfRule.get(rule);
    if (existing) {
      if (finding.fix) existing.diagnostics!.push(diagnostic);
    } else if (finding.fix) {
      const ruleFixes = findings.flatMap((f) => (f.ruleId === rule && f.fix && validFix(f.fix, source.length) ? [f.fix] : []));
      if (ruleFixes.length > 1) {
        fixAllOfRule.set(rule, {
          title: text('fixAllOfRule', locale, { rule }),
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          edit: versionedEdit(document, mergeTouching(applyFixes(source, ruleFixes).applied), documentChanges),
        });
      }
    }

    if (input.dictionary && DICTIONARY_RULES.has(rule)) {
      const word = source.slice(finding.start, finding.end);
      const offered = dictionaryActions.get(word);
      if (offered) offered.diagnostics!.push(diagnostic);
      else {
        if (target === undefined) target = input.dictionary.target();
        const action = addToDictionaryAction(rule, word, diagnostic, target, locale, input.dictionary.support);
        if (action) dictionaryActions.set(word, action);
      }
    }

    const line = report.lines.lineAt(finding.start);
    const key = `${rule}\u0000${line}`;
    if (disables.has(key)) {
      disables.get(key)!.diagnostics!.push(diagnostic);
      continue;
    }
    const disable = disableNextLineFix(report, line, rule);
    if (disable) {
      disables.set(key, {
        title: text('disableNextLine', locale, { rule }),
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        edit: versionedEdit(document, [disable], documentChanges),
      });
    }
  }
  return [...fixes, ...fixAllOfRule.values(), ...dictionaryActions.values(), ...disables.values()];
}

/**
 * The `source.fixAll.partyReport` action turning `document` into `fixedText` (the
 * output of `lintAndFix`), as minimal edits; null when there is nothing to change.
 *
 * @param edits the edits from `document`'s text to `fixedText` (see `minimalEdits`)
 */
export function fixAllAction(document: TextDocument, edits: readonly Fix[], locale: Locale, documentChanges: boolean): CodeAction | null {
  if (edits.length === 0) return null;
  return { title: text('fixAll', locale), kind: FIX_ALL_KIND, edit: versionedEdit(document, edits, documentChanges) };
}

/**
 * The title of a fix: what it does when that fits in a menu (将“3-”改为“3～”), otherwise
 * 修复此问题（rule-id）.
 */
export function fixTitle(fix: Fix, source: string, rule: string, locale: Locale): string {
  const old = source.slice(fix.start, fix.end);
  const shown = (s: string) => s.length <= MAX_TITLE_TEXT && !/[\r\n]/.test(s) && /\S/.test(s.replace(/\u3000/g, ' '));
  let title: string;
  if (old && fix.text && shown(old) && shown(fix.text)) {
    title = text('fixReplace', locale, { old: quote(old, locale), new: quote(fix.text, locale) });
  } else if (!old && shown(fix.text)) {
    title = text('fixInsert', locale, { new: quote(fix.text, locale) });
  } else if (!fix.text && shown(old)) {
    title = text('fixDelete', locale, { old: quote(old, locale) });
  } else {
    return text('fixProblem', locale, { rule });
  }
  return title.replace(/ {2,}/g, ' ').trim();
}

/** Text in a title: in “…”, unless it holds double quotes itself (then set off by spaces). */
function quote(s: string, locale: Locale): string {
  if (!/[“”"]/.test(s)) return `“${s}”`;
  return locale === 'zh-CN' ? ` ${s} ` : s;
}

/**
 * The edit disabling `rule` on `line`: a `party-report-disable-next-line` comment inserted
 * above it with the line's indentation and blockquote markers, or `rule` added to such a
 * comment already there. None inside front matter, tables or fenced code, where a comment
 * line would break the block.
 */
export function disableNextLineFix(report: ReportOutline, line: number, rule: string): Fix | null {
  const { lines, text: source } = report;
  const start = lines.start(line);
  const span = report.opaque.at(start);
  if (span && (span.kind === 'frontmatter' || span.kind === 'table' || (span.kind === 'code' && span.end > lines.end(line)))) return null;
  if (line > 0) {
    const previous = lines.lineText(line - 1);
    const comment = /^(.*<!--\s*party-report-disable-next-line\s+[^\s>][^>]*?)(\s*-->\s*)$/.exec(previous);
    if (comment) {
      const at = lines.start(line - 1) + comment[1].length;
      return { start: at, end: at, text: ` ${rule}` };
    }
  }
  const prefix = /^[ \t]*(?:>[ \t]?)*/.exec(lines.lineText(line))?.[0] ?? '';
  const eol = line + 1 < lines.count ? source.slice(lines.end(line), lines.start(line + 1)) : (/\r\n|\r|\n/.exec(source)?.[0] ?? '\n');
  return { start, end: start, text: `${prefix}<!-- party-report-disable-next-line ${rule} -->${eol}` };
}

function sameRange(a: Range, b: Range | undefined): boolean {
  return (
    b !== undefined &&
    a.start.line === b.start.line &&
    a.start.character === b.start.character &&
    a.end.line === b.end.line &&
    a.end.character === b.end.character
  );
}

function validFix(fix: Fix, length: number): boolean {
  return Number.isInteger(fix.start) && Number.isInteger(fix.end) && fix.start >= 0 && fix.end >= fix.start && fix.end <= length;
}

/**
 * Sorted, non-overlapping fixes with touching ones joined, so the edits sent never share
 * an end point (an insertion where another edit starts is ambiguous in LSP).
 */
function mergeTouching(fixes: readonly Fix[]): Fix[] {
  const merged: Fix[] = [];
  for (const fix of fixes) {
    const last = merged[merged.length - 1];
    if (last && last.end === fix.start) merged[merged.length - 1] = { start: last.start, end: fix.end, text: last.text + fix.text };
    else merged.push({ ...fix });
  }
  return merged;
}
