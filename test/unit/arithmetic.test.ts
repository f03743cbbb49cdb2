import assert from 'node:assert/strict';
import { buildReport } from '../../rules/model/report';
import { applyChange, lastDigitStep, percentContradicts, percentOf, percentRangeContradicts, readingInterval } from '../../rules/numbers/sentence';

/** The reading interval of the only quantity of `text`. */
const reading = (text: string) => {
  const [q] = buildReport(text).quantities;
  return readingInterval(q).map((x) => (Number.isFinite(x) ? Number(x.toPrecision(6)) : x));
};

describe('number arithmetic a reviewer does (rules/numbers/sentence.ts)', () => {
  it('steps a number by its last significant digit', () => {
    assert.deepEqual(['90', '100', '15', '3.5', '0.25', '九十', '三百五十', '十七'].map(lastDigitStep), [10, 100, 1, 0.1, 0.01, 10, 10, 1]);
  });

  it('reads 余/多 as short of the next step, 以上/以下 as one-sided, 约/近 as ten per cent', () => {
    assert.deepEqual(reading('参加90余人。'), [90, 100]);
    assert.deepEqual(reading('开展100多场。'), [100, 200]);
    assert.deepEqual(reading('筹集3.5万余元。'), [35000, 36000]);
    assert.deepEqual(reading('覆盖300人以上。'), [300, Infinity]);
    assert.deepEqual(reading('不足50人。'), [0, 50]);
    assert.deepEqual(reading('近300户。'), [270, 300]);
    assert.deepEqual(reading('约200人参加。'), [180, 220]);
    assert.deepEqual(reading('发展党员12名。'), [12, 12]);
    assert.deepEqual(reading('参加人员近百人。'), [90, 100]);
  });

  it('keeps the exclusive end of 余 below the next step', () => {
    const [q] = buildReport('参加90余人。').quantities;
    const [, high] = readingInterval(q);
    assert.ok(high < 100 && high > 99.99);
  });

  it('recomputes a share to one decimal and tolerates one point', () => {
    assert.equal(percentOf(56, 64), 87.5);
    assert.equal(percentOf(2, 3), 66.7);
    assert.equal(percentOf(1, 8), 12.5);
    assert.equal(percentContradicts(81.2, 56, 64), true);
    assert.equal(percentContradicts(87, 56, 64), false);
    assert.equal(percentContradicts(66.7, 2, 3), false);
    assert.throws(() => percentOf(1, 0), RangeError);
  });

  it('recomputes a share over the range that rounded figures allow', () => {
    // 3.1万 of 6.2万 may be 3.05万–3.15万 of 6.15万–6.25万: 48.8%–51.2%.
    assert.equal(percentRangeContradicts(49.2, 31000, 1000, 62000, 1000), false);
    assert.equal(percentRangeContradicts(46, 31000, 1000, 62000, 1000), true);
    assert.equal(percentRangeContradicts(81.2, 56, 0, 64, 0), true);
    assert.equal(percentRangeContradicts(87, 56, 0, 64, 0), false);
  });

  it('applies a change to a base exactly as written', () => {
    assert.deepEqual(applyChange({ value: 88.5, decimals: 1 }, { value: 2.1, decimals: 1 }, true), { value: 90.6, decimals: 1 });
    assert.deepEqual(applyChange({ value: 0.3, decimals: 1 }, { value: 0.1, decimals: 1 }, false), { value: 0.2, decimals: 1 });
    assert.deepEqual(applyChange({ value: 326, decimals: 0 }, { value: 25, decimals: 0 }, true), { value: 351, decimals: 0 });
  });
});
