/**
 * Bounded parsing (issue #15): containers nested past `MAX_NESTING` are read as text
 * before the parse, so no document can drive remark's recursion past the stack.
 */
import assert from 'node:assert/strict';
import { lint } from '../../rules/engine/lint';
import { boundNesting, MAX_NESTING, parseMarkdown } from '../../rules/model/parse';

/** The documents of the reproduction: deep blockquotes and deep lists. */
export const deepDocuments: Record<string, string> = {
  "'>' × 5000": `一、工作情况\n${'>'.repeat(5000)} 党员共17名\n`,
  "'- ' × 4000": `一、工作情况\n${'- '.repeat(4000)}党员共17名\n`,
  "'- ' × 10000": `一、工作情况\n${'- '.repeat(10000)}党员共17名\n`,
  "'> - 1. ' × 3000": `一、工作情况\n${'> - 1. '.repeat(3000)}党员共17名\n`,
  'lists nested by indentation, 300 levels': `一、工作情况\n${Array.from({ length: 300 }, (_, i) => `${' '.repeat(2 * i)}- 党员\n`).join('')}`,
  'one more > on each of 300 lines': `一、工作情况\n${Array.from({ length: 300 }, (_, i) => `${'>'.repeat(i + 1)} 党员\n`).join('')}`,
};

/** How deep blockquotes and lists nest in an mdast tree (iteratively: the tree may be deep). */
function containerDepth(text: string): number {
  let deepest = 0;
  const stack: { node: { type: string; children?: unknown[] }; depth: number }[] = [{ node: parseMarkdown(text), depth: 0 }];
  while (stack.length) {
    const { node, depth } = stack.pop()!;
    const here = depth + (node.type === 'blockquote' || node.type === 'listItem' ? 1 : 0);
    deepest = Math.max(deepest, here);
    for (const child of node.children ?? []) stack.push({ node: child as typeof node, depth: here });
  }
  return deepest;
}

describe('bounded Markdown nesting', function () {
  this.timeout(60000);

  it('leaves a document with ordinary nesting as it is (the same string)', () => {
    const text = '一、工作情况\n\n> 引用\n> > 再引用\n\n- 一是\n  - 二是\n    1. 三是\n';
    assert.equal(boundNesting(text), text);
  });

  for (const [name, text] of Object.entries(deepDocuments)) {
    it(`${name}: same length, nesting at most MAX_NESTING, every rule runs`, () => {
      const bounded = boundNesting(text);
      assert.notEqual(bounded, text, 'something was cut');
      assert.equal(bounded.length, text.length, 'offsets still index into the document');
      assert.ok(containerDepth(text) <= MAX_NESTING, `nesting ${containerDepth(text)}`);
      const result = lint(text);
      assert.deepEqual(result.failures.map((f) => f.ruleId), []);
      for (const f of result.findings) assert.ok(f.start >= 0 && f.end <= text.length && f.start <= f.end, f.ruleId);
    });
  }

  it('keeps the text after the cut as text of the report (the quantity is still read)', () => {
    const text = `一、工作情况\n${'>'.repeat(5000)} 党员共17名\n`;
    const report = lint(text).report;
    assert.ok(report.quantities.some((q) => q.value === 17), 'the 17 past the cut is a quantity');
  });

  it('changes only the marker that would open the level past the limit', () => {
    const text = `${'> '.repeat(MAX_NESTING + 3)}文字`;
    const bounded = boundNesting(text);
    const diff = [...text].flatMap((ch, i) => (ch === bounded[i] ? [] : [i]));
    assert.deepEqual(diff, [2 * MAX_NESTING]);
  });
});
