/**
 * Whether the items of an enumeration are the members of a known formulation
 * (rules/data/slogans.yaml): `做有理想信念、有道德情操、有扎实学识、有仁爱之心的好老师` under a
 * count “三有” lists the four members of 四有好老师. The list is then the formulation's own
 * and the numeral before it is a misquoted name, slogan-canonical's finding; enumeration-count
 * does not count the members against it (one slip, one warning, from the rule that knows it).
 */
import { slogans } from '../data/slogans';

/** The members of each verified formulation with two or more, split at its 、 and ， (built once). */
const MEMBER_LISTS: readonly (readonly string[])[] = slogans.entries
  .filter((e) => e.verified)
  .map((e) => e.canonical.replace(/[“”]/gu, '').split(/[、，]/u).filter((m) => m.length >= 2))
  .filter((m) => m.length >= 2);

/**
 * Whether `items` (the items' texts, in order) hold the members of one known formulation, one
 * member inside each item in the same order (the first and last item may carry the sentence's
 * words around the list: `引导教师做有理想信念`, `有仁爱之心的好老师`).
 */
export function listsKnownFormulation(items: readonly string[]): boolean {
  for (const members of MEMBER_LISTS) {
    if (members.length !== items.length) continue;
    let all = true;
    for (let i = 0; i < members.length && all; i++) if (!items[i].includes(members[i])) all = false;
    if (all) return true;
  }
  return false;
}
