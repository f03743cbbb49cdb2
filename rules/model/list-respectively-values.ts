/**
 * The values of 分别 (rules/model/list-respectively.ts reads its subjects): in the clause after
 * 分别, a run of numbers in one unit, dates after 分别于, values each led by a direction verb,
 * a list closed by a count of its own, or names after a verb that pairs. Offsets are UTF-16
 * code units; `from` arguments are offsets in the line, `lineStart` the line's absolute start.
 */
import { listsData } from '../data/lists';
import { sentenceNumbers } from '../data/sentence-numbers';
import type { EnumeratedList, ListItem, ListSource } from './lists';
import { newList } from './list-runs';
import { isPersonName } from './list-closed';
import { clauseEnd, maskNested, NUMBER_SOURCE } from './clauses';
import { lowerBound } from './lower-bound';

const words = sentenceNumbers.respectively;
/**
 * The units a value may carry: the measure words and ranks, and scores (`90.8分、91.6分`:
 * 分 is no measure word of the quantity layer, but a run of values joined by 、 frames it;
 * 分钟/分之/分秒 are still no score).
 */
const VALUE_UNITS = `${words.valueUnits}|分(?![钟之秒])`;
const ITEM_SOURCE = `第?${NUMBER_SOURCE}(?:万|亿)?(?:余|多)?(?:${VALUE_UNITS})?(?:以上|以下|左右)?`;
/** One value: groups 1 = number with its 第, 2 = unit. */
const ITEM = new RegExp(`^(第?${NUMBER_SOURCE})(?:万|亿)?(?:余|多)?(${VALUE_UNITS})?(?:以上|以下|左右)?`, 'u');
/** A run of two or more values joined by 、 or 和 (each part bounded: linear). */
const VALUE_RUN = new RegExp(`${ITEM_SOURCE}(?:[、和及]${ITEM_SOURCE})+`, 'gu');
const VALUE_JOINERS = ['、', '和', '及'];
const CONJUNCTIONS = [...words.conjunctions];
/** A named value: Han characters (quotes allowed), no digits, at most 12 of them. */
const NAME_VALUE = /^[\p{Script=Han}“”]{1,12}$/u;
/** A count of things inside a name (`一支队伍`, `两个阵地`): no value but a thing each subject has. */
const COUNTED_THING = /[一二三四五六七八九十两百千][个支套项件次名条张份场批类种户]/u;

/**
 * The first run of two or more values in the clause after 分别 (at `from` of the line), with
 * one unit for all (or the unit on the last only; or, when `mixed`, a unit on each). Times
 * are no values here.
 */
export function numericValues(src: ListSource, lineText: string, from: number, lineStart: number, mixed = false): EnumeratedList | null {
  const end = clauseEnd(lineText, from);
  const masked = maskNested(lineText.slice(from, end));
  if (!VALUE_JOINERS.some((j) => masked.includes(j))) return null;
  VALUE_RUN.lastIndex = 0;
  for (let m = VALUE_RUN.exec(masked); m; m = VALUE_RUN.exec(masked)) {
    const at = m.index;
    const before = masked.charCodeAt(at - 1);
    if (at > 0 && ((before >= 0x30 && before <= 0x39) || before === 0x2e)) continue; // a digit or .
    const items = splitRun(m[0], lineStart + from + at);
    if (!items) continue;
    const units = items.map((i) => i.unit);
    const last = units[units.length - 1];
    const same = units.every((u) => u === last);
    const bare = units.slice(0, -1).every((u) => u === '');
    // One unit for all, or the unit on the last only ("一、二、三等奖").
    if (!(same || bare || (mixed && units.every((u) => u !== ''))) || units.some((u) => words.timeUnits.has(u))) return null;
    return newList('inline', src.lines.lineAt(lineStart), items.map((i) => i.item), { separators: items.slice(1).map((i) => i.separator!) });
  }
  return sameUnitValues(src, masked, lineStart + from);
}

/** A date (`3月`, `3月12日`, `2024年5月`, `五月`) and a run of two or more joined by 、/和/及. */
const DATE_SOURCE = '(?:\\d{4}年)?(?:\\d{1,2}|[一二三四五六七八九十]{1,2})月(?:\\d{1,2}日|[上中下]旬)?';
const DATE_RUN = new RegExp(`^[于在](${DATE_SOURCE}(?:[、和及]${DATE_SOURCE}){1,11})`, 'u');
const DATE = new RegExp(DATE_SOURCE, 'gu');

