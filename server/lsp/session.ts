/**
 * One language-server connection's shared state and the helpers every handler uses: what
 * the client can do (set at initialize), settings and config files per document, the
 * analysis of a document version (through the runner, cached once per version), its
 * diagnostics, and pushing them. Apart from the handlers (lsp/lifecycle.ts,
 * lsp/features.ts) so that those read as "what each LSP method answers" while how a
 * document is analysed lives once, here.
 */
import {
  type Connection,
  type Diagnostic,
  DiagnosticSeverity,
  LSPErrorCodes,
  MessageType,
  ResponseError,
  ShowMessageNotification,
  TextDocuments,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ConfigError, type Config, ruleOptionDefaults, validateConfig } from '../../rules/engine/config';
import { rules as allRules } from '../../rules/index';
import type { Locale, Rule } from '../../rules/types';
import type { QuickFixInput } from './code-actions';
import { type AnalysisFailure, type AnalysisRequest, hydrateOutline } from './analysis';
import { type Analysis, AnalysisCache } from './analysis-cache';
import type { AnalysisRunner } from './analysis-runner';
import { DIAGNOSTIC_SOURCE, toDiagnostic } from './diagnostics';
import { type ServerFiles, utf8Length } from './files';
import { DEFAULT_SETTINGS, normalizeSettings, type Settings } from './settings';
import { describeError, text } from './texts';

/** The settings section the server reads (`partyReport.*`). */
export const SETTINGS_SECTION = 'partyReport';

/** Every rule's default options: what `validateConfig` checks rule options against. */
const RULE_OPTION_DEFAULTS = ruleOptionDefaults(allRules);

/** Where `partyReport.rules` errors say they come from. */
export const SETTINGS_RULES_SOURCE = 'settings: partyReport.rules';

/**
 * What the server learns from the client and its settings as the session goes on: set by
 * the initialize, workspace-folder and configuration handlers (lsp/lifecycle.ts), read by
 * everything else. Mutable on purpose: one object, so every module sees the current value.
 */
export interface SessionState {
  locale: Locale;
  /** Diagnostics pulled by the client (`textDocument/diagnostic`), else pushed. */
  pullMode: boolean;
  configurationSupport: boolean;
  refreshSupport: boolean;
  hierarchicalSymbols: boolean;
  documentChangesSupport: boolean;
  /** Whether workspace edits may create files (`resourceOperations` has `create`): the dictionary quick fix. */
  createFilesSupport: boolean;
  workspaceFolderEvents: boolean;
  workDoneProgressSupport: boolean;
  workspaceFolders: string[];
  /** Settings pushed by didChangeConfiguration, for clients without workspace/configuration. */
  pushedSettings: Settings;
}

/** What `createSession` needs: startServer's options, with their defaults applied. */
export interface SessionOptions {
  rules: readonly Rule[];
  /** Quiet time before pushed diagnostics are computed after a change, in ms. */
  debounceMs: number;
  files: ServerFiles;
  runner: AnalysisRunner;
}

/** The shared state and helpers of one connection (see `createSession`). */
export type Session = ReturnType<typeof createSession>;

/**
 * Creates the state and helpers of one connection; registers no handler. Every helper that
 * a handler calls logs its failures to the connection console instead of throwing, except
 * `guard`'s body errors that are a `ResponseError` (a deliberate error answer).
 *
 * @returns the documents, the analysis cache, the mutable `state` and the helpers
 */
