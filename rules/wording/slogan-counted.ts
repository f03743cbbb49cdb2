/**
 * Another number in a quoted number-named formulation that goes on (`“三个全面”战略布局` for
 * “四个全面”战略布局, `“两个代表”重要思想`), for slogan-variants.ts (kind `count`). The words
 * after the quotation make it one formulation, so the number is part of its name whatever the
 * length of the word after 个: `“三个全面”` alone may be a summary of the writer's own, but not
 * before 战略布局. Generated with the quotation marks (the number fixed) and without them
 * (fixed whole: two slips at once). The rule excuses it after 第 or another numeral and before
 * a colon, as for every `count` form (slogan-search.ts).
 */

/** A quoted number-named formulation followed by more Han words: “四个全面”战略布局 → number, word, the words after. */
const QUOTED_COUNTED = /^“([一二两三四五六七八九十]{1,3})个(\p{Script=Han}{2,})”(\p{Script=Han}{2,})$/u;
/** The numbers put in place of a formulation's own. */
const NUMERALS = ['一', '两', '三', '四', '五', '六', '七', '八', '九', '十'];
/** Words that count anything (三个方面成就): no other number is a misquote. */
const GENERIC = /^方面/u;

/** One wrong form: `form[fixAt, fixAt + fixLen)` is replaced by `fixText` to fix it; `word` is the wrong number. */
export interface CountForm {
  form: string;
  fixAt: number;
  fixLen: number;
  fixText: string;
  word: string;
}

/**
 * The forms of `canonical` (“N个X”Y, X and Y Han words) with each other number from 一 to 十,
 * quoted and unquoted; none for any other shape of formulation.
 */
export function continuedCountForms(canonical: string): CountForm[] {
  const m = QUOTED_COUNTED.exec(canonical);
  if (!m || GENERIC.test(m[2])) return [];
  const [, own, word, rest] = m;
  const out: CountForm[] = [];
  for (const n of NUMERALS) {
    if (n === own) continue;
    out.push({ form: `“${n}个${word}”${rest}`, fixAt: 1, fixLen: n.length, fixText: own, word: n });
    const bare = `${n}个${word}${rest}`;
    out.push({ form: bare, fixAt: 0, fixLen: bare.length, fixText: canonical, word: n });
  }
  return out;
}
