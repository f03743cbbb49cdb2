/**
 * slogan-canonical: known formulations (规范提法) in their canonical wording. The list is
 * data (rules/data/slogans.yaml), each entry with its source. Findings:
 *
 * - a wrong form of an entry (slogan-variants.ts): listed by hand, or generated from what
 *   the entry says applies to it — a required word (the leader's name, 重要) or required
 *   quotation marks dropped, a congress and a plenary session confused (届/大), the name
 *   of one of a pair with the other's word (`做到“两个确立”`), quotation marks splitting
 *   it (`“全面从严”治党`). Each is found as an exact string, and is quiet where a correct
 *   phrase contains it at that place (the name-less `新时代中国特色社会主义思想` inside
 *   the full name) or, for a dropped name, after a redaction mark (`A新时代…`);
 * - one character replaced by a homophone (pinyin-pro, tones ignored) or a listed
 *   look-alike, in any formulation of 4 characters or more, at any place (`“两个为护”`,
 *   `全面从严治当`); in formulations of 14 characters or more, by any Han character
 *   except at either end;
 * - for formulations with near-miss search (6 characters or more by default): one Han
 *   character dropped, added or doubled, or two neighbours swapped, the first and last
 *   characters unchanged (a difference at an end cannot be told from the text around);
 *   the last character dropped only where it ends a word of the formulation and the text
 *   beyond does not mend the broken word (`二十届三中全精神`, not `…三中全体会议`);
 * - a quoted short numbered formulation with one character of its word replaced by any
 *   Han character (`“两个确定”`, `“第一议程”`; slogan-quoted.ts);
 * - for formulations of 5 characters: one inner character dropped (`高质发展`), unless what
 *   is left reads as whole words (`基层组织`) or starts on a word begun before (`党总支委员会`).
 *
 * What stays quiet: the exact formulation; a near miss that is itself a canonical form or a
 * correct phrase (slogans.yaml `correct`); a window that overlaps the exact formulation
 * (`学习习近平…思想` is 学习 + the name, not a doubled 习); an added 的, 之, 和 or 与 (a
 * paraphrase, not a misquote); differences in punctuation (`不忘初心，牢记使命`); entries
 * marked `verified: false` (completion only).
 *
 * Search is linear in the text: wrong forms are indexed by their first two code units and
 * formulations by their first and last two, and only windows anchored at a hit are
 * compared, each in time linear in the formulation's length. pinyin-pro is loaded only
 * when a window differs from a formulation by exactly one character that is not a
 * look-alike (homophones.ts).
 */
import type { SloganEntry } from '../data/slogans';
import type { Report } from '../model/report';
import type { Problem, Rule, RuleContext } from '../types';
import { insidePhrase } from '../model/dictionary';
import { isHan, isHanCode } from '../model/script';
import { confusion } from './homophones';
import type { Variant } from './slogan-variants';
import { ALL_NEAR, ENTRIES, FILTER, filterBit, GOOD, GOOD_LIST, ITEM_SIZE, ITEMS, NEAR_MIN_LENGTH, NO_NEAR, POOL, SLOTS, VARIANT, slotAt, variantAt } from './slogan-index';
import { spacesInside } from './slogan-gaps';
import { quotedNearWords } from './slogan-quoted';
import { PARAPHRASE_INSERTIONS, lastWordBreaks, namePrefixBefore, wholeWords, wordAcross, wordBefore } from './slogan-words';

/** Formulations at least this long (code units) may be misquoted by any one replaced character. */
const SUBSTITUTION_MIN_LENGTH = 14;
/**
 * A homophone or look-alike at the first or last character of a shorter form counts only
 * where the form stands alone at that end (no Han character beyond it: `“两个确力”`,
 * `做到两个确力。`) or the character makes no word with the text beyond (`主题党曰活动`):
 * otherwise it is often the start of an ordinary word (`党小组汇报` is not `党小组会`
 * misquoted).
 */
