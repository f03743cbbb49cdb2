/**
 * The words before a number-first stock count (rules/model/stock-counts.ts) that are not its
 * subject, and the words after its noun that make it the unit's whole set: what opens a lead
 * (二是, 目前, 对, 组织…), a preposition after the unit (机关党委与全部…), members put into groups
 * (全体73名党员按居住地编入4个党小组), a distributive after the noun (每人, 逐一, 各), 仅/只 after it,
 * a universal word after it (全部, 均), a post after an organisation (党支部书记), counts joined
 * by 、 that share one lead (院所属9个党支部、221名党员), a count written before in its sentence.
 *
 * Separate from stock-counts.ts to keep each under the project's ~400-line module
 * guideline. Indices are UTF-16 code units into the line. Nothing here throws. Vocabulary:
 * rules/data/stock-counts.yaml (lead_ordinals, lead_adverbs, lead_connectives, lead_prepositions, lead_speakers, mobilising,
 * partition_verbs, distributive_after, distributive_not, spread_after, only_after, all_after, post_holders, posts,
 * whole_scope_not, compound_person_heads, compound_reach, participation_after).
 */
import { stockCountData as vocab } from '../data/stock-counts';
import { isClauseEndChar } from './clauses';
import type { StockContext } from './stock-counts';
import { subjectScope } from './stock-unit';

/** Where a clause ends for the read back of partitionOfAll: a clause end or 、. */
const isCountEnd = (c: number) => c === 0x3001 || isClauseEndChar(c);

/** The most linking words read before a mobilising verb: 年内还. */
const MAX_CONNECTIVES = 2;

/** The most verbs read at the start of a lead: 关心关爱, 团结带领. */
const MAX_VERBS = 2;

/**
 * The words that may open a lead, taken off its start: an ordinal (二是), a time word
 * (目前) or a meeting's setting (会上), a preposition (对, 与), a speaker before a verb (我带领), up to two mobilising verbs (组织, 关心关爱). Returns what is
 * left (the subject), how many characters were taken, and the last verb taken.
 */
export function leadWords(lead: string): { subject: string; skipped: number; verb: string | undefined; preposition: boolean } {
  let skipped = 0;
  const take = (w: string | undefined) => {
    if (w === undefined) return false;
    lead = lead.slice(w.length);
    skipped += w.length;
    return true;
  };
  take(vocab.leadOrdinals.find((w) => lead.startsWith(w)));
  take(vocab.leadAdverbs.find((w) => lead.startsWith(w)));
  // 年内还组织…, 同时动员…: linking words before a mobilising verb open no subject.
  let linked = '';
  for (let k = 0; k < MAX_CONNECTIVES; k++) {
    const next = vocab.leadConnectives.find((w) => lead.startsWith(w, linked.length));
    if (next === undefined) break;
    linked += next;
  }
  if (linked !== '' && vocab.mobilising.some((v) => lead.startsWith(v, linked.length))) take(linked);
  // 持续加强对公司392名党员的教育管理: a verb of care before the preposition opens no subject.
  const careVerb = vocab.prepVerbs.find((v) => lead.startsWith(v) && vocab.leadPrepositions.some((w) => lead.startsWith(w, v.length)));
  if (careVerb !== undefined) take(careVerb);
  const preposition = take(vocab.leadPrepositions.find((w) => lead.startsWith(w)));
  // 我带领全体43名党员…: the speaker of a 述职 (or 我们) before a mobilising verb is no
  // subject of the count; the verb then opens the lead as it would alone.
  const speaker = vocab.leadSpeakers.find((w) => lead.startsWith(w));
  if (speaker && vocab.mobilising.some((v) => lead.startsWith(v, speaker.length))) take(speaker);
  let verb: string | undefined;
  for (let k = 0; k < MAX_VERBS; k++) {
    const next = vocab.mobilising.find((w) => lead.startsWith(w));
    if (!take(next)) break;
    verb = next;
  }
  return { subject: lead, skipped, verb, preposition };
}

/**
 * Where the first of counts joined by 、 starts, the 、 at line index `mark` ending the one
 * right before a count (`院所属9个党支部、221名党员`: the index of 9): the counts share the
 * lead before the first. Each count before the mark is a number, a measure word and a noun
 * `isNoun` accepts; up to MAX_JOINED of them. Returns `mark + 1` (no lead: the count stands
 * alone) when the words before the mark are no such count.
 */
