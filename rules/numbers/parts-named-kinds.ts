/**
 * Parts that answer, one each, to the kinds the total itself names: "全院专兼职组织员、辅导员及
 * 思政课教师共计236名，包括专职组织员6名、专职辅导员148名、思政课教师71名"; "发放城乡低保金、
 * 特困供养金、临时救助金等各类救助资金共计4862万元，其中城乡低保金…、特困人员供养金…、临时
 * 救助资金…"; "收到表扬信、锦旗共计41件（表扬信26封、锦旗13面）".
 *
 * A total whose own clause lists its kinds (A、B及C, before 共计/合计/总计/共 or before 等) and
 * sums them claims to be all of those kinds; parts that then name each listed kind once, and
 * nothing else, are that claim spelled out: they exhaust the total, whatever the word that
 * introduces them (其中, 包括, a bracket) and whatever word (各类, 等) widens the total's noun.
 * A reviewer reads it so: the kinds are one dimension, named twice. Parts that pick a subset
 * (女党员 after 党员、积极分子) or name fewer kinds than the total are no such reading.
 *
 * The kinds are read from a closed list (a sum word or 等 ends it) when they tighten or relax a
 * breakdown another reader found. In a bracket, or after ，其中/，包括, right after a total
 * counted in a general measure word (件, 项, 个…), the parts may be counted in the measure words
 * of their own kinds (表扬信26封、锦旗13面: 封 and 面 are
 * 件 of letters and banners, 《现代汉语词典》's measure words for 信 and 旗); they are read as
 * counts in the total's unit. Offsets are UTF-16 code units; a line's text is `lineText`,
 * starting at document offset `from`. Source of the construction: the pages corpus (report
 * lines of the shape "收到…、…共计N件（…）", "…、…等各类…资金共计N万元，其中…").
 */
import { sentenceNumbers } from '../data/sentence-numbers';
import { totalsKinds } from '../data/totals-kinds';
import type { Quantity } from '../model/quantities';
import type { Breakdown, Part } from './breakdowns';
import { closerIn } from './parts-end';
import { isClauseEndChar, sentenceEnd } from './sentence';

const words = sentenceNumbers.breakdown;

/** The words that sum the kinds right before the total's number (共计236名, 合计68起, 共41件). */
const SUM_BEFORE = /(?:共计|合计|总计|共有|共)$/u;
/** A bound or link between the sum word and the number (共计近40件, 合计达68起). */
const BOUND_BEFORE = /(?:近|约|达到?|超过)$/u;
/** What joins the kinds a total names: 、 and the conjunctions 及/以及/和/与. */
const KIND_JOIN = /、|以及|及|和|与/u;
/** A listed part: its label, number and one measure word (`锦旗13面`). */
const LISTED_ITEM = /^([\u4e00-\u9fff]{1,12}?)(\d+)([\u4e00-\u9fff])$/u;

/**
 * The kinds a total's own clause names, in order, or null when it names fewer than two:
 * `全年收到患者表扬信、锦旗共计` → [全年收到患者表扬信, 锦旗] (the first kind keeps
 * the clause's opening words; matching reads it from its end); `…临时救助金等各类救助资金共计`
 * → the kinds before 等. The clause is read back from the total's number to the previous ，
 * or sentence end, at most 40 code units.
 */
export function kindsOfTotal(lineText: string, from: number, total: Quantity): Kinds | null {
  const end = total.numberStart - from;
  let s = end;
  while (s > 0 && end - s < 40) {
    const c = lineText.charCodeAt(s - 1);
    if (isClauseEndChar(c) || c === 0xff0c /* ， */ || c === 0x2c || c === 0xff1a /* ： */) break;
    s--;
  }
  let clause = lineText.slice(s, end).replace(BOUND_BEFORE, '');
  // `下设党总支4个、党支部31个`: a count before the total in its clause makes the 、 a list of
  // counts, not of the total's kinds.
  if (/[0-9０-９]/u.test(clause)) return null;
  const summed = SUM_BEFORE.test(clause);
  clause = clause.replace(SUM_BEFORE, '');
  const etc = clause.lastIndexOf('等');
  if (etc > 0) clause = clause.slice(0, etc);
  const names = clause.split(KIND_JOIN).map((k) => k.trim());
  if (names.length < 2 || names.some((k) => k.length < 2 || k.length > 14)) return null;
  return { names, closed: summed || etc > 0 };
}

/**
 * The kinds a total names (`names`, in order) and whether the list is closed (`closed`): a sum
 * word or 等 ends it, so its last kind is no longer than the kind (`锦旗共计`); without one the
 * last may run on into the total's verb and noun (`直属单位共设党支部11个`).
 */
export interface Kinds {
  names: string[];
  closed: boolean;
}

/**
 * Whether `label` names `kind`: the shorter of the two, two characters or more, runs through
 * the longer in order and both end in the same character (专职组织员 in 全院专兼职组织员,
 * 特困供养金 in 特困人员供养金, 辅导员 in 专职辅导员), and the label picks no attribute the
 * kind lacks (女党员 is not the kind 党员: a subset of it).
 */
function names(kind: string, label: string): boolean {
  const [short, long] = kind.length <= label.length ? [kind, label] : [label, kind];
  if (short.length < 2 || short[short.length - 1] !== long[long.length - 1]) return false;
  let j = 0;
  for (let i = 0; i < long.length && j < short.length; i++) if (long[i] === short[j]) j++;
  if (j < short.length) return false;
  const m = words.overlap.exec(label);
  return m === null || kind.includes(m[0]);
}

