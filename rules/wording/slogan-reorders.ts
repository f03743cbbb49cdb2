/**
 * Wrong orders of a formulation that the generated classes of slogan-variants.ts leave out,
 * for `slogan-canonical`, each kept narrow so that a writer's own wording stays quiet:
 *
 * - `scopeWordForms`: the scope word 全面 put after the manner word that follows it in a
 *   six-character formulation of the 四个全面 (`从严全面治党` for 全面从严治党, `依法全面
 *   治国` for 全面依法治国). The documents write 全面 first each time (党的二十大报告, 党章
 *   总纲); the general reordering (`reorderedForms`) never moves the first word of a short
 *   phrase, as leading verbs are written in either order in prose (`拓展巩固…`).
 * - `namedReversedForms`: a two-part formulation of four characters a part written the
 *   other way round (`牢记使命、不忘初心`), only where the formulation is itself a name that
 *   another entry quotes (`“不忘初心、牢记使命”主题教育`): its order is the name's. Other
 *   four-and-four pairs (`政治过硬、本领高强`) are often the writer's own couplet and stay
 *   quiet (slogan-variants.ts, REVERSE_HALF_MIN). Only with 、 (the series as quoted): with
 *   ，the two read as the writer's own clauses.
 * - `sharedTailForm`: the first of two parts ending in the same 的 + word written without
 *   it (`习近平总书记党中央、全党的核心地位` for …党中央的核心、全党的核心地位), in the long
 *   wordings of 两个确立 and 两个维护 only (SHARED_TAIL_MIN): reported as the word left out.
 * - `countedPartSeries`: the parts of a counted formulation `N个X` (parts in the source's
 *   order) that are each an X (`政治意识、大局意识、核心意识、看齐意识` of 四个意识, `道路自信、
 *   理论自信、制度自信、文化自信` of 四个自信), as a series whose order slogan-order.ts checks
 *   (all the parts, each once, nothing else). Not their single parts changed: a list of the
 *   writer's own (`政治意识、大局意识、责任意识`) has other parts, which the order check
 *   never reads.
 *
 * Forms are strings of Han characters and 、; offsets in the variants are UTF-16 code units.
 */
import type { SloganEntry } from '../data/slogans';

/**
 * A generated wrong form of the entry `entry` (an index into the entry list given): the fix
 * replaces `fixLen` code units at `fixAt` of the form with `fixText` (the whole form with the
 * canonical one, or an insertion of the words left out).
 */
export interface ReorderForm {
  form: string;
  entry: number;
  kind: 'reordered' | 'reversed' | 'required';
  /** The two words exchanged (`全面、从严`), the words left out (`的核心`), or '' for two halves. */
  word: string;
  fixAt: number;
  fixLen: number;
  fixText: string;
}

/** 全面 + a manner word of two characters + a verb–object of two (全面从严治党, 全面依法治国). */
const SCOPE_FIRST = /^全面(\p{Script=Han}{2})(\p{Script=Han}{2})$/u;
/** Two parts of four Han characters joined by 、 (不忘初心、牢记使命). */
const FOUR_AND_FOUR = /^(\p{Script=Han}{4})、(\p{Script=Han}{4})$/u;

/**
 * The wrong forms of the verified `entries` described in the module doc: `scopeWordForms`
 * and `namedReversedForms`, each with the index of its entry.
 */
export function reorderForms(entries: readonly SloganEntry[]): ReorderForm[] {
  const out: ReorderForm[] = [];
  const names = entries.map((e) => e.canonical);
  entries.forEach((e, entry) => {
    if (!e.verified) return;
    const c = e.canonical;
    const whole = { fixAt: 0, fixText: c };
    for (const x of scopeWordForms(c)) out.push({ ...x, entry, kind: 'reordered', ...whole, fixLen: x.form.length });
    for (const form of namedReversedForms(c, names)) out.push({ form, entry, kind: 'reversed', word: '', ...whole, fixLen: form.length });
    const shared = sharedTailForm(c);
    if (shared) out.push({ form: shared.form, entry, kind: 'required', word: shared.word, fixAt: shared.at, fixLen: 0, fixText: shared.word });
  });
  return out;
}

/** `…A的X、B的X…`: two parts of a formulation that end in the same 的 + word (的核心). */
const SHARED_TAIL = /的(\p{Script=Han}{1,3})、\p{Script=Han}{1,4}的\1/u;
/**
 * Shortest formulation (code units) read for a shared tail written once: the long wordings of
 * 两个确立 and 两个维护, whose name stands right before the first part. The short
 * `党中央的核心、全党的核心` is not: `明确习近平同志为党中央、全党的核心` (红旗文稿, 2017) writes
 * the tail once in a sentence of its own.
 */
const SHARED_TAIL_MIN = 14;

/**
 * `习近平总书记党中央的核心、全党的核心地位` → `习近平总书记党中央、全党的核心地位`: the first
 * part's 的 + word dropped, left to the second (word `的核心`, at the offset where it goes
 * back); null for a formulation without two such parts or shorter than SHARED_TAIL_MIN.
 */
export function sharedTailForm(canonical: string): { form: string; word: string; at: number } | null {
  if (canonical.length < SHARED_TAIL_MIN) return null;
  const m = SHARED_TAIL.exec(canonical);
  if (!m) return null;
  const word = `的${m[1]}`;
  return { form: canonical.slice(0, m.index) + canonical.slice(m.index + word.length), word, at: m.index };
}

/** `全面从严治党` → `从严全面治党` (word `全面、从严`); none for another shape. */
export function scopeWordForms(canonical: string): { form: string; word: string }[] {
  const m = SCOPE_FIRST.exec(canonical);
  if (!m || m[1] === '全面') return [];
  return [{ form: `${m[1]}全面${m[2]}`, word: `全面、${m[1]}` }];
}

/**
 * `不忘初心、牢记使命` → `牢记使命、不忘初心`, when one of `names` (the entries' canonical
 * forms) quotes the formulation as a name (`“不忘初心、牢记使命”主题教育`); else none.
 */
export function namedReversedForms(canonical: string, names: readonly string[]): string[] {
  const m = FOUR_AND_FOUR.exec(canonical);
  if (!m || m[1] === m[2]) return [];
  const quoted = `“${canonical}”`;
  if (!names.some((n) => n !== canonical && n.includes(quoted))) return [];
  return [`${m[2]}、${m[1]}`];
}

/** A counted formulation and the word each part ends with: 四个意识 → 意识. */
const COUNTED_KIND = /^[一二两三四五六七八九十]个(\p{Script=Han}{2})$/u;
/** Shortest and longest part (Han characters) of a counted formulation read as a series. */
const PART_MIN = 3;
const PART_MAX = 8;

/**
 * The counted formulations of `entries` whose parts are each an instance of the counted
 * word (四个意识: 政治意识…看齐意识), three or more different parts of PART_MIN to PART_MAX
 * Han characters: the entry and its parts in the source's order, for the order check.
 */
export function countedPartSeries(entries: readonly SloganEntry[]): { entry: SloganEntry; parts: readonly string[] }[] {
  const out: { entry: SloganEntry; parts: readonly string[] }[] = [];
  for (const entry of entries) {
    const m = COUNTED_KIND.exec(entry.canonical);
    const parts = entry.parts ?? [];
    if (!m || parts.length < 3 || new Set(parts).size !== parts.length) continue;
    const fits = (p: string) => p.length >= PART_MIN && p.length <= PART_MAX && /^\p{Script=Han}+$/u.test(p) && p.endsWith(m[1]);
    if (parts.every(fits)) out.push({ entry, parts });
  }
  return out;
}
