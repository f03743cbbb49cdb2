/**
 * slogan-canonical's search (rules/wording/slogan-canonical.ts): the candidates of a text
 * anchored at the index's rare bigrams (slogan-index.ts), the wrong forms found there as
 * exact strings, the windows one edit from a formulation compared with it (slogan-edits.ts),
 * and the hits of a line that stand. Offsets are UTF-16 code units into the report's text;
 * a line is `[from, to)` of it. Linear in the text: work happens only at anchors, each
 * comparison in time linear in the formulation's length.
 */
import { slogans, type SloganEntry } from '../data/slogans';
import { isHanCode } from '../model/script';
import { confusion } from './homophones';
import { type Edit, oneEdit } from './slogan-edits';
import { ALL_NEAR, ENTRIES, FILTER, filterBit, GOOD, ITEM_SIZE, ITEMS, NEAR_MIN_LENGTH, NO_NEAR, POOL, SLOTS, VARIANT, slotAt, variantAt } from './slogan-index';
import { isSeries, type Variant } from './slogan-variants';
import { lastWordBreaks, PARAPHRASE_INSERTIONS, wholeWords, wordAcross, wordBefore, wordRunsOn } from './slogan-words';
import { endBeyond, excused, insideGood, partEndsAt, rewordedEnd } from './slogan-excuses';
import { commonWords } from '../data/reduplication';
import { endWordSwapped, END_SWAP_MIN_LENGTH, patternedMember } from './slogan-patterned';

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
/** Shortest formulation (code units) read with any last character where quoted whole after a verb (国之大者). */
const QUOTED_LAST_MIN_LENGTH = 4;

/**
 * Whether `text` right before `open` (a quotation mark) ends with a verb the Party's documents
 * put formulations to (slogans.yaml `verbs`) or one of `entry`'s own `before` words (牢记, 心怀
 * for 国之大者).
 */
function namedByVerb(text: string, open: number, entry: SloganEntry): boolean {
  return slogans.verbs.some((v) => text.endsWith(v, open)) || entry.before.some((v) => text.endsWith(v, open));
}

/** Particles and joining words that stand at the end of a window of a short form as grammar, never as its replaced character. */
const END_PARTICLES = '的地得之和与及了着过在是';

/** Per entry of ENTRIES, 1 when it is a series (isSeries): its last part may be misquoted by any character. */
const SERIES = Uint8Array.from(ENTRIES, (e) => (isSeries(e.canonical) ? 1 : 0));

