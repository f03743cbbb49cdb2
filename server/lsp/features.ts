/**
 * The session's feature handlers: document symbols, hover, code actions (quick fixes and
 * fix-all), completion, folding ranges, and the three requests of lsp/requests.ts behind
 * the client's commands (templates, section insertions, document status). Each reads the
 * session's cached analysis of the document; apart from the lifecycle handlers
 * (lsp/lifecycle.ts), which are what change the session's state.
 */
import {
  type CodeAction,
  CodeActionKind,
  type CompletionList,
  type DocumentSymbol,
  type FoldingRange,
  type Hover,
  MarkupKind,
  type SymbolInformation,
} from 'vscode-languageserver';
import { renderSkeleton } from '../../rules/authoring/render';
import { templates } from '../../rules/data/templates';
import { FIX_ALL_KIND, fixAllAction, quickFixActions, requestsKind } from './code-actions';
import { completionsAt } from './completion';
import { offsetRange } from './diagnostics';
import { minimalEdits } from './edits';
import { foldingRanges } from './folding';
import { hoverAt } from './hover';
import { shiftChecks, shiftOutline } from './outline-shift';
import {
  DOCUMENT_STATUS_REQUEST,
  type DocumentStatus,
  type DocumentStatusParams,
  SECTION_INSERTIONS_REQUEST,
  type SectionInsertionsParams,
  type SectionInsertionsResult,
  TEMPLATES_REQUEST,
  type TemplatesResult,
} from './requests';
import { sectionInsertions } from './sections';
import { documentStatus } from './status';
import { documentSymbols, flattenSymbols } from './symbols';
import type { Session } from './session';

/**
 * Registers the feature handlers of `session` on its connection. Each answers an empty
 * result (never an exception) when the document is not open, not linted, or changed while
 * it was being answered.
 */
