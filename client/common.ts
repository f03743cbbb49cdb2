/**
 * The VS Code extension's body, shared by its two entry points: `extension.ts` (desktop
 * VS Code and code-server: the server in a Node process over IPC, dist/client.js) and
 * `browser.ts` (vscode.dev / github.dev: the server in a web worker, dist/browser/client.cjs).
 * Each makes its LanguageClient and hands it to `startClient`, which registers the
 * commands and the language status items and starts it. Everything else lives in the
 * server: the report templates and section insertions the 新建报告 / 插入章节 commands show
 * come from its requests (server/lsp/requests.ts), so the data stays in one place (rules/data).
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient, DocumentSelector, LanguageClientOptions, Middleware } from 'vscode-languageclient';
import {
  SECTION_INSERTIONS_REQUEST,
  type SectionInsertionsParams,
  type SectionInsertionsResult,
  TEMPLATES_REQUEST,
  type TemplatesResult,
} from '../server/lsp/requests';
import { message } from './messages';
import { registerStatusItems } from './status';

/** The client id: VS Code reads `partyReport.trace.server` for it. */
export const CLIENT_ID = 'partyReport';
/** The output channel's (and the client's) name. */
export const CLIENT_NAME = '党建报告助手';

let client: BaseLanguageClient | undefined;

/**
 * The client options both entry points share: the documents linted, settings and config
 * file synchronisation, the output channel, the workspace-lint middleware.
 *
 * @param documentSelector the documents the server lints (and the status items show for)
 */
export function clientOptions(context: vscode.ExtensionContext, outputChannel: vscode.LogOutputChannel, documentSelector: DocumentSelector): LanguageClientOptions {
  // Config and ignore files change what the rules do: the server re-lints when one changes.
  const configWatcher = vscode.workspace.createFileSystemWatcher('**/{.partyreportrc.json,.partyreportrc.yaml,.partyreportrc.yml,.partyreportignore}');
  context.subscriptions.push(configWatcher);
  return {
    documentSelector,
    synchronize: { configurationSection: CLIENT_ID, fileEvents: configWatcher },
    outputChannel,
    middleware: workspaceLint.middleware,
    // The default error handler restarts a crashed server up to 4 times in 3 minutes.
  };
}

/** Registers the commands and status items for `languageClient`, then starts it. */
export async function startClient(
  context: vscode.ExtensionContext,
  outputChannel: vscode.LogOutputChannel,
  languageClient: BaseLanguageClient,
  documentSelector: DocumentSelector,
): Promise<void> {
  client = languageClient;
  context.subscriptions.push(
    vscode.commands.registerCommand('partyReport.restartServer', async () => {
      // BaseLanguageClient has no restart(); the node client's is stop, then start.
      if (!client) return;
      if (client.isRunning()) await client.stop();
      await client.start();
    }),
    vscode.commands.registerCommand('partyReport.showOutput', () => outputChannel.show(true)),
    vscode.commands.registerCommand('partyReport.newReport', () => reportErrors(newReport)),
    vscode.commands.registerCommand('partyReport.insertSection', () => reportErrors(insertSection)),
    vscode.commands.registerCommand('partyReport.lintWorkspace', () => reportErrors(lintWorkspace)),
  );
  const refreshStatus = registerStatusItems(context, { running, reportErrors }, documentSelector);
  // A report without findings changes no diagnostics: ask for its status once the server
  // runs, and again after a restart.
  context.subscriptions.push(languageClient.onDidChangeState(() => refreshStatus()));
  await languageClient.start();
  refreshStatus();
}

/**
 * The workspace lint (检查工作区中的所有报告). The server offers `workspace/diagnostic`, and
 * vscode-languageclient 11 pulls it by itself as soon as the client starts, then again 2 s
 * after each answer, forever (it has no option to pull on demand; `diagnosticPullOptions`
 * only governs document pulls). Reading every report on disk at each start and every few
 * seconds is not what a writer asked for, so the middleware holds each of the library's
 * pulls until the command lets one through. The library's own pull keeps what an explicit
 * request would have to redo: one diagnostic collection with the document pulls (an open
 * report's editor text wins over the file on disk, no duplicates), result ids, partial
 * results, and cancelling the pull when the client stops.
 */
