/**
 * metric-conflict's reading of a scope's standing count stated by a verb of building:
 * `全县建成区域自动气象站46个` (a scope word of the report's own level opening its clause,
 * the verb, the noun, the number closing its clause or its 、-item) says how many the scope
 * has built to date — its stock (`全县建成“博爱家园”12个，其中上半年新建4个`: the year's new
 * ones are a part of it). A count under the same scope word, number first with the same
 * noun (`全县14个博爱家园全部…`, `党员包保的全县48个区域自动气象站…`), that is larger
 * contradicts it: whether that count names all of them or some, no part of the scope's set
 * exceeds the set. A smaller one is not reported (it may name the part that did something:
 * `在全市11个献血屋推行…`).
 *
 * Read strictly, so that a flow of the period never passes for the stock:
 * - the building: undated (no time word of `times`, no year in its sentence: `全年建成`,
 *   `2024年全县建成…` are the period's builds, metric-built.ts), nor after a time of the
 *   period earlier in its line (今年以来，…。全县建成…), nor under a nearest heading with a year,
 *   a time of the period or 新建/新增 (（一）2024年新建阵地情况; the title is no such heading),
 *   no 新 (新建 counts new ones), no goal, not in the plans, no word making it another's
 *   (指导, 帮助, 各…);
 * - the later count below twice the building: a larger one reads as the whole stock beside
 *   a period's builds, not the same network restated;
 * - the scope: a `place_scopes` word at the highest level the report's counts use, or an
 *   `own_scopes` word; the later count's `quantity.scope` is the same word;
 * - the later count: not in the plans, no goal, dated at most to the report's own period,
 *   no word of some before its scope (已有, 新增, 另有…: `partial_before_count`), and its noun
 *   ends where the building's does (a clause end, 的, 中, 和, 全部, a predicate…), so that
 *   `全县16个服务站站长` (people) never meets `全县建成服务站15个`.
 * Source: pages corpus, county and city statistics paragraphs (截至目前，全市建成实践中心…个、
 * 实践所…个、实践站…个; 全市…共建成…中心、…所、…站，已实现…全覆盖: the cumulative network,
 * undated or dated only by 截至; 2021年建成83处…: a year's builds, dated); no text copied.
 * One pass over the quantities; each reads its own clause and sentence, each line's first time
 * of the period is found once, and a later count looks up the buildings by scope, unit and
 * the prefixes of the Han run after it (a map, then a binary search on the values): no pass
 * over every building for every count.
 */
import { metricConflictData as vocab } from '../data/metric-conflict';
import type { Report } from '../model/report';
import type { Quantity } from '../model/quantities';
import type { Problem } from '../types';
import type { Places } from './metric-places';
import { sentenceTimeTag } from './metric-sentence';
import { isClauseEnd } from './metric-statements';
import { clauseStart, placeOf, sentenceStart } from './sentence';
import { restatement, type StatedCount } from './metric-restatement';

/** The scope words, longest first. */
const SCOPES = [...vocab.placeScopes.keys(), ...vocab.ownScopes].sort((a, b) => b.length - a.length);
/**
 * A building's clause up to its noun: list markup, a 一是-lead, 目前 or 截至目前 (now), the scope,
 * adverbs of the whole (累计, 共, 已), the verb; then the noun (quotes allowed).
 */
