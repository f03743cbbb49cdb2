/**
 * The vocabulary of `metric-conflict`, parsed once from rules/data/metric-conflict.yaml
 * (bundled as text by esbuild). Kept as data so users extend the lists, not code.
 */
import { type DataSource, dataOf } from './yaml-data';
import metricConflictText from './metric-conflict.yaml';

export interface MetricConflictData {
  /** Place scope word → level (市 5, 县/区 4, 镇/乡/街道 3, 村/社区 2). */
  placeScopes: ReadonlyMap<string, number>;
  /** Scopes that always mean the reporting unit (辖区). */
  ownScopes: readonly string[];
  /** Own scopes that name the school above the unit in a report of one of its colleges (`school_scopes`: 全校). */
  schoolScopes: readonly string[];
  /** Scopes read only where they open a clause (系统内): metric-statements.ts. */
  clauseScopes: readonly string[];
  existence: readonly string[];
  /** Words of a total between a noun and its number (共, 总数达到): metric-statements.ts nounBefore. */
  countBridges: readonly string[];
  /** Relatives naming the whole roll between a verb and its noun (依法登记的): metric-statements.ts. */
  rollRelatives: readonly string[];
  universal: readonly string[];
  /** Modal and adverb words between a counted noun and its universal word (要全部, 将全部): metric-noun.ts. */
  beforeUniversal: readonly string[];
  wholeSuffixes: readonly string[];
  /** Words after 中 that start a clause about some of the whole (有, 仍有, 还有…). */
  amongFollowers: readonly string[];
  /** Place measures that count the place itself: `16村` counts villages (村, 镇, 乡). */
  placeUnits: readonly string[];
  /** Nouns that name one thing: 行政村 → 村. */
  synonyms: ReadonlyMap<string, string>;
  /** Bodies whose X组织 is X itself (妇联, 工会): 组织 dropped from a counted noun's key. */
  namedOrganisations: readonly string[];
  verbs: ReadonlySet<string>;
  notInNoun: readonly string[];
  /** More words that open a predicate after a counted noun (metric-predicate.ts). */
  predicateStarts: readonly string[];
  /** A predicate's words saying every one is covered (`covering_predicates`: 全覆盖). */
  coveringPredicates: readonly string[];
  /** Words between a scope and its number that make the count some (`partial_before_count`: 已有, 新增). */
  partialBeforeCount: readonly string[];
  /** Nouns holding a verb of `verbs` (党组织): taken out before the verb test. */
  nounsWithVerbs: readonly string[];
  targets: readonly string[];
  /** Words after a goal word that make it part of a noun (免疫规划工作, 目标责任书): no goal. */
  targetNouns: readonly string[];
  times: readonly string[];
  /** Time words of `times` that name the report's own period (今年): undated, as a bare statement. */
  ownPeriod: readonly string[];
  /** Places with one head party organisation each (村, 社区): rules/numbers/metric-place-orgs.ts. */
  headedPlaces: readonly string[];
  /** The words of such a head organisation after the place (党委, 党总支). */
  headOrgs: readonly string[];
  /** The one post of a place's head organisation (书记): `N个村党组织书记` counts places. */
  headPosts: readonly string[];
  /** The organisation words that post may follow (党组织, 党支部, 党委, 党总支). */
  headPostOrgs: readonly string[];
  /** Verbs of building after a scope that state its network to date (全县建成…N个): rules/numbers/metric-built-scope.ts. */
  scopeBuildVerbs: readonly string[];
  /** Adverbs of the whole between such a scope and its verb (累计, 共, 已). */
  scopeBuildAdverbs: readonly string[];
  /** Words in such a building's sentence that make it a flow or another's (新建, 指导, 各村…). */
  scopeBuildNotStock: readonly string[];
  /** Words of a period so far that date a paragraph's buildings (今年以来, 一年来, 年内). */
  scopeBuildPeriodWords: readonly string[];
  /** Words of new ones (新建, 新增, 新设): in a heading above a building, they date it. */
  scopeBuildNewWords: readonly string[];
  /** Measure words of the things a scope builds (个, 支, 家…): metric-built-scope.ts. */
  scopeBuildUnits: readonly string[];
  /** Time tags of the report's own period a later count may carry besides none (全年, 上半年, 下半年). */
  scopeBuildOwnTimes: readonly string[];
  /** Words that may follow the later count's noun where it is the building's (的, 中, 和…). */
  scopeBuildNounFollowers: readonly string[];
  /** Verbs before a plan's whole scope that count new things, a flow (新建全县…): rules/numbers/metric-plan.ts. */
  planFlowVerbs: readonly string[];
  /** Words before 发展的N名党员 that reach past the report's period (近, 历年, 累计…). */
  developedOtherTimes: readonly string[];
  /** Qualifiers of the members now serving (在职党员): metric-qualified.ts. */
  servingQualifiers: readonly string[];
  /** Staff nouns (教职工, 职工…) whose serving qualifier adds nothing: metric-qualified.ts. */
  staffNouns: readonly string[];
  /** The serving qualifier of a staff noun (在职). */
  staffServing: readonly string[];
  /** How far before a staff noun a retired word makes it include retired people. */
  staffRetiredReach: number;
  /** Words naming members not serving (退休, 离休): metric-qualified.ts. */
  retiredWords: readonly string[];
  /** Words of members coming or going (发展, 转入…): metric-sentence.ts membersChanged. */
  memberChanges: readonly string[];
  /** Verbs of founding whose year dates only their own clause (成立于2019年，): metric-sentence.ts. */
  founding: readonly string[];
  /** Words right before a time word that make it part of another clause's object (确定了下半年…方案): metric-sentence.ts. */
  timeObjectHeads: readonly string[];
  /** Framed restatements of a count (metric-framed.ts): see the yaml. */
  framed: {
    totalizers: readonly string[];
    anchorWords: readonly string[];
    laterFrames: readonly string[];
    /** Relatives naming the whole roll before a count (在册的, 现有的): frame words. */
    rollRelatives: readonly string[];
    wholeMarkers: readonly string[];
    subsetWords: readonly string[];
    itemMeasures: readonly string[];
    subLevels: readonly string[];
    scopeFollowers: readonly string[];
    wholeScopes: readonly string[];
  };
  /** Verbs of a period's throughput and the measures of its amount: metric-flow.ts. */
  flowVerbs: readonly string[];
  flowUnits: readonly string[];
  /** Verbs that reach every place of a scope and the place nouns they count: metric-reach.ts. */
  reachVerbs: readonly string[];
  reachPlaces: readonly string[];
}