export function joinedCountStart(lineText: string, mark: number, isNoun: (noun: string) => boolean): number {
  let first = mark + 1;
  for (let k = 0; k < MAX_JOINED; k++) {
    let i = mark;
    while (i > 0 && mark - i <= MAX_JOINED_NOUN && HAN.test(lineText[i - 1])) i--;
    let digits = i;
    while (digits > 0 && i - digits < 7 && isDigit(lineText.charCodeAt(digits - 1))) digits--;
    // The Han run after the digits is the measure word, then the noun.
    if (digits === i || !isNoun(lineText.slice(i + 1, mark))) return first;
    first = digits;
    if (lineText[digits - 1] !== '、') return first;
    mark = digits - 1;
  }
  return first;
}

/** The most counts read back along 、, and the longest measure word and noun of one. */
const MAX_JOINED = 4;
const MAX_JOINED_NOUN = 9;
const HAN = /^\p{Script=Han}$/u;
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;

/** Whether a word of stock-counts.yaml `only_after` (仅, 只) stands at line index `i`. */
export function onlyAfter(lineText: string, i: number): boolean {
  return vocab.onlyAfter.some((w) => lineText.startsWith(w, i));
}

/**
 * Whether 仅/只 at line index `i` weighs the whole against what it has (仅配备6名指导员,
 * 仅有1名专职组织员: rules/data/stock-counts.yaml `only_weighed_by`): the count before it is
 * all of the things.
 */
export function onlyWeighs(lineText: string, i: number): boolean {
  const only = vocab.onlyAfter.find((w) => lineText.startsWith(w, i));
  return only !== undefined && vocab.onlyWeighedBy.some((w) => lineText.startsWith(w, i + only.length));
}

/**
 * Whether `lead` (the Han run from line index `leadStart` to a count) ends with a verb that
 * puts members into groups, in a clause that opens on 全体 (after at most a short subject)
 * and names 党员 after it: `全体73名党员按居住地编入`, `将全体党员划分为`.
 */
export function partitionOfAll(lineText: string, leadStart: number, lead: string): boolean {
  if (!vocab.partitionVerbs.some((w) => lead.endsWith(w))) return false;
  let start = leadStart;
  while (start > 0 && leadStart - start < MAX_CLAUSE && !isCountEnd(lineText.charCodeAt(start - 1))) start--;
  const clause = lineText.slice(start, leadStart + lead.length);
  const all = clause.indexOf(ALL_MEMBERS);
  return all >= 0 && all <= MAX_SUBJECT && clause.indexOf('党员', all) > all;
}

/** The word that opens a clause about all the members (全体…党员). */
const ALL_MEMBERS = '全体';
/** The longest clause read back for 全体, and the longest subject before it (支部将). */
const MAX_CLAUSE = 40;
const MAX_SUBJECT = 6;

/**
 * Where the words after a preposition (对, 与…) start in `lead`, the preposition standing
 * right after a subject that names the unit or a scope (机关党委与…, 段党委对…), or -1.
 */
export function prepositionAfterUnit(lead: string, context: StockContext, lineText: string, from: number): number {
  for (let i = 1; i < lead.length; i++) {
    const prep = vocab.leadPrepositions.find((w) => lead.startsWith(w, i));
    if (prep && subjectScope(lead.slice(0, i), context, lineText, from) !== null) return i + prep.length;
  }
  return -1;
}

/** Whether a word of stock-counts.yaml `distributive_after` (每人, 逐一, 各…) stands at line index `i`. */
export function distributiveAfter(lineText: string, i: number): boolean {
  return vocab.distributiveAfter.some((w) => lineText.startsWith(w, i)) && !vocab.distributiveNot.some((w) => lineText.startsWith(w, i));
}

/**
 * Whether a word of stock-counts.yaml `spread_after` (分散在, 分布在) stands at line index `i`:
 * the count before it says where all of them are (支部36名党员分散在各条线).
 */
export function spreadAfter(lineText: string, i: number): boolean {
  return vocab.spreadAfter.some((w) => lineText.startsWith(w, i));
}

/**
 * Whether the count `lineText[at, end)` (number, measure word, noun) is written the same way
 * earlier in its sentence (back to 。！？; or the line's start): the later one refers back.
 */
export function statedBefore(lineText: string, at: number, end: number): boolean {
  let start = at;
  while (start > 0 && !'。！？!?'.includes(lineText[start - 1])) start--;
  return lineText.slice(start, at).includes(lineText.slice(at, end));
}

/** Whether a word of stock-counts.yaml `all_after` (全部, 均, 都…) stands at line index `i`. */
export function universalAfter(lineText: string, i: number): boolean {
  return vocab.allAfter.some((w) => lineText.startsWith(w, i));
}

