/**
 * slogan-canonical: known formulations (规范提法) in their canonical wording. The list is
 * data (rules/data/slogans.yaml), each entry with its source. Two kinds of finding:
 *
 * - a known wrong variant (`习近平新时代中国特色主义思想`), found as an exact string;
 * - a near miss of a long formulation (8 characters or more): one Han character dropped
 *   (`新时代党的组织线`), added or doubled, two neighbours swapped, or — for forms of 14
 *   characters or more — one replaced. The first and last characters must match: a
 *   difference at either end cannot be told from the text around the phrase.
 *
 * What stays quiet: the exact formulation; a near miss that is itself a canonical form or a
 * known correct phrase; a window that overlaps the exact formulation (`学习习近平…思想` is
 * 学习 + the name, not a doubled 习); an added 的 or 之 (a paraphrase, not a misquote);
 * differences in punctuation (`不忘初心，牢记使命` is how the 19th Congress report writes it).
 * A redaction such as `A新时代中国特色社会主义思想` holds the correct short form and is not
 * reported or "fixed": a redaction is draft residue, not wording, and the rule never guesses
 * what it stands for.
 *
 * Search is linear in the text: formulations are indexed by their first and last two
 * characters (UTF-16 code units), and only windows anchored at a hit are compared, each in
 * time linear in the formulation's length.
 */
import { slogans, type SloganEntry } from '../data/slogans';
import type { Report } from '../model/report';
import type { Problem, Rule } from '../types';
import { isHan } from '../model/script';

/** Formulations at least this long (code units) may also be misquoted by one replaced character. */
const SUBSTITUTION_MIN_LENGTH = 14;
/** Characters whose insertion paraphrases rather than misquotes (`中央八项规定的精神`). */
const PARAPHRASE_INSERTIONS = new Set(['的', '之']);



/** Key of the two code units at `i` of `s` (both must exist). */
const bigram = (s: string, i: number): number => (s.charCodeAt(i) << 16) | s.charCodeAt(i + 1);

// Indexes, built once. Entries longest first, so a long formulation's finding wins over a
// shorter one it contains (新时代中国特色社会主义思想 inside the full name).
const ENTRIES = [...slogans.entries].sort((a, b) => b.canonical.length - a.canonical.length);
const GOOD = new Set<string>([...ENTRIES.map((e) => e.canonical), ...slogans.correct.map((c) => c.phrase)]);

/** What the scan tries at a bigram: a known variant starting there, or a formulation starting or ending there. */
const VARIANT = 0;
const PREFIX = 1;
const SUFFIX = 2;
type Kind = typeof VARIANT | typeof PREFIX | typeof SUFFIX;

/** What may be anchored at each bigram, in the order the scan tries it. */
const ANCHORED = new Map<number, { kind: Kind; form: string; entry: number }[]>();
function anchor(key: number, kind: Kind, form: string, entry: number): void {
  const list = ANCHORED.get(key);
  if (list) list.push({ kind, form, entry });
  else ANCHORED.set(key, [{ kind, form, entry }]);
}
// Known wrong variants by their first two code units; formulations (near-miss search on)
// by their first and by their last two.
ENTRIES.forEach((entry, e) => {
  for (const form of entry.variants) anchor(bigram(form, 0), VARIANT, form, e);
});
ENTRIES.forEach((entry, e) => {
  if (!entry.nearMiss || entry.canonical.length < 4) return;
  anchor(bigram(entry.canonical, 0), PREFIX, entry.canonical, e);
  anchor(bigram(entry.canonical, entry.canonical.length - 2), SUFFIX, entry.canonical, e);
});
// At a bigram: its variants, then the formulations starting there, then those ending
// there, each group in ENTRIES order (the sort is stable).
for (const list of ANCHORED.values()) list.sort((a, b) => a.kind - b.kind);

/*
 * The same index laid out flat, as the scan reads it. The scan meets the index with cold
 * caches (the parse before it evicts them), where a map, an object per form and a string
 * per form cost a cache miss each; these few typed arrays and one string take a few lines.
 *
 * KEYS and SLOTS: an open-addressing table from a bigram to its anchors, ITEMS[first, end),
 * stored as `first + 1` and `end` at SLOTS[2h] and SLOTS[2h + 1] (0: the slot is empty).
 * ITEMS: per anchor, its kind, where its form stands in POOL, the form's length, and its
 * entry's index in ENTRIES.
 */