/**
 * The dates right after 分别于 (or 分别在), `from` being the offset after 分别 in the line:
 * `分别于3月、5月召开` pairs each listed subject with its date. Dates elsewhere in the clause
 * (`分别在3月开展…`) are no values.
 */
export function dateValues(src: ListSource, lineText: string, from: number, lineStart: number): EnumeratedList | null {
  const m = DATE_RUN.exec(lineText.slice(from, from + 160));
  if (!m) return null;
  const items: ListItem[] = [];
  const separators: ListItem[] = [];
  const base = lineStart + from + 1;
  DATE.lastIndex = 0;
  for (let d = DATE.exec(m[1]); d; d = DATE.exec(m[1])) {
    const start = base + d.index;
    if (items.length) {
      const prev = items[items.length - 1].end;
      separators.push({ start: prev, end: start, text: src.text.slice(prev, start) });
    }
    items.push({ start, end: start + d[0].length, text: d[0] });
  }
  return items.length >= 2 ? newList('inline', src.lines.lineAt(base), items, { separators }) : null;
}

/**
 * `加装电梯6部、4部、3部`: Arabic numbers each followed by the same measure word, one the
 * quantity layer does not know (部, 台, 座…). The shared characters make it a unit: one, or
 * a compound unit written out on every value (`3.2千克标准煤、2.7千克标准煤`, `12万千瓦时、
 * 8万千瓦时`, `0.12吨标煤`: energy and utility figures, up to six characters). Time
 * units and 、-runs of ordinals are left out.
 */
const SAME_UNIT_RUN = /(?<![\d.])\d{1,7}(?:\.\d{1,4})?(\p{Script=Han}{1,6})(?:、\d{1,7}(?:\.\d{1,4})?\1){1,11}/u;
function sameUnitValues(src: ListSource, masked: string, offset: number): EnumeratedList | null {
  const m = SAME_UNIT_RUN.exec(masked);
  if (!m || words.timeUnits.has(m[1]) || words.timeUnits.has(m[1][0]) || '年月日时分秒周天岁届期次'.includes(m[1][0])) return null;
  const items: ListItem[] = [];
  const separators: ListItem[] = [];
  let at = m.index;
  for (const part of m[0].split('、')) {
    if (items.length) separators.push({ start: offset + at - 1, end: offset + at, text: '、' });
    items.push({ start: offset + at, end: offset + at + part.length, text: part });
    at += part.length + 1;
  }
  return newList('inline', src.lines.lineAt(offset), items, { separators });
}

/** Splits a value run (starting at absolute `offset`) into its items; null if it does not re-read. */
function splitRun(run: string, offset: number): { item: ListItem; unit: string; separator?: ListItem }[] | null {
  const out: { item: ListItem; unit: string; separator?: ListItem }[] = [];
  let i = 0;
  let separator: ListItem | undefined;
  while (i < run.length) {
    const m = ITEM.exec(run.slice(i));
    if (!m) return null;
    out.push({ item: { start: offset + i, end: offset + i + m[0].length, text: m[0] }, unit: m[2] ?? '', separator });
    i += m[0].length;
    if (i < run.length) {
      const c = run.charCodeAt(i);
      if (c !== 0x3001 /* 、 */ && c !== 0x548c /* 和 */ && c !== 0x53ca /* 及 */) return null;
      separator = { start: offset + i, end: offset + i + 1, text: run[i] };
      i++;
    }
  }
  return out;
}

/**
 * The lists closed by a count of their own (`side: 'after'`), sorted by where the count
 * starts, so a 分别 reads only those whose count lies in its clause (a scan of every list for
 * each 分别 was quadratic in a long report).
 */
export class ClosedLists {
  private readonly lists: { list: EnumeratedList; order: number }[];
  constructor(counted: readonly EnumeratedList[]) {
    this.lists = counted
      .map((list, order) => ({ list, order }))
      .filter((e) => e.list.count!.side === 'after')
      .sort((a, b) => a.list.count!.start - b.list.count!.start);
  }
  /** The lists whose count starts in `(after, before)`, in the order they were given. */
  countsBetween(after: number, before: number): EnumeratedList[] {
    const found: { list: EnumeratedList; order: number }[] = [];
    for (let i = lowerBound(this.lists, (e) => e.list.count!.start <= after); i < this.lists.length && this.lists[i].list.count!.start < before; i++) found.push(this.lists[i]);
    return found.sort((a, b) => a.order - b.order).map((e) => e.list);
  }
}

