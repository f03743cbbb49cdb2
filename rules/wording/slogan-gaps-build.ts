/**
 * The table slogan-gaps.ts looks formulations up in: for each junction of two Han characters
 * in a form (a verified formulation or one of its generated wrong forms), the forms with that
 * junction, longest first. Built with the search index at build time
 * (slogan-index-build.ts; scripts/slogan-index.mjs writes it to
 * rules/engine/generated/slogan-index.cjs), so no lint builds it: made at the first stray
 * space of a CLI run, the map of 34,000 junctions cost ≈37 ms and 2 MB (issue #14).
 *
 * Packed for loading, not for reading: two strings and one short list of numbers, where a
 * map of lists of objects would be 2,400 keys and 34,000 objects parsed at every start.
 * slogan-gaps.ts unpacks the list of a junction when a report first has a space there.
 */
import type { SloganEntry } from '../data/slogans';
import { isHanCode } from '../model/script';
import type { Variant } from './slogan-variants';

/**
 * The forms by junction. A form is named by one number: `f < ENTRIES.length` is entry `f`'s
 * canonical form, and `ENTRIES.length + k` the wrong form `k` (`variantAt(k)`).
 */
export interface JunctionTable {
  /** The junctions, two code units each (the Han characters either side), in ascending order of their code units. */
  keys: string;
  /** Per junction of `keys`, where its records end in `records` (in records): junction `i`'s are [ends[i - 1] or 0, ends[i]). */
  ends: number[];
  /**
   * The records, two code units each: CODE_BASE + the form's number, CODE_BASE + the
   * junction's offset in the form (`form[at - 1]` and `form[at]` are the junction's
   * characters). A junction's records are its forms longest first, in insertion order
   * (entries in ENTRIES order, then wrong forms by index; a form's junctions left to right)
   * where lengths tie.
   */
  records: string;
}

/**
 * What a number of `JunctionTable.records` is offset by: 0x4E00, the first CJK ideograph, so
 * every code unit is a plain character (no control, combining or surrogate code unit) while
 * the numbers stay under 0xD800 - 0x4E00 = 35,328.
 */
export const CODE_BASE = 0x4e00;

/**
 * The table of the verified entries (ENTRIES, longest first) and their wrong forms. A wrong
 * form of kind `pair` (a sibling's name before or after another formulation) has no
 * junction of its own; a `separator` form (a series' 顿号 dropped) has none where the 顿号
 * stood: a space there stands for the 顿号, a mark of the series changed, which
 * slogan-spacing reports (slogan-spacing-series.ts).
 *
 * @throws Error when a number does not fit a code unit (CODE_BASE)
 */
export function buildJunctions(entries: readonly SloganEntry[], variants: readonly Variant[]): JunctionTable {
  const map = new Map<number, { length: number; f: number; at: number }[]>();
  const add = (f: number, form: string, dropped: ReadonlySet<number> | null): void => {
    for (let at = 1; at < form.length; at++) {
      const a = form.charCodeAt(at - 1);
      const b = form.charCodeAt(at);
      if (!isHanCode(a) || !isHanCode(b)) continue;
      if (dropped !== null && dropped.has(form.slice(0, at).replaceAll('、', '').length)) continue;
      const key = a * 0x10000 + b;
      const list = map.get(key) ?? [];
      list.push({ length: form.length, f, at });
      map.set(key, list);
    }
  };
  entries.forEach((e, f) => add(f, e.canonical, null));
  variants.forEach((v, k) => {
    if (v.kind !== 'pair') add(entries.length + k, v.form, v.kind === 'separator' ? partEnds(entries[v.entry].canonical) : null);
  });
  const code = (n: number): string => {
    if (CODE_BASE + n >= 0xd800) throw new Error(`slogan-gaps-build: ${n} does not fit a code unit above CODE_BASE`);
    return String.fromCharCode(CODE_BASE + n);
  };
  let keys = '';
  const ends: number[] = [];
  const records: string[] = [];
  for (const key of [...map.keys()].sort((x, y) => x - y)) {
    keys += String.fromCharCode(Math.floor(key / 0x10000), key % 0x10000);
    // Array.prototype.sort is stable: ties keep the insertion order.
    for (const { f, at } of map.get(key)!.sort((x, y) => y.length - x.length)) records.push(code(f) + code(at));
    ends.push(records.length);
  }
  return { keys, ends, records: records.join('') };
}

/** Where the parts of a series (joined by 、) end, counted in its characters without the 顿号: 把方向、管大局、保落实 → 3, 6. */
function partEnds(series: string): ReadonlySet<number> {
  const ends = new Set<number>();
  let n = 0;
  for (const part of series.split('、').slice(0, -1)) ends.add((n += part.length));
  return ends;
}
