/**
 * The misquotes of kind `pair` for slogan-variants.ts (`generateVariants`): the name of one
 * formulation of a pair next to a word that belongs to the other (`做到“两个确立”`: 做到 goes
 * with 两个维护; `“两个维护”的决定性意义`), or to another formulation of its series
 * (`siblings`: `做到“四个意识”`), with or without 了 after the verb (`做到了“两个确立”`); and the
 * pair's verb before this name and its own sequel (`统筹推进“四个全面”战略布局`). Each is fixed
 * to the formulation the word goes with (or, for the verbs exchanged, to this one's verb).
 * Also this name glossed by the other's items (`坚定“四个自信”，即政治意识、…`: the writer
 * states what the name counts, and the items are the pair's or a sibling's `parts`), fixed to
 * the name the items belong to (`glossForms`).
 * Offsets in a Variant (`fixAt`, `fixLen`) are UTF-16 code units into its form.
 */
import type { SloganEntry } from '../data/slogans';
import type { Variant } from './slogan-variants';

/**
 * What writers put between a number-named formulation and the items it counts (pages corpus,
 * reports and explainers: `“四个意识”，即政治意识、…`, `“四个意识”即…`, `“四个意识”：…`,
 * `“四个意识”（政治意识、…）`, `四个意识是指政治意识…`).
 */
const GLOSS_INTRODUCERS = ['，即', '即', '：', '（', '是指', '是指：'];

/**
 * The name of `entries[i]` (quoted or bare) followed by an introducer and the first item of
 * another formulation it is confused with (its pair or a sibling, each with `parts`):
 * `“四个自信”，即政治意识` (政治意识 is 四个意识's), fixed to that formulation's name. The items
 * are taken as what the writer meant, the name as the slip. Its own items after it stay
 * quiet (they are no form), and so does the other's name glossed by its own items.
 */
function glossForms(entries: readonly SloganEntry[], byName: ReadonlyMap<string, number>, i: number, add: (v: Variant) => void): void {
  const c = entries[i].canonical;
  const others = [entries[i].pair, ...entries[i].siblings].filter((o): o is string => o !== null);
  for (const o of others) {
    const k = byName.get(o)!;
    const first = entries[k].parts[0];
    if (first === undefined || entries[i].parts.includes(first)) continue;
    for (const name of [`“${c}”`, c]) {
      for (const intro of GLOSS_INTRODUCERS) {
        add({ form: name + intro + first, entry: k, kind: 'pair', fixAt: name === c ? 0 : 1, fixLen: c.length, fixText: entries[k].canonical, word: first });
      }
    }
  }
}

/**
 * Adds through `add` the `pair` misquotes of `entries[i]` (none for an entry without a pair).
 *
 * @param byName each entry's index by its canonical form
 */
export function pairForms(entries: readonly SloganEntry[], byName: ReadonlyMap<string, number>, i: number, add: (v: Variant) => void): void {
  const e = entries[i];
  const c = e.canonical;
  if (e.parts.length > 0) glossForms(entries, byName, i, add);
  // The verb of another formulation of the series before this name (增强“四个意识”、坚定
  // “四个自信”、做到“两个维护”: `做到“四个意识”`), with or without 了: fixed to that
  // formulation, the name being what is wrong as for the pair.
  for (const sibling of e.siblings) {
    const other = entries[byName.get(sibling)!];
    for (const name of [`“${c}”`, c]) {
      const at = name === c ? 0 : 1;
      for (const w of other.before) {
        const fixText = name === c && other.unquotedAfter.includes(w) ? `“${other.canonical}”` : other.canonical;
        for (const verb of [w, `${w}了`]) add({ form: verb + name, entry: byName.get(sibling)!, kind: 'pair', fixAt: verb.length + at, fixLen: c.length, fixText, word: w });
      }
    }
  }
  if (e.pair === null) return;
  const pair = entries[byName.get(e.pair)!];
  // The pair's own words next to this entry's name: the name is what is wrong.
  for (const name of [`“${c}”`, c]) {
    const at = name === c ? 0 : 1;
    // Bare after a word the source quotes the pair's name after (做到两个确立 → 做到“两个维护”).
    const pairAfter = (w: string): string => (name === c && pair.unquotedAfter.includes(w) ? `“${pair.canonical}”` : pair.canonical);
    for (const w of pair.before) {
      for (const verb of [w, `${w}了`]) add({ form: verb + name, entry: byName.get(e.pair)!, kind: 'pair', fixAt: verb.length + at, fixLen: c.length, fixText: pairAfter(w), word: w });
    }
    for (const w of pair.after) {
      // Unquoted, fixed to the pair's quoted form where the data quotes it with the word
      // (`五位一体战略布局` → `“四个全面”战略布局`, an entry): both slips at once.
      const quotedPair = name === c && (byName.has(`“${pair.canonical}”${w}`) || pair.unquotedBefore.includes(w));
      if (quotedPair) add({ form: name + w, entry: byName.get(e.pair)!, kind: 'pair', fixAt: 0, fixLen: c.length, fixText: `“${pair.canonical}”`, word: w });
      else add({ form: name + w, entry: byName.get(e.pair)!, kind: 'pair', fixAt: at, fixLen: c.length, fixText: pair.canonical, word: w });
    }
  }
  // The pair's verb before this name and its own sequel (`统筹推进“四个全面”战略布局`): the
  // name and sequel agree, so the verb is what is wrong (the two verbs exchanged).
  if (e.verb !== null && pair.verb !== null) {
    for (const w of e.after) add({ form: `${pair.verb}“${c}”${w}`, entry: byName.get(e.pair)!, kind: 'pair', fixAt: 0, fixLen: pair.verb.length, fixText: e.verb, word: pair.verb });
  }
}
