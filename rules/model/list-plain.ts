/**
 * The items written out after an introducer (rules/model/lists.ts, read by list-finder.ts):
 * a list separated by ； or by 、 (`包括A、B、C`, `即：A；B；C`), a slogan's shaped items up
 * to the first comma (`即聚焦A、聚焦B，推动…`), and the list inside a bracket after a slogan
 * (`“四大行动”（A行动、B行动…）`). Offsets are UTF-16 code units into `src.text`.
 */
import { listsData as vocab } from '../data/lists';
import { escapeRegExp } from './alternation';
import type { EnumeratedList, ListSource } from './lists';
import { inlineList, textsOf } from './list-inline';
import { closedByKind, closedByNoun, closedByResult, nounEveryItemEndsWith, sharedHead, speaksOfEach } from './list-heads';
import { closedByStatement } from './list-end';
import type { Shape } from './list-runs';
import { sequencedClauses } from './list-sequence';
import { charKind, CLOSER, hasDigit, MAX_REACH, OPENER, splitAt, splitQuoted, withoutAsides } from './list-text';

/** The longest item of a 、-list read up to a comma. */
const MAX_ITEM = 16;
/** One quoted name, nothing else: `“先锋支部”`. */
const QUOTED_NAME = /^“[^“”，。；]{1,14}”$/u;
/** One title, nothing else: `《党员积分管理细则》`. */
const TITLED_NAME = /^《[^《》，。；]{1,40}》$/u;
/**
 * A clause after a list that speaks of all its items (`…，全部在年底前完成`, `…，均已建成`)
 * or sums up what they did (`…，全年服务2300人次`, `…，累计惠及群众500户`): no item of its own.
 */
const AFTER_LIST = /^(?:全部|均|现已|目前|一并|全年|今年|年内|累计|共计|总计|惠及|覆盖|受益|带动)/u;
/**
 * A clause after a list that opens with when it happened (`…，7—9月集中开展…`, `…，下半年…`,
 * `…，截至…`) or with 其中: a new statement, not one more item, unless the list's first item
 * opens with a time too (`上半年开展A、B，下半年开展C`: the times order the items). 同时 and
 * 此外 may add one more item (`：A、B，同时C`): not read so.
 */
/**
 * A clause after a list of places and bodies that says what they bring about (`即社区党群
 * 服务中心、小区红色驿站，让党员群众就近议事`, `…，使服务更加便捷`): a result of them all, not
 * one more item. Only read where every item ends with a facility or body noun (lists.yaml
 * shared_facility_endings, bracket_org_nouns, place_nouns): a list of tasks (`抓好党建、促进
 * 发展，让群众满意`) may go on with one more.
 */
const RESULT = /^(?:让|使得|使(?![用命])|以便|便于)/u;
const PLACE_ENDINGS = [...vocab.sharedFacilityEndings, ...vocab.bracketOrgNouns, ...vocab.placeNouns];
const placeLike = (t: string) => PLACE_ENDINGS.some((w) => t.trim().endsWith(w));
/** An item that opens with when it is done (`每月…`, `春季…`): its list may go on with another time. */
const TIMED_ITEM = /^(?:每|春|夏|秋|冬|[一二三四]季度|[上下]半年|\d)/u;
const AFTER_LIST_TIME = /^(?:\d{1,2}(?:[—–~～至-]\d{1,2})?月|\d{4}年|[上下]半年|[一二三四1-4]季度|年初|年中|年底|年末|截至|截止|其中)/u;

/**
 * A slogan's items in `[from, to)` of `src.text` up to the first comma, each showing its
 * `shape`: `即聚焦A、聚焦B，推动…`. Null when fewer than two items, an item fails the shape,
 * the clause holds a digit, or the next clause could be another item (its end undecidable).
 */
export function shapedClause(src: ListSource, from: number, to: number, shape: NonNullable<Shape>): EnumeratedList | null {
  const { text } = src;
  const clauses = splitAt(text, from, to, '，,');
  const clause = clauses[0];
  if (hasDigit(text, clause[0], clause[1])) return null;
  const segments = splitQuoted(text, splitAt(text, clause[0], clause[1], '、'));
  if (segments.length < 2) return null;
  const texts = textsOf(text, segments);
  // `即建立一套…、开展一次…，重温一次…、进行一次…`: a comma inside the list (、 and ， mixed)
  // leaves its end undecidable.
  // A next clause holding a number (`…，全村党员共联系农户412户`) is no slogan item: those
  // are named phrases.
  if (clauses.length > 1) {
    const [s, e] = splitAt(text, clauses[1][0], clauses[1][1], '、')[0];
    const next = text.slice(s, e).trim();
    if (shape(next) && !hasDigit(text, s, e) && !clauseAfterItems(texts, next)) return null;
  }
  return texts.every(shape) ? inlineList(src, segments, texts) : null;
}

