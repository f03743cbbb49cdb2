/**
 * The wrong forms of the formulations in rules/data/slogans.yaml, generated from what each
 * entry says applies to it (see slogans.ts), for `slogan-canonical`:
 *
 * - `listed`: the entry's own `variants`, written by hand;
 * - `required`: a `required` word dropped (the leader's name, 重要), alone or with the
 *   required quotation marks (`七一讲话精神` for `“七一”重要讲话精神`); or, in a fixed name
 *   (`exact`) of 12 characters or more, any two neighbouring characters but the first and
 *   last two (`习近平新时代中国特色社会思想`);
 * - `quotes`: required quotation marks left out (`七一重要讲话精神`);
 * - `session`: a congress and a plenary session confused, 届 for 大 or the other way round,
 *   or the character dropped (`十九大四中全会`, `党的二十届精神`);
 * - `pair`: the name of one formulation of a pair with a word that belongs to the other
 *   (`做到“两个确立”`: 做到 goes with 两个维护), or to another of its series (`siblings`:
 *   `做到“四个意识”`), also with 了 after the verb (`做到了“两个确立”`);
 * - `split`: quotation marks around a part of an unquoted formulation (`“全面从严”治党`),
 *   or around each half on its own (`“三会”“一课”`, fixed to `“三会一课”`),
 *   unless that part is itself a formulation (a quoted formulation inside a longer one);
 * - `separator`: one 顿号 of a series of three or more short parts dropped, the others kept
 *   (`把方向、管大局保落实`, `把方向管大局、保落实` for 把方向、管大局、保落实): the series
 *   written two ways at once. With ALL its 顿号 dropped the series is quiet: the fully
 *   run-together form is established usage (official newspapers write `学纪知纪明纪守纪`,
 *   `把方向管大局保落实`), a compressed name rather than a slip;
 * - `measure`: another measure word in a number-named formulation that counts with 个
 *   (`四种意识`, `两项维护` for 四个意识, 两个维护); only for entries with `parts`, the
 *   number-named ones, so `四种形态` (its own entry) is never touched;
 * - `numeral`: 二 for 两 in a number-named formulation (`四议二公开`, `二个确立`): a count
 *   before a measure word or a verb is written 两 in these names. Only for entries with
 *   `parts`; the rule excuses it after 第 or another numeral (`第二个…`, `十二个…`). Also
 *   the count of an N个X name in Arabic digits (`“4个意识”`), counted only where the text
 *   names it: quoted, or after its verb (增强4个意识，);
 * - `outdated`: a superseded wording after one of the entry's `before` words or before one of
 *   its `after` words (`坚定“三个自信”`, `“四位一体”总体布局`
 *   for 坚定“四个自信”); the rule reports it only on a line that also names one of the
 *   entry's `outdated_with` formulations (slogan-search.ts), which dates the text;
 * - `inserted`: a word of the data's `inserted_words` put before 思想 in a named thought, an
 *   `exact` entry of the form 习近平…思想 (`习近平生态文明建设思想`): the field's everyday
 *   phrase (生态文明建设) run into the name; or 新时代 put after 习近平 (`习近平新时代文化思想`).
 * - `near`: a word of the formulation replaced by a near word of the data's `near_words`
 *   (`不忘初衷、牢记使命`, `全面从紧治党`, `第一课题`): one character apart and close in
 *   meaning, neither a homophone nor a look-alike; or 总书记 put for the name in 习近平同志
 *   (`以总书记同志为核心的党中央`). The rule counts a form shorter than 6
 *   only where the text names the formulation (slogan-search.ts);
 * - `count`: another number in a formulation counted with 个 whose word is three characters
 *   or more (`五个必须坚持` for 六个必须坚持): such a word names one summary, and its number
 *   is part of the name. Shorter words (`十个坚持`, `四个意识`) are left out: many summaries
 *   share them, each with its own number. The rule excuses it after 第 or another numeral
 *   (`第五个必须坚持`, `十五个…`) and before a colon (the writer's own list follows). A
 *   shorter word is given them only in an entry with a `pair` (`五个意识` for 四个意识), and
 *   the rule counts it only in a sentence that names the pair (`增强“五个意识”、坚定“四个
 *   自信”`): the series of the pair's names dates and places it;
 *   a quoted one that goes on (`“三个全面”战略布局`) whatever its word's length
 *   (slogan-counted.ts);
 * - `exchanged`: the verbs (or the objects) of a formulation of two verb–object parts
 *   exchanged (`牢记初心、不忘使命` for 不忘初心、牢记使命), or the last words of two
 *   parallel halves after their shared verb (`为中国人民谋复兴，为中华民族谋幸福`:
 *   exchangedForms);
 * - `reversed`: the two halves of a two-part formulation in the wrong order (`全党的核心、
 *   党中央的核心` for 党中央的核心、全党的核心), or two neighbouring parts of a series of three
 *   or more (`不敢腐、不想腐、不能腐`): reversedForms;
 * - `comma`: the 顿号 of a quoted series inside a longer name written as commas
 *   (`“不忘初心，牢记使命”主题教育`): quotedCommaForms;
 * - `reordered`: two neighbouring words of a long formulation exchanged
 *   (`习近平新时代中国社会主义特色思想`): reorderedForms, from the words the caller's
 *   segmenter finds (the index builder's: ICU's words joined by the common-word list);
 * - `omitted`: a joining word of two characters dropped (`中央八项规定实施细则精神` for
 *   …及其实施细则精神), JOINING_WORDS.
 *
 * Each wrong form carries the smallest fix that makes it right (`fixAt`, `fixLen`: the part
 * of the form to replace; `fixText`: what replaces it). A form that lies inside correct text
 * (the name-less `新时代中国特色社会主义思想` inside the full name) is still generated: the
 * rule checks, at a hit, that no correct phrase contains it there.
 */