const END_CONFUSION_MIN_LENGTH = 6;
/** Characters that stand for a redacted name in a draft (`A新时代…`, `*新时代…`). */
const REDACTION = /[A-Za-zＡ-Ｚａ-ｚ*＊×Ｘ]/;


type Edit =
  | { kind: 'dropped' | 'extra'; char: string }
  | { kind: 'swapped'; chars: string }
  | { kind: 'wrong'; char: string; expected: string };

/**
 * How `found` differs from `canonical` by one edit of Han characters, or null when it does
 * not, or only in punctuation.
 *
 * - Same length, one character replaced: a finding when `anyReplacement` (long forms) and
 *   the place is not an end, or when the two characters may be confused (a homophone or
 *   a look-alike; asked last, as it may load pinyin-pro), at an end only when
 *   `endReplacement`.
 * - Otherwise (dropped, added, swapped) only when `nearMiss`, and the first and last
 *   characters must match: a difference at an end cannot be told from the text around.
 *   A 的/之/和/与/及 added or dropped is a paraphrase, unless the formulation is `exact`
 *   (a fixed name).
 */
export function oneEdit(found: string, canonical: string, anyReplacement: boolean, nearMiss = true, endReplacement = true, exact = false): Edit | null {
  const n = found.length;
  const m = canonical.length;
  if (found === canonical) return null;
  let i = 0;
  while (i < n && i < m && found[i] === canonical[i]) i++;
  if (n === m) {
    if (found.slice(i + 1) === canonical.slice(i + 1)) {
      if (!isHan(found[i]) || !isHan(canonical[i])) return null;
      const inner = i > 0 && i < m - 1;
      if (!inner && !endReplacement) return null;
      if ((anyReplacement && inner) || confusion(found[i], canonical[i]) !== null) return { kind: 'wrong', char: found[i], expected: canonical[i] };
      return null;
    }
    if (!nearMiss || found[0] !== canonical[0] || found[n - 1] !== canonical[m - 1]) return null;
    if (found[i] === canonical[i + 1] && found[i + 1] === canonical[i] && found.slice(i + 2) === canonical.slice(i + 2)) {
      return isHan(found[i]) && isHan(found[i + 1]) ? { kind: 'swapped', chars: found.slice(i, i + 2) } : null;
    }
    return null;
  }
  if (!nearMiss || found[0] !== canonical[0] || found[n - 1] !== canonical[m - 1]) return null;
  if (n === m + 1 && found.slice(i + 1) === canonical.slice(i)) {
    return isHan(found[i]) && (exact || !PARAPHRASE_INSERTIONS.has(found[i])) ? { kind: 'extra', char: found[i] } : null;
  }
  if (n === m - 1 && found.slice(i) === canonical.slice(i + 1)) {
    return isHan(canonical[i]) && (exact || !PARAPHRASE_INSERTIONS.has(canonical[i])) ? { kind: 'dropped', char: canonical[i] } : null;
  }
  return null;
}

/** A finding on one line; offsets are absolute. */
interface Hit {
  start: number;
  end: number;
  entry: SloganEntry;
  /** The near miss, for a hit found by comparison. */
  edit: Edit | null;
  /** The wrong form, for a hit found as an exact string. */
  variant: Variant | null;
}

