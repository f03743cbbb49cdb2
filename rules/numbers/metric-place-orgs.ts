/**
 * Head organisations of places counted beyond the places (metric-conflict.ts): a 社区 (村)
 * has one party organisation at its head, so one scope at one time never has more 社区党委
 * (社区党总支) than 社区: `街道党工委下辖社区党委7个` and `在本街道6个社区中` contradict each
 * other. Fewer is consistent (other 社区 are led by a 党支部). So too the one post of each
 * place's head organisation, whatever it is: `全镇辖14个行政村` and `对我镇15个行政村党组织书记
 * 开展培训` (one 书记 per village). Reported at the later of the two, with a related place at
 * the other. Vocabulary: rules/data/metric-conflict.yaml (`headed_places`, `head_orgs`,
 * `head_posts`, `head_post_orgs`).
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
    const head = headOf(noun, s.text);
    if (head === null) continue;
    const place = places.get(`${scope}|${head.place}|${time}`);
    if (place === undefined || s.value <= place.value || (s.subject ?? '') !== (place.subject ?? '')) continue;
    const [earlier, later] = place.start < s.start ? [place, s] : [s, place];
    const data = { text: later.text, earlier: earlier.text, line: earlier.line + 1, org: head.org, place: head.placeWord, value: s.shown, earlierValue: place.shown };
    const related = [{ messageId: 'earlier', data: { earlier: earlier.text }, start: earlier.start, end: earlier.end }];
    problems.push(checked(false, 'headOrgs', data, later.start, later.end, related));
  }
  return problems;
}

/**
 * What a counted noun (`noun`, of a statement written `text`) heads, if it is a place's head
 * organisation or that organisation's one post: `社区党委` (head_orgs), or a place and any
 * head_post_orgs word followed by a head_posts word in the text (`行政村党组织书记`, the
 * post read off the text where the stock reader left it out of the noun). `place` is the
 * place as statements key it (synonyms: 行政村 → 村), `placeWord` as written, `org` the
 * organisation (with its post) for the message; null for any other noun.
 */
function headOf(noun: string, text: string): { place: string; placeWord: string; org: string } | null {
  const placed = (placeWord: string, org: string) => {
    const place = vocab.synonyms.get(placeWord) ?? placeWord;
    return vocab.headedPlaces.includes(place) ? { place, placeWord, org } : null;
  };
  const org = vocab.headOrgs.find((o) => noun.endsWith(o) && noun.length > o.length);
  const direct = org === undefined ? null : placed(noun.slice(0, -org.length), noun);
  if (direct !== null) return direct;
  // 15个行政村党组织书记: the post after the organisation, in the noun or right after it.
  const post = vocab.headPosts.find((p) => noun.endsWith(p) || text.endsWith(noun + p));
  if (post === undefined) return null;
  const bare = noun.endsWith(post) ? noun.slice(0, -post.length) : noun;
  const postOrg = vocab.headPostOrgs.find((o) => bare.endsWith(o) && bare.length > o.length);
  return postOrg === undefined ? null : placed(bare.slice(0, -postOrg.length), bare + post);
}