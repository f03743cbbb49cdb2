/**
 * The lists a writer makes (列举), found once per document: their items, separators,
 * introducer, closing 等 and the count that announces or closes them. The numbers rules
 * (enumeration-count, respectively-count) read `report.lists`; none scans for lists itself.
 * The constructions, with examples and traps, are described in docs/list-constructions.md.
 *
 * The grammar, as real drafts write it:
 * - items: `A、B、C` (、), `A；B；C` (；, items with commas inside), `A、B和C` (和/及/与 before
 *   the last item: such a word may as well join two words of one item, see `conjunction`);
 *   quotes and brackets stay inside their item (`“学、讲、做”`, `镇靖村（“六微”逐梦）`);
 *   adjacent quoted items need no 、 (`“一次党课”“一次观摩”`, GB/T 15834-2011 4.5.3.5), nor do
 *   titles making up a whole segment (`即《甲办法》《乙细则》`);
 *   runs of `一是…二是…` (form `ordinal`), of `（一）…（二）…` headings (`heading`), of
 *   `①②`, `（1）（2）`, `1. 2.` inside a line (`marker`), and Markdown bullets on successive
 *   lines (`bullet`);
 * - introducers between a count and its items: `：`, `即`, `分别是`, `主要有`, `具体为`, `——`
 *   (the list is complete) and `包括` (it may name only some: `open`);
 * - a closing `等` (`甲、乙等三支队伍`): the items are examples, the list is `open`;
 * - the count: `N个/项/支/大/类/条/方面` + noun, quoted or not (`“五个一”`, `“三联”机制`,
 *   `三个方面`, `五项举措`), stated before its items (`从三个方面推进：一是…`, `制定5项
 *   措施：…`) or after them (`…、…等三支队伍`, `镇靖、冯庄2村`, `打造A（…）、B（…）党建示范
 *   品牌2个`);
 * - 分别: the subjects before it (a list, or a count of them: `三个党小组`) and the values
 *   after it (numbers `2名、3名`, or names `党建、宣传、统战`), see `Respectively`.
 *
 * Where the items cannot be delimited with confidence (a 、-list running into a comma, a
 * list whose items hold their own numbers, ambiguous separators) no list is recorded: a
 * rule reading lists then stays quiet. Vocabulary: rules/data/lists.yaml.
 */
import type { Root } from 'mdast';
import type { LineTable } from './lines';
import type { OpaqueIndex, Span } from './opaque';
import type { Bound, Quantity } from './quantities';
import type { OrdinalItem, Section } from './report';
import { ListFinder } from './list-finder';
import { findRespectively } from './list-respectively';
import { findImplicitPairs } from './list-implicit';

/** How a list's items are written. */
export type ListForm = 'inline' | 'ordinal' | 'heading' | 'marker' | 'bullet';

/** One item. For a run (`ordinal`, `heading`, `marker`) the item is its marker (`二是`, `（二）`, `②`). */
export interface ListItem extends Span {
  /** The item as written, trimmed (an inline item may carry the clause's verb: `从思想`). */
  text: string;
}

/** A count that announces or closes a list: `三个方面`, `“五个一”`, `党建示范品牌3个`. */
export interface ListCount extends Span {
  value: number;
  /** Always `exact`: a qualified count (`10余个`) announces no list. */
  bound: Bound;
  /** The measure word: `个`, `项`, `大`, `个一`, `方面`, `村`; '' for `“三联”`. */
  measure: string;
  /** The noun it counts: `方面`, `行动`, `队伍`, `党建示范品牌`; may be ''. */
  noun: string;
  /** Whether the count is a quoted slogan (`“四大行动”`). */
  quoted: boolean;
  /** The count as shown in messages, without added quotes: `三个方面`, `“五个一”`, `党建示范品牌3个`. */
  text: string;
  /** Whether the count stands before its items (`从三个方面推进：`) or after them (`…等三支队伍`). */
  side: 'before' | 'after';
}