const ITEM_SIZE = 4;
const TABLE_BITS = Math.max(4, Math.ceil(Math.log2(ANCHORED.size * 4)));
const KEYS = new Int32Array(1 << TABLE_BITS);
const SLOTS = new Int32Array(2 << TABLE_BITS);
const slotOf = (key: number): number => Math.imul(key, 0x9e3779b1) >>> (32 - TABLE_BITS);
const nextSlot = (h: number): number => (h + 1) & (KEYS.length - 1);
const [POOL, ITEMS] = ((): [string, Int32Array] => {
  let pool = '';
  const items: number[] = [];
  for (const [key, list] of ANCHORED) {
    const first = items.length / ITEM_SIZE;
    for (const { kind, form, entry } of list) {
      let at = pool.indexOf(form);
      if (at === -1) {
        at = pool.length;
        pool += form;
      }
      items.push(kind, at, form.length, entry);
    }
    let h = slotOf(key);
    while (SLOTS[2 * h] !== 0) h = nextSlot(h);
    KEYS[h] = key;
    SLOTS[2 * h] = first + 1;
    SLOTS[2 * h + 1] = items.length / ITEM_SIZE;
  }
  return [pool, Int32Array.from(items)];
})();

// For each code unit, whether it is the first (CAN_START) or second (CAN_END) of a
// bigram of ANCHORED (see nextKey).
const CAN_START = 1;
const CAN_END = 2;
const ROLE = new Uint8Array(65536);
for (const key of ANCHORED.keys()) {
  ROLE[key >>> 16] |= CAN_START;
  ROLE[key & 0xffff] |= CAN_END;
}

type Edit =
  | { kind: 'dropped' | 'extra'; char: string }
  | { kind: 'swapped'; chars: string }
  | { kind: 'wrong'; char: string; expected: string };

/**
 * How `found` differs from `canonical` by one edit of Han characters, or null when it
 * does not (or differs at its first or last character, or only in punctuation).
 */
export function oneEdit(found: string, canonical: string, substitution: boolean): Edit | null {
  const n = found.length;
  const m = canonical.length;
  if (found === canonical || found[0] !== canonical[0] || found[n - 1] !== canonical[m - 1]) return null;
  let i = 0;
  while (i < n && i < m && found[i] === canonical[i]) i++;
  if (n === m) {
    if (found.slice(i + 1) === canonical.slice(i + 1)) {
      return substitution && isHan(found[i]) && isHan(canonical[i]) ? { kind: 'wrong', char: found[i], expected: canonical[i] } : null;
    }
    if (found[i] === canonical[i + 1] && found[i + 1] === canonical[i] && found.slice(i + 2) === canonical.slice(i + 2)) {
      return isHan(found[i]) && isHan(found[i + 1]) ? { kind: 'swapped', chars: found.slice(i, i + 2) } : null;
    }
    return null;
  }
  if (n === m + 1 && found.slice(i + 1) === canonical.slice(i)) {
    return isHan(found[i]) && !PARAPHRASE_INSERTIONS.has(found[i]) ? { kind: 'extra', char: found[i] } : null;
  }
  if (n === m - 1 && found.slice(i) === canonical.slice(i + 1)) {
    return isHan(canonical[i]) ? { kind: 'dropped', char: canonical[i] } : null;
  }
  return null;
}

/** A finding on one line; offsets are absolute. */
interface Hit {
  start: number;
  end: number;
  entry: SloganEntry;
  edit: Edit | null;
}

