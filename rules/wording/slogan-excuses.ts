/**
 * When a near miss slogan-search.ts finds is excused by its context (rules/wording/
 * slogan-canonical.ts): part of correct text there (`insideGood`), a redacted name, a superseded
 * wording in a sentence of its own time, another number that is an ordinal or the end of a
 * longer one, a short form that names no formulation where it stands (`namesFormulation`).
 * Offsets are UTF-16 code units into the text searched.
 */
import type { SloganEntry } from '../data/slogans';
import { isHanCode } from '../model/script';
import { ENTRIES, GOOD_LIST, variantAt } from './slogan-index';
import { commonWords } from '../data/reduplication';
import { wordAcross } from './slogan-words';

/** Characters that stand for a redacted name in a draft (`A新时代…`, `*新时代…`). */
const REDACTION = /[A-Za-zＡ-Ｚａ-ｚ*＊×Ｘ]/;

/** Per text found at a hit, the correct phrases that contain it and where: filled on its first hit. */
const CONTAINERS = new Map<string, readonly [string, number][]>();

/**
 * Whether `found`, at `start` of `text`, is part of correct text there: inside an exact
 * occurrence of a formulation or correct phrase (the name-less thought inside its full
 * name; `十届三中全会` inside `二十届三中全会`). Asked only at hits, so the cost stays
 * with the few candidates.
 */
