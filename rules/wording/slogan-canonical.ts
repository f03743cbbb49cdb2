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

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

// Indexes, built once. Entries longest first, so a long formulation's finding wins over a
// shorter one it contains (新时代中国特色社会主义思想 inside the full name).
const ENTRIES = [...slogans.entries].sort((a, b) => b.canonical.length - a.canonical.length);
const GOOD = new Set<string>([...ENTRIES.map((e) => e.canonical), ...slogans.correct.map((c) => c.phrase)]);
/** Known wrong variants by their first two code units. */
const VARIANTS = new Map<number, { text: string; entry: SloganEntry }[]>();
for (const entry of ENTRIES) for (const text of entry.variants) push(VARIANTS, bigram(text, 0), { text, entry });
const BY_PREFIX = new Map<number, SloganEntry[]>();
const BY_SUFFIX = new Map<number, SloganEntry[]>();
for (const entry of ENTRIES) {
  if (!entry.nearMiss || entry.canonical.length < 4) continue;
  push(BY_PREFIX, bigram(entry.canonical, 0), entry);
  push(BY_SUFFIX, bigram(entry.canonical, entry.canonical.length - 2), entry);
}

// Which of the three maps a bigram may be a key of, by its first and by its second code
// unit. Almost every position of a text fails `FIRST[c0] & SECOND[c1]`, so the scan does
// two array reads there instead of three Map lookups.
const IN_VARIANTS = 1;
const IN_PREFIX = 2;
const IN_SUFFIX = 4;
const FIRST = new Uint8Array(65536);
const SECOND = new Uint8Array(65536);
for (const [keys, flag] of [
  [VARIANTS.keys(), IN_VARIANTS],
  [BY_PREFIX.keys(), IN_PREFIX],
  [BY_SUFFIX.keys(), IN_SUFFIX],
] as const) {
  for (const key of keys) {
    FIRST[key >>> 16] |= flag;
    SECOND[key & 0xffff] |= flag;
  }
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
    const { text, lines, opaque } = report;
    const problems: Problem[] = [];
    for (let line = 0; line < lines.count; line++) {
      const from = lines.start(line);
      const to = lines.end(line);
      if (to - from < 2) continue;
      for (const hit of lineHits(text, from, to)) {
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
    return problems.sort((a, b) => a.start - b.start);
  },
};

/** Whether `canonical` occurs at `g` of `text`, inside the line `[from, to)`. */
function exactAt(text: string, from: number, to: number, canonical: string, g: number): boolean {
  return g >= from && g + canonical.length <= to && text.startsWith(canonical, g);
}

/** Adds the window `[start, end)` of the line `[from, to)` to `hits` if it is a near miss of `entry`. */
function consider(text: string, from: number, to: number, start: number, end: number, entry: SloganEntry, hits: Hit[]): void {
  if (start < from || end > to) return;
  const { canonical } = entry;
  // oneEdit wants both ends to match; testing them first spares the slice on most windows.
  if (text.charCodeAt(start) !== canonical.charCodeAt(0) || text.charCodeAt(end - 1) !== canonical.charCodeAt(canonical.length - 1)) return;
  const found = text.slice(start, end);
  if (GOOD.has(found)) return;
  const edit = oneEdit(found, canonical, canonical.length >= SUBSTITUTION_MIN_LENGTH);
  if (!edit) return;
  // The formulation itself next to text that repeats its first or last character
  // (`学习习近平…`): the window overlaps an exact occurrence.
  for (let g = Math.max(from, start - canonical.length + 1); g < end; g++) if (exactAt(text, from, to, canonical, g)) return;
  hits.push({ start, end, entry, edit });
}

const NO_HITS: readonly Hit[] = [];

/** The first `i` in `[from, to - 1)` whose bigram may be a key of an index, or -1. */
function nextKey(text: string, from: number, to: number): number {
  for (let i = from; i + 1 < to; i++) {
    if (FIRST[text.charCodeAt(i)] & SECOND[text.charCodeAt(i + 1)]) return i;
  }
  return -1;
}

/** Adds to `hits` the variants and near misses anchored at the bigram at `i` of the line `[from, to)`. */
function hitsAt(text: string, from: number, to: number, i: number, hits: Hit[]): void {
  const flags = FIRST[text.charCodeAt(i)] & SECOND[text.charCodeAt(i + 1)];
  const key = bigram(text, i);
  if (flags & IN_VARIANTS) {
    const forms = VARIANTS.get(key);
    if (forms) for (const f of forms) if (exactAt(text, from, to, f.text, i)) hits.push({ start: i, end: i + f.text.length, entry: f.entry, edit: null });
  }
  if (flags & IN_PREFIX) {
    const byPrefix = BY_PREFIX.get(key);
    if (byPrefix) {
      for (const entry of byPrefix) {
        const m = entry.canonical.length;
        // The exact formulation here: each window holds or overlaps it, so none is a hit.
        if (exactAt(text, from, to, entry.canonical, i)) continue;
        for (let len = m - 1; len <= m + 1; len++) consider(text, from, to, i, i + len, entry, hits);
      }
    }
  }
  if (flags & IN_SUFFIX) {
    const bySuffix = BY_SUFFIX.get(key);
    if (bySuffix) {
      for (const entry of bySuffix) {
        const m = entry.canonical.length;
        if (exactAt(text, from, to, entry.canonical, i + 2 - m)) continue;
        for (let len = m - 1; len <= m + 1; len++) consider(text, from, to, i + 2 - len, i + 2, entry, hits);
      }
    }
  }
}

/**
 * The variants and near misses of the line `text[from, to)` (absolute offsets),
 * non-overlapping, in text order. Work and allocation happen only at positions whose two
 * code units may be a key of the indexes.
 */
function lineHits(text: string, from: number, to: number): readonly Hit[] {
  let i = nextKey(text, from, to);
  if (i === -1) return NO_HITS;
  const hits: Hit[] = [];
  for (; i !== -1; i = nextKey(text, i + 1, to)) hitsAt(text, from, to, i, hits);
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
