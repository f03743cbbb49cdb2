/**
 * Numbered formulations named by the noun or the field they belong to (五位一体 before
 * 总体布局, 五篇大文章 after 金融), parsed once from rules/data/numbered-heads.yaml. Read by
 * `slogan-canonical` (rules/wording/slogan-numbered.ts).
 */
import { type DataSource, dataOf } from './yaml-data';
import numberedText from './numbered-heads.yaml';

const FILE = 'rules/data/numbered-heads.yaml';
const NUMERAL = /^[一二两三四五六七八九十]$/u;

/** One numbered formulation: its number, what follows it, and what makes the name one. */
export interface NumberedHead {
  /** The formulation (五位一体). */
  canonical: string;
  /** Its own number (五). */
  numeral: string;
  /** What follows the number (位一体). */
  counter: string;
  /** Words right after the name that make it the formulation (总体布局), or ''. */
  head: string;
  /** A word naming its field earlier in the sentence (金融), or ''. */
  field: string;
  /** Verbs right before the quoted name that make it the formulation (牢记“三个务必”). */
  verbs: readonly string[];
  /** Other numbers that name correct formulations of their own (两 of 两个务必). */
  also: readonly string[];
  /** Words marking an account of the formulation's history in the sentence. */
  history: readonly string[];
  /**
   * Words anywhere in the report that make a smaller count right (不足七人, 不设支部委员会:
   * a branch without a committee holds 两会一课): with one of them the entry stays quiet.
   */
  scaledBy: readonly string[];
  /** Words that make a smaller count right only in the formulation's own sentence (联合党支部). */
  scaledInSentence: readonly string[];
  /**
   * Characters naming the counted things one by one (省市县乡村 for the levels of 五级书记):
   * right before the number they list the writer's own subset (县乡村三级书记), or ''.
   */
  items: string;
  /** Whether the source writes the name bare before its head (五级书记抓乡村振兴), not quoted. */
  bare: boolean;
  /**
   * Whether quotation marks alone name a short formulation without a verb before it
   * (`“两会一课”记录不完整`): true where no count of the writer's own takes the same words.
   */
  quotedNames: boolean;
  source: string;
}

/**
 * Parses the entries.
 *
 * @throws Error naming the file and entry when the canonical form is not a numeral and its
 *   counter, when none of head, field and verbs is given, or when the source is missing
 */
export function loadNumberedHeads(source: DataSource): NumberedHead[] {
  const raw = dataOf(source) as { entries?: unknown };
  if (!raw || !Array.isArray(raw.entries)) throw new Error(`${FILE}: "entries" must be a list`);
  return raw.entries.map((item: unknown, i) => {
    const e = (item ?? {}) as Record<string, unknown>;
    const [canonical, counter, head, field, src, items] = [e.canonical, e.counter, e.head, e.field, e.source, e.items].map((x) => (typeof x === 'string' ? x : ''));
    const [history, verbs, also, scaledBy, scaledInSentence] = [e.history, e.verbs, e.also, e.scaled_by, e.scaled_in_sentence].map((x) => (Array.isArray(x) ? x.filter((w): w is string => typeof w === 'string') : []));
    if (counter === '' || !canonical.endsWith(counter) || !NUMERAL.test(canonical.slice(0, -counter.length)) || (head === '' && field === '' && verbs.length === 0) || src === '') {
      throw new Error(`${FILE}: entries[${i}] needs a canonical numeral + counter, a head, a field or verbs, and a source`);
    }
    return { canonical, numeral: canonical.slice(0, -counter.length), counter, head, field, verbs, also, history, scaledBy, scaledInSentence, items, bare: e.bare === true, quotedNames: e.quoted_names === true, source: src };
  });
}

/** The numbered formulations of rules/data/numbered-heads.yaml. */
export const numberedHeads: readonly NumberedHead[] = loadNumberedHeads(numberedText);
