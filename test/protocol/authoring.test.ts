/**
 * Authoring help against the spawned server: completion (next structural numbers, the
 * missing section, skeletons in an empty document, formulations after “), nothing in
 * prose; the quick fix inserting a missing section; folding ranges from the section tree;
 * hover on a structural number; and the two requests behind the client's commands
 * (partyReport/templates, partyReport/sectionInsertions). Seeds are read by path.
 */
import assert from 'node:assert/strict';
import {
  type CodeAction,
  CodeActionRequest,
  type CompletionItem,
  type CompletionList,
  CompletionRequest,
  type Diagnostic,
  DocumentDiagnosticRequest,
  FoldingRangeRequest,
  type FullDocumentDiagnosticReport,
  HoverRequest,
  type MarkupContent,
  type Position,
  type TextDocumentEdit,
  type TextEdit,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { renderSkeleton } from '../../rules/authoring/render';
import { templates } from '../../rules/data/templates';
import { lint } from '../../rules/engine/lint';
import { rules } from '../../rules/index';
import type { SectionInsertionsResult, TemplatesResult } from '../../server/lsp/requests';
import { itShared, readSeeds } from '../support/paths';
import { expandSnippet } from '../support/snippets';
import { TestClient, withTimeout } from './harness';

const seeds = new Map(readSeeds().map((s) => [s.id, s.text]));
const STRUCTURE = rules.filter((r) => r.meta.family === 'structure').map((r) => r.id);
const YEAR = String(new Date().getFullYear());

let counter = 0;
const uniqueUri = (name: string) => `untitled:party-report-authoring-${++counter}-${name}`;

/** `text` with an empty line inserted before 0-based `line`. */
function blankLineAt(text: string, line: number): string {
  const lines = text.split('\n');
  lines.splice(line, 0, '');
  return lines.join('\n');
}

/** Findings of `ids` on `text`, as `rule: message` lines. */
function findings(text: string, ids: readonly string[]): string[] {
  return lint(text)
    .findings.filter((f) => ids.includes(f.ruleId))
    .map((f) => `${f.ruleId}: ${f.message}`);
}

/** Accepts a completion item as an editor does: its main edit (a snippet expanded with its defaults) and the additional edits. */
function accept(text: string, item: CompletionItem): string {
  const main = item.textEdit as TextEdit;
  assert.ok(main && 'range' in main, `item ${item.label} has no textEdit`);
  const newText = item.insertTextFormat === 2 ? expandSnippet(main.newText, { CURRENT_YEAR: YEAR }) : main.newText;
  const document = TextDocument.create('untitled:x', 'markdown', 1, text);
  return TextDocument.applyEdits(document, [{ range: main.range, newText }, ...(item.additionalTextEdits ?? [])]);
}

/** Applies an action's one versioned edit, checking it names `version`. */
function applyAction(text: string, action: CodeAction, uri: string, version: number): string {
  const changes = action.edit?.documentChanges;
  assert.ok(changes && changes.length === 1, `expected one documentChange in ${JSON.stringify(action.edit)}`);
  const change = changes[0] as TextDocumentEdit;
  assert.equal(change.textDocument.uri, uri);
  assert.equal(change.textDocument.version, version);
  return TextDocument.applyEdits(TextDocument.create(uri, 'markdown', version, text), change.edits as TextEdit[]);
}

describe('language server: authoring help', function () {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start({ pull: true });
  });
  after(async () => {
    await client?.dispose();
  });

  const complete = async (uri: string, position: Position, triggerCharacter?: string): Promise<CompletionItem[]> => {
    const result = await withTimeout(
      client.conn.sendRequest(CompletionRequest.type, {
        textDocument: { uri },
        position,
        context: triggerCharacter ? { triggerKind: 2, triggerCharacter } : { triggerKind: 1 },
      }),
      'textDocument/completion',
    );
    if (!result) return [];
    return Array.isArray(result) ? result : (result as CompletionList).items;
  };
  const labels = (items: CompletionItem[]) => items.map((i) => i.label);
  const open = async (name: string, text: string, version = 1) => {
    const uri = uniqueUri(name);
    await client.open(uri, text, version);
    return uri;
  };
  const pull = async (uri: string): Promise<Diagnostic[]> =>
    ((await withTimeout(client.conn.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } }), 'diagnostic')) as FullDocumentDiagnosticReport).items;

  it('advertises completion (triggered by “ and （) and folding ranges', () => {
    const caps = client.initializeResult!.capabilities;
    assert.deepEqual(caps.completionProvider?.triggerCharacters, ['“', '（']);
    assert.equal(caps.foldingRangeProvider, true);
  });

  describe('completion at a line start', () => {
    itShared('seed 000, a new line after 五是…: 六是 first (preselected), then 1. — （三） and 二、 already follow', async () => {
      const uri = await open('000-items.md', blankLineAt(seeds.get('000')!, 11));
      const items = await complete(uri, { line: 11, character: 0 });
      assert.deepEqual(labels(items), ['六是', '1.']);
      assert.equal(items[0].preselect, true);
      assert.match(items[0].detail!, /序数项，接“五是”/);
    });

    itShared('seed 000, a new line at the end of 一、: the missing 存在的问题 as 二、 with its 一是/二是/三是, renumbering 二、下半年工作计划 to 三、', async () => {
      const text = blankLineAt(seeds.get('000')!, 17);
      const uri = await open('000-missing.md', text);
      const items = await complete(uri, { line: 17, character: 0 });
      assert.deepEqual(labels(items), ['二、存在的问题和不足', '五是', '（四）', '1.']);
      const section = items[0];
      assert.equal(section.insertTextFormat, 2, 'a snippet');
      assert.match((section.textEdit as TextEdit).newText, /^二、\$\{1\|存在的问题和不足,存在的主要问题\|\}\n一是\$\{2:【待补充：具体问题及表现】\}。\n二是/);
      assert.deepEqual(section.additionalTextEdits, [{ range: { start: { line: 18, character: 0 }, end: { line: 18, character: 1 } }, newText: '三' }]);
      assert.match((section.documentation as MarkupContent).value, /“二、”改为“三、”/);
      const after = accept(text, section);
      assert.deepEqual(findings(after, ['required-sections', 'numbering-sequence']), []);
      assert.match(after, /\n二、存在的问题和不足\n一是【待补充：具体问题及表现】。\n二是【待补充：具体问题及表现】。\n三是【待补充：具体问题及表现】。\n三、下半年工作计划\n/);
    });

    itShared('seed 003 ends with a 展望2024年… paragraph standing for its plans: the missing 存在的问题 is offered as 四、 on a new line before it, not after it', async () => {
      const seed = seeds.get('003')!;
      const closing = seed.split('\n').findIndex((l) => l.startsWith('踔厉奋发'));
      const text = blankLineAt(seed, closing);
      const uri = await open('003-before-plans.md', text);
      const items = await complete(uri, { line: closing, character: 0 });
      assert.equal(items[0].label, '四、存在的主要问题及原因', '述职报告: its template’s default title');
      const after = accept(text, items[0]);
      assert.deepEqual(findings(after, ['required-sections', 'numbering-sequence', 'section-order']), []);
      const end = `${seed}\n`;
      const uriEnd = await open('003-end.md', end);
      const atEnd = await complete(uriEnd, { line: end.split('\n').length - 1, character: 0 });
      assert.ok(!atEnd.some((i) => i.insertTextFormat === 2), `after the plans: ${labels(atEnd).join(' ')}`);
    });

    itShared('seed 001 (complete) offers no section at its end', async () => {
      const seed001 = `${seeds.get('001')!}\n`;
      const uri001 = await open('001-end.md', seed001);
      const items001 = await complete(uri001, { line: seed001.split('\n').length - 1, character: 0 });
      assert.ok(items001.length > 0);
      assert.ok(!items001.some((i) => i.insertTextFormat === 2), `no section snippet: ${labels(items001).join(' ')}`);
    });

    it('a fixture of our own: after 二、… offers 三、; inside （二） offers （三）; a typed （ is replaced and filtered on', async () => {
      const text = ['某镇2024年党建工作总结', '一、主要工作及成效', '（一）抓班子建设', '全年召开会议12次。', '（二）抓阵地建设', '新建活动室2个。', '', '二、存在的问题和不足', '学习不够深入。', '', '三、下一步工作计划', '一是深化学习。', ''].join('\n');
      const uri = await open('own.md', text);
      assert.deepEqual(labels(await complete(uri, { line: 6, character: 0 })), ['（三）', '1.']);
      assert.deepEqual(labels(await complete(uri, { line: 9, character: 0 })), ['（一）']);
      assert.deepEqual(labels(await complete(uri, { line: 12, character: 0 })), ['二是', '四、', '（一）']);
      const typed = ['某镇2024年党建工作总结', '一、主要工作及成效', '（一）抓班子建设', '全年召开会议12次。', '（'].join('\n');
      const uri2 = await open('typed.md', typed);
      const items = await complete(uri2, { line: 4, character: 1 }, '（');
      assert.equal(items[0].label, '（二）');
      assert.deepEqual((items[0].textEdit as TextEdit).range, { start: { line: 4, character: 0 }, end: { line: 4, character: 1 } });
    });

    it('offers nothing inside prose, in code, mid-line after （, or in Markdown that is not a report', async () => {
      const text = ['某镇2024年党建工作总结', '一、主要工作及成效', '全年召开会议12次（含扩大会议）。', '```', '', '```', ''].join('\n');
      const uri = await open('quiet.md', text);
      assert.deepEqual(await complete(uri, { line: 2, character: 4 }), []);
      assert.deepEqual(await complete(uri, { line: 2, character: 10 }, '（'), []);
      assert.deepEqual(await complete(uri, { line: 4, character: 0 }), []);
      const notes = await open('notes.md', '# 会议记录\n\n今天讨论了活动室的布置方案。\n\n一是\n\n');
      assert.deepEqual(await complete(notes, { line: 5, character: 0 }), []);
    });
  });

  describe('completion of whole skeletons', () => {
    it('an empty Markdown document gets every template, each of which lints with no structure finding', async () => {
      const uri = await open('empty.md', '');
      const items = await complete(uri, { line: 0, character: 0 });
      assert.deepEqual(labels(items), templates.templates.map((t) => t.name));
      for (const item of items) {
        assert.equal(item.insertTextFormat, 2);
        const text = accept('', item);
        assert.deepEqual(findings(text, STRUCTURE), [], `${item.label}\n${text}`);
      }
    });

    it('a nearly empty one (front matter, a short line) too, the declared kind first; a started report does not', async () => {
      const uri = await open('frontmatter.md', '---\n报告类型: 专项工作汇报\n---\n\n专项\n');
      const items = await complete(uri, { line: 4, character: 2 });
      assert.equal(items[0].label, '专项工作汇报');
      assert.deepEqual((items[0].textEdit as TextEdit).range, { start: { line: 4, character: 0 }, end: { line: 4, character: 2 } });
      // A title and a preamble make a report: its first missing section, not a skeleton.
      const started = await open('started.md', '某镇2024年党建工作总结\n现将全年工作总结如下：\n\n');
      assert.equal(labels(await complete(started, { line: 2, character: 0 }))[0], '一、主要工作及成效');
    });
  });

  describe('completion after “', () => {
    const line = '深入学习贯彻习近平新时代中国特色社会主义思想，树牢“';
    it('offers the dictionary’s formulations, closed with ”', async () => {
      const text = `某镇2024年党建工作总结\n一、主要工作及成效\n${line}\n`;
      const uri = await open('quote.md', text);
      const items = await complete(uri, { line: 2, character: line.length }, '“');
      const sure = items.find((i) => i.label === '四个意识');
      assert.ok(sure, `no 四个意识 in ${labels(items).join(' ')}`);
      assert.equal((sure.textEdit as TextEdit).newText, '四个意识”');
      assert.match((sure.documentation as MarkupContent).value, /出处：《中国共产党章程》/);
      assert.equal(accept(text, sure).split('\n')[2], `${line}四个意识”`);
      // A formulation that carries its own quotes replaces the typed “.
      const qiyi = items.find((i) => i.label === '“七一”重要讲话精神')!;
      assert.equal(accept(text, qiyi).split('\n')[2], `${line.slice(0, -1)}“七一”重要讲话精神`);
    });

    it('uses a ” already there (an input method types the pair) instead of adding another', async () => {
      const text = `某镇2024年党建工作总结\n一、主要工作及成效\n落实“两个”要求\n`;
      const uri = await open('pair.md', text);
      const items = await complete(uri, { line: 2, character: 5 }, '“');
      const item = items.find((i) => i.label === '两个确立')!;
      assert.equal(accept(text, item).split('\n')[2], '落实“两个确立”要求');
    });

    it('offers nothing after a closed quotation or a long run of text', async () => {
      const text = '某镇2024年党建工作总结\n一、主要工作及成效\n开展“三会一课”活动，落实“第一议题”制度和其他各项学习制度要求\n';
      const uri = await open('closed.md', text);
      assert.deepEqual(await complete(uri, { line: 2, character: 12 }), []);
      assert.deepEqual(await complete(uri, { line: 2, character: 34 }), []);
    });
  });

  describe('inserting a missing section', () => {
    itShared('seed 000: the quick fix on required-sections inserts 二、存在的问题… and renumbers 二、 to 三、 in one versioned edit; then required-sections and numbering-sequence are quiet', async () => {
      const seed = seeds.get('000')!;
      const uri = await open('000-fix.md', seed, 4);
      const diagnostic = (await pull(uri)).find((d) => d.code === 'required-sections');
      assert.ok(diagnostic);
      const actions = (await withTimeout(
        client.conn.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } }),
        'codeAction',
      )) as CodeAction[];
      const insert = actions.find((a) => a.title === '插入缺少的章节“存在的问题”');
      assert.ok(insert, `actions: ${actions.map((a) => a.title).join(' | ')}`);
      assert.equal(insert.isPreferred, true);
      const after = applyAction(seed, insert, uri, 4);
      assert.deepEqual(findings(after, ['required-sections', 'numbering-sequence']), []);
      assert.match(after, /\n二、存在的问题和不足\n一是【待补充：具体问题及表现】。\n二是【待补充：具体问题及表现】。\n三是【待补充：具体问题及表现】。\n三、下半年工作计划\n/);
      await client.change(uri, 5, [{ text: after }]);
      assert.ok(!(await pull(uri)).some((d) => d.code === 'required-sections' || d.code === 'numbering-sequence'));
    });

    it('a duty report lacking two: one action each and one for both, which leaves the structure rules quiet', async () => {
      const text = '关于2024年度抓基层党建工作的述职报告\n现将本人履行基层党建第一责任人职责情况报告如下：\n一、履职情况\n（一）抓理论武装。全年开展集中学习12次。\n';
      const uri = await open('duty-fix.md', text);
      const diagnostic = (await pull(uri)).find((d) => d.code === 'required-sections')!;
      const actions = (await client.conn.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } })) as CodeAction[];
      const titles = actions.map((a) => a.title);
      assert.ok(titles.includes('插入缺少的章节“存在的问题”'), titles.join(' | '));
      assert.ok(titles.includes('插入缺少的章节“下一步工作计划”'), titles.join(' | '));
      assert.ok(!actions.some((a) => a.isPreferred && a.title.startsWith('插入')), 'with two missing, neither is preferred');
      const all = actions.find((a) => a.title === '插入全部缺少的章节（存在的问题、下一步工作计划）');
      assert.ok(all, titles.join(' | '));
      const after = applyAction(text, all, uri, 1);
      assert.deepEqual(findings(after, STRUCTURE), []);
      assert.deepEqual(after.split('\n').filter((l) => /^[一二三四]、/.test(l)), ['一、履职情况', '二、存在的主要问题及原因', '三、下一步工作打算']);
    });

    itShared('partyReport/sectionInsertions: the same insertion for the 插入章节 command, with the new title to select', async () => {
      const seed = seeds.get('000')!;
      const uri = await open('000-command.md', seed, 3);
      const result = (await withTimeout(client.conn.sendRequest('partyReport/sectionInsertions', { textDocument: { uri } }), 'sectionInsertions')) as SectionInsertionsResult;
      assert.deepEqual(result.items.map((i) => [i.part, i.label, i.required]), [['problems', '存在的问题', true]]);
      const [item] = result.items;
      assert.match(item.detail, /插入为“二、存在的问题和不足”；其后章节顺延：“二、”改为“三、”/);
      const after = applyAction(seed, { title: '', edit: item.edit }, uri, 3);
      const doc = TextDocument.create(uri, 'markdown', 4, after);
      assert.equal(doc.getText(item.selection), '存在的问题和不足');
      const none = (await client.conn.sendRequest('partyReport/sectionInsertions', { textDocument: { uri: 'untitled:not-open' } })) as SectionInsertionsResult;
      assert.deepEqual(none.items, []);
    });
  });

  it('partyReport/templates: every template as a snippet and as text; the snippet with its defaults is the text, which lints with no structure finding', async () => {
    const result = (await withTimeout(client.conn.sendRequest('partyReport/templates', {}), 'templates')) as TemplatesResult;
    assert.deepEqual(result.templates.map((t) => t.id), templates.templates.map((t) => t.id));
    for (const t of result.templates) {
      assert.equal(expandSnippet(t.snippet), t.text);
      assert.equal(t.text, renderSkeleton(templates.templates.find((x) => x.id === t.id)!, { mode: 'plain' }).text);
      assert.deepEqual(findings(t.text, STRUCTURE), [], t.label);
    }
    assert.match(result.templates[0].text, new RegExp(`${YEAR}年度抓基层党建工作述职报告`), 'the year defaults to this year');
  });

  itShared('folds seed 003 by its 一、 and （一） sections (no # headings)', async () => {
    const uri = await open('003-fold.md', seeds.get('003')!);
    const ranges = (await withTimeout(client.conn.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } }), 'foldingRange')) ?? [];
    const pairs = ranges.map((r) => [r.startLine, r.endLine]);
    assert.deepEqual(pairs.slice(0, 3), [[2, 11], [4, 5], [6, 7]]);
    assert.ok(pairs.some(([s, e]) => s === 26 && e === 35), JSON.stringify(pairs));
    for (const r of ranges) assert.ok(r.endLine > r.startLine);
  });

  it('hovers a structural number with its level, the four levels, and the standard form of a non-standard one', async () => {
    const text = '某镇2024年党建工作总结\n一、主要工作及成效\n(一)抓班子建设\n全年召开会议12次。\n二、存在的问题\n学习不够深入。\n三、下一步工作计划\n一是深化学习。\n';
    const uri = await open('hover.md', text);
    const hover = async (line: number, character: number) =>
      withTimeout(client.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line, character } }), 'hover');
    const top = await hover(1, 0);
    assert.ok(top);
    assert.deepEqual(top.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 2 } }, 'over the number, the number’s range');
    const value = (top.contents as MarkupContent).value;
    assert.match(value, /\*\*一级标题\*\*（`一、`，GB\/T 9704—2012 7\.3\.3）/);
    assert.match(value, /结构层次序数：\*\*`一、`\*\* › `（一）` › `1\.` › `（1）`/);
    const second = (await hover(2, 1))!;
    assert.match((second.contents as MarkupContent).value, /\*\*二级标题\*\*/);
    assert.match((second.contents as MarkupContent).value, /此处写作“\(一\)”，规范写法为“（一）”/);
    const title = (await hover(1, 4))!;
    assert.deepEqual(title.range!.start, { line: 1, character: 0 });
    assert.deepEqual(title.range!.end, { line: 1, character: 9 }, 'over the words, the heading’s range');
  });
});
