/**
 * The vocabulary of stock counts (rules/model/stock-counts.ts), parsed once from
 * rules/data/stock-counts.yaml (bundled as data by esbuild). Kept as data so users extend
 * the lists, not code.
 */
import { type DataSource, dataOf } from './yaml-data';
import stockCountsText from './stock-counts.yaml';

export interface StockCountData {
  /** Head nouns a stock's noun ends with (党员, 党支部, 企业…). */
  heads: readonly string[];
  /** Qualifiers holding a particle that still make one noun (规模以上). */
  boundQualifiers: readonly string[];
  /** Kinds of member that make one noun with 党员 (教职工, 学生, 正式), read after a subject with no verb. */
  memberKinds: readonly string[];
  /** Verbs that set up units before a list of their names and their count (下设, 设有). */
  setUpVerbs: readonly string[];
  /** Levels of administration a bureau is called by (县局, 市局). */
  levels: readonly string[];
  /** Verbs that state what exists (现有, 共有, 下设…). */
  existence: readonly string[];
  /** Existence verbs read only where they open the clause (设). */
  clauseExistence: readonly string[];
  /** Existence verbs read only at the end of a number-first lead (辖: 青山镇辖12个行政村). */
  leadExistence: readonly string[];
  /** Words opening with a clause existence verb that are other words (设置, 设立…). */
  clauseExistenceNot: readonly string[];
  /** Existence verbs that date the count to now (现有). */
  present: readonly string[];
  /** Words right before the number that make the count all of the things (全体). */
  whole: readonly string[];
  /** Words right after a counted noun that say all of them do what follows (全部, 均…), longest first. */
  allAfter: readonly string[];
  /** Words after a counted noun's 的 and its things that say it of all of them (全部, 均已…). */
  possessedAll: readonly string[];
  /** Words right after a counted noun that say each of them does what follows (逐一, 每人, 各). */
  distributiveAfter: readonly string[];
  /** Words opening with a distributive word that are other words (各类, 各级…). */
  distributiveNot: readonly string[];
  /** Words right after a counted noun that say where all of them are (分散在, 分布在). */
  spreadAfter: readonly string[];
  /** 仅, 只: right after a count named by the unit's scope, something weighed against it. */
  onlyAfter: readonly string[];
  /** Verbs after 仅/只 that weigh the whole against something (配备, 有): the count is all. */
  onlyWeighedBy: readonly string[];
  /** Prepositions that may open a lead (对, 与): the count is their object. */
  leadPrepositions: readonly string[];
  /** Joiners after a preposition's count and its noun that make the count a pair's (和, 与, 及, 、). */
  pairJoiners: readonly string[];
  /** Verbs before a lead's preposition (加强对…): taken off with it. */
  prepVerbs: readonly string[];
  /** Words after the unit's subject that make the count its own things (所属, 下属). */
  ownThings: readonly string[];
  ownKindThings: readonly string[];
  /** Words of a total between a bare noun and its number (共, 共计), longest first. */
  bareTotal: readonly string[];
  /** Staff nouns read bare beyond the short-noun limit (干部职工). */
  bareStaff: readonly string[];
  /** Words joining the unit's organs to its units into the whole (局机关和下属单位). */
  organsAndUnits: readonly string[];
  /** Words after the unit's kind that make the whole body it leads (局系统). */
  systemWords: readonly string[];
  /** The unit's head office words (机关, 本部, 总部): joined to 各 + sub-units they name the whole body. */
  headOffices: readonly string[];
  /** The words joining a head office to 各 + its sub-units (和, 及, 与). */
  headOfficeJoins: readonly string[];
  /** Verbs that open a lead and put the whole stock to work (组织, 动员…). */
  mobilising: readonly string[];
  /** Things only the reporting unit has (党小组): a count after a mobilising verb needs no scope. */
  internalUnits: readonly string[];
  /** Verbs that put all the members into groups (编入, 划分为…): after 全体 … 党员, the groups' count. */
  partitionVerbs: readonly string[];
  /** Ordinals of a list of points that may open a lead (一是, 二是…). */
  leadOrdinals: readonly string[];
  /** Time words that may open a lead (目前…). */
  leadAdverbs: readonly string[];
  /** Linking words taken off a lead only before a mobilising verb (年内还组织…). */
  leadConnectives: readonly string[];
  /** The speaker before a mobilising verb (我, 我们): taken off a lead (stock-lead.ts). */
  leadSpeakers: readonly string[];
  /** Words after 所属 that make the noun an event's (发展, 表彰…), not a kind of the unit's things. */
  ownedNot: readonly string[];
  /** Words naming the reporting unit whatever its kind (本单位, 我单位, 全单位). */
  selfNames: readonly string[];
  /** The speaker with colleagues (我们) as a lead of a closed count that may be a part. */
  leadWe: readonly string[];
  /** Roles a title names a place's unit by (驻村第一书记): the place before one is the unit. */
  placeRoles: readonly string[];
  /** Words naming a unit by its kind (公司, 学校, 局机关…). */
  unitWords: readonly string[];
  /** Words naming a Party organisation (党委, 党支部…). */
  orgWords: readonly string[];
  /** Organisations that hold posts (党支部…): `N个党支部书记` counts them. */
  postHolders: readonly string[];
  /** Posts an organisation holds (书记, 班子…), after its noun. */
  posts: readonly string[];
  /** Verbs whose object is a kind of unit (配强支部委员): no sub-unit named. */
  objectVerbs: readonly string[];
  /** A level with 直 (县直机关): the organs of a level, no sub-unit. */
  levelOrgans: readonly string[];
  /** Words that, right after the head noun, make a longer noun (干部 in 党员干部). */
  nounContinuations: readonly string[];
  /** 全 words that are a period or a manner, no scope (全年): never 全 and a scope before a count. */
  wholeScopeNot: readonly string[];
  /** Characters that end a person's noun (人 of 致富带头人) run on from a counted noun. */
  compoundPersonHeads: readonly string[];
  /** Predicates of taking part after a count under 全 and the unit (参加, 完成…): the part that took part. */
  participationAfter: readonly string[];
  /** How far after the counted noun compoundPersonHeads are looked for. */
  compoundReach: number;
}

