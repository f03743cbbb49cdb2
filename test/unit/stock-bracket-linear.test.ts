/**
 * The stock-count reader skips a bracket of sub-units before a count (下设党支部7个（机关党支部
 * 2个…），共有党员96名); it searched for the closing bracket to the end of the line, once per
 * opening bracket, so a long line of unclosed brackets and counts took time quadratic in its
 * length (metric-conflict alone: 10.5 s on 50 KB in review; 0.9 s on 100 KB after). The bound
 * is loose for a shared machine, and far under the quadratic time.
 */
import assert from 'node:assert/strict';
import { lint } from '../../rules/engine/lint';
import { rules } from '../../rules/index';

describe('stock counts on a long line of unclosed brackets', function () {
  this.timeout(90000);
  it('runs metric-conflict in time linear in the line (100 KB of （（（…现有党员5名，)', () => {
    const unit = `${'（'.repeat(8)}现有党员5名，`;
    const text = `# 某支部工作总结\n\n## 一、工作情况\n\n${unit.repeat(Math.round((100 * 1024) / 3 / unit.length))}\n`;
    const started = performance.now();
    const result = lint(text, { rules: rules.filter((r) => r.id === 'metric-conflict') });
    const ms = performance.now() - started;
    assert.deepEqual(result.failures, []);
    assert.ok(ms < 10000, `${Math.round(ms)} ms`);
  });
  it('runs metric-conflict in time linear in a line of 其中 parts (200 KB of 其中正式党员5名，)', () => {
    // Each 其中 part looked for its stock in the clause before, itself a 其中 part: back to the line's start.
    const unit = '其中正式党员5名，';
    const text = `# 某支部工作总结\n\n## 一、工作情况\n\n${unit.repeat(Math.round((200 * 1024) / 3 / unit.length))}\n`;
    const started = performance.now();
    const result = lint(text, { rules: rules.filter((r) => r.id === 'metric-conflict') });
    const ms = performance.now() - started;
    assert.deepEqual(result.failures, []);
    assert.ok(ms < 6000, `${Math.round(ms)} ms`);
  });
});
