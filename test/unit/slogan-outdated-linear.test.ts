/**
 * slogan-canonical's superseded wordings (`outdated`) are excused on a line that names no
 * formulation of after the change; that test searched the rest of the text for each hit, so
 * one long line of hits took time quadratic in its length (11.7 s at 400 KB in review,
 * 0.1 s linear). The fix reads each hit's sentence at most SENTENCE_REACH code units each way
 * (slogan-search.ts). Its time is measured by the bench (`bench/hostile.ts`: `one line of
 * 坚定三个自信，`), not here: a wall-clock bound fails on a loaded machine. These tests pin the
 * behaviour whatever the line's length: quiet without the newer formulation, and beside it
 * only the hits within the reach are reported, so as many on a line of 500 as on one of 50.
 */
import assert from 'node:assert/strict';
import { lint } from '../../rules/engine/lint';
import { rules } from '../../rules/index';

const sloganCanonical = rules.filter((r) => r.id === 'slogan-canonical');
const unit = '坚定三个自信，';

/** slogan-canonical's findings on a report whose one body line is `line`. */
const findings = (line: string) => lint(`一、工作情况\n${line}\n`, { rules: sloganCanonical }).findings;

describe('slogan-canonical on a long line of superseded wordings', () => {
  it('a line of them naming no 四个意识 is quiet, however long', () => {
    for (const n of [1, 50, 500]) assert.deepEqual(findings(unit.repeat(n)), [], `${n} × ${unit}`);
  });

  it('beside 四个意识 each one is reported, up to the reach of its sentence and no further', () => {
    assert.equal(findings(`增强“四个意识”，${unit.repeat(3)}`).length, 3);
    const within = findings(`增强“四个意识”，${unit.repeat(50)}`).length;
    assert.ok(within > 3 && within < 50, `${within} of 50 reported`);
    assert.equal(findings(`增强“四个意识”，${unit.repeat(500)}`).length, within);
  });
});
