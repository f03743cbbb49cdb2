/**
 * 分别 in the list grammar (rules/model/lists.ts): "A、B分别…X、Y" pairs subjects with values.
 *
 * Subjects are read in the clause before 分别: a list joined by 、 and at most one 和/及/与/
 * 以及 at its end (`5个村党组织和党组织书记`: two); or one count that opens the clause
 * (`3名社区党支部书记`, `三个党小组`: three). A clause with a single unnumbered subject
 * (`履诺率分别达到95%、97%`) takes the subjects of the sentence's previous 分别.
 * Values are, in the clause after 分别, the first run of two or more numbers in one unit
 * (or the unit only on the last: `一、二、三等奖`), or else a list closed by a count of its
 * own (`认领产业、环境两个项目`), or else, right after a verb that pairs (分管, 获评, 是), a
 * 、-list of names ending the clause (`分管党建、宣传、统战`; `获评市级文明村、县级文明村`).
 * Values like `一组、二组、三组` (a numeral and 组/村…) are names: `numeric` is false for them.
 * Times are no values, but for the dates right after 分别于 when the subjects are listed
 * (`甲、乙、丙分别于3月、5月、9月召开`: one date each); after other verbs 分别 often means "each"
 * (`分别听取了党建、经济工作汇报`), and a list holding 等 names only some: no values.
 */
import { listsData } from '../data/lists';
import { sentenceNumbers } from '../data/sentence-numbers';
import { isChineseNumeralCode } from './numerals';
import type { Quantity } from './quantities';
import type { EnumeratedList, ListCount, ListItem, ListSource, Respectively } from './lists';
import { newList } from './list-runs';
import { clauseEnd, clauseStart, maskNested, NUMBER_SOURCE, oneOf, quantitiesIn, sentenceStart } from './clauses';
import { wordSegmenter } from './segmenter';

const words = sentenceNumbers.respectively;
const ITEM_SOURCE = `第?${NUMBER_SOURCE}(?:万|亿)?(?:余|多)?(?:${words.valueUnits})?(?:以上|以下|左右)?`;
/** One value: groups 1 = number with its 第, 2 = unit. */
const ITEM = new RegExp(`^(第?${NUMBER_SOURCE})(?:万|亿)?(?:余|多)?(${words.valueUnits})?(?:以上|以下|左右)?`, 'u');
/** A run of two or more values joined by 、 or 和 (each part bounded: linear). */
const VALUE_RUN = new RegExp(`${ITEM_SOURCE}(?:[、和及]${ITEM_SOURCE})+`, 'gu');
const DIGIT_OR_NUMERAL = /[\d零〇一二三四五六七八九十百千两]/u;
const CONJUNCTIONS = [...words.conjunctions];
const CONJUNCTION_FIRST = [...new Set(CONJUNCTIONS.map((w) => w.charCodeAt(0)))];
const VALUE_JOINERS = ['、', '和', '及'];
/** Words that may open a numbered subject's clause: "全镇27个村", "共3名". */
// `辖区两个小区分别…`, `全镇3个村分别…`: a scope word may open the subject clause; so may the
// unit that holds the counted things (`支部3个党小组分别…`) or a short 的-modifier that picks
// them out (`新建的两个联合党支部分别…`): the count is still of the subjects.
const SUBJECT_LEAD = /^(?:(?:辖区|[全本我][镇村乡县区市局校院所])(?:内)?|[全本我]?(?:党支部|支部|党总支|总支|党委|社区|公司|学院|机关|协会|商会|集团|学校|医院|大队|支队|街道|园区)|\p{Script=Han}{1,6}的)?(?:其中|共有|共|有|另有)?$/u;
/** The longest clause (UTF-16 units) read as the subjects of 分别. */
const SUBJECT_MAX = 60;
/** A named value: Han characters (quotes allowed), no digits, at most 12 of them. */
const NAME_VALUE = /^[\p{Script=Han}“”]{1,12}$/u;
/** A count of things inside a name (`一支队伍`, `两个阵地`): no value but a thing each subject has. */
const COUNTED_THING = /[一二三四五六七八九十两百千][个支套项件次名条张份场批类种户]/u;

