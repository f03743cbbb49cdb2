/**
 * What a quoted slogan or counted announcement is followed by, read for ListFinder
 * (list-finder.ts): the list after an introducer (`listAt`), the objects of a slogan's verb
 * (`verbObjects`), a later `，即` or colon in the slogan's sentence (`laterJi`), the
 * 、-run of the slogan's word (`wordRun`), and the clause of 一-items right after a “N个一”
 * slogan's name (`oneClauseAfter`). Offsets are UTF-16 code units into `src.text`.
 */
import { listsData as vocab } from '../data/lists';
import type { EnumeratedList, ListSource } from './lists';
import { endingClauses, plainList, shapedClause, shapedClauses, wordClauses } from './list-plain';
import { counted, type RunReader, type Shape } from './list-runs';
import { disposalClauses } from './list-disposal';
import type { Announcement } from './list-slogans';
import { MAX_REACH, sentenceEndFrom, withoutComments } from './list-text';

/** Longest subject (Han characters) before the first item of a slogan's word run (`党员带头…`, `全体党员带头…`). */
const MAX_SUBJECT = 4;

/**
 * A place or occasion ending right before a slogan run's first word (`在门店经营中`, `在工作岗位上`,
 * `在疫情防控一线`…: 在, at most ten Han characters, then 中/上/里/内/一线).
 */
const PLACE_BEFORE = /在\p{Script=Han}{1,10}?(?:中|上|里|内|一线)$/u;

/** The longest thing sent (Han characters) between a send verb and a slogan run's first word. */
const MAX_SENT = 6;

/**
 * Between a verb slogan's name and its verb: at most a short clause ending in a count of what
 * was held (`42场`, `累计开展42场`), a comma, and words of when or how often (`全年`, `累计`, `先后`).
 */
const VISIT_HEAD = /^(?:[，,]?[^，,。；;：:“”\d]{0,8}?(?:\d{1,4}|[一二三四五六七八九十两百]{1,4})(?:场次|场|次|期|轮|批))?[，,](?:全年|累计|先后|陆续|共|分别){0,2}/u;

/** One object of such a verb: a short name (`学校`, `田间地头`), not a quantified kind (`全县各学校`). */
const VISIT_OBJECT = /^(?!全|各|多|部分|所有|一些)\p{Script=Han}{2,6}$/u;

/** A last place closed by 等 and a word for places (`校园等地`): the places are examples. */
const VISITS_DENG = /等(?:地|处|场所|单位|地方|区域)?$/u;

/** How far after a quoted slogan a `，即` may open its items (code units): one clause of what was done with it. */
const LATER_JI = 30;

/**
 * `开展“五进”活动42场，走进学校、社区、军营、企业`: a quoted slogan whose word is one verb
 * (进, 送; no measure word), its short name already passed at `at`, then at most a count
 * of what was held (`42场`) and a comma, then the verb (alone, after 走/深, or before 入/到:
 * 走进, 进入, 送到) and a 、-list of its objects up to the sentence's end. The objects are
 * short names without the verb (with it each item would be the word run's: wordRun).
 * Null when the clause does not read so; the list may go on past a comma (`continues`).
 */
export function verbObjects(src: ListSource, a: Announcement, at: number): EnumeratedList | null {
  const noun = a.count.noun;
  if (a.count.measure !== '' || noun.length !== 1) return null;
  const lineEnd = src.lines.end(a.line);
  const head = VISIT_HEAD.exec(src.text.slice(at, Math.min(lineEnd, at + 12)));
  if (!head) return null;
  const verb = new RegExp(`^(?:[走深]?${noun}(?:入|到)?)`, 'u').exec(src.text.slice(at + head[0].length, at + head[0].length + 3));
  if (!verb) return null;
  const from = at + head[0].length + verb[0].length;
  if (src.text[from] === '一' || !/\p{Script=Han}/u.test(src.text[from] ?? '')) return null;
  const end = sentenceEndFrom(src.text, from, Math.min(lineEnd, from + MAX_REACH));
  const list = plainList(src, from, end);
  if (!list || list.items.length < 2 || !list.items.every((i) => VISIT_OBJECT.test(i.text) && !i.text.includes(noun))) return null;
  // `走进机关、企业、校园等地`: 等 and a word for places closes examples.
  const last = list.items[list.items.length - 1].text;
  return counted(list, a.count, null, list.open || VISITS_DENG.test(last));
}

