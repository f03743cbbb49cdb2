/**
 * The counts that announce or close a list, read from the text (rules/model/lists.ts, read
 * by list-finder.ts): `三个方面`, a count of the quantity layer with a list unit and a noun
 * before an introducer (`制定8项措施：…`), `三大行动` unquoted, `三种方式` (a measure word the
 * quantity layer does not read), and the introducers (lists.yaml) that open a list.
 *
 * Separate from list-finder.ts, which decides which reading (a list before, after, or
 * referred back to) a count gets: this module only finds the counts and says where the
 * list they announce would start. Every function is pure over the frozen source.
 * Offsets are UTF-16 code units of `src.text`; nothing here throws.
 */
import { listsData as vocab } from '../data/lists';
import { wordAlternation } from '../data/yaml-data';
import { chineseNumeralValue, isCountNumeralCode } from './numerals';
import type { Quantity } from './quantities';
import type { ListCount, ListSource } from './lists';
import { shownNoun } from './list-inline';
import { inCountRun, seriesItem } from './list-context';
import { nounBefore } from './list-heads';
import type { RunReader } from './list-runs';
import { sequenceRun } from './list-sequence';
import type { Announcement } from './list-slogans';
import { hanPrefixLength, insideQuotes } from './list-text';

/** What countedAnnouncement reads of a count (a quantity, or a `三大` the quantity layer has no measure for). */
export type CountWord = Pick<Quantity, 'start' | 'end' | 'value' | 'unit' | 'after' | 'line' | 'numeral'>;

/** An introducer of lists.yaml `introducers`: its word, and whether the list after it may name only some of the items (`包括`: the count is then an upper bound). */
export interface Introducer {
  w: string;
  partial: boolean;
}

const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
const oneOf = (codes: readonly number[], c: number) => codes.includes(c);

/** Introducers by first code unit: most positions are rejected by one lookup. */
const INTRODUCERS: Introducer[] = [...vocab.completeIntroducers.map((w) => ({ w, partial: false })), ...vocab.partialIntroducers.map((w) => ({ w, partial: true }))].sort(
  (a, b) => b.w.length - a.w.length,
);
const INTRODUCER_FIRST = [...new Set(INTRODUCERS.map((i) => i.w.charCodeAt(0)))];

/**
 * `集中研学、专题辅导、实地教学三种方式`: counts with 种, a measure word the quantity layer
 * does not read (some 种 is no count: 一种, 各种), as quantities for listBeforeCount; with
 * `measure` 部, counts of titles right after them (`《A》《B》两部法规`; 三部门 is none); with
 * 款, counts of products (`“甲贷”“乙贷”等四款信贷产品`; 第三款 is none); with 点, counts of
 * points (`提出三点要求：…`, `主要有三点体会：` ⏎ `（一）…`; pointCount: no clock time).
 * Returns exact quantities of value ≥ 2 outside opaque spans, in text order; `after` is
 * the word after 种 up to the first mark (at most 12 code units).
 */
export function kindCounts(src: ListSource, measure: '种' | '部' | '款' | '点' = '种'): Quantity[] {
  const { text } = src;
  const out: Quantity[] = [];
  for (let i = text.indexOf(measure); i >= 0; i = text.indexOf(measure, i + 1)) {
    let start = i;
    if (isCountNumeralCode(text.charCodeAt(i - 1))) while (start > i - 3 && isCountNumeralCode(text.charCodeAt(start - 1))) start--;
    else while (start > i - 2 && isDigit(text.charCodeAt(start - 1))) start--;
    if (start === i) continue;
    // 部 counts titles only right after them (`《A》《B》两部法规`, `…》等3部`): 三部门 is no count.
    if (measure === '部' && !titleBefore(text, start)) continue;
    // 款 counts products (`“甲贷”“乙贷”等四款信贷产品`), but 第三款 is a clause of a law.
    if (measure === '款' && text.charCodeAt(start - 1) === 0x7b2c /* 第 */) continue;
    const numeral = text.slice(start, i);
    const chinese = !isDigit(numeral.charCodeAt(0));
    if (measure === '点' && !pointCount(text, start, i, chinese)) continue;
    const value = chinese ? chineseNumeralValue(numeral) : Number(numeral);
    if (!(value >= 2) || src.opaque.overlaps(start, i + 1)) continue;
    const line = src.lines.lineAt(start);
    const after = text.slice(i + 1, Math.min(src.lines.end(line), i + 13)).split(/[，。；：、（）“”,;:()\s]/u)[0];
    out.push({ start, end: i + 1, numberStart: start, numberEnd: i, numberText: numeral, value, decimals: 0, numeral: chinese ? 'chinese' : 'arabic', scale: '', unit: measure, qualifiers: [], bound: 'exact', scope: null, after, line });
  }
  return out;
}

