/**
 * The per-line memo (rules/model/line-memo.ts) and the readings it remembers (stock counts,
 * rules/model/stock-counts.ts): a remembered reading is the fresh one. The lint of every corpus report read a second time, and metric-conflict's
 * problems after random edits linted one from the other with the memos warm, must be those of
 * a lint that reads every line afresh.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { lint } from '../../rules/engine/lint';
import { forgetLineMemos, LineMemo } from '../../rules/model/line-memo';
import { metricConflict } from '../../rules/numbers/metric-conflict';
import { ROOT } from '../support/paths';

describe('line memo', () => {
  it('reads a line once per key, and again for another key or line', () => {
    const memo = new LineMemo<{ n: number } | null>(100);
    let reads = 0;
    const read = (n: number) => () => (reads++, { n });
    assert.deepEqual(memo.get('甲', '1', read(1)), { n: 1 });
    assert.deepEqual(memo.get('甲', '1', read(9)), { n: 1 });
    assert.deepEqual(memo.get('甲', '2', read(2)), { n: 2 });
    assert.deepEqual(memo.get('乙', '1', read(3)), { n: 3 });
    assert.equal(reads, 3);
    assert.equal(memo.get('丙', '1', () => null), null);
    assert.equal(memo.get('丙', '1', read(4)), null, 'a null reading is remembered too');
  });

  it('freezes what it remembers, so a caller cannot change a later lookup', () => {
    const memo = new LineMemo<{ n: number }>(100);
    const got = memo.get('甲', '1', () => ({ n: 1 }));
    // Modules are strict: writing a frozen property throws.
    assert.throws(() => {
      got.n = 2;
    }, TypeError);
  });

  it('keeps two generations: a line used in the last one survives, an unused one is read again', () => {
    const memo = new LineMemo<number>(2);
    let reads = 0;
    const read = (n: number) => () => (reads++, n);
    memo.get('a', 'k', read(1));
    memo.get('b', 'k', read(2)); // the current generation is full: it becomes the older one
    memo.get('a', 'k', read(9)); // found in the older one, moved back
    assert.equal(reads, 2);
    memo.get('c', 'k', read(3)); // full again: {a, c} older, b dropped
    assert.equal(memo.get('a', 'k', read(9)), 1);
    assert.equal(memo.get('b', 'k', read(5)), 5);
    assert.equal(reads, 4);
    memo.clear();
    assert.equal(memo.get('a', 'k', read(7)), 7);
  });
});

describe('readings remembered by line', function () {
  this.timeout(120000);
  const dir = join(ROOT, 'test', 'corpus');
  const reports = readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => readFileSync(join(dir, f), 'utf8'));
  const only = { rules: [metricConflict] };
  const problems = (r: ReturnType<typeof lint>) => r.checks.map((c) => [c.ok, c.start, c.end, c.message]);

  it('lints every corpus report, read twice, as a fresh reading does', () => {
    const all = (r: ReturnType<typeof lint>) => [r.findings, problems(r)];
    // Every sixth report: a lint of all the rules twice over the whole corpus outlasts a test.
    for (const text of reports.filter((_, i) => i % 6 === 0)) {
      forgetLineMemos();
      const fresh = all(lint(text));
      assert.deepStrictEqual(all(lint(text)), fresh);
    }
  });

  it('finds metric conflicts after random edits of joined reports as a fresh reading does', () => {
    // Lines moved and retitled: several reports as one, a title written or changed (the title
    // is part of the key), lines copied elsewhere, numbers typed and deleted.
    const pieces = ['\n', '。', '全镇', '现有党员', '名', '个', '1', '9', '下设', '，', '# 某镇党委2025年党建工作总结\n', '# 某局机关党委工作总结\n', '全体'];
    const scenario = fc.tuple(
      fc.array(fc.constantFrom(...reports), { minLength: 1, maxLength: 3 }),
      fc.array(fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.integer({ min: 0, max: 6 }), insert: fc.constantFrom(...pieces) }), { minLength: 1, maxLength: 6 }),
    );
    fc.assert(
      fc.property(scenario, ([texts, edits]) => {
        let text = texts.join('\n\n');
        let previous = lint(text, only).report;
        for (const e of edits) {
          const start = Math.floor(e.at * text.length);
          text = text.slice(0, start) + e.insert + text.slice(Math.min(text.length, start + e.remove));
          const warm = lint(text, { ...only, previous });
          forgetLineMemos();
          assert.deepStrictEqual(problems(warm), problems(lint(text, only)));
          previous = warm.report;
        }
      }),
      { numRuns: 40 },
    );
  });
});
