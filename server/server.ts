/**
 * The language server: LSP adapters over rules/. It keeps open Markdown documents
 * (incremental sync), lints each document version once — through an analysis runner
 * (lsp/analysis-runner.ts: worker threads with a time budget under Node, see main.ts; this
 * thread otherwise), cached in lsp/analysis-cache.ts — and serves that one result to
 * diagnostics (pulled when the client can pull, pushed otherwise), document symbols,
 * hover, folding ranges, completion and code actions (quick fixes, inserting a missing
 * section, `source.fixAll.partyReport`), and to the two requests of lsp/requests.ts
 * (report templates, section insertions) behind the client's commands.
 *
 * Transport-free: `main.ts` makes the connection (stdio / node-ipc from argv) and tests
 * may hand in one over in-memory streams.
 */
import {
  type CancellationToken,
  type ClientCapabilities,
  type CodeAction,
  CodeActionKind,
  type CompletionList,
  type Connection,
  type Diagnostic,
  DiagnosticSeverity,
  type DocumentDiagnosticReport,
  type DocumentSymbol,
  type FoldingRange,
  type Hover,
  type InitializeParams,
  type InitializeResult,
  LSPErrorCodes,
  MarkupKind,
  MessageType,
  ResourceOperationKind,
  ResponseError,
  ShowMessageNotification,
  type SymbolInformation,
  TextDocuments,
  TextDocumentSyncKind,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ConfigError, type Config, ruleOptionDefaults, validateConfig } from '../rules/engine/config';
import { resolveLocale } from '../rules/engine/messages';
import { rules as allRules } from '../rules/index';
import type { Locale, Rule } from '../rules/types';
import { renderSkeleton } from '../rules/authoring/render';
import { templates } from '../rules/data/templates';
import { CODE_ACTION_KINDS, FIX_ALL_KIND, fixAllAction, type QuickFixInput, quickFixActions, requestsKind } from './lsp/code-actions';
import { COMPLETION_TRIGGERS, completionsAt } from './lsp/completion';
import { type AnalysisFailure, type AnalysisRequest, hydrateOutline } from './lsp/analysis';
import { type Analysis, AnalysisCache } from './lsp/analysis-cache';
import { type AnalysisRunner, InThreadRunner } from './lsp/analysis-runner';
import { DIAGNOSTIC_SOURCE, offsetRange, toDiagnostic } from './lsp/diagnostics';
import { minimalEdits } from './lsp/edits';
import { NO_FILES, type ServerFiles, utf8Length } from './lsp/files';
import { foldingRanges } from './lsp/folding';
import { hoverAt } from './lsp/hover';
import { shiftChecks, shiftOutline } from './lsp/outline-shift';
import {
  DOCUMENT_STATUS_REQUEST,
  type DocumentStatus,
  type DocumentStatusParams,
  SECTION_INSERTIONS_REQUEST,
  type SectionInsertionsParams,
  type SectionInsertionsResult,
  TEMPLATES_REQUEST,
  type TemplatesResult,
} from './lsp/requests';
import { sectionInsertions } from './lsp/sections';
import { documentStatus } from './lsp/status';
import { DEFAULT_SETTINGS, normalizeSettings, type Settings } from './lsp/settings';
import { documentSymbols, flattenSymbols } from './lsp/symbols';
import { describeError, text } from './lsp/texts';

/** The settings section the server reads (`partyReport.*`). */
export const SETTINGS_SECTION = 'partyReport';

/** Every rule's default options: what `validateConfig` checks rule options against. */
const RULE_OPTION_DEFAULTS = ruleOptionDefaults(allRules);

/** Where `partyReport.rules` errors say they come from. */
export const SETTINGS_RULES_SOURCE = 'settings: partyReport.rules';