/** Words of a clock before `N点` (`下午三点`, `每晚八点`): a time, no count. */
const CLOCK_BEFORE = /(?:上午|下午|中午|晚上|早上|凌晨|傍晚|每天|每晚|每日|当天|当晚|日|号|周[一二三四五六日]|星期[一二三四五六日天])$/u;
/** What may follow a clock's `N点` (钟, 半, 多, 前, 整, 至…) or a decimal's (三点五): no noun of a count. */
const NOT_POINT_NOUN = /^[钟半多前后整左至到起时许过零〇一二三四五六七八九十两]/u;

/**
 * Whether `N点` at `[start, at]` counts points (`三点要求`, `两点体会`, `体会有三点：`): a
 * Chinese numeral (`3点` is a clock time), a Han noun right after 点 that is none of a clock's
 * or a decimal's words, or a colon, and no clock word before it.
 */
function pointCount(text: string, start: number, at: number, chinese: boolean): boolean {
  // `主要体会有三点：一是…`: the noun may stand before, the colon right after 点.
  const next = text[at + 1] ?? '';
  if (!chinese || (next !== '：' && (!/\p{Script=Han}/u.test(next) || NOT_POINT_NOUN.test(next)))) return false;
  return !CLOCK_BEFORE.test(text.slice(Math.max(0, start - 3), start));
}

/** Whether a title's 》 (or 》等) ends right before offset `at` of `text`. */
function titleBefore(text: string, at: number): boolean {
  const before = text.charCodeAt(at - 1) === 0x7b49 /* 等 */ ? at - 1 : at;
  return text.charCodeAt(before - 1) === 0x300b; /* 》 */
}

/**
 * `三个方面`, `3个方面`, `三方面` outside quotes: one scan for 方面, its 个 and numeral tested after.
 * Each announcement's `after` is where an introducer (if a short verb leads to one) or the
 * count ends; a list before it must be names (`preceding: 'names'`).
 */
export function aspects(src: ListSource): Announcement[] {
  const { text } = src;
  const out: Announcement[] = [];
  for (let i = text.indexOf('方面'); i >= 0; i = text.indexOf('方面', i + 1)) {
    // `着力做好三方面工作`: a Chinese numeral may stand right before 方面, without 个
    // (not `第四方面军`, an army's name).
    const bare = isCountNumeralCode(text.charCodeAt(i - 1));
    if (bare && (text[i + 2] === '军' || /第\S{0,3}$/u.test(text.slice(Math.max(0, i - 4), i)))) continue;
    const ge = bare ? i : i - 1;
    if (!bare && text.charCodeAt(ge) !== 0x4e2a /* 个 */) continue;
    let start = ge;
    if (isCountNumeralCode(text.charCodeAt(ge - 1))) while (start > ge - 3 && isCountNumeralCode(text.charCodeAt(start - 1))) start--;
    else while (!bare && start > ge - 2 && isDigit(text.charCodeAt(start - 1))) start--;
    if (start === ge) continue;
    const end = i + 2;
    const numeral = text.slice(start, ge);
    const value = isDigit(numeral.charCodeAt(0)) ? Number(numeral) : chineseNumeralValue(numeral);
    if (value < 2 || src.opaque.overlaps(start, end) || inCountRun(text, start, end)) continue;
    const line = src.lines.lineAt(start);
    const from = src.lines.start(line);
    // `聚焦“三个方面”持续用力`: quotes around the count alone add no name to it; it announces
    // its aspects as the bare count does (list-slogans.ts leaves such a quotation alone, but
    // for one closing a list with 等, which it reads as other slogans).
    const alone = text[start - 1] === '“' && text[end] === '”' && text[start - 2] !== '等';
    if (!alone && insideQuotes(src.lines.lineText(line), start - from)) continue;
    const count: ListCount = { start, end, value, bound: 'exact', measure: bare ? '' : '个', noun: '方面', quoted: false, text: text.slice(start, end), side: 'before' };
    // `围绕四个方面进行了讨论：…`, `…进行讨论，如…`: a verb may stand before the introducer.
    let after = alone ? end + 1 : end;
    const verb = hanPrefixLength(text.slice(after, after + 9), 8);
    for (let k = after + 1; k <= after + verb; k++) {
      if (!introducerAt(src.text, k)) continue;
      after = k;
      break;
    }
    // `制定5个方面18项具体措施（A4项、B5项…）`: a bracket after the aspects (and a count
    // of what they hold, and a short noun) lists them; one that opens with 其中/含 splits
    // something else.
    if (after === (alone ? end + 1 : end)) {
      const at = after;
      ASPECTS_BRACKET.lastIndex = at;
      const m = ASPECTS_BRACKET.exec(text);
      if (m && !/^(?:其中|含)/u.test(text.slice(at + m[0].length, at + m[0].length + 2))) after = at + m[0].length - 1;
    }
    out.push({ count, after, line, shape: null, nextLine: true, preceding: 'names' });
  }
  return out;
}

