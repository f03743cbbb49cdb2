/**
 * Hostile input for the spawned server over stdio (issue #15): documents that once
 * blocked every request, and a broken message framing.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DocumentDiagnosticRequest, type DocumentSymbol, DocumentSymbolRequest, type FullDocumentDiagnosticReport } from 'vscode-languageserver/node';
import { SEEDS } from '../support/paths';
import { TestClient, withTimeout } from './harness';

const SEED_003 = readFileSync(join(SEEDS, '003_80842496a81019da.txt'), 'utf8');

describe('language server: hostile documents (issue #15)', function () {
  this.timeout(60_000);
  let client: TestClient | undefined;
  afterEach(async () => {
    await client?.dispose();
    client = undefined;
  });

  it('answers for another report and the outline while an 8 KB nested list is open', async () => {
    client = await TestClient.start({ pull: true });
    const deep = 'untitled:hostile-deep.md';
    const other = 'untitled:hostile-003.md';
    await client.open(deep, `一、工作情况\n${'- '.repeat(4000)}党员共17名\n`);
    await client.open(other, SEED_003);
    const [deepReport, otherReport, outline] = await Promise.all([
      withTimeout(client.conn.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: deep } }), 'diagnostics of the nested document'),
      withTimeout(client.conn.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: other } }), 'diagnostics of the other report'),
      withTimeout(client.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: other } }), 'outline of the other report'),
    ]);
    assert.equal(deepReport.kind, 'full');
    assert.ok((otherReport as FullDocumentDiagnosticReport).items.length > 0, 'seed 003 has findings');
    assert.equal((outline as DocumentSymbol[]).length, 3);
    assert.equal(client.exitCode, undefined, 'the server exited');
  });
});
