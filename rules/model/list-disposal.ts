/**
 * A slogan's items written as 把-clauses after its comma: `推行“双培养”机制，把党员培养成业务骨干，
 * 把业务骨干培养成党员，…`. This is how the 双培养 family (双培养, 双向培养, 双培双带: pages corpus,
 * `即把农村党员、干部培养成发展能手，把农村发展能手培养成党员、干部`) spells its two
 * directions out: each item a disposal clause (把/将 X, the slogan's verb, then 成/为 Y).
 * Read by wordRun (list-after-slogan.ts) when no 、-run of the slogan's word stands there.
 * Offsets are UTF-16 code units into `src.text`.
 */
import type { EnumeratedList, ListSource } from './lists';
import { inlineList, textsOf } from './list-inline';
import { splitAt } from './list-text';
import { escapeRegExp } from './alternation';

/** The longest object (code units) between 把 and the slogan's verb: `把党员业务骨干`. */
const MAX_OBJECT = 14;

/**
 * The run of disposal clauses in `[from, to)` (one sentence), separated by ， or 、, each
 * `把X<noun>成Y` or `将X<noun>为Y` with `noun` the slogan's verb (`培养`). The run ends at the
 * first clause of another form (`全年发展党员7名`); a clause opening with 把/将 of another form
 * right after it leaves the end undecidable (null), as do fewer than two clauses or a verb
 * shorter than two characters (`把…建成…` would match too much).
 */
export function disposalClauses(src: ListSource, from: number, to: number, noun: string): EnumeratedList | null {
  if (noun.length < 2) return null;
  const { text } = src;
  const item = new RegExp(`^[把将][^，,、]{1,${MAX_OBJECT}}?${escapeRegExp(noun)}(?:成|为)\\S`, 'u');
  const clauses = splitAt(text, from, to, '，,、').filter(([s, e]) => e > s);
  const texts = textsOf(text, clauses).map((t) => t.trim());
  let k = 0;
  while (k < texts.length && item.test(texts[k])) k++;
  if (k < 2) return null;
  if (k < texts.length && /^[把将]/u.test(texts[k])) return null;
  return inlineList(src, clauses.slice(0, k), texts.slice(0, k));
}