export function insideGood(text: string, found: string, start: number): boolean {
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
 * Whether the wrong form `variantAt(k)` found at `start` of `text` (on the line `[from, to)`)
 * is excused: part of correct text there; for a dropped name, right after a redaction mark
 * (`A新时代…`, `XJP 新时代…`); for a superseded wording, in a sentence that names no
 * formulation of after the change (the entry's `outdatedWith`, see sentenceAround) and tells
 * the formulation's history (its `outdatedHistory`).
 */
export function excused(text: string, from: number, to: number, k: number, start: number): boolean {
  const v = variantAt(k);
  if (insideGood(text, v.form, start)) return true;
  // A superseded wording is a slip in a report of today wherever it stands (坚定“三个自信”), and an
  // anachronism beside a formulation of after the change; it is history only in a sentence
  // that tells how the formulation grew (十八大提出…, 在原有的“三个自信”基础上) and names
  // nothing newer.
  if (v.kind === 'outdated') {
    const [s, e] = sentenceAround(text, from, to, start);
    const entry = ENTRIES[v.entry];
    return !entry.outdatedWith.some((w) => lineHas(text, s, e, w)) && entry.outdatedHistory.some((w) => lineHas(text, s, e, w));
  }
  // One verb put to both layouts (`协调推进“五位一体”总体布局和“四个全面”战略布局`, as an
  // instruction of 2016 words it): the verb governs the pair too, not this name alone.
  if (v.kind === 'pair' && ENTRIES[v.entry].verb === v.word) {
    const own = ENTRIES[v.entry].canonical;
    const rest = text.slice(start + v.form.length, start + v.form.length + own.length + 2);
    return /^[和与及、]/u.test(rest) && rest.slice(1).replace(/^“/u, '').startsWith(own);
  }
  // The pair's verb before this name, the name then modifying another noun (`深刻领悟“两个
  // 维护”的全面性`: what is grasped is 全面性): the verb's object is that noun, not the name.
  // Not before the pair's own sequel (`领悟“两个维护”的决定性意义` mixes the two wordings).
  if (v.kind === 'pair' && v.fixAt > 0 && ENTRIES[v.entry].before.includes(v.word)) {
    const end = start + v.form.length;
    return text[end] === '的' && !ENTRIES[v.entry].after.some((a) => text.startsWith(a, end));
  }
  // A name glossed by another's items after its own verb (`坚定“四个自信”，即政治意识`): verb
  // and name agree, so the items may be the slip as well as the name; the name's fix would
  // put the other name after this verb, a misquote of its own, so neither is offered.
  if (v.kind === 'pair' && ENTRIES[v.entry].parts[0] === v.word) {
    const own = ENTRIES.find((e) => e.canonical === v.form.slice(v.fixAt, v.fixAt + v.fixLen));
    const lead = text.slice(Math.max(0, start - 6), start);
    return own !== undefined && own.before.some((w) => lead.endsWith(w) || lead.endsWith(`${w}了`));
  }
  // 第二个…, 十二个…: the 二 belongs to another number.
  if (v.kind === 'numeral') {
    if (start > 0 && /[第一二三四五六七八九十百零两0-9０-９.．]/u.test(text[start - 1])) return true;
    // A count in digits (`4个意识`) is also a plain count of things (`4个意识形态阵地`): the
    // name only quoted or where the text names the formulation.
    if (!/^[0-9]/u.test(v.form)) return false;
    const end = start + v.form.length;
    return !(text[start - 1] === '“' && text[end] === '”') && !namesFormulation(text, start, end, ENTRIES[v.entry]);
  }
  if (v.kind === 'count') {
    if (countExcused(text, start, start + v.form.length)) return true;
    // A short word (五个意识) is a misquote only in the sentence of its pair's name.
    const entry = ENTRIES[v.entry];
    if (v.form.length - v.word.length - 1 >= COUNT_WORD_MIN || entry.pair === null) return false;
    // Right after the formulation's own verb or before its own sequel (`领悟“三个确立”的决定性
    // 意义`), the number miscounts the formulation named there, pair or no pair.
    if (ownContext(text, start, start + v.form.length, entry)) return false;
    const [s, e] = sentenceAround(text, from, to, start);
    return !lineHas(text, s, e, entry.pair);
  }
  if (v.kind === 'near') {
    // 新时期 right after the words that name the era of reform (改革开放新时期, 社会主义现代化
    // 建设新时期): history, not the new era's formulation misquoted.
    if (v.word === ERA_OF_REFORM && ERA_OF_REFORM_BEFORE.test(text.slice(Math.max(0, start - 2), start))) return true;
    return v.form.length < NEAR_NAMED_MIN_LENGTH && !namesFormulation(text, start, start + v.form.length, ENTRIES[v.entry]);
  }
  if (v.kind !== 'required') return false;
  // A short remainder of a dropped name (生态文明思想 of 习近平生态文明思想) is also a phrase of
  // its own (马克思主义生态文明思想): a misquote only where the text names the formulation.
  if (v.fixAt === 0 && v.form.length < REQUIRED_NAMED_MIN_LENGTH && v.fixText.startsWith(v.word) && !namesFormulation(text, start, start + v.form.length, ENTRIES[v.entry])) return true;
  // The mark may be set off by a space (`以 XJP 新时代…`).
  let before = start - 1;
  if (before >= 0 && (text[before] === ' ' || text[before] === '\u3000')) before--;
  return before >= 0 && REDACTION.test(text[before]);
}

/** The near word 新时期 (slogans.yaml `near_words`: for 新时代), and the words before it that make it the era of reform and opening up (改革开放和社会主义现代化建设新时期). */
const ERA_OF_REFORM = '新时期';
const ERA_OF_REFORM_BEFORE = /(?:开放|建设|改革|历史)$/u;
/** A name-dropped misquote shorter than this (code units) counts only where the text names the formulation (`namesFormulation`). */
const REQUIRED_NAMED_MIN_LENGTH = 8;
/** A `near` misquote shorter than this (code units) counts only where the text names the formulation (`namesFormulation`). */
const NEAR_NAMED_MIN_LENGTH = 6;
/** Verbs a system or formulation is put to (`落实第一议题制度`, `做到两个维护`), right before it, a quotation mark between or not. */
const PUT_TO = /(?:落实|执行|实行|推行|坚持|健全|完善|建立|用好|深化|做到|领悟|拥护|增强|坚定|树立|践行|贯彻)“?$/u;
/** Words a system's name goes before (`第一议题制度`), a quotation mark between or not. */
const SYSTEM_WORD = /^”?(?:制度|机制)/u;
/** Words a formulation put to a verb goes before (`坚持第一议题学习`). */
const NAME_SEQUEL = /^”?(?:学习|要求)/u;

/**
 * Whether `text[start, end)` stands right after one of `entry`'s `before` words or right
 * before one of its `after` words, a quotation mark between or not (`领悟“…”的决定性意义`).
 */
function ownContext(text: string, start: number, end: number, entry: SloganEntry): boolean {
  const tail = text[end] === '”' ? end + 1 : end;
  const head = text[start - 1] === '“' ? start - 1 : start;
  return entry.after.some((w) => text.startsWith(w, tail)) || entry.before.some((w) => text.startsWith(w, head - w.length));
}

/**
 * Whether the short form `text[start, end)` is used as the name of `entry`: right before
 * 制度/机制 (`第一课题制度`) or one of the entry's `after` words, right after one of its
 * `before` words, or right after a verb such names are put to and ending
 * the phrase there (`做到两个拥护，`, `坚持第一课题学习`). Elsewhere the same characters are an
 * ordinary phrase (`第一课题组`, `会议第一议程`, `落实第一课题组的…`, `把握两个确定性`).
 */
function namesFormulation(text: string, start: number, end: number, entry: SloganEntry): boolean {
  const after = text.slice(end, end + 3);
  if (SYSTEM_WORD.test(after)) return true;
  // The entry's own sequel or verb around it (`两个确定的决定性意义`, `做到两个拥护`).
  if (ownContext(text, start, end, entry)) return true;
  if (!PUT_TO.test(text.slice(Math.max(0, start - 3), start))) return false;
  return !isHanCode(text.charCodeAt(end)) || NAME_SEQUEL.test(after);
}

/**
 * Whether another number in a counted formulation (`五个必须坚持`, `text[start, end)`) is
 * excused: its number is the end of a longer one or an ordinal (`十五个…`, `第五个必须坚持`,
 * one of the six counted out), or a colon follows, so the writer lists a summary of his own
 * (`我们的体会是三个必须坚持：…`).
 */
function countExcused(text: string, start: number, end: number): boolean {
  if (start > 0 && /[第一二三四五六七八九十百零两]/u.test(text[start - 1])) return true;
  let after = end;
  if (text[after] === '”' || text[after] === '"') after++;
  return /^(?:[：:]|，?即)/u.test(text.slice(after, after + 2));
}

/** Shortest word of a counted formulation whose other number is a misquote anywhere (slogan-variants.ts). */
const COUNT_WORD_MIN = 3;

/** How far a superseded wording's sentence is read each way: a long line costs linear time. */
const SENTENCE_REACH = 200;

/**
 * The sentence of the line `[from, to)` that holds index `start`, as `[start, end)`: from
 * past the last 。！？ before it to the next one, at most SENTENCE_REACH code units each
 * way. The sentence, not the line: a paragraph that tells the history (十八大提出坚定“三个
 * 自信”。…十九大…增强“四个意识”) puts each wording in its own sentence, while a slip stands
 * in one series with the newer formulations (增强“四个意识”，坚定“三个自信”，做到…). ； and
 * ， do not end it: they part the items of such a series.
 */
function sentenceAround(text: string, from: number, to: number, start: number): [number, number] {
  let s = start;
  const low = Math.max(from, start - SENTENCE_REACH);
  while (s > low && !isSentenceEnd(text.charCodeAt(s - 1))) s--;
  let e = start;
  const high = Math.min(to, start + SENTENCE_REACH);
  while (e < high && !isSentenceEnd(text.charCodeAt(e))) e++;
  return [s, e];
}

/** 。！？ and their half-width forms. */
const isSentenceEnd = (c: number) => c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0x21 || c === 0x3f;

/**
 * Whether a part of a series in `text` ends before `i`: at the end of the text, or before a
 * character that is not Han, or before a 的 (`…建新功的要求`).
 */
export function partEndsAt(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  return !isHanCode(code) || code === 0x7684; // 的
}

/**
 * Whether `word` occurs within the line `[from, to)` of `text`. The search for a word's next
 * occurrence is remembered (`nextAt`): a line of many hits with the word nowhere near would
 * otherwise search the rest of the text once per hit, quadratic on a long line (review).
 */
function lineHas(text: string, from: number, to: number, word: string): boolean {
  const at = nextAt(text, word, from);
  return at !== -1 && at + word.length <= to;
}

/** Per word, the last search: from where in which text, and the occurrence found (-1: none). */
const lastSearch = new Map<string, { text: string; from: number; at: number }>();

/**
 * `text.indexOf(word, from)`, reusing the last search of `word` when it started at or before
 * `from` and found nothing before `from` (hits come in text order: linear in all).
 */
function nextAt(text: string, word: string, from: number): number {
  const last = lastSearch.get(word);
  if (last && last.text === text && last.from <= from && (last.at === -1 || last.at >= from)) return last.at;
  const at = text.indexOf(word, from);
  lastSearch.set(word, { text, from, at });
  return at;
}

/**
 * How the text goes on after `found` (`text[start, end)`), a near miss of `canonical` short of
 * the character before its last one (党的组织设 for 党的组织建设): `'swapped'` where the next
 * character is the dropped one (组织线路 for 组织路线: two neighbours swapped), `'word'` where
 * the found text's last character, which in the formulation ends the word the dropped
 * character began (建设), starts a word with the Han text beyond it instead (设置, 会议: ICU's
 * segmenter or the common-word list, rules/data/common-words.yaml), else null (a broken end,
 * `加强党的组织设，`, `党的组织设工作`).
 */
export function endBeyond(text: string, end: number, found: string, canonical: string): 'swapped' | 'word' | null {
  const n = found.length;
  if (n < 2 || canonical.length !== n + 1 || !isHanCode(text.charCodeAt(end))) return null;
  if (!canonical.startsWith(found.slice(0, n - 1)) || canonical[n] !== found[n - 1]) return null;
  if (text[end] === canonical[n - 1]) return 'swapped';
  return wordAcross(text, end - 1, false) || commonWords().has(text.slice(end - 1, end + 1)) ? 'word' : null;
}

/**
 * Whether a near miss short of the character before its last one is another word the writer
 * wrote (`endBeyond` says `'word'`): the formulation is then not there at all (党的组织设置 is
 * how the organisations are set up). Not for a fixed name (`exact`) or a numbered one
 * (二十届三中全会): the writer names that one thing, and `三中会议` is its name miswritten.
 */
export function rewordedEnd(text: string, end: number, found: string, canonical: string, exact: boolean): boolean {
  return !exact && !NUMBERED.test(canonical) && endBeyond(text, end, found, canonical) === 'word';
}

/** A numeral in a formulation: it names one numbered thing (a plenum, a counted slogan). */
const NUMBERED = /[一二两三四五六七八九十百千零〇0-9０-９]/u;
