/**
 * The spawned server's analyses run off its event loop (issue #15): a document that takes
 * long to check holds neither other documents nor its own outline; past the time budget
 * (`partyReport.analysisTimeout`) its analysis is stopped with one information diagnostic;
 * a new version supersedes the running analysis of the old one. The tests assert what
 * happens and in which order; how long it takes is bench/isolation.ts's.
 */
import assert from 'node:assert/strict';
import { DiagnosticSeverity, type DocumentSymbol, DocumentSymbolRequest, LSPErrorCodes, ResponseError } from 'vscode-languageserver/node';
import { withTimeout, serversPerTest } from './harness';
import { pull, REPORT, SLOW, warmUp } from './slow-analysis';

describe('language server: analyses in worker threads (issue #15)', function () {
  this.timeout(60_000);
  const servers = serversPerTest();

  it("another report's diagnostics and outline arrive while a slow document is being analysed", async () => {
    // The order of events (the other report answered before the slow one settles), not a
    // wall-clock bound, which a machine other processes share misses (bench/isolation.ts
    // times it).
    const client = await servers.start({ pull: true, settings: { analysisTimeout: 60 } });
    await warmUp(client);
    const slow = 'untitled:slow.md';
    const other = 'untitled:other.md';
    await client.open(slow, SLOW);
    let slowSettled = false;
    const slowDiagnostics = pull(client, slow).then(
      () => (slowSettled = true),
      () => (slowSettled = true),
    );
    await client.open(other, REPORT);
    const [diagnostics, outline] = await withTimeout(
      Promise.all([pull(client, other), client.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: other } })]),
      'the other report',
    );
    assert.ok(!slowSettled, 'the slow document settled before the other report was answered: it held it');
    assert.ok(diagnostics.items.some((d) => d.code === 'placeholder'), 'the other report has its placeholder finding');
    assert.deepEqual(
      (outline as DocumentSymbol[]).map((s) => s.name),
      ['一、主要工作', '二、存在的问题', '三、下一步工作计划'],
    );
    // Closing the slow document stops its analysis; its pending pull is answered (cancelled).
    await client.close(slow);
    await withTimeout(slowDiagnostics, 'the slow document’s pull after close');
  });

  it('past partyReport.analysisTimeout: one information diagnostic naming the setting; the server goes on', async () => {
    const client = await servers.start({ pull: true, settings: { analysisTimeout: 0.3 } });
    await warmUp(client);
    const slow = 'untitled:slow-budget.md';
    await client.open(slow, SLOW);
    const report = await withTimeout(pull(client, slow), 'the stopped analysis');
    assert.equal(report.items.length, 1, JSON.stringify(report.items));
    const [diagnostic] = report.items;
    assert.equal(diagnostic.severity, DiagnosticSeverity.Information);
    assert.match(diagnostic.message as string, /0\.3 秒/);
    assert.match(diagnostic.message as string, /partyReport\.analysisTimeout/);
    // The outline of a stopped analysis is empty, and answered.
    assert.deepEqual(await client.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: slow } }), []);
    // The terminated thread is replaced: a report opened next is checked.
    const other = 'untitled:after-budget.md';
    await client.open(other, REPORT);
    const after = await withTimeout(pull(client, other), 'a report after the budget ran out');
    assert.ok(after.items.some((d) => d.code === 'placeholder'));
    assert.equal(client.exitCode, undefined, 'the server exited');
  });

  it('a new version supersedes the running analysis: its pull is cancelled for a retry, the new one answered', async () => {
    const client = await servers.start({ pull: true, settings: { analysisTimeout: 60 } });
    await warmUp(client);
    const uri = 'untitled:superseded.md';
    await client.open(uri, SLOW);
    const first = pull(client, uri).then(
      (r) => ({ answered: r }),
      (error: unknown) => ({ error }),
    );
    await client.change(uri, 2, [{ text: REPORT }]);
    const second = await withTimeout(pull(client, uri), 'the new version');
    assert.ok(second.items.some((d) => d.code === 'placeholder'), 'the findings of the new text');
    const outcome = await withTimeout(first, 'the superseded pull');
    assert.ok('error' in outcome, 'the superseded version was answered');
    assert.ok(outcome.error instanceof ResponseError && outcome.error.code === LSPErrorCodes.ServerCancelled, String(outcome.error));
    assert.deepEqual(outcome.error.data, { retriggerRequest: true });
  });

  it('push mode: after rapid versions only the last is published', async () => {
    const client = await servers.start({ pull: false, settings: { analysisTimeout: 60 } });
    const uri = 'untitled:push-burst.md';
    await client.open(uri, SLOW);
    // The outline request starts version 1's analysis at once (push mode would wait for the
    // debounce): the versions after it supersede a running analysis, not only a timer.
    const outline = client.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
    for (let version = 2; version <= 5; version++) await client.change(uri, version, [{ text: `${SLOW}\n${version}` }]);
    await client.change(uri, 6, [{ text: REPORT }]);
    const published = await client.waitForPublish(uri, 6);
    assert.ok(published.diagnostics.some((d) => d.code === 'placeholder'));
    assert.deepEqual(
      client.received.publishes.filter((p) => p.uri === uri).map((p) => p.version),
      [6],
    );
    await withTimeout(outline, 'the outline of the first version');
  });
});
