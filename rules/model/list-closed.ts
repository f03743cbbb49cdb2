/**
 * Lists closed by their count (rules/model/lists.ts): a 、-list right before a count of
 * places (`镇靖、冯庄2村`, `*村、*村等7个村`), of named items opened by a verb of making
 * (`打造镇靖村（…）、范庙村（…）党建示范品牌2个`), or of short items closed by count + noun
 * (`甲队、乙队等三支队伍`, `“学、讲、做”三个环节`); and the one constructor of an inline
 * list from its segments (items counted by distinct names, a closing 等, a 和 in the last
 * item).
 */
import { listsData as vocab } from '../data/lists';
import type { Quantity } from './quantities';
import type { EnumeratedList, ListCount, ListSource } from './lists';
import { counted } from './list-runs';
import { inlineList, quotedListBefore, quotedRunBefore, shownNoun, textsOf } from './list-inline';
import { nounBefore } from './list-heads';
import { siblingsHoldCounts } from './list-context';
import { countInsideName, ownCountBefore, ownersOfCounted } from './list-names';
import { CONJUNCTIONS, placesByDeng, splitLastName } from './list-visited';
import { dengNounBeforeCount } from './list-deng-noun';
import {
  bareName, CLAUSE_MARK, charKind, hanPrefixLength, lastCloser, LIST_COMMA, MAX_BACK, segmentsBefore, splitAt, trimmed,
  withoutDeng, withoutLead,
} from './list-text';

export const NAME_LIKE = /^[\p{Script=Han}*×XＸ]{1,8}$/u;
// An owner's name, then the item's name in brackets or quotes: 镇靖村（“六微”逐梦镇靖堡）.
const NAMED_ITEM = /^[\p{Script=Han}*×XＸ]{1,10}(?:[（(][^）)]+[）)]|“[^”]+”)$/u;
/** A quoted name as a whole item (`“巾帼建功”`, `“护河”等`): read as a name, as NAME_LIKE's. */
export const QUOTED_ITEM = /^“[^”]{1,12}”等?$/u;
/**
 * Items a list closed by 等 may also hold (`…、省级课程思政示范课程、校级优秀教师等三项荣誉`,
 * `“邻里调解”队、“平安巡逻”队等3支服务队`): a longer name (9–16 Han, no 的) or a quoted name
 * with a short head after it. Such a list is open: only more items than the count is reported.
 */
const OPEN_LIST_ITEM = /^(?:(?:(?!的)\p{Script=Han}){9,16}|“[^”]{1,12}”\p{Script=Han}{1,4})$/u;
/**
 * A name joining two words with a plus sign (`党建+德育`, `党建＋家校共育`, `互联网+政务`): a
 * model of combining the first with the second, one item however it is written.
 */
const PLUS_ITEM = /^\p{Script=Han}{1,4}[+＋]\p{Script=Han}{1,6}等?$/u;
/** A segment of a short name, a verb of holding and an item: group 1 is up to the item. */
const LEAD_SPLIT = new RegExp(`^(\\p{Script=Han}{2,8}?(?:${vocab.itemLeadVerbs.join('|')}))\\p{Script=Han}{2,10}$`, 'u');
/**
 * Prepositions that open a new phrase (`A、B、C等部门对24个党支部…`): the count after one is
 * its object, another noun than the list's, never the count that closes the list.
 */
const NEW_PHRASE_BEFORE = '对向在给跟从把将被';
const DENG_NOUN_WEI = /等\p{Script=Han}{1,8}为$/u;
const ORGANISER_ENDINGS = [...vocab.bodyEndings, ...vocab.coOrganiserEndings];
/**
 * Whether the names before an item lead verb are co-organisers (lists.yaml co_organiser_openers,
 * co_organiser_endings): the run opens with 联合/会同/与…, or every name ends as a body's does.
 * `围绕理论学习、集中开展志愿服务` names no bodies: 集中开展志愿服务 is an item.
 */
function namesBodies(names: readonly string[]): boolean {
  const first = names[0].trim();
  if (vocab.coOrganiserOpeners.some((w) => first.startsWith(w))) return true;
  return names.every((n) => ORGANISER_ENDINGS.some((e) => n.trim().endsWith(e)));
}