function positive(raw: Record<string, unknown>, key: string): number {
  const value = raw[key];
  if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0) throw new Error(`rules/data/stock-counts.yaml: "${key}" must be a positive integer`);
  return value;
}

function strings(raw: Record<string, unknown>, key: string): string[] {
  const value = raw[key];
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || v.length === 0)) {
    throw new Error(`rules/data/stock-counts.yaml: "${key}" must be a list of non-empty strings`);
  }
  return value as string[];
}

/** Longest first, so a scan takes 党支部 before 支部. */
const longestFirst = (list: string[]) => [...list].sort((a, b) => b.length - a.length);

function load(text: DataSource): StockCountData {
  const raw = dataOf(text) as Record<string, unknown>;
  return {
    heads: longestFirst(strings(raw, 'heads')),
    boundQualifiers: longestFirst(strings(raw, 'bound_qualifiers')),
    memberKinds: longestFirst(strings(raw, 'member_kinds')),
    setUpVerbs: strings(raw, 'set_up_verbs'),
    levels: strings(raw, 'levels'),
    existence: longestFirst(strings(raw, 'existence')),
    present: strings(raw, 'present'),
    clauseExistence: strings(raw, 'clause_existence'),
    clauseExistenceNot: strings(raw, 'clause_existence_not'),
    leadExistence: longestFirst(strings(raw, 'lead_existence')),
    whole: longestFirst(strings(raw, 'whole')),
    placeRoles: longestFirst(strings(raw, 'place_roles')),
    allAfter: longestFirst(strings(raw, 'all_after')),
    possessedAll: strings(raw, 'possessed_all'),
    distributiveAfter: longestFirst(strings(raw, 'distributive_after')),
    distributiveNot: strings(raw, 'distributive_not'),
    spreadAfter: strings(raw, 'spread_after'),
    onlyAfter: strings(raw, 'only_after'),
    onlyWeighedBy: longestFirst(strings(raw, 'only_weighed_by')),
    leadPrepositions: strings(raw, 'lead_prepositions'),
    pairJoiners: strings(raw, 'pair_joiners'),
    prepVerbs: longestFirst(strings(raw, 'prep_verbs')),
    ownThings: strings(raw, 'own_things'),
    ownKindThings: strings(raw, 'own_kind_things'),
    bareTotal: longestFirst(strings(raw, 'bare_total')),
    bareStaff: strings(raw, 'bare_staff'),
    organsAndUnits: strings(raw, 'organs_and_units'),
    systemWords: strings(raw, 'system_words'),
    headOffices: strings(raw, 'head_offices'),
    headOfficeJoins: strings(raw, 'head_office_joins'),
    mobilising: longestFirst(strings(raw, 'mobilising')),
    leadAdverbs: longestFirst(strings(raw, 'lead_adverbs')),
    leadConnectives: longestFirst(strings(raw, 'lead_connectives')),
    leadSpeakers: longestFirst(strings(raw, 'lead_speakers')),
    internalUnits: strings(raw, 'internal_units'),
    selfNames: strings(raw, 'self_names'),
    ownedNot: strings(raw, 'owned_not'),
    leadWe: strings(raw, 'lead_we'),
    partitionVerbs: longestFirst(strings(raw, 'partition_verbs')),
    leadOrdinals: longestFirst(strings(raw, 'lead_ordinals')),
    unitWords: longestFirst(strings(raw, 'unit_words')),
    orgWords: longestFirst(strings(raw, 'org_words')),
    postHolders: longestFirst(strings(raw, 'post_holders')),
    posts: longestFirst(strings(raw, 'posts')),
    objectVerbs: longestFirst(strings(raw, 'object_verbs')),
    levelOrgans: strings(raw, 'level_organs'),
    nounContinuations: longestFirst(strings(raw, 'noun_continuations')),
    wholeScopeNot: strings(raw, 'whole_scope_not'),
    compoundPersonHeads: strings(raw, 'compound_person_heads'),
    participationAfter: strings(raw, 'participation_after'),
    compoundReach: positive(raw, 'compound_reach'),
  };
}

/** The data of rules/data/stock-counts.yaml; throws at load on malformed data. */
export const stockCountData: StockCountData = load(stockCountsText);