import { siblingForms } from './slogan-siblings';
import { continuedCountForms } from './slogan-counted';
import { nearWordSpan, type SloganEntry } from '../data/slogans';
import { reorderForms } from './slogan-reorders';
import { conjoinedForms, reorderedForms, reversedForms, swappedForms } from './slogan-swaps';
import { pairForms } from './slogan-pairs';

/** How a wrong form departs from its formulation (the kinds listed in the module doc above). */
export type VariantKind = 'listed' | 'required' | 'quotes' | 'nameQuotes' | 'session' | 'pair' | 'split' | 'measure' | 'separator' | 'numeral' | 'outdated' | 'inserted' | 'near' | 'count' | 'exchanged' | 'reversed' | 'reordered' | 'omitted' | 'comma';

/** One wrong form of an entry. */
export interface Variant {
  /** The exact wrong text. */
  form: string;
  /** Index of its entry in the list given to `generateVariants`. */
  entry: number;
  kind: VariantKind;
  /** `form[fixAt, fixAt + fixLen)` is replaced by `fixText` to fix it. */
  fixAt: number;
  fixLen: number;
  fixText: string;
  /** For `required`: the dropped word; for `pair`: the word that belongs to the pair; for `near`: the near word; for `count`: the wrong number; for `exchanged`: the two words, `人、才`. */
  word: string;
}

/** Shortest and longest formulation whose parts may be found split by quotation marks. */
const SPLIT_MIN = 4;
const SPLIT_MAX = 12;