export const LIST_UNIT = 1;
const PLACE_UNIT = 2;
const NAMED_UNIT = 4;
/** 个 and 家: a count of places when a place noun follows. */
const PLACE_IF_NOUN = 8;
const COUNTED_UNIT = 16;
const PEOPLE_UNIT = 32;
/** What a quantity's unit may count, as bit flags: one lookup per quantity. */
export const UNIT_KIND = new Map<string, number>();
const addKind = (units: readonly string[], flag: number) => {
  for (const u of units) UNIT_KIND.set(u, (UNIT_KIND.get(u) ?? 0) | flag);
};
addKind(vocab.listUnits, LIST_UNIT);
addKind(vocab.placeUnits, PLACE_UNIT);
addKind(vocab.namedUnits, NAMED_UNIT);
addKind(['个', '家'], PLACE_IF_NOUN);
addKind(vocab.countedUnits, COUNTED_UNIT);
addKind(vocab.peopleUnits, PEOPLE_UNIT);
/** A personal name: two or three Han characters, 张某/张某某, or a redacted 张**. */
const PERSON_NAME = /^(?:\p{Script=Han}{2,3}|\p{Script=Han}某{1,2}|\p{Script=Han}?[*×XＸ]{1,3}\p{Script=Han}?)$/u;
/** Whether `t` looks like a personal name (not a place, body or post: lists.yaml not_name_endings). */
export const isPersonName = (t: string) => PERSON_NAME.test(t) && !vocab.notNameEndings.includes(t[t.length - 1]);
const PLACE_NOUNS = vocab.placeNouns.filter((w) => /^[\p{Script=Han}]+$/u.test(w));

/** The place noun (`村`, `社区`, `党支部`…) the words after a count open with, if any. */
function placeNounAfter(after: string): string | undefined {
  for (const w of PLACE_NOUNS) if (after.startsWith(w)) return w;
  return undefined;
}

/** Whether code unit `c` (NaN past the end) may follow a count of named items: a line end, a clause mark or 、. */
function endsNamedCount(c: number): boolean {
  if (Number.isNaN(c) || c === 10 || c === 13) return true;
  const kind = charKind(c);
  return kind === CLAUSE_MARK || kind === LIST_COMMA;
}

/**
 * The 、-list right before a count (`q`, whose unit may count what `kind` says): places
 * (`镇靖、冯庄2村`, `*村、*村等7个村`), named items closed by noun + count (`打造A村（…）、
 * B村（…）党建示范品牌2个`), or short items closed by count + noun (`甲队、乙队等三支队伍`,
 * `“学、讲、做”三个环节`).
 */
