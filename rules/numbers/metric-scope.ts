/**
 * metric-conflict's scope model for whole counts (metric-records.ts): whose set a whole
 * scope word names. A unit's own scope is two things:
 * - its own kind: 全 and the unit word its title ends its name with (全院 in a 学院's or a
 *   医院's report, 全中心, 全社区, 全支部): the unit itself (metric-records.ts wholeScope);
 * - its jurisdiction: 全 and the place its title opens its name with (全县 in a 县疾控中心's
 *   or a 兴安县气象局's report, 全市 in a 江州市公交集团's). Such a scope names the whole
 *   county, not the unit, so a count under it is the unit's own set only where the noun is
 *   what the unit runs or serves across the county (its 门诊, 线路, 站点, 网格: data
 *   `own_network`) and the sentence samples nothing (选取全县5个乡镇开展调研, 走访, 试点:
 *   data `sampling`). Another set (the county's villages, members, schools met on a visit)
 *   is not read: a report of several surveys writes 全县 for each.
 * - its kind as a sentence's subject: 学校现有… in a 中学's report (titleNamesKind).
 * Vocabulary: rules/data/metric-scope.yaml. Nothing here throws.
 * A count under 全 and the unit after a mobilising verb that may be a part restates the whole
 * when near it (nearWhole, read by metric-conflict.ts).
 */
import { metricScopeData as vocab } from '../data/metric-scope';
import type { Statement } from './metric-statements';

/** The key prefix of a jurisdiction scope (kept apart from the unit's own scope). */
export const JURISDICTION = '辖域:';

/**
 * The jurisdiction scope of a report titled `title` (`全县` for 县疾病预防控制中心党支部 or
 * 中共兴安县气象局党支部, `全市` for 江州市公共交通集团…), or null: the first place
 * character of the title that ends a place name (not 社区's 区, not 市场's 市) and is
 * followed by more of the unit's name (the place is not the unit itself).
 */
export function jurisdictionOf(title: string): string | null {
  const name = title.replace(/^\s*#*\s*(?:中共|中国共产党)?/u, '');
  for (let i = 0; i < name.length; i++) {
    const c = name[i];
    if (!vocab.jurisdictions.includes(c)) continue;
    const before = name[i - 1] ?? '';
    const after = name.slice(i + 1);
    // 社区, 小区, 园区, 城区, 市场, 区域, 县委 (the body above), 镇党委 (the place's own committee).
    if ((before !== '' && '社小园城景片'.includes(before)) || /^(?:场|域|级|委|政府|党|人民|\d|$)/u.test(after)) return null;
    return /^\p{Script=Han}{2}/u.test(after) ? `全${c}` : null;
  }
  return null;
}

/**
 * Whether a count of `noun` under the jurisdiction scope, in `sentence`, is the unit's own
 * set: the noun ends with a head of what it runs (data `own_network`: 预防接种门诊, 公交线路,
 * 区域站) and the sentence samples nothing (data `sampling`).
 */
export function ownNetwork(noun: string, sentence: string): boolean {
  return vocab.ownNetwork.some((h) => noun.endsWith(h)) && !sampled(sentence);
}

/** Whether `sentence` samples or tries some of a set (data `sampling`: 调研, 选取, 试点, 首批). */
export function sampled(sentence: string): boolean {
  return vocab.sampling.some((w) => sentence.includes(w));
}

/**
 * Whether a report titled `title` is about a unit of `kind` (学院, 学校, 社区, 公司), the word
 * its report may open a sentence with for itself: the title holds the kind itself or a word
 * naming a unit of that kind (data `unit_kinds`: 中学 and 小学 are 学校s).
 */
export function titleNamesKind(kind: string, title: string): boolean {
  return title.includes(kind) || (vocab.unitKinds.get(kind) ?? []).some((w) => title.includes(w));
}

/** The least share of the whole a count under 全 and the unit may name and still restate it. */
const NEAR_WHOLE = 0.9;

/**
 * Whether a count that may be a part, `s`, written under 全 and the unit after a mobilising
 * verb (Statement.scopeWhole: 组织全局172名在职党员…, 引导全街道3180名党员…), restates the whole
 * `whole` with a slip: fewer, but at least NEAR_WHOLE of it. 全 before the number names all of
 * them (pages corpus: every such object read was the whole, a part named by its noun); a
 * writer who means the part mobilised names a clearly smaller one (组织全村30名党员参加轮训 of
 * 38 stays quiet), while a value just below the whole (3180 of 3260, 283 of 286) is the whole
 * from another count or a slip of the keys.
 */
export function nearWhole(s: Statement, whole: number): boolean {
  return s.scopeWhole === true && s.value < whole && s.value >= whole * NEAR_WHOLE;
}
