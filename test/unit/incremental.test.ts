/**
 * The incremental path (rules/model/incremental.ts) against a full parse and a full lint:
 * random edits — inserts and deletes inside and across sections, in tables, lists, fences,
 * quotes and front matter, splitting surrogate pairs, adding blank lines, `#`, `|`, fences
 * and `---` — applied to the seeds, the fixtures and a generated long report. The tree must
 * be the full parse's, node for node and position for position, and the lint the full
 * lint's, finding for finding (fixes, related, checks).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { lint } from '../../rules/engine/lint';
import { changedRange, reparseMarkdown } from '../../rules/model/incremental';
import { parseMarkdown } from '../../rules/model/parse';
import { forgetLineMemos } from '../../rules/model/line-memo';
import type { Root } from 'mdast';
import { FIXTURES, readSeeds } from '../support/paths';

/** One section of a made-up report, with the Markdown constructions an edit may break. */
function section(n: number): string {
  const numerals = '一二三四五六七八九十';
  const h = numerals[n % 10];
  return [
    `## ${h}、第${n + 1}项工作情况`,
    '',
    `（一）加强组织建设。一是规范支部活动，全年开展主题党日${n + 3}次；二是发展党员${n + 1}名😀。`,
    '',
    '| 项目 | 数量 |',
    '| --- | ---: |',
    `| 学习 | ${n + 2} |`,
    `| 合计 | ${n + 2} |`,
    '',
    '- 第一条措施',
    '- 第二条措施',
    '',
    '  续行，属于上一条',
    '',
    '> 引用的一段话，',
    '继续引用。',
    '',
    '```text',
    `代码 ${n}`,
    '',
    '```',
    '',
    '<!-- 备注 -->',
    '',
    '    缩进的代码',
    '',
    `小结第${n + 1}段`,
    '-----',
    '',
    '共有党员120名，其中正式党员100名、预备党员20名。',
    '',
    // Numbered statements (items, not headings: outline.ts), which an edit may turn back into headings.
    '（一）部分党组织统筹能力不强。',
    '（二）学习形式较为单一。',
    '',
  ].join('\n');
}

/** A long report of our own: front matter, a title, sections with every construction above. */
function longReport(sections: number): string {
  const parts = ['---', '报告类型: 工作总结', '---', '', '# 某支部2026年党建工作总结', ''];
  for (let n = 0; n < sections; n++) parts.push(section(n));
  return parts.join('\n');
}

const fixtureTexts = readdirSync(FIXTURES).flatMap((dir) =>
  readdirSync(join(FIXTURES, dir))
    .filter((f) => f.endsWith('.md'))
    .map((f) => readFileSync(join(FIXTURES, dir, f), 'utf8')),
);
const seedTexts = readSeeds().map((s) => s.text);
// Fixtures and pieces of the seeds joined as one document with blank lines between, so
// edits have blocks to skip (a seed alone is one paragraph to remark). A fixture with a `]:`
// in it would make every edit of the joined text a full parse: it is tried alone.
const joined = [fixtureTexts.filter((t) => !t.includes(']:')).join('\n\n').slice(0, 6000), ...seedTexts.map((t) => t.slice(0, 1200))].join('\n\n');
const others = [...fixtureTexts.filter((t) => t.length > 400).slice(0, 8), ...fixtureTexts.filter((t) => t.includes(']:')), ...seedTexts];
const long = longReport(10);
const documents = fc.oneof({ weight: 4, arbitrary: fc.constant(long) }, { weight: 4, arbitrary: fc.constant(joined) }, { weight: 2, arbitrary: fc.constantFrom(...others) });

const inserts = [
  '', '\n', '\n\n', '#', '# ', '## 三、新的一节\n', '|', '| a | b |\n| - | - |\n', '```', '```\n', '~~~\n', '---', '---\n',
  '- ', '1. ', '> ', '    ', '\t', '<!--', '-->', '<div>\n', '😀', '\ud83d', '\ude00', '一、', '（二）', '党', '。', '=', '===\n',
  '*', '**', '[x]', 'a\nb\n\nc', '  ', '1) ', '+ ', '<!-- x -->\n',
];