/** The shortest clause after a slogan's items read as a statement of its own (see clauseAfterItems). */
const MIN_STATEMENT = 8;

/**
 * Whether `next`, the clause after a slogan's items `texts`, is a statement about them and no
 * further item: every item opens with the same word (`进社区、进企业、进学校` for “四进”) and
 * `next` does not, and it is long (MIN_STATEMENT characters and twice the longest item):
 * `…，党员干部带头走进基层开展服务` holds the word only inside a clause of its own. A short
 * clause (`…，走进学校`) may still be one more item written loosely: undecided, as before.
 */
function clauseAfterItems(texts: readonly string[], next: string): boolean {
  const trimmed = texts.map((t) => t.trim());
  let prefix = trimmed[0];
  for (const t of trimmed) {
    let n = 0;
    while (n < prefix.length && n < t.length && prefix[n] === t[n]) n++;
    prefix = prefix.slice(0, n);
  }
  if (!/^\p{Script=Han}+$/u.test(prefix)) return false;
  const longest = Math.max(...trimmed.map((t) => t.length));
  return !next.startsWith(prefix) && next.length >= MIN_STATEMENT && next.length >= 2 * longest;
}

/**
 * A slogan's items written as whole clauses up to the sentence's end, each showing its
 * `shape`: `“三个一”活动：读了一本书，写了一篇心得，办了一件实事。` Null when a clause fails
 * the shape, any 、 stands in `[from, to)` (、 and ， mixed leave the items undecidable) or
 * fewer than two clauses.
 */
export function shapedClauses(src: ListSource, from: number, to: number, shape: NonNullable<Shape>): EnumeratedList | null {
  const { text } = src;
  if (splitAt(text, from, to, '、').length > 1) return null;
  const clauses = splitAt(text, from, to, '，,').filter(([s, e]) => e > s);
  if (clauses.length < 2) return null;
  const texts = textsOf(text, clauses);
  return texts.every(shape) ? inlineList(src, clauses, texts) : null;
}

/** How far into a clause a slogan's word may stand for the clause to open with it (`理论课堂抓…`: 2). */
const MAX_WORD_AT = 4;
/**
 * A clause after a slogan's items that sums them up (`三者相互补充`, `以上…`, `这些…`) or says
 * when the whole is done (`每季度…`, `年底…`): a new statement, not one more item.
 */
const AFTER_ITEMS = /^(?:[两二三四五六七八九十]者|以上|上述|这些|这几|此举|每(?:年|季度?|月|周|学期)|年初|年中|年底|年末|截至)/u;

/**
 * A slogan's items written as whole clauses, each opening with its word (`word`, at most
 * MAX_WORD_AT Han characters in: `理论课堂抓…，实践课堂抓…` for “四个课堂”, `聚焦A，聚焦B`
 * for “四个聚焦”), up to the end of the sentence `[from, to)`, or followed in it by a clause
 * that sums them up, says when (AFTER_ITEMS) or what they came to (AFTER_LIST) and by no
 * further clause holding the word. Null when fewer than
 * two such clauses, a 、 stands in one of them, or the sentence reads otherwise: a clause
 * without the word right after them could be one more item written loosely.
 */
export function wordClauses(src: ListSource, from: number, to: number, word: string): EnumeratedList | null {
  const { text } = src;
  if (word.length < 2) return null;
  const clauses = splitAt(text, from, to, '，,').filter(([s, e]) => e > s);
  const texts = textsOf(text, clauses);
  const opens = (t: string) => {
    const at = t.trim().indexOf(word);
    return at >= 0 && at <= MAX_WORD_AT && /^\p{Script=Han}*$/u.test(t.trim().slice(0, at));
  };
  let k = 0;
  while (k < texts.length && opens(texts[k]) && !texts[k].includes('、') && !hasDigit(text, clauses[k][0], clauses[k][1])) k++;
  // The items end with the sentence, or at a clause that sums them up, says when (AFTER_ITEMS)
  // or states what the whole came to (AFTER_LIST: `…，全年发展党员8名`).
  if (k < 2 || (k < texts.length && !AFTER_ITEMS.test(texts[k].trim()) && !AFTER_LIST.test(texts[k].trim()))) return null;
  for (let i = k; i < texts.length; i++) if (texts[i].includes(word)) return null;
  return inlineList(src, clauses.slice(0, k), texts.slice(0, k));
}

