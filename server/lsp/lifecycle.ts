/**
 * The session's lifecycle handlers: initialize (the client's capabilities, and the pull
 * diagnostics handlers when the client pulls), workspace folders, settings and watched
 * config-file changes, document changes and closes, and shutdown. Apart from the feature
 * handlers (lsp/features.ts) because these are what change the session's state.
 */
import {
  type CancellationToken,
  type ClientCapabilities,
  type DocumentDiagnosticReport,
  type InitializeParams,
  type InitializeResult,
  ResourceOperationKind,
  TextDocumentSyncKind,
} from 'vscode-languageserver';
import { resolveLocale } from '../../rules/engine/messages';
import { CODE_ACTION_KINDS } from './code-actions';
import { COMPLETION_TRIGGERS } from './completion';
import { DIAGNOSTIC_SOURCE } from './diagnostics';
import { normalizeSettings } from './settings';
import { WORKSPACE_FILES_NOTIFICATION, type WorkspaceFilesParams } from './requests';
import { folderPaths, type Session, SETTINGS_SECTION } from './session';

/**
 * Registers the lifecycle handlers of `session` on its connection (they do not start it
 * listening). No handler lets an exception escape: failures are logged to the connection
 * console.
 */
export function registerLifecycle(session: Session): void {
  const { connection, documents, files, runner, state, cache, settingsCache, pushTimers, loggedFailures, instance } = session;
  const { logError, guard, settingsFor, analyzeText, superseded, diagnosticsOf, schedulePublish, invalidateAll } = session;

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const capabilities: ClientCapabilities = params.capabilities ?? {};
    try {
      state.locale = resolveLocale(params.locale);
      state.pullMode = Boolean(capabilities.textDocument?.diagnostic);
      state.configurationSupport = Boolean(capabilities.workspace?.configuration);
      state.refreshSupport = Boolean(capabilities.workspace?.diagnostics?.refreshSupport);
      state.hierarchicalSymbols = Boolean(capabilities.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport);
      state.documentChangesSupport = Boolean(capabilities.workspace?.workspaceEdit?.documentChanges);
      state.createFilesSupport = Boolean(capabilities.workspace?.workspaceEdit?.resourceOperations?.includes(ResourceOperationKind.Create));
      state.workspaceFolderEvents = Boolean(capabilities.workspace?.workspaceFolders);
      state.workDoneProgressSupport = Boolean(capabilities.window?.workDoneProgress);
      state.workspaceFolders = folderPaths(files, params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []));
    } catch (error) {
      logError('initialize', error);
    }
    const workspaceDiagnostics = files.workspaceDiagnostics;
    if (state.pullMode) {
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
    if (state.pullMode && workspaceDiagnostics) {
      connection.languages.diagnostics.onWorkspace((p, token, workDone, partial) =>
        guard('workspace/diagnostic', { items: [] }, async () => {
          // Progress the server creates, with a cancel button (the provider does not offer
          // client tokens: vscode-languageserver drops one before the handler sees it).
          const progress = state.workDoneProgressSupport ? await connection.window.createWorkDoneProgress() : workDone;
          return workspaceDiagnostics(
            {
              folders: state.workspaceFolders,
              locale: state.locale,
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
        ...(state.pullMode ? { diagnosticProvider: { identifier: DIAGNOSTIC_SOURCE, interFileDependencies: false, workspaceDiagnostics: Boolean(workspaceDiagnostics) } } : {}),
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: DIAGNOSTIC_SOURCE },
    };
  });

  connection.onInitialized(() => {
    if (!state.workspaceFolderEvents) return;
    try {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        const removed = new Set(folderPaths(files, event.removed.map((f) => f.uri)));
        state.workspaceFolders = [...state.workspaceFolders.filter((f) => !removed.has(f)), ...folderPaths(files, event.added.map((f) => f.uri))];
        invalidateAll();
      });
    } catch (error) {
      logError('workspace folders', error);
    }
  });
  connection.onDidChangeConfiguration((params) => {
    try {
      const settings = (params?.settings as Record<string, unknown> | null | undefined)?.[SETTINGS_SECTION];
      if (settings !== undefined) state.pushedSettings = normalizeSettings(settings);
      settingsCache.clear();
      invalidateAll();
    } catch (error) {
      logError('workspace/didChangeConfiguration', error);
    }
  });

  // A server without a disk gets the config and ignore files from its client (the browser
  // server, server/lsp/workspace-files.ts); what changes there changes every document's lint.
  const receive = files.receive?.bind(files);
  if (receive) {
    connection.onNotification(WORKSPACE_FILES_NOTIFICATION, (params: WorkspaceFilesParams) => {
      try {
        receive(params);
        invalidateAll();
      } catch (error) {
        logError(WORKSPACE_FILES_NOTIFICATION, error);
      }
    });
  }

  // The client watches `.partyreportrc*` files (see client/common.ts).
  connection.onDidChangeWatchedFiles(() => {
    try {
      invalidateAll();
    } catch (error) {
      logError('workspace/didChangeWatchedFiles', error);
    }
  });

  documents.onDidChangeContent((event) => {
    if (!state.pullMode) schedulePublish(event.document.uri);
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
      if (!state.pullMode) void connection.sendDiagnostics({ uri, diagnostics: [] }).catch((e: unknown) => logError('publishDiagnostics', e));
    } catch (error) {
      logError('textDocument/didClose', error);
    }
  });

  connection.onShutdown(async () => {
    for (const timer of pushTimers.values()) clearTimeout(timer);
    pushTimers.clear();
    await runner.dispose().catch((e: unknown) => logError('shutdown', e));
  });
}