/**
 * A list closed by a count of its own in the clause after 分别 at `at` (`分别认领产业、环境两个项目`).
 * With `paired`, only after a verb that pairs each subject with one value (lists.yaml
 * respectively_pairing_verbs: `分别联系采编、技术、综合三个党小组`), the verb left out of the
 * first value; after other verbs 分别 may mean "each" (`分别听取了党建、经济、民生三项汇报`).
 */
export function countedValues(src: ListSource, closed: ClosedLists, at: number, clauseEnd: number, paired = false): EnumeratedList | null {
  let from = at + 2;
  if (paired) {
    const verb = pairingVerbAt(src.text, from);
    if (!verb) return null;
    from += verb.length;
  }
  for (const l of closed.countsBetween(at, clauseEnd)) {
    if (l.count!.end > clauseEnd || l.items[0].end <= from) continue;
    // The list as values: its first item starts after 分别 (the clause before is the subjects').
    const first = { start: from, end: l.items[0].end, text: src.text.slice(from, l.items[0].end) };
    return { ...l, start: from, items: [first, ...l.items.slice(1)] };
  }
  return null;
}

/** The longest verb of lists.yaml respectively_pairing_verbs (sorted longest first) written at `at` of `text`, if any. */
function pairingVerbAt(text: string, at: number): string | undefined {
  return listsData.respectivelyPairingVerbs.find((w) => text.startsWith(w, at));
}

/**
 * Named values: right after 分别 and a verb that pairs each subject with one value (分管,
 * 获评, 是: rules/data/lists.yaml), a 、-list of names that ends the clause (`分管党建、宣传、
 * 统战`). Names hold no digits and no count of things (`一支队伍`); a list holding 等 names
 * only some.
 */
export function namedValues(src: ListSource, lineText: string, from: number, lineStart: number): EnumeratedList | null {
  const verb = listsData.respectivelyPairingVerbs.find((w) => lineText.startsWith(w, from));
  if (!verb) return null;
  const start = from + verb.length;
  const end = clauseEnd(lineText, start);
  const masked = maskNested(lineText.slice(start, end));
  const spans: [number, number][] = [];
  let s = 0;
  for (let i = masked.indexOf('、'); i >= 0; i = masked.indexOf('、', i + 1)) {
    spans.push([s, i]);
    s = i + 1;
  }
  if (spans.length === 0) return quotedNames(src, lineText, start, end, lineStart);
  spans.push([s, masked.trimEnd().length]);
  const abs = lineStart + start;
  const items: ListItem[] = spans.map(([a, b]) => ({ start: abs + a, end: abs + b, text: src.text.slice(abs + a, abs + b) }));
  const last = items[items.length - 1].text;
  if (last.includes('等') || !items.every((i) => NAME_VALUE.test(i.text) && !COUNTED_THING.test(i.text))) return null;
  const separators = spans.slice(1).map(([a]) => ({ start: abs + a - 1, end: abs + a, text: '、' }));
  const word = CONJUNCTIONS.find((w) => last.includes(w));
  const at = word ? src.text.indexOf(word, items[items.length - 1].start) : -1;
  return newList('inline', src.lines.lineAt(abs), items, { separators, conjunction: word ? { start: at, end: at + word.length } : null });
}

/**
 * Two or more quoted names (titles, honours) run together or joined by 、/和/及/与, the whole
 * clause, perhaps after a short modifier they share: who conferred them or at what level
 * (`市国资委“标杆党支部”和“样板党支部”`, `全市“红旗支部”“先锋支部”`; a construction of
 * test/corpus r234). The modifier holds no numeral, 等 or 各 (`两个“…”`, `各“…”` count or
 * spread the names rather than pair them).
 */
const QUOTED_RUN = /^(?:(?![^“]*[一二两三四五六七八九十几\d等各])\p{Script=Han}{1,8})?“[^“”]{1,12}”(?:(?:、|和|及|与|以及)?“[^“”]{1,12}”)+$/u;
const QUOTED_NAME = /“[^“”]{1,12}”/gu;