export const sloganCanonical: Rule = {
  id: 'slogan-canonical',
  meta: {
    family: 'wording',
    severity: 'warning',
    fixable: true,
    description: {
      'zh-CN': '规范提法使用标准表述（习近平新时代中国特色社会主义思想、“两个确立”、“三会一课”等）',
      en: 'Known formulations in their canonical wording (习近平新时代中国特色社会主义思想, 两个确立, 三会一课 …)',
    },
    messages: {
      variant: {
        'zh-CN': '“{found}”提法不规范，应为“{canonical}”（{source}）',
        en: '"{found}" is not the canonical wording: use "{canonical}" ({source})',
      },
      dropped: {
        'zh-CN': '“{found}”漏了“{char}”字，应为“{canonical}”（{source}）',
        en: '"{found}" drops "{char}": the canonical wording is "{canonical}" ({source})',
      },
      extra: {
        'zh-CN': '“{found}”多了“{char}”字，应为“{canonical}”（{source}）',
        en: '"{found}" has an extra "{char}": the canonical wording is "{canonical}" ({source})',
      },
      swapped: {
        'zh-CN': '“{found}”中“{chars}”顺序颠倒，应为“{canonical}”（{source}）',
        en: '"{found}" swaps "{chars}": the canonical wording is "{canonical}" ({source})',
      },
      wrong: {
        'zh-CN': '“{found}”中“{char}”应为“{expected}”，规范提法为“{canonical}”（{source}）',
        en: '"{found}" has "{char}" for "{expected}": the canonical wording is "{canonical}" ({source})',
      },
    },
  },
  check(report: Report): Problem[] {
    const { text, lines } = report;
    const problems: Problem[] = [];
    // The candidates of the whole text in one scan, their hits gathered line by line (a
    // finding stays within its line). Work and allocation happen only at candidates.
    let hits: Hit[] = [];
    let from = 0;
    let to = -1;
    for (let i = nextKey(text, 0); i !== -1; i = nextKey(text, i + 1)) {
      if (i > to) {
        if (hits.length > 0) {
          addProblems(report, lineHits(hits, from, to), problems);
          hits = [];
        }
        const line = lines.lineAt(i);
        from = lines.start(line);
        to = lines.end(line);
      }
      // The bigram must lie within the line.
      if (i + 1 < to) hitsAt(text, from, to, i, hits);
    }
    if (hits.length > 0) addProblems(report, lineHits(hits, from, to), problems);
    return problems.sort((a, b) => a.start - b.start);
  },
};

/** Adds the problems of a line's `hits` to `problems`. */
function addProblems({ text, opaque }: Report, hits: readonly Hit[], problems: Problem[]): void {
  for (const hit of hits) {
    const { start, end } = hit;
    if (opaque.overlaps(start, end)) continue;
    const { canonical, source } = hit.entry;
    const found = text.slice(start, end);
    const fix = { start, end, text: canonical };
    const edit = hit.edit;
    if (!edit) problems.push({ messageId: 'variant', data: { found, canonical, source }, start, end, fix });
    else if (edit.kind === 'swapped') problems.push({ messageId: 'swapped', data: { found, canonical, source, chars: edit.chars }, start, end, fix });
    else if (edit.kind === 'wrong') {
      problems.push({ messageId: 'wrong', data: { found, canonical, source, char: edit.char, expected: edit.expected }, start, end, fix });
    } else problems.push({ messageId: edit.kind, data: { found, canonical, source, char: edit.char }, start, end, fix });
  }
}

/** Whether the form `POOL[at, at + n)` occurs at `g` of `text`, inside the line `[from, to)`. */
function formAt(text: string, from: number, to: number, at: number, n: number, g: number): boolean {
  if (g < from || g + n > to) return false;
  // From the end: most forms tried at a position are not there, and they share their
  // first code units with the bigram that brought the scan here.
  for (let k = n - 1; k >= 0; k--) if (text.charCodeAt(g + k) !== POOL.charCodeAt(at + k)) return false;
  return true;
}

/**
 * Adds the window `[start, end)` of the line `[from, to)` to `hits` if it is a near miss
 * of the formulation `POOL[at, at + m)`, of ENTRIES[entry].
 */
function consider(text: string, from: number, to: number, start: number, end: number, at: number, m: number, entry: number, hits: Hit[]): void {
  if (start < from || end > to) return;
  // oneEdit wants both ends to match; testing them first spares the slice on most windows.
  if (text.charCodeAt(start) !== POOL.charCodeAt(at) || text.charCodeAt(end - 1) !== POOL.charCodeAt(at + m - 1)) return;
  const found = text.slice(start, end);
  if (GOOD.has(found)) return;
  const { canonical } = ENTRIES[entry];
  const edit = oneEdit(found, canonical, m >= SUBSTITUTION_MIN_LENGTH);
  if (!edit) return;
  // The formulation itself next to text that repeats its first or last character
  // (`学习习近平…`): the window overlaps an exact occurrence.
  for (let g = Math.max(from, start - m + 1); g < end; g++) if (formAt(text, from, to, at, m, g)) return;
  hits.push({ start, end, entry: ENTRIES[entry], edit });
}

