/**
 * The browser client's half of `partyReport/workspaceFiles` (server/lsp/requests.ts): the
 * server in a web worker has no disk, so the client reads the workspace's config and ignore
 * files through VS Code's file system (which reaches GitHub in github.dev, the remote in
 * code-server) and sends them: all of them once the client has started, and again each
 * one that is created, changed or deleted. The server looks them up as the desktop server
 * does on disk (server/lsp/workspace-files.ts).
 */
import * as vscode from 'vscode';
import { type BaseLanguageClient, State } from 'vscode-languageclient/browser';
import { MAX_CONFIG_BYTES } from '../server/lsp/files';
import { WORKSPACE_FILES_NOTIFICATION, type WorkspaceFileContent, type WorkspaceFilesParams } from '../server/lsp/requests';

/** The config and ignore files, wherever they are in the workspace. */
export const WORKSPACE_FILES_GLOB = '**/{.partyreportrc.json,.partyreportrc.yaml,.partyreportrc.yml,.partyreportignore}';
/** At most this many are sent: a workspace has a handful. */
const MAX_FILES = 500;

/** One file as the server takes it: its UTF-8 text, why it was not read, or nothing when it is gone. */
export async function readWorkspaceFile(uri: vscode.Uri): Promise<WorkspaceFileContent> {
  const key = uri.toString();
  try {
    if ((await vscode.workspace.fs.stat(uri)).size > MAX_CONFIG_BYTES) return { uri: key, error: 'tooLarge' };
    const bytes = await vscode.workspace.fs.readFile(uri);
    if (bytes.length > MAX_CONFIG_BYTES) return { uri: key, error: 'tooLarge' };
    try {
      return { uri: key, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
    } catch {
      return { uri: key, error: 'notUtf8' };
    }
  } catch (error) {
    if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') return { uri: key };
    return { uri: key, error: 'unreadable' };
  }
}

/**
 * Sends the workspace's config and ignore files to `client`'s server each time it starts
 * (a restarted server has none), and their changes from then on (a watcher disposed with
 * the extension). Failures go to `outputChannel`: without the files the server lints with
 * the settings alone.
 */
export function syncWorkspaceFiles(context: vscode.ExtensionContext, client: BaseLanguageClient, outputChannel: vscode.LogOutputChannel): void {
  const send = (params: WorkspaceFilesParams): Promise<void> =>
    client.sendNotification(WORKSPACE_FILES_NOTIFICATION, params).catch((error: unknown) => outputChannel.error(`${WORKSPACE_FILES_NOTIFICATION}: ${String(error)}`));
  const sendAll = async (): Promise<void> => {
    try {
      const uris = await vscode.workspace.findFiles(WORKSPACE_FILES_GLOB, '**/node_modules/**', MAX_FILES);
      await send({ complete: true, files: await Promise.all(uris.map(readWorkspaceFile)) });
    } catch (error) {
      outputChannel.error(`${WORKSPACE_FILES_NOTIFICATION}: ${String(error)}`);
    }
  };
  const sendOne = async (uri: vscode.Uri): Promise<void> => send({ complete: false, files: [await readWorkspaceFile(uri)] });
  const watcher = vscode.workspace.createFileSystemWatcher(WORKSPACE_FILES_GLOB);
  context.subscriptions.push(
    watcher,
    watcher.onDidCreate(sendOne),
    watcher.onDidChange(sendOne),
    watcher.onDidDelete((uri) => send({ complete: false, files: [{ uri: uri.toString() }] })),
    vscode.workspace.onDidChangeWorkspaceFolders(() => void sendAll()),
    client.onDidChangeState((event) => {
      if (event.newState === State.Running) void sendAll();
    }),
  );
  if (client.isRunning()) void sendAll();
}
