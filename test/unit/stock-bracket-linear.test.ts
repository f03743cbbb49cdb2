/**
 * The stock-count reader skips a bracket of sub-units before a count (下设党支部7个（机关党支部
 * 2个…），共有党员96名); it searched for the closing bracket to the end of the line, once per
 * opening bracket, so a long line of unclosed brackets and counts took time quadratic in its
 * length (metric-conflict alone: 10.5 s on 50 KB in review; 0.9 s on 100 KB after). Each 其中
 * part likewise looked for its stock back to the line's start. Their time is measured by the
 * bench (`bench/hostile.ts`: `one line of （（（（（（（（现有党员5名，`, `one line of
 * 其中正式党员5名，`), not here: a wall-clock bound fails on a loaded machine. These tests pin
 * what the bounded scans must still read, whatever the line's length: the line is quiet, and
 * a count restated differently at its far end is still compared with the first.
 */
import assert from 'node:assert/strict';
import { lint } from '../../rules/engine/lint';
import { rules } from '../../rules/index';

const metricConflict = rules.filter((r) => r.id === 'metric-conflict');
/** Line lengths in units: one, a few, and far past any bound a scan might stop at. */
const REPEATS = [1, 10, 200];

/** A report whose one body line is `line` (line 5, 1-based). */
const report = (line: string): string => `# 某支部工作总结\n\n## 一、工作情况\n\n${line}\n`;

/** metric-conflict's messages on `text`; no rule may fail. */
function conflicts(text: string): string[] {
  const result = lint(text, { rules: metricConflict, locale: 'en' });
  assert.deepEqual(result.failures, []);
  return result.findings.map((f) => f.message);
}

describe('stock counts on a long line of unclosed brackets', () => {
  const unit = `${'（'.repeat(8)}现有党员5名，`;
  for (const n of REPEATS) {
    it(`${n} × （（（（（（（（现有党员5名，: quiet; a different count after them is the one conflict`, () => {
      assert.deepEqual(conflicts(report(unit.repeat(n))), []);
      const restated = conflicts(report(`${unit.repeat(n)}现有党员6名。`));
      assert.equal(restated.length, 1, restated.join('\n'));
      assert.match(restated[0], /现有党员6名.*现有党员5名/u);
    });
  }
});

describe('stock counts on a long line of 其中 parts', () => {
  const unit = '其中正式党员5名，';
  for (const n of REPEATS) {
    it(`${n} × 其中正式党员5名，: quiet; the stock restated after them is the one conflict`, () => {
      assert.deepEqual(conflicts(report(unit.repeat(n))), []);
      const restated = conflicts(report(`现有党员5名，${unit.repeat(n)}现有党员6名。`));
      assert.equal(restated.length, 1, restated.join('\n'));
      assert.match(restated[0], /现有党员6名.*现有党员5名/u);
    });
  }
});