/** After `N个方面`: a count of what they hold and a short noun, then the bracket (sticky). */
const ASPECTS_BRACKET = /(?:[\d一二三四五六七八九十两]{1,3}[项条个])?\p{Script=Han}{0,8}?[（(]/uy;

/**
 * `制定8项措施：…`, `两个阵地，即…`: a count with a list unit and a noun, then an
 * introducer. A count in Chinese numerals may also announce a run without one: the
 * count and its noun end the line (`重点抓好三项工作。` ⏎ `一是…`), or a 一是-run follows
 * right after the count's clause (`抓好三项工作。一是…`). Null when the count announces nothing.
 */
export function countedAnnouncement(src: ListSource, runs: RunReader, q: CountWord): Announcement | null {
  if (q.after.startsWith('方面') || inCountRun(src.text, q.start, q.end + hanPrefixLength(q.after))) return null;
  // The introducer follows a noun of at most 8 Han characters (it may be one: 包括, 即).
  const nounEnd = q.end + hanPrefixLength(q.after);
  let at = -1;
  for (let k = q.end; k <= nounEnd && at < 0; k++) if (introducerAt(src.text, k)) at = k;
  // `即：抓牢一条主线，完善三项机制，开展好六类活动。`: a count that is one item of a series
  // names no run of its own; the sections after expand the series.
  const own = at < 0 && q.numeral === 'chinese' && nounEnd > q.end && !seriesItem(src.text, q.start, src.lines.start(q.line));
  const run = own ? runFollows(src, runs, nounEnd, q.line) || purposeThenColon(src, runs, nounEnd, q.line) : false;
  if (at < 0 && !run) return bridgedAnnouncement(src, q, nounEnd);
  // `按照三项要求推进阵地建设：A、B…`: a colon after a verb clause, within the noun's eight
  // characters, is read as any other such clause's (bridged).
  if (src.text[at] === '：' || src.text[at] === ':') {
    const bridged = bridgedAnnouncement(src, q, at);
    if (bridged && bridged.after === at) return bridged;
  }
  const end = at < 0 ? nounEnd : at;
  let noun = src.text.slice(q.end, end);
  let text = src.text.slice(q.start, end);
  // `组建党员先锋队5支，包括…`: the noun stands before the count (shown with it).
  if (noun === '' && at >= 0) {
    noun = nounBefore(src.text, q.start, src.lines.start(q.line));
    text = noun + text;
  }
  const count: ListCount = { start: q.start, end, value: q.value, bound: 'exact', measure: q.unit, noun, quoted: false, text, side: 'before' };
  return { count, after: end, line: q.line, shape: null, nextLine: run, preceding: null };
}

/**
 * `按照五项举措推进支部标准化建设：A；B；C`, `五项举措，着力…：一是…`: a count whose noun is
 * followed by one clause of what is done with it, then the colon of its items on the same line
 * (clauseThenColon). The noun ends where that clause's verb (or its comma) begins, at least one
 * Han character after the measure word. The announcement is `bridged`: only a run or a ；-list
 * after the colon is read as its items (list-finder.ts). Null when no such clause follows.
 */
function bridgedAnnouncement(src: ListSource, q: CountWord, nounEnd: number): Announcement | null {
  const { text } = src;
  if (src.opaque.overlaps(q.start, q.end)) return null;
  const lineEnd = src.lines.end(q.line);
  for (let k = q.end + 1; k <= nounEnd; k++) {
    const colon = clauseThenColon(text, k, lineEnd, k < nounEnd);
    if (colon < 0) continue;
    const noun = text.slice(q.end, k);
    const count: ListCount = { start: q.start, end: k, value: q.value, bound: 'exact', measure: q.unit, noun, quoted: false, text: text.slice(q.start, k), side: 'before' };
    return { count, after: colon, line: q.line, shape: null, nextLine: false, preceding: null, bridged: true };
  }
  return null;
}

/** The longest clause (code units) read between a count's noun and the colon of its items. */
const MAX_BRIDGE = 24;
/** What may not stand in that clause: a numeral (a count of its own), a quote or title, a word pointing ahead (以下: the colon's own announcement). */
const NOT_IN_BRIDGE = /[\d一二三四五六七八九十两“”《》]|以下|如下|下列/u;

/**
 * `“五项举措”，着力从源头上减少信访问题：`, `五项举措推进支部标准化建设：`: at `at`, right after a
 * count's noun, one clause of what is done with it — a comma and a purpose verb (lists.yaml
 * count_bridge_purposes) or, when `direct`, a verb right there (count_bridge_verbs) — then a
 * colon before `lineEnd`, with no other clause mark and nothing of NOT_IN_BRIDGE between, at
 * most MAX_BRIDGE code units. Returns the colon's offset, or -1.
 */
export function clauseThenColon(text: string, at: number, lineEnd: number, direct: boolean): number {
  let from = -1;
  if (text[at] === '，' || text[at] === ',') {
    const v = vocab.countBridgePurposes.find((w) => text.startsWith(w, at + 1));
    if (v) from = at + 1 + v.length;
  } else if (direct) {
    const v = vocab.countBridgeVerbs.find((w) => text.startsWith(w, at));
    if (v) from = at + v.length;
  }
  if (from < 0) return -1;
  const reach = Math.min(lineEnd, from + MAX_BRIDGE + 1);
  for (let i = from; i < reach; i++) {
    const c = text[i];
    if (c === '：' || c === ':') return i > from && !NOT_IN_BRIDGE.test(text.slice(at, i)) ? i : -1;
    if ('，,。；;！？!?\n'.includes(c)) return -1;
  }
  return -1;
}

/**
 * `，推动…：`: a purpose clause after a count's noun, ending its line on the colon (sticky at the
 * ，); its opening verbs are lists.yaml `count_bridge_purposes`, as clauseThenColon reads them.
 */
const PURPOSE_TO_COLON = new RegExp(`，(?:${wordAlternation(vocab.countBridgePurposes)})[^，。；：:\\n]{1,24}[：:][ \\t]*(?:<!--[^\\n]*)?$`, 'uy');

/**
 * `实施三大工程，推动党建与发展同频共振：` ⏎ `- …`: the count's noun, one purpose clause
 * (what the items are for, no other count or list) and the colon that ends the line; the run
 * after the line is the count's own, as after `实施三大工程：`.
 */
function purposeThenColon(src: ListSource, runs: RunReader, at: number, line: number): boolean {
  const lineEnd = src.lines.end(line);
  PURPOSE_TO_COLON.lastIndex = at;
  const m = PURPOSE_TO_COLON.exec(src.text.slice(0, lineEnd));
  if (m === null || /\d|[一二三四五六七八九十两]/u.test(m[0])) return false;
  // The colon: the last one before any trailing comment.
  return runFollows(src, runs, at + m[0].search(/[：:][ \t]*(?:<!--[^\n]*)?$/u), line);
}

/**
 * Whether a run may follow the count whose noun ends at `at`: the line ends there (after
 * one ：。), or one mark ：。，； and a 一是 follow on the same line.
 */
function runFollows(src: ListSource, runs: RunReader, at: number, line: number): boolean {
  const lineEnd = src.lines.end(line);
  const c = src.text.charCodeAt(at);
  if (at < lineEnd && !'：:。，；'.includes(src.text[at])) return false;
  let next = at < lineEnd ? at + 1 : at;
  while (next < lineEnd && /[\s*]/u.test(src.text[next])) next++;
  if (next >= lineEnd || src.text.startsWith('<!--', next)) return c !== 0xff0c /* ， */ && c !== 0xff1b; /* ； */
  const item = src.items[runs.firstItemAfter(next)];
  if (item !== undefined && item.start === next && item.value === 1) return true;
  // `落实四项措施，首先…，其次…，最后…`: a closed sequence run on the line.
  return sequenceRun(src.text, at, lineEnd, line, null) !== null;
}

/**
 * `实施三大行动：…` (not quoted): a numeral, 大 and a noun, read as a count for
 * countedAnnouncement; without an introducer or run after it, a count closing the names
 * right before it (`…五大建设`). A Party congress (党的十九大) is no count.
 */
export function bigCounts(src: ListSource, runs: RunReader): Announcement[] {
  const { text } = src;
  const out: Announcement[] = [];
  for (let i = text.indexOf('大'); i >= 0; i = text.indexOf('大', i + 1)) {
    if (!isCountNumeralCode(text.charCodeAt(i - 1))) continue;
    let start = i - 1;
    while (start > i - 3 && isCountNumeralCode(text.charCodeAt(start - 1))) start--;
    const value = chineseNumeralValue(text.slice(start, i));
    if (value < 2 || text.charCodeAt(start - 1) === 0x7b2c /* 第 */ || src.opaque.overlaps(start, i + 1)) continue;
    // 十六大精神, 党的十九大: a Party congress by its number, no count of big things.
    if (congressName(text, start, i + 1)) continue;
    const line = src.lines.lineAt(start);
    const lineStart = src.lines.start(line);
    if (insideQuotes(src.lines.lineText(line), start - lineStart)) continue;
    const after = text.slice(i + 1, Math.min(src.lines.end(line), i + 13));
    const a = countedAnnouncement(src, runs, { start, end: i + 1, value, unit: '大', after, line, numeral: 'chinese' });
    if (a?.nextLine) a.preceding = 'names';
    if (a) out.push(a);
    else if (!/(?:其他|其它|其余|另外)$/u.test(text.slice(Math.max(lineStart, start - 2), start))) {
      // 经济、政治、文化、社会、生态五大建设: the list right before (其他五大建设 counts the rest).
      const noun = shownNoun(after.slice(0, hanPrefixLength(after)));
      const count: ListCount = { start, end: i + 1 + noun.length, value, bound: 'exact', measure: '大', noun, quoted: false, text: text.slice(start, i + 1) + noun, side: 'after' };
      out.push({ count, after: count.end, line, shape: null, nextLine: false, preceding: 'names' });
    }
  }
  return out;
}

/** The introducer of lists.yaml starting at code unit `at` of `text` (the longest), if any; null else. */
export function introducerAt(text: string, at: number): Introducer | null {
  const c = text.charCodeAt(at);
  if (!oneOf(INTRODUCER_FIRST, c)) return null;
  for (const i of INTRODUCERS) {
    if (i.w.charCodeAt(0) !== c || !text.startsWith(i.w, at)) continue;
    // 即将, 即使; 如期, 如何, 如实: another word (`：即将…` still opens with `：`).
    const next = text[at + i.w.length];
    if ((i.w.endsWith('即') && vocab.notAfterJi.includes(next)) || (i.w.endsWith('如') && vocab.notAfterRu.includes(next))) continue;
    return i;
  }
  return null;
}

/** A count read from the quantity layer that sums up items before it: `以上三项举措`. */
export function backCount(text: string, q: Quantity): ListCount {
  const noun = shownNoun(q.after.slice(0, hanPrefixLength(q.after)));
  return { start: q.start, end: q.end, value: q.value, bound: 'exact', measure: q.unit, noun, quoted: false, text: text.slice(q.start, q.end) + noun, side: 'after' };
}

/**
 * Whether the numeral and 大 at `[start, end)` of `text` name a Party congress: a word of
 * lists.yaml `congress_before` right before (党的七大, 中共三大, 喜迎二十大), or what follows
 * 大 reads as a session's name (sessionAfter: 十六大精神, 二十大的, 十九大，).
 * 三大工程 and 四大行动 are counts.
 */
function congressName(text: string, start: number, end: number): boolean {
  for (const w of vocab.congressBefore) if (text.startsWith(w, start - w.length)) return true;
  return sessionAfter(text.slice(end, end + 8));
}

/**
 * Whether `after`, the text right after a numeral and 大, makes them the short name of a
 * Party congress (党的第N次全国代表大会) rather than a count of big things: a word of
 * lists.yaml `congress_after` (二十大报告, 十八大以来, 一大会址), or no label noun at all —
 * 的, punctuation, a space or the end of the text (`喜迎二十大的强大动力`, `学习贯彻二十大，`:
 * probe15 p54). A count by 大 always names what it counts (四大行动, 五大发展理念).
 */
export function sessionAfter(after: string): boolean {
  if (after === '' || after[0] === '的' || !/^\p{Script=Han}/u.test(after)) return true;
  return vocab.congressAfter.some((w) => after.startsWith(w));
}
