/**
 * Protocol tests: the real built server (`node dist/server.js --stdio`) driven over
 * JSON-RPC, as an editor drives it. `npm test` builds dist/ before mocha runs.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  type Diagnostic,
  DiagnosticSeverity,
  DocumentDiagnosticRequest,
  type DocumentSymbol,
  DocumentSymbolRequest,
  type FullDocumentDiagnosticReport,
  HoverRequest,
  type MarkupContent,
  MessageType,
  type Range,
  ShutdownRequest,
  ExitNotification,
  SymbolKind,
} from 'vscode-languageserver/node';
import { ruleIds } from '../../rules/index';
import { itShared, readSeed } from '../support/paths';
import { TestClient, WAIT_MS, withTimeout, serversPerTest } from './harness';

const SEED_003 = readSeed('003_80842496a81019da.txt');
const SEED_004 = readSeed('004_21a9a8910d8ea9fd.txt');
/** Not a report (no report title, kind or 一、 numbering), but with a placeholder and an unpaired quote. */
const NOTES = '# Notes\n\n会议由XX主持，“hello。\n';

/** 0-based line 8 of seed 004 writes 村”两委”: the first ” should open the quotation. */
const SEED_004_QUOTE = (() => {
  const line = 8;
  if (!SEED_004) return { line, character: 0 }; // seeds absent: the tests that use it skip
  const character = SEED_004.split('\n')[line].indexOf('村”两委') + 1;
  assert.ok(character > 0, 'seed 004 line 9 no longer has 村”两委”');
  return { line, character };
})();

/** Push mode debounces 200 ms; a negative check watches a few times that long. */
const QUIET_MS = 600;

let docCounter = 0;
function uniqueUri(name: string): string {
  return `untitled:party-report-test-${++docCounter}-${name}`;
}

async function pull(client: TestClient, uri: string): Promise<Diagnostic[]> {
  const report = await withTimeout(
    client.conn.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } }),
    `textDocument/diagnostic ${uri}`,
  );
  assert.equal(report.kind, 'full');
  return (report as FullDocumentDiagnosticReport).items;
}

async function symbols(client: TestClient, uri: string): Promise<DocumentSymbol[]> {
  const result = await withTimeout(client.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } }), 'documentSymbol');
  return (result ?? []) as DocumentSymbol[];
}

/** Waits for one more `workspace/diagnostic/refresh` than `seen`. */
function waitForRefresh(client: TestClient, seen: number): Promise<number> {
  return client.waitFor('workspace/diagnostic/refresh', () => (client.received.refreshes.length > seen ? client.received.refreshes.length : undefined));
}

/** Changes settings and waits until the server has asked the client to re-pull. */
async function changeSettingsAndWaitForRefresh(client: TestClient, settings: Record<string, unknown>): Promise<void> {
  const seen = client.received.refreshes.length;
  await client.changeSettings(settings);
  await waitForRefresh(client, seen);
}

function contains(outer: Range, inner: Range): boolean {
  const before = (a: Range['start'], b: Range['start']) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return before(outer.start, inner.start) && before(inner.end, outer.end);
}

function assertWellFormed(diagnostics: Diagnostic[]): void {
  for (const d of diagnostics) {
    assert.equal(d.source, 'party-report');
    assert.equal(typeof d.code, 'string');
    assert.ok(ruleIds.includes(d.code as string), `code ${String(d.code)} is not a rule id`);
    assert.equal(d.codeDescription?.href, `https://github.com/party-report/party-report/blob/main/docs/rules/${String(d.code)}.md`);
    assert.ok(d.severity !== undefined && d.severity >= 1 && d.severity <= 4, `severity ${d.severity}`);
    assert.ok(messageText(d).length > 0);
    assert.ok(contains({ start: d.range.start, end: { line: 1e9, character: 0 } }, d.range), 'range ends before it starts');
  }
}

/** The message as plain text (LSP 3.18 allows MarkupContent; this server sends strings). */
function messageText(d: Diagnostic): string {
  assert.equal(typeof d.message, 'string');
  return d.message as string;
}

