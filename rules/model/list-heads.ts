/**
 * Head nouns in the list grammar (rules/model/lists.ts): where a list's items show the noun
 * their count counts, that noun tells where the list ends and whether it is complete.
 *
 * - Items that each end with the counted noun (`下设3个党小组，分别为生产党小组、研发党小组，
 *   每个党小组…`): the list ends at the first clause that does not; a comma after them
 *   starts no further item (see `closedByNoun`).
 * - Items that share the head noun written once, at the end of the last item
 *   (`组建党员先锋队5支，包括食品安全、特种设备、价格监督先锋队`: three 先锋队): the writer
 *   names the whole set in one noun phrase, so the list is complete even after 包括, and
 *   it ends with that head (see `sharedHead`). With 等 (`包括A、B等先锋队`) it stays open.
 *
 * Strings are compared by UTF-16 code unit; every item is short (list-finder reads at most
 * MAX_ITEM characters an item), so the scans are bounded.
 */
import { listsData as vocab } from '../data/lists';
import type { EnumeratedList } from './lists';

/** The shortest head read as the counted noun's (a one-character noun only when whole: 村). */
const MIN_HEAD = 2;
/** A clause that speaks of each of the items (`每个党小组…`, `各小组…`): no item of its own. */
const EACH = /^(?:每个|每一个|每|各个|各)/u;
/** The longest run of Han characters read back from a count for the noun before it. */
const MAX_NOUN_BEFORE = 8;

/** The longest common suffix of `a` and `b`. */
export function commonTail(a: string, b: string): string {
  let n = 0;
  while (n < a.length && n < b.length && a.charCodeAt(a.length - 1 - n) === b.charCodeAt(b.length - 1 - n)) n++;
  return n === 0 ? '' : a.slice(a.length - n);
}

/** Whether `tail` is long enough to stand for `noun`: two characters, or the whole noun. */
function headOf(noun: string, tail: string): boolean {
  return tail.length >= MIN_HEAD || (tail.length > 0 && tail === noun);
}

/**
 * The tail of `noun` that every item ends with (`党小组` for 生产党小组、研发党小组 counted as
 * 3个党小组), or '' when some item does not end with one of at least MIN_HEAD characters.
 */
export function nounEveryItemEndsWith(texts: readonly string[], noun: string): string {
  if (noun === '' || texts.length < 2) return '';
  let tail = noun;
  for (const t of texts) {
    tail = commonTail(tail, t);
    if (!headOf(noun, tail)) return '';
  }
  return tail;
}

/**
 * Whether a 、-list read up to a comma ends there: every item ends with the counted noun,
 * and the next clause's first segment (`next`) does not hold it, speaks of each of them
 * (`…，每个党小组每月…`), or opens with a verb of what they bring about and does not end with
 * the noun (`…，推动检察工作全面发展`).
 */
export function closedByNoun(texts: readonly string[], noun: string, next: string): boolean {
  const tail = nounEveryItemEndsWith(texts, noun);
  if (tail === '') return false;
  const first = next.split('、')[0].trim();
  // `…，后勤党小组由书记联系` may be one more item; `…，每个党小组…` speaks of them all;
  // `即刑事检察、民事检察、行政检察，推动检察工作…` opens with what they bring about (lists.yaml
  // rules_aim_verbs) and does not end with the noun as every item does: no item of its own.
  return !first.includes(tail) || EACH.test(first) || (!first.endsWith(tail) && vocab.rulesAimVerbs.some((v) => first.startsWith(v)));
}

/**
 * Whether a 、-list read up to a comma ends there because its items name one kind by one
 * character of the counted noun (`队` of 队伍 in 党员先锋队、巾帼志愿队、护路队, `组` of 小组):
 * every item ends with it, it opens or ends the noun (of two characters or more), and the
 * next clause's first segment (`next`) does not hold it and opens with a preposition or verb
 * that starts what the items do (lists.yaml kind_list_predicate_openers: `…，在防汛中冲在
 * 前面`), never an item's name; a clause opening with a noun (`…，老党员宣讲团也…`) may name
 * one more.
 */
