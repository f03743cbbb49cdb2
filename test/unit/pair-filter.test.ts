import assert from 'node:assert/strict';
import fc from 'fast-check';
import { PairFilter, pairFilter } from '../../rules/model/pair-filter';

/** Text and words over a few characters (Han, a 顿号, a space, a surrogate pair), so that words are often found. */
const char = fc.constantFrom('坚', '持', '全', '面', '、', ' ', '\u3000', '𠀀', 'a');
const text = fc.array(char, { maxLength: 40 }).map((cs) => cs.join(''));

describe('PairFilter', () => {
  it('finds a word where indexOf does, and rules out only words the text lacks', () => {
    fc.assert(
      fc.property(text, fc.array(text, { minLength: 1, maxLength: 8 }), (t, words) => {
        const filter = new PairFilter(t);
        for (const w of words) assert.equal(filter.indexOf(w), t.indexOf(w));
        // Every word the text holds passes the filter, its pieces included.
        for (let i = 0; i + 2 <= t.length; i++) assert.equal(filter.indexOf(t.slice(i, i + 3)), t.indexOf(t.slice(i, i + 3)));
      }),
    );
  });

  it('answers for an empty text, an empty word and a one-unit word', () => {
    assert.equal(new PairFilter('').indexOf('坚持'), -1);
    assert.equal(new PairFilter('坚持').indexOf(''), 0);
    assert.equal(new PairFilter('全面坚持').indexOf('持'), 3);
  });

  it('is made again for another text', () => {
    const first = pairFilter('坚持全面');
    assert.equal(pairFilter('坚持全面'), first);
    assert.equal(pairFilter('全面从严').indexOf('从严'), 2);
  });
});
