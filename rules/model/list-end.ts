/**
 * Where a 、-list read up to a comma ends (list-plain.ts `plainList`): the clause after the
 * comma read as a statement of its own, not one more item written loosely.
 *
 * Real drafts close a list of named things with a comma and go on with the sentence's subject:
 * `开展“四项活动”：A创建、B练兵、C评选，推动党建与业务融合`, `评定“四强”党支部3个，即A支部、
 * B支部，推荐申报…`, `下设党小组6个，分别是A组、B组…，我联系…`. The items are things (noun
 * phrases); the clause after them is a predicate. Without a part-of-speech tagger the grammar
 * reads that contrast from two signs:
 * - the items are things: none opens with a verb of the vocabulary (a list of tasks, `抓好党建、
 *   促进发展，推进…`, may go on with one more task), and
 * - the clause opens as a statement: with the writer as subject (lists.yaml
 *   list_statement_subjects; not the writer's unit, 我镇, 我局: list_subject_not_writer); or,
 *   where every item ends alike — with the counted noun or one character of it (`支部` of
 *   党支部, `组` of 党小组) or with a tail of their own (`机制`), so the items surely name
 *   things of one kind — with any verb of the vocabulary, unless the
 *   clause ends as the items do; or, where they share no ending, with a word of aim or manner
 *   (list_statement_openers) in a long clause (MIN_STATEMENT characters and longer than every
 *   item) after items of MIN_PHRASE characters or more: a short clause may be one more item
 *   (`…，推动落实`), and short items may be tasks of a verb the vocabulary lacks.
 *
 * Strings are compared by UTF-16 code unit; items and clauses are short (list-plain.ts reads
 * at most MAX_ITEM characters an item), so the scans are bounded.
 */
import { listsData as vocab } from '../data/lists';
import { commonTail, nounEveryItemEndsWith } from './list-heads';

/** The shortest clause read as a statement after items that share no ending. */
const MIN_STATEMENT = 8;
/**
 * The shortest item read as a thing where the items share no ending: a task is most often a
 * verb and its object in four characters (修缮村道, 严守纪律), a named thing longer
 * (党员先锋岗创建, 生态保护红线).
 */
const MIN_PHRASE = 5;

/** The writer as subject (list_statement_subjects), longest first. */
const SUBJECTS = vocab.listStatementSubjects;
/** Words of aim or manner that open a statement (list_statement_openers), longest first. */
const STATEMENT = vocab.listStatementOpeners;

/** Every verb of the list vocabulary: an item opening with one is a task, not a thing. */
const VERBS = [
  ...new Set([
    ...vocab.listStatementOpeners,
    ...vocab.listActionOpeners,
    ...vocab.listTaskVerbs,
    ...vocab.countBridgeVerbs,
    ...vocab.countBridgePurposes,
    ...vocab.creationVerbs,
    ...vocab.verbsBeforeNoun,
    ...vocab.itemLeadVerbs,
    ...vocab.sloganSendVerbs,
    ...vocab.sloganAttainVerbs,
    ...vocab.listResultVerbs,
    ...vocab.rulesAimVerbs,
    ...vocab.kindListPredicateOpeners,
  ]),
].sort((a, b) => b.length - a.length);

const opensWith = (t: string, words: readonly string[]) => words.some((w) => t.startsWith(w));

/** Words opening with 我 that are not the writer as subject (list_subject_not_writer). */
const NOT_WRITER = vocab.listSubjectNotWriter;

/**
 * Whether `first` opens with the writer as subject (list_statement_subjects). The writer's
 * unit (`我镇也榜上有名`: a body, maybe the missing item) and `我为…`, the start of a known
 * campaign's name (我为群众办实事) a list may hold unquoted, are not read so
 * (list_subject_not_writer).
 */
function opensWithWriter(first: string): boolean {
  return opensWith(first, SUBJECTS) && !opensWith(first, NOT_WRITER);
}

/**
 * The ending every item shares: the counted `noun`'s tail of two characters or more (`支部` of
 * 党支部 in 机关一支部、基教股支部), its first or last character where every item ends with it
 * and is longer (`组` of 党小组 in 语文组、数学组; `育` in 德育、智育), or else the items' own
 * common tail of two Han characters or more (`机制` of A机制、B机制). '' if none.
 */
function sharedEnding(items: readonly string[], noun: string): string {
  const tail = nounEveryItemEndsWith(items, noun);
  if (tail !== '') return tail;
  const kind = items[0].slice(-1);
  if (noun.length >= 2 && (kind === noun[0] || kind === noun[noun.length - 1]) && items.every((t) => t.length > 1 && t.endsWith(kind))) return kind;
  let own = items[0];
  for (const t of items) own = commonTail(own, t);
  return own.length >= 2 && /^\p{Script=Han}+$/u.test(own) && !items.includes(own) ? own : '';
}

/**
 * Whether a 、-list whose items are `texts`, read up to a comma, ends there because the next
 * clause (`next`, the text of the clause after the comma) is a statement of its own (see the
 * module comment). `noun` is the counted noun ('' if unknown). False whenever an item opens
 * with a verb of the vocabulary or the clause could be one more item: it ends as every item
 * does (only the writer as its subject then closes the list: `…，我联系A组`), or, after items
 * that share no ending, it is short.
 */
export function closedByStatement(texts: readonly string[], noun: string, next: string): boolean {
  const items = texts.map((t) => t.trim());
  if (items.length < 2 || items.some((t) => t === '' || opensWith(t, VERBS))) return false;
  const first = next.split('、')[0].trim();
  if (first === '') return false;
  if (opensWithWriter(first)) return true;
  const ending = sharedEnding(items, noun);
  if (ending !== '') return !first.endsWith(ending) && opensWith(first, VERBS);
  // Items of four characters or fewer may be tasks of a verb the vocabulary lacks (`修缮村道、
  // 安装路灯，切实解决…`): a clause opening with a word of manner may then be one more task.
  if (items.some((t) => t.length < MIN_PHRASE)) return false;
  const longest = Math.max(...items.map((t) => t.length));
  return opensWith(first, STATEMENT) && first.length >= MIN_STATEMENT && first.length > longest;
}
