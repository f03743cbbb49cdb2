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
import { isHanCode } from '../../rules/model/script';
import { CODE_BASE } from '../../rules/wording/slogan-gaps-build';

describe('slogan-canonical: the index generated at build', () => {
  const built = buildSloganIndex(slogans.entries, new Set(goodPhrases(slogans)), slogans.insertedWords, slogans.nearWords);

  it('survives being written as a module: the generated file holds what the builder gives from rules/data/slogans.yaml', () => {
    // The file is regenerated before the tests whenever its sources' digest differs
    // (test/support/generated.mjs), so this proves the serialisation, not freshness.
    // The wrong forms are written one packed form's JSON a line (scripts/slogan-index.mjs).
    const { source, variants, variantCount, ...data } = generated;
    const { variants: builtVariants, ...builtRest } = built;
    assert.deepEqual(data, builtRest);
    assert.deepEqual(variants.split('\n').map((line) => JSON.parse(line) as unknown), builtVariants);
    assert.equal(variantCount, builtVariants.length);
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

  it("packs slogan-gaps' junctions as the map it built at start-up: every junction's forms, longest first", () => {
    // The map slogan-gaps.ts built at its first stray space before the table was generated.
    const partEnds = (series: string): Set<number> => {
      const ends = new Set<number>();
      let n = 0;
      for (const part of series.split('、').slice(0, -1)) ends.add((n += part.length));
      return ends;
    };
    const map = new Map<number, { form: string; at: number; entry: number }[]>();
    const add = (form: string, entry: number, dropped: ReadonlySet<number> | null): void => {
      for (let at = 1; at < form.length; at++) {
        const a = form.charCodeAt(at - 1);
        const b = form.charCodeAt(at);
        if (!isHanCode(a) || !isHanCode(b)) continue;
        if (dropped !== null && dropped.has(form.slice(0, at).replaceAll('、', '').length)) continue;
        const key = a * 0x10000 + b;
        const list = map.get(key) ?? [];
        list.push({ form, at, entry });
        map.set(key, list);
      }
    };
    ENTRIES.forEach((e, i) => add(e.canonical, i, null));
    for (let k = 0; k < VARIANT_COUNT; k++) {
      const v = variantAt(k);
      if (v.kind !== 'pair') add(v.form, v.entry, v.kind === 'separator' ? partEnds(ENTRIES[v.entry].canonical) : null);
    }
    for (const list of map.values()) list.sort((x, y) => y.form.length - x.form.length);

    const { keys, ends, records } = generated.junctions;
    assert.equal(ends.length, map.size);
    assert.equal(keys.length, 2 * map.size);
    const sorted = [...map.keys()].sort((x, y) => x - y);
    sorted.forEach((key, i) => {
      assert.equal(keys.charCodeAt(2 * i) * 0x10000 + keys.charCodeAt(2 * i + 1), key);
      const unpacked = [];
      for (let r = i === 0 ? 0 : ends[i - 1]; r < ends[i]; r++) {
        const f = records.charCodeAt(2 * r) - CODE_BASE;
        const at = records.charCodeAt(2 * r + 1) - CODE_BASE;
        if (f < ENTRIES.length) unpacked.push({ form: ENTRIES[f].canonical, at, entry: f });
        else {
          const v = variantAt(f - ENTRIES.length);
          unpacked.push({ form: v.form, at, entry: v.entry });
        }
      }
      assert.deepEqual(unpacked, map.get(key));
    });
  });
});
