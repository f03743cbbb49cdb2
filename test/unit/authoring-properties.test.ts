/**
 * Properties of the authoring help over generated reports (fast-check): completion never
 * throws and its edits stay where an editor accepts them (the main edit on the cursor's
 * line and holding the cursor, additional edits elsewhere and apart from it); planned
 * insertions lie inside the text, never overlap, and apply cleanly.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { TextEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { missingParts, planFixes, planInsertion } from '../../rules/authoring/sections';
import { applyFixes } from '../../rules/engine/fixes';
import { lint } from '../../rules/engine/lint';
import { completionsAt } from '../../server/lsp/completion';

const fragments = [
  '一、', '二、', '三、', '一.', '（一）', '(二)', '（三）', '1.', '2、', '（1）', '一是', '二是', '三是',
  '工作开展情况', '存在的问题', '下一步工作计划', '下一步，', '述职报告', '工作总结', '专项工作情况的汇报',
  '现将工作情况报告如下：', '主要原因：', '党员', '村', '“', '”', '“两个', '。', '，', '：',
  ' ', '\u3000', '#', '## ', '```', '<!--', '-->', '---', '|', '😀', '\ud800', '##paidend##', 'A',
];
const lineEnd = fc.constantFrom('\n', '\r\n');
const line = fc.array(fc.oneof(fc.constantFrom(...fragments), fc.string({ maxLength: 2 })), { maxLength: 8 }).map((parts) => parts.join(''));
const doc = fc.array(fc.tuple(line, lineEnd), { maxLength: 20 }).map((lines) => lines.map(([l, e]) => l + e).join(''));

const before = (a: TextEdit['range']['start'], b: TextEdit['range']['start']) => a.line < b.line || (a.line === b.line && a.character <= b.character);

describe('properties of the authoring help', function () {
  this.timeout(120000);

  it('completion never throws; its edits are where an editor takes them', () => {
    fc.assert(
      fc.property(doc, fc.nat(), fc.boolean(), (text, seed, linted) => {
        const { report } = lint(text);
        const document = TextDocument.create('untitled:p', 'markdown', 1, text);
        const offsets = [0, text.length, seed % (text.length + 1)];
        for (let l = 0; l < report.lines.count; l++) offsets.push(report.lines.start(l));
        for (const offset of offsets) {
          const position = document.positionAt(offset);
          for (const item of completionsAt({ document, report, offset, linted, locale: 'zh-CN', year: 2024 })) {
            const main = item.textEdit as TextEdit;
            assert.ok(main, `${item.label}: no textEdit`);
            assert.equal(main.range.start.line, main.range.end.line, `${item.label}: a multi-line range`);
            assert.equal(main.range.start.line, position.line, `${item.label}: not on the cursor's line`);
            assert.ok(before(main.range.start, position) && before(position, main.range.end), `${item.label}: the range does not hold the cursor`);
            for (const extra of item.additionalTextEdits ?? []) {
              assert.ok(before(main.range.end, extra.range.start) || before(extra.range.end, main.range.start), `${item.label}: an additional edit overlaps the main one`);
            }
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('planned insertions lie inside the text, do not overlap, and apply', () => {
    fc.assert(
      fc.property(doc, (text) => {
        const { report } = lint(text);
        for (const part of missingParts(report)) {
          const plan = planInsertion(report, part);
          if (!plan) continue;
          const { fixes, titleStart, titleEnd } = planFixes(plan, { year: 2024 });
          for (let i = 0; i < fixes.length; i++) {
            assert.ok(fixes[i].start >= 0 && fixes[i].end <= text.length && fixes[i].start <= fixes[i].end);
            if (i > 0) assert.ok(fixes[i - 1].end < fixes[i].start, 'fixes touch or overlap');
          }
          const after = applyFixes(text, fixes);
          assert.equal(after.skipped.length, 0);
          assert.equal(after.text.slice(titleStart, titleEnd), plan.section.titles[0]);
        }
      }),
      { numRuns: 200 },
    );
  });
});
