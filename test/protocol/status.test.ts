/**
 * partyReport/documentStatus against the spawned server (stdio): the report kind and where
 * it came from, the required sections found, the error rate of the same lint diagnostics
 * show, and the versioned front-matter edit for each kind, which, applied, makes the next
 * version's status read the kind from the front matter.
 */
import assert from 'node:assert/strict';
import type { TextDocumentEdit, TextEdit } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { reportKinds } from '../../rules/data/index';
import { errorRate } from '../../rules/engine/error-rate';
import { lint } from '../../rules/engine/lint';
import type { DocumentStatus } from '../../server/lsp/requests';
import { TestClient, withTimeout } from './harness';

/** A duty report of our own: its title names the kind; it has no plans section and one placeholder. */
const DUTY = [
  '# 2024年度抓基层党建工作述职报告',
  '',
  '一、履职情况',
  '',
  '全年召开支部委员会XX次，讲授专题党课4次。',
  '',
  '二、存在的问题',
  '',
  '一是理论学习不够系统。二是党员教育方式较为单一。',
  '',
].join('\n');

const NOTES = '会议记录\n\n今天讨论了三件事。\n';

let counter = 0;
const uniqueUri = (name: string) => `untitled:party-report-status-${++counter}-${name}`;

describe('language server: partyReport/documentStatus', function () {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start({ pull: true });
  });
  after(async () => {
    await client?.dispose();
  });

  const status = async (uri: string) =>
    (await withTimeout(client.conn.sendRequest('partyReport/documentStatus', { textDocument: { uri } }), 'documentStatus')) as DocumentStatus | null;

  it('says the kind and its source, the required sections found ✓/✗ and the error rate of the lint', async () => {
    const uri = uniqueUri('duty.md');
    await client.open(uri, DUTY, 1);
    const s = (await status(uri))!;
    assert.equal(s.version, 1);
    assert.equal(s.isReport, true);
    assert.equal(s.linted, true);
    assert.deepEqual(s.kind, { id: '述职报告', label: '述职报告', source: 'title', sourceLabel: '依据：标题' });
    assert.deepEqual(
      s.sections.map((x) => [x.id, x.label, x.found]),
      [
        ['work', reportKinds.sections.work.name, true],
        ['problems', reportKinds.sections.problems.name, true],
        ['plans', reportKinds.sections.plans.name, false],
      ],
    );
    const result = lint(DUTY);
    assert.ok(result.findings.some((f) => f.ruleId === 'placeholder'), 'the report has a finding to count');
    assert.deepEqual(s.errorRate, errorRate(result.report, result.findings));
    assert.ok(s.errorRate!.perTenThousand > 0);
    assert.deepEqual(
      s.kinds.map((k) => [k.id, k.current]),
      reportKinds.kinds.map((k) => [k.id, k.id === '述职报告']),
    );
  });

  it('each kind’s edit is versioned and writes 报告类型 to a new front matter; the next version reads it from there', async () => {
    const uri = uniqueUri('duty-kind.md');
    await client.open(uri, DUTY, 3);
    const s = (await status(uri))!;
    const summary = s.kinds.find((k) => k.id === '工作总结')!;
    const change = summary.edit!.documentChanges![0] as TextDocumentEdit;
    assert.deepEqual(change.textDocument, { uri, version: 3 });
    const after = TextDocument.applyEdits(TextDocument.create(uri, 'markdown', 3, DUTY), change.edits as TextEdit[]);
    assert.equal(after, `---\n报告类型: 工作总结\n---\n\n${DUTY}`);
    await client.change(uri, 4, [{ text: after }]);
    const next = (await status(uri))!;
    assert.equal(next.version, 4);
    assert.deepEqual([next.kind.id, next.kind.source, next.kind.sourceLabel], ['工作总结', 'frontmatter', '依据：front matter“报告类型”']);
    assert.deepEqual(next.errorRate, errorRate(lint(after).report, lint(after).findings));
  });

  it('a Markdown note that is no report: not linted, no error rate, the kind by default; an unopened document: null', async () => {
    const uri = uniqueUri('notes.md');
    await client.open(uri, NOTES, 1);
    const s = (await status(uri))!;
    assert.equal(s.isReport, false);
    assert.equal(s.linted, false);
    assert.equal(s.kind.source, 'default');
    assert.equal(s.errorRate, null);
    // Setting a kind makes it a report.
    const change = s.kinds[0].edit!.documentChanges![0] as TextDocumentEdit;
    const after = TextDocument.applyEdits(TextDocument.create(uri, 'markdown', 1, NOTES), change.edits as TextEdit[]);
    assert.equal(lint(after).report.isReport, true);
    assert.equal(await status(uniqueUri('never-opened.md')), null);
  });

  it('labels in English for an English client', async () => {
    const en = await TestClient.start({ pull: true, locale: 'en' });
    try {
      const uri = uniqueUri('duty-en.md');
      await en.open(uri, DUTY, 1);
      const s = (await withTimeout(en.conn.sendRequest('partyReport/documentStatus', { textDocument: { uri } }), 'documentStatus')) as DocumentStatus;
      assert.deepEqual([s.kind.label, s.kind.sourceLabel], [reportKinds.kinds.find((k) => k.id === '述职报告')!.nameEn, 'From: the title']);
      assert.deepEqual(s.sections.map((x) => x.label), [reportKinds.sections.work.nameEn, reportKinds.sections.problems.nameEn, reportKinds.sections.plans.nameEn]);
    } finally {
      await en.dispose();
    }
  });
});