export function listBeforeCount(src: ListSource, q: Quantity, kind: number): EnumeratedList | null {
  const { text } = src;
  if (text.charCodeAt(q.start - 1) === 0x5404 /* 各 */) return null;
  // `党总支委员、党总支秘书和4个支部书记及…参会`: a count joined by 和/及/与 is one more item of
  // the list, not the count that closes it.
  if (JOINED_BEFORE.includes(text[q.start - 1]) || NEW_PHRASE_BEFORE.includes(text[q.start - 1])) return null;
  // `A、B等部门为24个党支部…`: 为 after 等 and the list's own noun is a preposition too.
  if (text[q.start - 1] === '为' && DENG_NOUN_WEI.test(text.slice(Math.max(0, q.start - 10), q.start))) return null;
  const placeUnit = (kind & PLACE_UNIT) !== 0;
  const placeNoun = kind & PLACE_IF_NOUN ? placeNounAfter(q.after) : undefined;
  const places = placeUnit || placeNoun !== undefined;
  const named = q.after === '' && (kind & NAMED_UNIT) !== 0 && endsNamedCount(text.charCodeAt(q.end));
  // `三个方面` is read as an announcement of its own (aspects).
  const nounLength = kind & COUNTED_UNIT && !q.after.startsWith('方面') ? hanPrefixLength(q.after) : 0;
  const people = (kind & PEOPLE_UNIT) !== 0;
  // `甲门诊、乙门诊等特色门诊四项`, `甲线、乙线等线路共计三条`: 等 + noun, the count closing the
  // clause as a tally (list-deng-noun.ts).
  const tally = !named && q.after === '' && (kind & (LIST_UNIT | COUNTED_UNIT)) !== 0 && endsNamedCount(text.charCodeAt(q.end));
  if (!places && !named && !people && !tally && nounLength === 0) return null;
  const lineStart = src.lines.start(q.line);
  const quotedBefore = text.charCodeAt(q.start - 1) === 0x201d; /* ” */
  // `《A》《B》等4项制度`: a closing 等 between the run and its count.
  const deng = text.charCodeAt(q.start - 1) === 0x7b49 /* 等 */ ? 1 : 0;
  const runCloser = text.charCodeAt(q.start - 1 - deng);
  // Quoted names before a count of places (`“红旗”“先锋”两个党支部`) are those places' names,
  // and a place noun may open a longer noun (`三个支部品牌`): either way the run is the list.
  if (!placeUnit && !named && !people && nounLength > 0 && (runCloser === 0x201d || runCloser === 0x300b) /* ” 》 */) {
    // “晨读”“夜学”“周讲”三项制度, 《甲办法》《乙规定》两项制度: quoted names or titles run
    // together (GB/T 15834-2011 puts no 顿号 between them), closed by count + noun.
    const run = quotedRunBefore(text, q.start - deng, lineStart);
    if (run && deng) run[run.length - 1][1] = q.start;
    if (run) {
      const noun = placeNoun !== undefined && nounLength > 4 ? placeNoun : shownNoun(q.after.slice(0, nounLength));
      const written = text.slice(q.start, q.end);
      return counted(inlineList(src, run, textsOf(text, run)), closingCount(q, noun, `${written}${noun}`), null, false);
    }
  }
  // Most counts have no 、 in their clause: no list to read, nothing allocated.
  if (!quotedBefore && !listCommaBefore(text, q.start, lineStart)) return null;
  const written = text.slice(q.start, q.end);
  const count = (noun: string, shown: string) => closingCount(q, noun, shown);
  if (!places && !named && quotedBefore) {
    // “学、讲、做”三个环节: the list inside the quotes right before the count.
    const quoted = quotedListBefore(src.text, q.start, lineStart);
    if (!quoted || !quoted.texts.every((t) => NAME_LIKE.test(t))) return null;
    const noun = shownNoun(q.after.slice(0, nounLength));
    return counted(inlineList(src, quoted.segments, quoted.texts), count(noun, `${written}${noun}`), null, false);
  }
  // `A、B和C这3项制度`: a resumptive 这/此 between the list and its count.
  const resumed = RESUMPTIVE.includes(text[q.start - 1]) && !places && !named && !people;
  const listEnd = resumed ? q.start - 1 : q.start;
  // A list belongs to the count after it: it starts after a segment holding a number.
  const segments = segmentsBefore(text, listEnd, lineStart, true);
  if (segments.length < 2) return null;
  // 三个党小组分别认领产业、环境两个项目, 书记、副书记分别联系甲、乙、丙三个小组: the subjects
  // before 分别 (in the first segment, or a 、-list of their own) are no item.
  for (let k = segments.length - 1; k >= 0; k--) {
    const respectively = text.slice(segments[k][0], segments[k][1]).lastIndexOf('分别');
    if (respectively < 0) continue;
    segments.splice(0, k);
    segments[0][0] += respectively + 2;
    break;
  }
  // `联合区人社局、区司法局开展A、B、C等四类服务`: a later segment of a short name, a verb of
  // holding and an item (lists.yaml item_lead_verbs): the segments up to it are who holds them.
  for (let k = segments.length - 1; k >= 1; k--) {
    const lead = LEAD_SPLIT.exec(text.slice(segments[k][0], segments[k][1]));
    if (!lead) continue;
    const verb = vocab.itemLeadVerbs.find((v) => lead[1].endsWith(v)) ?? '';
    const names = [...textsOf(text, segments.slice(0, k)), lead[1].slice(0, lead[1].length - verb.length)];
    if (!namesBodies(names)) break;
    segments.splice(0, k);
    segments[0][0] += lead[1].length;
    break;
  }
  if (segments.length < 2) return null;
  const texts = textsOf(text, segments);
  const adjacent = segments[segments.length - 1][1] === listEnd;
  if (adjacent && (ownCountBefore(texts[texts.length - 1]) || countInsideName(texts, q.after))) return null;
  // `与甲学院、县经济开发区36家企业开展合作`: a count right after the last item with no 等 or 这
  // that is more than twice the items (and three more) counts what that item holds (the
  // zone's enterprises); a writer closing a list of n items writes n, off by a slip.
  if (adjacent && !deng && !resumed && q.value >= Math.max(2 * texts.length, texts.length + 3)) return null;
  // `把党支部、党小组和党员延伸到全县14个乡镇`: a count of places after a verb of reaching or a
  // scope's 全县 is where the list goes or the scope's whole, not the count closing it.
  if (places && adjacent && REACHED_PLACES.test(texts[texts.length - 1])) return null;
  if (places && adjacent) {
    // `县人民医院、县中医院和县疾控中心三家单位`: 和 between two names joins two items.
    const split = splitLastName(text, segments);
    if (split) {
      segments.splice(segments.length - 1, 1, ...split);
      texts.splice(texts.length - 1, 1, ...textsOf(text, split));
    }
    for (let i = 1; i < texts.length; i++) if (!NAME_LIKE.test(bareName(texts[i]))) return null;
    return counted(inlineList(src, segments, texts), count(placeNoun ?? '', `${written}${placeUnit ? '' : (placeNoun ?? '')}`), null, false);
  }
  if (named) return namedItems(src, segments, texts, written, count) ?? (deng && adjacent ? placesByDeng(src, q, segments, written, count) : null) ?? (adjacent ? includedKinds(src, q, segments, texts, written, count) : null) ?? (adjacent ? dengNounBeforeCount(src, q, segments, texts, written) : null);
  if (tally && !places && !people) return adjacent ? dengNounBeforeCount(src, q, segments, texts, written) : null;
  if (people) return adjacent ? peopleList(src, segments, texts, count(q.unit === '人' ? '' : shownNoun(q.after.slice(0, hanPrefixLength(q.after))), written)) : null;
  if (places || !adjacent) return null;
  // `村规民约、集体资产管理办法和财务审批制度`: 和 between two names of documents joins two items.
  const documents = splitDocuments(text, segments);
  if (documents) {
    segments.splice(segments.length - 1, 1, ...documents);
    texts.splice(texts.length - 1, 1, ...textsOf(text, documents));
  }
  // 甲馆、乙馆、丙区和丁村等3个点位: names of places, the last two joined by 和.
  const visited = deng ? placesByDeng(src, q, segments, written, count) : null;
  if (visited) return visited;
  // 甲队、乙队、丙队等三支队伍: short names (or quoted ones), closed by count + noun.
  for (let i = 1; i < texts.length; i++) {
    const name = bareName(texts[i]);
    if (!NAME_LIKE.test(name) && !QUOTED_ITEM.test(texts[i]) && !PLUS_ITEM.test(texts[i].trim()) && !(deng && OPEN_LIST_ITEM.test(name))) return null;
  }
  // `建强一个支部、壮大两项产业、办好十件实事`: the count is one of a run of counted items.
  if (siblingsHoldCounts(texts)) return null;
  // `甲补助、乙补助、困难群众两项保障、丙补助`: count + noun with the 、-series going on after
  // it is one more item of that series (a fixed term holding a count, its modifier the word
  // before), not the count that closes it: a closing count ends the run (，。 or a verb).
  if (!deng && text.charCodeAt(q.end + hanPrefixLength(text.slice(q.end, q.end + 17), 16)) === 0x3001 /* 、 */) return null;
  // `国务院、最高人民法院、最高人民检察院17个工作报告`: the bodies whose reports are counted.
  if (ownersOfCounted(texts, q.after.slice(0, nounLength))) return null;
  const noun = shownNoun(q.after.slice(0, nounLength));
  return counted(inlineList(src, segments, texts, true), count(noun, `${written}${noun}`), null, false);
}