/** Whether some diagnostic carries each of `codes`. */
function includesAll(diagnostics: Diagnostic[], codes: string[]): boolean {
  return codes.every((code) => diagnostics.some((d) => d.code === code));
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('language server: pull diagnostics (a client like VS Code)', function () {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start({ pull: true });
  });
  after(async () => {
    await client?.dispose();
  });

  it('advertises pull diagnostics, incremental sync and document symbols', () => {
    const caps = client.initializeResult!.capabilities;
    assert.ok(caps.diagnosticProvider, 'no diagnosticProvider');
    assert.deepEqual(caps.textDocumentSync, { openClose: true, change: 2 });
    assert.ok(caps.documentSymbolProvider);
  });

  itShared('answers textDocument/diagnostic on a seed with party-report diagnostics coded by rule id', async () => {
    const uri = uniqueUri('004.md');
    await client.open(uri, SEED_004);
    const items = await pull(client, uri);
    assert.ok(items.length > 0, 'seed 004 has problems but none were reported');
    assertWellFormed(items);
  });

  itShared('reports the wrong-way quote on seed 004 line 9 as quote-pairing, in the client locale (zh-CN)', async () => {
    const uri = uniqueUri('004.md');
    await client.open(uri, SEED_004);
    const items = await pull(client, uri);
    const quote = items.filter((d) => d.code === 'quote-pairing');
    assert.deepEqual(
      quote.map((d) => d.range.start),
      [SEED_004_QUOTE],
      `quote-pairing diagnostics: ${JSON.stringify(quote.map((d) => d.range))}`,
    );
    assert.equal(quote[0].severity, DiagnosticSeverity.Error);
    assert.match(messageText(quote[0]), /[\u4e00-\u9fff]/, 'a zh-CN client gets Chinese messages');
  });

  itShared('serves the outline of seed 003: 一、二、三、 sections holding their （一） subsections', async () => {
    const uri = uniqueUri('003.md');
    await client.open(uri, SEED_003);
    const outline = await symbols(client, uri);
    assert.deepEqual(
      outline.map((s) => s.name.slice(0, 2)),
      ['一、', '二、', '三、'],
      `top-level symbols: ${outline.map((s) => s.name).join(' | ')}`,
    );
    assert.equal(outline[0].name, '一、坚持抓好思想建设，不断提升政治理论武装水平');
    for (const top of outline) {
      assert.equal(top.kind, SymbolKind.Namespace);
      assert.ok(contains(top.range, top.selectionRange), `${top.name}: selectionRange outside range`);
      assert.ok((top.children ?? []).length > 0, `${top.name} has no children`);
      for (const child of top.children ?? []) {
        assert.match(child.name, /^（[一二三四五六七八九十]+）/);
        assert.equal(child.kind, SymbolKind.Module);
        assert.ok(contains(top.range, child.range), `${child.name} lies outside ${top.name}`);
        assert.ok(contains(child.range, child.selectionRange));
      }
    }
    assert.equal(outline[0].children![0].name, '（一）扎实开展主题教育，筑牢信仰之基');
    assert.equal(outline[0].selectionRange.start.line, 2);
    assert.equal(outline[1].range.start.line, 12);
  });

  itShared('hovers a heading with its level, its report part and the report kind', async () => {
    const uri = uniqueUri('003.md');
    await client.open(uri, SEED_003);
    const hover = async (line: number, character: number) =>
      withTimeout(client.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line, character } }), 'hover');
    const heading = await hover(2, 3);
    assert.ok(heading, 'no hover on 一、坚持抓好思想建设…');
    const text = (heading.contents as MarkupContent).value;
    assert.match(text, /一级标题/);
    assert.match(text, /报告部分：工作开展情况/);
    assert.match(text, /报告类型：述职报告（依据：标题）/);
    assert.deepEqual(heading.range?.start, { line: 2, character: 0 });
    const title = await hover(0, 2);
    assert.match((title!.contents as MarkupContent).value, /报告类型：述职报告/);
    assert.equal(await hover(3, 5), null, 'body text has no hover');
  });

  itShared('gives a report over partyReport.maxDocumentSize one information diagnostic instead of linting it', async () => {
    const uri = uniqueUri('large.md');
    await client.open(uri, SEED_004);
    assert.ok((await pull(client, uri)).length > 1);
    await changeSettingsAndWaitForRefresh(client, { maxDocumentSize: 0.001 });
    try {
      const items = await pull(client, uri);
      assert.equal(items.length, 1);
      assert.equal(items[0].severity, DiagnosticSeverity.Information);
      assert.equal(items[0].source, 'party-report');
      assert.equal(typeof items[0].message, 'string');
      assert.match(items[0].message as string, /超过上限 0\.001 MB，未作检查/);
      const notes = uniqueUri('large-notes.md');
      await client.open(notes, NOTES.repeat(50));
      assert.deepEqual(await pull(client, notes), [], 'a large non-report stays silent');
    } finally {
      await changeSettingsAndWaitForRefresh(client, {});
    }
  });

  it('lints a non-report Markdown document only when partyReport.lintAllMarkdown is set', async () => {
    const uri = uniqueUri('notes.md');
    await client.open(uri, NOTES);
    assert.deepEqual(await pull(client, uri), []);
    assert.deepEqual(await symbols(client, uri), []);
    await changeSettingsAndWaitForRefresh(client, { lintAllMarkdown: true });
    try {
      const items = await pull(client, uri);
      assertWellFormed(items);
      assert.ok(includesAll(items, ['placeholder', 'quote-pairing']), `codes: ${items.map((d) => d.code).join(', ')}`);
    } finally {
      await changeSettingsAndWaitForRefresh(client, {});
    }
    assert.deepEqual(await pull(client, uri), []);
  });

  itShared('gives no diagnostics and no outline when partyReport.enable is false', async () => {
    const uri = uniqueUri('004.md');
    await client.open(uri, SEED_004);
    assert.ok((await pull(client, uri)).length > 0);
    await changeSettingsAndWaitForRefresh(client, { enable: false });
    try {
      assert.deepEqual(await pull(client, uri), []);
      assert.deepEqual(await symbols(client, uri), []);
    } finally {
      await changeSettingsAndWaitForRefresh(client, {});
    }
    assert.ok((await pull(client, uri)).length > 0);
  });

  itShared('applies partyReport.rules: off removes a rule, a severity replaces the default', async () => {
    const uri = uniqueUri('004.md');
    await client.open(uri, SEED_004);
    try {
      await changeSettingsAndWaitForRefresh(client, { rules: { 'quote-pairing': 'off' } });
      let items = await pull(client, uri);
      assert.ok(items.length > 0);
      assert.ok(!items.some((d) => d.code === 'quote-pairing'));
      await changeSettingsAndWaitForRefresh(client, { rules: { 'quote-pairing': 'hint', placeholder: false } });
      items = await pull(client, uri);
      assert.deepEqual(
        items.filter((d) => d.code === 'quote-pairing').map((d) => d.severity),
        [DiagnosticSeverity.Hint],
      );
      assert.ok(!items.some((d) => d.code === 'placeholder'));
    } finally {
      await changeSettingsAndWaitForRefresh(client, {});
    }
  });

  itShared('warns once about an invalid partyReport.rules and lints as if it were not set', async () => {
    const uri = uniqueUri('004.md');
    await client.open(uri, SEED_004);
    const shownBefore = client.received.shown.length;
    try {
      await changeSettingsAndWaitForRefresh(client, { rules: { 'no-such-rule': 'off', 'quote-pairing': 'off' } });
      const items = await pull(client, uri);
      await pull(client, uri);
      await symbols(client, uri);
      assert.ok(items.some((d) => d.code === 'quote-pairing'), 'the invalid setting was not ignored as a whole');
      const shown = client.received.shown.slice(shownBefore);
      assert.equal(shown.length, 1, `window messages: ${JSON.stringify(shown)}`);
      assert.equal(shown[0].type, MessageType.Warning);
      assert.match(shown[0].message, /partyReport\.rules/);
      assert.match(shown[0].message, /no-such-rule/);
    } finally {
      await changeSettingsAndWaitForRefresh(client, {});
    }
  });

  itShared('never pushes diagnostics to a client that pulls', async () => {
    const uri = uniqueUri('004.md');
    await client.open(uri, SEED_004);
    await client.change(uri, 2, [{ text: `${SEED_004}\n` }]);
    await pull(client, uri);
    // A push would come within the 200 ms debounce; watch well past it.
    await delay(QUIET_MS);
    assert.deepEqual(client.received.publishes, []);
  });
});