const unquote = (s: string): string => s.replace(/[“”]/g, '');
/** A number-named formulation counted with 个: 两个确立, 十四个坚持. */
const COUNTED = /^([一二两三四五六七八九十]{1,3})个(.{2,})$/u;
/** Measure words written in place of 个 (量词). */
const OTHER_MEASURES = ['种', '项', '大', '条'];
/** A named thought: 习近平 and its field before 思想 (习近平生态文明思想). */
const NAMED_THOUGHT = /^(习近平\p{Script=Han}{2,})思想$/u;
/** The name opening a named thought, and the era word writers run in after it. */
const NAME = '习近平';
const ERA = '新时代';
/** The name as the formulations of 两个确立 and 以…为核心的党中央 write it, and the title writers put in its place. */
const NAMED_COMRADE = '习近平同志';
const TITLE = '总书记';
const isAllHan = (s: string): boolean => /^\p{Script=Han}+$/u.test(s);
/** The numbers a `count` misquote puts in place of a formulation's own. */
const COUNT_NUMERALS = ['一', '两', '三', '四', '五', '六', '七', '八', '九', '十'];
/** Shortest word (Han characters after 个) of a formulation given `count` misquotes. */
const COUNT_WORD_MIN = 3;
/** Words that count anything (三个方面成就 is ordinary counting, not 十三个方面成就 misquoted): no `count` misquote. */
const COUNT_GENERIC = /^方面/u;

/**
 * Joining words of two characters inside a formulation (及其: 中央八项规定及其实施细则精神,
 * 《中国共产党纪律处分条例》2024): dropped, the formulation names only what follows them
 * (kind `omitted`).
 */
const JOINING_WORDS = ['及其'];

/**
 * Every wrong form of `entries` (unverified entries excluded: they raise no finding),
 * without duplicates: a form is kept once, with the first entry and class that made it,
 * and never when it is itself a canonical form or a correct phrase.
 *
 * @param entries the dictionary's entries
 * @param good canonical forms and correct phrases: never generated as wrong forms
 * @param insertedWords the data's `inserted_words` (see `inserted`)
 * @param nearWords the data's `near_words`, [word, near] pairs (see `near`)
 * @param words the words of a formulation in order (see `reordered`); none by default
 */