const LEAD = new RegExp(
  `^[\\s\\-*+>#0-9０-９.、）)]*(?:[一二三四五六七八九十]是)?(?:截至目前|目前|至今)?(${SCOPES.join('|')})(?:${vocab.scopeBuildAdverbs.join('|')}){0,2}(?:${vocab.scopeBuildVerbs.join('|')})(.+)$`,
  'u',
);
/** A noun as built: Han only, quotes dropped. */
const NOUN = /^\p{Script=Han}{2,10}$/u;
const QUOTES = /[“”"]/gu;
/** Words of a goal (`targets`): neither a building nor the later count may stand in one. */
const GOAL = new RegExp(vocab.targets.join('|'), 'u');
/** Words in a building's sentence that make it new ones or another's (`scope_build_not_stock`). */
const NOT_STOCK = new RegExp(vocab.scopeBuildNotStock.join('|'), 'u');
/** Times of the report's own period that the later count may be dated to. */
// '' is the tag of an undated count: the report's own period.
const OWN_TIMES = new Set(['', ...vocab.scopeBuildOwnTimes]);
/** Measure words of the things a scope builds (`scope_build_units`). */
const UNITS = new Set(vocab.scopeBuildUnits);
/** What may follow the later count's noun where that noun is the building's (its noun ends there). */
const NOUN_FOLLOWERS = [
  ...new Set([
    ...vocab.scopeBuildNounFollowers,
    ...vocab.universal, ...vocab.beforeUniversal, ...vocab.predicateStarts, ...vocab.verbs, ...vocab.times, ...vocab.wholeSuffixes,
  ]),
];
const MAX_SENTENCE = 200;
/** A time word of `times` or of a period so far (今年以来, 一年来, 年内) earlier in the building's line. */
const PERIOD_LEAD = new RegExp([...vocab.times, ...vocab.scopeBuildPeriodWords].join('|'), 'gu');
/** What dates the buildings under a heading: a year, a time word, a period so far, new ones. */
const HEADING_DATED = new RegExp(['[0-9０-９]{4}年', ...vocab.times, ...vocab.scopeBuildPeriodWords, ...vocab.scopeBuildNewWords].join('|'), 'u');
/** How many Han characters of a later count's noun are read (a building's noun has 2–10). */
const MAX_NOUN = 10;

interface Built {
  scope: string;
  noun: string;
  q: Quantity;
  stated: StatedCount;
}

/** A count as the restatement problem shows it. */
function statedAt(report: Report, q: Quantity, start: number, end: number): StatedCount {
  return { text: report.text.slice(start, end), line: q.line, start, end, shown: `${q.numberText}${q.unit}` };
}

/**
 * The `conflict` problems of a scope's count above what the scope has built to date.
 * `planned(offset)` says whether an offset lies in the plans.
 */
export function builtScopeConflicts(report: Report, places: Places, planned: (offset: number) => boolean): Problem[] {
  const quantities = report.quantities;
  // The highest level of place the report's counts name (全县 in a county bureau's report).
  let top = 0;
  for (let i = 0; i < quantities.length; i++) {
    const s = quantities[i].scope;
    if (s !== null) top = Math.max(top, vocab.placeScopes.get(s) ?? 0);
  }
  const built: Built[] = [];
  const later: Quantity[] = [];
  // Where a line's first time of the period ends (-1: none), found once per line.
  const periodEnds = new Map<number, number>();
  const headingDated = datedHeadings(report);
  for (let i = 0; i < quantities.length; i++) {
    const q = quantities[i];
    if (q.bound !== 'exact' || q.scale !== '' || !UNITS.has(q.unit) || planned(q.start)) continue;
    const { lineStart, lineText, at } = placeOf(report, q);
    const end = q.end - lineStart;
    if (q.scope !== null) {
      later.push(q);
      continue;
    }
    const from = clauseStart(lineText, at);
    // Most counts follow no verb of building: looked for in place before any slice is made.
    if (!buildVerbIn(lineText, from, at)) continue;
    const m = LEAD.exec(lineText.slice(from, at));
    if (m === null) continue;
    const scope = m[1];
    if (!(vocab.ownScopes.includes(scope) || vocab.placeScopes.get(scope) === top)) continue;
    // The noun: the last 、-item's (全县建成文化馆分馆15个、基层服务点126个).
    const itemAt = m[2].lastIndexOf('、');
    const noun = (itemAt < 0 ? m[2] : m[2].slice(itemAt + 1)).replace(QUOTES, '');
    if (!NOUN.test(noun)) continue;
    if (end < lineText.length && !isClauseEnd(lineText.charCodeAt(end))) continue;
    if (sentenceTimeTag(lineText, at, places.year) !== '') continue;
    const sentence = lineText.slice(sentenceStart(lineText, at, MAX_SENTENCE), end);
    if (NOT_STOCK.test(sentence) || GOAL.test(sentence)) continue;
    // 今年以来，…。全县建成农家书屋12个: a line dated to the period states its builds,
    // sentence after sentence; only an undated line's building is the network to date.
    let periodEnd = periodEnds.get(q.line);
    if (periodEnd === undefined) {
      PERIOD_LEAD.lastIndex = 0;
      const p = PERIOD_LEAD.exec(lineText);
      periodEnd = p === null ? -1 : p.index + p[0].length;
      periodEnds.set(q.line, periodEnd);
    }
    if (periodEnd >= 0 && periodEnd <= from) continue;
    // （一）2024年新建阵地情况 above it: the heading dates the buildings under it.
    if (headingDated(q.start)) continue;
    built.push({ scope, noun, q, stated: statedAt(report, q, lineStart + from + m[0].indexOf(scope), q.end) });
  }
  if (built.length === 0 || later.length === 0) return [];
  // The buildings by scope, unit and noun, each group ordered by value (see Group).
  const groups = new Map<string, Built[]>();
  for (const b of built) {
    const k = key(b.scope, b.q.unit, b.noun);
    const g = groups.get(k);
    if (g === undefined) groups.set(k, [b]);
    else g.push(b);
  }
  const indexed = new Map<string, Group>();
  for (const [k, g] of groups) indexed.set(k, groupOf(g, built));
  const problems: Problem[] = [];
  for (const q of later) {
    const { lineStart, lineText, at } = placeOf(report, q);
    const from = q.end - lineStart;
    // The Han run after the count (an opening quote skipped): each of its prefixes may be a building's noun.
    let i = from;
    if (lineText[i] === '“') i++;
    let runEnd = i;
    while (runEnd < lineText.length && runEnd - i < MAX_NOUN && HAN.test(lineText[runEnd])) runEnd++;
    // More than twice the building reads as a stock beside a period's builds, not the same
    // network restated (a slip changes a digit or two: 46 → 48, 12 → 14): a building in
    // (q/2, q); the earliest one is the related statement.
    let best: { b: Built; order: number } | undefined;
    let bestNounEnd = -1;
    let fact: boolean | undefined;
    for (let n = 2; n <= runEnd - i; n++) {
      const g = indexed.get(key(q.scope as string, q.unit, lineText.slice(i, i + n)));
      if (g === undefined) continue;
      const b = earliestBetween(g, q.value / 2, q.value);
      if (b === undefined || (best !== undefined && b.order > best.order)) continue;
      const nounEnd = laterNounEnd(lineText, from, b.b.noun);
      if (nounEnd < 0) continue;
      if (fact === undefined) fact = laterIsFact(lineText, at, q.scope as string, places.year);
      if (!fact) break;
      best = b;
      bestNounEnd = nounEnd;
    }
    if (best === undefined) continue;
    const stated = statedAt(report, q, lineStart + at - (q.scope as string).length, lineStart + bestNounEnd);
    const [l, e] = q.start > best.b.q.start ? [stated, best.b.stated] : [best.b.stated, stated];
    problems.push(restatement(false, l, e));
  }
  return problems;
}

const HAN = /\p{Script=Han}/u;

function key(scope: string, unit: string, noun: string): string {
  return `${scope}\u0000${unit}\u0000${noun}`;
}

/**
 * The buildings of one scope, unit and noun, ordered by value, with a sparse table of the
 * earliest (in document order) over each run of 2^k of them: the earliest building whose
 * value lies in a range is found in O(log n).
 */
interface Group {
  values: number[];
  items: { b: Built; order: number }[];
  /** min[k][i]: the index into items of the earliest among items[i .. i + 2^k). */
  min: number[][];
}

function groupOf(g: Built[], built: Built[]): Group {
  const order = new Map<Built, number>();
  built.forEach((b, i) => order.set(b, i));
  const items = g.map((b) => ({ b, order: order.get(b) as number })).sort((x, y) => x.b.q.value - y.b.q.value || x.order - y.order);
  const min: number[][] = [items.map((_, i) => i)];
  for (let k = 1; 1 << k <= items.length; k++) {
    const prev = min[k - 1];
    const row: number[] = [];
    for (let i = 0; i + (1 << k) <= items.length; i++) {
      const a = prev[i];
      const c = prev[i + (1 << (k - 1))];
      row.push(items[a].order <= items[c].order ? a : c);
    }
    min.push(row);
  }
  return { values: items.map((x) => x.b.q.value), items, min };
}

/** The first index of `values` (ascending) whose value is above `v` (or at least `v` when `orEqual`). */
function firstAbove(values: number[], v: number, orEqual: boolean): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid] > v || (orEqual && values[mid] === v)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The earliest building of a group whose value lies strictly between `low` and `high`. */
function earliestBetween(g: Group, low: number, high: number): { b: Built; order: number } | undefined {
  const from = firstAbove(g.values, low, false);
  const to = firstAbove(g.values, high, true);
  if (from >= to) return undefined;
  let k = 0;
  while (1 << (k + 1) <= to - from) k++;
  const a = g.min[k][from];
  const c = g.min[k][to - (1 << k)];
  return g.items[g.items[a].order <= g.items[c].order ? a : c];
}

