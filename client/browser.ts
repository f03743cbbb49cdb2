/**
 * The browser entry point (bundled to dist/browser/client.js, the manifest's `browser`):
 * vscode.dev, github.dev and other web hosts load it in their web extension host, where
 * Node is absent. It starts the language server in a web worker (dist/browser/server.js,
 * server/browser/main.ts) and shares everything else with the desktop entry
 * (client/common.ts). The documents it lints are Markdown of any scheme (vscode-vfs:,
 * github:, file:, untitled:), as the browser server reads no files itself.
 */
import * as vscode from 'vscode';
import type { DocumentSelector } from 'vscode-languageclient';
import { LanguageClient, type ServerOptions } from 'vscode-languageclient/browser';
import { CLIENT_ID, CLIENT_NAME, clientOptions, startClient, stopClient } from './common';

/** The documents the browser server lints: every Markdown document. */
export const BROWSER_SELECTOR: DocumentSelector = [{ language: 'markdown' }];

/** The web worker constructor (this project's TypeScript has no DOM types). */
type WorkerConstructor = new (url: string, options?: { name?: string }) => ServerOptions;

/** Starts the language server in a web worker; called by VS Code on the first Markdown document. */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const outputChannel = vscode.window.createOutputChannel(CLIENT_NAME, { log: true });
  context.subscriptions.push(outputChannel);
  const serverMain = vscode.Uri.joinPath(context.extensionUri, 'dist', 'browser', 'server.js');
  const Worker = (globalThis as unknown as { Worker: WorkerConstructor }).Worker;
  const worker = new Worker(serverMain.toString(true), { name: CLIENT_NAME });
  const client = new LanguageClient(CLIENT_ID, CLIENT_NAME, worker, clientOptions(context, outputChannel, BROWSER_SELECTOR));
  await startClient(context, outputChannel, client, BROWSER_SELECTOR);
}

/** Stops the server with the extension. */
export const deactivate = stopClient;
