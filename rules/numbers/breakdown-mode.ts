/**
 * How the parts of a breakdown answer to their total (Mode): whether they exhaust it (a
 * partition, 新建…/改建…; a 、 run that adds up by itself), may overlap (each at most the
 * total), or may leave some of it unnamed (together at most the total). The readers of
 * totals and parts (breakdowns.ts, listed-parts.ts, parts-around.ts, dimension-intro.ts)
 * ask this module once they have the parts.
 *
 * Separate from breakdowns.ts, which finds the total and reads the parts from the line, to
 * keep each under the project's ~400-line module guideline: this is the judgement of what
 * a list of parts means, that the reading of where the parts stand. Offsets and indices
 * are UTF-16 code units into a line. Nothing here throws. Vocabulary:
 * rules/data/sentence-numbers.yaml (`breakdown`: overlap, partitions, partitionLabelRest).
 */
import { sentenceNumbers } from '../data/sentence-numbers';
import type { Quantity } from '../model/quantities';
import type { Part } from './breakdowns';
import { greater, readingInterval, sentenceStart } from './sentence';
import { rankBands } from './dimensions';


const words = sentenceNumbers.breakdown;
const IDEOGRAPHIC_COMMA = 0x3001; // 、

/**
 * How parts answer to their total: `sum`, they exhaust it and add up to it; `each`, parts
 * that may overlap, each at most the total; `atMost`, parts of one dimension that do not
 * overlap but may leave some of the total unnamed, together at most the total.
 */
export type Mode = 'sum' | 'each' | 'atMost';

/** Parts labelled by distinct words of one partition (新建…，改建…): they exhaust the total. */
export function isPartition(parts: Part[]): boolean {
  if (parts.length < 2) return false;
  if (parts.length === 2 && isComplement(parts[0].label, parts[1].label)) return true;
  if (byFundingLevel(parts)) return true;
  const first = partitionWord(parts[0].label);
  if (!first) return false;
  const seen = [first.word];
  for (let i = 1; i < parts.length; i++) {
    const found = partitionWord(parts[i].label);
    if (!found || found.set !== first.set) return false;
    seen.push(found.word);
  }
  // Distinct words: each part is another side of the partition.
  for (let i = 1; i < seen.length; i++) if (seen.indexOf(seen[i]) !== i) return false;
  return true;
}

/**
 * "获得奖牌90多枚，其中金牌31枚、银牌38枚、铜牌42枚": parts labelled by distinct words of a
 * set that names every kind there is (`closed_sets`: gold, silver and bronze medals) exhaust the
 * total when they name all of the set (`sum`) and leave the rest unnamed when they name only some
 * (`atMost`: 金牌…、银牌… and the bronze ones left out). Null when the parts are not such sides.
 */
export function closedSetMode(parts: readonly Part[]): Mode | null {
  if (parts.length < 2) return null;
  for (const set of words.closedSets) {
    const seen: string[] = [];
    for (const p of parts) {
      let side: string | null = null;
      for (const word of set) if (p.label.startsWith(word) && p.label.length - word.length <= words.partitionLabelRest) side = word;
      if (side === null || seen.includes(side)) break;
      seen.push(side);
    }
    if (seen.length === parts.length) return seen.length === set.length ? 'sum' : 'atMost';
  }
  return null;
}

/**
 * "争取资金共计84万元，其中中央和省级补助资金…、县级配套资金…": money parts whose labels open
 * with distinct levels of government (`funding_levels`, one or two each) and end with a funds
 * noun (资金, 补助…) say where all of the money came from: they exhaust the total.
 */
function byFundingLevel(parts: readonly Part[]): boolean {
  let seen = 0;
  for (const p of parts) {
    if (!p.q.unit.endsWith('元') || !words.fundingNoun.test(p.label)) return false;
    const levels = fundingLevelsOf(p.label);
    if (levels === 0 || (levels & seen) !== 0) return false;
    seen |= levels;
  }
  return true;
}

/** Words that join two levels at a label's start (`中央和省级`). */
const LEVEL_JOINERS = '和及与、';

/**
 * The levels of government a label opens with, as a bit set (bit i: `funding_levels[i]`), 0 when
 * it opens with none: `中央和省级阅读推广补助资金` → 中央 and 省, `市县配套资金` → 市 and 县. A
 * one-character level word must be followed by 级, 财政, another level or the funds noun
 * (`省资金`), so that 乡村振兴资金 or 区域协作资金 name no level.
 */
