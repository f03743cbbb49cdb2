/**
 * Hover shows what the number rules verified, not only what failed (issue: "Hover on a
 * quantity that a rule checked shows the check and its result"): a check that held is in
 * our hover with ✓; one that failed is a diagnostic with ✗, which the editor's hover shows.
 * Against the spawned server, on seed 003 read by path, whose numbers are all correct.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DocumentDiagnosticRequest, type FullDocumentDiagnosticReport, HoverRequest, type MarkupContent } from 'vscode-languageserver/node';
import { describeShared, readSeed, SEEDS } from '../support/paths';
import { TestClient, withTimeout } from './harness';

const TEXT = readSeed('003_80842496a81019da.txt');

/** 0-based line and UTF-16 character of the first `needle` after `after` in TEXT. */
function positionOf(needle: string, after: string): { line: number; character: number } {
  const offset = TEXT.indexOf(needle, TEXT.indexOf(after));
  assert.ok(offset >= 0, `${needle} not in seed 003`);
  const before = TEXT.slice(0, offset).split(/\r\n|\n|\r/);
  return { line: before.length - 1, character: before[before.length - 1].length };
}

describeShared('language server: hover shows the number checks', function () {
  let client: TestClient;
  const uri = pathToFileURL(join(SEEDS, '003-hover.md')).href;

  before(async () => {
    client = await TestClient.start({ pull: true });
    await client.open(uri, TEXT);
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
    const report = await withTimeout(client.conn.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: wrong } }), 'pull');
    const items = (report as FullDocumentDiagnosticReport).items.filter((d) => d.code === 'total-breakdown');
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
