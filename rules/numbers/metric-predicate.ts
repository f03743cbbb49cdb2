/**
 * A count under a scope that goes on with a predicate (`全局43处测站开展汛前检查`, `辖区9个
 * 党支部参加…`): the counted noun ends where a verb or a particle of the vocabulary starts
 * (rules/data/metric-conflict.yaml `verbs`, `not_in_noun`, `predicate_starts`). Such a count may be only some of
 * the things (`全镇8个村集体经济收入达到…`), so metric-conflict reads it as a statement that
 * may be a part: it is no anchor, and contradicts a whole count of its key only by exceeding
 * it (a part cannot exceed its whole, whatever the verb) or by its digits transposed.
 *
 * Strict about the noun, since the key must meet another statement's noun exactly: Han
 * only, at most MAX_NOUN characters, ended by a listed verb or particle (a noun that goes on
 * with another noun, 党员群众, is read whole or not at all). Indices are UTF-16 code units
 * into the line. Nothing here throws.
 */
import { metricConflictData as vocab } from '../data/metric-conflict';
import { isClauseEnd } from './metric-noun';

/** The longest noun read before the predicate. */
const MAX_NOUN = 6;
const HAN = /^\p{Script=Han}$/u;
/** The words that start a predicate, longest first: verbs, then particles (将, 已, 为…). */
const PREDICATE_STARTS = [...vocab.verbs, ...vocab.notInNoun, ...vocab.predicateStarts].sort((a, b) => b.length - a.length);

/**
 * The counted noun right after the measure word ending at line index `from`, when a predicate
 * follows it: `{ noun, end }` (`end` the line index after the noun), or null when no listed
 * verb or particle starts within MAX_NOUN Han characters.
 */
export function nounBeforePredicate(lineText: string, from: number): { noun: string; end: number } | null {
  // A bracketed second kind (村（社区）妇联组织落实…) is part of the noun, as nounAfter reads it,
  // and not counted in its length.
  let aside = 0;
  for (let i = from + 1; i <= from + MAX_NOUN + aside && i < lineText.length; i++) {
    if (lineText[i - 1] === '（' && i - 1 > from) {
      const close = lineText.indexOf('）', i);
      if (close < 0 || close - i > MAX_ASIDE || aside > 0 || !HAN_RUN.test(lineText.slice(i, close))) return null;
      aside = close + 1 - (i - 1);
      i = close + 1;
    } else if (!HAN.test(lineText[i - 1])) return null;
    // 客运站党组织全面…: a verb inside a noun of `nouns_with_verbs` (党组织) starts no predicate.
    if (PREDICATE_STARTS.some((w) => lineText.startsWith(w, i)) && !insideNounWithVerb(lineText, from, i)) return { noun: lineText.slice(from, i), end: i };
  }
  return null;
}

/** The longest bracketed second kind inside a noun (（社区）), and what it may hold. */
const MAX_ASIDE = 4;
const HAN_RUN = /^\p{Script=Han}+$/u;

/**
 * Whether index `i` (where a verb seems to start) lies inside a noun of metric-conflict.yaml
 * `nouns_with_verbs` that starts at or after `from` (党组织: 组织 is no predicate there).
 */
function insideNounWithVerb(lineText: string, from: number, i: number): boolean {
  for (const noun of vocab.nounsWithVerbs) {
    for (let k = Math.max(from, i - noun.length + 1); k <= i; k++) if (lineText.startsWith(noun, k)) return true;
  }
  return false;
}

/**
 * Whether the predicate after a counted noun (from `nounEnd` to its clause's end) says every
 * one of the things is covered (`辖内9个营业网点实现党组织全覆盖`: metric-conflict.yaml
 * `covering_predicates`), with no word of some or of new ones between the scope's end
 * (`scopeEnd`) and the number at `at` (`partial_before_count`: 全县已有28个村…): the count is
 * then all of them, a whole count, not a part.
 */
export function coversAll(lineText: string, scopeEnd: number, at: number, nounEnd: number): boolean {
  let end = nounEnd;
  while (end < lineText.length && !isClauseEnd(lineText.charCodeAt(end))) end++;
  const predicate = lineText.slice(nounEnd, end);
  if (!vocab.coveringPredicates.some((w) => predicate.includes(w))) return false;
  const between = lineText.slice(scopeEnd, at);
  return !vocab.partialBeforeCount.some((w) => between.includes(w));
}