/**
 * `张某、李某、王某等3名党员`: personal names closed by a count of people. The names may be
 * only some of the group (`等` or not), so the list is open: only more names than the
 * count is sure to be wrong. The first segment may carry the clause's opening words.
 */
function peopleList(src: ListSource, segments: [number, number][], texts: string[], count: ListCount): EnumeratedList | null {
  for (let i = 1; i < texts.length; i++) if (!isPersonName(withoutDeng(texts[i]).trim())) return null;
  const list = counted(inlineList(src, segments, texts), { ...count, text: src.text.slice(count.start, count.end) + count.noun }, null, true);
  return list;
}

/**
 * The end of a list's last segment before a count of places that the count does not close:
 * a verb of reaching or spreading (延伸到, 覆盖, 走进), or a scope's whole (全县, 所辖, 辖区),
 * then the count (`…延伸到全县14个乡镇`, `覆盖辖区9个社区`). A place's name ends in none of them.
 */
const REACHED_PLACES = /(?:(?:到|至|覆盖|遍布|遍及|辐射|涵盖|走进|深入|进驻|下沉)(?:全[县市区镇乡省村州旗国]|辖区|所辖)?|全[县市区镇乡省村州旗国]|所辖|下辖|辖区|辖内)$/u;

/** Conjunctions right before a count that make it an item of the list before it. */
const JOINED_BEFORE = '和及与';