/** A list: its items in order, with what introduces, separates, closes and counts them. */
export interface EnumeratedList extends Span {
  form: ListForm;
  /** 0-based line of the first item. */
  line: number;
  items: ListItem[];
  /** What stands between consecutive items (`、`, `；`, `和`; empty between adjacent quotes). */
  separators: (Span & { text: string })[];
  /** The word that opens the list after its count (`：`, `，即`, `包括`), if any. */
  introducer: (Span & { text: string }) | null;
  /** The 等 (or 等等) that closes the last item, if any. */
  closing: Span | null;
  /**
   * Whether the list may name only some of what its count counts: closed by 等, or
   * introduced by 包括. The count is then at least the number of items.
   */
  open: boolean;
  /**
   * A 和/及/与 inside the last item (`学习、调研和实践`), where it may join two items or two
   * words of one item: the list then holds `distinct` or `distinct + 1` items.
   */
  conjunction: Span | null;
  /**
   * Whether the list may go on past where it was read: a 、-list ending at a comma whose
   * next clause might be one more item (`：A、B、C，D…`). Its items are then at least
   * `distinct`, and the count is wrong only when it is smaller.
   */
  continues: boolean;
  /** Items counted by distinct names (a name written twice counts once; a redacted `**` always counts). */
  distinct: number;
  /**
   * Items more than `distinct` if each range item (`第一至第五检察部党支部`) stands for every
   * one of its span (five): such an item may name one body or all of them, so the list holds
   * `distinct` or `distinct + ranged` items. 0 when no item is a range.
   */
  ranged: number;
  count: ListCount | null;
}

/** `A、B分别…X、Y`: subjects paired with values one to one. */
export interface Respectively extends Span {
  /** The subjects listed before 分别 (`江南村、河西村和北山村`), if listed. */
  subjects: EnumeratedList | null;
  /** A count of subjects (`3名社区党支部书记`, `三个党小组`), if that is how they are given. */
  subjectCount: ListCount | null;
  /** Whether the subjects are those of the sentence's previous 分别 (`…，履诺率分别达到…`). */
  shared: boolean;
  /** The values after 分别: numbers (`2名、3名`) or names (`党建、宣传、统战`). */
  values: EnumeratedList;
  /** Whether the values are numbers in one unit (else names, `一组、二组` included). */
  numeric: boolean;
  /**
   * Whether 分别 introduces the list of a count (`4个党支部分别是A、B、C、D`): that pairing is
   * the count's, checked as an enumeration.
   */
  announced: boolean;
  /**
   * Whether the subjects are the quantities of the clause before (`抗诉14件、检察建议23件，
   * 分别比上年增加5件、8件`): one subject per quantity, whose numbers count no members.
   */
  valueSubjects?: boolean;
  /**
   * Whether those quantities are the 其中 parts of a total stated before them (`共计186万元，
   * 其中A63件、B21件，罚没款分别为…`): the total may be paired first, so the values are one per
   * part or one more.
   */
  wholeToo?: boolean;
}

/** The lists of a report (`Report.lists`), each array in document order. */
export interface ReportLists {
  /** Every list with a count (enumerations), by start. */
  counted: readonly EnumeratedList[];
  /** Every 分别 with subjects and at least two values. */
  respectively: readonly Respectively[];
}

/** What the list pass reads of the report under construction. */
export interface ListSource {
  text: string;
  lines: LineTable;
  tree: Root;
  opaque: OpaqueIndex;
  items: readonly OrdinalItem[];
  sections: readonly Section[];
  quantities: readonly Quantity[];
}

/**
 * Finds the report's lists: one pass for counts (quoted slogans, `N个方面`, the quantity
 * layer's counts) and their items, one for 分别. Cost is linear in the text: each count
 * reads at most MAX_BACK characters back or MAX_REACH forward (list-text.ts).
 *
 * @returns the lists, not frozen: the report freezes them with itself (report.ts, freezeReport)
 */
export function findLists(src: ListSource): ReportLists {
  const counted = new ListFinder(src).find();
  const explicit = findRespectively(src, counted);
  // `A、B覆盖率为X和Y`: pairs with no 分别 (list-implicit.ts), in text order with the others.
  const implicit = findImplicitPairs(src, explicit);
  const respectively = implicit.length === 0 ? explicit : [...explicit, ...implicit].sort((a, b) => a.start - b.start);
  return { counted, respectively };
}
