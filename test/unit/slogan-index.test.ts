/**
 * slogan-canonical's index is built at build time (scripts/slogan-index.mjs writes
 * rules/engine/generated/slogan-index.cjs; issue #14): the generated file must be exactly
 * what the builder gives from rules/data/slogans.yaml, and the index the rule reads must be
 * what building it at start-up gave (the same wrong forms, the same lookup at every bigram).
 */
import assert from 'node:assert/strict';
import { slogans } from '../../rules/data/slogans';
import generated from '../../rules/engine/generated/slogan-index.cjs';
import { buildSloganIndex, formulationWords, goodPhrases, ITEM_SIZE, packVariant, unpackVariant } from '../../rules/wording/slogan-index-build';
import { ENTRIES, FILTER, filterBit, GOOD, ITEMS, POOL, SLOTS, slotAt, VARIANT_COUNT, variantAt } from '../../rules/wording/slogan-index';
import { generateVariants } from '../../rules/wording/slogan-variants';

describe('slogan-canonical: the index generated at build', () => {
  const built = buildSloganIndex(slogans.entries, new Set(goodPhrases(slogans)), slogans.insertedWords, slogans.nearWords);

  it('survives being written as a module: the generated file holds what the builder gives from rules/data/slogans.yaml', () => {
    // The file is regenerated before the tests whenever its sources' digest differs
    // (test/support/generated.mjs), so this proves the serialisation, not freshness.
    const { source, ...data } = generated;
    assert.deepEqual(data, built);
    assert.match(source, /^[0-9a-f]{40}$/);
  });

  it('gives the rule the verified entries longest first and every generated wrong form', () => {
    const verified = slogans.entries.filter((e) => e.verified).sort((a, b) => b.canonical.length - a.canonical.length);
    assert.deepEqual(ENTRIES, verified);
    const variants = Array.from({ length: VARIANT_COUNT }, (_, k) => variantAt(k));
    assert.ok(variants.length > 1000, `${variants.length} wrong forms`);
    assert.deepEqual(variants, generateVariants(verified, GOOD, slogans.insertedWords, slogans.nearWords, formulationWords));
    for (const v of variants) assert.deepEqual(unpackVariant(packVariant(v, ENTRIES[v.entry].canonical, POOL.indexOf(v.form)), POOL, (e) => ENTRIES[e].canonical), v);
  });

  it('finds every anchor at its bigram, through the filter and the table, and only anchors', () => {
    const anchors = built.anchors;
    const keys = new Set<number>();
    for (let k = 0; k < anchors.length; k += 3) {
      const key = anchors[k];
      keys.add(key);
      const text = String.fromCharCode(key >>> 16, key & 0xffff);
      const b = filterBit(key);
      assert.ok((FILTER[b >>> 5] & (1 << (b & 31))) !== 0, `filter bit of ${text}`);
      const h = slotAt(text, 0);
      assert.ok(h >= 0, text);
      assert.deepEqual([SLOTS[2 * h] - 1, SLOTS[2 * h + 1]], [anchors[k + 1], anchors[k + 2]], text);
      // Each item's form holds the bigram at the item's offset.
      for (let item = anchors[k + 1]; item < anchors[k + 2]; item++) {
        const at = ITEMS[item * ITEM_SIZE + 1];
        const length = ITEMS[item * ITEM_SIZE + 2];
        const offset = ITEMS[item * ITEM_SIZE + 4];
        assert.equal(POOL.slice(at, at + length).slice(offset, offset + 2), text);
      }
    }
    for (const probe of ['党建', '工作', 'ab', '。“']) {
      if (!keys.has((probe.charCodeAt(0) << 16) | probe.charCodeAt(1))) assert.equal(slotAt(probe, 0), -1, probe);
    }
  });
});
