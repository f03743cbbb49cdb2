import assert from 'node:assert/strict';
import { LineTable } from '../../rules/model/lines';
import { findOrdinals, lineHead, matchMarker } from '../../rules/model/markers';
import { lint } from '../../rules/engine/lint';
import { buildReport } from '../../rules/model/report';
import type { Rule } from '../../rules/types';
import { itShared, readSeeds } from '../support/paths';

describe('structural markers (GB/T 9704-2012 7.3.3)', () => {
  const cases: [string, number, number, string, boolean][] = [
    ['一、工作', 1, 1, '一、', true],
    ['十二、工作', 1, 12, '十二、', true],
    ['二.工作', 1, 2, '二、', false],
    ['（三）工作', 2, 3, '（三）', true],
    ['(三)工作', 2, 3, '（三）', false],
    ['（三）、工作', 2, 3, '（三）', false],
    ['4.工作', 3, 4, '4.', true],
    ['4．工作', 3, 4, '4．', true],
    ['4、工作', 3, 4, '4.', false],
    ['（5）工作', 4, 5, '（5）', true],
    ['(5)工作', 4, 5, '（5）', false],
  ];
  for (const [text, level, value, canonical, standard] of cases) {
    it(`${text} is level ${level}, ordinal ${value}${standard ? '' : `, should be ${canonical}`}`, () => {
      const m = matchMarker(text, 0);
      assert.ok(m);
      assert.deepEqual([m.level, m.value, m.canonical, m.standard], [level, value, canonical, standard]);
    });
  }
  for (const text of ['1.3亿元', '2023.7月', '2023年', '一是', '（扩大）会议', '第一，', '10.5%']) {
    it(`${text} is no structural number`, () => assert.equal(matchMarker(text, 0), null));
  }

  it('finds the line head past indentation, #s, bold and scraping residue', () => {
    for (const line of ['　一、', '## 一、', '**一、', '##paidbegin##一、', '  ##x## 一、']) {
      assert.equal(line.slice(lineHead(line, 0, line.length)), '一、', line);
    }
  });

  it('finds 一是 items only at clause boundaries', () => {
    const text = '主要原因：一是责任不实。二是统一是关键，唯一是它；三是不够。';
    assert.deepEqual(findOrdinals(text, 0, text.length).map((o) => o.text), ['一是', '二是', '三是']);
  });
});

describe('line table', () => {
  it('counts \\n, \\r\\n and \\r line ends and maps offsets both ways', () => {
    const lines = new LineTable('a\r\nbb\rc\nd');
    assert.equal(lines.count, 4);
    assert.deepEqual([0, 1, 2, 3].map((l) => lines.lineText(l)), ['a', 'bb', 'c', 'd']);
    assert.deepEqual(lines.position(3), { line: 1, character: 0 });
    assert.deepEqual(lines.position(9), { line: 3, character: 1 });
  });
});

describe('report model', () => {
  it('builds the section tree from plain lines, with run-in headings and items', () => {
    const r = buildReport('工作总结\n一、工作情况\n（一）抓学习，强基础。一是学。二是做。\n（二）抓阵地\n1.建站\n二、存在的问题\n');
    const shape = r.sections.map((s) => [s.heading.marker?.text, s.heading.title.text, s.parent, s.heading.runIn]);
    assert.deepEqual(shape, [
      ['一、', '工作情况', -1, false],
      ['（一）', '抓学习，强基础。', 0, true],
      ['（二）', '抓阵地', 0, false],
      ['1.', '建站', 2, false],
      ['二、', '存在的问题', -1, false],
    ]);
    assert.deepEqual(r.items.map((i) => [i.text, i.section]), [['一是', 1], ['二是', 1]]);
    assert.equal(r.title?.text, '工作总结');
  });

  it('nests numbered lines under Markdown headings and takes a lone # title as the root', () => {
    const r = buildReport('# 2024年工作总结\n\n## 一、工作情况\n\n（一）学习\n\n## 二、存在的问题\n');
    assert.deepEqual(r.topSections.map((i) => r.sections[i].heading.title.text), ['工作情况', '存在的问题']);
    assert.equal(r.sections[2].parent, 1);
  });

  it('ignores numbers inside code blocks and tables', () => {
    const r = buildReport('一、甲\n\n```\n三、代码\n```\n\n| 一、表 |\n| --- |\n| 二、格 |\n');
    assert.deepEqual(r.sections.map((s) => s.heading.marker?.text), ['一、']);
  });

  it('ends a table where GFM swallowed the pasted lines after it (rows with no |)', () => {
    const r = buildReport('一、工作\n| 项目 | 人数 |\n| --- | --- |\n| 合计 | 3 |\n二、存在的问题\n三、下一步打算\n');
    assert.deepEqual(r.sections.map((s) => s.heading.marker?.text), ['一、', '二、', '三、']);
  });

  it('infers the kind from front matter, title, preamble, else the default', () => {
    assert.deepEqual(pick(buildReport('---\n报告类型: 述职报告\n---\n正文')), ['述职报告', 'frontmatter']);
    assert.deepEqual(pick(buildReport('2024年度党建工作总结\n一、工作')), ['工作总结', 'title']);
    assert.deepEqual(pick(buildReport('现将本人履职情况报告如下：\n一、工作')), ['述职报告', 'preamble']);
    assert.deepEqual(pick(buildReport('一、工作')), ['工作总结', 'default']);
    assert.deepEqual(pick(buildReport('一、工作', { kind: '述职报告' })), ['述职报告', 'config']);
  });

  it('knows a report from other Markdown', () => {
    assert.equal(buildReport('# Notes\n\nhello').isReport, false);
    assert.equal(buildReport('一、工作情况\n二、存在的问题').isReport, true);
  });

  it('is frozen, so rules cannot change what other rules see', () => {
    const r = buildReport('一、工作\n');
    assert.throws(() => {
      (r.sections as unknown as unknown[]).push(1);
    }, TypeError);
    assert.ok(Object.isFrozen(r.sections[0].heading.marker), 'deeply, under test (PARTY_REPORT_FREEZE=deep)');
    assert.ok(Object.isFrozen(r.tree), 'the tree root');
  });

  it('fails a rule that writes to the report, under test', () => {
    const writer: Rule = {
      id: 'writer',
      meta: { family: 'numbers', severity: 'warning', fixable: false, description: { 'zh-CN': '写', en: 'writes' }, messages: {} },
      check(report) {
        (report.quantities[0] as { value: number }).value = 0;
        return [];
      },
    };
    const result = lint('共有党员17名。', { rules: [writer] });
    assert.equal(result.failures.length, 1);
    assert.ok(result.failures[0].error instanceof TypeError);
  });

  itShared('reads every seed: residue lines still numbered, parts recognised', () => {
    const parts = readSeeds().map((s) => [...new Set(buildReport(s.text).parts.map((p) => p.id))]);
    assert.deepEqual(parts, [
      ['work', 'plans'],
      ['work', 'problems', 'plans'],
      ['work', 'problems', 'plans'],
      ['work', 'plans'],
      ['work', 'plans'],
    ]);
    const seed003 = buildReport(readSeeds()[3].text);
    assert.equal(seed003.sections.find((s) => s.heading.line === 6)?.heading.marker?.text, '（二）');
  });
});

function pick(r: ReturnType<typeof buildReport>): [string, string] {
  return [r.kind.id, r.kind.source];
}