function fundingLevelsOf(label: string): number {
  let mask = 0;
  let i = 0;
  for (;;) {
    const level = levelAt(label, i);
    if (!level) return mask;
    let next = i + level.word.length;
    if (label[next] === '级') next++;
    else if (level.word.length === 1 && !label.startsWith('财政', next) && !levelAt(label, next) && !words.fundingNoun.test(label.slice(0, next + 2)) && !LEVEL_JOINERS.includes(label[next] ?? '')) return mask;
    mask |= 1 << level.index;
    i = LEVEL_JOINERS.includes(label[next] ?? '') && levelAt(label, next + 1) ? next + 1 : next;
  }
}

/** The level word at `at` in `label` (longest first) and its level's index, or null. */
function levelAt(label: string, at: number): { word: string; index: number } | null {
  for (let index = 0; index < words.fundingLevels.length; index++) {
    for (const word of words.fundingLevels[index]) if (label.startsWith(word, at)) return { word, index };
  }
  return null;
}

/**
 * "其中正式党员33名、预备党员4名，平均年龄…，具有本科以上学历的29名": a 、 run opening the
 * parts that is a partition by itself (isPartition), followed after a ，or ； by parts that are
 * no side of that partition and each name an attribute (words.overlap: another dimension of the
 * total, not one more kind of it): the run exhausts the total alone.
 * Returns the run, or null.
 */
export function partitionLead(parts: readonly Part[]): Part[] | null {
  let n = 1;
  while (n < parts.length && parts[n].sep === IDEOGRAPHIC_COMMA) n++;
  if (n < 2 || n === parts.length) return null;
  const run = parts.slice(0, n);
  if (!isPartition(run)) return null;
  const set = partitionWord(run[0].label)?.set;
  for (let i = n; i < parts.length; i++) {
    const side = partitionWord(parts[i].label);
    if (side && side.set === set) return null;
    // A later part with no attribute word (学历, 职称, 岁…) may be one more kind of the total
    // (`党员和积极分子43名，其中正式党员33名、预备党员4名，入党积极分子6名`), not another dimension.
    if (!words.overlap.test(parts[i].label)) return null;
  }
  return run;
}

/**
 * Whether two labels are a kind and the rest of the total (`民警党员` / `非民警党员`,
 * `在编人员` / `非在编人员`): one is the other after a negating prefix (非, 未, 不), which
 * names everything the other does not.
 */
function isComplement(a: string, b: string): boolean {
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  return short.length >= 2 && long.length === short.length + 1 && long.endsWith(short) && NEGATION.includes(long[0]);
}

/** Prefixes that negate a label (`非民警党员`, `未就业人员`): the label names the rest. */
const NEGATION = '非未不';

/**
 * How a list of parts that names no remainder and no partition answers to its total. Parts
 * that overlap (a label with an attribute word: 35岁以下, 大专, 女…), an open list (等) or
 * a list not joined by `accepts` separators are each held under the total; otherwise two
 * parts or more of one dimension read as the whole breakdown (the constructions survey found
 * such lists exhaustive but for about one in fifty, and those joined by ；).
 */
export function listMode(parts: Part[], lineText: string, from: number, accepts: (sep: number) => boolean, disjoint?: (sep: number) => boolean, totalWords = ''): Mode {
  if (parts.length < 2) return 'each';
  let loose = false;
  const audiences = namedByAudience(parts);
  const tenure = tenureSides(parts);
  // `县处级干部…、科级及以下干部…`: a rank band's 以下 bounds it on the ladder (dimensions.ts).
  const ranks = rankBands(labelsOfParts(parts));
  for (let i = 0; i < parts.length; i++) {
    if (ranks?.[i]) continue;
    let label = tenure ? parts[i].label.replace(TENURE, '') : parts[i].label;
    // `流转土地…亩，其中…特色果园380亩`: in a label of land 特色 names the crop (sentence-numbers.yaml land_kind_words).
    if (words.areaUnits.has(parts[i].q.unit)) label = label.replace(words.landKind, '');
    // `社会青年团员19名` beside 中学生团员: a kind of member by origin (sentence-numbers.yaml kind_terms).
    label = label.replace(words.kindTerms, '');
    if (!audiences && picksAttribute(label, totalWords)) {
      // `经费86.5万元，其中…困难党员帮扶12.4万元…`: an attribute in a money label names whom a line of
      // spending served; each yuan is booked under one line, so the lines never overlap. Two
      // lines may be the notable ones (together at most the total); three or more are the
      // writer's whole account of it (`阵地改造…、教育培训…、困难党员慰问…`), summed.
      if (!MONEY.test(parts[i].q.unit)) return 'each';
      if (parts.length < 3) loose = true;
    }
    if (i > 0 && !accepts(parts[i].sep)) {
      if (!disjoint || !disjoint(parts[i].sep)) return 'each';
      loose = true;
    }
  }
  const after = parts[parts.length - 1].q.end - from;
  if (lineText.charCodeAt(after) === 0x7b49 /* 等 */) return 'each';
  if (overlapStated(lineText, after)) return 'each';
  if (isStageRun(parts)) return 'each';
  // 党支部47个，示范党支部12个: a label that ends in another names a subset of it.
  for (let i = 0; i < parts.length; i++) {
    for (let j = 0; j < parts.length; j++) {
      if (i !== j && parts[j].label !== '' && parts[i].label.endsWith(parts[j].label)) return 'each';
    }
  }
  // Parts after a ，(…党委9个，…党支部47个，…党支部15个) are often exhaustive but may name
  // only some of the total: they can be held to no more than it, not to it.
  return loose ? 'atMost' : 'sum';
}