/**
 * Every 分别 outside opaque spans with subjects and at least two values, in order.
 * `counted` are the enumerations found before: a 分别 that introduces one is marked `announced`.
 */
export function findRespectively(src: ListSource, counted: readonly EnumeratedList[]): Respectively[] {
  const { text, lines, quantities } = src;
  const out: Respectively[] = [];
  let lineEnd = -1;
  let lineText = '';
  let from = 0;
  let previous: { sentence: number; subjects: EnumeratedList | null; subjectCount: ListCount | null } | null = null;
  // `依次为91.2分、93.6分` pairs its subjects in order as 分别 does.
  let nextFenbie = text.indexOf('分别');
  let nextYici = text.indexOf('依次');
  for (let at = Math.min(...[nextFenbie, nextYici].filter((i) => i >= 0), Infinity); at !== Infinity; at = Math.min(...[nextFenbie, nextYici].filter((i) => i >= 0), Infinity)) {
    if (at === nextFenbie) nextFenbie = text.indexOf('分别', at + 2);
    else nextYici = text.indexOf('依次', at + 2);
    if (at > lineEnd) {
      const line = lines.lineAt(at);
      lineText = lines.lineText(line);
      from = lines.start(line);
      lineEnd = lines.end(line);
      previous = null;
    }
    const index = at - from;
    if (src.opaque.at(at)) continue;
    const start = clauseStart(lineText, index, SUBJECT_MAX + 1);
    // A subject clause is short; a longer run is prose whose lists are no subjects.
    if (index - start > SUBJECT_MAX) {
      previous = null;
      continue;
    }
    const sentence = sentenceStart(lineText, index);
    if (previous && previous.sentence !== sentence) previous = null;
    const subjects = listedSubjects(src, lineText, start, index, from);
    const subjectCount = subjects ? null : numberedSubject(src, lineText, start, index, from, quantities);
    const own = subjects !== null || subjectCount !== null;
    const shared = !own && previous !== null && index - start <= 10 && !DIGIT_OR_NUMERAL.test(lineText.slice(start, index));
    if (own) previous = { sentence, subjects, subjectCount };
    if (!own && !shared) continue;
    // `A、B、C分别于3月、5月、9月召开`: after 分别于 the values are dates, one for each listed subject.
    const numeric = numericValues(src, lineText, index + 2, from) ?? directedValues(src, lineText, index + 2, from) ?? (subjects && !shared ? dateValues(src, lineText, index + 2, from) : null);
    const values = numeric ?? (shared ? null : (countedValues(src, counted, at, from + clauseEnd(lineText, index + 2)) ?? namedValues(src, lineText, index + 2, from)));
    if (!values) continue;
    // `分别联系一组、二组等村民小组`: names closed by 等 name only some.
    if (numeric && ordinalNames(numeric) && text.charCodeAt(numeric.end) === 0x7b49 /* 等 */) continue;
    const announced = counted.some((l) => l.introducer !== null && l.introducer.start <= at && at < l.introducer.end);
    out.push({
      start: at,
      end: at + 2,
      subjects: own ? subjects : previous!.subjects,
      subjectCount: own ? subjectCount : previous!.subjectCount,
      shared,
      values,
      numeric: numeric !== null && !ordinalNames(numeric),
      announced,
    });
  }
  return out;
}

/** `一组、二组、三组`, `一村、二村`: a Chinese numeral and a noun of lists.yaml ordinal_name_units each, names rather than numbers. */
const ORDINAL_NAME = new RegExp(`^[一二三四五六七八九十]{1,3}(?:${[...listsData.ordinalNameUnits].sort((a, b) => b.length - a.length).join('|')})$`, 'u');
function ordinalNames(values: EnumeratedList): boolean {
  return values.items.every((i) => ORDINAL_NAME.test(i.text));
}

/**
 * The subjects listed in `[start, index)`: items split by 、 and by one conjunction word
 * (Intl.Segmenter words: 和谐 and 及时 are no conjunctions), the conjunction only last.
 * Returns null for fewer than two items or an unsure list.
 */
