/**
 * Server behaviour that needs rules the product does not have: a rule that throws must
 * not cost the user the other rules' diagnostics and is logged once per rule and
 * document; a check that passed shows in hover. The built server only has the real
 * rules, so this runs `startServer` in-process, over in-memory streams, with test rules.
 */
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import {
  type Connection,
  createConnection,
  createMessageConnection,
  DocumentDiagnosticRequest,
  type FullDocumentDiagnosticReport,
  HoverRequest,
  type MarkupContent,
  MessageType,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver/node';
import type { Rule } from '../../rules/types';
import { startServer } from '../../server/server';
import { TestClient, withTimeout } from './harness';

const meta = (id: string): Rule['meta'] => ({
  family: 'wording',
  severity: 'warning',
  fixable: false,
  description: { 'zh-CN': id, en: id },
  messages: { found: { 'zh-CN': '第一行', en: 'first line' }, adds: { 'zh-CN': '合计与分项相符', en: 'the total adds up' } },
});

const throwing: Rule = {
  id: 'throws-always',
  meta: meta('throws-always'),
  check() {
    throw new Error('kaboom');
  },
};

const firstLine: Rule = {
  id: 'first-line',
  meta: meta('first-line'),
  check: (report) => [{ messageId: 'found', start: 0, end: report.lines.end(0) }],
};

/** Reports one passed check over the second line (as number rules do when a total adds up). */
const verifies: Rule = {
  id: 'verifies-line-2',
  meta: meta('verifies-line-2'),
  check: (report) => [{ messageId: 'adds', passed: true, start: report.lines.start(1), end: report.lines.end(1) }],
};

const REPORT = '一、工作开展情况\n开展学习5次。\n二、存在的问题\n学习不够深入。\n';

describe('language server in-process, with test rules', () => {
  let client: TestClient;
  let toServer: PassThrough;
  let toClient: PassThrough;
  let server: Connection;

  before(async () => {
    toServer = new PassThrough();
    toClient = new PassThrough();
    // Message readers, not raw streams: given streams, createConnection would exit the
    // process when they end.
    server = createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
    startServer(server, { rules: [throwing, firstLine, verifies] });
    const conn = createMessageConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
    client = await TestClient.attach(conn, { pull: true });
  });
  after(async () => {
    await client?.dispose();
    server?.dispose();
    toServer?.end();
    toClient?.end();
  });

  async function pull(uri: string) {
    const report = await withTimeout(client.conn.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } }), 'diagnostic');
    return (report as FullDocumentDiagnosticReport).items;
  }

  const failureLogs = (uri: string) =>
    client.received.logs.filter((l) => l.type === MessageType.Error && l.message.includes('throws-always') && l.message.includes(uri));

  it('still reports the other rules, and logs the failure once per rule and document', async () => {
    const uri = 'untitled:failing-1';
    await client.open(uri, REPORT, 1);
    assert.deepEqual((await pull(uri)).map((d) => d.code), ['first-line']);
    await client.change(uri, 2, [{ text: `${REPORT}\n` }]);
    assert.deepEqual((await pull(uri)).map((d) => d.code), ['first-line']);
    await client.waitFor('the failure log', () => (failureLogs(uri).length ? true : undefined));
    assert.equal(failureLogs(uri).length, 1, 'logged more than once for one document');
    assert.match(failureLogs(uri)[0].message, /kaboom/);

    const other = 'untitled:failing-2';
    await client.open(other, REPORT, 1);
    assert.deepEqual((await pull(other)).map((d) => d.code), ['first-line']);
    await client.waitFor('the failure log for the second document', () => (failureLogs(other).length ? true : undefined));
    assert.equal(failureLogs(uri).length, 1);
  });

  it('shows a passed check in hover, and never as a diagnostic', async () => {
    const uri = 'untitled:checks';
    await client.open(uri, REPORT, 1);
    assert.ok(!(await pull(uri)).some((d) => d.code === 'verifies-line-2'));
    const hover = await withTimeout(
      client.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 1, character: 2 } }),
      'hover',
    );
    assert.ok(hover, 'no hover over the checked line');
    assert.match((hover.contents as MarkupContent).value, /✓ 合计与分项相符 \(`verifies-line-2`\)/);
    assert.deepEqual(hover.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 7 } });
  });
});