const workspaceLint = (() => {
  let requested = false;
  let wake: (() => void) | undefined;
  let finished: (() => void)[] = [];
  const middleware: Middleware = {
    provideWorkspaceDiagnostics: async (resultIds, token, resultReporter, next) => {
      if (!requested) {
        await new Promise<void>((resolve) => {
          wake = resolve;
          token.onCancellationRequested(() => resolve());
        });
        wake = undefined;
      }
      if (token.isCancellationRequested) return { items: [] };
      requested = false;
      const waiting = finished;
      finished = [];
      try {
        return await next(resultIds, token, resultReporter);
      } finally {
        for (const done of waiting) done();
      }
    },
  };
  /** Lets the next workspace pull through; resolves when it has answered. */
  const run = () =>
    new Promise<void>((resolve) => {
      finished.push(resolve);
      requested = true;
      wake?.();
    });
  return { middleware, run };
})();

/**
 * 党建报告：检查工作区中的所有报告 — fills the Problems panel with every report of the
 * workspace (the server shows progress, with a cancel button); resolves when done.
 */
async function lintWorkspace(): Promise<void> {
  running();
  await workspaceLint.run();
}

/** Runs a command body, showing any failure as an error message rather than losing it. */
export async function reportErrors(body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (error) {
    void vscode.window.showErrorMessage(message('failed', error instanceof Error ? error.message : String(error)));
  }
}

/** The running client, or an error the command shows. */
export function running(): BaseLanguageClient {
  if (!client || !client.isRunning()) throw new Error(message('notRunning'));
  return client;
}

/**
 * 党建报告：新建报告 — pick a report kind, get a new untitled Markdown document holding its
 * skeleton as a snippet (tab through the title, the unit, the year, each section's title).
 */
async function newReport(): Promise<void> {
  const { templates } = await running().sendRequest<TemplatesResult>(TEMPLATES_REQUEST, {});
  const picked = await vscode.window.showQuickPick(
    templates.map((t) => ({ label: t.label, description: t.kind, detail: t.description, template: t })),
    { placeHolder: message('pickKind'), matchOnDescription: true, matchOnDetail: true },
  );
  if (!picked) return;
  const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
  const editor = await vscode.window.showTextDocument(document);
  await editor.insertSnippet(new vscode.SnippetString(picked.template.snippet), new vscode.Position(0, 0));
}

/**
 * 党建报告：插入章节 — pick one of the template sections the report lacks; the server's edit
 * inserts it at its conventional place, numbered, with later sections renumbered, as one
 * undoable edit; then its title is selected for the writer to keep or retype.
 */
async function insertSection(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'markdown') {
    void vscode.window.showInformationMessage(message('notMarkdown'));
    return;
  }
  const c = running();
  const params: SectionInsertionsParams = { textDocument: { uri: c.code2ProtocolConverter.asUri(editor.document.uri) } };
  const { items } = await c.sendRequest<SectionInsertionsResult>(SECTION_INSERTIONS_REQUEST, params);
  if (items.length === 0) {
    void vscode.window.showInformationMessage(message('noSection'));
    return;
  }
  const picked = await vscode.window.showQuickPick(
    items.map((item) => ({ label: item.label, description: item.required ? message('required') : undefined, detail: item.detail, item })),
    { placeHolder: message('pickSection') },
  );
  if (!picked) return;
  const edit = await c.protocol2CodeConverter.asWorkspaceEdit(picked.item.edit);
  if (!(await vscode.workspace.applyEdit(edit))) {
    void vscode.window.showWarningMessage(message('editFailed'));
    return;
  }
  const selection = c.protocol2CodeConverter.asRange(picked.item.selection);
  editor.selection = new vscode.Selection(selection.start, selection.end);
  editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

/** Stops the server with the extension. */
export async function stopClient(): Promise<void> {
  const running = client;
  client = undefined;
  if (running) await running.stop();
}