export function registerFeatures(session: Session): void {
  const { connection, documents, runner, state, cache, guard, logError, settingsFor, dictionaryOf } = session;

  connection.onDocumentSymbol((params) =>
    guard<DocumentSymbol[] | SymbolInformation[]>('textDocument/documentSymbol', [], async () => {
      const document = documents.get(params.textDocument.uri);
      if (!document) return [];
      // The outline of the last finished analysis if this version's takes long (lsp/analysis-cache.ts).
      const analysis = await cache.recent(document);
      if (!analysis?.linted || !analysis.report) return [];
      const symbols = documentSymbols(analysis.report, analysis.document);
      return state.hierarchicalSymbols ? symbols : flattenSymbols(symbols, document.uri);
    }),
  );

  connection.onHover((params) =>
    guard<Hover | null>('textDocument/hover', null, async () => {
      const document = documents.get(params.textDocument.uri);
      if (!document) return null;
      // The last finished analysis, never waiting for the re-lint of the keystroke before.
      const version = document.version;
      const analysis = await cache.latest(document);
      // A change that arrived meanwhile moved the position asked about.
      if (!analysis?.linted || !analysis.report || !analysis.output || documents.get(document.uri)?.version !== version) return null;
      // Positions are of the current text: an older analysis is carried over to it.
      const { report, shift } = shiftOutline(analysis.report, document.getText());
      const checks = analysis.document.version === document.version ? analysis.output.checks : shiftChecks(analysis.output.checks, shift);
      const found = hoverAt(report, checks, document.offsetAt(params.position), state.locale);
      if (!found) return null;
      return {
        contents: { kind: MarkupKind.Markdown, value: found.markdown },
        range: offsetRange(document, found.start, found.end),
      };
    }),
  );

  connection.onCodeAction((params, token) =>
    guard<CodeAction[]>('textDocument/codeAction', [], async () => {
      const uri = params.textDocument.uri;
      const document = documents.get(uri);
      if (!document) return [];
      const analysis = await cache.recent(document);
      // Edits must be computed against the version the client has: if a change arrived
      // while linting, or this version's analysis takes long, answer nothing rather than
      // edits for an older text.
      if (!analysis || token.isCancellationRequested || documents.get(uri)?.version !== analysis.document.version) return [];
      if (!analysis.linted || !analysis.output || !analysis.report || !analysis.request) return [];
      const only = params.context.only;
      const actions: CodeAction[] = [];
      if (requestsKind(only, CodeActionKind.QuickFix, true)) {
        actions.push(
          ...quickFixActions({
            document: analysis.document,
            report: analysis.report,
            findings: analysis.output.findings,
            diagnostics: params.context.diagnostics ?? [],
            locale: state.locale,
            documentChanges: state.documentChangesSupport,
            dictionary: dictionaryOf(uri),
          }),
        );
      }
      if (requestsKind(only, FIX_ALL_KIND, false) && analysis.output.findings.some((f) => f.fix)) {
        // Fixing lints the text again, up to ten times: off this thread, with the same budget.
        const settings = await settingsFor(uri);
        const outcome = await runner.fix({ ...analysis.request, uri, version: analysis.document.version, budgetMs: settings.analysisTimeout * 1000 });
        if (outcome.kind === 'done' && documents.get(uri)?.version === analysis.document.version) {
          const action = fixAllAction(analysis.document, minimalEdits(analysis.request.text, outcome.value), state.locale, state.documentChangesSupport);
          if (action) actions.push(action);
        } else if (outcome.kind === 'failed') {
          // A rule's bad fix (applyFixes throws on one outside the text): no fix-all, the rest stands.
          logError(`${FIX_ALL_KIND} ${uri}`, outcome.error);
        }
      }
      return actions;
    }),
  );

  connection.onCompletion((params, token) =>
    guard<CompletionList>('textDocument/completion', { isIncomplete: false, items: [] }, async () => {
      const empty: CompletionList = { isIncomplete: false, items: [] };
      const uri = params.textDocument.uri;
      const document = documents.get(uri);
      if (!document) return empty;
      // The last finished analysis, never waiting for the re-lint of the keystroke before:
      // completion reads the cursor's line of the current text and the structure around it.
      const version = document.version;
      const analysis = await cache.latest(document);
      // A change that arrived meanwhile: the client asks again for the newer version.
      if (!analysis || token.isCancellationRequested || documents.get(uri)?.version !== version) return { isIncomplete: true, items: [] };
      if (!analysis.report) return empty;
      const stale = analysis.document.version !== version;
      const items = completionsAt({
        document,
        report: stale ? shiftOutline(analysis.report, document.getText()).report : analysis.report,
        offset: document.offsetAt(params.position),
        linted: analysis.linted,
        locale: state.locale,
      });
      // From an older analysis the structure may lag by what was just typed: asked again as typing goes on.
      return { isIncomplete: stale, items };
    }),
  );

  connection.onFoldingRanges((params) =>
    guard<FoldingRange[]>('textDocument/foldingRange', [], async () => {
      const document = documents.get(params.textDocument.uri);
      if (!document) return [];
      const analysis = await cache.recent(document);
      if (!analysis?.linted || !analysis.report) return [];
      return foldingRanges(analysis.report);
    }),
  );

  connection.onRequest(TEMPLATES_REQUEST, () =>
    guard<TemplatesResult>(TEMPLATES_REQUEST, { templates: [] }, () => ({
      templates: templates.templates.map((t) => ({
        id: t.id,
        label: state.locale === 'zh-CN' ? t.name : t.nameEn,
        kind: t.kind,
        description: t.description[state.locale],
        snippet: renderSkeleton(t, { mode: 'snippet' }).text,
        text: renderSkeleton(t, { mode: 'plain' }).text,
      })),
    })),
  );

  connection.onRequest(SECTION_INSERTIONS_REQUEST, (params: SectionInsertionsParams) =>
    guard<SectionInsertionsResult>(SECTION_INSERTIONS_REQUEST, { items: [] }, async () => {
      const uri = params?.textDocument?.uri;
      const document = uri ? documents.get(uri) : undefined;
      if (!document) return { items: [] };
      const analysis = await cache.fresh(document);
      if (!analysis || documents.get(document.uri)?.version !== analysis.document.version || !analysis.report) return { items: [] };
      return { items: sectionInsertions(analysis.document, analysis.report, state.locale, state.documentChangesSupport) };
    }),
  );

  connection.onRequest(DOCUMENT_STATUS_REQUEST, (params: DocumentStatusParams) =>
    guard<DocumentStatus | null>(DOCUMENT_STATUS_REQUEST, null, async () => {
      const uri = params?.textDocument?.uri;
      const document = uri ? documents.get(uri) : undefined;
      if (!document) return null;
      const analysis = await cache.fresh(document);
      if (!analysis?.output || !analysis.report) return null;
      return documentStatus({
        document: analysis.document,
        report: analysis.report,
        findings: analysis.output.findings,
        linted: analysis.linted,
        locale: state.locale,
        documentChanges: state.documentChangesSupport,
      });
    }),
  );
}