export function generateVariants(
  entries: readonly SloganEntry[],
  good: ReadonlySet<string>,
  insertedWords: readonly string[] = [],
  nearWords: readonly (readonly [string, string])[] = [],
  words: (canonical: string) => readonly string[] = () => [],
): Variant[] {
  const out: Variant[] = [];
  const seen = new Set<string>();
  const add = (v: Variant): void => {
    if (v.form.length < 2 || seen.has(v.form) || good.has(v.form)) return;
    seen.add(v.form);
    out.push(v);
  };
  const byName = new Map(entries.map((e, i) => [e.canonical, i]));

  entries.forEach((e, i) => {
    if (!e.verified) return;
    const c = e.canonical;
    const whole = (form: string, kind: VariantKind, word = ''): Variant => ({ form, entry: i, kind, fixAt: 0, fixLen: form.length, fixText: c, word });
    for (const form of e.variants) add(whole(form, 'listed'));
    for (const word of e.required) {
      const dropped = c.replace(word, '');
      add(whole(dropped, 'required', word));
      if (e.quoted) add(whole(unquote(dropped), 'required', word));
    }
    if (e.quoted && c.includes('“')) add(whole(unquote(c), 'quotes'));
    const commaIsSlip = quotedCommaForms(c).length > 0;
    for (const form of quotedCommaForms(c)) add(whole(form, 'comma'));
    // A numbered name the source quotes after its verb or before its sequel (做到“两个维护”,
    // 深刻领悟“两个确立”的决定性意义), written bare there: the quotes are added by the fix.
    for (const w of e.unquotedAfter) add({ form: w + c, entry: i, kind: 'nameQuotes', fixAt: w.length, fixLen: c.length, fixText: `“${c}”`, word: w });
    for (const w of e.unquotedBefore) add({ form: c + w, entry: i, kind: 'nameQuotes', fixAt: 0, fixLen: c.length, fixText: `“${c}”`, word: w });
    for (const form of sessionForms(c)) add(whole(form, 'session'));
    pairForms(entries, byName, i, add);
    for (const form of separatorForms(c)) add(whole(form, 'separator'));
    for (const x of exchangedForms(c)) add(whole(x.form, 'exchanged', x.word));
    const counted = e.parts.length > 0 ? COUNTED.exec(c) : null;
    if (counted) for (const w of OTHER_MEASURES) add(whole(`${counted[1]}${w}${counted[2]}`, 'measure', w));
    if (e.parts.length > 0 && c.includes('两') && c.length >= 4) {
      for (let at = c.indexOf('两'); at !== -1; at = c.indexOf('两', at + 1)) {
        const form = c.slice(0, at) + '二' + c.slice(at + 1);
        add({ form, entry: i, kind: 'numeral', fixAt: at, fixLen: 1, fixText: '两', word: '二' });
      }
    }
    // The count written in Arabic digits (`“4个意识”`, `2个维护`): the name is spelled in
    // Chinese numerals wherever the Party's documents write it (党章总纲: 增强“四个意识”). The
    // rule counts it only where the text names the formulation (slogan-excuses.ts).
    const digitCount = e.parts.length > 0 ? /^([一两三四五六七八九十])个(\p{Script=Han}{2,})$/u.exec(c) : null;
    if (digitCount) {
      const digit = String('一两三四五六七八九十'.indexOf(digitCount[1]) + 1);
      add({ form: `${digit}个${digitCount[2]}`, entry: i, kind: 'numeral', fixAt: 0, fixLen: digit.length, fixText: digitCount[1], word: digit });
    }
    for (const old of e.outdated) {
      for (const name of [`“${old}”`, old]) {
        const at = name === old ? 0 : 1;
        const quotedHere = (w: string): string => (name === old && e.unquotedAfter.includes(w) ? `“${c}”` : c);
        for (const w of e.before) add({ form: w + name, entry: i, kind: 'outdated', fixAt: w.length + at, fixLen: old.length, fixText: quotedHere(w), word: old });
        // Before the formulation's own sequel too (`“四位一体”总体布局`); a name before its sequel
        // is quoted (“五位一体”总体布局), so the bare old count is fixed to the quoted name.
        for (const w of e.after) {
          if (name === old) add({ form: name + w, entry: i, kind: 'outdated', fixAt: 0, fixLen: old.length, fixText: `“${c}”`, word: old });
          else add({ form: name + w, entry: i, kind: 'outdated', fixAt: at, fixLen: old.length, fixText: c, word: old });
        }
      }
    }
    for (const [word, near] of nearWords) {
      for (let at = c.indexOf(word); at !== -1; at = c.indexOf(word, at + 1)) {
        // Only the characters that differ are fixed (one for 初衷, two for 继承人, the two of
        // 力量 by the one of 军): the rest of the word is the text's own.
        const { k, wordEnd, nearEnd } = nearWordSpan(word, near);
        const fix = { fixAt: at + k, fixLen: nearEnd - k, fixText: word.slice(k, wordEnd) };
        const form = c.slice(0, at) + near + c.slice(at + word.length);
        add({ form, entry: i, kind: 'near', ...fix, word: near });
        // Two parts joined by 、 are as often written with ，(不忘初衷，牢记使命).
        // In a quoted series inside a longer name the comma is a slip of its own (`comma`): the
        // whole form is fixed, commas and all.
        if (form.includes('、')) {
          const commas = form.replaceAll('、', '，');
          add({ form: commas, entry: i, kind: 'near', ...(commaIsSlip ? { fixAt: 0, fixLen: commas.length, fixText: c } : fix), word: near });
        }
      }
    }
    // A joining word of two characters dropped (中央八项规定实施细则精神 for 中央八项规定及其实施
    // 细则精神): the formulation then names the second thing alone (the 细则's spirit, not the
    // rules and their 细则). One dropped character is a near miss already; two are not.
    for (const w of JOINING_WORDS) {
      const at = c.indexOf(w);
      if (at > 0 && at + w.length < c.length) add({ form: c.slice(0, at) + c.slice(at + w.length), entry: i, kind: 'omitted', fixAt: at, fixLen: 0, fixText: w, word: w });
    }
    // A near word in a listed wrong form too (以习近平总书记为中心的党中央: the title for 同志
    // and 中心 for 核心): two slips at once, fixed to the whole formulation.
    for (const listed of e.variants) {
      for (const [word, near] of nearWords) if (listed.includes(word)) add(whole(listed.replace(word, near), 'listed'));
    }
    const numbered = COUNTED.exec(c);
    // A short word (四个意识) only for an entry with a pair: the misquote counts only beside
    // the pair's name (slogan-search.ts), never a superseded wording (三个自信).
    const longWord = numbered !== null && numbered[2].length >= COUNT_WORD_MIN;
    if (numbered && isAllHan(numbered[2]) && (longWord || e.pair !== null) && !COUNT_GENERIC.test(numbered[2])) {
      for (const n of COUNT_NUMERALS) {
        const form = `${n}个${numbered[2]}`;
        if (n === numbered[1] || e.outdated.includes(form)) continue;
        add({ form, entry: i, kind: 'count', fixAt: 0, fixLen: n.length, fixText: numbered[1], word: n });
      }
    }
    for (const x of continuedCountForms(c)) add({ ...x, entry: i, kind: 'count' });
    for (const form of swappedForms(c)) add({ form, entry: i, kind: 'exchanged', fixAt: 0, fixLen: form.length, fixText: form.includes('，') && !commaIsSlip ? c.replace('、', '，') : c, word: '' });
    for (const form of reversedForms(c, isSeries(c))) add({ form, entry: i, kind: 'reversed', fixAt: 0, fixLen: form.length, fixText: form.includes('，') && c.includes('、') && !commaIsSlip ? c.replace('、', '，') : c, word: '' });
    if (isAllHan(c) && c.length >= REORDER_MIN) for (const x of reorderedForms(c, words(c), e.exact)) add(whole(x.form, 'reordered', x.word));
    // Two qualities joined by 和 before their head, exchanged (`纯洁性和先进性建设`).
    if (isAllHan(c) && c.includes('和')) for (const x of conjoinedForms(c, words(c))) add(whole(x.form, 'reordered', x.word));
    // The title put in the name's place (`以总书记同志为核心的党中央`, `以总书记为核心…`): the
    // formulations that name 习近平同志 name the person, and the title takes no 同志 after it.
    for (let at = c.indexOf(NAMED_COMRADE); at !== -1; at = c.indexOf(NAMED_COMRADE, at + 1)) {
      add({ form: c.slice(0, at) + TITLE + '同志' + c.slice(at + NAMED_COMRADE.length), entry: i, kind: 'near', fixAt: at, fixLen: TITLE.length, fixText: NAME, word: TITLE });
      add({ form: c.slice(0, at) + TITLE + c.slice(at + NAMED_COMRADE.length), entry: i, kind: 'near', fixAt: at, fixLen: TITLE.length, fixText: NAMED_COMRADE, word: TITLE });
    }
    const thought = e.exact ? NAMED_THOUGHT.exec(c) : null;
    if (thought) {
      for (const w of insertedWords) {
        const form = `${thought[1]}${w}思想`;
        add({ form, entry: i, kind: 'inserted', fixAt: thought[1].length, fixLen: w.length, fixText: '', word: w });
      }
      // 新时代 run in after the name (`习近平新时代文化思想`): the words of the one thought
      // named with the era (习近平新时代中国特色社会主义思想) lent to a field's thought, whose
      // name never holds them (习近平文化思想, 2023; 习近平法治思想, 2020).
      const field = thought[1].slice(NAME.length);
      if (!field.startsWith(ERA)) {
        add({ form: `${NAME}${ERA}${field}思想`, entry: i, kind: 'inserted', fixAt: NAME.length, fixLen: ERA.length, fixText: '', word: ERA });
      }
    }
    // Two neighbouring characters left out of a long fixed name (`习近平新时代中国特色社会
    // 思想`: 主义 dropped), two characters kept at each end so the remainder still names it.
    // Fixed names only: a two-character word dropped from a long descriptive formulation is
    // often a correct phrase of its own (全心全意为人民服务的宗旨 of …的根本宗旨).
    if (e.exact && isAllHan(c) && c.length >= DROP_TWO_MIN) {
      for (let k = 2; k + 2 <= c.length - 2; k++) {
        const word = c.slice(k, k + 2);
        add({ form: c.slice(0, k) + c.slice(k + 2), entry: i, kind: 'required', fixAt: k, fixLen: 0, fixText: word, word });
      }
    }
    if (!e.quoted && c.length >= SPLIT_MIN && c.length <= SPLIT_MAX && isAllHan(c)) {
      for (let k = 2; k <= c.length - 2; k++) {
        const head = c.slice(0, k);
        const tail = c.slice(k);
        if (!good.has(head)) add(whole(`“${head}”${tail}`, 'split'));
        if (!good.has(tail)) add(whole(`${head}“${tail}”`, 'split'));
        // Each half quoted on its own (`“三会”“一课”`): one formulation read as two; the
        // quotation marks go around the whole.
        if (!good.has(head) && !good.has(tail)) {
          const form = `“${head}”“${tail}”`;
          add({ form, entry: i, kind: 'split', fixAt: 0, fixLen: form.length, fixText: `“${c}”`, word: '' });
        }
      }
    }
  });
  // Another member of a list of sibling formulations in one's frame (以党的思想建设为统领).
  for (const f of siblingForms(entries)) add({ form: f.form, entry: f.entry, kind: 'near', fixAt: f.at, fixLen: f.word.length, fixText: f.fixText, word: f.word });
  // 全面 moved (`从严全面治党`), a named pair reversed (`牢记使命、不忘初心`), a shared tail
  // written once (`习近平总书记党中央、全党的核心地位`): slogan-reorders.ts.
  for (const x of reorderForms(entries)) add(x);
  return out;
}