/** A resumptive word between a list and the count that sums it up: `A、B和C这3项制度`. */
const RESUMPTIVE = '这此';
/** Heads of the name of a document or rule set: 财务审批制度, 资产管理办法, 理事会章程. */
const DOCUMENT_HEAD = /(?:制度|办法|章程|规定|条例|规则|细则|公约|规约|守则|准则)$/u;

/**
 * The last segment of a list split at a 和/及/与 that joins two names of documents
 * (`集体资产管理办法和财务审批制度` → two segments), or null: each side must be a short name
 * ending with a document head (制度, 办法, 章程…). Two such names are two documents, where
 * `学习和实践` may be one item.
 */
function splitDocuments(text: string, segments: [number, number][]): [number, number][] | null {
  const [s, e] = segments[segments.length - 1];
  const last = text.slice(s, e);
  for (const w of CONJUNCTIONS) {
    const at = last.lastIndexOf(w);
    if (at < 0) continue;
    const left = last.slice(0, at);
    const right = last.slice(at + w.length);
    const leftName = segments.length > 1 ? left : withoutLead(left);
    if (NAME_LIKE.test(leftName) && NAME_LIKE.test(right) && DOCUMENT_HEAD.test(leftName) && DOCUMENT_HEAD.test(right)) {
      return [trimmed(text, s, s + at), trimmed(text, s + at + w.length, e)];
    }
  }
  return null;
}

/** Words that open a bracket of an aside (a part, what it includes, examples), not of the counted items. */
const BRACKET_ASIDE = /^(?:其中|含|包括|包含|如|例如|比如|主要|即|分别|均|共|另|除)/u;

/**
 * The items in a bracket right after a count and its noun: `确定3名入党积极分子（张某、李某、
 * 王某）`, `建成2个示范点（甲村示范点、乙村示范点）`. The bracket names what was counted: the
 * list is complete unless closed by 等. Personal names for a count of people, short names
 * ending as the noun does for other list units; a bracket holding a number, a comma or anything else
 * (`（其中…）`, `（含…）`, `（如…）`) is an aside, not the items.
 *
 * @param q the count (its `after` holds the counted noun, then the bracket)
 * @param kind the count's unit kinds (`PEOPLE_UNIT`, `LIST_UNIT` bits): names of people, or short names
 */
export function bracketAfterCount(src: ListSource, q: Quantity, kind: number): EnumeratedList | null {
  const { text } = src;
  const people = (kind & PEOPLE_UNIT) !== 0;
  if (!people && !(kind & LIST_UNIT)) return null;
  const nounLength = hanPrefixLength(q.after);
  const open = q.end + nounLength;
  if (text[open] !== '（' && text[open] !== '(') return null;
  const close = text.slice(open + 1, open + 120).search(/[）)\n]/u) + open + 1;
  if (close <= open || (text[close] !== '）' && text[close] !== ')')) return null;
  // `（其中…）`, `（含…）`, `（如…）`: a part or examples, not the counted items themselves.
  if (BRACKET_ASIDE.test(text.slice(open + 1, close))) return null;
  const segments = splitAt(text, open + 1, close, '、');
  if (segments.length < 2) return null;
  const texts = textsOf(text, segments);
  // Far fewer words than the count (`20名志愿者（青年、妇女）`, `意见15条（党员、群众）`) name
  // kinds of what was counted, not each one.
  if (q.value > texts.length * 2) return null;
  // Things other than people are read only where each item ends as the counted noun does
  // (`3个示范点（甲村示范点、乙村示范点…）`): other words in a bracket may be kinds or sources.
  const head = q.after[nounLength - 1];
  const fits = people
    ? (t: string) => isPersonName(withoutDeng(t).trim())
    : (t: string) => NAME_LIKE.test(withoutDeng(t).trim()) && head !== undefined && withoutDeng(t).trim().endsWith(head);
  if (!texts.every(fits)) return people ? null : orgNames(src, q, nounLength, segments, texts);
  const noun = shownNoun(q.after.slice(0, nounLength));
  const count: ListCount = { start: q.start, end: q.end, value: q.value, bound: 'exact', measure: q.unit, noun, quoted: false, text: text.slice(q.start, q.end) + noun, side: 'before' };
  return counted(inlineList(src, segments, texts), count, null, false);
}