/**
 * The list after a `，即` at most LATER_JI code units after a quoted slogan's end `at`, in
 * its sentence (no 。！？； and no other quotation between), when it has two items or more
 * and every item shows the slogan's shape (`讲好…` for “三个讲好”); or after a colon there
 * (colonAfterClause); else null.
 */
export function laterJi(src: ListSource, runs: RunReader, a: Announcement, at: number): EnumeratedList | null {
  const { text } = src;
  const reach = Math.min(src.lines.end(a.line), at + LATER_JI);
  let ji = -1;
  for (let i = at; i < reach; i++) {
    const c = text[i];
    if (c === '：' || c === ':') return i > at ? colonAfterClause(src, runs, a, i) : null;
    if (c === '。' || c === '！' || c === '？' || c === '；' || c === ';' || c === '“') return null;
    if (c === '即' && (text[i - 1] === '，' || text[i - 1] === ',')) {
      ji = i;
      break;
    }
  }
  if (ji < 0 || vocab.notAfterJi.includes(text[ji + 1])) return null;
  const list = listAt(src, runs, ji + 1, a.shape, a.count.noun, a.count.value);
  if (!list || list.items.length < 2 || !list.items.every((item) => a.shape!(item.text))) return null;
  return counted(list, a.count, { start: ji, end: ji + 1, text: '即' }, false);
}

/**
 * `构建“四个课堂”联动的学习格局：理论课堂抓…，实践课堂抓…，…，三者相互补充`: a colon at
 * `colon`, in the slogan's sentence after what was done with it, opens its items when every
 * one shows its shape: a list after it, or the clauses each opening with the slogan's word
 * up to a clause that sums them up (list-plain.ts `wordClauses`).
 */
function colonAfterClause(src: ListSource, runs: RunReader, a: Announcement, colon: number): EnumeratedList | null {
  const intro = { start: colon, end: colon + 1, text: src.text[colon] };
  const list = listAt(src, runs, colon + 1, a.shape, a.count.noun, a.count.value);
  if (list && list.items.length >= 2 && list.items.every((item) => a.shape!(item.text))) return counted(list, a.count, intro, false);
  if (list || a.count.measure === '个一') return null;
  const lineEnd = src.lines.end(a.line);
  const end = sentenceEndFrom(src.text, colon + 1, Math.min(lineEnd, colon + 1 + MAX_REACH));
  const clauses = wordClauses(src, colon + 1, end, a.count.noun);
  return clauses && counted(clauses, a.count, intro, false);
}

/**
 * The 、-run of a quoted slogan's word in the clause at `from` (right after its comma):
 * every item opens with the word (`带头` of “三带头”), the first after a subject of at most
 * MAX_SUBJECT Han characters (`党员带头遵章守纪、带头攻坚克难`), or after a send verb and
 * what it sends (`推动全会精神进班组、进现场`). Null for a slogan counting
 * 一X items, or when an item does not open so.
 */
export function wordRun(src: ListSource, a: Announcement, from: number): EnumeratedList | null {
  const noun = a.count.noun;
  if (a.count.measure === '个一' || noun.length === 0) return null;
  const lineEnd = src.lines.end(a.line);
  const end = sentenceEndFrom(src.text, from, Math.min(lineEnd, from + MAX_REACH));
  // `“双培养”机制，把A培养成B，把B培养成A`: the items as disposal clauses (list-disposal.ts).
  return openingRun(src, noun, from, end) ?? disposalClauses(src, from, end, noun);
}