/**
 * A slogan's items written as whole clauses, each ending with its word (`word`, two
 * characters or more) and all opening alike: `“四个结合”：把A与B相结合，把C与D相结合，把E与F
 * 相结合，切实…` or `坚持A和B相结合，坚持C和D相结合，…` (real reports spell 结合/融合 pairs so).
 * The run ends at the first clause of another form. Null when fewer than two such clauses,
 * one holds a 、 or a digit, they share no opening (the end is then undecidable), or a later
 * clause opens as they do (把 and 将 alike) or holds the word (one more item, written loosely).
 */
export function endingClauses(src: ListSource, from: number, to: number, word: string): EnumeratedList | null {
  const { text } = src;
  if (word.length < 2) return null;
  const clauses = splitAt(text, from, to, '，,').filter(([s, e]) => e > s);
  const texts = textsOf(text, clauses).map((t) => t.trim());
  let k = 0;
  while (k < texts.length && texts[k].endsWith(word) && texts[k].length > word.length && !texts[k].includes('、') && !hasDigit(text, clauses[k][0], clauses[k][1])) k++;
  if (k < 2) return null;
  // 把 and 将 open the same disposal clause: `，将A与B挂钩` may be one more item.
  const disposal = (t: string) => t.replace(/^将/u, '把');
  const opening = sharedOpening(texts.slice(0, k).map(disposal));
  if (opening === '' || texts.slice(k).some((t) => disposal(t).startsWith(opening) || t.includes(word))) return null;
  return inlineList(src, clauses.slice(0, k), texts.slice(0, k));
}

/** The Han characters every one of `texts` opens with ('' when none: `把`, `坚持`). */
function sharedOpening(texts: readonly string[]): string {
  let prefix = texts[0];
  for (const t of texts) {
    let n = 0;
    while (n < prefix.length && n < t.length && prefix[n] === t[n]) n++;
    prefix = prefix.slice(0, n);
  }
  const han = /^\p{Script=Han}*/u.exec(prefix);
  return han ? han[0] : '';
}

/**
 * A list in `[from, to)` of `src.text` separated by ；, or else by 、. A 、-list is read only
 * when no comma stands in it at depth 0: `抓好党建、促进发展，推进乡村振兴` may go on after
 * the comma (the list then has `continues` set). Items holding a number are sub-counts
 * (`其中思想方面5条、作风方面7条`), not items. `noun` is the counted noun (it may tell where
 * a 、-list ends: list-heads.ts); `n` is the count (0 if unknown): it settles which of ； and
 * 、 separates the items. Null when no list of two items or more stands there.
 */
