/**
 * Completion and hover answer from the last finished analysis while the re-lint of an edit
 * runs, never waiting for it (issue #14, item 3), with positions of the current text: against
 * the spawned server, an edit of a 1 MB report whose re-lint takes far longer than an answer.
 * The proof is the order of the responses (no sleeps, no timing thresholds): the completion
 * and hover sent after the pull of the edited version arrive before its diagnostics, and say
 * what the same requests say once that analysis has finished.
 */
import assert from 'node:assert/strict';
import {
  type CompletionList,
  CompletionRequest,
  DocumentDiagnosticRequest,
  type FullDocumentDiagnosticReport,
  type Hover,
  HoverRequest,
  type MarkupContent,
  type Position,
} from 'vscode-languageserver/node';
import { serversPerTest, withTimeout } from './harness';

/** A report of our own: two sections, items, and a blank line (3) under （二） where a writer adds the next item. */
const HEAD = [
  '2026年上半年党建工作总结',
  '一、主要工作',
  '（一）加强理论学习',
  '全年组织集中学习12次，其中专题研讨4次。',
  '（二）夯实基层组织',
  '一是规范组织生活。',
  '二是发展党员3名。',
  '',
  '（三）强化作风建设',
  '开展警示教育2次。',
  '二、存在的问题',
  '学习成效转化不够。',
  '三、下一步工作计划',
];
/** The blank line of HEAD, where completion is asked. */
const BLANK = 7;
/** The line of `（三）强化作风建设` in HEAD, hovered. */
const HEADING = 8;

/** HEAD and then paragraphs of plans up to about `bytes` UTF-8 bytes (a count now and then). */
function largeReport(bytes: number): string {
  const phrases = ['坚持把理论学习摆在首位，推动学习教育走深走实', '围绕中心工作抓党建，把组织优势转化为发展优势', '深入基层走访调研，倾听群众意见建议', '严格落实“三会一课”制度，提升组织生活质量'];
  const lines = [...HEAD];
  let size = Buffer.byteLength(lines.join('\n'));
  for (let i = 0; size < bytes; i++) {
    const line = `${phrases[i % 4]}，${phrases[(i + 1) % 4]}。${i % 5 === 0 ? `本季度开展活动${(i % 9) + 2}次。` : ''}`;
    lines.push('', line);
    size += Buffer.byteLength(line) + 2;
  }
  return `${lines.join('\n')}\n`;
}

describe('language server: completion and hover never wait for the re-lint (issue #14)', function () {
  this.timeout(120_000);
  const servers = serversPerTest();

  it('after an edit of a 1 MB report, completion and hover answer before its diagnostics, as they do once it is analysed', async () => {
    const client = await servers.start({ pull: true, settings: { analysisTimeout: 60 } });
    const c = client;
    const uri = 'untitled:stale-answers.md';
    const pull = () => c.conn.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } }) as Promise<FullDocumentDiagnosticReport>;
    const complete = (position: Position) =>
      c.conn.sendRequest(CompletionRequest.type, { textDocument: { uri }, position, context: { triggerKind: 1 } }) as Promise<CompletionList>;
    const hover = (position: Position) => c.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position }) as Promise<Hover | null>;

    await c.open(uri, largeReport(1024 * 1024));
    await withTimeout(pull(), 'the first analysis', 60_000);

    // One edit: a line of prose inserted above the blank line, so every position after it
    // moves down a line (the older analysis's positions must be carried over).
    const inserted = '（补记）本月新增入党积极分子2名。\n';
    await c.change(uri, 2, [{ range: { start: { line: 4, character: 0 }, end: { line: 4, character: 0 } }, text: inserted }]);
    const order: string[] = [];
    const record = <T>(what: string, promise: Promise<T>) => promise.then((value) => (order.push(what), value));
    const diagnostics = record('diagnostics', pull());
    const completion = record('completion', complete({ line: BLANK + 1, character: 0 }));
    const heading = record('hover', hover({ line: HEADING + 1, character: 1 }));
    const [early, earlyHover] = await withTimeout(Promise.all([completion, heading]), 'completion and hover during the re-lint', 60_000);
    await withTimeout(diagnostics, 'the re-lint', 60_000);
    assert.deepEqual(order, ['completion', 'hover', 'diagnostics'], 'completion and hover waited for the re-lint');

    // What they said is what they say from the analysis of the edited text.
    const late = await complete({ line: BLANK + 1, character: 0 });
    const lateHover = await hover({ line: HEADING + 1, character: 1 });
    assert.equal(early.items[0]?.label, '三是', `items: ${early.items.map((i) => i.label).join(' | ')}`);
    assert.deepEqual(early.items, late.items);
    assert.equal(early.isIncomplete, true, 'an answer from the older analysis is marked incomplete, so the client asks again');
    assert.equal(late.isIncomplete, false);
    assert.ok(earlyHover && lateHover, 'no hover on （三）强化作风建设');
    assert.match((earlyHover.contents as MarkupContent).value, /二级标题/);
    assert.deepEqual(earlyHover, lateHover);
    assert.deepEqual(earlyHover.range?.start, { line: HEADING + 1, character: 0 });
  });
});
