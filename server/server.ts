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
 *
 * The parts: the shared state and analysis helpers (lsp/session.ts), the lifecycle
 * handlers (lsp/lifecycle.ts) and the feature handlers (lsp/features.ts).
 */
import type { Connection } from 'vscode-languageserver';
import { rules as allRules } from '../rules/index';
import type { Rule } from '../rules/types';
import { type AnalysisRunner, InThreadRunner } from './lsp/analysis-runner';
import { NO_FILES, type ServerFiles } from './lsp/files';
import { registerFeatures } from './lsp/features';
import { registerLifecycle } from './lsp/lifecycle';
import { createSession } from './lsp/session';

// Importers (tests, the browser server) take these from here, wherever they now live.
export { SETTINGS_RULES_SOURCE, SETTINGS_SECTION } from './lsp/session';

export interface ServerOptions {
  /** The rules to run; defaults to the ordered list of rules/index.ts. */
  rules?: readonly Rule[];
  /** Quiet time before pushed diagnostics are computed after a change, in ms (default 200). */
  pushDebounceMs?: number;
  /**
   * Config files, ignore files and the workspace lint (server/lsp/files.ts): main.ts gives
   * `nodeFiles()`, the browser server the files its client sends (`WorkspaceFiles`); the
   * default, `NO_FILES`, reads nothing.
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
  const session = createSession(connection, {
    rules,
    debounceMs: options.pushDebounceMs ?? 200,
    files: options.files ?? NO_FILES,
    runner: options.runner ?? new InThreadRunner(rules),
  });
  registerLifecycle(session);
  registerFeatures(session);
  session.documents.listen(connection);
  connection.listen();
}