/**
 * A quoted series inside a longer name (`“不忘初心、牢记使命”主题教育`, `《习近平关于“不忘初心、牢记使命”
 * 论述摘编》`) with its 顿号 written as commas: the quotation marks make it the name of the campaign
 * or the book, which its document writes with 、 (pages corpus: university branches write
 * `“不忘初心，牢记使命”主题教育` beside the right form, the congress's theme 不忘初心，牢记使命 read
 * into the name). The series alone, unquoted or quoted whole, is left to slogan-spacing: as
 * prose the comma may be the theme's own. Returns no form for a name without such a series.
 */
export function quotedCommaForms(c: string): string[] {
  const m = /“([^”]*、[^”]*)”/u.exec(c);
  if (m === null || m[0].length === c.length) return [];
  return [c.slice(0, m.index) + `“${m[1].replaceAll('、', '，')}”` + c.slice(m.index + m[0].length)];
}

/** Shortest fixed name (`exact`, Han characters) given misquotes with two neighbouring characters left out. */
const DROP_TWO_MIN = 12;
/** Shortest formulation (Han characters) whose neighbouring words exchanged are a misquote: shorter ones are everyday phrases. */
const REORDER_MIN = 8;

/** Longest part of a series whose dropped 顿号 is a misquote (`以国内大循环为主体、…` is no series of parts). */
const SERIES_PART_MAX = 8;
/** Most parts of a series whose mixed forms are generated (2^(n-1) - 2 of them). */
const SERIES_PARTS_MAX = 8;

