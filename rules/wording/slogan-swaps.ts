/**
 * Misquotes of a formulation made by moving its own words (slogan-variants.ts generates them
 * with the other classes): two verb–object parts with their verbs or objects exchanged
 * (`swappedForms`), two halves or a series' neighbouring parts in the other order
 * (`reversedForms`), two neighbouring words exchanged (`reorderedForms`). Every part still
 * reads, so neither the one-edit near-miss search nor the homophones see these.
 */

const isAllHan = (s: string): boolean => /^\p{Script=Han}+$/u.test(s);

/** Two parts of four Han characters each, verb and object of two each: 不忘初心、牢记使命. */
const TWO_PAIRS = /^(\p{Script=Han}{2})(\p{Script=Han}{2})、(\p{Script=Han}{2})(\p{Script=Han}{2})$/u;

/**
 * A formulation of two verb–object parts (`不忘初心、牢记使命`) with its verbs exchanged
 * (`牢记初心、不忘使命`), or its objects (`不忘使命、牢记初心`), with 、 or ，between: each
 * part still reads, so neither the near-miss search (one edit) nor the homophones see it.
 * Not when the verbs or the objects are the same (`敢于斗争、善于斗争`: only the order changes).
 */
export function swappedForms(canonical: string): string[] {
  const m = TWO_PAIRS.exec(canonical);
  if (!m || m[1] === m[3] || m[2] === m[4]) return [];
  const forms = [`${m[3]}${m[2]}、${m[1]}${m[4]}`, `${m[1]}${m[4]}、${m[3]}${m[2]}`];
  return [...forms, ...forms.map((f) => f.replace('、', '，'))];
}

/**
 * The two halves of a formulation of two parts (`党中央的核心、全党的核心`, `不忘初心、牢记使命`)
 * in the other order, each with 、 and with ，: both halves are still the formulation's own
 * words, so no one-edit comparison sees it. Only for two all-Han halves of 3 characters or
 * more joined by one 、 or ，(a third part, a quotation mark or a short half is no such
 * formulation); a reversed form that reads the same (`敢于斗争、善于斗争` has none) is never
 * made, and one that is itself correct text is dropped by the caller. `series`: whether
 * `canonical` is a series of short parts (slogan-variants.ts `isSeries`), whose neighbouring
 * parts are exchanged instead.
 */
export function reversedForms(canonical: string, series: boolean): string[] {
  if (series) return seriesSwaps(canonical);
  const join = ['、', '，'].find((j) => canonical.includes(j));
  if (join === undefined) return [];
  const halves = canonical.split(join);
  if (halves.length !== 2) return [];
  const [a, b] = halves;
  if (!isAllHan(a) || !isAllHan(b) || a.length < REVERSE_HALF_MIN || b.length < REVERSE_HALF_MIN || a === b) return [];
  return [`${b}、${a}`, `${b}，${a}`];
}

/**
 * A series of three or more short parts (`不敢腐、不能腐、不想腐`, isSeries) with two
 * neighbouring parts exchanged (`不敢腐、不想腐、不能腐`): every part is the series' own, in
 * another order. Its order is part of the formulation (the documents give it as written).
 */
function seriesSwaps(canonical: string): string[] {
  const parts = canonical.split('、');
  const out: string[] = [];
  for (let k = 0; k + 1 < parts.length; k++) {
    if (parts[k] === parts[k + 1]) continue;
    const swapped = [...parts];
    [swapped[k], swapped[k + 1]] = [swapped[k + 1], swapped[k]];
    out.push(swapped.join('、'));
  }
  return out;
}

/**
 * Shortest half (Han characters) of a formulation whose reversed order is a misquote. Two
 * parallel halves of four (`政治过硬、本领高强`, `以史为鉴、开创未来`) read as the writer's own
 * pair of phrases in either order; longer halves are quoted, not composed.
 */
const REVERSE_HALF_MIN = 5;

/**
 * Two neighbouring words of the formulation `canonical` exchanged (`习近平新时代中国社会主义特色
 * 思想`: 特色 and 社会主义), given its `words` in order (they must join to `canonical`). Only
 * words of two characters or more (a single character moved is a swap of neighbours, which
 * the near-miss search reports). For a phrase (not `exact`) neither its first word nor its
 * last: a phrase's leading verbs are written in either order in ordinary prose (`拓展巩固…`,
 * `贯彻学习…`), and its last two words exchanged often read as prose of their own
 * (`全面从严治党责任主体`: the bearer of the duty; `…的导向鲜明`); a fixed name has one order.
 * `word` names the two words (`特色、社会主义`).
 */
export function reorderedForms(canonical: string, words: readonly string[], exact: boolean): { form: string; word: string }[] {
  if (words.join('') !== canonical) return [];
  const out: { form: string; word: string }[] = [];
  const end = exact ? words.length - 1 : words.length - 2;
  for (let k = exact ? 0 : 1; k < end; k++) {
    const [a, b] = [words[k], words[k + 1]];
    if (a.length < 2 || b.length < 2 || a === b) continue;
    out.push({ form: [...words.slice(0, k), b, a, ...words.slice(k + 2)].join(''), word: `${a}、${b}` });
  }
  return out;
}

/**
 * Two words joined by 和 exchanged, in a formulation that goes on after them with the word
 * both qualify (`先进性和纯洁性建设` → `纯洁性和先进性建设`), given its `words` in order (they
 * must join to `canonical`). Only two words of one length, CONJOINED_MIN characters or more,
 * with a word after them: the qualities of one head, named in the source's order. Two words
 * that end the formulation (`初心和使命`, `发展和安全`) are often the writer's own pair of
 * nouns in prose, in either order, and are left out; so are words of unequal length (`党风廉政
 * 建设和反腐败斗争`) and two-character words, everyday pairs written either way round (`纪律和
 * 规矩`, `权限和程序`), which ICU also cuts out of longer conjuncts (`治理|体系和治理|能力`).
 * `word` names the two words (`先进性、纯洁性`).
 */
export function conjoinedForms(canonical: string, words: readonly string[]): { form: string; word: string }[] {
  if (words.join('') !== canonical) return [];
  const out: { form: string; word: string }[] = [];
  for (let k = 1; k + 2 < words.length; k++) {
    if (words[k] !== '和') continue;
    const [a, b] = [words[k - 1], words[k + 1]];
    if (a.length < CONJOINED_MIN || a.length !== b.length || a === b || !isAllHan(a + b)) continue;
    out.push({ form: [...words.slice(0, k - 1), b, '和', a, ...words.slice(k + 2)].join(''), word: `${a}、${b}` });
  }
  return out;
}

/** Shortest word (Han characters) exchanged about 和 (`conjoinedForms`). */
const CONJOINED_MIN = 3;
