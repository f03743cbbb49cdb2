/**
 * Many keystrokes in one document against the spawned server, whose analyses cross to the
 * worker as edits and come back as deltas (server/lsp/analysis-delta.ts): after edits that
 * wait for their diagnostics and a burst that supersedes running analyses (terminating
 * their threads, so the next one starts from the whole text), the diagnostics and hovers
 * of the edited document, its symbols and folding ranges equal those of the same text
 * opened fresh.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type Diagnostic,
  DocumentDiagnosticRequest,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  type FullDocumentDiagnosticReport,
  type Hover,
  HoverRequest,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ROOT } from '../support/paths';
import { TestClient, withTimeout } from './harness';
import { seededRandom as random } from '../support/seeded-random';

const CORPUS = join(ROOT, 'test', 'corpus');
/** Four corpus reports under numbered parts: some 30 KB with headings, tables of numbers, checks. */
const TEXT = readdirSync(CORPUS)
  .filter((f) => /^r\d+-.*\.md$/.test(f))
  .slice(0, 4)
  .map((f, n) => `# 第${n + 1}部分\n\n${readFileSync(join(CORPUS, f), 'utf8')}`)
  .join('\n\n');

const INSERTS = ['党', '1', '，', '\n', '12名', '（二）', '\n\n## 三、新的一节\n', '一是'];

describe('language server: many keystrokes in one document', function () {
  this.timeout(60000);
  let client: TestClient;
  let document = TextDocument.create('untitled:typed.md', 'markdown', 1, TEXT);
  const next = random(7);

  before(async () => {
    client = await TestClient.start({ pull: true });
    await client.open(document.uri, TEXT);
  });
  after(() => client.dispose());

  const pull = async (uri: string): Promise<Diagnostic[]> =>
    ((await withTimeout(client.conn.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } }), 'pull')) as FullDocumentDiagnosticReport).items;

  /** One random edit of the document: an insert, a short delete, or both. */
  const type = (): Promise<void> => {
    const text = document.getText();
    const start = Math.floor(next() * text.length);
    const end = Math.min(text.length, start + (next() < 0.3 ? Math.floor(next() * 6) : 0));
    const change: TextDocumentContentChangeEvent = {
      range: { start: document.positionAt(start), end: document.positionAt(end) },
      text: INSERTS[Math.floor(next() * INSERTS.length)],
    };
    document = TextDocument.update(document, [change], document.version + 1);
    return client.change(document.uri, document.version, [change]);
  };

  /** Diagnostics with the document's own uri in related places replaced, to compare two documents. */
  const comparable = (items: Diagnostic[], uri: string) => JSON.parse(JSON.stringify(items).split(JSON.stringify(uri).slice(1, -1)).join('URI')) as unknown;

  const hovers = async (uri: string): Promise<(Hover | null)[]> => {
    const text = document.getText();
    const answers: (Hover | null)[] = [];
    for (let k = 0; k < 60; k++) {
      const position = document.positionAt(Math.floor((k * text.length) / 60));
      answers.push(await withTimeout(client.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position }), 'hover'));
    }
    return answers;
  };

  /** Asserts that the typed document answers as the same text opened fresh under `fresh`. */
  const assertAsFresh = async (fresh: string) => {
    const typed = await pull(document.uri);
    await client.open(fresh, document.getText());
    assert.deepEqual(comparable(typed, document.uri), comparable(await pull(fresh), fresh));
    assert.ok(typed.length > 5, `the corpus reports have findings (${typed.length})`);
    const [typedHovers, freshHovers] = [await hovers(document.uri), await hovers(fresh)];
    assert.deepEqual(typedHovers, freshHovers);
    assert.ok(typedHovers.filter((h) => h && JSON.stringify(h.contents).includes('✓')).length > 0, 'some hovers show passed checks');
    const symbols = (uri: string) => withTimeout(client.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } }), 'symbols');
    assert.deepEqual(await symbols(document.uri), await symbols(fresh));
    const folding = (uri: string) => withTimeout(client.conn.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } }), 'folding');
    assert.deepEqual(await folding(document.uri), await folding(fresh));
  };

  it('answers diagnostics, hover, symbols and folding as a fresh document does after edits one at a time', async () => {
    await pull(document.uri);
    for (let i = 0; i < 25; i++) {
      await type();
      await pull(document.uri);
    }
    await assertAsFresh('untitled:fresh-1.md');
  });

  it('and after a burst of edits, each superseding the analysis of the one before, running or queued', async () => {
    for (let i = 0; i < 15; i++) await type();
    await assertAsFresh('untitled:fresh-2.md');
  });
});
