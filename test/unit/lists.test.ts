/**
 * The list grammar of the model (rules/model/lists.ts): what `report.lists` holds for each
 * construction, with UTF-16 spans. The rules' verdicts are tested by their fixtures; these
 * tests pin the shapes the rules read.
 */
import assert from 'node:assert/strict';
import type { EnumeratedList } from '../../rules/model/lists';
import { buildReport } from '../../rules/model/report';

/** The one counted list of `text`, with its items' texts read back from their spans. */
function onlyList(text: string): EnumeratedList & { written: string[] } {
  const lists = buildReport(text).lists.counted;
  assert.equal(lists.length, 1, `one counted list in ${text}`);
  return { ...lists[0], written: lists[0].items.map((i) => text.slice(i.start, i.end)) };
}

describe('report.lists: counted lists', () => {
  it('a count, an introducer and a 、-list: items, separators, introducer, count', () => {
    const text = '制定3项措施：严格考勤、强化培训、完善台账。';
    const list = onlyList(text);
    assert.equal(list.form, 'inline');
    assert.deepEqual(list.written, ['严格考勤', '强化培训', '完善台账']);
    assert.deepEqual(list.separators.map((s) => text.slice(s.start, s.end)), ['、', '、']);
    assert.equal(list.introducer?.text, '：');
    assert.equal(text.slice(list.introducer!.start, list.introducer!.end), '：');
    assert.deepEqual([list.count?.value, list.count?.measure, list.count?.noun, list.count?.side], [3, '项', '措施', 'before']);
    assert.equal(text.slice(list.count!.start, list.count!.end), '3项措施');
    assert.equal(list.open, false);
    assert.equal(list.distinct, 3);
  });

  it('a closing 等 makes the list open; the count after it has its noun', () => {
    const text = '组建突击队、先锋队等三支队伍，服务群众。';
    const list = onlyList(text);
    assert.equal(list.open, true);
    assert.equal(text.slice(list.closing!.start, list.closing!.end), '等');
    assert.deepEqual([list.count?.value, list.count?.measure, list.count?.noun, list.count?.side], [3, '支', '队伍', 'after']);
  });

  it('包括 opens a list that may name only some', () => {
    const list = onlyList('培育3个品牌，包括甲村品牌、乙村品牌。');
    assert.equal(list.open, true);
    assert.equal(list.introducer?.text, '，包括');
  });

  it('quotes and brackets stay inside their item', () => {
    const text = '落实3项制度：“学、讲、做”制度、联户（含结对、帮扶）制度、积分制度。';
    assert.deepEqual(onlyList(text).written, ['“学、讲、做”制度', '联户（含结对、帮扶）制度', '积分制度']);
  });

  it('和 in the last item is recorded as a possible separator', () => {
    const text = '明确3项任务：抓学习、抓组织和抓服务。';
    const list = onlyList(text);
    assert.equal(list.distinct, 2);
    assert.equal(text.slice(list.conjunction!.start, list.conjunction!.end), '和');
  });

  it('a slogan: its shaped items up to the comma', () => {
    const text = '围绕“三个提升”，即提升组织力、提升服务力，推动社区发展。';
    const list = onlyList(text);
    assert.deepEqual(list.written, ['提升组织力', '提升服务力']);
    assert.deepEqual([list.count?.quoted, list.count?.measure, list.count?.noun, list.count?.text], [true, '个', '提升', '“三个提升”']);
  });

  it('a run of 一是 items on the next lines, the items being their markers', () => {
    const text = '重点抓好三项工作。\n一是抓学习。\n二是抓管理。\n三是抓服务。\n';
    const list = onlyList(text);
    assert.equal(list.form, 'ordinal');
    assert.deepEqual(list.written, ['一是', '二是', '三是']);
    assert.equal(list.line, 1);
  });

  it('Markdown bullets after a count', () => {
    const list = onlyList('现从两个方面报告如下：\n\n- 学习教育\n- 组织建设\n');
    assert.equal(list.form, 'bullet');
    assert.deepEqual(list.items.map((i) => i.text), ['学习教育', '组织建设']);
  });

  it('names with digits and ordinals are no counts', () => {
    const report = buildReport('落实“三会一课”，推荐两名同志，开展第三次排查，实施三年行动。');
    assert.deepEqual(report.lists.counted, []);
  });

  it('personal names before a count of people are an open list (they may be only some)', () => {
    const [list] = buildReport('推荐张某、李某两名同志参加评选。').lists.counted;
    assert.deepEqual(list.items.map((i) => i.text), ['推荐张某', '李某']);
    assert.equal(list.open, true);
    assert.equal(list.count!.value, 2);
    // Places and posts are no personal names: a count of people does not count them.
    assert.deepEqual(buildReport('东村、西村、南村、北村两名党员参加评选。').lists.counted, []);
    assert.deepEqual(buildReport('书记、主任、委员两人参加培训。').lists.counted, []);
  });

  it('a 、-list ending at a comma may go on past it, unless the next clause sums the items up', () => {
    const [going] = buildReport('制定三项措施：整改台账、定期回访，开展督查2次。').lists.counted;
    assert.equal(going.continues, true);
    assert.equal(going.items.length, 2);
    const [ended] = buildReport('制定三项措施：整改台账、定期回访，全年整改问题12个。').lists.counted;
    assert.equal(ended.continues, false);
  });

  it('items that each end with the counted noun end at a clause without it', () => {
    const [ended] = buildReport('下设3个工作组，分别为宣传工作组、联络工作组，每个工作组配备组长1名。').lists.counted;
    assert.equal(ended.continues, false);
    assert.deepEqual(ended.items.map((i) => i.text), ['宣传工作组', '联络工作组']);
    const [going] = buildReport('下设3个工作组，分别为宣传工作组、联络工作组，保障工作组由主任牵头。').lists.counted;
    assert.equal(going.continues, true);
  });

  it('the noun before a count, and items sharing its head written once at the end', () => {
    const text = '组建巾帼志愿队4支，包括环保、助老、普法、文明劝导志愿队，定期开展服务。';
    const list = onlyList(text);
    assert.equal(list.count?.noun, '巾帼志愿队');
    assert.equal(text.slice(list.count!.start, list.count!.end), '4支');
    assert.deepEqual(list.written, ['环保', '助老', '普法', '文明劝导志愿队']);
    // The shared head closes the list, and makes 包括 name all of them.
    assert.equal(list.continues, false);
    assert.equal(list.open, false);
    // With 等 before the head the items are examples.
    assert.equal(onlyList('组建巾帼志愿队4支，包括环保、助老等志愿队。').open, true);
  });

  it('a slogan\'s list after a dash ends before a clause holding a number', () => {
    const list = onlyList('推行“三联”机制——支部联网格、党员联家庭，全年走访群众520户。');
    assert.equal(list.introducer?.text, '——');
    assert.deepEqual(list.written, ['支部联网格', '党员联家庭']);
    assert.equal(list.continues, false);
  });
});

