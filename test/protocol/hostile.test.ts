/**
 * Hostile input for the spawned server over stdio (issue #15): documents that once
 * blocked every request, and a broken message framing.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  DocumentDiagnosticRequest,
  type DocumentSymbol,
  DocumentSymbolRequest,
  type FullDocumentDiagnosticReport,
  HoverRequest,
  type MarkupContent,
  MessageType,
} from 'vscode-languageserver/node';
import { TestClient, withTimeout, serversPerTest } from './harness';

/** A report of our own, three top-level sections and a placeholder, for tests that need any report. */
const REPORT = ['一、主要工作', '组织党员集中学习XX次。', '二、存在的问题', '学习成效转化不够。', '三、下一步工作计划', '继续加强理论学习。', ''].join('\n');

describe('language server: hostile documents (issue #15)', function () {
  this.timeout(60_000);
  const servers = serversPerTest();

  it('answers for another report and the outline while an 8 KB nested list is open', async () => {
    const client = await servers.start({ pull: true });
    const deep = 'untitled:hostile-deep.md';
    const other = 'untitled:hostile-other.md';
    await client.open(deep, `一、工作情况\n${'- '.repeat(4000)}党员共17名\n`);
    await client.open(other, REPORT);
    const [deepReport, otherReport, outline] = await Promise.all([
      withTimeout(client.conn.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: deep } }), 'diagnostics of the nested document'),
      withTimeout(client.conn.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: other } }), 'diagnostics of the other report'),
      withTimeout(client.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: other } }), 'outline of the other report'),
    ]);
    assert.equal(deepReport.kind, 'full');
    assert.ok((otherReport as FullDocumentDiagnosticReport).items.length > 0, 'the other report has findings');
    assert.equal((outline as DocumentSymbol[]).length, 3);
    assert.equal(client.exitCode, undefined, 'the server exited');
  });

  it('escapes document text in hover Markdown (front matter, a heading number)', async () => {
    const client = await servers.start({ pull: true });
    const uri = 'untitled:hostile-hover.md';
    const kind = '[点我](command:workbench.action.quit) <img src=x onerror=1> **粗**';
    await client.open(uri, `---\n报告类型: "${kind}"\n---\n\n一、工作情况\n\n党员共17名。\n\n(二)<b>加强</b>建设\n\n内容。\n`);
    const hover = async (line: number, character: number) => {
      const result = await withTimeout(client.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line, character } }), 'hover');
      return result ? (result.contents as MarkupContent).value : '';
    };
    const heading = await hover(4, 1);
    assert.ok(heading.includes('\\[点我\\](command:workbench.action.quit) \\<img src=x onerror=1\\> \\*\\*粗\\*\\*'), heading);
    assert.doesNotMatch(heading, /(?<!\\)\[点我(?<!\\)\]|(?<!\\)<img/);
  });
});

describe('language server: hostile config files (issue #15)', function () {
  this.timeout(60_000);
  let dir: string;
  let client: TestClient | undefined;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'party-report-lsp-hostile-'));
  });
  after(async () => {
    await client?.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  const cases: [string, (path: string) => void, RegExp][] = [
    ['zero', (path) => symlinkSync('/dev/zero', path), /不是普通文件/],
    ['fifo', (path) => execFileSync('mkfifo', [path]), /不是普通文件/],
    ['bomb', (path) => writeFileSync(path, `a: &a [x, x, x, x]\nb: &b [*a, *a, *a, *a]\nc: &c [*b, *b, *b, *b]\nd: [*c, *c, *c, *c]\n`), /:2: .*别名/],
    ['option', (path) => writeFileSync(path, 'rules:\n  numbering-style: [warning, {allowSkipLevel: "yes"}]\n'), /:2: .*allowSkipLevel 应为 boolean/],
  ];
  it('a link to /dev/zero, a FIFO, an alias bomb, a bad option: each shown as an error naming the file; the report linted with defaults', async () => {
    for (const [name, make] of cases) {
      mkdirSync(join(dir, name));
      make(join(dir, name, '.partyreportrc.yaml'));
    }
    client = await TestClient.start({ pull: true, workspaceFolders: [pathToFileURL(dir).href] });
    for (const [name, , message] of cases) {
      const uri = pathToFileURL(join(dir, name, 'report.md')).href;
      await client.open(uri, REPORT);
      const report = await withTimeout(client.conn.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } }), `diagnostics under ${name}`);
      assert.ok((report as FullDocumentDiagnosticReport).items.length > 0, `${name}: linted with the default rules`);
      const config = join(dir, name, '.partyreportrc.yaml');
      const running: TestClient = client;
      const shown: { type: number; message: string } = await running.waitFor(`a message about ${config}`, () => running.received.shown.find((m) => m.message.includes(config)));
      assert.equal(shown.type, MessageType.Error);
      assert.match(shown.message, message);
    }
  });
});

describe('language server: broken framing (issue #15)', function () {
  this.timeout(30_000);
  const servers = serversPerTest();

  const frames: Record<string, string> = {
    'Content-Length: abc': 'Content-Length: abc\r\n\r\n{}',
    'no Content-Length': 'Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{}',
    'a negative Content-Length': 'Content-Length: -5\r\n\r\n{}',
    'a header line without a colon': 'Content-Length 5\r\n\r\n{}',
    'a Content-Length of 10 GB': 'Content-Length: 10000000000\r\n\r\n{}',
  };
  for (const [name, frame] of Object.entries(frames)) {
    it(`${name}: logs why and exits non-zero, so the client restarts it`, async () => {
      const client = await servers.start({ pull: true });
      client.proc.stdin!.write(frame);
      const code = await client.waitForExit(10_000);
      assert.notEqual(code, 0);
      assert.match(client.stderr, /broken message framing/);
    });
  }

  it('a body that is not JSON under a right Content-Length is not a framing error: the server goes on', async () => {
    const client = await servers.start({ pull: true });
    const garbage = '{"jsonrpc": "2.0", nope';
    client.proc.stdin!.write(`Content-Length: ${Buffer.byteLength(garbage)}\r\n\r\n${garbage}`);
    const uri = 'untitled:hostile-after-garbage.md';
    await client.open(uri, REPORT);
    const outline = await withTimeout(client.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } }), 'outline after a bad body');
    assert.equal((outline as DocumentSymbol[]).length, 3);
    assert.equal(client.exitCode, undefined);
  });
});
