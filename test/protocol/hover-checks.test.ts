/**
 * Hover shows what the number rules verified, not only what failed (issue: "Hover on a
 * quantity that a rule checked shows the check and its result"): a check that held is in
 * our hover with ✓; one that failed is a diagnostic with ✗, which the editor's hover shows.
 * Against the spawned server, on seed 003 read by path, whose numbers are all correct.
 *
 * Hover answers from the last finished analysis and shows nothing while there is none (a
 * stopped analysis leaves none). The tests wait for each document's analysis (its pulled
 * diagnostics) before hovering, under a time budget the machine's load cannot reach: with
 * the default `partyReport.analysisTimeout` (5 s), the first analysis in a cold thread was
 * stopped on a loaded machine and every hover came back empty.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, DocumentDiagnosticRequest, type FullDocumentDiagnosticReport, HoverRequest, type MarkupContent } from 'vscode-languageserver/node';
import { describeShared, readSeed, SEEDS } from '../support/paths';
import { TestClient, WAIT_MS, withTimeout } from './harness';

const TEXT = readSeed('003_80842496a81019da.txt');

/** 0-based line and UTF-16 character of the first `needle` after `after` in TEXT. */
function positionOf(needle: string, after: string): { line: number; character: number } {
  const offset = TEXT.indexOf(needle, TEXT.indexOf(after));
  assert.ok(offset >= 0, `${needle} not in seed 003`);
  const before = TEXT.slice(0, offset).split(/\r\n|\n|\r/);
  return { line: before.length - 1, character: before[before.length - 1].length };
}

/** The budget the tests give an analysis, in seconds: far past what any load makes of seed 003's. */
const ANALYSIS_TIMEOUT_S = 120;

describeShared('language server: hover shows the number checks', function () {
  // Starting the server and its analysis threads takes seconds on a loaded machine; every
  // wait below ends as soon as its result arrives, so this only bounds a failure.
  this.timeout(4 * WAIT_MS);
  let client: TestClient;
  const uri = pathToFileURL(join(SEEDS, '003-hover.md')).href;

  /** `doc`'s diagnostics, pulled: resolves once its analysis has finished, which must not have been stopped. */
  const analysed = async (doc: string, what: string): Promise<FullDocumentDiagnosticReport> => {
    const pulled = client.conn.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: doc } });
    const report = (await withTimeout(pulled, what, 3 * WAIT_MS)) as FullDocumentDiagnosticReport;
    const stopped = report.items.filter((d) => d.severity === DiagnosticSeverity.Information && String(d.message).includes('analysisTimeout'));
    assert.deepEqual(stopped, [], `the analysis of ${doc} was stopped`);
    return report;
  };

  before(async () => {
    client = await TestClient.start({ pull: true, settings: { analysisTimeout: ANALYSIS_TIMEOUT_S } });
    await client.open(uri, TEXT);
    await analysed(uri, 'the analysis of seed 003');
  });
  after(() => client.dispose());

  const hover = async (position: { line: number; character: number }) => {
    const result = await withTimeout(client.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position }), 'hover');
    return result ? (result.contents as MarkupContent).value : '';
  };

  it('over a total that matches its parts: the sum and ✓', async () => {
    const text = await hover(positionOf('17名', '共调整'));
    assert.match(text, /6\+11=17名/);
    assert.match(text, /✓/);
    assert.doesNotMatch(text, /✗/);
  });

  it('over a rate: the range check and ✓', async () => {
    const text = await hover(positionOf('43.6%', '占比'));
    assert.match(text, /43\.6%/);
    assert.match(text, /✓/);
  });

  it('over a total that does not match: the diagnostic carries the sum and ✗, hover does not repeat it', async () => {
    const wrong = pathToFileURL(join(SEEDS, 'wrong-total.md')).href;
    await client.open(wrong, '一、工作开展情况\n全年共调整村干部17名，其中党支部书记6人，其他成员12人。\n');
    const report = await analysed(wrong, 'the analysis of the wrong total');
    const items = report.items.filter((d) => d.code === 'total-breakdown');
    assert.equal(items.length, 1);
    assert.match(String(items[0].message), /6\+12=18名.*✗/);
    const result = await withTimeout(
      client.conn.sendRequest(HoverRequest.type, { textDocument: { uri: wrong }, position: { line: 1, character: 10 } }),
      'hover',
    );
    assert.doesNotMatch(result ? (result.contents as MarkupContent).value : '', /18名/);
  });

  it('over plain prose: no check', async () => {
    assert.doesNotMatch(await hover(positionOf('学习', '深入学习')), /✓|✗/);
  });
});