export interface ServerOptions {
  /** The rules to run; defaults to the ordered list of rules/index.ts. */
  rules?: readonly Rule[];
  /** Quiet time before pushed diagnostics are computed after a change, in ms (default 200). */
  pushDebounceMs?: number;
  /**
   * Config files, ignore files and the workspace lint (server/lsp/files.ts): main.ts gives
   * `nodeFiles()`; the default, `NO_FILES`, reads nothing (the browser server's).
   */
  files?: ServerFiles;
  /**
   * Where analyses run (server/lsp/analysis-runner.ts): main.ts hands in the worker-thread
   * runner; the default runs them in this thread, with `rules`.
   */
  runner?: AnalysisRunner;
}

/**
 * Wires the party-report handlers onto `connection` and starts listening.
 *
 * Diagnostics use exactly one mode per client: pull (`textDocument/diagnostic`) when the
 * client's capabilities include `textDocument.diagnostic`, else push
 * (`textDocument/publishDiagnostics`, debounced, newest version wins). No handler lets an
 * exception escape: failures are logged to the connection console and the handler
 * returns an empty result.
 */
export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const rules = options.rules ?? allRules;
  const knownRuleIds = rules.map((r) => r.id);
  const debounceMs = options.pushDebounceMs ?? 200;
  const files = options.files ?? NO_FILES;
  const runner = options.runner ?? new InThreadRunner(rules);
  const documents = new TextDocuments(TextDocument);

  let locale: Locale = 'zh-CN';
  let pullMode = false;
  let configurationSupport = false;
  let refreshSupport = false;
  let hierarchicalSymbols = false;
  let documentChangesSupport = false;
  /** Whether workspace edits may create files (`resourceOperations` has `create`): the dictionary quick fix. */
  let createFilesSupport = false;
  let workspaceFolderEvents = false;
  let workDoneProgressSupport = false;
  let workspaceFolders: string[] = [];
  /** Settings pushed by didChangeConfiguration, for clients without workspace/configuration. */
  let pushedSettings: Settings = { ...DEFAULT_SETTINGS };

  const settingsCache = new Map<string, Promise<Settings>>();
  const pushTimers = new Map<string, ReturnType<typeof setTimeout>>();
  const shownMessages = new Set<string>();
  const loggedFailures = new Set<string>();
  /** Tells this server's workspace result ids from a previous server's. */
  const instance = Math.random().toString(36).slice(2, 10);

  // ---- helpers -----------------------------------------------------------------------

  const logError = (what: string, error: unknown) => {
    try {
      connection.console.error(text('handlerFailed', locale, { what, error: describeError(error) }));
    } catch {
      // The connection itself is gone; nothing left to tell.
    }
  };

  /** Runs a handler body; on an exception logs it and returns `fallback`. */
  const guard = async <T>(what: string, fallback: T, body: () => T | Promise<T>): Promise<T> => {
    try {
      return await body();
    } catch (error) {
      // A deliberate error answer (a superseded pull: the client asks again) is not a failure.
      if (error instanceof ResponseError) throw error;
      logError(what, error);
      return fallback;
    }
  };

  /** `window/showMessage`, once per distinct message until the next settings change. */
  const showOnce = (type: MessageType, message: string) => {
    if (shownMessages.has(message)) return;
    shownMessages.add(message);
    void connection.sendNotification(ShowMessageNotification.type, { type, message }).catch((e: unknown) => logError('window/showMessage', e));
  };

  const logFailures = (uri: string, failures: readonly AnalysisFailure[]) => {
    for (const failure of failures) {
      const key = `${uri}\u0000${failure.ruleId}`;
      if (loggedFailures.has(key)) continue;
      loggedFailures.add(key);
      connection.console.error(text('ruleFailed', locale, { rule: failure.ruleId, uri, error: failure.error }));
    }
  };

  const settingsFor = (uri: string): Promise<Settings> => {
    if (!configurationSupport) return Promise.resolve(pushedSettings);
    let settings = settingsCache.get(uri);
    if (!settings) {
      settings = Promise.resolve(connection.workspace.getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION }))
        .then(normalizeSettings)
        .catch((error: unknown) => {
          logError('workspace/configuration', error);
          return { ...DEFAULT_SETTINGS };
        });
      settingsCache.set(uri, settings);
    }
    return settings;
  };

  /** The workspace folder holding `path` (the innermost), where config search stops. */
  const folderOf = (path: string): string | undefined => {
    let best: string | undefined;
    for (const folder of workspaceFolders) {
      const prefix = folder.endsWith('/') || folder.endsWith('\\') ? folder : `${folder}/`;
      if ((path === folder || path.startsWith(prefix) || path.startsWith(`${folder}\\`)) && (!best || folder.length > best.length)) {
        best = folder;
      }
    }
    return best;
  };

  /** Config-file configs for a document; a broken file is shown once and ignored. */
  const fileConfigs = (uri: string): Config[] => {
    const path = files.pathOf(uri);
    if (path === null) return [];
    try {
      return files.configs(path, folderOf(path));
    } catch (error) {
      if (error instanceof ConfigError) {
        showOnce(MessageType.Error, text('configFileError', locale, { detail: error.message }));
      } else {
        logError(`config files for ${uri}`, error);
      }
      return [];
    }
  };

  /** The `partyReport.rules` setting as a config; an invalid one is shown once and ignored. */
  const settingsConfigs = (settings: Settings): Config[] => {
    if (settings.rules === undefined || settings.rules === null) return [];
    try {
      return [validateConfig({ rules: settings.rules }, SETTINGS_RULES_SOURCE, knownRuleIds, RULE_OPTION_DEFAULTS)];
    } catch (error) {
      if (error instanceof ConfigError) {
        showOnce(MessageType.Warning, text('settingsError', locale, { detail: error.message }));
      } else {
        logError('partyReport.rules', error);
      }
      return [];
    }
  };

  /**
   * What a document's analysis is asked: its text, its config files, then the
   * `partyReport.rules` setting over them, and the client's locale. The one place they are
   * put together; the analysis keeps them so fix-all lints with exactly what diagnostics used.
   */
  const requestFor = (uri: string, text: string, settings: Settings): AnalysisRequest => ({
    text,
    configs: [...fileConfigs(uri), ...settingsConfigs(settings)],
    locale,
  });

  /** Where the dictionary quick fix writes for a document: files only (server/lsp/dictionary.ts). */
  const dictionaryOf = (uri: string): QuickFixInput['dictionary'] => {
    const path = files.pathOf(uri);
    const find = files.dictionaryTarget;
    if (path === null || !find) return undefined;
    return { target: () => find(path, folderOf(path)), support: { documentChanges: documentChangesSupport, createFiles: createFilesSupport } };
  };

  /** Whether `.partyreportignore` files (up to the document's workspace folder) ignore it. */
  const isIgnored = (uri: string): boolean => {
    const path = files.pathOf(uri);
    if (path === null) return false;
    try {
      return files.ignores(path, folderOf(path));
    } catch {
      return false;
    }
  };

  const compute = async (snapshot: TextDocument): Promise<Analysis | null> => {
    try {
      if (snapshot.languageId !== 'markdown') return notLinted(snapshot);
      const settings = await settingsFor(snapshot.uri);
      if (!settings.enable) return notLinted(snapshot);
      return await analyzeText(snapshot, settings);
    } catch (error) {
      logError(`lint ${snapshot.uri}`, error);
      return notLinted(snapshot);
    }
  };

  const notLinted = (snapshot: TextDocument): Analysis => ({ document: snapshot, output: null, report: null, request: null, linted: false });

  /**
   * Lints a Markdown text with the settings of its document (an open one's snapshot or a
   * file read by the workspace lint) through the runner: nothing for an ignored file, one
   * information diagnostic over the size limit or past the time budget, else the findings.
   * Resolves null when a newer version of the same document superseded this one.
   *
   * @param byteSize the UTF-8 size the limit is checked against (of the whole file when
   *   the workspace lint read only the head of a large one)
   */
  const analyzeText = async (snapshot: TextDocument, settings: Settings, byteSize?: number): Promise<Analysis | null> => {
    const none = notLinted(snapshot);
    try {
      if (isIgnored(snapshot.uri)) return none;
      const content = snapshot.getText();
      const size = (byteSize ?? utf8Length(content)) / 2 ** 20;
      const task = { uri: snapshot.uri, version: snapshot.version, budgetMs: settings.analysisTimeout * 1000 };
      if (size > settings.maxDocumentSize) {
        // Say so only for what looks like a report: its opening is enough to tell. Read by
        // the runner too: 64 KB of nested lists once took seconds to parse.
        const head = settings.lintAllMarkdown ? null : await runner.analyze({ ...task, text: content.slice(0, 65536), configs: [], locale });
        if (head?.kind === 'cancelled') return null;
        const looksLikeReport = settings.lintAllMarkdown || (head?.kind === 'done' && head.value.outline.isReport);
        return { ...none, tooLarge: looksLikeReport ? { size, limit: settings.maxDocumentSize } : undefined };
      }
      const request = requestFor(snapshot.uri, content, settings);
      const outcome = await runner.analyze({ ...request, ...task });
      switch (outcome.kind) {
        case 'cancelled':
          return null;
        case 'timeout':
          return { ...none, timedOut: { limit: settings.analysisTimeout } };
        case 'failed':
          logError(`lint ${snapshot.uri}`, outcome.error);
          return none;
      }
      const output = outcome.value;
      logFailures(snapshot.uri, output.failures);
      const report = hydrateOutline(content, output.outline);
      return { document: snapshot, output, report, request, linted: report.isReport || settings.lintAllMarkdown };
    } catch (error) {
      logError(`lint ${snapshot.uri}`, error);
      return none;
    }
  };

  /** Every analysis of an open document goes through here (see lsp/analysis-cache.ts). */
  const cache = new AnalysisCache(compute);

  /** A pull request whose version was superseded: the client asks again for the new one. */
  const superseded = () => new ResponseError(LSPErrorCodes.ServerCancelled, 'superseded by a newer version', { retriggerRequest: true });

  const diagnosticsOf = (analysis: Analysis): Diagnostic[] => {
    if (analysis.timedOut) {
      const message = text('analysisTimeout', locale, { limit: analysis.timedOut.limit });
      return [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: DiagnosticSeverity.Information, source: DIAGNOSTIC_SOURCE, message }];
    }
    if (analysis.tooLarge) {
      const { size, limit } = analysis.tooLarge;
      const message = text('tooLarge', locale, { size: size.toFixed(1), limit });
      return [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: DiagnosticSeverity.Information, source: DIAGNOSTIC_SOURCE, message }];
    }
    return analysis.linted && analysis.output ? analysis.output.findings.map((f) => toDiagnostic(f, analysis.document)) : [];
  };

  // ---- push mode ---------------------------------------------------------------------

  const publish = async (uri: string) => {
    const document = documents.get(uri);
    if (!document) return;
    const version = document.version;
    const startedIn = cache.generation;
    const analysis = await cache.fresh(document);
    // A newer version or newer settings have their own publish scheduled: let it win.
    if (!analysis || documents.get(uri)?.version !== version || cache.generation !== startedIn) return;
    await connection.sendDiagnostics({ uri, version, diagnostics: diagnosticsOf(analysis) });
  };

  const schedulePublish = (uri: string) => {
    clearTimeout(pushTimers.get(uri));
    pushTimers.set(
      uri,
      setTimeout(() => {
        pushTimers.delete(uri);
        void guard('publishDiagnostics', undefined, () => publish(uri));
      }, debounceMs),
    );
  };

  /** After a settings or config-file change: drop cached results, have the client see new ones. */
  const invalidateAll = () => {
    cache.invalidate();
    files.clear();
    shownMessages.clear();
    if (pullMode) {
      if (refreshSupport) {
        connection.languages.diagnostics.refresh().catch((e: unknown) => logError('workspace/diagnostic/refresh', e));
      }
    } else {
      for (const document of documents.all()) schedulePublish(document.uri);
    }
  };

  // ---- handlers ----------------------------------------------------------------------

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const capabilities: ClientCapabilities = params.capabilities ?? {};
    try {
      locale = resolveLocale(params.locale);
      pullMode = Boolean(capabilities.textDocument?.diagnostic);
      configurationSupport = Boolean(capabilities.workspace?.configuration);
      refreshSupport = Boolean(capabilities.workspace?.diagnostics?.refreshSupport);
      hierarchicalSymbols = Boolean(capabilities.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport);
      documentChangesSupport = Boolean(capabilities.workspace?.workspaceEdit?.documentChanges);
      createFilesSupport = Boolean(capabilities.workspace?.workspaceEdit?.resourceOperations?.includes(ResourceOperationKind.Create));
      workspaceFolderEvents = Boolean(capabilities.workspace?.workspaceFolders);
      workDoneProgressSupport = Boolean(capabilities.window?.workDoneProgress);
      workspaceFolders = folderPaths(files, params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []));
    } catch (error) {
      logError('initialize', error);
    }
    const workspaceDiagnostics = files.workspaceDiagnostics;
    if (pullMode) {
      connection.languages.diagnostics.on((p, token: CancellationToken) =>
        guard<DocumentDiagnosticReport>('textDocument/diagnostic', { kind: 'full', items: [] }, async () => {
          const document = documents.get(p.textDocument.uri);
          if (!document || token.isCancellationRequested) return { kind: 'full', items: [] };
          const analysis = await cache.fresh(document);
          if (!analysis) throw superseded();
          return { kind: 'full', items: diagnosticsOf(analysis) };
        }),
      );
    }
    if (pullMode && workspaceDiagnostics) {
      connection.languages.diagnostics.onWorkspace((p, token, workDone, partial) =>
        guard('workspace/diagnostic', { items: [] }, async () => {
          // Progress the server creates, with a cancel button (the provider does not offer
          // client tokens: vscode-languageserver drops one before the handler sees it).
          const progress = workDoneProgressSupport ? await connection.window.createWorkDoneProgress() : workDone;
          return workspaceDiagnostics(
            {
              folders: workspaceFolders,
              locale,
              settingsFor,
              ignores: (path, root) => files.ignores(path, root),
              openDocument: (path) => documents.all().find((d) => files.pathOf(d.uri) === path),
              openDiagnostics: async (document) => {
                const analysis = await cache.fresh(document);
                return analysis && (analysis.linted || analysis.tooLarge || analysis.timedOut) ? diagnosticsOf(analysis) : null;
              },
              textDiagnostics: async (snapshot, settings, byteSize) => {
                const analysis = await analyzeText(snapshot, settings, byteSize);
                return analysis && (analysis.linted || analysis.tooLarge || analysis.timedOut) ? diagnosticsOf(analysis) : null;
              },
              generation: () => `${instance}:${cache.generation}`,
            },
            p,
            token,
            progress,
            partial, // undefined without a partial-result token
          );
        }),
      );
    }
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        documentSymbolProvider: { label: '党建报告' },
        hoverProvider: true,
        completionProvider: { triggerCharacters: [...COMPLETION_TRIGGERS], resolveProvider: false },
        foldingRangeProvider: true,
        codeActionProvider: { codeActionKinds: [...CODE_ACTION_KINDS], resolveProvider: false },
        ...(pullMode ? { diagnosticProvider: { identifier: DIAGNOSTIC_SOURCE, interFileDependencies: false, workspaceDiagnostics: Boolean(workspaceDiagnostics) } } : {}),
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: DIAGNOSTIC_SOURCE },
    };
  });

  connection.onInitialized(() => {
    if (!workspaceFolderEvents) return;
    try {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        const removed = new Set(folderPaths(files, event.removed.map((f) => f.uri)));
        workspaceFolders = [...workspaceFolders.filter((f) => !removed.has(f)), ...folderPaths(files, event.added.map((f) => f.uri))];
        invalidateAll();
      });
    } catch (error) {
      logError('workspace folders', error);
    }
  });
  connection.onDidChangeConfiguration((params) => {
    try {
      const settings = (params?.settings as Record<string, unknown> | null | undefined)?.[SETTINGS_SECTION];
      if (settings !== undefined) pushedSettings = normalizeSettings(settings);
      settingsCache.clear();
      invalidateAll();
    } catch (error) {
      logError('workspace/didChangeConfiguration', error);
    }
  });

  // The client watches `.partyreportrc*` files (see client/extension.ts).
  connection.onDidChangeWatchedFiles(() => {
    try {
      invalidateAll();
    } catch (error) {
      logError('workspace/didChangeWatchedFiles', error);
    }
  });

  documents.onDidChangeContent((event) => {
    if (!pullMode) schedulePublish(event.document.uri);
  });

  documents.onDidClose((event) => {
    try {
      const uri = event.document.uri;
      clearTimeout(pushTimers.get(uri));
      pushTimers.delete(uri);
      cache.forget(uri);
      runner.cancel(uri);
      settingsCache.delete(uri);
      for (const key of loggedFailures) if (key.startsWith(`${uri}\u0000`)) loggedFailures.delete(key);
      if (!pullMode) void connection.sendDiagnostics({ uri, diagnostics: [] }).catch((e: unknown) => logError('publishDiagnostics', e));
    } catch (error) {
      logError('textDocument/didClose', error);
    }
  });

  connection.onDocumentSymbol((params) =>
    guard<DocumentSymbol[] | SymbolInformation[]>('textDocument/documentSymbol', [], async () => {
      const document = documents.get(params.textDocument.uri);
      if (!document) return [];
      // The outline of the last finished analysis if this version's takes long (lsp/analysis-cache.ts).
      const analysis = await cache.recent(document);
      if (!analysis?.linted || !analysis.report) return [];
      const symbols = documentSymbols(analysis.report, analysis.document);
      return hierarchicalSymbols ? symbols : flattenSymbols(symbols, document.uri);
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
      const found = hoverAt(report, checks, document.offsetAt(params.position), locale);
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
            locale,
            documentChanges: documentChangesSupport,
            dictionary: dictionaryOf(uri),
          }),
        );
      }
      if (requestsKind(only, FIX_ALL_KIND, false) && analysis.output.findings.some((f) => f.fix)) {
        // Fixing lints the text again, up to ten times: off this thread, with the same budget.
        const settings = await settingsFor(uri);
        const outcome = await runner.fix({ ...analysis.request, uri, version: analysis.document.version, budgetMs: settings.analysisTimeout * 1000 });
        if (outcome.kind === 'done' && documents.get(uri)?.version === analysis.document.version) {
          const action = fixAllAction(analysis.document, minimalEdits(analysis.request.text, outcome.value), locale, documentChangesSupport);
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
        locale,
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
        label: locale === 'zh-CN' ? t.name : t.nameEn,
        kind: t.kind,
        description: t.description[locale],
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
      return { items: sectionInsertions(analysis.document, analysis.report, locale, documentChangesSupport) };
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
        locale,
        documentChanges: documentChangesSupport,
      });
    }),
  );

  connection.onShutdown(async () => {
    for (const timer of pushTimers.values()) clearTimeout(timer);
    pushTimers.clear();
    await runner.dispose().catch((e: unknown) => logError('shutdown', e));
  });

  documents.listen(connection);
  connection.listen();
}

/** File-system paths of folder URIs the files can reach (others are dropped). */
function folderPaths(files: ServerFiles, uris: readonly string[]): string[] {
  const paths: string[] = [];
  for (const uri of uris) {
    const path = files.pathOf(uri);
    if (path !== null) paths.push(path.replace(/[\\/]+$/, '') || '/');
  }
  return paths;
}