/** A finding on one line; offsets are absolute. */
export interface Hit {
  start: number;
  end: number;
  entry: SloganEntry;
  /** The near miss, for a hit found by comparison. */
  edit: Edit | null;
  /** The wrong form, for a hit found as an exact string. */
  variant: Variant | null;
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
 * of the formulation `POOL[at, at + m)`, of ENTRIES[entry] (whose `nearMiss` is given, so
 * the entry is read only for a window within one character of the form).
 */
function consider(text: string, from: number, to: number, start: number, end: number, at: number, m: number, entry: number, near: number, hits: Hit[]): void {
  if (start < from || end > to) return;
  const nearMiss = near === ALL_NEAR;
  if (end - start === m) {
    // Same length: one replaced character (the ends included), two neighbours swapped, or
    // (three or four differing in a row) one moved past its neighbours. Compared in place,
    // so only a window that is one of them is sliced.
    let first = -1;
    let last = -1;
    let diff = 0;
    for (let k = 0; k < m && diff < 5; k++) {
      if (text.charCodeAt(start + k) !== POOL.charCodeAt(at + k)) {
        if (diff === 0) first = k;
        last = k;
        diff++;
      }
    }
    if (diff === 0 || diff === 5) return;
    if (diff >= 3 && (!nearMiss || last - first + 1 !== diff)) return;
    if (diff === 2) {
      const swapped =
        (nearMiss || (first === m - 2 && m >= END_SWAP_MIN_LENGTH)) &&
        first + 1 < m &&
        text.charCodeAt(start + first) === POOL.charCodeAt(at + first + 1) &&
        text.charCodeAt(start + first + 1) === POOL.charCodeAt(at + first);
      if (!swapped) {
        homophoneWord(text, from, to, start, at, m, first, entry, hits);
        return;
      }
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
  // A particle or joining word at the end of a short form's window (`的高质量` is 的 + 高质量,
  // not 提高质量 misquoted: 提 also reads dī) joins the form's words to the sentence: grammar,
  // not a replaced character.
  const endChar = atFirst ? found[0] : found[found.length - 1];
  // Nor where the form's end word is replaced by another word (`重点整治生态护林员…`: 整治 for
  // 政治, a word of its own with its own sense, not 政治 typed by its sound).
  const endWords = atFirst ? [found.slice(0, 2), canonical.slice(0, 2)] : [found.slice(-2), canonical.slice(-2)];
  // Quoted whole (`“三管三必需”`), the writer names the formulation: its end word replaced by
  // a homophone that is a word of its own (必需 for 必须) is the misquote, not another phrase.
  const quotedWhole = text[start - 1] === '“' && text[end] === '”';
  const endReplacement = m >= END_CONFUSION_MIN_LENGTH || quotedWhole || (!END_PARTICLES.includes(endChar) && (!isHanCode(beyond) || !wordAcross(text, atFirst ? start : end - 1, atFirst)) && !endWords.every(wholeWords));
  // The last part of a series with its last character replaced, where the text's part ends
  // there too (not Han beyond): every part before it as written, the last one's head kept
  // (`以学铸魂、以学增智、以学正风、以学促行`): the writer quotes the series and changes its
  // last word. Where the text runs on (`…以学促发展`) it is a series of the writer's own.
  // The part also ends where a word of its own follows (`…明纪、遵纪成为习惯`), but not where
  // its word runs on into a longer one (`…遵纪守法`, `…以学促发展`).
  const partEnds = partEndsAt(text, end) || (SERIES[entry] === 1 && !atFirst && !wordRunsOn(text, end));
  // Quoted whole right after a verb formulations are put to (牢记“国之大事”), the writer names
  // the formulation: its last character replaced by any Han character is the misquote where
  // the written last word is an everyday word and the formulation's is none (大事 for 大者: a
  // word he knows put in). Where both are words (`坚持“两个结构”` for 两个结合) a quoted name
  // of the writer's own one character away cannot be told from the slip.
  const namedQuoted = quotedWhole && !atFirst && m >= QUOTED_LAST_MIN_LENGTH && namedByVerb(text, start - 1, ENTRIES[entry]) && wholeWords(found.slice(-2)) && !wholeWords(canonical.slice(-2));
  const lastAny = (!atFirst && SERIES[entry] === 1 && partEnds && !PARAPHRASE_INSERTIONS.has(text[end - 1])) || namedQuoted;
  const edit =
    oneEdit(found, canonical, m >= SUBSTITUTION_MIN_LENGTH, near !== NO_NEAR, endReplacement, exact, lastAny) ??
    (SERIES[entry] === 1 && !atFirst ? patternedMember(found, canonical, partEnds) : null) ??
    endWordSwapped(found, canonical, !isHanCode(text.charCodeAt(end))) ??
    nearWordAtEnd(text, start, end, found, ENTRIES[entry]);
  if (!edit) return;
  // 党的组织设置: the last word broken by the drop is another word with the text beyond.
  if (edit.kind === 'dropped' && rewordedEnd(text, end, found, canonical, exact)) return;
  // A short form searched for dropped characters only: quiet where what is left reads as
  // whole words (基层组织 for 基层党组织, 两个百年): a phrase of its own, not a misquote.
  // Nor where its first character makes a word with the text before (党总支委员会 is not
  // 支部委员会 missing 部: 总支 is a word).
  if (!nearMiss && edit.kind !== 'wrong' && !(edit.kind === 'swapped' && endWordSwapped(found, canonical, true) !== null)) {
    if (edit.kind !== 'dropped' || wholeWords(found)) return;
    if (isHanCode(text.charCodeAt(start - 1)) && wordBefore(text, start)) return;
  } else if (edit.kind === 'dropped' && (m < DROPPED_WORD_BEFORE_MAX || found[1] !== canonical[1]) && isHanCode(text.charCodeAt(start - 1)) && text[start - 1] !== edit.char) {
    // The same for a longer formulation short of a character: 入党教育培训 is 入党 and
    // 教育培训, not 党员教育培训 missing 员 (its 党 is 入党's; ICU reads 加入党 as 加入|党,
    // so the two characters are also read alone). Not where the character before is the
    // one missing (党的十二届三中全会: 十 moved out of 二十届, no word begun before).
    // At any length where the missing character is the second: what is left of the first
    // word is one character, and a word before claims it (残疾人对美好生活的向往 is the
    // sentence with another subject, not 人民对… missing 民).
    if (wordBefore(text, start) || wholeWords(text.slice(start - 1, start + 1))) return;
  }
  // The formulation itself next to text that repeats its first or last character
  // (`学习习近平…`): the window overlaps an exact occurrence.
  for (let g = Math.max(from, start - m + 1); g < end; g++) if (formAt(text, from, to, at, m, g)) return;
  if (insideGood(text, found, start)) return;
  // A name short of the character before its last one where the text goes on with a word of
  // that last character (四中会议 for 四中全会) or with the dropped one (组织线路 for 组织路线):
  // the finding takes in the next character, so that its fix leaves nothing of the writer's
  // word behind (not 四中全会议, 组织路线路).
  const goesOn = edit.kind === 'dropped' ? endBeyond(text, end, found, canonical) : null;
  if (goesOn === 'swapped') hits.push({ start, end: end + 1, entry: ENTRIES[entry], edit: { kind: 'swapped', chars: text.slice(end - 1, end + 1) }, variant: null });
  else if (goesOn === 'word') hits.push({ start, end: end + 1, entry: ENTRIES[entry], edit: { kind: 'wrong', char: text.slice(end - 1, end + 1), expected: canonical.slice(-2) }, variant: null });
  else hits.push({ start, end, entry: ENTRIES[entry], edit, variant: null });
}

/**
 * Formulations shorter than this (code units) short of a character are quiet where the
 * window's first character ends a word begun before it (入党教育培训); a longer one is
 * distinctive enough to be read as misquoted there.
 */
const DROPPED_WORD_BEFORE_MAX = 10;
/** Forms at least this long (code units) may be misquoted by a near word at either end (NEAR_WORD_MIN_LENGTH). */
const NEAR_WORD_MIN_LENGTH = 8;
/** Characters of a phrase rather than a term: a form holding one is not searched for a near first word. */
const PHRASE_CHARS = /[的之和与及对为以在、，]/;
const NUMERAL = /[一二两三四五六七八九十百千零〇第]/;

/**
 * The near word at an end of a long formulation (NEAR_WORD_MIN_LENGTH) that `found`
 * (`[start, end)` of `text`) has in place of its own, one character replaced: the text's
 * two characters there and the formulation's are each a word (ICU's segmenter), so the
 * writer put a word he knows for the word of the formulation (`认识形态工作责任制` for
 * 意识形态…, `以人民为中心的发展思路` for …思想). Null where it is not one.
 *
 * - At the last character only in a fixed name (`exact`: a named thought, whose last word
 *   is part of the name), and where the text's part ends there (not Han beyond, or 的).
 * - At the first only in a compound term (no 的, 和, 对 … in it: `人民对美好生活的向往` is a
 *   sentence whose subject a writer changes on purpose, `村民对美好生活的向往`), not one
 *   opening with 党 (`团员教育管理` is the League's own term), and where the replaced
 *   character does not end a word begun before it.
 *
 * Never a numeral (`第一个百年奋斗目标` is the other goal, not `第二个…` misquoted).
 */
function nearWordAtEnd(text: string, start: number, end: number, found: string, entry: SloganEntry): Edit | null {
  const { canonical, exact } = entry;
  const m = canonical.length;
  if (found.length !== m || m < NEAR_WORD_MIN_LENGTH) return null;
  const atLast = found[m - 1] !== canonical[m - 1];
  const k = atLast ? m - 1 : 0;
  if (found.slice(0, k) !== canonical.slice(0, k) || found.slice(k + 1) !== canonical.slice(k + 1)) return null;
  // 第一个百年奋斗目标 is not 第二个… misquoted: a numeral changed is another count.
  if (!isHanCode(found.charCodeAt(k)) || NUMERAL.test(found[k]) || NUMERAL.test(canonical[k])) return null;
  if (atLast) {
    if (!exact || !partEndsAt(text, end)) return null;
    if (!wholeWords(found.slice(m - 2)) || !wholeWords(canonical.slice(m - 2))) return null;
  } else {
    if (PHRASE_CHARS.test(canonical) || canonical[0] === '党') return null;
    if (!wholeWords(found.slice(0, 2)) || !wholeWords(canonical.slice(0, 2))) return null;
    if (isHanCode(text.charCodeAt(start - 1)) && wordBefore(text, start)) return null;
  }
  return { kind: 'wrong', char: found[k], expected: canonical[k] };
}

/**
 * Adds to `hits` the window of the formulation `POOL[at, at + m)` (ENTRIES[entry]) at
 * `start` of the line `[from, to)` if it differs from the form in two neighbouring
 * characters inside it (`first`, `first + 1`), each a homophone or look-alike of the
 * form's: a word typed by its sound (`社会注意思想` for 社会主义思想: 注意 for 主义). Forms of
 * 6 characters or more (END_CONFUSION_MIN_LENGTH), neither end changed.
 */
function homophoneWord(text: string, from: number, to: number, start: number, at: number, m: number, first: number, entry: number, hits: Hit[]): void {
  if (m < END_CONFUSION_MIN_LENGTH || first < 1 || first + 2 > m - 1) return;
  const end = start + m;
  if (start < from || end > to) return;
  const a = text[start + first];
  const b = text[start + first + 1];
  const x = POOL[at + first];
  const y = POOL[at + first + 1];
  if (b === y || !isHanCode(a.charCodeAt(0)) || !isHanCode(b.charCodeAt(0))) return;
  if (confusion(a, x) === null || confusion(b, y) === null) return;
  const found = text.slice(start, end);
  if (GOOD.has(found) || insideGood(text, found, start)) return;
  hits.push({ start, end, entry: ENTRIES[entry], edit: { kind: 'wrong', char: a + b, expected: x + y }, variant: null });
}

/** Whether a three- or four-character word of the common-word list starts at `k` of `text` (党支部, 党组织). */
function opensCommonWord(text: string, k: number): boolean {
  const words = commonWords();
  return words.has(text.slice(k, k + 3)) || words.has(text.slice(k, k + 4));
}

/**
 * Adds to `hits` the window `[start, end)` if it is the formulation `POOL[at, at + m)` of
 * ENTRIES[entry] with its last character dropped (`二十届三中全精神`). An end cannot be told
 * from the text around, so only where it can: the dropped character ends a word of the
 * formulation (全会), so the window ends on a broken word, and the text beyond does not
 * mend it (`二十届三中全体会议`: 全体 is a word; the segmenter sees three characters) nor
 * stands in its place (`…总要球`: a homophone replaced, not a character dropped), nor is a
 * verb's complement (`党的组织建在网格上`: 建 at work, slogans.yaml `complements`).
 */
function droppedLast(text: string, from: number, to: number, start: number, end: number, at: number, m: number, entry: number, hits: Hit[]): void {
  if (!lastWordBreaks(entry)) return;
  // A series whose last part ends one character later: that character replaced the last
  // one (`…学史力为，`), found by `consider`, not a character dropped.
  if (SERIES[entry] === 1 && isHanCode(text.charCodeAt(end)) && partEndsAt(text, end + 1)) return;
  for (let k = 0; k < m - 1; k++) if (text.charCodeAt(start + k) !== POOL.charCodeAt(at + k)) return;
  const char = POOL[at + m - 1];
  if (isHanCode(text.charCodeAt(end))) {
    if (wordAcross(text, end - 1, false) || confusion(text[end], char) !== null) return;
    // The remnant's last character opens a longer word ICU splits (党|支部: `民主评议党支部`,
    // the review of a branch, not 民主评议党员 short of 员): the common-word list knows it.
    if (opensCommonWord(text, end - 1)) return;
    // One Han character, then the clause ends (`党的助手和后备队。`): the text is as long as
    // the formulation, its last character replaced by another word's, not one dropped
    // (putting 军 back would write 后备军队). An end replaced cannot be told from the text.
    if (end + 1 <= text.length && !isHanCode(text.charCodeAt(end + 1))) return;
    // The remnant's last character a verb with its complement (建在, 建成): the verb at work.
    if (slogans.complements.includes(text[end])) return;
    // A national formulation put to the writer's own level (全面依法治县委员会): 国 replaced.
    if (char === '国' && slogans.levels.includes(text[end])) return;
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
export function nextKey(text: string, from: number): number {
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
export function hitsAt(text: string, from: number, to: number, i: number, hits: Hit[]): void {
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
      if (formAt(text, from, to, at, m, start) && !excused(text, from, to, index, start)) {
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
export function lineHits(hits: Hit[], from: number, to: number): readonly Hit[] {
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