/** A bracket that says who or what makes the organisations up, or how they are set: no names. */
const NOT_ORG_NAMES = /^[由按以从在为对向每各]/u;
const NOT_ORG_NAMES_END = /(?:组成|构成|为主|参与|参加|负责|牵头)$/u;
/** A name in an organisation's bracket: two to six Han characters (or a redaction). */
const ORG_NAME = /^[\p{Script=Han}*×XＸ]{2,6}$/u;

/**
 * `保健党支部3个（孕产保健、儿童保健、妇女保健）`, `设3个党小组（东片、西片、南片）`: a count of
 * organisations (lists.yaml `bracket_org_nouns`, the noun after the count or, with none
 * there, before it) with their names in the bracket after it, written without the noun.
 * Each name is one organisation, but fewer names may be kinds covering several: the list
 * is open (more names than the count is the sure miscount). Null when the noun names no
 * organisation, a name is not a short name, or the bracket opens with a lead-in verb
 * (`（涵盖A、B）`, lists.yaml `list_lead_ins`).
 */
function orgNames(src: ListSource, q: Quantity, nounLength: number, segments: [number, number][], texts: string[]): EnumeratedList | null {
  const { text } = src;
  const after = nounLength > 0;
  const noun = after ? q.after.slice(0, nounLength) : nounBefore(text, q.start, src.lines.start(q.line));
  if (!vocab.bracketOrgNouns.some((w) => noun.endsWith(w))) return null;
  if (vocab.listLeadIns.some((w) => texts[0].startsWith(w)) || !texts.every((t) => ORG_NAME.test(t.trim()))) return null;
  // `（由党员、团员、群众组成）`: who makes them up, not their names.
  if (NOT_ORG_NAMES.test(texts[0].trim()) || NOT_ORG_NAMES_END.test(texts[texts.length - 1].trim())) return null;
  const shown = after ? text.slice(q.start, q.end) + noun : noun + text.slice(q.start, q.end);
  const count: ListCount = { start: q.start, end: q.end, value: q.value, bound: 'exact', measure: q.unit, noun, quoted: false, text: shown, side: 'before' };
  const list = counted(inlineList(src, segments, texts), count, null, false);
  list.open = true;
  return list;
}

/** The count `q` as the count that closes a list, shown as `shown`. */
function closingCount(q: Quantity, noun: string, shown: string): ListCount {
  return { start: q.start, end: q.end, value: q.value, bound: 'exact', measure: q.unit, noun, quoted: false, text: shown, side: 'after' };
}

/** Whether a 、 stands in the clause that ends at `pos` (read back at most MAX_BACK, not past `lineStart`). */
function listCommaBefore(text: string, pos: number, lineStart: number): boolean {
  const stop = Math.max(lineStart, pos - MAX_BACK);
  for (let i = pos - 1; i >= stop; i--) {
    const kind = charKind(text.charCodeAt(i));
    if (kind === LIST_COMMA) return true;
    if (kind === CLAUSE_MARK) return false;
  }
  return false;
}