const edit = (text: string) =>
  fc.record({
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    // Mostly short deletes; sometimes across a section or more.
    remove: fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 0, max: 8 }) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 3000 }) }),
    insert: fc.oneof(
      { weight: 8, arbitrary: fc.constantFrom(...inserts) },
      { weight: 2, arbitrary: fc.string({ maxLength: 6 }) },
      // What makes the whole text unsafe to splice: seldom, so most edits take the short path.
      { weight: 1, arbitrary: fc.constantFrom(']:', '[^1]: 注\n', '\r\n', '\uFEFF') },
    ),
  }).map(({ at, remove, insert }) => {
    const start = Math.floor(at * text.length);
    const end = Math.min(text.length, start + remove);
    return text.slice(0, start) + insert + text.slice(end);
  });

/** A document and a sequence of three edits of it, each applied to the text before it. */
const scenario = documents
  .chain((text) => fc.tuple(fc.constant(text), edit(text)))
  .chain(([text, once]) => fc.tuple(fc.constant(text), fc.constant(once), edit(once)))
  .chain(([text, once, twice]) => fc.tuple(fc.constant(text), fc.constant(once), fc.constant(twice), edit(twice)));

/** The base documents' trees, parsed once (reparseMarkdown never changes the tree it is given). */
const baseTrees = new Map<string, Root>();
const baseTree = (text: string) => baseTrees.get(text) ?? baseTrees.set(text, parseMarkdown(text)).get(text)!;

/**
 * Scenarios per property: a few hundred in `npm test` (each edit costs a full parse to compare
 * with); `PARTY_REPORT_INCREMENTAL_RUNS=5000` for a long run. A failure is replayed with
 * `INCR_SEED` and `INCR_PATH` set to the seed and path fast-check prints.
 */
const RUNS = Number(process.env.PARTY_REPORT_INCREMENTAL_RUNS) || 0;

