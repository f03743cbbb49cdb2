/**
 * Code actions against the spawned server: quick fixes per diagnostic, fix-all per rule,
 * disable comments and `source.fixAll.partyReport`, each edit applied here (as the editor
 * would) and checked; plus the minimal-edit diff the fix-all action is sent as.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import {
  type CodeAction,
  CodeActionRequest,
  type Command,
  type Diagnostic,
  DocumentDiagnosticRequest,
  type FullDocumentDiagnosticReport,
  type Range,
  type TextDocumentEdit,
  type TextEdit,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { applyFixes } from '../../rules/engine/fixes';
import { lintAndFix } from '../../rules/engine/lint';
import { minimalEdits } from '../../server/lsp/edits';
import { itShared, SEEDS } from '../support/paths';
import { TestClient, withTimeout } from './harness';

/** A short report of our own with fixable problems: two 村”两委”, two (一)-style numbers, two hyphen ranges. */
const REPORT = [
  '# 青山镇2024年党建工作总结',
  '',
  '一、工作开展情况',
  '(一)抓班子建设',
  '组织村”两委”干部集中学习3-5次。',
  '(二)抓阵地建设',
  '新建活动室2个，邀请村”两委”成员参与，开展活动7-9场。',
  '二、存在的问题',
  '学习不够深入。',
  '三、下一步工作计划',
  '继续加强学习。',
  '',
].join('\n');

const FIXED_LINES: Record<number, string> = {
  3: '（一）抓班子建设',
  4: '组织村“两委”干部集中学习3～5次。',
  5: '（二）抓阵地建设',
  6: '新建活动室2个，邀请村“两委”成员参与，开展活动7～9场。',
};

const SEED_004_PATH = join(SEEDS, '004_21a9a8910d8ea9fd.txt');

const WHOLE: Range = { start: { line: 0, character: 0 }, end: { line: 100000, character: 0 } };

let docCounter = 0;
const uniqueUri = (name: string) => `untitled:party-report-actions-${++docCounter}-${name}`;

async function pull(client: TestClient, uri: string): Promise<Diagnostic[]> {
  const report = await withTimeout(client.conn.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } }), 'diagnostic');
  return (report as FullDocumentDiagnosticReport).items;
}

async function codeActions(client: TestClient, uri: string, range: Range, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
  const result = await withTimeout(
    client.conn.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context: { diagnostics, ...(only ? { only } : {}) } }),
    'textDocument/codeAction',
  );
  const actions = (result ?? []) as (CodeAction | Command)[];
  for (const a of actions) assert.ok(!('command' in a && typeof a.command === 'string'), 'a bare Command, not a CodeAction');
  return actions as CodeAction[];
}

/** The one versioned text-document edit of an action, checked against `uri` and `version`. */
function editOf(action: CodeAction, uri: string, version: number): TextEdit[] {
  const changes = action.edit?.documentChanges;
  assert.ok(changes && changes.length === 1, `expected one documentChange in ${JSON.stringify(action.edit)}`);
  const change = changes[0] as TextDocumentEdit;
  assert.equal(change.textDocument.uri, uri);
  assert.equal(change.textDocument.version, version, 'the edit must name the version it was computed on');
  return change.edits as TextEdit[];
}

/** Applies an action's edit to `text` as an editor would. */
function apply(text: string, action: CodeAction, uri: string, version: number): string {
  return TextDocument.applyEdits(TextDocument.create(uri, 'markdown', version, text), editOf(action, uri, version));
}

const lineOf = (text: string, line: number) => text.split('\n')[line];
const find = (diagnostics: Diagnostic[], code: string, line: number) => {
  const d = diagnostics.find((x) => x.code === code && x.range.start.line === line);
  assert.ok(d, `no ${code} diagnostic on line ${line}: ${JSON.stringify(diagnostics.map((x) => [x.code, x.range.start.line]))}`);
  return d;
};
const preferred = (actions: CodeAction[]) => actions.filter((a) => a.kind === 'quickfix' && a.isPreferred);