export function createSession(connection: Connection, options: SessionOptions) {
  const { files, runner, debounceMs } = options;
  const knownRuleIds = options.rules.map((r) => r.id);
  const documents = new TextDocuments(TextDocument);

  const state: SessionState = {
    locale: 'zh-CN',
    pullMode: false,
    configurationSupport: false,
    refreshSupport: false,
    hierarchicalSymbols: false,
    documentChangesSupport: false,
    createFilesSupport: false,
    workspaceFolderEvents: false,
    workDoneProgressSupport: false,
    workspaceFolders: [],
    pushedSettings: { ...DEFAULT_SETTINGS },
  };


  const settingsCache = new Map<string, Promise<Settings>>();
  const pushTimers = new Map<string, ReturnType<typeof setTimeout>>();
  const shownMessages = new Set<string>();
  const loggedFailures = new Set<string>();
  /** Tells this server's workspace result ids from a previous server's. */
  const instance = Math.random().toString(36).slice(2, 10);

  // ---- helpers -----------------------------------------------------------------------

  const logError = (what: string, error: unknown) => {
    try {
      connection.console.error(text('handlerFailed', state.locale, { what, error: describeError(error) }));
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
      connection.console.error(text('ruleFailed', state.locale, { rule: failure.ruleId, uri, error: failure.error }));
    }
  };

  const settingsFor = (uri: string): Promise<Settings> => {
    if (!state.configurationSupport) return Promise.resolve(state.pushedSettings);
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
    for (const folder of state.workspaceFolders) {
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
        showOnce(MessageType.Error, text('configFileError', state.locale, { detail: error.message }));
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
        showOnce(MessageType.Warning, text('settingsError', state.locale, { detail: error.message }));
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
    locale: state.locale,
  });

  /** Where the dictionary quick fix writes for a document: files only (server/lsp/dictionary.ts). */
  const dictionaryOf = (uri: string): QuickFixInput['dictionary'] => {
    const path = files.pathOf(uri);
    const find = files.dictionaryTarget;
    if (path === null || !find) return undefined;
    return { target: () => find(path, folderOf(path)), support: { documentChanges: state.documentChangesSupport, createFiles: state.createFilesSupport } };
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
      // UTF-8 takes at most 3 bytes a UTF-16 code unit: only a text that may be over the limit is counted.
      const mayExceed = byteSize !== undefined || content.length * 3 > settings.maxDocumentSize * 2 ** 20;
      const size = mayExceed ? (byteSize ?? utf8Length(content)) / 2 ** 20 : 0;
      const task = { uri: snapshot.uri, version: snapshot.version, budgetMs: settings.analysisTimeout * 1000 };
      if (size > settings.maxDocumentSize) {
        // Say so only for what looks like a report: its opening is enough to tell. Read by
        // the runner too: 64 KB of nested lists once took seconds to parse.
        const head = settings.lintAllMarkdown ? null : await runner.analyze({ ...task, text: content.slice(0, 65536), configs: [], locale: state.locale });
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
      const message = text('analysisTimeout', state.locale, { limit: analysis.timedOut.limit });
      return [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: DiagnosticSeverity.Information, source: DIAGNOSTIC_SOURCE, message }];
    }
    if (analysis.tooLarge) {
      const { size, limit } = analysis.tooLarge;
      const message = text('tooLarge', state.locale, { size: size.toFixed(1), limit });
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
    if (state.pullMode) {
      if (state.refreshSupport) {
        connection.languages.diagnostics.refresh().catch((e: unknown) => logError('workspace/diagnostic/refresh', e));
      }
    } else {
      for (const document of documents.all()) schedulePublish(document.uri);
    }
  };

  return {
    connection,
    documents,
    files,
    runner,
    state,
    settingsCache,
    pushTimers,
    loggedFailures,
    instance,
    cache,
    logError,
    guard,
    settingsFor,
    dictionaryOf,
    analyzeText,
    superseded,
    diagnosticsOf,
    schedulePublish,
    invalidateAll,
  };
}

/** File-system paths of folder URIs the files can reach (others are dropped). */
export function folderPaths(files: ServerFiles, uris: readonly string[]): string[] {
  const paths: string[] = [];
  for (const uri of uris) {
    const path = files.pathOf(uri);
    if (path !== null) paths.push(path.replace(/[\\/]+$/, '') || '/');
  }
  return paths;
}
