/**
 * slogan-canonical's superseded wordings (`outdated`) are excused in a sentence that tells the
 * formulation's history; an earlier test of that kind searched the rest of the text for each hit, so
 * one long line of hits took time quadratic in its length (11.7 s at 400 KB in review,
 * 0.1 s linear). The fix reads each hit's sentence at most SENTENCE_REACH code units each way
 * (slogan-search.ts). Its time is measured by the bench (`bench/hostile.ts`: `one line of
 * 坚定三个自信，`), not here: a wall-clock bound fails on a loaded machine. These tests pin the
 * behaviour whatever the line's length: each hit reported outside a sentence that tells the
 * formulation's history (slogans.yaml `outdated_history`), and beside a history word only the
 * hits within the reach are excused, so as many on a line of 500 as on one of 50.
 */
import assert from 'node:assert/strict';
import { lint } from '../../rules/engine/lint';
import { rules } from '../../rules/index';

const sloganCanonical = rules.filter((r) => r.id === 'slogan-canonical');
const unit = '坚定三个自信，';

/** slogan-canonical's findings on a report whose one body line is `line`. */
const findings = (line: string) => lint(`一、工作情况\n${line}\n`, { rules: sloganCanonical }).findings;

describe('slogan-canonical on a long line of superseded wordings', () => {
  it('a line of them is reported hit by hit, however long', () => {
    for (const n of [1, 50, 500]) assert.equal(findings(unit.repeat(n)).length, n, `${n} × ${unit}`);
  });

  it('a history word excuses the hits within the reach of its sentence and no further', () => {
    assert.equal(findings(`十八大提出，${unit.repeat(3)}`).length, 0);
    const within = 50 - findings(`十八大提出，${unit.repeat(50)}`).length;
    assert.ok(within > 3 && within < 50, `${within} of 50 excused`);
    assert.equal(500 - findings(`十八大提出，${unit.repeat(500)}`).length, within);
  });
});
