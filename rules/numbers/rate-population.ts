/**
 * Whether a count's clause names the whole a share names, in another of its names, for
 * `percentage-range`'s shares (rate-share.ts): "公司在岗职工968人，党员412名，占职工总数的…"
 * divides by the 968 as surely as "职工总数968人" or "全体职工968人" would. A population is
 * named by its standing (在岗, 在职, 在编, 在册, 全体: rates.population_qualifiers) before its
 * noun, or by its noun after the unit's own scope (公司职工, 全局干部, 本单位职工). A verb before
 * the noun (培训党员300名) names those it acted on, not the whole, and is not read. A compound
 * of two staff nouns (全院干部职工: rates.population_compounds) names the staff of its last.
 * Clauses are of one line; nothing here compares figures.
 */
import { sentenceNumbers } from '../data/sentence-numbers';
import { BASE_TAIL } from './rate-clauses';

const QUALIFIERS = sentenceNumbers.rates.populationQualifiers;
const COMPOUNDS = sentenceNumbers.rates.populationCompounds;
/** A base's own qualifiers at its start (`全体职工`, `在职职工` → `职工`). */
const LEADING_QUALIFIER = new RegExp(`^(?:${QUALIFIERS})+`, 'u');
/** The words before a count that name a population's scope: a unit (`公司`, `全局`, `本单位`), with a time before it. */
const SCOPE = /^(?:截至\p{Script=Han}{1,4}?)?(?:全\p{Script=Han}|本\p{Script=Han}{1,3}|\p{Script=Han}{0,6}(?:公司|单位|系统|机关|集团|中心|局|院|校|厂|所|站|行))?(?:共有|现有|有)?$/u;

/**
 * Whether `clause` (a count's clause up to its measure word, clauseAround) names by its label
 * the population the share `rate` (`占职工总数的比重`) names: the words before the count's number
 * end with the base's noun (its qualifiers and 总数 dropped, two characters or more) after
 * population qualifiers, a scope (SCOPE), or both.
 */
export function namesPopulation(rate: string, clause: string): boolean {
  const base = rate.slice(1).replace(BASE_TAIL, '').replace(LEADING_QUALIFIER, '');
  if (base.length < 2) return false;
  const digit = clause.search(/\d/u);
  if (digit < 0) return false;
  const label = clause.slice(0, digit);
  if (!label.endsWith(base)) return false;
  // 全院干部职工 names the staff as 全院职工 does (rates.population_compounds).
  const compound = COMPOUNDS.find((w) => w.endsWith(base) && label.endsWith(w));
  const before = label.slice(0, -(compound ?? base).length).replace(new RegExp(`(?:${QUALIFIERS})+$`, 'u'), '');
  return SCOPE.test(before);
}
