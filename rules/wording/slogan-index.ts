/**
 * The search index of `slogan-canonical`, built once from rules/data/slogans.yaml: which
 * wrong forms and formulations may stand at a text position, found from one bigram (two
 * UTF-16 code units) of the text.
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
import { slogans, type SloganEntry } from '../data/slogans';
import { generateVariants, type Variant } from './slogan-variants';

/** Formulations at least this long are searched for near misses (a homophone inside a 4-character form). */
export const NEAR_MIN_LENGTH = 4;

// Entries longest first, so a long formulation's finding wins over a shorter one it
// contains. Unverified entries are correct text (GOOD) but raise nothing.
export const ENTRIES = slogans.entries.filter((e) => e.verified).sort((a, b) => b.canonical.length - a.canonical.length);
export const GOOD_LIST: readonly string[] = [...slogans.entries.map((e) => e.canonical), ...slogans.correct.map((c) => c.phrase)];
export const GOOD: ReadonlySet<string> = new Set(GOOD_LIST);
export const VARIANTS: readonly Variant[] = generateVariants(ENTRIES, GOOD);

/** Item kinds: a wrong form (exact), or a formulation (compared for a near miss). */
export const VARIANT = 0;
export const NEAR = 1;

/**
 * The 80 bigrams of two Han characters most frequent in the five seed reports
 * (../shared/seeds), and the 40 most frequent of a quotation mark and a Han character,
 * counted once by hand for this index: an anchor among them would make a candidate of
 * most lines.
 */
const COMMON = new Set(
  ('党建 工作 党员 组织 发展 基层 建设 学习 提升 开展 支部 活动 产业 干部 教育 党组 经济 层党 集体 思想 乡村 体经 群众 ' +
    '引领 落实 时代 培训 文明 新时 政治 书记 党支 项目 坚持 示范 重点 管理 振兴 推进 服务 治理 建工 社会 推动 理论 特色 ' +
    '实施 宣传 主题 全面 责任 党的 强化 精神 村振 加强 中国 持续 村党 村集 能力 合作 质量 以上 着力 队伍 任务 业发 会主 ' +
    '主义 问题 文化 贯彻 党委 打造 全镇 不断 代中 国特 色社 ' +
    // …and the 40 most frequent bigrams of a quotation mark and a Han character there.
    '展“ “党 “三 “四 课” 以“ “一 ”等 行“ “两 ”活 的“ ”模 村“ 日” 建“ 过“ ”的 委” 动” 员“ ”行 ”工 ”能 实“ “学 到“ 升” ' +
    '”为 用“ 施“ 行” 领“ “大 实” ”班 照“ “红 一” 村”').split(' '),
);

const isHanUnit = (c: number): boolean => c >= 0x3400 && c <= 0x9fff;

/** How often each bigram starts at some offset of a formulation or wrong form. */
const SHARED = new Map<string, number>();
for (const s of [...ENTRIES.map((e) => e.canonical), ...VARIANTS.map((v) => v.form)]) {
  for (let i = 0; i + 1 < s.length; i++) SHARED.set(s.slice(i, i + 2), (SHARED.get(s.slice(i, i + 2)) ?? 0) + 1);
}

const isQuote = (c: number): boolean => c === 0x201c || c === 0x201d;

/**
 * The cost of anchoring at `s[i, i + 2)`: lower is rarer in text. A quotation mark next to
 * a given character is rare (`“全`), so a wrong form with quotation marks is anchored
 * there rather than at the formulation's own words, which occur at every correct use;
 * other punctuation (、，) is everywhere.
 */
function cost(s: string, i: number): number {
  const b = s.slice(i, i + 2);
  const a = s.charCodeAt(i);
  const z = s.charCodeAt(i + 1);
  const quote = (isQuote(a) && isHanUnit(z)) || (isHanUnit(a) && isQuote(z));
  const han = isHanUnit(a) && isHanUnit(z);
  return (COMMON.has(b) ? 10000 : 0) + (han ? 0 : quote ? -100 : 5000) + (SHARED.get(b) ?? 0);
}

/** The cost of anchoring at each offset of `s` (the last offset has none). */
const costs = (s: string): number[] => Array.from({ length: s.length - 1 }, (_, i) => cost(s, i));

/** The offset of the rarest bigram of `s`. */
function rarest(s: string): number {
  const c = costs(s);
  let best = 0;
  for (let i = 1; i < c.length; i++) if (c[i] < c[best]) best = i;
  return best;
}

/** Two disjoint rare bigrams of `s` (length ≥ 4), at least `gap` apart: their offsets. */
function rarePair(s: string, gap: number): [number, number] {
  const c = costs(s);
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
}

