/**
 * metric-conflict's reading of a count of places a verb reaches every one of, and a later
 * count of the same places: `深入全县236个村（社区）开展排查` names all the county's villages and
 * communities, so `推进全县241个村（社区）便民服务站规范化建设` counts more of them than there are.
 *
 * Read strictly:
 * - the whole: a reach verb (metric-conflict.yaml `reach_verbs`: 深入, 覆盖, 走遍…) right before
 *   a place scope (全县, 全镇…, `place_scopes`), an exact count in 个 (or 村/镇/乡) and a place
 *   noun of `reach_places` (村（社区）, 乡镇…), the longest that fits;
 * - the later count: the same scope word, count and place noun (the noun not going on into a
 *   longer place noun), in a clause with no subset word (其中, 有, 重点, 部分…); it may be the
 *   part its verb acts on, so it contradicts the whole only by exceeding it, unless a reach verb
 *   makes it whole too, when any other value contradicts;
 * - both dated alike (metric-sentence.ts), neither a goal nor in the plans.
 * One pass over the quantities; each reads its own clause.
 */
import { metricConflictData as vocab } from '../data/metric-conflict';
import type { Report } from '../model/report';
import type { Problem } from '../types';
import type { Places } from './metric-places';
import { restatement, type StatedCount } from './metric-restatement';
import { sentenceTime } from './metric-sentence';
import { clauseStart, placeOf } from './sentence';
import { escapeRegExp as escape } from '../model/alternation';

const PLACES = [...vocab.reachPlaces].sort((a, b) => b.length - a.length);
const SCOPES = [...vocab.placeScopes.keys()].sort((a, b) => b.length - a.length);
const REACH = new RegExp(`(?:${[...vocab.reachVerbs].sort((a, b) => b.length - a.length).map(escape).join('|')})$`, 'u');
const SUBSET = new RegExp(vocab.framed.subsetWords.map(escape).join('|'), 'u');
const UNITS = new Set(['个', ...vocab.placeUnits]);
const NOT_PLACE_AFTER = /^(?:民|委|级|干部|集体|党|小组|组)/u;

interface Reached extends StatedCount {
  value: number;
  whole: boolean;
}

/**
 * The `conflict` (and passed `consistent`) problems of reached places counted again.
 * `planned(offset)` says whether an offset lies in the plans.
 */
export function reachConflicts(report: Report, places: Places, planned: (offset: number) => boolean): Problem[] {
  const wholes = new Map<string, Reached>();
  const problems: Problem[] = [];
  for (const q of report.quantities) {
    if (q.bound !== 'exact' || q.scale !== '' || !UNITS.has(q.unit) || planned(q.start)) continue;
    const { lineStart, lineText, at } = placeOf(report, q);
    const scope = SCOPES.find((s) => lineText.startsWith(s, at - s.length));
    if (scope === undefined) continue;
    const after = q.end - lineStart;
    // 16村 counts the place its measure names; 16个村 the noun after it.
    const noun = q.unit === '个' ? PLACES.find((p) => lineText.startsWith(p, after)) : q.unit;
    if (noun === undefined) continue;
    const nounEnd = q.unit === '个' ? after + noun.length : after;
    // 全县14个乡镇综合文化站 still counts the 乡镇 (one station each); 16个村民小组, 村级…, and a
    // place's Party bodies (村党支部: a 村党总支 has several) are other nouns.
    if (NOT_PLACE_AFTER.test(lineText.slice(nounEnd, nounEnd + 2))) continue;
    const from = clauseStart(lineText, at);
    const before = lineText.slice(from, at - scope.length);
    if (SUBSET.test(before)) continue;
    const time = sentenceTime(lineText, at, places.year, places.period);
    if (time === null) continue;
    const key = `${places.canonical(scope)}|${noun}|${time}`;
    const stated: Reached = { value: q.value, whole: REACH.test(before), text: lineText.slice(at - scope.length, nounEnd), line: q.line, start: lineStart + at - scope.length, end: lineStart + nounEnd, shown: `${q.numberText}${q.unit}` };
    const whole = wholes.get(key);
    if (whole === undefined) {
      if (stated.whole) wholes.set(key, stated);
      continue;
    }
    if (stated.whole || stated.value > whole.value) problems.push(restatement(stated.value === whole.value, stated, whole));
  }
  return problems;
}