/**
 * Whether 的 at line index `i` (right after a counted noun) opens what each counted thing has,
 * of one to MAX_POSSESSED Han characters, followed by a word saying it of all of them
 * (`的帮扶项目资产全部…`, `的两委班子均已…`: stock-counts.yaml `possessed_all`).
 */
export function possessedAll(lineText: string, i: number): boolean {
  if (lineText[i] !== POSSESSIVE) return false;
  for (let k = i + 1; k < lineText.length && k - i <= MAX_POSSESSED + 1; k++) {
    if (k > i + 1 && vocab.possessedAll.some((w) => lineText.startsWith(w, k))) return true;
    if (!HAN.test(lineText[k])) return false;
  }
  return false;
}

/** The particle that opens what a counted thing has (36个脱贫村的帮扶项目资产). */
const POSSESSIVE = '的';
/** The longest thing possessed between 的 and the word saying it of all (帮扶项目资产). */
const MAX_POSSESSED = 8;

/**
 * The length of a post right after an organisation counted with 个 (`全部12个党支部书记均由
 * …`: 个 counts the 党支部, each with its 书记), or 0: the count stays the organisations'.
 * People are counted with 名 or 人 (`12名党支部书记`), which is another thing: 0.
 */
export function postAfter(lineText: string, endAt: number, noun: string): number {
  if (lineText[endAt - 1] !== '个' || !vocab.postHolders.some((h) => noun.endsWith(h))) return 0;
  const at = endAt + noun.length;
  return vocab.posts.find((p) => lineText.startsWith(p, at))?.length ?? 0;
}

/** The longest lead read as 全 and a scope (全街道, 全分局, 全镇机关). */
const MAX_SCOPE_LEAD = 4;

/**
 * Whether a number-first count's lead (`lead`: the words right before the number once
 * ordinals, verbs, prepositions and any verb of having are read off) is 全 and a scope, the
 * unit's own or a place's (组织全局172名在职党员, 引导全街道3180名党员), with its noun ending at line
 * index `after` where no longer people noun runs on: as the object of a mobilising verb (the
 * caller asks) such a count names every one of its noun, whichever verb it is and whatever
 * follows the noun. Pages corpus (organising and guiding sentences of real reports: 为全县…名党员
 * 下发…, 引导全县…个乡镇…, 组织辖区内…个村级党支部…): a count under 全 right before its number is the
 * whole; as a subject 全X may only place it (全市已有…名党员到…报到, …个党支部入选…: some); a part
 * is named by its noun (党员骨干, no count of 党员; 农村青壮年党员, another noun; 党员致富带头人, a
 * person's noun run on: `compound_person_heads`), an approximation (全镇1860余名, not exact) or a
 * verb of having between scope and number (全市已有…名党员到…报到, read off before). 全年 and other
 * periods or manners are no scope (`whole_scope_not`). A count of who took part (tookPart:
 * 组织全镇1860名党员完成轮训, …参加…, a sentence with its rate) is no whole either. No text copied.
 */
export function scopeNamesAll(lead: string, lineText: string, after: number): boolean {
  if (lead.length < 2 || lead.length > MAX_SCOPE_LEAD || !lead.startsWith('全')) return false;
  if (vocab.whole.includes(lead) || vocab.wholeScopeNot.some((w) => lead.startsWith(w))) return false;
  for (let i = after; i < lineText.length && i < after + vocab.compoundReach && HAN.test(lineText[i]); i++) {
    if (vocab.compoundPersonHeads.includes(lineText[i])) return false;
  }
  return !tookPart(lineText, after);
}

/** Sentence ends, for the sentence around a count (tookPart). */
const SENTENCE_END = /[。！？!?]/u;
/** A percentage (93.8%, 百分之九十): the sentence gives a rate. */
const PERCENTAGE = /\d\s*[%％]|百分之/u;

/**
 * Whether a count whose noun ends at line index `after` is who took part: its clause goes on
 * with a predicate of taking part (`participation_after`: 组织全镇1860名党员完成年度集中轮训), or
 * its sentence gives a percentage (…，轮训率93.8%: the rate is of the part). Such a count under
 * 全 and the unit is the part that took part, not the whole restated.
 */
function tookPart(lineText: string, after: number): boolean {
  let end = after;
  while (end < lineText.length && !isClauseEndChar(lineText.charCodeAt(end))) end++;
  const clause = lineText.slice(after, end);
  if (vocab.participationAfter.some((w) => clause.includes(w))) return true;
  let start = after;
  while (start > 0 && !SENTENCE_END.test(lineText[start - 1])) start--;
  while (end < lineText.length && !SENTENCE_END.test(lineText[end])) end++;
  return PERCENTAGE.test(lineText.slice(start, end));
}