describe('report.lists: sequence steps (list-sequence.ts)', () => {
  it('on a count\'s line, the adverbs 首先…最后 are the items, closed by 最后', () => {
    const list = onlyList('落实三项措施，首先摸清底数，其次建立台账，最后通报考核。');
    assert.equal(list.form, 'ordinal');
    assert.deepEqual(list.written, ['首先', '其次', '最后']);
    assert.equal(list.count?.value, 3);
  });

  it('a run on the line with no 最后, or with 其次 past the second step, is no list', () => {
    assert.equal(buildReport('推进两项工作，首先要统一思想，其次要压实责任。最后，全体党员表态发言。').lists.counted.length, 0);
    assert.equal(buildReport('抓好四项工作，首先摸清底数，然后建立台账，其次压实责任，最后通报考核。').lists.counted.length, 0);
  });

  it('；-clauses opened by step words are the items, a 、 or a number inside one its detail', () => {
    assert.deepEqual(onlyList('制定3项措施：首先摸清底数、建立台账；其次压实责任2次；最后通报考核。').written, ['首先摸清底数、建立台账', '其次压实责任2次', '最后通报考核']);
    assert.deepEqual(onlyList('采取两项措施：一方面摸清底数、建立台账；另一方面开展培训3次。').written, ['一方面摸清底数、建立台账', '另一方面开展培训3次']);
  });

  it('；-clauses whose last step does not close the sequence are no steps', () => {
    assert.equal(buildReport('制定3项措施：首先摸清底数、建立台账；其次压实责任2次；再次通报考核。').lists.counted.length, 0);
  });
});

describe('report.lists: 分别', () => {
  it('listed subjects and numeric values', () => {
    const text = '江南村、河西村和北山村分别发展党员2名、3名、1名。';
    const [r] = buildReport(text).lists.respectively;
    assert.deepEqual(r.subjects!.items.map((i) => i.text), ['江南村', '河西村', '北山村']);
    assert.deepEqual(r.subjects!.separators.map((s) => s.text), ['、', '和']);
    assert.deepEqual(r.values.items.map((i) => text.slice(i.start, i.end)), ['2名', '3名', '1名']);
    assert.equal(r.numeric, true);
    assert.equal(text.slice(r.start, r.end), '分别');
  });

  it('a count of subjects and named values after a pairing verb', () => {
    const text = '三个党小组分别联系东区、西区、南区。';
    const [r] = buildReport(text).lists.respectively;
    assert.equal(r.subjects, null);
    assert.equal(r.subjectCount?.value, 3);
    assert.deepEqual(r.values.items.map((i) => text.slice(i.start, i.end)), ['东区', '西区', '南区']);
    assert.equal(r.numeric, false);
  });

  it('named and counted subjects; values that are names holding numerals', () => {
    const text = '张某、李某两名委员分别联系一组、二组。';
    const [r] = buildReport(text).lists.respectively;
    assert.deepEqual(r.subjects!.items.map((i) => i.text), ['张某', '李某两名委员']);
    assert.deepEqual(r.values.items.map((i) => text.slice(i.start, i.end)), ['一组', '二组']);
    assert.equal(r.numeric, false);
    // Closed by 等, such names are only some: no values.
    assert.deepEqual(buildReport('张某、李某两名委员分别联系一组、二组等村民小组。').lists.respectively, []);
  });

  it('分别 meaning "each" has no values', () => {
    assert.deepEqual(buildReport('镇党委、镇政府分别听取了党建、经济工作汇报。').lists.respectively, []);
  });

  it('a 分别是 that introduces a count\'s list is marked announced', () => {
    const [r] = buildReport('四个支部的书记分别是张某、李某、王某、赵某。').lists.respectively;
    assert.equal(r.announced, true);
  });
});

describe('report.lists: frozen', () => {
  it('no rule can add or change a list', () => {
    const report = buildReport('制定3项措施：严格考勤、强化培训、完善台账。江南村、河西村分别发展党员2名、3名。');
    assert.throws(() => (report.lists.counted as EnumeratedList[]).pop(), TypeError);
    assert.throws(() => (report.lists.respectively as unknown[]).push(1), TypeError);
    assert.ok(Object.isFrozen(report.lists.counted[0].items[0]), 'deeply, under test (PARTY_REPORT_FREEZE=deep)');
  });
});