describe('language server: messages in the client locale', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start({ pull: true, locale: 'en-US' });
  });
  after(async () => {
    await client?.dispose();
  });

  itShared('gives English messages to an English client', async () => {
    const uri = uniqueUri('004.md');
    await client.open(uri, SEED_004);
    const items = await pull(client, uri);
    const quote = items.find((d) => d.code === 'quote-pairing');
    assert.ok(quote, 'no quote-pairing diagnostic');
    assert.match(messageText(quote), /[A-Za-z]{4,}/);
    assert.doesNotMatch(messageText(quote), /^[\u4e00-\u9fff]/);
  });
});

describe('language server: push diagnostics (a client without pull support)', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start({ pull: false });
  });
  after(async () => {
    await client?.dispose();
  });

  it('does not offer pull diagnostics', async () => {
    assert.equal(client.initializeResult!.capabilities.diagnosticProvider, undefined);
    await assert.rejects(
      withTimeout(client.conn.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: 'untitled:x' } }), 'diagnostic request'),
      (error: { code?: number }) => error.code === -32601,
    );
  });

  itShared('publishes on open for that version, and again for each incremental change', async () => {
    const uri = uniqueUri('004.md');
    await client.open(uri, SEED_004, 1);
    const first = await client.waitForPublish(uri, 1);
    assertWellFormed(first.diagnostics);
    assert.ok(first.diagnostics.some((d) => d.code === 'quote-pairing' && d.range.start.line === SEED_004_QUOTE.line));

    // Turn the wrong-way ” into “ with an incremental edit.
    const from = client.received.publishes.length;
    const at = SEED_004_QUOTE;
    await client.change(uri, 2, [{ range: { start: at, end: { line: at.line, character: at.character + 1 } }, text: '“' }]);
    const second = await client.waitForPublish(uri, 2, from);
    assertWellFormed(second.diagnostics);
    assert.ok(!second.diagnostics.some((d) => d.code === 'quote-pairing'), 'the fixed quote is still reported');
    assert.deepEqual(
      second.diagnostics.map((d) => d.code),
      first.diagnostics.filter((d) => d.code !== 'quote-pairing').map((d) => d.code),
    );
  });

  itShared('publishes only the newest of rapid changes', async () => {
    const uri = uniqueUri('004.md');
    await client.open(uri, SEED_004, 1);
    await client.waitForPublish(uri, 1);
    const from = client.received.publishes.length;
    await client.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'a' }]);
    await client.change(uri, 3, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'b' }]);
    await client.change(uri, 4, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'c' }]);
    await client.waitForPublish(uri, 4, from);
    await delay(QUIET_MS);
    const versions = client.received.publishes.slice(from).filter((p) => p.uri === uri).map((p) => p.version);
    assert.deepEqual(versions, [4]);
  });

  it('publishes empty diagnostics for a non-report, and real ones once lintAllMarkdown is set', async () => {
    const uri = uniqueUri('notes.md');
    await client.open(uri, NOTES, 1);
    assert.deepEqual((await client.waitForPublish(uri, 1)).diagnostics, []);
    const from = client.received.publishes.length;
    await client.changeSettings({ lintAllMarkdown: true });
    try {
      const published = await client.waitForPublish(uri, 1, from);
      assert.ok(includesAll(published.diagnostics, ['placeholder', 'quote-pairing']), `codes: ${published.diagnostics.map((d) => d.code).join(', ')}`);
    } finally {
      const reset = client.received.publishes.length;
      await client.changeSettings({});
      await client.waitForPublish(uri, 1, reset);
    }
  });

  itShared('publishes empty diagnostics when partyReport.enable turns false', async () => {
    const uri = uniqueUri('004.md');
    await client.open(uri, SEED_004, 1);
    assert.ok((await client.waitForPublish(uri, 1)).diagnostics.length > 0);
    const from = client.received.publishes.length;
    await client.changeSettings({ enable: false });
    try {
      assert.deepEqual((await client.waitForPublish(uri, 1, from)).diagnostics, []);
    } finally {
      const reset = client.received.publishes.length;
      await client.changeSettings({});
      assert.ok((await client.waitForPublish(uri, 1, reset)).diagnostics.length > 0);
    }
  });

  itShared('clears a document’s diagnostics when it closes', async () => {
    const uri = uniqueUri('004.md');
    await client.open(uri, SEED_004, 1);
    await client.waitForPublish(uri, 1);
    const from = client.received.publishes.length;
    await client.close(uri);
    const cleared = await client.waitFor('empty publish after close', () =>
      client.received.publishes.slice(from).find((p) => p.uri === uri),
    );
    assert.deepEqual(cleared.diagnostics, []);
  });
});

