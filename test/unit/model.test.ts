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
    ['三，存在问题', 1, 3, '三、', false],
    ['四 下一步打算', 1, 4, '四、', false],
    ['二：亮点工作', 1, 2, '二、', false],
  ];
  for (const [text, level, value, canonical, standard] of cases) {
    it(`${text} is level ${level}, ordinal ${value}${standard ? '' : `, should be ${canonical}`}`, () => {
      const m = matchMarker(text, 0);
      assert.ok(m);
      assert.deepEqual([m.level, m.value, m.canonical, m.standard], [level, value, canonical, standard]);
    });
  }
  for (const text of ['1.3亿元', '2023.7月', '2023年', '一是', '（扩大）会议', '第一，', '10.5%', '一，是指全镇', '一，二，三', '三，全年开展集中学习12次，覆盖全体党员。', '十分重要']) {
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

  it('reads a title that names another genre by its last words, before the kinds', () => {
    const kindOf = (title: string) => pick(buildReport(`${title}\n一、工作\n二、打算`));
    assert.deepEqual(kindOf('关于召开2024年度工作总结会议的通知'), ['公文', 'title']);
    assert.deepEqual(kindOf('红旗村党支部2024年党建工作实施方案'), ['工作方案', 'title']);
    assert.deepEqual(kindOf('全县党内统计公报（2024年）'), ['统计公报', 'title']);
    assert.deepEqual(kindOf('在全镇述职评议会议上的讲话'), ['讲话', 'title']);
    assert.deepEqual(kindOf('全县乡镇党委书记抓基层党建工作述职评议会召开'), ['会议新闻', 'title']);
    assert.deepEqual(kindOf('县委组织部召开党组织书记抓基层党建工作述职评议会'), ['会议新闻', 'title']);
    assert.deepEqual(kindOf('关于流动党员管理的调研报告'), ['调研报告', 'title']);
    assert.deepEqual(kindOf('2024年度社区党组织书记述职述廉评议会'), ['会议新闻', 'title']);
    // Twins: a title that names a report keeps its kind.
    assert.deepEqual(kindOf('在述职评议会上的述职报告'), ['述职报告', 'title']);
    assert.deepEqual(kindOf('2024年度述职述廉报告'), ['述职报告', 'title']);
    assert.deepEqual(kindOf('2024年工作总结及2025年工作计划'), ['工作总结', 'title']);
    assert.deepEqual(kindOf('2024年度抓基层党建工作述职报告（初稿）'), ['述职报告', 'title']);
    // A genre without 一、 numbering is no sign of a report; with it, the document is linted.
    assert.equal(buildReport('某局召开述职评议会\n会上，各支部书记依次述职。').isReport, false);
    assert.equal(buildReport('某局党建工作实施方案\n一、目标\n二、任务').isReport, true);
    assert.deepEqual(buildReport('某局党建工作实施方案\n一、目标\n二、任务').kind.requires, []);
  });

  it('reads a genre named before a title colon, in a dash subtitle or by the opening lines', () => {
    const kindOf = (text: string) => pick(buildReport(text));
    assert.deepEqual(kindOf('专题党课：以严的基调抓作风\n一、缘起\n二、要求'), ['党课', 'title']);
    assert.deepEqual(kindOf('学习心得：守初心 担使命\n一、体会'), ['心得体会', 'title']);
    assert.deepEqual(kindOf('某某：奋进新征程\n——学习全会精神体会\n一、体会'), ['心得体会', 'title']);
    // The subtitle is the line after the title, whatever trails the title on its own line.
    assert.deepEqual(kindOf('# 奋进新征程 #\n——学习全会精神体会\n一、体会'), ['心得体会', 'title']);
    assert.deepEqual(kindOf('同志们：\n今天召开述职会议。\n一、成绩'), ['讲话', 'preamble']);
    assert.deepEqual(kindOf('奋进新征程\n今天我给大家上一堂党课。\n一、缘起'), ['党课', 'preamble']);
    assert.deepEqual(kindOf('为做好这项工作，具体任务如下：\n一、准备'), ['工作方案', 'preamble']);
    // Twins: a kind named by the preamble comes first; a name before a colon that is no genre.
    assert.deepEqual(kindOf('各位领导、同志们：\n现将本人履职情况述职如下。\n一、履职'), ['述职报告', 'preamble']);
    assert.deepEqual(kindOf('红旗村：2024年党建工作总结\n一、工作'), ['工作总结', 'title']);
    assert.deepEqual(kindOf('落实巡察整改意见：2024年整改工作总结\n一、工作'), ['工作总结', 'title']);
    assert.deepEqual(kindOf('这次主题教育中，书记上了专题党课。\n一、工作'), ['工作总结', 'default']);
    assert.deepEqual(kindOf('同志们：\n我们今天召开述职会议，我对各位书记的述职是满意的。\n一、成绩'), ['讲话', 'preamble']);
    assert.deepEqual(kindOf('全年讲党课4次，学习12次。\n一、工作'), ['工作总结', 'default']);
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

describe('report model: headings in context', () => {
  it('reads a top-level number written in another shape as 一、 where the top-level run continues', () => {
    const r = buildReport('工作总结\n一、工作情况\n学习12次。\n二、亮点工作\n品牌3个。\n3、存在的问题\n一是不深。\n四、下一步打算\n一是学。\n');
    const third = r.sections.find((s) => s.heading.title.text === '存在的问题')!;
    assert.deepEqual([third.heading.marker?.level, third.heading.marker?.canonical, third.heading.marker?.standard, third.parent], [1, '三、', false, -1]);
    assert.deepEqual(r.parts.map((p) => p.id), ['work', 'work', 'problems', 'plans']);
  });

  it('keeps a number that continues its own level, and one that neither names a part nor is continued', () => {
    const own = buildReport('工作总结\n一、工作情况\n1.学习12次。\n2.讲党课4次。\n二、存在的问题\n');
    assert.deepEqual(own.sections.map((s) => s.heading.marker?.level), [1, 3, 3, 1]);
    const lone = buildReport('工作总结\n一、工作情况\n（一）抓学习\n学习12次。\n二、存在的问题\n3.学习不够深入。\n三、下一步打算\n');
    assert.deepEqual(lone.sections.map((s) => s.heading.marker?.level), [1, 2, 1, 3, 1]);
    const before = buildReport('工作总结\n一、上半年工作\n1.学习12次。\n2.讲党课4次。\n（二）存在问题\n不够深入。\n二、下半年计划\n');
    assert.deepEqual(before.sections.map((s) => s.heading.marker?.level), [1, 3, 3, 2, 1]);
  });

  it('marks numbered statements with nothing under them as items, only when all their siblings are alike', () => {
    const items = buildReport('工作总结\n二、存在的问题\n（一）组织力不强，动员还不充分。\n（二）参与率仅为62%。\n三、下一步打算\n');
    assert.deepEqual(items.headings.map((h) => h.statement), [false, true, true, false]);
    const mixed = buildReport('工作总结\n二、存在的问题\n（一）组织力不强。\n（二）参与率不高。\n全镇仅为62%。\n');
    assert.deepEqual(mixed.headings.map((h) => h.statement), [false, false, false]);
  });

  it('names a later title\'s section by its head word, not a verb\'s object', () => {
    const ids = (title: string) => {
      const r = buildReport(`工作总结\n一、工作情况\n学习12次。\n二、${title}\n一是学。\n`);
      return r.parts.filter((p) => p.section >= 0 && r.sections[p.section].heading.title.text === title).map((p) => p.id);
    };
    assert.deepEqual(ids('工作中的不足'), ['problems']);
    assert.deepEqual(ids('差距与短板'), ['problems']);
    assert.deepEqual(ids('存在的短板和弱项'), ['problems']);
    assert.deepEqual(ids('问题及原因剖析'), ['problems']);
    assert.deepEqual(ids('今后工作设想'), ['plans']);
    assert.deepEqual(ids('存在的不足及今后努力方向'), ['problems', 'plans']);
    assert.deepEqual(ids('2025年工作举措'), ['plans']);
    assert.deepEqual(ids('着力解决群众急难愁盼问题'), ['work']);
    assert.deepEqual(ids('补齐工作短板'), ['work']);
    assert.deepEqual(ids('着力解决群众反映强烈的问题'), ['work']);
    assert.deepEqual(ids('亟待解决的问题'), ['problems']);
    assert.deepEqual(ids('圆满完成年度工作计划'), ['work']);
    assert.deepEqual(ids('强化措施'), ['work']);
  });
});

function pick(r: ReturnType<typeof buildReport>): [string, string] {
  return [r.kind.id, r.kind.source];
}