export function plainList(src: ListSource, from: number, to: number, noun = '', n = 0): EnumeratedList | null {
  const { text } = src;
  const semis = splitAt(text, from, to, '；;');
  if (semis.length >= 2) {
    const last = semis[semis.length - 1];
    if (last[1] - last[0] === 0) semis.pop();
    // Items opened by sequence words (`首先…；其次…；最后…`) are delimited by them: a number
    // or a 、 inside an item is that item's detail.
    if (sequencedClauses(text, semis)) return inlineList(src, semis, textsOf(text, semis));
    // `“三会”是：召开A、B、C；“一课”是：…`, `：即A、B、C；推行…`: a 、-list closed by ；
    // is complete, and what follows is another clause; ； separates the items only where
    // every clause holds its own 、 or none does (or that reading fits the count, unless a
    // later clause defines a term of its own: `；“一课”是：…`).
    const listed = semis.map(([s, e]) => splitAt(text, s, e, '、').length > 1);
    const defines = semis.slice(1).some(([s, e]) => splitAt(text, s, e, '：:').length > 1);
    if (listed[0] && listed.includes(false) && (semis.length !== n || defines)) return plainList(src, from, semis[0][1], noun);
    if (hasDigit(text, from, to)) return null;
    return semis.length < 2 ? null : inlineList(src, semis, textsOf(text, semis));
  }
  const clauses = splitAt(text, from, to, '，,');
  const [start, end] = clauses[0];
  if (hasDigit(text, start, end)) return null;
  if (clauses.length === 1 && hasDigit(text, from, to)) return null;
  const segments = splitQuoted(text, splitAt(text, start, end, '、'));
  if (segments.length < 2) return null;
  const texts = textsOf(text, segments);
  const last = withoutAsides(texts[texts.length - 1]).replace(/“[^”]*”/gu, '');
  // 并 joins clauses (`抓好A、B，并C`): the last item may run on past the list.
  if (texts[0].startsWith('其中') || last.includes('并')) return null;
  const framed = framedItems(src, segments, texts, noun);
  if (framed) return framed;
  const list = inlineList(src, segments, texts, true);
  if (clauses.length === 1) return list;
  // `：A、B、C，D…`: the list may go on after the comma (D may even hold a number), unless
  // the next clause opens as no item does (`…，全年开展168场次`, `…，全部完成`).
  // `A、B、C的管理，…`: the 、 stand inside one item.
  // A title is one name however long (`《甲镇千年——馆藏文物陈列》`): its brackets delimit it.
  if (last.includes('的') || texts.some((t, k) => !TITLED_NAME.test(t.trim()) && itemLength(t, k === texts.length - 1 ? texts : null, noun) > MAX_ITEM)) return null;
  const next = text.slice(clauses[1][0], clauses[1][1]).trim();
  // Items that each end with the counted noun end where a clause does not (list-heads.ts).
  // Quoted names (`分别是“A”“B”，…`) end at the comma unless the next clause opens with another;
  // so do titles (`即《甲办法》《乙细则》，…`).
  const quotedNames = (texts.every((t) => QUOTED_NAME.test(t.trim())) && !next.startsWith('“')) || (texts.every((t) => TITLED_NAME.test(t.trim())) && !next.startsWith('《'));
  const result = RESULT.test(next) && texts.every(placeLike);
  list.continues = !quotedNames && !result && !largerOwnCount(next, n) && !AFTER_LIST.test(next) && !(AFTER_LIST_TIME.test(next) && !AFTER_LIST_TIME.test(texts[0]) && !TIMED_ITEM.test(texts[0])) && !closedByNoun(texts, noun, next) && !headCloses(texts, noun, next) && !closedByKind(texts, noun, next) && !closedByResult(texts, noun, next) && !speaksOfEach(next, noun) && !closedByStatement(texts, noun, next);
  return list;
}

/**
 * Whether the items' shared head, written once after the last (`食品安全、特种设备、价格监督
 * 先锋队`, list-heads.ts sharedHead), closes the list: not when the clause after the comma is
 * one more group of the same head (`初中部第一、第二支部，高中部第一、第二、第三支部和行政后勤
 * 支部`: words and 、/和 only, ending with the head), which the list may go on with.
 */
function headCloses(texts: readonly string[], noun: string, next: string): boolean {
  const head = sharedHead(texts, noun);
  return head !== '' && !(next.endsWith(head) && HEAD_GROUP.test(next));
}

/** A clause that is only a group of names: Han words joined by 、/和/及/与, no 的 (`高中部第一、第二支部`). */
const HEAD_GROUP = /^(?:(?!的)[\p{Script=Han}、]){2,40}$/u;

/**
 * `“四个自信”，即对道路、理论、制度、文化的自信`, `“五个认同”，即对A、B、C、D的认同`: a 、-list
 * held in a frame that opens with 对 before the first item and closes with 的 + the counted
 * noun (maybe after a word of degree: `的高度认同`) after the last: the items are what lies between the separators, and the frame closes
 * the list (no further item after its comma). `noun` must be two characters or more. Null
 * when the segments do not read so.
 */
function framedItems(src: ListSource, segments: [number, number][], texts: readonly string[], noun: string): EnumeratedList | null {
  if (noun.length < 2) return null;
  const first = texts[0].trimStart();
  const lastText = texts[texts.length - 1].trimEnd();
  // `…的认同`, or with a word of degree before the noun: `…的高度认同` (at most two characters).
  const close = new RegExp(`的\\p{Script=Han}{0,2}?${escapeRegExp(noun)}$`, 'u').exec(lastText);
  if (!first.startsWith('对') || !close || lastText.length <= close[0].length) return null;
  const [s0, e0] = segments[0];
  const [sl, el] = segments[segments.length - 1];
  const open = src.text.indexOf('对', s0);
  const end = src.text.lastIndexOf(close[0], el);
  if (open < 0 || open >= e0 || end <= sl) return null;
  const spans: [number, number][] = segments.map(([s, e], i) => [i === 0 ? open + 1 : s, i === segments.length - 1 ? end : e]);
  const list = inlineList(src, spans, textsOf(src.text, spans));
  list.continues = false;
  return list;
}

