/**
 * Each rule alone on 100 KB adversarial inputs (long runs of one character, of quotes, of
 * digits, of markers): no throw, findings inside the text. Time is not asserted here —
 * `npm run bench` shows it doubling with size — but a regex that backtracks
 * catastrophically would blow mocha's timeout long before 100 KB.
 */
import assert from 'node:assert/strict';
import { lint } from '../../rules/engine/lint';
import { rules } from '../../rules/index';

const SIZE = 100 * 1024;
const fill = (unit: string) => unit.repeat(Math.ceil(SIZE / unit.length)).slice(0, SIZE);

/** Named adversarial documents, each about 100 KB. */
export const adversarialInputs: Record<string, string> = {
  'one Han character': fill('党'),
  'opening quotes': fill('“'),
  'closing quotes': fill('”'),
  'alternating quotes': fill('“”'),
  'ASCII quotes': fill('"'),
  digits: fill('1'),
  'digits and dots': fill('1.'),
  'digits and hyphens': fill('3-'),
  'full-width digits': fill('１'),
  'Chinese numerals': fill('一二三'),
  'numbered items without end': fill('一是'),
  asterisks: fill('*'),
  'X run': fill('X'),
  'list of 顿号': fill('、“甲”'),
  'marker lines': fill('（一）\n'),
  'long line of punctuation': fill('，。'),
  'one huge table row': `| ${fill('1 |')}\n| --- |\n`,
  'spaces then text': `${' '.repeat(SIZE)}党`,
  'hash residue': fill('##a'),
};

describe('adversarial inputs (100 KB) for every rule', function () {
  this.timeout(60000);
  for (const [name, text] of Object.entries(adversarialInputs)) {
    it(`${name}: every rule runs to the end and stays inside the text`, () => {
      const result = lint(text);
      assert.deepEqual(result.failures.map((f) => f.ruleId), []);
      assert.equal(rules.length > 0, true);
      for (const f of result.findings) assert.ok(f.start >= 0 && f.end <= text.length && f.start <= f.end, f.ruleId);
    });
  }
});