/** How far (code units) the clause after the last part is read for a statement of overlap. */
const STATED_REACH = 30;

/**
 * Whether the writer says, right after the last part (at `after` of `lineText`), that the parts
 * overlap: in a bracket aside (`（部分活动同时进企业和社区开展）`, `（两类有交叉）`:
 * sentence-numbers.yaml `overlap_stated_aside`) or in the clause that follows (`，有重复统计`:
 * `overlap_stated`), read to the sentence's end or STATED_REACH code units.
 */
function overlapStated(lineText: string, after: number): boolean {
  const open = lineText[after];
  if (open === '（' || open === '(') {
    const close = lineText.indexOf(open === '（' ? '）' : ')', after);
    const aside = lineText.slice(after + 1, close === -1 ? after + STATED_REACH : Math.min(close, after + STATED_REACH));
    return words.overlapStatedAside.test(aside);
  }
  let end = after;
  while (end < lineText.length && end - after < STATED_REACH && !'。；;'.includes(lineText[end])) end++;
  return words.overlapStated.test(lineText.slice(after, end));
}

/** A unit of money (`元`, `万元`, `亿元`): lines of spending never overlap (listMode). */
const MONEY = /元$/u;

/** `words.overlap` as a global search, for picksAttribute. */
const OVERLAP_ALL = new RegExp(words.overlap.source, 'gu');

/**
 * Whether `label` holds an attribute word (`words.overlap`) that the total's own words
 * (`totalWords`: its clause, `结对帮扶困难学生`) do not: such a word picks a subset that may cut
 * across the other parts. One the total's noun already holds (困难 of 困难家庭儿童 after
 * 困难学生) is true of everyone counted and picks nothing.
 */
function picksAttribute(label: string, totalWords: string): boolean {
  if (totalWords === '') return words.overlap.test(label);
  OVERLAP_ALL.lastIndex = 0;
  for (let m = OVERLAP_ALL.exec(label); m; m = OVERLAP_ALL.exec(label)) if (!totalWords.includes(m[0])) return true;
  return false;
}

/** The labels of `parts`, in order. */
function labelsOfParts(parts: readonly Part[]): string[] {
  const out: string[] = [];
  for (const p of parts) out.push(p.label);
  return out;
}

/**
 * Whether every part names a class by whom it is for (`青年骨干培训班`, `发展对象培训班`: the
 * label ends with a class word, `breakdown.audience_heads`): the attribute words in such labels
 * pick the class's audience, not the counted classes, and each class has one name, so the
 * parts do not overlap on account of them.
 */
function namedByAudience(parts: readonly Part[]): boolean {
  for (const p of parts) if (!words.audienceHead.test(p.label)) return false;
  return true;
}

/**
 * Whether parts fall short of their total by less than the smallest of them: the total's lower
 * bound less the parts' upper bounds is above 0 and below every part's lower bound
 * (`36场，其中进村入户义诊21场，在集市、学校设点义诊9场`: 6 left).
 * Parts joined by ， after 其中 may name only some of the total (listMode: at most it); those
 * that leave a rest smaller than every one of them (`218份，其中商品林采伐许可142份，公益林更新
 * 采伐许可64份`) leave out no kind as large as the kinds named: a slip in one figure, and the
 * parts are read as the whole breakdown. In the annotated corpora (test/corpus,
 * ../shared/corpus/dev, test/corpus-unseen) every ，-joined 其中 list short of its total by
 * less than its smallest part is a keyed slip (r195, r345, r359, r371), and every trap of the
 * shape leaves more (`12次，其中专题研讨4次，党组书记带头讲党课2次`; `9名，其中书记1名、副书记
 * 2名，配备专职党务干部4名`). Not applied after 各类 (breakdowns.ts: the fixtures hold its
 * notable kinds to at most the total whatever the rest).
 */
