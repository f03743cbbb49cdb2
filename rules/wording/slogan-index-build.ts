/**
 * Builds the search index of `slogan-canonical` from the entries of rules/data/slogans.yaml:
 * which wrong forms and formulations may stand at a text position, found from one bigram
 * (two UTF-16 code units) of the text. The build runs it (scripts/slogan-index.mjs) and
 * writes the result to rules/engine/generated/slogan-index.cjs, which slogan-index.ts
 * reads, so no start of the CLI computes it (issue #14: 20–40 ms of every start);
 * test/unit/slogan-index.test.ts checks that the generated file is what this gives.
 *
 * Each wrong form is anchored at its rarest bigram; each formulation of 4 or more code
 * units at two disjoint rare bigrams, so one edit (a replaced, dropped or added character)
 * leaves at least one of them intact, and in forms of 6 or more the two are 3 apart or
 * more, so a swap of neighbours does too (two apart where three would take an everyday
 * bigram). A formulation under 8 whose every usable pair holds an everyday bigram (党员大会)
 * is not searched for near misses at all. Anchoring at rare bigrams rather than at a
 * form's ends keeps the candidates few: `党的`, `建设`, `精神` start or end dozens of
 * formulations and occur on every line of a report.
 *
 * Rarity is judged from the bigrams most frequent in the five seed reports (COMMON, below)
 * and from how many formulations share a bigram.
 */
import type { SloganEntry, SlogansData } from '../data/slogans';
import { isHan } from '../model/script';
import { chineseSegmenter } from '../model/segmenter';
import { generateVariants, type Variant } from './slogan-variants';
import { commonWords } from '../data/reduplication';
import { buildJunctions, type JunctionTable } from './slogan-gaps-build';

/** Characters whose insertion or omission paraphrases rather than misquotes (`中央八项规定的精神`, `党组织建设`). */
export const PARAPHRASE_INSERTIONS: ReadonlySet<string> = new Set(['的', '之', '和', '与', '及']);

/**
 * Whether a formulation may be reported with its last character dropped: that character is
 * Han, not a 的/之/和/与/及 (unless the entry is `exact`), and ends a word of two or more to
 * ICU's segmenter (全会 of 二十届三中全会; not 党 of 全面从严治党, nor 观 of 总体国家安全观):
 * only then does dropping it leave a broken word rather than a shorter phrase. Decided at
 * build time, so a lint never loads ICU's dictionary for it (≈35 ms at first use, issue #14);
 * false without the segmenter (small-icu), the quiet answer.
 */
export function lastWordBreaksOf(entry: SloganEntry): boolean {
  const { canonical, exact } = entry;
  const char = canonical[canonical.length - 1];
  const segmenter = chineseSegmenter();
  if (segmenter === null) return false;
  let last = '';
  for (const seg of segmenter.segment(canonical)) last = seg.segment;
  return isHan(char) && (exact || !PARAPHRASE_INSERTIONS.has(char)) && last.length >= 2 && isHan(last[0]);
}

/**
 * The words of `canonical` in order, for its reordered misquotes (slogan-variants.ts,
 * `reordered`): ICU's segments, neighbours joined where together they make a word of the
 * common-word list (rules/data/common-words.yaml: 社会|主义 → 社会主义, 习|近平 → 习近平),
 * as ICU cuts some terms of the formulations finer than a writer moves them. Empty without
 * the segmenter (small-icu): no reordered misquotes then, the quiet answer. Build time only.
 */
export function formulationWords(canonical: string): string[] {
  const segmenter = chineseSegmenter();
  if (segmenter === null) return [];
  const tokens = Array.from(segmenter.segment(canonical), (x) => x.segment);
  const words: string[] = [];
  for (let t = 0; t < tokens.length; ) {
    let take = 1;
    for (let m = Math.min(3, tokens.length - t); m >= 2; m--) {
      const joined = tokens.slice(t, t + m).join('');
      if (joined.length <= 4 && commonWords().has(joined)) {
        take = m;
        break;
      }
    }
    words.push(tokens.slice(t, t + take).join(''));
    t += take;
  }
  return words;
}

