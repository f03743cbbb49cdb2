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
 * - the clause opens as a statement: with the writer as subject, a word of aim or manner
 *   (lists.yaml list_statement_openers), or — where every item ends with the counted noun or
 *   one character of it (`支部` of 党支部, `组` of 党小组), so the items surely name things of
 *   that kind — with any verb of the vocabulary, unless the clause ends as the items do.
 * Where the items share no ending the clause must also be long (MIN_STATEMENT characters and
 * longer than every item): a short clause may be one more item (`…，推动落实`).
 *
 * Strings are compared by UTF-16 code unit; items and clauses are short (list-plain.ts reads
 * at most MAX_ITEM characters an item), so the scans are bounded.
 */
import { listsData as vocab } from '../data/lists';
import { nounEveryItemEndsWith } from './list-heads';

/** The shortest clause read as a statement after items that share no ending. */
const MIN_STATEMENT = 8;

/** Words that open a statement after a list of things (list_statement_openers), longest first. */
const STATEMENT = vocab.listStatementOpeners;

/** Every verb of the list vocabulary: an item opening with one is a task, not a thing. */
const VERBS = [
  ...new Set([
    ...vocab.listStatementOpeners,
    ...vocab.listActionOpeners,
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

/**
 * Whether `first` opens with the writer as subject or a word of aim or manner
 * (list_statement_openers). `我为…` is the start of a known campaign's name
 * (我为群众办实事), which a list may hold unquoted: not read so.
 */
function opensStatement(first: string): boolean {
  return opensWith(first, STATEMENT) && !first.startsWith('我为');
}

/**
 * The ending every item shares with the counted `noun`: its tail of two characters or more
 * (`支部` of 党支部 in 机关一支部、基教股支部), or its first or last character where every item
 * ends with it and is longer (`组` of 党小组 in 语文组、数学组; `育` in 德育、智育). '' if none.
 */
function kindEnding(items: readonly string[], noun: string): string {
  const tail = nounEveryItemEndsWith(items, noun);
  if (tail !== '') return tail;
  if (noun.length < 2 || items.length < 2) return '';
  const kind = items[0].slice(-1);
  if (kind !== noun[0] && kind !== noun[noun.length - 1]) return '';
  return items.every((t) => t.length > 1 && t.endsWith(kind)) ? kind : '';
}

/**
 * Whether a 、-list whose items are `texts`, read up to a comma, ends there because the next
 * clause (`next`, the text of the clause after the comma) is a statement of its own (see the
 * module comment). `noun` is the counted noun ('' if unknown). False whenever an item opens
 * with a verb of the vocabulary or the clause could be one more item.
 */
export function closedByStatement(texts: readonly string[], noun: string, next: string): boolean {
  const items = texts.map((t) => t.trim());
  if (items.length < 2 || items.some((t) => opensWith(t, VERBS))) return false;
  const first = next.split('、')[0].trim();
  if (first === '') return false;
  const kind = kindEnding(items, noun);
  if (kind !== '') return opensStatement(first) || (!first.endsWith(kind) && opensWith(first, VERBS));
  const longest = Math.max(...items.map((t) => t.length));
  return opensStatement(first) && first.length >= MIN_STATEMENT && first.length > longest;
}