/**
 * Whether the nearest heading above an offset is dated (a year, a time of the period, new
 * ones: （一）2024年新建阵地情况); the headings are read once.
 */
function datedHeadings(report: Report): (offset: number) => boolean {
  // The title is no heading here: its year dates nothing alone (see the year's report above).
  const headings = report.headings.filter((h) => h.line !== report.title?.line);
  const starts = headings.map((h) => h.start);
  const dated = headings.map((h) => HEADING_DATED.test(h.title.text));
  return (offset) => {
    const i = firstAbove(starts, offset, true) - 1;
    return i >= 0 && dated[i];
  };
}

/** The first code units of the verbs of building. */
const BUILD_FIRST = new Set(vocab.scopeBuildVerbs.map((v) => v.charCodeAt(0)));

/**
 * Whether a verb of building (`scope_build_verbs`) starts in line indices `[from, to)` (a
 * clause, bounded by clauseStart's window); no allocation.
 */
function buildVerbIn(lineText: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    if (BUILD_FIRST.has(lineText.charCodeAt(i)) && vocab.scopeBuildVerbs.some((v) => lineText.startsWith(v, i))) return true;
  }
  return false;
}

/**
 * Where the noun `noun` ends after a count whose unit ends at line index `from` (quotes
 * around it skipped), when what follows ends it; -1 otherwise.
 */
function laterNounEnd(lineText: string, from: number, noun: string): number {
  let i = from;
  if (lineText[i] === '“') i++;
  if (!lineText.startsWith(noun, i)) return -1;
  i += noun.length;
  if (lineText[i] === '”') i++;
  if (i >= lineText.length || isClauseEnd(lineText.charCodeAt(i))) return i;
  return NOUN_FOLLOWERS.some((w) => lineText.startsWith(w, i)) ? i : -1;
}

/** Whether the count at line index `at`, its scope `scope` before it, states a fact of now (see the module's doc). */
function laterIsFact(lineText: string, at: number, scope: string, year: string): boolean {
  const scopeAt = lineText.lastIndexOf(scope, at);
  const before = lineText.slice(Math.max(0, scopeAt - 4), at);
  if (vocab.partialBeforeCount.some((w) => before.includes(w))) return false;
  if (!OWN_TIMES.has(sentenceTimeTag(lineText, at, year))) return false;
  return !GOAL.test(lineText.slice(sentenceStart(lineText, at, MAX_SENTENCE), at));
}