/**
 * The first `i` from `from` on whose bigram may be a key of ANCHORED, or -1. The code
 * unit at `j` settles the bigrams at `j - 1` and at `j`, so `j` steps by two and each
 * code unit is read once. Both bigrams are tested in one expression, without a branch
 * per role: in Chinese text the characters that may start or end a formulation (中, 党,
 * 社 …) come and go at random, and a branch on them would be mispredicted all along.
 */
function nextKey(text: string, from: number): number {
  const n = text.length;
  if (from + 1 >= n) return -1;
  let before = ROLE[text.charCodeAt(from)];
  for (let j = from + 1; j < n; j += 2) {
    const here = ROLE[text.charCodeAt(j)];
    const after = j + 1 < n ? ROLE[text.charCodeAt(j + 1)] : 0;
    // CAN_START is bit 0 and CAN_END bit 1: `x & (y >> 1)` asks whether x starts and y ends a bigram.
    const atBefore = before & (here >> 1);
    if (atBefore | (here & (after >> 1))) return atBefore ? j - 1 : j;
    before = after;
  }
  return -1;
}

/** Adds to `hits` the variants and near misses anchored at the bigram at `i` of the line `[from, to)`. */
function hitsAt(text: string, from: number, to: number, i: number, hits: Hit[]): void {
  const key = bigram(text, i);
  let h = slotOf(key);
  while (SLOTS[2 * h] !== 0 && KEYS[h] !== key) h = nextSlot(h);
  if (SLOTS[2 * h] === 0) return;
  for (let k = SLOTS[2 * h] - 1; k < SLOTS[2 * h + 1]; k++) {
    const kind = ITEMS[ITEM_SIZE * k];
    const at = ITEMS[ITEM_SIZE * k + 1];
    const m = ITEMS[ITEM_SIZE * k + 2];
    const entry = ITEMS[ITEM_SIZE * k + 3];
    if (kind === VARIANT) {
      if (formAt(text, from, to, at, m, i)) hits.push({ start: i, end: i + m, entry: ENTRIES[entry], edit: null });
    } else if (kind === PREFIX) {
      // The exact formulation here: each window holds or overlaps it, so none is a hit.
      if (formAt(text, from, to, at, m, i)) continue;
      for (let len = m - 1; len <= m + 1; len++) consider(text, from, to, i, i + len, at, m, entry, hits);
    } else {
      if (formAt(text, from, to, at, m, i + 2 - m)) continue;
      for (let len = m - 1; len <= m + 1; len++) consider(text, from, to, i + 2 - len, i + 2, at, m, entry, hits);
    }
  }
}

/**
 * The hits of the line `text[from, to)` (absolute offsets) that stand, non-overlapping, in
 * text order.
 */
function lineHits(hits: Hit[], from: number, to: number): readonly Hit[] {
  if (hits.length <= 1) return hits;

  // Known variants first, then dropped/added/swapped characters, then a replaced one
  // (`学习习平新时代…` drops 近; it does not replace the 习 of 学习); within a rank the
  // longest hit (a long formulation wins over a shorter one inside it), then the leftmost.
  // A hit overlapping an accepted one is dropped. Hits are short, so marking their
  // characters keeps this linear.
  const rank = (h: Hit) => (h.edit === null ? 0 : h.edit.kind === 'wrong' ? 2 : 1);
  hits.sort((a, b) => rank(a) - rank(b) || b.end - b.start - (a.end - a.start) || b.entry.canonical.length - a.entry.canonical.length || a.start - b.start);
  const taken = new Uint8Array(to - from);
  const accepted: Hit[] = [];
  for (const h of hits) {
    let free = true;
    for (let k = h.start - from; k < h.end - from && free; k++) free = taken[k] === 0;
    if (!free) continue;
    taken.fill(1, h.start - from, h.end - from);
    accepted.push(h);
  }
  return accepted.sort((a, b) => a.start - b.start);
}
