/**
 * slogan-canonical's superseded wordings (`outdated`) are excused on a line that names no
 * formulation of after the change; that test searched the rest of the text for each hit, so
 * one long line of hits took time quadratic in its length (11.7 s at 400 KB in review,
 * 0.1 s linear). The bound is loose for a shared machine, and far under the quadratic time.
 */
import assert from 'node:assert/strict';
import { lint } from '../../rules/engine/lint';
import { rules } from '../../rules/index';

describe('slogan-canonical on a long line of superseded wordings', function () {
  this.timeout(60000);
  it('runs in time linear in the line (400 KB of 坚定三个自信，) and still reports beside 四个意识', () => {
    const rule = rules.filter((r) => r.id === 'slogan-canonical');
    const unit = '坚定三个自信，';
    const text = `一、工作情况\n${unit.repeat(Math.round((400 * 1024) / 3 / unit.length))}\n`;
    const started = performance.now();
    const quiet = lint(text, { rules: rule });
    const ms = performance.now() - started;
    assert.deepEqual(quiet.findings, [], 'no line names 四个意识: the old wording may be history');
    assert.ok(ms < 3000, `${Math.round(ms)} ms`);
    const dated = lint(`一、工作情况\n增强“四个意识”，${unit.repeat(3)}\n`, { rules: rule });
    assert.equal(dated.findings.length, 3);
  });
});