const bigramKey = (s: string, i: number): number => (s.charCodeAt(i) << 16) | s.charCodeAt(i + 1);

interface Anchor {
  kind: typeof VARIANT | typeof NEAR;
  form: string;
  /** Into VARIANTS for a VARIANT, into ENTRIES for a NEAR. */
  index: number;
  /** Where the anchoring bigram stands in the form. */
  offset: number;
}
const ANCHORED = new Map<number, Anchor[]>();
function anchor(form: string, offset: number, kind: Anchor['kind'], index: number): void {
  const key = bigramKey(form, offset);
  const list = ANCHORED.get(key);
  if (list) list.push({ kind, form, index, offset });
  else ANCHORED.set(key, [{ kind, form, index, offset }]);
}
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

/*
 * The index laid out flat, as the scan reads it. The scan meets the index with cold caches
 * (the parse before it evicts them), where a map, an object per form and a string per form
 * cost a cache miss each; these few typed arrays and one string take a few lines.
 *
 * KEYS and SLOTS: an open-addressing table from a bigram to its anchors, ITEMS[first, end),
 * stored as `first + 1` and `end` at SLOTS[2h] and SLOTS[2h + 1] (0: the slot is empty).
 * ITEMS: per anchor, its kind, where its form stands in POOL, the form's length, its index
 * (into VARIANTS or ENTRIES, by kind), the anchor's offset in the form, and for a
 * formulation how far it is searched for near misses (NO_NEAR, DROP_ONLY, ALL_NEAR): the scan
 * decides which windows to compare without reading the entry, which it does only for the
 * few windows that come within one character of the form.
 */
export const ITEM_SIZE = 6;

/** How far a formulation's near misses are searched (ITEMS' last field): none, a dropped character, or all of them. */
export const NO_NEAR = 0;
export const DROP_ONLY = 1;
export const ALL_NEAR = 2;
const nearLevel = (e: SloganEntry): number => (e.nearMiss ? ALL_NEAR : e.dropMiss ? DROP_ONLY : NO_NEAR);
const TABLE_BITS = Math.max(4, Math.ceil(Math.log2(ANCHORED.size * 4)));
const KEYS = new Int32Array(1 << TABLE_BITS);
const SLOTS = new Int32Array(2 << TABLE_BITS);
const slotOf = (key: number): number => Math.imul(key, 0x9e3779b1) >>> (32 - TABLE_BITS);
const nextSlot = (h: number): number => (h + 1) & (KEYS.length - 1);
export const [POOL, ITEMS] = ((): [string, Int32Array] => {
  const parts: string[] = [];
  const placed = new Map<string, number>();
  let size = 0;
  const items: number[] = [];
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
    let h = slotOf(key);
    while (SLOTS[2 * h] !== 0) h = nextSlot(h);
    KEYS[h] = key;
    SLOTS[2 * h] = first + 1;
    SLOTS[2 * h + 1] = items.length / ITEM_SIZE;
  }
  return [parts.join(''), Int32Array.from(items)];
})();

/** The slot of the bigram of `text` at `i` in SLOTS (`SLOTS[2h] - 1` first item, `SLOTS[2h + 1]` end), or -1. */
export function slotAt(text: string, i: number): number {
  const key = (text.charCodeAt(i) << 16) | text.charCodeAt(i + 1);
  let h = slotOf(key);
  while (SLOTS[2 * h] !== 0 && KEYS[h] !== key) h = nextSlot(h);
  return SLOTS[2 * h] === 0 ? -1 : h;
}
export { SLOTS };

/*
 * A Bloom filter over the anchoring bigrams, asked at every code unit of the text before
 * the table: one hash and one bit of 2^16 (8 KB, which stays in the L1 cache through the
 * scan, where KEYS and SLOTS would not). About 2% of the bits are set, so it lets through
 * the true anchors and 2% of the rest, where a filter by character (can this code unit
 * start an anchor, can that one end one) let through 41% of the positions of a report,
 * every 党 and 员 being both: on the 1 MB bench input 42,000 table probes instead of 152,000.
 */
const FILTER_BITS = 16;
export const FILTER = new Int32Array(1 << (FILTER_BITS - 5));
/** The filter's bit for a bigram key (a hash independent of slotOf's). */
export const filterBit = (key: number): number => Math.imul(key, 0x85ebca6b) >>> (32 - FILTER_BITS);
for (const key of ANCHORED.keys()) {
  const b = filterBit(key);
  FILTER[b >>> 5] |= 1 << (b & 31);
}
