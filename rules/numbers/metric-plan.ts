/**
 * metric-conflict's reading of a count in the plans part under a whole scope written right
 * before its number (推动全县216个建制村全部…, 全院13个二级党组织书记全部纳入…, 全街道12个社区
 * 党组织全面推进…): a plan puts the unit's whole stock to work, so it names that stock as it
 * stands. A reviewer holds it against the stock stated earlier: closed whole (the clause ends,
 * or 均/都/全部 follow the noun) it must equal the stock; read only up to a predicate it may name
 * the part the plan reaches, and contradicts only by exceeding. A count after a verb of new
 * things (新建全县…) is a flow, not read (metric-conflict.yaml `plan_flow_verbs`).
 *
 * The counted noun is often the head of a compound that names one thing per stocked thing
 * (N个二级党组织书记: one 书记 per 二级党组织; N个社区党组织: one per 社区): headKeys gives the
 * keys of those heads, tried where the compound's own key has no statement.
 * Source: pages corpus, plans of county bureaus, colleges and companies (推动全县N个建制村…,
 * 全公司N个…党组织全面开展…, 下沉全县N所学校开展调研), no text copied.
 */
import { sampled } from './metric-scope';
import { metricConflictData as vocab } from '../data/metric-conflict';

/**
 * Whether the whole scope `scope` stands right before the number at line index `at` (its
 * first character 全: 全县, 全局, 全院, 全街道) with no verb of new things before it.
 */
export function planWholeScope(lineText: string, at: number, scope: string | null): boolean {
  // A place's or the unit's own scope (全县, 全局), not 全体/全部, which name no ground.
  if (scope === null || !scope.startsWith(WHOLE) || !(vocab.placeScopes.has(scope) || vocab.ownScopes.includes(scope))) return false;
  if (!lineText.startsWith(scope, at - scope.length)) return false;
  const before = at - scope.length;
  // 先选取全社区5个网格开展试点: a plan's sample or first batch is some of the whole (metric-scope.ts sampled).
  if (sampled(clauseAround(lineText, at))) return false;
  return !vocab.planFlowVerbs.some((v) => lineText.startsWith(v, before - v.length));
}

/** The clause of the line around index `at`: from the mark before it to the mark after it. */
function clauseAround(lineText: string, at: number): string {
  let start = at;
  while (start > 0 && !/[，,。；;！？]/u.test(lineText[start - 1])) start--;
  let end = at;
  while (end < lineText.length && !/[，,。；;！？]/u.test(lineText[end])) end++;
  return lineText.slice(start, end);
}

const WHOLE = '全';

/**
 * The keys (`scope|unit|noun|time`) of the things a compound noun counts one of each: the
 * noun without a post (二级党组织书记 → 二级党组织) and without a head organisation after it
 * (社区党组织 → 社区, 船舶党组织 → 船舶), longest first (metric-conflict.yaml `head_posts`,
 * `head_post_orgs`). Empty for a noun that is no such compound.
 */
export function headKeys(key: string): string[] {
  const parts = key.split('|');
  if (parts.length !== 4) return [];
  const keys: string[] = [];
  let noun = parts[2];
  const post = vocab.headPosts.find((p) => noun.endsWith(p) && noun.length > p.length);
  if (post !== undefined) {
    noun = noun.slice(0, -post.length);
    keys.push(`${parts[0]}|${parts[1]}|${noun}|${parts[3]}`);
  }
  const org = vocab.headPostOrgs.find((o) => noun.endsWith(o) && noun.length > o.length);
  if (org !== undefined) keys.push(`${parts[0]}|${parts[1]}|${noun.slice(0, -org.length)}|${parts[3]}`);
  return keys;
}