/** wordRun's 、-run in `[from, to)` whose items open with `noun` (see wordRun), or null. */
function openingRun(src: ListSource, noun: string, from: number, end: number): EnumeratedList | null {
  const list = shapedClause(src, from, end, (t) => t.includes(noun));
  if (!list) return null;
  // `推动全会精神进班组、进现场`: a verb sending something into the places (sloganSendVerbs)
  // and what it sends (at most MAX_SENT Han characters) may stand before the first item.
  const head = list.items[0].text;
  const send = vocab.sloganSendVerbs.find((v) => head.startsWith(v));
  const first = head.indexOf(noun, send?.length ?? 0);
  if (first < 0 || !/^\p{Script=Han}*$/u.test(head.slice(0, first))) return null;
  // `引导党员在门店经营中亮身份、亮承诺`: a place or occasion (在…中) right before the first word
  // says where the items are done; it is neither subject nor thing sent, so it is not measured.
  const lead = head.slice(0, first);
  const place = PLACE_BEFORE.exec(lead);
  const measured = place ? place.index : first;
  if (measured > (send ? send.length + MAX_SENT : MAX_SUBJECT)) return null;
  for (let i = 1; i < list.items.length; i++) if (!list.items[i].text.startsWith(noun)) return null;
  return list;
}

/**
 * The list after an introducer at `pos`: a run, markers, or a 、/；-separated list.
 * `noun` is the counted noun (it may tell where a 、-list ends: list-heads.ts), `n` the count.
 */
export function listAt(src: ListSource, runs: RunReader, pos: number, shape: Shape, noun = '', n = 0): EnumeratedList | null {
  const { lines } = src;
  const line = lines.lineAt(pos);
  const lineEnd = lines.end(line);
  let at = pos;
  while (at < lineEnd && /[\s*]/u.test(src.text[at])) at++;
  const reach = Math.min(lineEnd, at + MAX_REACH);
  if (withoutComments(src.text.slice(at, reach)).trim() === '') return runs.nextLineStructure(line, null);
  const k = runs.firstItemAfter(at);
  const item = src.items[k];
  if (item && item.start === at) return item.value === 1 ? runs.itemRun(k, null) : null;
  const markers = runs.inlineMarkers(at, reach);
  if (markers) return markers;
  const end = sentenceEndFrom(src.text, at, reach);
  if (end === reach && reach < lineEnd) return null;
  const plain = plainList(src, at, end, noun, n);
  if (plain && !plain.continues) return plain;
  // A slogan's shaped items tell where the list ends better than a comma does.
  // `“四个聚焦”：聚焦A，聚焦B，聚焦C，每季度…`: clauses opening with the slogan's word, summed up after.
  // `“四个结合”：把A与B相结合，把C与D相结合，切实…`: clauses ending with the slogan's word, opening alike.
  return (shape ? (shapedClause(src, at, end, shape) ?? (plain ? null : (shapedClauses(src, at, end, shape) ?? wordClauses(src, at, end, noun) ?? endingClauses(src, at, end, noun)))) : null) ?? plain;
}

/** The longest lead (code units) before the first 一 of `oneClauseAfter`'s first item: a subject and a verb (`每名党员教师联系`). */
const MAX_ONE_LEAD = 10;

/**
 * `实施“四个一”工程。每名党员教师联系一个宿舍、指导一个社团、帮扶一名学生，…`: a “N个一”
 * slogan whose clause ends right after its short name (`at`, at a comma or 。) takes up the
 * next clause of its line when that clause is a 、-run of 一-items (list-plain.ts
 * `shapedClause`: each item showing the shape, no digit, its end decided), the first after
 * a subject and verb of at most MAX_ONE_LEAD code units. Real reports state a 个一 slogan's
 * parts so (`开展一次调研、撰写一篇心得`, after a subject: `每名党员…`); null otherwise.
 */
export function oneClauseAfter(src: ListSource, a: Announcement, at: number): EnumeratedList | null {
  if (a.count.measure !== '个一' || !a.shape) return null;
  const c = src.text[at];
  if (c !== '。' && c !== '，' && c !== ',') return null;
  const from = at + 1;
  const end = sentenceEndFrom(src.text, from, Math.min(src.lines.end(a.line), from + MAX_REACH));
  const list = shapedClause(src, from, end, a.shape);
  if (!list) return null;
  // `各党支部围绕“五个一”抓规范：每月一次…`: a lead holding a quotation or a colon is a clause
  // of its own (here re-quoting the slogan before its own colon), not a subject and verb.
  const first = list.items[0].text;
  const lead = first.indexOf('一');
  return lead >= 0 && lead <= MAX_ONE_LEAD && /^\p{Script=Han}*$/u.test(first.slice(0, lead)) ? counted(list, a.count, null, false) : null;
}