export function listedSubjects(src: ListSource, lineText: string, start: number, index: number, from: number): EnumeratedList | null {
  if (!mayBreak(lineText, start, index)) return null;
  const text = lineText.slice(start, index);
  // 中专及以下, 50岁及以上: one bracket, 及 joins no two subjects.
  const masked = maskNested(text).replace(/及(?=以[上下])/gu, '□');
  const breaks = itemBreaks(masked);
  if (!breaks || breaks.length === 0) return null;
  const items: ListItem[] = [];
  const separators: EnumeratedList['separators'] = [];
  let itemStart = 0;
  const push = (s: number, e: number): boolean => {
    if (masked.slice(s, e).trim() === '') return false;
    const raw = text.slice(s, e);
    const lead = raw.length - raw.trimStart().length;
    items.push({ start: from + start + s + lead, end: from + start + s + raw.trimEnd().length, text: raw.trim() });
    return true;
  };
  for (const b of breaks) {
    if (!push(itemStart, b.index)) return null;
    separators.push({ start: from + start + b.index, end: from + start + b.index + b.length, text: text.slice(b.index, b.index + b.length) });
    itemStart = b.index + b.length;
  }
  if (!push(itemStart, masked.length)) return null;
  return { ...newList('inline', src.lines.lineAt(from), items, { separators }), end: from + index };
}

/** Whether `text[from, to)` holds a 、 or the first character of a conjunction. */
function mayBreak(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x3001 /* 、 */ || oneOf(CONJUNCTION_FIRST, c)) return true;
  }
  return false;
}

/**
 * Where the subject clause `masked` breaks into items: at each 、 and at the one conjunction
 * word, in order; null when unsure (a 、 after the conjunction, or two conjunctions).
 */
function itemBreaks(masked: string): { index: number; length: number }[] | null {
  const out: { index: number; length: number }[] = [];
  const standAlone = commasStandAlone(masked);
  if (standAlone && !CONJUNCTIONS.some((w) => masked.includes(w))) {
    // No conjunction and every 、 a word of its own: the 、 are the breaks, found without
    // segmenting (which costs more than the rest of the pass).
    for (let i = masked.indexOf('、'); i >= 0; i = masked.indexOf('、', i + 1)) out.push({ index: i, length: 1 });
    return out;
  }
  let conjunctions = 0;
  if (!standAlone) {
    for (const seg of wordSegmenter().segment(masked)) {
      const isComma = seg.segment === '、';
      const isConjunction = words.conjunctions.has(seg.segment);
      if (!isComma && !isConjunction) continue;
      if (isComma && conjunctions > 0) return null; // "A和B、C和D": pairs or four? unsure
      if (isConjunction && ++conjunctions > 1) return null;
      out.push({ index: seg.index, length: seg.segment.length });
    }
    return out;
  }
  // Every 、 is a word of its own: only a character that may open a conjunction asks the
  // segmenter which word holds it.
  const segments = wordSegmenter().segment(masked);
  for (let i = 0; i < masked.length; i++) {
    const c = masked.charCodeAt(i);
    if (c === 0x3001 /* 、 */) {
      if (conjunctions > 0) return null;
      out.push({ index: i, length: 1 });
      continue;
    }
    if (!oneOf(CONJUNCTION_FIRST, c)) continue;
    const word = segments.containing(i);
    if (word === undefined || word.index !== i || !words.conjunctions.has(word.segment)) continue;
    if (++conjunctions > 1) return null;
    out.push({ index: i, length: word.segment.length });
    i += word.segment.length - 1;
  }
  return out;
}

/**
 * Whether Intl.Segmenter makes every 、 of `text` a word of its own. Word breaking (UAX #29)
 * joins a 、 only to a combining or format character right after it (WB4); a CJK
 * ideograph, ASCII, CJK punctuation other than the tone marks U+302A–302F, a full-width
 * form or the mask □ after it is safe (checked against ICU for every such character).
 */
function commasStandAlone(text: string): boolean {
  for (let i = text.indexOf('、'); i >= 0; i = text.indexOf('、', i + 1)) {
    const c = text.charCodeAt(i + 1);
    if (!(Number.isNaN(c) || c < 0x80 || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3000 && c <= 0x303f && !(c >= 0x302a && c <= 0x302f)) || (c >= 0xff01 && c <= 0xff5e) || c === 0x25a1)) {
      return false;
    }
  }
  return true;
}