function strings(raw: Record<string, unknown>, key: string): string[] {
  const value = raw[key];
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || v.length === 0)) {
    throw new Error(`rules/data/metric-conflict.yaml: "${key}" must be a list of non-empty strings`);
  }
  return value as string[];
}

function count(raw: Record<string, unknown>, key: string): number {
  const value = raw[key];
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new Error(`rules/data/metric-conflict.yaml: "${key}" must be a whole number`);
  }
  return value;
}

function synonymsOf(value: unknown): Map<string, string> {
  if (!value || typeof value !== 'object' || Object.values(value).some((v) => typeof v !== 'string' || v.length === 0)) {
    throw new Error('rules/data/metric-conflict.yaml: "synonyms" must map nouns to nouns');
  }
  return new Map(Object.entries(value as Record<string, string>));
}

function load(text: DataSource): MetricConflictData {
  const raw = dataOf(text) as Record<string, unknown>;
  const levels = raw.place_scopes;
  if (!levels || typeof levels !== 'object' || Object.values(levels).some((v) => typeof v !== 'number')) {
    throw new Error('rules/data/metric-conflict.yaml: "place_scopes" must map scope words to numbers');
  }
  return {
    placeScopes: new Map(Object.entries(levels as Record<string, number>)),
    ownScopes: strings(raw, 'own_scopes'),
    schoolScopes: strings(raw, 'school_scopes'),
    clauseScopes: strings(raw, 'clause_scopes'),
    existence: strings(raw, 'existence'),
    countBridges: strings(raw, 'count_bridges'),
    rollRelatives: strings(raw, 'roll_relatives'),
    universal: strings(raw, 'universal'),
    beforeUniversal: strings(raw, 'before_universal'),
    wholeSuffixes: strings(raw, 'whole_suffixes'),
    amongFollowers: strings(raw, 'among_followers'),
    placeUnits: strings(raw, 'place_units'),
    synonyms: synonymsOf(raw.synonyms),
    namedOrganisations: strings(raw, 'named_organisations'),
    verbs: new Set(strings(raw, 'verbs')),
    notInNoun: strings(raw, 'not_in_noun'),
    predicateStarts: strings(raw, 'predicate_starts'),
    coveringPredicates: strings(raw, 'covering_predicates'),
    partialBeforeCount: strings(raw, 'partial_before_count'),
    nounsWithVerbs: strings(raw, 'nouns_with_verbs'),
    targets: strings(raw, 'targets'),
    targetNouns: strings(raw, 'target_nouns'),
    times: strings(raw, 'times'),
    ownPeriod: strings(raw, 'own_period'),
    headedPlaces: strings(raw, 'headed_places'),
    headOrgs: strings(raw, 'head_orgs'),
    headPosts: strings(raw, 'head_posts'),
    headPostOrgs: strings(raw, 'head_post_orgs'),
    scopeBuildVerbs: strings(raw, 'scope_build_verbs'),
    scopeBuildAdverbs: strings(raw, 'scope_build_adverbs'),
    scopeBuildNotStock: strings(raw, 'scope_build_not_stock'),
    scopeBuildPeriodWords: strings(raw, 'scope_build_period_words'),
    scopeBuildNewWords: strings(raw, 'scope_build_new_words'),
    scopeBuildUnits: strings(raw, 'scope_build_units'),
    scopeBuildOwnTimes: strings(raw, 'scope_build_own_times'),
    scopeBuildNounFollowers: strings(raw, 'scope_build_noun_followers'),
    planFlowVerbs: strings(raw, 'plan_flow_verbs'),
    developedOtherTimes: strings(raw, 'developed_other_times'),
    servingQualifiers: strings(raw, 'serving_qualifiers'),
    retiredWords: strings(raw, 'retired_words'),
    staffNouns: strings(raw, 'staff_nouns'),
    staffServing: strings(raw, 'staff_serving'),
    staffRetiredReach: count(raw, 'staff_retired_reach'),
    memberChanges: strings(raw, 'member_changes'),
    founding: strings(raw, 'founding'),
    timeObjectHeads: strings(raw, 'time_object_heads'),
    framed: {
      totalizers: strings(raw, 'framed_totalizers'),
      anchorWords: strings(raw, 'framed_anchor_words'),
      laterFrames: strings(raw, 'framed_later_frames'),
      rollRelatives: strings(raw, 'framed_roll_relatives'),
      wholeMarkers: strings(raw, 'framed_whole_markers'),
      subsetWords: strings(raw, 'framed_subset_words'),
      itemMeasures: strings(raw, 'framed_item_measures'),
      subLevels: strings(raw, 'framed_sub_levels'),
      scopeFollowers: strings(raw, 'framed_scope_followers'),
      wholeScopes: strings(raw, 'framed_whole_scopes'),
    },
    flowVerbs: strings(raw, 'flow_verbs'),
    flowUnits: strings(raw, 'flow_units'),
    reachVerbs: strings(raw, 'reach_verbs'),
    reachPlaces: strings(raw, 'reach_places'),
  };
}

/** The data of rules/data/metric-conflict.yaml; throws at load on malformed data. */
export const metricConflictData: MetricConflictData = load(metricConflictText);