describe('language server: code actions', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start({ pull: true });
  });
  after(async () => {
    await client?.dispose();
  });

  it('advertises quick fixes and source.fixAll.partyReport', () => {
    assert.deepEqual(client.initializeResult!.capabilities.codeActionProvider, {
      codeActionKinds: ['quickfix', 'source.fixAll.partyReport'],
      resolveProvider: false,
    });
  });

  it('offers the finding’s fix as the preferred quick fix, with the version it was computed on', async () => {
    const uri = uniqueUri('report.md');
    await client.open(uri, REPORT, 7);
    const diagnostics = await pull(client, uri);
    const expected: [string, number, number, string][] = [
      ['quote-pairing', 4, 4, '将 ” 改为 “'],
      ['numbering-style', 5, 5, '将“(二)”改为“（二）”'],
      ['number-range', 4, 4, '将“3-”改为“3～”'],
    ];
    for (const [code, line, fixedLine, title] of expected) {
      const diagnostic = find(diagnostics, code, line);
      const actions = await codeActions(client, uri, diagnostic.range, [diagnostic]);
      const fixes = preferred(actions);
      assert.equal(fixes.length, 1, `${code}: ${JSON.stringify(actions.map((a) => a.title))}`);
      assert.equal(fixes[0].title, title);
      assert.deepEqual(fixes[0].diagnostics, [diagnostic]);
      const after = apply(REPORT, fixes[0], uri, 7);
      const changedLines = REPORT.split('\n').flatMap((l, i) => (l === lineOf(after, i) ? [] : [i]));
      assert.deepEqual(changedLines, [fixedLine], `${code} changed other lines`);
      // Only this finding is fixed: the line's other problems stay.
      if (code === 'quote-pairing') assert.equal(lineOf(after, 4), '组织村“两委”干部集中学习3-5次。');
      if (code === 'numbering-style') assert.equal(lineOf(after, 5), FIXED_LINES[5]);
      if (code === 'number-range') assert.equal(lineOf(after, 4), '组织村”两委”干部集中学习3～5次。');
    }
  });

  it('offers “fix all of this rule” when the rule has more than one fixable finding, not preferred', async () => {
    const uri = uniqueUri('report.md');
    await client.open(uri, REPORT, 1);
    const diagnostics = await pull(client, uri);
    for (const code of ['numbering-style', 'quote-pairing', 'number-range']) {
      const diagnostic = diagnostics.find((d) => d.code === code)!;
      const actions = await codeActions(client, uri, diagnostic.range, [diagnostic]);
      const all = actions.find((a) => a.title === `修复本文档中所有 ${code} 问题`);
      assert.ok(all, `${code}: ${JSON.stringify(actions.map((a) => a.title))}`);
      assert.equal(all.kind, 'quickfix');
      assert.ok(!all.isPreferred);
      const after = apply(REPORT, all, uri, 1);
      const fixedCount = diagnostics.filter((d) => d.code === code).length;
      assert.ok(fixedCount >= 2);
      // Every finding of the rule is gone on the new text, and no other rule's.
      await client.change(uri, 2, [{ text: after }]);
      const remaining = await pull(client, uri);
      assert.ok(!remaining.some((d) => d.code === code), `${code} still reported after fixing all`);
      assert.equal(remaining.length, diagnostics.length - fixedCount);
      await client.change(uri, 1, [{ text: REPORT }]);
    }
  });

  it('does not offer “fix all of this rule” for a rule with one fixable finding', async () => {
    const uri = uniqueUri('report.md');
    const text = REPORT.replace('(二)', '（二）');
    await client.open(uri, text, 1);
    const diagnostic = find(await pull(client, uri), 'numbering-style', 3);
    const actions = await codeActions(client, uri, diagnostic.range, [diagnostic]);
    assert.equal(preferred(actions).length, 1);
    assert.ok(!actions.some((a) => a.title.startsWith('修复本文档中所有')));
  });

  it('source.fixAll.partyReport leaves nothing fixable, in small edits', async () => {
    const uri = uniqueUri('report.md');
    await client.open(uri, REPORT, 3);
    const before = await pull(client, uri);
    const actions = await codeActions(client, uri, WHOLE, [], ['source.fixAll.partyReport']);
    assert.equal(actions.length, 1, JSON.stringify(actions.map((a) => a.title)));
    const [fixAll] = actions;
    assert.equal(fixAll.kind, 'source.fixAll.partyReport');
    assert.equal(fixAll.title, '修复所有可自动修复的问题（党建报告助手）');
    const edits = editOf(fixAll, uri, 3);
    for (const edit of edits) {
      assert.equal(edit.range.start.line, edit.range.end.line, `an edit spans lines: ${JSON.stringify(edit)}`);
      assert.ok(edit.newText.length <= 2, `a large edit: ${JSON.stringify(edit)}`);
    }
    const after = apply(REPORT, fixAll, uri, 3);
    for (const [line, fixed] of Object.entries(FIXED_LINES)) assert.equal(lineOf(after, Number(line)), fixed);
    assert.equal(after, lintAndFix(REPORT).output, 'the server’s fix-all differs from the engine’s');

    await client.change(uri, 4, [{ text: after }]);
    const diagnostics = await pull(client, uri);
    assert.ok(diagnostics.length < before.length);
    const remaining = await codeActions(client, uri, WHOLE, diagnostics);
    assert.deepEqual(preferred(remaining).map((a) => a.title), [], 'a quick fix is left after fix-all');
    assert.deepEqual(await codeActions(client, uri, WHOLE, diagnostics, ['source.fixAll.partyReport']), [], 'nothing left to fix all');
  });

  it('answers source.fixAll and source with the fix-all action, and quickfix or no filter without it', async () => {
    const uri = uniqueUri('report.md');
    await client.open(uri, REPORT, 1);
    const diagnostics = await pull(client, uri);
    const kinds = async (only?: string[]) => [...new Set((await codeActions(client, uri, WHOLE, diagnostics, only)).map((a) => a.kind))];
    assert.deepEqual(await kinds(['source.fixAll']), ['source.fixAll.partyReport']);
    assert.deepEqual(await kinds(['source']), ['source.fixAll.partyReport']);
    assert.deepEqual(await kinds(['quickfix']), ['quickfix']);
    assert.deepEqual(await kinds(), ['quickfix']);
    assert.deepEqual(await kinds(['refactor']), []);
    assert.deepEqual((await kinds(['quickfix', 'source.fixAll'])).sort(), ['quickfix', 'source.fixAll.partyReport']);
  });

  itShared('fixes seed 004’s 村”两委” with source.fixAll', async () => {
    const seed = readFileSync(SEED_004_PATH, 'utf8');
    const line = seed.split('\n').findIndex((l) => l.includes('村”两委”'));
    assert.ok(line >= 0, 'seed 004 no longer has 村”两委”');
    const uri = uniqueUri('004.md');
    await client.open(uri, seed, 5);
    await pull(client, uri);
    const [fixAll] = await codeActions(client, uri, WHOLE, [], ['source.fixAll']);
    assert.ok(fixAll, 'no fix-all action on seed 004');
    const after = apply(seed, fixAll, uri, 5);
    assert.equal(after, lintAndFix(seed).output, 'the server’s fix-all differs from the engine’s');
    // Other fixes may drop a residue line above it: find the line by what follows the quote.
    const tail = lineOf(seed, line).split('村”两委”')[1].slice(0, 8);
    const fixedLine = after.split('\n').find((l) => l.includes(`两委”${tail}`));
    assert.ok(fixedLine, `no line continues with ${tail}`);
    assert.ok(fixedLine.includes('村“两委”'), fixedLine);
    assert.ok(!after.includes('村”两委'), 'a wrong-way quote is left');
  });

  it('gives no fix for a diagnostic that no longer matches the current version', async () => {
    const uri = uniqueUri('report.md');
    await client.open(uri, REPORT, 1);
    const old = await pull(client, uri);
    const quote = find(old, 'quote-pairing', 4);
    const range = find(old, 'number-range', 4);
    const numbering = find(old, 'numbering-style', 5);
    // The writer types the right quote by hand, then adds words before the range.
    await client.change(uri, 2, [{ range: quote.range, text: '“' }]);
    assert.deepEqual(await codeActions(client, uri, quote.range, [quote]), []);
    await client.change(uri, 3, [{ range: { start: { line: 4, character: 0 }, end: { line: 4, character: 0 } }, text: '年内' }]);
    assert.deepEqual(await codeActions(client, uri, range.range, [range]), []);
    // A diagnostic whose place did not move still gets its fix, for the new version.
    const [fix] = preferred(await codeActions(client, uri, numbering.range, [numbering]));
    assert.ok(fix);
    editOf(fix, uri, 3);
  });

  it('ignores other tools’ diagnostics and non-Markdown documents', async () => {
    const uri = uniqueUri('report.md');
    await client.open(uri, REPORT, 1);
    const diagnostic = find(await pull(client, uri), 'numbering-style', 3);
    assert.deepEqual(await codeActions(client, uri, diagnostic.range, [{ ...diagnostic, source: 'markdownlint' }]), []);
    const plain = uniqueUri('report.txt');
    await client.open(plain, REPORT, 1, 'plaintext');
    assert.deepEqual(await codeActions(client, plain, diagnostic.range, [diagnostic], ['quickfix', 'source']), []);
    assert.deepEqual(await codeActions(client, 'untitled:never-opened', diagnostic.range, [diagnostic]), []);
  });

  it('disables a rule for one line with a comment above it, then adds a second rule to that comment', async () => {
    const uri = uniqueUri('report.md');
    await client.open(uri, REPORT, 1);
    let diagnostics = await pull(client, uri);
    const range = find(diagnostics, 'number-range', 4);
    let disable = (await codeActions(client, uri, range.range, [range])).find((a) => a.title === '禁用此行的 number-range 检查');
    assert.ok(disable);
    let text = apply(REPORT, disable, uri, 1);
    assert.equal(lineOf(text, 4), '<!-- party-report-disable-next-line number-range -->');
    assert.equal(lineOf(text, 5), lineOf(REPORT, 4));

    await client.change(uri, 2, [{ text }]);
    diagnostics = await pull(client, uri);
    assert.ok(!diagnostics.some((d) => d.code === 'number-range' && d.range.start.line === 5));
    assert.ok(diagnostics.some((d) => d.code === 'number-range' && d.range.start.line === 7), 'only that line is disabled');
    const quote = find(diagnostics, 'quote-pairing', 5);
    disable = (await codeActions(client, uri, quote.range, [quote])).find((a) => a.title === '禁用此行的 quote-pairing 检查');
    assert.ok(disable);
    text = apply(text, disable, uri, 2);
    assert.equal(lineOf(text, 4), '<!-- party-report-disable-next-line number-range quote-pairing -->');
    await client.change(uri, 3, [{ text }]);
    assert.ok(!(await pull(client, uri)).some((d) => d.range.start.line === 5 && (d.code === 'quote-pairing' || d.code === 'number-range')));
  });
});

