/**
 * Head organisations of places counted beyond the places (metric-conflict.ts): a 社区 (村)
 * has one party organisation at its head, so one scope at one time never has more 社区党委
 * (社区党总支) than 社区: `街道党工委下辖社区党委7个` and `在本街道6个社区中` contradict each
 * other. Fewer is consistent (other 社区 are led by a 党支部). Reported at the later of the
 * two, with a related place at the other. Vocabulary: rules/data/metric-conflict.yaml
 * (`headed_places`, `head_orgs`).
 */
import { metricConflictData as vocab } from '../data/metric-conflict';
import type { Problem } from '../types';
import type { Statement } from './metric-statements';
import { checked } from './sentence';

/**
 * The problems of `statements` (in text order, already filtered to the levels compared):
 * each count of a place's head organisation (`scope|个|社区党委|time`) larger than the
 * first whole count of that place in the same scope and time (`scope|个|社区|time`).
 * A count of places that may be a part (组织全镇8个村…) is no anchor; a count of the
 * organisations that may be a part still cannot exceed all the places. Offsets are UTF-16.
 */
export function placeOrgConflicts(statements: readonly Statement[]): Problem[] {
  const places = new Map<string, Statement>();
  for (const s of statements) {
    if (s.mayBePart || s.predicate) continue;
    const [scope, unit, noun, time] = s.key.split('|');
    if (unit === '个' && vocab.headedPlaces.includes(noun) && !places.has(`${scope}|${noun}|${time}`)) places.set(`${scope}|${noun}|${time}`, s);
  }
  if (places.size === 0) return [];
  const problems: Problem[] = [];
  for (const s of statements) {
    const [scope, unit, noun, time] = s.key.split('|');
    if (unit !== '个') continue;
    const org = vocab.headOrgs.find((o) => noun.endsWith(o) && vocab.headedPlaces.includes(noun.slice(0, -o.length)));
    if (org === undefined) continue;
    const place = places.get(`${scope}|${noun.slice(0, -org.length)}|${time}`);
    if (place === undefined || s.value <= place.value || (s.subject ?? '') !== (place.subject ?? '')) continue;
    const [earlier, later] = place.start < s.start ? [place, s] : [s, place];
    const data = { text: later.text, earlier: earlier.text, line: earlier.line + 1, org: noun, place: noun.slice(0, -org.length), value: s.shown, earlierValue: place.shown };
    const related = [{ messageId: 'earlier', data: { earlier: earlier.text }, start: earlier.start, end: earlier.end }];
    problems.push(checked(false, 'headOrgs', data, later.start, later.end, related));
  }
  return problems;
}