/**
 * Whether `canonical` is a series: three to SERIES_PARTS_MAX parts of 2 to SERIES_PART_MAX
 * Han characters joined by 、 (`把方向、管大局、保落实`, `以学铸魂、以学增智、以学正风、以学促干`).
 * Two parts run together are a name in wide use (不忘初心牢记使命专栏): three or more only.
 */
export function isSeries(canonical: string): boolean {
  const parts = canonical.split('、');
  return parts.length >= 3 && parts.length <= SERIES_PARTS_MAX && parts.every((p) => p.length >= 2 && p.length <= SERIES_PART_MAX && isAllHan(p));
}

/**
 * The forms of a series of three or more short Han parts joined by 、 (`把方向、管大局、保落实`)
 * with one of its 顿号 dropped and the others kept (`把方向管大局、保落实`): inconsistent
 * within one series, so a slip. Not the form with all of them dropped (`把方向管大局保落实`,
 * `学纪知纪明纪守纪`): run together as one compressed name, it is established usage (the
 * Party's newspapers print it so). None for two parts, a canonical form with other
 * punctuation or a long part.
 */
function separatorForms(canonical: string): string[] {
  if (!isSeries(canonical)) return [];
  const parts = canonical.split('、');
  const forms: string[] = [];
  // Each mix of dropped and kept 顿号 (bit k set: the k-th dropped), neither none nor all:
  // at most 2^7 - 2 forms for the longest series read (SERIES_PARTS_MAX).
  const gaps = parts.length - 1;
  for (let mask = 1; mask < (1 << gaps) - 1; mask++) {
    let form = parts[0];
    for (let k = 0; k < gaps; k++) form += ((mask >> k) & 1 ? '' : '、') + parts[k + 1];
    forms.push(form);
  }
  return forms;
}