/** `打造A村（…）、B村（…）党建示范品牌2个`: named items opened by a verb of making, then noun + count. */
function namedItems(src: ListSource, segments: [number, number][], texts: string[], written: string, count: (noun: string, shown: string) => ListCount): EnumeratedList | null {
  const opening = withoutLead(texts[0]);
  const verb = vocab.creationVerbs.find((v) => opening.startsWith(v));
  if (!verb) return null;
  // Each item is an owner's name with the item's own name in brackets or quotes: one thing
  // each. Bare quoted names (“优秀党员”) may be categories holding many: not counted.
  const last = texts[texts.length - 1];
  if (lastCloser(last) < 0) return sharedFacility(src, segments, texts, verb, written, count);
  const noun = last.slice(lastCloser(last) + 1);
  if (!/^[\p{Script=Han}]/u.test(noun)) return null;
  const items = texts.slice();
  items[items.length - 1] = last.slice(0, last.length - noun.length);
  items[0] = withoutLead(items[0]).slice(verb.length);
  for (const t of items) if (!NAMED_ITEM.test(t)) return null;
  const deng = noun.startsWith('等');
  const shown = deng ? noun.slice(1) : noun;
  const list = counted(inlineList(src, segments, items), count(shown, `${shown}${written}`), null, false);
  if (deng) {
    // `推出甲区“跨省通办”、乙区“就近办”等便民举措18项`: 等 before the noun closes a list of
    // examples, as `甲队、乙队等三支队伍` does; the count is then a lower bound.
    const at = segments[segments.length - 1][1] - noun.length;
    list.closing = { start: at, end: at + 1 };
    list.open = true;
  }
  return list;
}

/** Words opening a list whose items a closing 共N项 counts: `包括A、B、C共三项`. */
const INCLUDES = /^(?:\p{Script=Han}{0,12}?)(?:包括|包含|涵盖)/u;
/** The largest count of kinds read: a larger 共N项 after a few names more likely counts instances. */
const MAX_KINDS = 10;

/**
 * `实事包括辅具适配、康复救助、技能培训共三项`: a list opened by 包括/包含/涵盖 in its first
 * segment and closed by 共 and a count of named units (at most MAX_KINDS), every later item a
 * short name, is the count's list. Null otherwise.
 */
function includedKinds(src: ListSource, q: Quantity, segments: [number, number][], texts: string[], written: string, count: (noun: string, shown: string) => ListCount): EnumeratedList | null {
  if (!q.qualifiers.includes('共') || q.value > MAX_KINDS) return null;
  const lead = INCLUDES.exec(texts[0]);
  if (!lead) return null;
  for (let i = 1; i < texts.length; i++) if (!NAME_LIKE.test(texts[i])) return null;
  const items = texts.slice();
  items[0] = texts[0].slice(lead[0].length);
  if (!NAME_LIKE.test(items[0])) return null;
  const first: [number, number] = [segments[0][0] + lead[0].length, segments[0][1]];
  return counted(inlineList(src, [first, ...segments.slice(1)], items), count('', written), null, false);
}

/**
 * `新建白石、龙潭、青岗、马场乡镇自动气象站5个`: bare place names of one length (2–4 Han
 * characters), the last carrying the noun for all: the places' kind (lists.yaml place_nouns:
 * 乡镇, 村, 社区…) and a facility (shared_facility_endings). The last item is cut after its name's length; null when the
 * names differ in length or the noun is no facility.
 */
function sharedFacility(src: ListSource, segments: [number, number][], texts: string[], verb: string, written: string, count: (noun: string, shown: string) => ListCount): EnumeratedList | null {
  const items = texts.slice();
  items[0] = withoutLead(items[0]).slice(verb.length);
  const length = items[0].length;
  if (length < 2 || length > 4) return null;
  for (let i = 0; i < items.length - 1; i++) if (items[i].length !== length || !/^\p{Script=Han}+$/u.test(items[i])) return null;
  const last = items[items.length - 1];
  const noun = last.slice(length);
  // `东坪、西岭两个村的党群服务站3个`: a count or a 的 in the noun makes it a phrase of its own.
  if (noun.length < 2 || !/^\p{Script=Han}+$/u.test(last) || /[的一二两三四五六七八九十]/u.test(noun) || !vocab.sharedFacilityEndings.some((w) => noun.endsWith(w))) return null;
  // The names are places: the noun opens with their kind (乡镇, 村, 社区…). `建立实训、服务
  // 示范基地5个` names kinds of bases, several of each.
  if (placeNounAfter(noun) === undefined) return null;
  items[items.length - 1] = last.slice(0, length);
  return counted(inlineList(src, segments, items), count(noun, `${noun}${written}`), null, false);
}