/**
 * `分别被评为“市级文明单位”和“市级青年文明号”`, `分别获评“甲”“乙”“丙”`: the clause after the
 * pairing verb (`[start, end)` of `lineText`) is quoted names alone (after a shared modifier
 * at most, QUOTED_RUN), run together (GB/T
 * 15834—2011 puts no 顿号 between quoted names) or joined by 、 or one conjunction before the
 * last: each quotation is one value, the conjunction a separator between two (not a last value
 * holding 和). Null when the clause holds anything else or a name holds 等.
 */
function quotedNames(src: ListSource, lineText: string, start: number, end: number, lineStart: number): EnumeratedList | null {
  const clause = lineText.slice(start, end).trimEnd();
  if (!QUOTED_RUN.test(clause)) return null;
  const abs = lineStart + start;
  const items: ListItem[] = [];
  const separators: ListItem[] = [];
  for (const m of clause.matchAll(QUOTED_NAME)) {
    if (!NAME_VALUE.test(m[0]) || m[0].includes('等') || COUNTED_THING.test(m[0])) return null;
    const prev = items[items.length - 1];
    if (prev) separators.push({ start: prev.end, end: abs + m.index, text: src.text.slice(prev.end, abs + m.index) });
    items.push({ start: abs + m.index, end: abs + m.index + m[0].length, text: m[0] });
  }
  return newList('inline', src.lines.lineAt(abs), items, { separators, conjunction: null });
}

/**
 * Persons after 分别由 (`from` the offset after 分别 in the line): `分别由党员张某、李某担任`, a
 * 、-list of personal names (list-closed.ts `isPersonName`), perhaps after a word for who they
 * are (lists.yaml respectively_by_roles), closed by a verb of taking the post
 * (respectively_by_verbs) that ends the clause. Each subject is paired with one person.
 * Null when the clause does not read so.
 */
export function assignedNames(src: ListSource, lineText: string, from: number, lineStart: number): EnumeratedList | null {
  if (lineText[from] !== '由') return null;
  let start = from + 1;
  const role = listsData.respectivelyByRoles.find((w) => lineText.startsWith(w, start));
  if (role) start += role.length;
  const end = clauseEnd(lineText, start);
  const clause = lineText.slice(start, end).trimEnd();
  const verb = listsData.respectivelyByVerbs.find((w) => clause.endsWith(w));
  if (!verb) return null;
  const names = clause.slice(0, clause.length - verb.length);
  const texts = names.split('、');
  if (texts.length < 2 || !texts.every(isPersonName)) return null;
  const items: ListItem[] = [];
  const separators: ListItem[] = [];
  let at = lineStart + start;
  for (const t of texts) {
    if (items.length) separators.push({ start: at - 1, end: at, text: '、' });
    items.push({ start: at, end: at + t.length, text: t });
    at += t.length + 1;
  }
  return newList('inline', src.lines.lineAt(lineStart + start), items, { separators });
}

const trend = sentenceNumbers.trend;
/** One value after its own direction verb: groups 1 = the verb, 2 = the value. */
const DIRECTED = new RegExp(`^(${trend.up}|${trend.down})了?(${NUMBER_SOURCE}(?:万|亿)?(?:${words.valueUnits}))`, 'u');

/**
 * `同比分别增长6.3%和下降2.1%`: right after 分别, values each led by its own direction verb,
 * joined by 、/和/及, in one unit. Each subject has one value whichever way it went.
 */
export function directedValues(src: ListSource, lineText: string, from: number, lineStart: number): EnumeratedList | null {
  const end = clauseEnd(lineText, from);
  const items: ListItem[] = [];
  const separators: ListItem[] = [];
  const units: string[] = [];
  let i = from;
  while (i < end) {
    const m = DIRECTED.exec(lineText.slice(i, end));
    if (!m) break;
    const start = i + m[0].length - m[2].length;
    items.push({ start: lineStart + start, end: lineStart + i + m[0].length, text: m[2] });
    units.push(m[2].replace(/^[\d.]+(?:万|亿)?/u, ''));
    i += m[0].length;
    const c = lineText[i];
    if (c !== '、' && c !== '和' && c !== '及') break;
    separators.push({ start: lineStart + i, end: lineStart + i + 1, text: c });
    i++;
  }
  if (items.length < 2 || separators.length !== items.length - 1 || units.some((u) => u !== units[0] || u === '')) return null;
  return newList('inline', src.lines.lineAt(lineStart), items, { separators });
}