describe('language server: config files', () => {
  let dir: string;
  let client: TestClient;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'party-report-lsp-'));
    writeFileSync(join(dir, '.partyreportrc.json'), JSON.stringify({ rules: { 'quote-pairing': 'off', placeholder: 'hint' } }));
    writeFileSync(join(dir, 'report.md'), SEED_004);
    mkdirSync(join(dir, 'broken'));
    writeFileSync(join(dir, 'broken', '.partyreportrc.yaml'), 'rules:\n  quote-pairing: [off\n');
    client = await TestClient.start({ pull: true, workspaceFolders: [pathToFileURL(dir).href] });
  });
  after(async () => {
    await client?.dispose();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  itShared('applies the nearest .partyreportrc to file: documents, with settings winning over it', async () => {
    const uri = pathToFileURL(join(dir, 'report.md')).href;
    await client.open(uri, SEED_004);
    let items = await pull(client, uri);
    assert.ok(!items.some((d) => d.code === 'quote-pairing'), 'the config file turned quote-pairing off');
    const placeholders = items.filter((d) => d.code === 'placeholder');
    assert.ok(placeholders.length > 0);
    assert.ok(placeholders.every((d) => d.severity === DiagnosticSeverity.Hint));
    try {
      await changeSettingsAndWaitForRefresh(client, { rules: { 'quote-pairing': 'warning' } });
      items = await pull(client, uri);
      assert.deepEqual(
        items.filter((d) => d.code === 'quote-pairing').map((d) => d.severity),
        [DiagnosticSeverity.Warning],
      );
      assert.ok(items.filter((d) => d.code === 'placeholder').every((d) => d.severity === DiagnosticSeverity.Hint));
    } finally {
      await changeSettingsAndWaitForRefresh(client, {});
    }
  });

  itShared('shows one error naming a broken config file and lints without it', async () => {
    const path = join(dir, 'broken', 'report.md');
    const uri = pathToFileURL(path).href;
    const shownBefore = client.received.shown.length;
    await client.open(uri, SEED_004);
    const items = await pull(client, uri);
    await pull(client, uri);
    assert.ok(items.some((d) => d.code === 'quote-pairing'), 'linted with default rules');
    const shown = client.received.shown.slice(shownBefore);
    assert.equal(shown.length, 1, `window messages: ${JSON.stringify(shown)}`);
    assert.equal(shown[0].type, MessageType.Error);
    assert.ok(shown[0].message.includes(join(dir, 'broken', '.partyreportrc.yaml')), shown[0].message);
  });
});

