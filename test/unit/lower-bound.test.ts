import assert from 'node:assert/strict';
import fc from 'fast-check';
import { lowerBound } from '../../rules/model/lower-bound';

describe('lowerBound', () => {
  it('is the index of the first item not before the point, as a linear scan finds it', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -50, max: 50 })), fc.integer({ min: -60, max: 60 }), (values, point) => {
        const sorted = [...values].sort((a, b) => a - b);
        const linear = sorted.findIndex((v) => !(v < point));
        assert.equal(lowerBound(sorted, (v) => v < point), linear === -1 ? sorted.length : linear);
      }),
    );
  });

  it('answers 0 for an empty array and for a point before everything', () => {
    assert.equal(lowerBound([], () => true), 0);
    assert.equal(lowerBound([3, 4], (v) => v < 1), 0);
    assert.equal(lowerBound([3, 4], (v) => v < 9), 2);
  });
});