/** Formulations at least this long are searched for near misses (a homophone inside a 4-character form). */
export const NEAR_MIN_LENGTH = 4;

/** Item kinds: a wrong form (exact), or a formulation (compared for a near miss). */
export const VARIANT = 0;
export const NEAR = 1;

/** ITEMS holds this many numbers per anchor (see `SloganIndexData.items`). */
export const ITEM_SIZE = 6;

/** How far a formulation's near misses are searched (an item's last field): none, a dropped character, or all of them. */
export const NO_NEAR = 0;
export const DROP_ONLY = 1;
export const ALL_NEAR = 2;

/**
 * The index as plain data (JSON): what rules/engine/generated/slogan-index.cjs holds.
 *
 * The scan meets the index with cold caches (the parse before it evicts them), where a map,
 * an object per form and a string per form cost a cache miss each: slogan-index.ts lays it
 * out in a few typed arrays and one string.
 */
export interface SloganIndexData {
  /**
   * The verified entries longest first (ENTRIES), as indices into the entry list given, so
   * a long formulation's finding wins over a shorter one it contains. Unverified entries
   * are correct text (GOOD) but raise nothing.
   */
  entries: number[];
  /**
   * The wrong forms generated from ENTRIES, each as `packVariant` writes it (`unpackVariant`
   * reads it back): about half the JSON of the objects.
   */
  variants: PackedVariant[];
  /** The forms of the items, each once, one after the other. */
  pool: string;
  /**
   * Per anchor, ITEM_SIZE numbers: its kind, where its form stands in `pool`, the form's
   * length, its index (into `variants` or ENTRIES, by kind), the anchor's offset in the form,
   * and for a formulation how far it is searched for near misses (NO_NEAR, DROP_ONLY,
   * ALL_NEAR), so the scan decides which windows to compare without reading the entry.
   * At a bigram: wrong forms first, then formulations, each group in ENTRIES order.
   */
  items: number[];
  /** Per anchoring bigram, in the order first anchored, three numbers: its key (`bigramKey`), its first item and the item after its last. */
  anchors: number[];
  /** The ENTRIES (indices, ascending) that may be reported with their last character dropped (`lastWordBreaksOf`). */
  lastWordBroken: number[];
  /** slogan-gaps' forms by the junction of two Han characters a stray space may break (slogan-gaps-build.ts). */
  junctions: JunctionTable;
}

/**
 * A Variant as a tuple: where its form stands in the pool (every wrong form is there, as its
 * anchor's item) and its length, entry, kind, fixAt, fixLen, fixText (null: the entry's
 * canonical form), word.
 */
export type PackedVariant = [number, number, number, Variant['kind'], number, number, string | null, string];

/** `v` as a tuple; `canonical` is the canonical form of its entry, `at` where its form stands in the pool. */
export function packVariant(v: Variant, canonical: string, at: number): PackedVariant {
  return [at, v.form.length, v.entry, v.kind, v.fixAt, v.fixLen, v.fixText === canonical ? null : v.fixText, v.word];
}

/** The Variant of a tuple of `packVariant`; `canonicalOf` gives an entry's canonical form. */
export function unpackVariant(p: PackedVariant, pool: string, canonicalOf: (entry: number) => string): Variant {
  return { form: pool.slice(p[0], p[0] + p[1]), entry: p[2], kind: p[3], fixAt: p[4], fixLen: p[5], fixText: p[6] ?? canonicalOf(p[2]), word: p[7] };
}

/**
 * The 80 bigrams of two Han characters most frequent in the five seed reports
 * (../shared/seeds), and the 40 most frequent of a quotation mark and a Han character,
 * counted once by hand for this index: an anchor among them would make a candidate of
 * most lines.
 */