describe('language server: lifecycle and robustness', () => {
  const servers = serversPerTest();

  itShared('survives a malformed message and a request with bad params', async () => {
    const client = await servers.start({ pull: true });
    const garbage = '{"jsonrpc": "2.0", nope';
    client.proc.stdin!.write(`Content-Length: ${Buffer.byteLength(garbage)}\r\n\r\n${garbage}`);
    // No textDocument at all: the handler must answer, not throw (and log what went wrong).
    const bad = await withTimeout(client.conn.sendRequest('textDocument/documentSymbol', {}), 'documentSymbol with bad params');
    assert.deepEqual(bad, []);
    await client.waitFor('a log line about the bad request', () =>
      client!.received.logs.find((l) => l.type === MessageType.Error && l.message.includes('textDocument/documentSymbol')),
    );
    const uri = uniqueUri('003.md');
    await client.open(uri, SEED_003);
    assert.equal((await symbols(client, uri)).length, 3);
    assert.equal(client.exitCode, undefined, 'the server exited');
  });

  it('exits with code 0 after shutdown and exit', async () => {
    const client = await servers.start({ pull: false });
    await withTimeout(client.conn.sendRequest(ShutdownRequest.type), 'shutdown');
    await client.conn.sendNotification(ExitNotification.type);
    assert.equal(await client.waitForExit(WAIT_MS), 0);
  });
});

