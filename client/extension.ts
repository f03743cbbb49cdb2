/**
 * The VS Code extension (bundled to dist/client.js): starts the language server over
 * node IPC and registers the two commands. Everything else lives in the server.
 */
import * as vscode from 'vscode';
import { LanguageClient, type LanguageClientOptions, type ServerOptions, TransportKind } from 'vscode-languageclient/node';

/** The client id: VS Code reads `partyReport.trace.server` for it. */
export const CLIENT_ID = 'partyReport';
/** The output channel's (and the client's) name. */
export const CLIENT_NAME = '党建报告助手';

let client: LanguageClient | undefined;

/** Starts the language server; called by VS Code on the first Markdown document. */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const outputChannel = vscode.window.createOutputChannel(CLIENT_NAME, { log: true });
  context.subscriptions.push(outputChannel);

  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  // Config files change what the rules do: the server re-lints when one changes.
  const configWatcher = vscode.workspace.createFileSystemWatcher('**/.partyreportrc{.json,.yaml,.yml}');
  context.subscriptions.push(configWatcher);
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'untitled', language: 'markdown' },
    ],
    synchronize: { configurationSection: CLIENT_ID, fileEvents: configWatcher },
    outputChannel,
    // The default error handler restarts a crashed server up to 4 times in 3 minutes.
  };

  client = new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);
  context.subscriptions.push(
    vscode.commands.registerCommand('partyReport.restartServer', async () => {
      if (client) await client.restart();
    }),
    vscode.commands.registerCommand('partyReport.showOutput', () => outputChannel.show(true)),
  );
  await client.start();
}

/** Stops the server with the extension. */
export async function deactivate(): Promise<void> {
  const running = client;
  client = undefined;
  if (running) await running.stop();
}