export function closedByKind(texts: readonly string[], noun: string, next: string): boolean {
  if (noun.length < 2 || texts.length < 2) return false;
  const kind = texts[0].trim().slice(-1);
  if (kind !== noun[0] && kind !== noun[noun.length - 1]) return false;
  if (!texts.every((t) => t.trim().length > 1 && t.trim().endsWith(kind))) return false;
  const first = next.split('、')[0].trim();
  return !first.includes(kind) && vocab.kindListPredicateOpeners.some((w) => first.startsWith(w));
}

/**
 * Whether a 、-list read up to a comma ends there because what follows is made of its items:
 * every item ends with one tail of two Han characters or more (`A情况、B情况、C情况`), or, for a
 * count of 制度, with a kind of rule document (lists.yaml rule_document_kinds: `A规则、B办法`),
 * and the next clause's first segment (`next`) holds no such tail and opens with a verb of
 * what was made of them (lists.yaml list_result_verbs: `…，形成调研报告`); for rules, with what
 * they bring about (lists.yaml rules_aim_verbs: `…，做到用制度管人`), which names no rule however it reads.
 */
export function closedByResult(texts: readonly string[], noun: string, next: string): boolean {
  if (texts.length < 2) return false;
  const first = next.split('、')[0].trim();
  if (vocab.ruleDocumentNouns.includes(noun) && texts.every((t) => vocab.ruleDocumentKinds.some((k) => t.trim().length > k.length && t.trim().endsWith(k)))) {
    return vocab.rulesAimVerbs.some((v) => first.startsWith(v));
  }
  let tail = texts[0].trim();
  for (const t of texts) tail = commonTail(tail, t.trim());
  if (tail.length < 2 || !/^\p{Script=Han}+$/u.test(tail) || texts.some((t) => t.trim() === tail)) return false;
  return !first.includes(tail) && vocab.listResultVerbs.some((v) => first.startsWith(v));
}

/** A word picking out each of a set (`每一项`, `每个`, `各项`): group 0 is the whole word. */
const EACH_OF = /(?:每一?|各)[项个支类条种件]/gu;
/** The most Han characters read between such a word and the counted noun (`每一项具体服务`). */
const MAX_BETWEEN = 4;

/**
 * Whether the clause after a list (`next`) speaks of each thing the count counts: a word such
 * as 每一项/每个/各项 followed by the counted noun, at most MAX_BETWEEN Han characters on
 * (`…，把党员作用落实到每一项具体服务中`, `…，确保每项措施落到实处`). Such a clause is said of
 * the items, not one more of them.
 */
export function speaksOfEach(next: string, noun: string): boolean {
  if (noun.length < 2) return false;
  EACH_OF.lastIndex = 0;
  for (let m = EACH_OF.exec(next); m; m = EACH_OF.exec(next)) {
    const after = m.index + m[0].length;
    const at = next.indexOf(noun, after);
    if (at >= 0 && at - after <= MAX_BETWEEN && /^\p{Script=Han}*$/u.test(next.slice(after, at))) return true;
  }
  return false;
}

/**
 * The head noun the items share, written once at the end of the last item
 * (`食品安全、特种设备、价格监督先锋队` counted as 先锋队 → `先锋队`), or ''. The head is the
 * longest tail (MIN_HEAD characters or more) the last item has in common with the counted
 * noun; no earlier item may end with it (then each item carries its own noun).
 */
export function sharedHead(texts: readonly string[], noun: string): string {
  if (noun === '' || texts.length < 2) return '';
  const last = texts[texts.length - 1];
  const head = commonTail(noun, last);
  // `包括A、B等先锋队`: 等 before the head leaves the list open.
  if (head.length < MIN_HEAD || head === last || last.slice(0, last.length - head.length).trimEnd().endsWith('等')) return '';
  for (let i = 0; i < texts.length - 1; i++) if (texts[i].endsWith(head) || texts[i].length > MAX_NOUN_BEFORE) return '';
  return head;
}