describe('language server: code actions in English, for a push client without documentChanges', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start({ pull: false, locale: 'en', documentChanges: false });
  });
  after(async () => {
    await client?.dispose();
  });

  it('titles actions in the client’s language and sends plain changes', async () => {
    const uri = uniqueUri('report.md');
    await client.open(uri, REPORT, 1);
    const { diagnostics } = await client.waitForPublish(uri, 1);
    const numbering = find(diagnostics, 'numbering-style', 5);
    const actions = await codeActions(client, uri, numbering.range, [numbering]);
    assert.deepEqual(
      actions.map((a) => a.title),
      ['Replace “(二)” with “（二）”', 'Fix all numbering-style problems in this document', 'Disable numbering-style for this line'],
    );
    for (const action of actions) {
      assert.equal(action.edit?.documentChanges, undefined);
      assert.ok(action.edit?.changes?.[uri]?.length);
    }
    const fixed = TextDocument.applyEdits(TextDocument.create(uri, 'markdown', 1, REPORT), actions[0].edit!.changes![uri]);
    assert.equal(lineOf(fixed, 5), FIXED_LINES[5]);
    const [fixAll] = await codeActions(client, uri, WHOLE, diagnostics, ['source.fixAll']);
    assert.equal(fixAll.title, 'Fix all auto-fixable problems (party-report)');
  });
});

