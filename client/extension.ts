/**
 * The desktop entry point (bundled to dist/client.js, the manifest's `main`): starts the
 * language server in a Node process over IPC (dist/server.js). code-server runs this one
 * too. The rest of the extension is client/common.ts, shared with the browser entry.
 */
import * as vscode from 'vscode';
import type { DocumentSelector } from 'vscode-languageclient';
import { LanguageClient, type ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { CLIENT_ID, CLIENT_NAME, clientOptions, startClient, stopClient } from './common';

/** The documents the server lints: Markdown on disk and unsaved. */
export const NODE_SELECTOR: DocumentSelector = [
  { scheme: 'file', language: 'markdown' },
  { scheme: 'untitled', language: 'markdown' },
];

/** Starts the language server; called by VS Code on the first Markdown document. */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const outputChannel = vscode.window.createOutputChannel(CLIENT_NAME, { log: true });
  context.subscriptions.push(outputChannel);
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const client = new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions(context, outputChannel, NODE_SELECTOR));
  await startClient(context, outputChannel, client, NODE_SELECTOR);
}

/** Stops the server with the extension. */
export const deactivate = stopClient;