export const sloganCanonical: Rule = {
  id: 'slogan-canonical',
  meta: {
    family: 'wording',
    severity: 'warning',
    fixable: true,
    // Findings lie within a line and read only that line (and the opaque spans, quantities
    // and mdast over it): after an edit it runs on the re-parsed blocks alone.
    scope: 'block',
    description: {
      'zh-CN': '规范提法使用标准表述（习近平新时代中国特色社会主义思想、“两个确立”、“三会一课”等）',
      en: 'Known formulations in their canonical wording (习近平新时代中国特色社会主义思想, 两个确立, 三会一课 …)',
    },
    messages: {
      variant: {
        'zh-CN': '“{found}”提法不规范，应为“{canonical}”（{source}）',
        en: '"{found}" is not the canonical wording: use "{canonical}" ({source})',
      },
      required: {
        'zh-CN': '“{found}”漏了“{word}”，应为“{canonical}”（{source}）',
        en: '"{found}" leaves out "{word}": the canonical wording is "{canonical}" ({source})',
      },
      quotes: {
        'zh-CN': '“{found}”缺少引号，应为{canonical}（{source}）',
        en: '"{found}" lacks its quotation marks: the canonical wording is {canonical} ({source})',
      },
      session: {
        'zh-CN': '“{found}”届次写法有误（届为全会，大为代表大会），应为“{canonical}”（{source}）',
        en: '"{found}" confuses a congress (大) and a plenary session (届): the canonical wording is "{canonical}" ({source})',
      },
      pair: {
        'zh-CN': '“{found}”把提法用混了：“{word}”搭配的是“{canonical}”，应为“{expected}”（{source}）',
        en: '"{found}" mixes up a pair: "{word}" goes with "{canonical}"; write "{expected}" ({source})',
      },
      space: {
        'zh-CN': '“{found}”中间多了空格，规范提法为“{canonical}”（{source}）',
        en: '"{found}" is broken by a space: the canonical wording is "{canonical}" ({source})',
      },
      separator: {
        'zh-CN': '“{found}”漏了顿号，应为“{canonical}”（{source}）',
        en: '"{found}" leaves out the enumeration commas (、): the canonical wording is "{canonical}" ({source})',
      },
      numeral: {
        'zh-CN': '“{found}”数字写法有误，应为“{expected}”（{source}）',
        en: '"{found}" writes 二 for 两: the canonical wording is "{expected}" ({source})',
      },
      measure: {
        'zh-CN': '“{found}”量词有误，应为“{canonical}”（{source}）',
        en: '"{found}" counts with the wrong measure word: the canonical wording is "{canonical}" ({source})',
      },
      split: {
        'zh-CN': '“{found}”被引号拆开，应为“{canonical}”（{source}）',
        en: '"{found}" splits the formulation with quotation marks: the canonical wording is "{canonical}" ({source})',
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
  check(report: Report, _options, context?: RuleContext): Problem[] {
    const { text, lines } = report;
    const problems: Problem[] = [];
    // The project dictionary: accepted words and the project's own formulations are
    // correct text here (a local formulation one character from a listed one).
    const dictionary = context?.dictionary;
    const quiet = dictionary && (dictionary.accept.length > 0 || dictionary.slogans.length > 0) ? [...dictionary.accept, ...dictionary.slogans.map((e) => e.canonical)] : null;
    // The candidates of the whole text in one scan, their hits gathered line by line (a
    // finding stays within its line). Work and allocation happen only at candidates.
    let hits: Hit[] = [];
    let from = 0;
    let to = -1;
    for (let i = nextKey(text, 0); i !== -1; i = nextKey(text, i + 1)) {
      if (i > to) {
        if (hits.length > 0) {
          addProblems(report, lineHits(hits, from, to), problems, quiet);
          hits = [];
        }
        const line = lines.lineAt(i);
        from = lines.start(line);
        to = lines.end(line);
      }
      // The bigram must lie within the line.
      if (i + 1 < to) hitsAt(text, from, to, i, hits);
    }
    if (hits.length > 0) addProblems(report, lineHits(hits, from, to), problems, quiet);
    if (dictionary && dictionary.slogans.length > 0) projectVariants(report, dictionary.slogans, quiet ?? [], problems);
    spacesInside(report, problems, quiet);
    quotedNearWords(report, problems, quiet);
    return problems.sort((a, b) => a.start - b.start);
  },
};

/**
 * The listed variants of the project's formulations (config `slogans:`), each found as an
 * exact string and reported like a listed variant of rules/data/slogans.yaml; quiet where
 * it overlaps a finding already made, lies inside accepted text or a project formulation,
 * or in code, HTML, links or front matter. (The generated misquotes and near misses of
 * the built-in entries are not derived for project entries: their index is built once.)
 */
function projectVariants({ text, opaque }: Report, entries: RuleContext['dictionary']['slogans'], quiet: readonly string[], problems: Problem[]): void {
  const before = problems.length;
  for (const { canonical, source, variants = [] } of entries) {
    for (const found of variants) {
      for (let start = text.indexOf(found); start !== -1; start = text.indexOf(found, start + found.length)) {
        const end = start + found.length;
        if (opaque.overlaps(start, end) || insidePhrase(text, start, end, quiet)) continue;
        if (problems.some((p) => p.start < end && start < p.end)) continue;
        problems.push({ messageId: 'variant', data: { found, canonical, source }, start, end, fix: { start, end, text: canonical } });
      }
    }
  }
  if (problems.length > before) problems.sort((a, b) => a.start - b.start);
}

/** Adds the problems of a line's `hits` to `problems`, but those inside the `quiet` phrases (the project dictionary). */
function addProblems({ text, opaque }: Report, hits: readonly Hit[], problems: Problem[], quiet: readonly string[] | null): void {
  for (const hit of hits) {
    const { start, end } = hit;
    if (opaque.overlaps(start, end)) continue;
    if (quiet !== null && insidePhrase(text, start, end, quiet)) continue;
    const { canonical, source } = hit.entry;
    const found = text.slice(start, end);
    const v = hit.variant;
    if (v) {
      // 以习新时代…: the start of the dropped name is left before the form (the rest of it
      // dropped); the finding and its fix take it in, unless it ends a word there (学习新时代…).
      const kept = v.kind === 'required' && v.fixAt === 0 ? namePrefixBefore(text, start, v.word) : 0;
      const fix = { start: start - kept + v.fixAt, end: start + v.fixAt + v.fixLen, text: v.fixText };
      const shown = text.slice(start - kept, end);
      const expected = shown.slice(0, kept + v.fixAt) + v.fixText + shown.slice(kept + v.fixAt + v.fixLen);
      const messageId = v.kind === 'listed' ? 'variant' : v.kind;
      problems.push({ messageId, data: { found: shown, canonical, source, expected, word: v.word }, start: start - kept, end, fix });
      continue;
    }
    const fix = { start, end, text: canonical };
    const edit = hit.edit!;
    if (edit.kind === 'swapped') problems.push({ messageId: 'swapped', data: { found, canonical, source, chars: edit.chars }, start, end, fix });
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

/** Per text found at a hit, the correct phrases that contain it and where: filled on its first hit. */
const CONTAINERS = new Map<string, readonly [string, number][]>();

/**
 * Whether `found`, at `start` of `text`, is part of correct text there: inside an exact
 * occurrence of a formulation or correct phrase (the name-less thought inside its full
 * name; `十届三中全会` inside `二十届三中全会`). Asked only at hits, so the cost stays
 * with the few candidates.
 */
function insideGood(text: string, found: string, start: number): boolean {
  let containers = CONTAINERS.get(found);
  if (containers === undefined) {
    const list: [string, number][] = [];
    for (const g of GOOD_LIST) for (let at = g.indexOf(found); at !== -1; at = g.indexOf(found, at + 1)) if (g !== found) list.push([g, at]);
    CONTAINERS.set(found, (containers = list));
  }
  for (const [g, at] of containers) if (start - at >= 0 && text.startsWith(g, start - at)) return true;
  return false;
}

/**
 * Whether the wrong form `variantAt(k)` found at `start` of `text` is excused: part of correct
 * text there, or, for a dropped name, right after a redaction mark (`A新时代…`, `XJP 新时代…`).
 */
function excused(text: string, k: number, start: number): boolean {
  const v = variantAt(k);
  if (insideGood(text, v.form, start)) return true;
  // 第二个…, 十二个…: the 二 belongs to another number.
  if (v.kind === 'numeral') return start > 0 && /[第一二三四五六七八九十百零两]/u.test(text[start - 1]);
  if (v.kind !== 'required') return false;
  // The mark may be set off by a space (`以 XJP 新时代…`).
  let before = start - 1;
  if (before >= 0 && (text[before] === ' ' || text[before] === '\u3000')) before--;
  return before >= 0 && REDACTION.test(text[before]);
}

/**
 * Adds the window `[start, end)` of the line `[from, to)` to `hits` if it is a near miss
 * of the formulation `POOL[at, at + m)`, of ENTRIES[entry] (whose `nearMiss` is given, so
 * the entry is read only for a window within one character of the form).
 */
function consider(text: string, from: number, to: number, start: number, end: number, at: number, m: number, entry: number, near: number, hits: Hit[]): void {
  if (start < from || end > to) return;
  const nearMiss = near === ALL_NEAR;
  if (end - start === m) {
    // Same length: one replaced character (the ends included), or two neighbours swapped.
    // Compared in place, so only a window that is one of them is sliced.
    let first = -1;
    let diff = 0;
    for (let k = 0; k < m && diff < 3; k++) {
      if (text.charCodeAt(start + k) !== POOL.charCodeAt(at + k)) {
        if (diff === 0) first = k;
        diff++;
      }
    }
    if (diff === 0 || diff === 3) return;
    if (diff === 2) {
      const swapped =
        nearMiss &&
        first + 1 < m &&
        text.charCodeAt(start + first) === POOL.charCodeAt(at + first + 1) &&
        text.charCodeAt(start + first + 1) === POOL.charCodeAt(at + first);
      if (!swapped) return;
    }
  } else {
    if (near === NO_NEAR || (!nearMiss && end - start !== m - 1)) return;
    // oneEdit wants both ends to match; testing them first spares the slice on most windows.
    if (text.charCodeAt(start) !== POOL.charCodeAt(at)) return;
    if (text.charCodeAt(end - 1) !== POOL.charCodeAt(at + m - 1)) {
      if (end - start === m - 1) droppedLast(text, from, to, start, end, at, m, entry, hits);
      return;
    }
  }
  const found = text.slice(start, end);
  if (GOOD.has(found)) return;
  const { canonical, exact } = ENTRIES[entry];
  // The text beyond the end that differs (the first character, or else the last).
  const atFirst = found.charCodeAt(0) !== POOL.charCodeAt(at);
  const beyond = text.charCodeAt(atFirst ? start - 1 : end);
  const endReplacement = m >= END_CONFUSION_MIN_LENGTH || !isHanCode(beyond) || !wordAcross(text, atFirst ? start : end - 1, atFirst);
  const edit = oneEdit(found, canonical, m >= SUBSTITUTION_MIN_LENGTH, near !== NO_NEAR, endReplacement, exact);
  if (!edit) return;
  // A short form searched for dropped characters only: quiet where what is left reads as
  // whole words (基层组织 for 基层党组织, 两个百年): a phrase of its own, not a misquote.
  // Nor where its first character makes a word with the text before (党总支委员会 is not
  // 支部委员会 missing 部: 总支 is a word).
  if (!nearMiss && edit.kind !== 'wrong') {
    if (edit.kind !== 'dropped' || wholeWords(found)) return;
    if (isHanCode(text.charCodeAt(start - 1)) && wordBefore(text, start)) return;
  }
  // The formulation itself next to text that repeats its first or last character
  // (`学习习近平…`): the window overlaps an exact occurrence.
  for (let g = Math.max(from, start - m + 1); g < end; g++) if (formAt(text, from, to, at, m, g)) return;
  if (insideGood(text, found, start)) return;
  hits.push({ start, end, entry: ENTRIES[entry], edit, variant: null });
}

/**
 * Adds to `hits` the window `[start, end)` if it is the formulation `POOL[at, at + m)` of
 * ENTRIES[entry] with its last character dropped (`二十届三中全精神`). An end cannot be told
 * from the text around, so only where it can: the dropped character ends a word of the
 * formulation (全会), so the window ends on a broken word, and the text beyond does not
 * mend it (`二十届三中全体会议`: 全体 is a word; the segmenter sees three characters) nor
 * stands in its place (`…总要球`: a homophone replaced, not a character dropped).
 */
function droppedLast(text: string, from: number, to: number, start: number, end: number, at: number, m: number, entry: number, hits: Hit[]): void {
  if (!lastWordBreaks(entry)) return;
  for (let k = 0; k < m - 1; k++) if (text.charCodeAt(start + k) !== POOL.charCodeAt(at + k)) return;
  const char = POOL[at + m - 1];
  if (isHanCode(text.charCodeAt(end))) {
    if (wordAcross(text, end - 1, false) || confusion(text[end], char) !== null) return;
  }
  const found = text.slice(start, end);
  if (GOOD.has(found) || insideGood(text, found, start)) return;
  for (let g = Math.max(from, start - m + 1); g < end; g++) if (formAt(text, from, to, at, m, g)) return;
  hits.push({ start, end, entry: ENTRIES[entry], edit: { kind: 'dropped', char }, variant: null });
}

/**
 * The first `i` from `from` on whose bigram (the code units at `i` and `i + 1`) may anchor
 * a form: the index's Bloom filter says maybe (slotAt then says whether it does), or -1.
 * Each code unit is read once.
 */
function nextKey(text: string, from: number): number {
  const last = text.length - 1;
  if (from >= last) return -1;
  let before = text.charCodeAt(from);
  for (let i = from; i < last; i++) {
    const after = text.charCodeAt(i + 1);
    const bit = filterBit((before << 16) | after);
    if ((FILTER[bit >>> 5] >>> (bit & 31)) & 1) return i;
    before = after;
  }
  return -1;
}

/**
 * Adds to `hits` the wrong forms and near misses anchored at the bigram at `i` of the line
 * `[from, to)`. A formulation anchored at offset `o` of it is compared with the windows an
 * edit away: same start `i - o` (an edit after the anchor, or a replaced character
 * anywhere), or one character earlier or later (a character added or dropped before it).
 */
function hitsAt(text: string, from: number, to: number, i: number, hits: Hit[]): void {
  const h = slotAt(text, i);
  if (h === -1) return;
  for (let k = SLOTS[2 * h] - 1; k < SLOTS[2 * h + 1]; k++) {
    const kind = ITEMS[ITEM_SIZE * k];
    const at = ITEMS[ITEM_SIZE * k + 1];
    const m = ITEMS[ITEM_SIZE * k + 2];
    const index = ITEMS[ITEM_SIZE * k + 3];
    const start = i - ITEMS[ITEM_SIZE * k + 4];
    const near = ITEMS[ITEM_SIZE * k + 5];
    const nearMiss = near === ALL_NEAR;
    if (kind === VARIANT) {
      if (formAt(text, from, to, at, m, start) && !excused(text, index, start)) {
        const variant = variantAt(index);
        hits.push({ start, end: start + m, entry: ENTRIES[variant.entry], edit: null, variant });
      }
      continue;
    }
    // The exact formulation here: each window holds or overlaps it, so none is a hit.
    if (formAt(text, from, to, at, m, start)) continue;
    consider(text, from, to, start, start + m, at, m, index, near, hits);
    if (m < NEAR_MIN_LENGTH || near === NO_NEAR) continue;
    // A character dropped after the anchor, or before it; added ones only where all near
    // misses are searched.
    consider(text, from, to, start, start + m - 1, at, m, index, near, hits);
    consider(text, from, to, start + 1, start + m, at, m, index, near, hits);
    if (!nearMiss) continue;
    consider(text, from, to, start, start + m + 1, at, m, index, near, hits);
    consider(text, from, to, start - 1, start + m, at, m, index, near, hits);
  }
}

/**
 * The hits of the line `text[from, to)` (absolute offsets) that stand, non-overlapping, in
 * text order.
 */
function lineHits(hits: Hit[], from: number, to: number): readonly Hit[] {
  if (hits.length <= 1) return hits;

  // Wrong forms first, then dropped/added/swapped characters, then a replaced one
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