const COMMON_BIGRAMS =
  ('党建 工作 党员 组织 发展 基层 建设 学习 提升 开展 支部 活动 产业 干部 教育 党组 经济 层党 集体 思想 乡村 体经 群众 ' +
    '引领 落实 时代 培训 文明 新时 政治 书记 党支 项目 坚持 示范 重点 管理 振兴 推进 服务 治理 建工 社会 推动 理论 特色 ' +
    '实施 宣传 主题 全面 责任 党的 强化 精神 村振 加强 中国 持续 村党 村集 能力 合作 质量 以上 着力 队伍 任务 业发 会主 ' +
    '主义 问题 文化 贯彻 党委 打造 全镇 不断 代中 国特 色社 ' +
    // …and the 40 most frequent bigrams of a quotation mark and a Han character there.
    '展“ “党 “三 “四 课” 以“ “一 ”等 行“ “两 ”活 的“ ”模 村“ 日” 建“ 过“ ”的 委” 动” 员“ ”行 ”工 ”能 实“ “学 到“ 升” ' +
    '”为 用“ 施“ 行” 领“ “大 实” ”班 照“ “红 一” 村”').split(' ');

/**
 * A bigram (two UTF-16 code units, `s[i, i + 2)`) as one number: the index is built and
 * searched by number, not by a two-character string sliced at every offset.
 */
export const bigramKey = (s: string, i: number): number => (s.charCodeAt(i) << 16) | s.charCodeAt(i + 1);

/** COMMON_BIGRAMS by key. */
const COMMON = new Set(COMMON_BIGRAMS.filter((b) => b.length === 2).map((b) => bigramKey(b, 0)));

const isHanUnit = (c: number): boolean => c >= 0x3400 && c <= 0x9fff;
const isQuote = (c: number): boolean => c === 0x201c || c === 0x201d;

interface Anchor {
  kind: typeof VARIANT | typeof NEAR;
  form: string;
  /** Into VARIANTS for a VARIANT, into ENTRIES for a NEAR. */
  index: number;
  /** Where the anchoring bigram stands in the form. */
  offset: number;
}

/** The correct phrases of the data: every canonical form (verified or not) and every `correct` phrase, in file order. */
export function goodPhrases(data: SlogansData): string[] {
  return [...data.entries.map((e) => e.canonical), ...data.correct.map((c) => c.phrase)];
}

/**
 * The index of `entries` (rules/data/slogans.yaml's entries, in file order) with the
 * correct phrases `good` (every canonical form and every `correct` phrase).
 *
 * @returns plain data, the same for the same entries (nothing depends on a Map's or
 *   Set's order beyond insertion order)
 */