/**
 * The two halves of a parallel formulation (`为党育人、为国育才`; `为中国人民谋幸福，为中华民族
 * 谋复兴`) with their last words exchanged (`为党育才、为国育人`): two all-Han halves joined by
 * one 、 or ，, the same character (the shared verb, 育 or 谋) right before a last word of one
 * or two characters, the two last words different. Each form also with the other joining mark.
 * `word` names the exchanged words (`人、才`).
 */
export function exchangedForms(canonical: string): { form: string; word: string }[] {
  const joins = ['、', '，'];
  const join = joins.find((j) => canonical.includes(j));
  if (join === undefined) return [];
  const halves = canonical.split(join);
  if (halves.length !== 2) return [];
  const [a, b] = halves;
  if (!isAllHan(a) || !isAllHan(b)) return [];
  const out: { form: string; word: string }[] = [];
  for (const n of [1, 2]) {
    if (a.length < n + 2 || b.length < n + 2) continue;
    const tailA = a.slice(-n);
    const tailB = b.slice(-n);
    if (tailA === tailB || a[a.length - n - 1] !== b[b.length - n - 1]) continue;
    for (const j of joins) out.push({ form: a.slice(0, -n) + tailB + j + b.slice(0, -n) + tailA, word: `${tailA}、${tailB}` });
  }
  return out;
}

/**
 * The session misnamings of `canonical`: for a plenary session `X届N中全会`, `X大N中全会`,
 * `X次N中全会` and `XN中全会` (and so for the sessions of one term, `X届历次全会`:
 * `X大历次全会`); for the X-th congress `X大` followed by more text (精神, 报告), `X届…` and
 * `X…`. Only congress numbers (十一 to 二十二) count, so `四大考验` is left alone, and a
 * bare `党的二十大` yields nothing (`党的二十` starts much correct text).
 */
function sessionForms(canonical: string): string[] {
  const forms: string[] = [];
  const plenum = /(十[一二三四五六七八九]|二十[一二]?)届([一二三四五六七八九]中全会|历次全会)/u.exec(canonical);
  if (plenum) {
    const head = canonical.slice(0, plenum.index) + plenum[1];
    const tail = canonical.slice(plenum.index + plenum[1].length + 1);
    // 次 for 届 too: 二十次三中全会 (a plenary session counted like a meeting).
    forms.push(`${head}大${tail}`, `${head}次${tail}`, head + tail);
  }
  const congress = /(十[一二三四五六七八九]|二十[一二]?)大/u.exec(canonical);
  if (congress) {
    const head = canonical.slice(0, congress.index) + congress[1];
    const tail = canonical.slice(congress.index + congress[1].length + 1);
    if (tail.length >= 2 && !/^[一二三四五六七八九]中/u.test(tail)) forms.push(`${head}届${tail}`, head + tail);
  }
  return forms;
}