/** A clause that is only a noun and its own count: `基层党支部38个`. Group 1: the number. */
const OWN_COUNT = /^\p{Script=Han}{2,12}?(\d{1,5})(?:个|名|项|支|家|所|处|座|条|类|人)$/u;

/**
 * Whether the clause after a 、-list (`next`) is a noun with a count of its own at least as
 * large as the list's count `n` (`下辖二级党组织5个，分别是A党委、B党委、C党支部，基层党支部
 * 38个，…`): a further stock stated beside the list, which cannot be one more item (an item
 * written with a count, `…，其他支部3个`, would have to be smaller than the whole). False when
 * `n` is unknown (0).
 */
function largerOwnCount(next: string, n: number): boolean {
  if (n <= 0) return false;
  const m = OWN_COUNT.exec(next);
  return m !== null && Number(m[1]) >= n;
}

/**
 * The length an item is held to MAX_ITEM by: its own, but for a last item `A和B` whose two
 * sides each end with the counted noun as every other item of `texts` does (`…、班子成员
 * 责任清单和廉政风险点清单` counted as 三项清单): two items written as one, each held alone.
 * `texts` is null for any other item.
 */
function itemLength(t: string, texts: readonly string[] | null, noun: string): number {
  if (texts === null || t.length <= MAX_ITEM) return t.length;
  const sides = splitAtConjunction(t);
  if (!sides || nounEveryItemEndsWith([...texts.slice(0, -1), ...sides], noun) === '') return t.length;
  return Math.max(sides[0].length, sides[1].length);
}

/** `A和B` (和/及/与 outside quotes and brackets, once) as its two sides, or null. */
function splitAtConjunction(t: string): [string, string] | null {
  const bare = withoutAsides(t).replace(/“[^”]*”/gu, (q) => '□'.repeat(q.length));
  if (bare.length !== t.length) return null;
  const at = bare.search(/[和及与]/u);
  if (at <= 0 || /[和及与]/u.test(bare.slice(at + 1))) return null;
  return [t.slice(0, at), t.slice(at + 1)];
}

/** An aspect with the count of what it holds: `政治建设4项`. Group 1: the aspect. */
const ASPECT_WITH_COUNT = /^(\p{Script=Han}{2,10}?)(?:\d{1,3}|[一二三四五六七八九十两]{1,3})(?:项|条|个|类)$/u;

/**
 * `5个方面18项措施（政治建设4项、组织建设5项…）`: a bracket at `open` whose 、-items each
 * name an aspect and count what it holds, in one measure word. The aspects are the items
 * (a sub-count inside them is no reason to skip the list, as it is for plainList: here each
 * item leads with its own name). Null otherwise.
 */
export function aspectsWithCounts(src: ListSource, open: number): EnumeratedList | null {
  const { text } = src;
  const close = text.indexOf('）', open);
  const stop = text.indexOf('\n', open);
  if (close < 0 || (stop >= 0 && stop < close) || close - open > MAX_REACH) return null;
  const segments = splitAt(text, open + 1, close, '、');
  if (segments.length < 2) return null;
  const names: string[] = [];
  let unit = '';
  for (const t of textsOf(text, segments)) {
    const m = ASPECT_WITH_COUNT.exec(t);
    if (!m) return null;
    const u = t[t.length - 1];
    if (unit !== '' && u !== unit) return null;
    unit = u;
    names.push(m[1]);
  }
  return inlineList(src, segments, names);
}

/**
 * The 、/；-list inside the bracket opening at offset `open` of `src.text`:
 * `“四大行动”（A行动、B行动…）`. Null when the bracket does not close on its line within
 * MAX_REACH code units (a bracket left open says nothing of where the list ends).
 */
export function bracketList(src: ListSource, open: number): EnumeratedList | null {
  const { text } = src;
  const reach = Math.min(text.length, open + MAX_REACH);
  let depth = 0;
  for (let i = open; i < reach; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return null;
    const kind = charKind(c);
    if (kind === OPENER) depth++;
    else if (kind === CLOSER && --depth === 0) return plainList(src, open + 1, i);
  }
  return null;
}