export function buildSloganIndex(entries: readonly SloganEntry[], good: ReadonlySet<string>, insertedWords: readonly string[] = [], nearWords: readonly (readonly [string, string])[] = []): SloganIndexData {
  const order = entries
    .map((_, i) => i)
    .filter((i) => entries[i].verified)
    .sort((a, b) => entries[b].canonical.length - entries[a].canonical.length);
  const ENTRIES = order.map((i) => entries[i]);
  const VARIANTS = generateVariants(ENTRIES, good, insertedWords, nearWords, formulationWords);

  /** How often each bigram (by key) starts at some offset of a formulation or wrong form. */
  const SHARED = new Map<number, number>();
  const countBigrams = (s: string): void => {
    for (let i = 0; i + 1 < s.length; i++) {
      const key = bigramKey(s, i);
      SHARED.set(key, (SHARED.get(key) ?? 0) + 1);
    }
  };
  for (const e of ENTRIES) countBigrams(e.canonical);
  for (const v of VARIANTS) countBigrams(v.form);

  /**
   * The cost of anchoring at `s[i, i + 2)`: lower is rarer in text. A quotation mark next to
   * a given character is rare (`“全`), so a wrong form with quotation marks is anchored
   * there rather than at the formulation's own words, which occur at every correct use;
   * other punctuation (、，) is everywhere.
   */
  const cost = (s: string, i: number): number => {
    const b = bigramKey(s, i);
    const a = s.charCodeAt(i);
    const z = s.charCodeAt(i + 1);
    const quote = (isQuote(a) && isHanUnit(z)) || (isHanUnit(a) && isQuote(z));
    const han = isHanUnit(a) && isHanUnit(z);
    return (COMMON.has(b) ? 10000 : 0) + (han ? 0 : quote ? -100 : 5000) + (SHARED.get(b) ?? 0);
  };
  /** The offset of the rarest bigram of `s`. */
  const rarest = (s: string): number => {
    let best = 0;
    let bestCost = cost(s, 0);
    for (let i = 1; i + 1 < s.length; i++) {
      const c = cost(s, i);
      if (c < bestCost) {
        best = i;
        bestCost = c;
      }
    }
    return best;
  };
  /** Two disjoint rare bigrams of `s` (length ≥ 4), at least `gap` apart: their offsets. */
  const rarePair = (s: string, gap: number): [number, number] => {
    const c = Array.from({ length: s.length - 1 }, (_, i) => cost(s, i));
    let best: [number, number] = [0, s.length - 2];
    let bestCost = Infinity;
    for (let a = 0; a < c.length; a++) {
      for (let b = a + gap; b < c.length; b++) {
        // The worse of the two decides (it is tried at every occurrence), then the better.
        const pair = Math.max(c[a], c[b]) * 4 + Math.min(c[a], c[b]);
        if (pair < bestCost) {
          bestCost = pair;
          best = [a, b];
        }
      }
    }
    return best;
  };

  const ANCHORED = new Map<number, Anchor[]>();
  const anchor = (form: string, offset: number, kind: Anchor['kind'], index: number): void => {
    const key = bigramKey(form, offset);
    const list = ANCHORED.get(key);
    if (list) list.push({ kind, form, index, offset });
    else ANCHORED.set(key, [{ kind, form, index, offset }]);
  };
  VARIANTS.forEach((v, k) => anchor(v.form, rarest(v.form), VARIANT, k));
  const isCommon = (s: string, i: number): boolean => cost(s, i) >= 5000;
  /** Entries (into ENTRIES) that would be searched for a dropped character only, but are anchored at an everyday bigram. */
  const DROP_ANCHORED_COMMON = new Set<number>();
  ENTRIES.forEach((entry, e) => {
    const c = entry.canonical;
    if (c.length < NEAR_MIN_LENGTH) return;
    // Three apart where swaps are searched; two apart (a swap across them may then be
    // missed) when that is the only way to avoid an everyday bigram.
    let [a, b] = rarePair(c, entry.nearMiss && c.length >= 6 ? 3 : 2);
    if (isCommon(c, a) || isCommon(c, b)) [a, b] = rarePair(c, 2);
    anchor(c, a, NEAR, e);
    anchor(c, b, NEAR, e);
    // A five-character form searched for dropped characters only, anchored at an everyday
    // bigram (基层党组织 at 党组, 组织): a window at every such line for a rare misquote.
    if (!entry.nearMiss && entry.dropMiss && (isCommon(c, a) || isCommon(c, b))) DROP_ANCHORED_COMMON.add(e);
  });
  // At a bigram: wrong forms first, then formulations, each group in ENTRIES order.
  for (const list of ANCHORED.values()) list.sort((x, y) => x.kind - y.kind);

  const nearLevel = (e: SloganEntry): number => (e.nearMiss ? ALL_NEAR : e.dropMiss ? DROP_ONLY : NO_NEAR);
  const parts: string[] = [];
  const placed = new Map<string, number>();
  let size = 0;
  const items: number[] = [];
  const anchors: number[] = [];
  for (const [key, list] of ANCHORED) {
    const first = items.length / ITEM_SIZE;
    for (const { kind, form, index, offset } of list) {
      let at = placed.get(form);
      if (at === undefined) {
        at = size;
        placed.set(form, at);
        parts.push(form);
        size += form.length;
      }
      items.push(kind, at, form.length, index, offset, kind === NEAR && !DROP_ANCHORED_COMMON.has(index) ? nearLevel(ENTRIES[index]) : NO_NEAR);
    }
    anchors.push(key, first, items.length / ITEM_SIZE);
  }
  // Every wrong form is anchored, so in the pool: the tuples name it by place.
  const variants = VARIANTS.map((v) => packVariant(v, ENTRIES[v.entry].canonical, placed.get(v.form) as number));
  const lastWordBroken = ENTRIES.flatMap((entry, e) => (lastWordBreaksOf(entry) ? [e] : []));
  return { entries: order, variants, pool: parts.join(''), items, anchors, lastWordBroken, junctions: buildJunctions(ENTRIES, VARIANTS) };
}
