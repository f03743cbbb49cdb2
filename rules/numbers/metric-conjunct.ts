/**
 * A 其中 part that names one of the things a total is written as (`全县登记在册退役军人和其他
 * 优抚对象8426人，其中退役军人7315人`): the total counts "A and other B" in its scope, so the
 * part counts all of A there, a whole count in the total's scope that a later `全县7351名退役
 * 军人中` restates. Read by metric-statements.ts as one more shape of a statement.
 *
 * Strict: the total is one clause right before `，其中`, opening with a scope word and ending
 * with its number in the part's measure word; A stands in the total's noun right before a
 * conjunction (和, 及, 与) and may follow qualifiers (登记在册); the part's number ends its
 * clause. A part naming anything else (其中女性3200人) is no whole and is not read.
 * Indices are UTF-16 code units into the line. Nothing here throws.
 */
import { isClauseEndChar } from '../model/clauses';

/** Where a clause ends: a clause end or 、 (as metric-statements.ts reads it; imported from the model to keep the modules acyclic). */
const isClauseEnd = (c: number) => c === 0x3001 || isClauseEndChar(c);
/** What opens the part. */
const PARTS_WORD = '其中';
/** Conjunctions joining the total's things: A和其他B, A及B, A与B. */
const CONJUNCTIONS = ['和', '及', '与'];
/** The longest part noun, and the longest total clause read back. */
const MAX_PART_NOUN = 8;
const MAX_TOTAL = 40;
/** The longest qualifiers between the scope and A (登记在册). */
const MAX_QUALIFIERS = 6;
const HAN = /\p{Script=Han}/u;
const isHan = (c: string | undefined) => c !== undefined && HAN.test(c);
/** A count of people ending a clause: number, 名 or 人. */
const PEOPLE_COUNT = /\d{1,9}[名人]$/u;

/**
 * The part at line index `at` (its number; the quantity ends at `endAt`, in `unit`) read as
 * a whole count of a conjunct of the total before it: its scope (one of `scopes`, as
 * written), noun and line index of the noun; or null.
 */
export function conjunctPart(lineText: string, at: number, endAt: number, unit: string, scopes: readonly string[]): { scope: string; noun: string; start: number } | null {
  if (unit !== '名' && unit !== '人') return null;
  if (endAt < lineText.length && !isClauseEnd(lineText.charCodeAt(endAt))) return null;
  let i = at;
  while (i > 0 && at - i < MAX_PART_NOUN + PARTS_WORD.length && isHan(lineText[i - 1])) i--;
  if (!lineText.startsWith(PARTS_WORD, i)) return null;
  const noun = lineText.slice(i + PARTS_WORD.length, at);
  const comma = i - 1;
  if (noun.length < 2 || ![...noun].every(isHan) || (lineText[comma] !== '，' && lineText[comma] !== ',')) return null;
  let from = comma;
  while (from > 0 && comma - from < MAX_TOTAL && !isClauseEnd(lineText.charCodeAt(from - 1))) from--;
  const total = lineText.slice(from, comma);
  if (!PEOPLE_COUNT.test(total)) return null;
  const scope = scopes.find((s) => total.startsWith(s));
  if (!scope) return null;
  // The part's noun, right before a conjunction, after the scope and a few qualifiers.
  const nounAt = total.indexOf(noun, scope.length);
  if (nounAt < 0 || nounAt - scope.length > MAX_QUALIFIERS) return null;
  const after = total[nounAt + noun.length];
  if (!CONJUNCTIONS.includes(after)) return null;
  for (let k = scope.length; k < nounAt; k++) if (!isHan(total[k])) return null;
  return { scope, noun, start: i + PARTS_WORD.length };
}
