/**
 * The browser entry point (bundled to dist/browser/client.cjs, the manifest's `browser`):
 * vscode.dev, github.dev and other web hosts load it in their web extension host, where
 * Node is absent. It starts the language server in a web worker (dist/browser/server.js,
 * server/browser/main.ts) and shares everything else with the desktop entry
 * (client/common.ts). The documents it lints are Markdown of any scheme (vscode-vfs:,
 * github:, file:, untitled:); the server reads no files itself, so this client sends it the
 * workspace's config and ignore files (client/workspace-files.ts).
 */
import * as vscode from 'vscode';
import type { DocumentSelector } from 'vscode-languageclient';
import { LanguageClient, type ServerOptions } from 'vscode-languageclient/browser';
import { CLIENT_ID, CLIENT_NAME, clientOptions, startClient, stopClient } from './common';
import { syncWorkspaceFiles } from './workspace-files';

/** The documents the browser server lints: every Markdown document. */
export const BROWSER_SELECTOR: DocumentSelector = [{ language: 'markdown' }];

/** The web worker constructor (this project's TypeScript has no DOM types). */
type WorkerConstructor = new (url: string, options?: { name?: string }) => ServerOptions;

/**
 * The server's web worker. vscode.dev and github.dev serve the extension from a web
 * address, which a worker starts from directly. A host that keeps its extensions on a
 * remote machine (code-server, VS Code Server in a browser) hands out `vscode-remote:`
 * URIs, from which VS Code refuses to create a worker ("Creating workers from remote
 * extensions is currently not supported"); its `fetch` maps such URIs, so the script is
 * fetched and the worker started from a blob of it.
 */
async function startWorker(script: vscode.Uri): Promise<ServerOptions> {
  const Worker = (globalThis as unknown as { Worker: WorkerConstructor }).Worker;
  const url = script.toString(true);
  if (script.scheme !== 'vscode-remote') return new Worker(url, { name: CLIENT_NAME });
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status} ${response.statusText}`);
  const blob = new Blob([await response.text()], { type: 'text/javascript' });
  return new Worker(URL.createObjectURL(blob), { name: CLIENT_NAME });
}

/** Starts the language server in a web worker; called by VS Code on the first Markdown document. */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const outputChannel = vscode.window.createOutputChannel(CLIENT_NAME, { log: true });
  context.subscriptions.push(outputChannel);
  const serverMain = vscode.Uri.joinPath(context.extensionUri, 'dist', 'browser', 'server.js');
  const worker = await startWorker(serverMain);
  const client = new LanguageClient(CLIENT_ID, CLIENT_NAME, worker, clientOptions(context, outputChannel, BROWSER_SELECTOR));
  // Before start, so that the first start's Running state sends the workspace's files.
  syncWorkspaceFiles(context, client, outputChannel);
  await startClient(context, outputChannel, client, BROWSER_SELECTOR);
}

/** Stops the server with the extension. */
export const deactivate = stopClient;
