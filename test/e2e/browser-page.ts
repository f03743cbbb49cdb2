/**
 * The page side of the browser tier (test/e2e/browser.ts), bundled by esbuild for the
 * browser at test time: starts the browser language server (dist/browser/server.js) in a
 * Worker and speaks LSP to it over postMessage with vscode-jsonrpc's browser reader and
 * writer, as vscode-languageclient/browser does in vscode.dev. It exposes one function
 * for Playwright to call: `partyReportLsp(text, locale, files)`, where `files` are config or
 * ignore files beside the document, sent as the browser client sends them
 * (`partyReport/workspaceFiles`, client/workspace-files.ts).
 */
import { BrowserMessageReader, BrowserMessageWriter, createMessageConnection } from 'vscode-jsonrpc/browser';

type WorkerLike = ConstructorParameters<typeof BrowserMessageReader>[0];

/** What one exchange with the worker server returned. */
export interface LspExchange {
  capabilities: Record<string, unknown>;
  diagnostics: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; severity?: number; code?: string | number; message: string; source?: string }[];
  status: unknown;
  logs: string[];
}

async function partyReportLsp(text: string, locale = 'zh-CN', files: { name: string; text: string }[] = []): Promise<LspExchange> {
  const WorkerCtor = (globalThis as unknown as { Worker: new (url: string) => WorkerLike & { terminate(): void } }).Worker;
  const worker = new WorkerCtor('/server.js');
  const connection = createMessageConnection(new BrowserMessageReader(worker), new BrowserMessageWriter(worker));
  const logs: string[] = [];
  connection.onNotification('window/logMessage', (p: { message: string }) => {
    logs.push(p.message);
  });
  // No settings of the writer's: every item at its default.
  connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({})));
  connection.onRequest('client/registerCapability', () => null);
  connection.listen();
  try {
    const init = (await connection.sendRequest('initialize', {
      processId: null,
      rootUri: null,
      locale,
      capabilities: {
        textDocument: { diagnostic: { dynamicRegistration: false } },
        workspace: { configuration: true, workspaceEdit: { documentChanges: true } },
      },
    })) as { capabilities: Record<string, unknown> };
    await connection.sendNotification('initialized', {});
    const folder = 'vscode-vfs://github/party-report/demo';
    const uri = `${folder}/report.md`;
    if (files.length) {
      await connection.sendNotification('partyReport/workspaceFiles', { complete: true, files: files.map((f) => ({ uri: `${folder}/${f.name}`, text: f.text })) });
    }
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    const report = (await connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { items: LspExchange['diagnostics'] };
    const status = await connection.sendRequest('partyReport/documentStatus', { textDocument: { uri } });
    await connection.sendRequest('shutdown');
    return { capabilities: init.capabilities, diagnostics: report.items, status, logs };
  } finally {
    connection.dispose();
    worker.terminate();
  }
}

(globalThis as unknown as { partyReportLsp: typeof partyReportLsp }).partyReportLsp = partyReportLsp;