export function shortOfEvery(parts: readonly Part[], total: Quantity): boolean {
  if (parts.length < 2) return false;
  let high = 0;
  let smallest = Infinity;
  for (const { q } of parts) {
    const [lo, hi] = readingInterval(q);
    high += hi;
    if (lo < smallest) smallest = lo;
  }
  const rest = readingInterval(total)[0] - high;
  return greater(rest, 0) && greater(smallest, rest);
}

/**
 * "林地面积2400亩，其中用材林1800亩、经济林600亩，草场面积6800亩": a 、 run right after
 * 其中 that adds up to the total by itself is the whole breakdown; the clauses after the
 * next ， name siblings of the total (parts of an earlier, larger total), not its parts.
 * Returns the run, or null when the parts are not such a run and tail or the run does not
 * meet the total.
 */
export function nestedRun(parts: readonly Part[], total: Quantity): Part[] | null {
  let n = 1;
  while (n < parts.length && parts[n].sep === IDEOGRAPHIC_COMMA) n++;
  if (n < 2 || n === parts.length) return null;
  let low = 0;
  let high = 0;
  for (let i = 0; i < n; i++) {
    const [lo, hi] = readingInterval(parts[i].q);
    low += lo;
    high += hi;
  }
  const [tLow, tHigh] = readingInterval(total);
  return greater(low, tHigh) || greater(tLow, high) ? null : parts.slice(0, n);
}

/**
 * Whether parts name two stages or more of one procedure (`上报方案的19户，审批方案的18户`;
 * `已开工15个，已竣工8个`): stages are cumulative, a later one counts things also counted
 * by an earlier one, so such parts overlap. Parts that say where things stand now (正在实施)
 * are not stages reached and are left out. Vocabulary: `breakdown.stages`.
 */
export function isStageRun(parts: readonly Part[]): boolean {
  let first = -1;
  for (const part of parts) {
    const level = stageLevel(part.label);
    if (level < 0) continue;
    if (first < 0) first = level;
    else if (level !== first) return true;
  }
  return false;
}

/** The stage a label opens with (after a time word and 已: `目前已开工` → 开工's level), or -1. */
function stageLevel(label: string): number {
  let text = label;
  for (const lead of words.statusLead) {
    if (text.startsWith(lead)) {
      text = text.slice(lead.length);
      break;
    }
  }
  if (text.startsWith('已')) text = text.slice(1);
  for (let level = 0; level < words.stages.length; level++) {
    for (const word of words.stages[level]) if (text.startsWith(word)) return level;
  }
  return -1;
}

/** The partition word a short label starts with (`女党员` → `女`), or null. */
export function partitionWord(label: string): { set: number; word: string } | null {
  if (hasDigit(label)) return null;
  let best: { set: number; word: string } | null = null;
  for (let i = 0; i < words.partitions.length; i++) {
    for (const word of words.partitions[i]) {
      const short = label.length - word.length <= words.partitionLabelRest;
      if (short && label.startsWith(word) && (!best || word.length > best.word.length)) best = { set: i, word };
    }
  }
  return best;
}

/** Whether `text` holds an ASCII digit (what `/\d/u` matches). */
function hasDigit(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) return true;
  }
  return false;
}

/** The words of how one holds a post: 专职 (full-time) and 兼职 (part-time). */
const TENURE = /^(?:专职|兼职)/u;

/**
 * Whether the parts are the full-time and the part-time side of one kind (`专职律师41名、兼职律师3名`,
 * `专职党务工作者…、兼职党务工作者…`): both 专职 and 兼职 open a label, and every label is one of
 * them before the same rest. 兼职 then names a side of the kind, not a second post held on top
 * of another (an overlap word, `兼职委员`), so it makes no overlap of its own.
 */
function tenureSides(parts: readonly Part[]): boolean {
  if (parts.length !== 2) return false;
  const [a, b] = [parts[0].label, parts[1].label];
  const ma = TENURE.exec(a);
  const mb = TENURE.exec(b);
  return !!ma && !!mb && ma[0] !== mb[0] && a.length > 2 && a.slice(2) === b.slice(2);
}

/**
 * "坚持把一线驾驶员、维修技术骨干作为发展党员的重点，全年发展党员26名，其中一线驾驶员19名、…": the
 * sentence names the groups it put first (重点) before the total, and the first part is one of them:
 * the parts after 其中 report on those focus groups, not on everyone counted. `totalStart` is the
 * total's index into the line. True when the text of the sentence before the total holds 重点 and
 * the first part's label (2 characters or more, without a closing 的).
 */
export function focusGroups(lineText: string, totalStart: number, parts: readonly Part[]): boolean {
  if (parts.length === 0) return false;
  const lead = lineText.slice(sentenceStart(lineText, totalStart), totalStart);
  const label = parts[0].label.replace(/的$/u, '');
  return label.length >= 2 && lead.includes('重点') && lead.includes(label);
}