/**
 * The tail every item but the last ends with (`站` of 朝阳站、滨河站、新苑站和锦绣站), when it
 * may stand for the items' kind: two Han characters or more, or one shared by at least two
 * items (one item's last character says nothing of a kind). '' otherwise. With it a last
 * item `X和Y` whose sides both end so is two items of that kind (list-finder.ts).
 */
export function earlierItemsTail(texts: readonly string[]): string {
  const earlier = texts.slice(0, -1);
  if (earlier.length === 0) return '';
  let tail = earlier[0];
  for (const t of earlier) tail = commonTail(tail, t);
  if (!/^\p{Script=Han}+$/u.test(tail) || tail === earlier[0]) return '';
  return tail.length >= MIN_HEAD || earlier.length >= 2 ? tail : '';
}

/**
 * The noun written before a count that has none after it (`组建党员先锋队5支，包括…` →
 * `党员先锋队`): the Han characters right before the count, at most MAX_NOUN_BEFORE, after
 * the last 有/是/为 and after the last verb in it (creation_verbs and verbs_before_noun in
 * lists.yaml: 组建, 获评, 下辖…). '' if none.
 */
export function nounBefore(text: string, countStart: number, lineStart: number): string {
  const stop = Math.max(lineStart, countStart - MAX_NOUN_BEFORE);
  let start = countStart;
  while (start > stop && isHan(text.charCodeAt(start - 1))) start--;
  const run = text.slice(start, countStart);
  // `党委共有党支部12个`: the noun starts after 有/是/为 (`品牌主要有三个` has none).
  let cut = 0;
  for (let i = 0; i < run.length; i++) if ('有是为'.includes(run[i])) cut = i + 1;
  const noun = run.slice(cut);
  // The verb may stand inside the run, after the end of its subject (`集团党委下辖二级党组织5个`
  // → 二级党组织): the noun starts after the last one.
  let from = 0;
  for (const v of BEFORE_NOUN_VERBS) {
    const at = noun.lastIndexOf(v);
    if (at >= 0 && at + v.length > from && (at === 0 || at + v.length < noun.length)) from = at + v.length;
  }
  return noun.slice(from);
}

/** creation_verbs and verbs_before_noun (lists.yaml): verbs that may stand right before the noun of a count. */
const BEFORE_NOUN_VERBS = [...vocab.creationVerbs, ...vocab.verbsBeforeNoun];

/** Whether code unit `c` is a CJK Unified Ideograph (U+4E00–U+9FFF). */
function isHan(c: number): boolean {
  return c >= 0x4e00 && c <= 0x9fff;
}

/**
 * Whether a 、-list after 包括 (`list`, read by the finder as possibly partial) names the whole
 * set its count (`value`) counts: no closing 等, an end that is sure (not `continues`), at
 * more than two thirds of the count listed, and every item showing what is counted: ending with
 * the counted `noun` itself (`制定7项制度，包括A制度、B制度…`, each item a 制度; for 制度, any
 * kind of rule document, lists.yaml rule_document_kinds: A规则、B办法), or the shape
 * of a quoted slogan (`“四进”活动，包括进A、进B、进C`). A writer giving a few examples of a
 * larger set writes 等 or names far fewer (`12支，包括A服务队、B服务队`: quiet). A list as long as
 * its count or longer is left open: more items than the count are reported as such.
 *
 * @param shape the slogan's item shape, or null for a plain count
 */
export function includesWholeSet(list: EnumeratedList, noun: string, value: number, shape: ((t: string) => boolean) | null): boolean {
  if (list.closing !== null || list.continues || list.form !== 'inline' || value < 3 || list.items.length >= value || list.items.length * 3 <= value * 2) return false;
  const texts = list.items.map((i) => i.text);
  if (shape) return texts.every(shape);
  if (noun.length < 2) return false;
  // `修订6项制度，包括议事规则、考核办法、…制度`: each rule named by its own kind of document.
  const endings = vocab.ruleDocumentNouns.includes(noun) ? vocab.ruleDocumentKinds : [noun];
  return texts.every((t) => endings.some((e) => t.length > e.length && t.endsWith(e)));
}
