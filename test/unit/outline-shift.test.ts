/**
 * server/lsp/outline-shift.ts: an older analysis's outline carried over to the current text
 * (completion and hover while the re-lint runs). Away from the edit it must be the outline a
 * fresh analysis of the new text gives; inside the edit, spans are clamped, never inverted.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildReport, type ReportOutline } from '../../rules/model/report';
import { hydrateOutline } from '../../server/lsp/analysis';
import { ROOT } from '../support/paths';
import { OffsetShift, shiftChecks, shiftOutline } from '../../server/lsp/outline-shift';

/** A report of our own with the structure the outline holds: title, numbered sections, items, a table, inline code. */
const REPORT = [
  '2026年上半年党建工作总结',
  '一、主要工作',
  '（一）加强理论学习',
  '全年组织集中学习12次，其中专题研讨4次。',
  '',
  '| 项目 | 次数 |',
  '| --- | ---: |',
  '| 学习 | 12 |',
  '',
  '（二）夯实基层组织',
  '一是规范组织生活；二是发展党员3名。',
  '二、存在的问题',
  '学习成效转化不够，`台账`不全。',
  '三、下一步工作计划',
  '继续加强理论学习。',
  '',
].join('\n');

/** What of an outline the editor features read, for comparison. */
const facts = (r: ReportOutline) => ({
  title: r.title,
  kind: r.kind,
  headings: r.headings,
  sections: r.sections,
  topSections: r.topSections,
  items: r.items,
  parts: r.parts,
  opaque: r.opaque.spans,
  lines: Array.from({ length: r.lines.count }, (_, i) => r.lines.lineText(i)),
});

/** `text` with `[start, end)` replaced by `insert`. */
const edit = (text: string, start: number, end: number, insert: string) => text.slice(0, start) + insert + text.slice(end);

describe('outline carried over to a newer text (server/lsp/outline-shift.ts)', () => {
  const old = buildReport(REPORT);
  const at = (needle: string) => REPORT.indexOf(needle);

  it('equals a fresh outline for edits that leave the structure as it was', () => {
    const edits: [string, string][] = [
      ['a character typed in prose', edit(REPORT, at('集中学习') + 2, at('集中学习') + 2, '党')],
      ['a line of prose added above the sections', edit(REPORT, at('全年'), at('全年'), '上半年新增积极分子2名。\n')],
      ['a line of prose deleted', edit(REPORT, at('全年'), at('全年') + '全年组织集中学习12次，其中专题研讨4次。\n'.length, '')],
      ['a digit changed in the table', edit(REPORT, at('| 12 |') + 2, at('| 12 |') + 4, '15')],
      ['prose typed after the last line', `${REPORT}补充说明。\n`],
    ];
    for (const [what, text] of edits) {
      const shifted = shiftOutline(old, text).report;
      assert.equal(shifted.text, text, what);
      assert.deepEqual(facts(shifted), facts(buildReport(text)), what);
    }
  });

  it('gives the same outline back for an equal text', () => {
    assert.equal(shiftOutline(old, REPORT).report, old);
  });

  it('moves offsets across the changed range: starts inside to its new end, ends inside to its start', () => {
    // Old [10, 20) became new [10, 13).
    const shift = new OffsetShift({ start: 10, oldEnd: 20, newEnd: 13 });
    assert.deepEqual([5, 10, 15, 20, 30].map((o) => shift.start(o)), [5, 13, 13, 13, 23]);
    assert.deepEqual([5, 10, 15, 20, 30].map((o) => shift.end(o)), [5, 10, 10, 13, 23]);
    // At a pure insertion point (old [10, 10) became [10, 12)): typed after what ended there, before what began there.
    const insert = new OffsetShift({ start: 10, oldEnd: 10, newEnd: 12 });
    assert.deepEqual([insert.start(10), insert.end(10), insert.end(9), insert.start(11)], [12, 12, 9, 13]);
    // Spans wholly inside the change become empty and are dropped from checks; others stay ordered.
    const checks = [
      { ruleId: 'a', ok: true, message: '', start: 0, end: 12 },
      { ruleId: 'b', ok: true, message: '', start: 12, end: 18 },
      { ruleId: 'c', ok: true, message: '', start: 18, end: 25 },
    ];
    assert.deepEqual(
      shiftChecks(checks, shift).map((c) => [c.ruleId, c.start, c.end]),
      [
        ['a', 0, 10],
        ['c', 13, 18],
      ],
    );
  });

  it('keeps a heading the edit runs into readable: offsets in the text, start before end', () => {
    // The writer deletes across the end of （一）'s title into the next line; types at the end of （二）'s.
    const from = at('理论学习\n全年') + 2;
    for (const text of [edit(REPORT, from, from + 6, ''), edit(REPORT, at('\n一是'), at('\n一是'), '等')]) {
      const shifted = shiftOutline(old, text).report;
      for (const h of shifted.headings) {
        assert.ok(h.start <= h.end && h.end <= text.length, JSON.stringify(h));
        assert.equal(h.line, shifted.lines.lineAt(h.start));
      }
      for (const s of shifted.opaque.spans) assert.ok(s.start < s.end && s.end <= text.length);
      // Stale only where the writer typed: the headings' numbers and lines are the fresh outline's.
      const fresh = buildReport(text);
      assert.deepEqual(
        shifted.headings.map((h) => [h.line, h.marker?.text]),
        fresh.headings.map((h) => [h.line, h.marker?.text]),
      );
    }
  });

  it('equals a fresh outline in a long report for prose typed, deleted, lines added and broken anywhere, the outline hydrated as the server holds it', () => {
    const corpus = join(ROOT, 'test', 'corpus');
    const long = readdirSync(corpus)
      .filter((f) => /^r\d+-.*\.md$/.test(f))
      .slice(0, 16)
      .map((f) => readFileSync(join(corpus, f), 'utf8'))
      .join('\n\n');
    const base = buildReport(long);
    // Lines of plain prose: no heading, no numbered item, long enough to type into.
    const marked = new Set([...base.headings.map((h) => h.line), ...base.items.map((i) => i.line)]);
    const prose = Array.from({ length: base.lines.count }, (_, i) => i).filter((i) => !marked.has(i) && /^[\u4e00-\u9fff]{12}/.test(base.lines.lineText(i)));
    assert.ok(prose.length > 20, `prose lines (${prose.length})`);
    const held = hydrateOutline(long, structuredClone({ ...base, text: undefined, lines: undefined, tree: undefined, quantities: undefined, lists: undefined, frontmatter: undefined, isReportReason: undefined, opaque: base.opaque.spans }));
    for (let k = 0; k < prose.length; k += Math.ceil(prose.length / 10)) {
      const start = base.lines.start(prose[k]);
      const edits: [string, string][] = [
        ['a character typed', edit(long, start + 6, start + 6, '党')],
        ['a line added', edit(long, start, start, '补充说明一段。\n')],
        ['prose deleted', edit(long, start + 6, start + 9, '')],
        ['a line broken in two', edit(long, start + 8, start + 8, '\n')],
      ];
      for (const [what, text] of edits) assert.deepEqual(facts(shiftOutline(held, text).report), facts(buildReport(text)), `${what} on line ${prose[k]}`);
    }
  });
});