describe('minimalEdits (the fix-all diff)', () => {
  const check = (a: string, b: string) => {
    const edits = minimalEdits(a, b);
    assert.equal(applyFixes(a, edits).text, b);
    for (let i = 0; i < edits.length; i++) {
      const { start, end } = edits[i];
      if (i > 0) assert.ok(start > edits[i - 1].end, 'edits overlap or touch');
      for (const at of [start, end]) {
        const code = a.charCodeAt(at - 1);
        assert.ok(!(code >= 0xd800 && code <= 0xdbff), `edit boundary ${at} splits a surrogate pair`);
        assert.ok(!(a[at - 1] === '\r' && a[at] === '\n'), `edit boundary ${at} splits \\r\\n`);
      }
    }
    return edits;
  };

  it('changes only what differs, within and across lines', () => {
    assert.deepEqual(check('a\nb\nc\n', 'a\nb\nc\n'), []);
    assert.deepEqual(check('(一)抓\n村”两委”\n', '（一）抓\n村“两委”\n'), [
      { start: 0, end: 1, text: '（' },
      { start: 2, end: 3, text: '）' },
      { start: 6, end: 7, text: '“' },
    ]);
    assert.deepEqual(check('甲\nXX\n乙\n', '甲\n乙\n'), [{ start: 2, end: 5, text: '' }]);
    // More changed lines than the line diff searches: lines are paired by position.
    const many = '村”两委”\n'.repeat(600);
    const edits = check(many, many.replaceAll('村”', '村“'));
    assert.equal(edits.length, 600);
    assert.ok(edits.every((e) => e.end - e.start === 1 && e.text === '“'));
    check('a\r\nb', 'a\nb');
    check('𠀀a', '𠀁a');
    check('', '新\n');
    check('旧\n', '');
  });

  it('turns any text into any other (property)', () => {
    const unit = fc.constantFrom('a', 'b', '一', '（', '“', '”', '\n', '\r\n', '\r', '𠀀', '𠀁', ' ');
    const text = fc.array(unit, { maxLength: 40 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, text, (a, b) => {
        check(a, b);
      }),
      { numRuns: 500 },
    );
  });
});
