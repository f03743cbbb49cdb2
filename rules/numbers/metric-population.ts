/**
 * metric-conflict's check of the people of a scope against its population: a report that
 * states how many people a place has (`全村共412户1536人`, `全村总人口1536人`) and later
 * counts people of that whole place (`全村1563名群众参与…`, `全社区2100名居民…`) contradicts
 * itself where the count exceeds the population. A count at or below it may be the part that
 * took part, so it is no check at all.
 *
 * Read strictly, so that different populations never meet:
 * - the population closes its clause, right after a count of households (共412户1536人) or
 *   after 人口 / 总人口 with no qualifier (户籍人口, 常住人口 and the like are not read: the
 *   residents of a 社区 may outnumber its registered people); the sentence opens with the
 *   scope word, and holds no 其中 (a part);
 * - a scope that states two different populations is not checked;
 * - the count has the same scope word right before the number (places.canonical), a people
 *   measure, and a noun for the inhabitants (群众, 村民, 居民) not continued into another
 *   noun (村民代表, 居民小组); neither sentence is a goal, both are dated alike, and the count
 *   stands outside the plans.
 * Two passes over the quantities (populations, then counts): linear in their number.
 */
import type { Report } from '../model/report';
import type { Problem } from '../types';
import type { Quantity } from '../model/quantities';
import type { Places } from './metric-places';
import { sentenceTime } from './metric-sentence';
import { ALL_SCOPES, isClauseEnd, scopeOf } from './metric-statements';
import { sentenceStart } from './sentence';

/** Nouns for the inhabitants of a place. */
const INHABITANTS = ['群众', '村民', '居民'];
/** Words that continue an inhabitants' noun into another one (村民代表, 居民小组). */
const CONTINUED = ['代表', '小组', '委员', '骨干', '党员', '志愿', '服务', '议事', '理事', '说事'];
/** What may stand right before a population number: 人口 or 总人口 (no qualifier before 人口). */
const POPULATION_WORDS = ['总人口', '人口'];
/** Qualifiers of 人口 that make it one population among others (户籍人口, 常住人口). */
const QUALIFIED = /(?:户籍|常住|流动|外来|暂住|农业|非农|城镇|农村|劳动|贫困|脱贫|低保|老年|适龄|在册|实有)$/u;
const PEOPLE = new Set(['名', '人', '位']);

interface Population {
  value: number;
  text: string;
  start: number;
  end: number;
  line: number;
  time: string;
  /** The value as written (`1536人`). */
  shown: string;
}

/**
 * The `exceeds` problems of a report: each count of a scope's inhabitants larger than the
 * population stated before it. `planned(offset)` says whether an offset lies in the plans.
 */
export function populationConflicts(report: Report, places: Places, planned: (offset: number) => boolean): Problem[] {
  const populations = new Map<string, Population | null>();
  const problems: Problem[] = [];
  const quantities = report.quantities;
  // First every population, so that a scope stating two different ones is never checked,
  // whichever comes first; then the counts.
  const isPopulation = new Set<number>();
  for (let i = 0; i < quantities.length; i++) {
    const q = quantities[i];
    if (q.bound !== 'exact' || !PEOPLE.has(q.unit) || planned(q.start)) continue;
    const found = population(report.lines.lineText(q.line), report.lines.start(q.line), q, i > 0 ? quantities[i - 1] : undefined, places);
    if (!found) continue;
    isPopulation.add(i);
    const known = populations.get(found.scope);
    if (known === undefined) populations.set(found.scope, found.population);
    else if (known !== null && known.value !== found.population.value) populations.set(found.scope, null);
  }
  if (populations.size === 0) return problems;
  for (let i = 0; i < quantities.length; i++) {
    const q = quantities[i];
    if (isPopulation.has(i) || q.bound !== 'exact' || !PEOPLE.has(q.unit) || planned(q.start)) continue;
    const lineStart = report.lines.start(q.line);
    const lineText = report.lines.lineText(q.line);
    const scope = scopeOf(lineStart, lineText, q);
    if (scope === null || q.scope === null && !lineText.startsWith(scope, q.start - lineStart - scope.length)) continue;
    const whole = populations.get(places.canonical(scope));
    if (!whole || whole.start > q.start) continue;
    const endAt = q.end - lineStart;
    const noun = INHABITANTS.find((w) => lineText.startsWith(w, endAt));
    if (noun === undefined || CONTINUED.some((w) => lineText.startsWith(w, endAt + noun.length))) continue;
    const at = q.start - lineStart;
    if (sentenceTime(lineText, at, places.year, places.period) !== whole.time) continue;
    if (q.value <= whole.value) continue;
    // The quantity layer's scope may stand before 共有, 现有…: 全村共有1563名群众.
    const from = Math.max(0, lineText.lastIndexOf(scope, at));
    const text = lineText.slice(from, endAt + noun.length);
    problems.push({
      messageId: 'exceeds',
      data: { text, earlier: whole.text, line: whole.line + 1, value: `${q.numberText}${q.scale}${q.unit}`, earlierValue: whole.shown },
      start: lineStart + from,
      end: lineStart + endAt + noun.length,
      related: [{ messageId: 'earlier', data: { earlier: whole.text }, start: whole.start, end: whole.end }],
    });
  }
  return problems;
}

/** The quantity `q` read as the population of a scope (its canonical scope), or null. */
function population(lineText: string, lineStart: number, q: Quantity, before: Quantity | undefined, places: Places): { scope: string; population: Population } | null {
  if (q.unit !== '人') return null;
  const at = q.start - lineStart;
  const endAt = q.end - lineStart;
  if (endAt < lineText.length && !isClauseEnd(lineText.charCodeAt(endAt))) return null;
  const households = before !== undefined && before.end === q.start && before.unit === '户' && before.bound === 'exact';
  const word = POPULATION_WORDS.find((w) => lineText.startsWith(w, at - w.length));
  if (!households && (word === undefined || QUALIFIED.test(lineText.slice(Math.max(0, at - word.length - 4), at - word.length)))) return null;
  const from = sentenceStart(lineText, at);
  let open = from;
  while (open < at && /[\s\-*+#>0-9.、]/u.test(lineText[open])) open++;
  const scope = ALL_SCOPES.find((s) => lineText.startsWith(s, open));
  if (scope === undefined) return null;
  const prefix = lineText.slice(open + scope.length, at);
  if (prefix.includes('其中') || ALL_SCOPES.some((s) => prefix.includes(s))) return null;
  const time = sentenceTime(lineText, at, places.year, places.period);
  if (time === null) return null;
  const start = households ? before!.start - lineStart : at - (word?.length ?? 0);
  return {
    scope: places.canonical(scope),
    population: { value: q.value, text: lineText.slice(start, endAt), start: lineStart + start, end: q.end, line: q.line, time, shown: `${q.numberText}${q.scale}${q.unit}` },
  };
}