describe('incremental re-parse and re-lint', function () {
  this.timeout(RUNS ? 0 : 120000);

  it('finds the changed range by common prefix and suffix', () => {
    assert.deepEqual(changedRange('abcdef', 'abXYef'), { start: 2, oldEnd: 4, newEnd: 4 });
    assert.deepEqual(changedRange('aaa', 'aaaa'), { start: 3, oldEnd: 3, newEnd: 4 });
    assert.equal(changedRange('same', 'same'), null);
  });

  it('re-parses a touched block alone, and the whole text where the edit is not safe to splice', () => {
    const text = longReport(12);
    const previous = { text, tree: parseMarkdown(text) };
    const at = text.indexOf('发展党员7名');
    const typed = text.slice(0, at) + '新' + text.slice(at);
    const { tree, outcome } = reparseMarkdown(previous, typed);
    assert.equal(outcome.incremental, true);
    assert.ok(outcome.incremental && outcome.to - outcome.from < text.length / 10, 'a small region');
    assert.deepStrictEqual(tree, parseMarkdown(typed));
    // A definition may change how links elsewhere read: whole parse.
    const defined = text.slice(0, at) + '\n\n[x]: http://example.cn\n\n' + text.slice(at);
    assert.equal(reparseMarkdown(previous, defined).outcome.incremental, false);
    assert.equal(reparseMarkdown(previous, '\r\n' + text.slice(1)).outcome.incremental, false);
    // The previous tree is untouched.
    assert.deepStrictEqual(previous.tree, parseMarkdown(text));
  });

  it('gives the full parse, node for node, after random edits (chained)', () => {
    let incremental = 0;
    let edits = 0;
    fc.assert(
      fc.property(scenario, ([text, ...versions]) => {
        // Each edit starts from the tree the one before spliced, as keystrokes do.
        let previous = { text, tree: baseTree(text) };
        for (const next of versions) {
          const { tree, outcome } = reparseMarkdown(previous, next);
          assert.deepStrictEqual(tree, parseMarkdown(next));
          edits += 1;
          incremental += Number(outcome.incremental);
          previous = { text: next, tree };
        }
      }),
      { numRuns: RUNS || 50, ...(process.env.INCR_SEED ? { seed: Number(process.env.INCR_SEED), path: process.env.INCR_PATH, endOnFailure: true } : {}) },
    );
    // The property would hold vacuously if every edit fell back to a full parse.
    assert.ok(incremental > edits / 5, `incremental in ${incremental} of ${edits} edits`);
  });

  it('lints as a full lint does, finding for finding, after random edits', () => {
    let regionRules = 0;
    fc.assert(
      fc.property(scenario, ([text, once, twice]) => {
        const before = lint(text);
        const after = lint(once, { previous: before.report });
        // The full lints read afresh what the model remembers by line (line-memo.ts), so the
        // lints after an edit, which find it remembered, are held against fresh readings.
        forgetLineMemos();
        const full = lint(once);
        assertSameLint(after, full);
        assertSameModel(after.report, full.report);
        regionRules += after.regionRules;
        const next = lint(twice, { previous: after.report });
        forgetLineMemos();
        const nextFull = lint(twice);
        assertSameLint(next, nextFull);
        assertSameModel(next.report, nextFull.report);
        regionRules += next.regionRules;
      }),
      { numRuns: RUNS ? RUNS / 10 : 25 },
    );
    // Vacuous if every edit had run the block rules on the whole report.
    assert.ok(regionRules > 0, 'block-scoped rules ran on the edited region');
  });

  it('lints as a full lint does when an edit moves lines from one block to another', () => {
    // Blank lines written or removed between lines (a paragraph split in two, two joined,
    // a heading run into its paragraph), as keystrokes, each from the lint before.
    let regionRules = 0;
    const document = fc.constantFrom(long, joined, seedTexts.length ? blocksOf(seedTexts) : long);
    const breaks = (text: string) =>
      fc.array(
        fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), kind: fc.constantFrom('split', 'join', 'line', 'unline') }),
        { minLength: 1, maxLength: 4 },
      ).map((edits) => {
        const versions: string[] = [];
        let current = text;
        for (const { at, kind } of edits) {
          // The line end at or after a random place: where a writer presses Enter or Delete.
          const nl = current.indexOf('\n', Math.floor(at * current.length));
          if (nl === -1) continue;
          if (kind === 'split') current = current.slice(0, nl) + '\n' + current.slice(nl);
          else if (kind === 'line') current = current.slice(0, nl) + '\n新的一行，共3名' + current.slice(nl);
          else if (kind === 'join' && current[nl + 1] === '\n') current = current.slice(0, nl) + current.slice(nl + 1);
          else current = current.slice(0, nl) + current.slice(nl + 1);
          versions.push(current);
        }
        return versions;
      });
    fc.assert(
      fc.property(
        document.chain((text) => fc.tuple(fc.constant(text), breaks(text))),
        ([text, versions]) => {
          let previous = lint(text);
          for (const version of versions) {
            const result = lint(version, { previous: previous.report });
            const full = lint(version);
            assertSameLint(result, full);
            assertSameModel(result.report, full.report);
            regionRules += result.regionRules;
            previous = result;
          }
        },
      ),
      { numRuns: RUNS ? RUNS / 10 : 15 },
    );
    assert.ok(regionRules > 0, 'block-scoped rules ran on the edited region');
  });

  it('re-reads what depends on other blocks: a numbered statement outside the region that an edit makes a heading again', () => {
    // （一）…（三） are statements while none has a body (outline.ts); a body written under （三）
    // makes all three headings, （一） two blocks away from the edit included.
    const text = ['# 某支部2026年工作总结', '', '一、存在的问题', '', '（一）部分党组织统筹能力不强。', '', '（二）学习形式较为单一。', '', '（三）制度执行不够到位。', '', '二、下一步计划', '', '继续努力，共5项。', ''].join('\n');
    const before = lint(text);
    assert.ok(before.report.headings.some((h) => h.statement));
    const at = text.indexOf('\n\n二、');
    const typed = text.slice(0, at) + '\n\n具体表现为落实不够。' + text.slice(at);
    const after = lint(typed, { previous: before.report });
    const full = lint(typed);
    assert.ok(!full.report.headings.some((h) => h.statement));
    assert.ok(after.regionRules > 0, 'the edit took the incremental path');
    assertSameLint(after, full);
    assertSameModel(after.report, full.report);
  });

  it("re-reads what depends on other blocks: a report-wide word that makes a smaller count right, and the title's year", () => {
    // 不设支部委员会 anywhere makes 两会一课 right (slogan-numbered.ts), and the title's year dates a
    // congress (slogan-congresses.ts): both read beyond the edited block.
    const text = ['# 某联合党支部2025年工作总结', '', '一、工作开展情况', '', '支部党员不足七人，不设支部委员会。', '', '全年开展主题党日12次。', '', '组织集中学习10次。', '', '开展志愿服务6次。', '', '严格落实“两会一课”制度。', '', '深入学习贯彻党的十九届三中全会精神。', '', '二、存在的问题', '', '学习不够深入。', ''].join('\n');
    const before = lint(text);
    // Typed inside the blocks that hold the count and the congress: the region holds neither
    // the word nor the title.
    const typed = text.replace('制度。', '制度规定。');
    const after = lint(typed, { previous: before.report });
    const full = lint(typed);
    assert.ok(after.regionRules > 0, 'the edit took the incremental path');
    assert.ok(full.findings.some((f) => f.ruleId === 'slogan-canonical' && typed.slice(f.start, f.end).includes('十九届')), 'the congress is dated by the title');
    assert.ok(!full.findings.some((f) => typed.slice(f.start, f.end).includes('两会一课')), 'the branch without a committee holds 两会一课');
    assertSameLint(after, full);
  });

  it('lints the same text again as a full lint does (a re-lint after a settings change), a table first', () => {
    // A table header row read alone as a line of prose would give half-width and doubled
    // punctuation findings a full lint does not give.
    const text = '| 项目,名称１ | 数量，，(人) |\n| --- | --- |\n| 党员 | 12 |\n\n' + longReport(3);
    const first = lint(text);
    const again = lint(text, { previous: first.report });
    assertSameLint(again, lint(text));
    const third = lint(text, { previous: again.report, locale: 'en' });
    assertSameLint(third, lint(text, { locale: 'en' }));
  });

  it('re-runs block-scoped rules on the whole report when the dictionary changed', () => {
    // An XX in the first section, the edit in the fifth: the region does not hold the XX.
    const base = longReport(6);
    const text = base.replace('发展党员1名', '发展党员XX名');
    const at = text.indexOf('发展党员5名');
    const typed = text.slice(0, at) + '新' + text.slice(at);
    const before = lint(text);
    assert.ok(before.findings.some((f) => f.ruleId === 'placeholder'));
    const configs = [{ accept: ['发展党员XX名'] }];
    const after = lint(typed, { previous: before.report, configs });
    assertSameLint(after, lint(typed, { configs }));
    assert.ok(!after.findings.some((f) => f.ruleId === 'placeholder'), 'the accepted phrase is quiet');
    // With the same dictionary again, the next keystroke reuses the problems.
    const again = lint(typed.slice(0, at) + typed.slice(at + 1), { previous: after.report, configs });
    assert.ok(again.regionRules > 0);
    assertSameLint(again, lint(text, { configs }));
  });
});

