/**
 * Entry point of the language server in a browser (bundled to dist/browser/server.js for
 * vscode.dev / github.dev): runs in a dedicated web worker the browser client starts
 * (client/browser.ts) and speaks LSP over the worker's postMessage.
 *
 * The same `startServer` as in Node, with the files the browser client sends
 * (server/lsp/workspace-files.ts): a document is linted with its nearest `.partyreportrc.*`
 * and the `partyReport.rules` setting, and `.partyreportignore` files apply, as on the
 * desktop; the workspace lint and the dictionary quick fix need a disk and are absent. The
 * rules' data (rules/data/*.yaml) is bundled as text, so nothing is fetched at run time.
 * Analysis runs in this worker's thread: the worker is the editor's second thread already.
 */
import { BrowserMessageReader, BrowserMessageWriter, createConnection, ProposedFeatures } from 'vscode-languageserver/browser';
import { startServer } from '../server';
import { describeError } from '../lsp/texts';
import { WorkspaceFiles } from '../lsp/workspace-files';

/** The worker's global scope (this project's TypeScript has no DOM types). */
interface ErrorEvents {
  addEventListener(type: 'error' | 'unhandledrejection', listener: (event: { error?: unknown; reason?: unknown }) => void): void;
}
const scope = globalThis as unknown as ConstructorParameters<typeof BrowserMessageReader>[0];
const events = globalThis as unknown as ErrorEvents;

const connection = createConnection(ProposedFeatures.all, new BrowserMessageReader(scope), new BrowserMessageWriter(scope));

// Whatever slips past the handlers' guards is logged, not fatal (as in server/main.ts).
events.addEventListener('error', (event) => connection.console.error(`uncaught exception: ${describeError(event.error)}`));
events.addEventListener('unhandledrejection', (event) => connection.console.error(`unhandled rejection: ${describeError(event.reason)}`));

startServer(connection, { files: new WorkspaceFiles() });
