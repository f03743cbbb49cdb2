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
 *   Two halves that share two characters (`人民至上、生命至上`, or the frame of `为党育人、为国育才`) are one formula with a word
 *   varied, in the source's order, and are read the same way without such a name.
 * - `threeWordForms`: a six-character formulation of three two-character words (its `parts`)
 *   with two neighbouring words exchanged (`忠诚担当干净`).
 * - `partNounForms`: in a formulation of three parts or more, a part of a verb and two nouns
 *   with its nouns exchanged, the other parts as written (`学党规党章、学系列讲话…`).
 * - `droppedPartForms`: a series of four three-character parts with a middle part left out
 *   right before 的要求 or 的总要求 (`学思想、强党性、建新功的要求`).
 * - `sharedTailForm`: the first of two parts ending in the same 的 + word written without
 *   it (`习近平总书记党中央、全党的核心地位` for …党中央的核心、全党的核心地位), in the long
 *   wordings of 两个确立 and 两个维护 only (SHARED_TAIL_MIN): reported as the word left out.
 * - `countedPartSeries`: the parts of a counted formulation `N个X` (parts in the source's
 *   order) that are each an X (`政治意识、大局意识、核心意识、看齐意识` of 四个意识, `道路自信、
 *   理论自信、制度自信、文化自信` of 四个自信), as a series whose order slogan-order.ts checks
 *   (all the parts, each once, nothing else). Not their single parts changed: a list of the
 *   writer's own (`政治意识、大局意识、责任意识`) has other parts, which the order check
 *   never reads.
 * - `namedPartSeries`: the parts of any other numbered formulation (`五位一体`: 经济建设…
 *   生态文明建设; 六项纪律, 四风), read as a series only on a line that also names it, where
 *   the writer quotes that formulation: its parts are then the source's, in its order.
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
 * The wrong forms of the verified `entries` described in the module doc, each with the
 * index of its entry.
 */