/** The seeds as one document of blocks: each seed's lines with a blank line between every few. */
function blocksOf(texts: readonly string[]): string {
  return texts
    .map((t) => t.slice(0, 3000).split('\n').map((line, i) => (i % 3 === 2 ? line + '\n' : line)).join('\n'))
    .join('\n\n');
}

type Linted = ReturnType<typeof lint>;

/** Findings, failures and checks (with their messages) of two lints are the same. */
function assertSameLint(got: Linted, want: Linted): void {
  assert.deepStrictEqual(got.findings, want.findings);
  assert.deepStrictEqual(got.failures, want.failures);
  const checks = (r: Linted) => r.checks.map((c) => [c.ruleId, c.ok, c.start, c.end, c.message]);
  assert.deepStrictEqual(checks(got), checks(want));
}

/** The spliced parts of the model (lines, headings, quantities) and what is built on them are a full build's. */
function assertSameModel(got: Linted['report'], want: Linted['report']): void {
  assert.equal(got.lines.count, want.lines.count);
  for (let line = 0; line < want.lines.count; line++) {
    if (got.lines.start(line) !== want.lines.start(line) || got.lines.end(line) !== want.lines.end(line) || got.lines.lineText(line) !== want.lines.lineText(line)) {
      assert.fail(`line ${line} differs`);
    }
  }
  assert.deepStrictEqual(got.quantities, want.quantities);
  assert.deepStrictEqual(got.headings, want.headings);
  assert.deepStrictEqual(got.sections, want.sections);
  assert.deepStrictEqual(got.items, want.items);
  assert.deepStrictEqual([got.title, got.kind, got.parts, got.topSections, got.isReport], [want.title, want.kind, want.parts, want.topSections, want.isReport]);
  assert.deepStrictEqual(got.lists, want.lists);
}