/** "3名社区党支部书记分别…", "三个党小组分别…": a clause that opens with a count. */
function numberedSubject(src: ListSource, lineText: string, start: number, index: number, from: number, quantities: readonly Quantity[]): ListCount | null {
  const q = quantitiesIn(quantities, from + start, from + index)[0];
  if (!q || q.bound !== 'exact' || q.value < 2 || !Number.isInteger(q.value) || words.notCountUnits.has(q.unit)) return null;
  const lead = lineText.slice(start, q.start - from).trim();
  if (!(SUBJECT_LEAD.test(lead) || lead === q.scope)) return null;
  // A number between the count and 分别 (一 aside: 一线, 统一) makes it no subject of its own.
  for (let i = q.end - from; i < index; i++) {
    const c = lineText.charCodeAt(i);
    if (((c >= 0x30 && c <= 0x39) || isChineseNumeralCode(c)) && c !== 0x4e00 /* 一 */) return null;
  }
  const end = from + index;
  return { start: q.numberStart, end, value: q.value, bound: 'exact', measure: q.unit, noun: src.text.slice(q.end, end), quoted: false, text: src.text.slice(q.numberStart, end), side: 'before' };
}

/**
 * The first run of two or more values in the clause after 分别 (at `from` of the line), with
 * one unit for all (or the unit on the last only). Times are no values here.
 */
function numericValues(src: ListSource, lineText: string, from: number, lineStart: number): EnumeratedList | null {
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
    if (!(same || bare) || words.timeUnits.has(last)) return null;
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
function dateValues(src: ListSource, lineText: string, from: number, lineStart: number): EnumeratedList | null {
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
 * quantity layer does not know (部, 台, 座…). The shared character makes it a unit; time
 * units and 、-runs of ordinals are left out.
 */
const SAME_UNIT_RUN = /(?<![\d.])\d{1,7}(?:\.\d{1,4})?(\p{Script=Han})(?:、\d{1,7}(?:\.\d{1,4})?\1){1,11}/u;
function sameUnitValues(src: ListSource, masked: string, offset: number): EnumeratedList | null {
  const m = SAME_UNIT_RUN.exec(masked);
  if (!m || words.timeUnits.has(m[1]) || '年月日时分秒周天岁届期次'.includes(m[1])) return null;
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

/** A list closed by a count of its own in the clause after 分别 at `at` (`分别认领产业、环境两个项目`). */
function countedValues(src: ListSource, counted: readonly EnumeratedList[], at: number, clauseEnd: number): EnumeratedList | null {
  for (const l of counted) {
    if (l.count!.side !== 'after' || l.count!.start <= at || l.count!.end > clauseEnd || l.items[0].end <= at + 2) continue;
    // The list as values: its first item starts after 分别 (the clause before is the subjects').
    const first = { start: at + 2, end: l.items[0].end, text: src.text.slice(at + 2, l.items[0].end) };
    return { ...l, start: at + 2, items: [first, ...l.items.slice(1)] };
  }
  return null;
}

/**
 * Named values: right after 分别 and a verb that pairs each subject with one value (分管,
 * 获评, 是: rules/data/lists.yaml), a 、-list of names that ends the clause (`分管党建、宣传、
 * 统战`). Names hold no digits and no count of things (`一支队伍`); a list holding 等 names
 * only some.
 */
function namedValues(src: ListSource, lineText: string, from: number, lineStart: number): EnumeratedList | null {
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
  if (spans.length === 0) return null;
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

const trend = sentenceNumbers.trend;
/** One value after its own direction verb: groups 1 = the verb, 2 = the value. */
const DIRECTED = new RegExp(`^(${trend.up}|${trend.down})了?(${NUMBER_SOURCE}(?:万|亿)?(?:${words.valueUnits}))`, 'u');

/**
 * `同比分别增长6.3%和下降2.1%`: right after 分别, values each led by its own direction verb,
 * joined by 、/和/及, in one unit. Each subject has one value whichever way it went.
 */
function directedValues(src: ListSource, lineText: string, from: number, lineStart: number): EnumeratedList | null {
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