/** How many characters `a` and `b` share at their ends. */
function sharedEnding(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

/**
 * Whether `labels` name `kinds` one to one: as many labels as kinds, each label naming exactly
 * one kind and each kind named once.
 */
export function namesEachKind(kinds: readonly string[], labels: readonly string[]): boolean {
  if (labels.length !== kinds.length || labels.length < 2) return false;
  const used = new Array<boolean>(kinds.length).fill(false);
  for (const label of labels) {
    let hit = -1;
    for (let k = 0; k < kinds.length; k++) {
      if (!names(kinds[k], label)) continue;
      if (hit >= 0) return false; // a label that names two kinds decides nothing
      hit = k;
    }
    if (hit < 0 || used[hit]) return false;
    used[hit] = true;
  }
  return true;
}

/**
 * A breakdown read by the other readers (其中, 包括, a bracket) whose parts name, one each, the
 * kinds its total lists: the same parts, now held to add up to the total (`sum`). Parts that
 * all name one and the same of the listed kinds (`发放低保金、临时救助金共计…，其中城市低保金…、
 * 农村低保金…`: a split of the first kind alone) leave the other kinds out: together at most the
 * total. Null when the parts are neither.
 */
export function partsOfNamedKinds(lineText: string, from: number, found: Breakdown): Breakdown | null {
  const kinds = kindsOfTotal(lineText, from, found.total);
  // Only a closed list's kinds are sure to be kinds (in `局机关和直属单位共设党支部` the last runs on).
  if (!kinds || !kinds.closed) return null;
  const labels: string[] = [];
  for (const p of found.parts) labels.push(p.label);
  if (found.mode !== 'sum') return namesEachKind(kinds.names, labels) ? { ...found, mode: 'sum' } : null;
  return found.parts.length >= 2 && oneKindOnly(kinds.names, labels) ? { ...found, mode: 'atMost' } : null;
}

/**
 * Whether every label names exactly one of `kinds`, all the same one. Read loosely (a shared
 * ending of three characters or more also names: 城市低保金 of 发放低保金, not 纠纷 alone), since
 * it only relaxes.
 */
function oneKindOnly(kinds: readonly string[], labels: readonly string[]): boolean {
  let only = -1;
  for (const label of labels) {
    let hit = -1;
    for (let k = 0; k < kinds.length; k++) {
      if (!names(kinds[k], label) && sharedEnding(kinds[k], label) < 3) continue;
      if (hit >= 0) return false;
      hit = k;
    }
    if (hit < 0 || (only >= 0 && hit !== only)) return false;
    only = hit;
  }
  return only >= 0;
}

/**
 * "收到表扬信、锦旗共计41件（表扬信26封、锦旗13面）" (or "…41件，其中表扬信26封、锦旗13面" / "，包括…"):
 * right after a total counted in a general measure word (`general_units`, rules/data/totals-kinds.yaml),
 * a bracket, 其中 or 包括 listing by 、 one count per kind the total names, each in a measure word
 * of its own. The parts are returned as counts in the total's unit (the numbers and their
 * measure words as written, spans in the document), to add up to it. `index` is the marker's
 * index in the line (the bracket, the 其 of 其中, the ， before 包括). Null when it opens no such list.
 */
export function kindsListed(lineText: string, from: number, index: number, total: Quantity | null): Breakdown | null {
  if (!total || !totalsKinds.generalUnits.has(total.unit) || total.scale !== '') return null;
  const tail = total.end - from;
  let start: number;
  let end: number;
  const c = lineText.charCodeAt(index);
  if (c === 0xff08 /* （ */ || c === 0x28) {
    if (tail !== index) return null;
    start = index + 1;
    end = closerIn(lineText, start, sentenceEnd(lineText, index));
    if (end < 0) return null;
  } else {
    // `41件，其中…` / `41件，包括…`: the total, a comma, the marker.
    const comma = lineText.charCodeAt(tail);
    if ((comma !== 0xff0c && comma !== 0x2c) || (index !== tail && index !== tail + 1)) return null;
    start = index + (lineText.startsWith('其中', index) ? 2 : 3);
    end = start;
    while (end < lineText.length && !isClauseEndChar(lineText.charCodeAt(end)) && lineText.charCodeAt(end) !== 0xff0c && lineText.charCodeAt(end) !== 0x2c) end++;
  }
  const kinds = kindsOfTotal(lineText, from, total);
  if (!kinds) return null;
  const parts: Part[] = [];
  let at = start;
  for (const item of lineText.slice(start, end).split(/[、，,]/u)) {
    const m = LISTED_ITEM.exec(item);
    if (!m) return null;
    const numberStart = from + at + m[1].length;
    const numberEnd = numberStart + m[2].length;
    parts.push({
      q: { ...total, start: numberStart, end: numberEnd + 1, numberText: m[2], numberStart, numberEnd, value: Number(m[2]), decimals: 0, numeral: 'arabic', qualifiers: [], bound: 'exact', scope: null, after: '' },
      label: m[1],
      sep: parts.length === 0 ? 0 : lineText.charCodeAt(at - 1),
    });
    at += item.length + 1;
  }
  const labels: string[] = [];
  for (const p of parts) labels.push(p.label);
  return namesEachKind(kinds.names, labels) ? { total, parts, mode: 'sum', listed: true } : null;
}
