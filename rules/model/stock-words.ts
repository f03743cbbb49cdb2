/**
 * The words of stock counts (rules/model/stock-counts.ts): Han runs, counted nouns and their
 * heads, existence verbs. Split from stock-counts.ts, which reads the shapes of a count, to
 * keep each under the project's ~400-line module guideline. Indices are UTF-16 code units
 * into the line. Vocabulary: rules/data/stock-counts.yaml (heads, bound_qualifiers, member_kinds,
 * existence, noun_continuations).
 */
import { stockCountData as vocab } from '../data/stock-counts';

const HAN = /\p{Script=Han}/u;
/** Whether `c` is one Han character. */
export const isHan = (c: string | undefined) => c !== undefined && HAN.test(c);
/** The longest lead read before a number: a subject, a verb, a noun. */
export const MAX_LEAD = 16;
/** The longest counted noun, qualifiers and head. */
export const MAX_NOUN = 8;
/** Characters that never stand in a counted noun: particles and prepositions, and 其 (其中…: a part). */
export const NOT_IN_NOUN = /[的了在对向与和及等被将把从由为以于其]/u;

/** The Han run ending at `at`, at most MAX_LEAD long: `[start, at)`. */
export function hanRunStart(lineText: string, at: number): number {
  let i = at;
  while (i > 0 && at - i < MAX_LEAD && isHan(lineText[i - 1])) i--;
  return i;
}


/** Whether `noun` may name the parts of a breakdown (党委, 党总支): a few Han characters, no particles. */
export function isPartNoun(noun: string): boolean {
  return noun.length > 0 && noun.length <= MAX_NOUN && !NOT_IN_NOUN.test(noun) && [...noun].every(isHan);
}

/** The head noun `noun` ends with (longest), or ''. */
export function headOf(noun: string): string {
  return vocab.heads.find((h) => noun.endsWith(h)) ?? '';
}

/**
 * `机关党委所属在职党员486名，`: a subject, then 所属 (下属) and the noun: the subject's own
 * things, all of them, as after an existence verb (pages corpus: 机关党委所属部门23个，教职工
 * 231人). The subject must be written (at least two characters); whether it names the unit
 * is the caller's (stock-counts.ts, subjectScope). The noun is a head with at most
 * MAX_OWNED_QUALIFIER characters of qualifier, none of them a unit or thing of its own nor
 * an event's verb (vocab.ownedNot): `集团所属企业发展党员36名` is an event of the companies,
 * `所属二级企业党员600名` their members. Returns 所属 and its index in `run`, or null.
 */
export function ownedBy(run: string): { word: string; at: number } | null {
  for (const word of vocab.ownThings) {
    const at = run.indexOf(word);
    if (at < 2) continue;
    const noun = run.slice(at + word.length);
    const head = headOf(noun);
    const qualifier = noun.slice(0, noun.length - head.length);
    const has = (w: string) => qualifier.includes(w);
    if (head === '' || qualifier.length > MAX_OWNED_QUALIFIER || vocab.ownedNot.some(has) || vocab.heads.some(has) || vocab.unitWords.some((u) => u.length > 1 && has(u))) return null;
    return { word, at };
  }
  return null;
}

/** The longest qualifier read before the head after 所属 (在职, 离退休). */
const MAX_OWNED_QUALIFIER = 3;

/** The first existence verb (现有, 共有, 下设…) in `run`, longest at its place. */
export function existenceIn(run: string): { word: string; at: number } | null {
  let best: { word: string; at: number } | null = null;
  for (const word of vocab.existence) {
    const at = run.indexOf(word);
    if (at >= 0 && (best === null || at < best.at)) best = { word, at };
  }
  return best;
}


/**
 * The counted noun right after a measure word: qualifiers, then a head noun (the longest
 * at its place, joined with a head right after it: 会员 + 企业), or null.
 */
export function nounAfter(lineText: string, from: number): string | null {
  for (let i = from; i < lineText.length && i - from < MAX_NOUN && isHan(lineText[i]); i++) {
    const head = headAt(lineText, i);
    if (!head) continue;
    let end = i + head.length;
    for (let next = headAt(lineText, end); next; next = headAt(lineText, end)) end += next.length;
    const noun = lineText.slice(from, end);
    return isStockNoun(noun) ? noun : null;
  }
  return null;
}

/** The head noun starting at `i`, longest first, or undefined. */
function headAt(lineText: string, i: number): string | undefined {
  const heads = HEADS_BY_FIRST.get(lineText.charCodeAt(i));
  return heads && heads.find((h) => lineText.startsWith(h, i));
}

/**
 * vocab.heads by their first code unit, each list in vocab.heads' order (longest first):
 * nounAfter asks at every character of up to MAX_NOUN after each count, and trying every
 * head there was a fifth of metric-conflict's time on the 100 KB bench input.
 */
const HEADS_BY_FIRST = new Map<number, string[]>();
for (const h of vocab.heads) {
  const list = HEADS_BY_FIRST.get(h.charCodeAt(0));
  if (list) list.push(h);
  else HEADS_BY_FIRST.set(h.charCodeAt(0), [h]);
}

/** Whether a longer noun continues at `i` (党员 + 干部): the count is not of the head. */
export function continues(lineText: string, i: number): boolean {
  return vocab.nounContinuations.some((w) => lineText.startsWith(w, i));
}

/** Whether `noun` is qualifiers (Han, no particles) and a head noun, at most MAX_NOUN long. */
export function isStockNoun(noun: string): boolean {
  for (const q of vocab.boundQualifiers) if (noun.startsWith(q)) noun = noun.slice(q.length);
  if (noun.length === 0 || noun.length > MAX_NOUN || NOT_IN_NOUN.test(noun)) return false;
  for (const c of noun) if (!isHan(c)) return false;
  return vocab.heads.some((h) => noun.endsWith(h));
}

/** The longest kind of member (教职工, 离退休) a bare 党员 may carry (stock-counts.yaml `member_kinds`). */
export const MAX_KIND = 3;
/** The head a kind of member qualifies. */
const MEMBERS = '党员';

/**
 * The length of the kind of member `noun` is (教职工 of 教职工党员, 学生 of 学生党员: a word of
 * stock-counts.yaml `member_kinds` right before 党员, nothing else), or 0.
 */
export function memberKind(noun: string): number {
  const kind = vocab.memberKinds.find((q) => noun.startsWith(q) && noun.length === q.length + MEMBERS.length && noun.endsWith(MEMBERS));
  return kind?.length ?? 0;
}