export function reorderForms(entries: readonly SloganEntry[]): ReorderForm[] {
  const out: ReorderForm[] = [];
  const names = entries.map((e) => e.canonical);
  entries.forEach((e, entry) => {
    if (!e.verified) return;
    const c = e.canonical;
    const whole = { fixAt: 0, fixText: c };
    for (const x of scopeWordForms(c)) out.push({ ...x, entry, kind: 'reordered', ...whole, fixLen: x.form.length });
    for (const x of threeWordForms(c, e.parts ?? [])) out.push({ ...x, entry, kind: 'reordered', ...whole, fixLen: x.form.length });
    for (const x of partNounForms(c)) out.push({ ...x, entry, kind: 'reordered', ...whole, fixLen: x.form.length });
    for (const x of droppedPartForms(c)) if (!names.includes(x.form.slice(0, -x.sequel.length))) out.push({ form: x.form, entry, kind: 'required', word: x.word, fixAt: x.at, fixLen: 0, fixText: `${x.word}、` });
    for (const form of namedReversedForms(c, names)) out.push({ form, entry, kind: 'reversed', word: '', ...whole, fixLen: form.length });
    const shared = sharedTailForm(c);
    if (shared) out.push({ form: shared.form, entry, kind: 'required', word: shared.word, fixAt: shared.at, fixLen: 0, fixText: shared.word });
    for (const x of droppedSharedTailParts(c, names)) out.push({ form: x.form, entry, kind: 'required', word: x.word, fixAt: x.at, fixLen: 0, fixText: x.word });
    const of = sharedTailOfForm(c);
    if (of) out.push({ form: of.form, entry, kind: 'required', word: '的', fixAt: of.at, fixLen: 0, fixText: '的' });
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

/**
 * `习近平总书记党中央的核心、全党的核心地位` → `习近平总书记全党的核心地位` (word `党中央的核心、`)
 * and `习近平总书记党中央的核心地位` (word `、全党的核心`): one of two parallel parts ending in
 * the same 的 + word left out, the other kept with the words around; `at` is where the
 * part goes back. The long wordings of 两个确立 and 两个维护 only (SHARED_TAIL_MIN, as
 * `sharedTailForm`): both parts are the position the formulation names. The forms with both
 * parts gone (`习近平总书记的核心地位`) or written in the writer's own words (`在党中央和全党的
 * 核心地位`) are other strings and stay quiet.
 */
export function droppedSharedTailParts(canonical: string, names: readonly string[]): { form: string; word: string; at: number }[] {
  if (canonical.length < SHARED_TAIL_MIN || !SHARED_TAIL.test(canonical)) return [];
  // The two parts are where they are an entry of their own (党中央的核心、全党的核心): the text
  // cannot say where the first part's head begins after the name (习近平总书记|党中央).
  const pair = names.find((n) => n !== canonical && canonical.includes(n) && SHARED_PAIR.test(n));
  if (pair === undefined) return [];
  const [first, second] = pair.split('、');
  const at = canonical.indexOf(pair);
  const comma = at + first.length;
  return [
    { form: canonical.slice(0, at) + canonical.slice(comma + 1), word: `${first}、`, at },
    { form: canonical.slice(0, comma) + canonical.slice(comma + 1 + second.length), word: `、${second}`, at: comma },
  ];
}

/** Two parts ending in the same 的 + word, and nothing else: `党中央的核心、全党的核心`. */
const SHARED_PAIR = /^\p{Script=Han}{1,4}的(\p{Script=Han}{1,3})、\p{Script=Han}{1,4}的\1$/u;

/**
 * `习近平同志党中央的核心、全党的核心地位` → `习近平同志党中央核心、全党的核心地位`: the first
 * part's 的 dropped while the second keeps it (at: the offset where it goes back); null as for
 * `sharedTailForm`. Both 的 dropped (`党中央核心、全党核心地位`) is the writer's own even wording.
 */
export function sharedTailOfForm(canonical: string): { form: string; at: number } | null {
  if (canonical.length < SHARED_TAIL_MIN) return null;
  const m = SHARED_TAIL.exec(canonical);
  if (!m) return null;
  return { form: canonical.slice(0, m.index) + canonical.slice(m.index + 1), at: m.index };
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
  if (!parallel(m[1], m[2]) && !names.some((n) => n !== canonical && n.includes(quoted))) return [];
  return [`${m[2]}、${m[1]}`];
}

/**
 * Whether two four-character halves share their first or last two characters (`人民至上、
 * 生命至上`, `民政为民、民政爱民`), or their first and third (`为党育人、为国育才`: the frame
 * 为…育… with its words varied): one formula with its words varied, whose order is the
 * source's, not a couplet of the writer's own (`政治过硬、本领高强`, no character shared).
 */
function parallel(a: string, b: string): boolean {
  return a.slice(0, 2) === b.slice(0, 2) || a.slice(2) === b.slice(2) || (a[0] === b[0] && a[2] === b[2]);
}

/**
 * `忠诚干净担当` → `忠诚担当干净`, `干净忠诚担当`: a six-character formulation of three
 * two-character words (its `parts`, which join to it) with two neighbouring words exchanged.
 * The general reordering (`reorderedForms`) reads only formulations of eight characters or
 * more, where the words are found by segmenting; here the entry names its words.
 */
export function threeWordForms(canonical: string, parts: readonly string[]): { form: string; word: string }[] {
  if (canonical.length !== 6 || parts.length !== 3 || parts.join('') !== canonical || parts.some((p) => p.length !== 2)) return [];
  if (new Set(parts).size !== 3 || !/^\p{Script=Han}+$/u.test(canonical)) return [];
  const [a, b, c] = parts;
  return [
    { form: b + a + c, word: `${a}、${b}` },
    { form: a + c + b, word: `${b}、${c}` },
  ];
}

/** A part of a verb and two two-character nouns (学党章党规), the nouns caught as $1 and $2. */
const VERB_TWO_NOUNS = /^\p{Script=Han}(\p{Script=Han}{2})(\p{Script=Han}{2})$/u;

/**
 * `学党章党规、学系列讲话，做合格党员` → `学党规党章、学系列讲话，做合格党员`: in a formulation of
 * three parts or more (joined by 、 or ，), a five-character part of a verb and two nouns
 * with its nouns exchanged, every other part as written; with the source's separators and
 * with 、 throughout (the form writers quote it in). The other parts hold it to the
 * formulation: the part alone (`学党规党章`) is left to the writer.
 */
export function partNounForms(canonical: string): { form: string; word: string }[] {
  const parts = canonical.split(/[、，]/u);
  if (parts.length < 3) return [];
  const out: { form: string; word: string }[] = [];
  let at = 0;
  for (const part of parts) {
    const m = VERB_TWO_NOUNS.exec(part);
    if (m && m[1] !== m[2]) {
      const form = canonical.slice(0, at + 1) + m[2] + m[1] + canonical.slice(at + part.length);
      out.push({ form, word: `${m[1]}、${m[2]}` });
      if (form.includes('，')) out.push({ form: form.replace(/，/gu, '、'), word: `${m[1]}、${m[2]}` });
    }
    at += part.length + 1;
  }
  return out;
}

/** Parts of a series read for one left out: four (a longer one, 把方向、管大局、作决策、促改革、保落实, has shorter wordings of its own for other bodies). */
const DROPPED_PARTS = 4;
/** The words after a series that name it as a whole requirement (`…建新功的总要求`). */
const REQUIREMENT_SEQUELS = ['的要求', '的总要求'];

/**
 * `学思想、强党性、重实践、建新功` → `学思想、强党性、建新功的要求`: a series of four
 * three-character parts (a compact requirement of the source's, quoted whole) with one
 * middle part left out, right before 的要求 or 的总要求, which name it as the whole
 * requirement. Without that sequel a writer may take up a few parts on purpose
 * (`重实践、强党性`), and first or last parts left out are such a choice too: quiet.
 * `at` is where the part goes back (its 、 after it), `word` the part.
 */
export function droppedPartForms(canonical: string): { form: string; word: string; at: number; sequel: string }[] {
  const parts = canonical.split('、');
  if (parts.length !== DROPPED_PARTS || parts.some((p) => p.length !== 3 || !/^\p{Script=Han}+$/u.test(p))) return [];
  const out: { form: string; word: string; at: number; sequel: string }[] = [];
  for (let k = 1; k + 1 < parts.length; k++) {
    const kept = [...parts.slice(0, k), ...parts.slice(k + 1)].join('、');
    const at = parts.slice(0, k).join('、').length + 1;
    for (const sequel of REQUIREMENT_SEQUELS) out.push({ form: kept + sequel, word: parts[k], at, sequel });
  }
  return out;
}

/** A counted formulation and the word each part ends with: 四个意识 → 意识. */
const COUNTED_KIND = /^[一二两三四五六七八九十]个(\p{Script=Han}{2})$/u;
/** Shortest and longest part (Han characters) of a counted formulation read as a series. */
const PART_MIN = 3;
const PART_MAX = 8;
/**
 * Longest part that starts with the counted word (四个全面: 全面建设社会主义现代化国家, 13):
 * the word names each part's scope, and the rest is a long policy name. Within the order
 * check's segment limit (slogan-order.ts SEGMENT_MAX).
 */
const HEAD_PART_MAX = 16;

/**
 * The counted formulations of `entries` whose parts are each an instance of the counted
 * word (四个意识: 政治意识…看齐意识, each of PART_MIN to PART_MAX Han characters ending with
 * it; 四个全面: 全面深化改革…, each of PART_MIN to HEAD_PART_MAX starting with it), three or
 * more different parts: the entry and its parts in the source's order, for the order check.
 */
export function countedPartSeries(entries: readonly SloganEntry[]): { entry: SloganEntry; parts: readonly string[] }[] {
  const out: { entry: SloganEntry; parts: readonly string[] }[] = [];
  for (const entry of entries) {
    const m = COUNTED_KIND.exec(entry.canonical);
    const parts = entry.parts ?? [];
    if (!m || parts.length < 3 || new Set(parts).size !== parts.length) continue;
    const han = (p: string) => p.length >= PART_MIN && /^\p{Script=Han}+$/u.test(p);
    const tail = (p: string) => han(p) && p.length <= PART_MAX && p.endsWith(m[1]);
    const head = (p: string) => han(p) && p.length <= HEAD_PART_MAX && p.startsWith(m[1]);
    if (parts.every(tail) || parts.every(head)) out.push({ entry, parts });
  }
  return out;
}

/** A Han numeral: a formulation holding one counts its parts (五位一体, 六项纪律, 四风). */
const NUMERAL_IN_NAME = /[一二两三四五六七八九十]/u;

/**
 * The numbered formulations of `entries` not counted `N个X` (`countedPartSeries` reads
 * those) whose `parts` are three or more different Han parts of PART_MIN to HEAD_PART_MAX
 * characters (五位一体: 经济建设、政治建设、文化建设、社会建设、生态文明建设): the entry, its
 * parts in the source's order, and its name, which must stand on the line of a run read as
 * this series. Without the name, the same words in another order are often the writer's
 * own list (加强政治建设、经济建设…); with it (…生态文明建设、社会建设“五位一体”总体布局), the
 * writer quotes the formulation and its order is the source's.
 */
export function namedPartSeries(entries: readonly SloganEntry[]): { entry: SloganEntry; parts: readonly string[]; name: string }[] {
  const out: { entry: SloganEntry; parts: readonly string[]; name: string }[] = [];
  for (const entry of entries) {
    const parts = entry.parts ?? [];
    if (COUNTED_KIND.test(entry.canonical) || !NUMERAL_IN_NAME.test(entry.canonical)) continue;
    if (parts.length < 3 || new Set(parts).size !== parts.length) continue;
    if (parts.every((p) => p.length >= PART_MIN && p.length <= HEAD_PART_MAX && /^\p{Script=Han}+$/u.test(p))) out.push({ entry, parts, name: entry.canonical });
  }
  return out;
}
