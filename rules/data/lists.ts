/**
 * The vocabulary of the list grammar (rules/model/lists.ts), parsed once from
 * rules/data/lists.yaml (bundled as text by esbuild). Kept as data so users extend the
 * lists, not code.
 */
import { type DataSource, dataOf } from './yaml-data';
import listsText from './lists.yaml';

export interface ListsData {
  /** Measure characters of a “N个一” item (套, 张, 次…). */
  oneMeasures: string;
  /** Words that introduce a complete list after a count or slogan, longest first (`：`, `，即`). */
  completeIntroducers: readonly string[];
  /** Words that introduce a list that may name only some items (`包括`), longest first. */
  partialIntroducers: readonly string[];
  /** Characters after 即 that make it another word (即将, 即使). */
  notAfterJi: string;
  /** Characters after 指 (a quoted slogan's definer) that make it another word (指导, 指出). */
  notAfterZhi: string;
  /** Characters after 如 (an introducer of examples) that make it another word (如期, 如何). */
  notAfterRu: string;
  /**
   * Verbs after a quoted slogan and its short name, behind a comma, that lead its shaped items
   * in (`“四无”标准，做到无A、无B、无C`), longest first.
   */
  sloganAttainVerbs: readonly string[];
  /** Second words of a paired slogan that negate (`“五要五不”`): items may be `A，不B`. */
  pairedSloganNegations: readonly string[];
  /** Verbs after co-organisers that open the first item of a list closed by its count (`…开展A、B等四类服务`). */
  itemLeadVerbs: readonly string[];
  /** Words that open a run of co-organisers (联合, 会同…): the run before an item lead verb names bodies. */
  coOrganiserOpeners: readonly string[];
  /** Endings of a co-organiser's name besides bodyEndings (馆, 站…). */
  coOrganiserEndings: readonly string[];
  /** Verbs leading a slogan's word run after a comma (`推动…进A、进B`), longest first. */
  sloganSendVerbs: readonly string[];
  /** How many Han characters may name a slogan's activity before its introducer. */
  sloganNounsMax: number;
  /** Measure words of a quoted count-slogan (大, 个, 项…). */
  sloganMeasures: readonly string[];
  /** Words after a quoted numeral that make it a grade, not a count (“五星”, “四星级”). */
  gradeWords: readonly string[];
  /** Words after a quoted count that make it part of a name (“三个代表”重要思想), announcing no run. */
  sloganNameHeads: readonly string[];
  /** Words after N大 that make it a Party congress's name (十六大精神, 十八大以来), longest first. */
  congressAfter: readonly string[];
  /**
   * Nouns of time counted with 个 (个工作日, 个月, 个小时), longest first: `N个工作日` is a
   * duration, never a count of items announcing or closing a list.
   */
  durationNouns: readonly string[];
  /** Words right before N大 that make it a Party congress's name (党的七大, 中共三大). */
  congressBefore: readonly string[];
  /** Verbs that lead a 、-list in (围绕, 聚焦…): the list starts after one, inside a segment. */
  listLeadIns: readonly string[];
  listUnits: readonly string[];
  /** Words right before a count that point ahead (以下, 如下): its list follows, past later sentences of its line. */
  aheadWords: readonly string[];
  placeUnits: readonly string[];
  placeNouns: readonly string[];
  /** Body nouns a run of elided ordinals may share besides place_nouns (`第一、第二党小组`). */
  ordinalBodyNouns: readonly string[];
  creationVerbs: readonly string[];
  /** Facility nouns that may close a list of place names written once on its last item (站, 室…). */
  sharedFacilityEndings: readonly string[];
  namedUnits: readonly string[];
  countedUnits: readonly string[];
  /** Measure words of a count of people closing a list of names (名, 人, 位). */
  peopleUnits: readonly string[];
  /** Nouns whose count after `A、B、C等` keeps the open reading even one short (四类群体). */
  dengOpenNouns: readonly string[];
  /** Characters no personal name ends in (places, bodies, posts), as one string. */
  notNameEndings: string;
  /** Verbs after 分别 that pair each subject with one named value (分管, 获评, 是…), longest first. */
  respectivelyPairingVerbs: readonly string[];
  /** Verbs closing `分别由张某、李某担任` (担任, 兼任…): each subject paired with one person. */
  respectivelyByVerbs: readonly string[];
  /** Words for who the persons are, before their names after 分别由 (党员, 同志…), longest first. */
  respectivelyByRoles: readonly string[];
  /** Prepositions and verbs opening what a list of one kind does after its comma (在, 为, 发挥…), longest first. */
  kindListPredicateOpeners: readonly string[];
  /** The writer as the subject opening a clause after a list (我, 我们, 本人), longest first. */
  listStatementSubjects: readonly string[];
  /** Words opening with 我 that are not the writer as subject (我镇, 我局: a unit; 我为: a campaign's name). */
  listSubjectNotWriter: readonly string[];
  /** Words of aim or manner opening a clause after a list of things that is a statement of its own (推动, 坚决…), longest first. */
  listStatementOpeners: readonly string[];
  /** Verbs opening a task in a list of tasks (坚持, 严守, 健全…), besides the other verb lists. */
  listTaskVerbs: readonly string[];
  /** Verbs opening a clause after a list whose items end with the counted noun (组织, 推荐…), besides listStatementOpeners. */
  listActionOpeners: readonly string[];
  /** Counted nouns of rules (制度, 规章制度) whose items may end with any of ruleDocumentKinds. */
  ruleDocumentNouns: readonly string[];
  /** Kinds of rule documents (规则, 办法, 规范…), each one of the 制度 counted. */
  ruleDocumentKinds: readonly string[];
  /** Verbs opening what was made of a list's items (形成, 提出…), after its comma. */
  listResultVerbs: readonly string[];
  /** Verbs opening what a list of rules brings about (做到, 确保…), after its comma. */
  rulesAimVerbs: readonly string[];
  /** Verbs opening a purpose clause between a count's noun (after its comma) and the colon of its items (着力, 推动…). */
  countBridgePurposes: readonly string[];
  /** Verbs right after a count's noun, in a clause ending on the colon of its items (推进, 开展…). */
  countBridgeVerbs: readonly string[];
  /** What the topic's subjects have, before 分别 in a clause of its own (`集体经济收入分别达到…`): 收入, 人数…, longest first. */
  respectivelyTopicAttributes: readonly string[];
  /** Endings of a measured figure (供水量, 营业额): one amount after 分别 cannot serve a list of them. */
  respectivelyMetricEndings: readonly string[];
  /** Nouns that make `一组`, `二村` a name after 分别 (组, 村…), not a number of things. */
  ordinalNameUnits: readonly string[];
  /** What bodies submit or issue (报告, 议案…): a list of bodies before a count of them is its owners. */
  submittedNouns: readonly string[];
  /** How a body's name ends (院, 部, 委, 中心…). */
  bodyEndings: readonly string[];
  /** Verbs that may open the noun written before a count (获评, 下设…), besides creationVerbs. */
  verbsBeforeNoun: readonly string[];
  /** Organisations whose count may be followed by their names in a bracket (`党支部3个（A、B、C）`). */
  bracketOrgNouns: readonly string[];
  /** Measure words of institutions named after `，分别为：` (`6所村小，分别为：…`), besides list_units. */
  namedCountUnits: readonly string[];
}

function strings(raw: Record<string, unknown>, key: string): string[] {
  const value = key.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), raw);
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || v.length === 0)) {
    throw new Error(`rules/data/lists.yaml: "${key}" must be a list of non-empty strings`);
  }
  return value as string[];
}

function load(text: DataSource): ListsData {
  const raw = dataOf(text) as Record<string, unknown>;
  if (typeof raw.one_measures !== 'string' || raw.one_measures.length === 0) {
    throw new Error('rules/data/lists.yaml: "one_measures" must be a string of measure characters');
  }
  if (typeof raw.slogan_nouns_max !== 'number') {
    throw new Error('rules/data/lists.yaml: "slogan_nouns_max" must be a number');
  }
  const byLength = (a: string, b: string) => b.length - a.length;
  return {
    oneMeasures: raw.one_measures,
    completeIntroducers: strings(raw, 'introducers.complete').sort(byLength),
    partialIntroducers: strings(raw, 'introducers.partial').sort(byLength),
    notAfterJi: strings(raw, 'not_after_ji').join(''),
    notAfterRu: strings(raw, 'not_after_ru').join(''),
    notAfterZhi: strings(raw, 'not_after_zhi').join(''),
    sloganNounsMax: raw.slogan_nouns_max,
    sloganAttainVerbs: strings(raw, 'slogan_attain_verbs').sort((a, b) => b.length - a.length),
    pairedSloganNegations: strings(raw, 'paired_slogan_negations'),
    itemLeadVerbs: strings(raw, 'item_lead_verbs'),
    coOrganiserOpeners: strings(raw, 'co_organiser_openers'),
    coOrganiserEndings: strings(raw, 'co_organiser_endings'),
    sloganSendVerbs: strings(raw, 'slogan_send_verbs').sort((a, b) => b.length - a.length),
    sloganMeasures: strings(raw, 'slogan_measures'),
    gradeWords: strings(raw, 'grade_words'),
    sloganNameHeads: strings(raw, 'slogan_name_heads'),
    congressAfter: strings(raw, 'congress_after').sort(byLength),
    durationNouns: strings(raw, 'duration_nouns').sort(byLength),
    congressBefore: strings(raw, 'congress_before'),
    listLeadIns: strings(raw, 'list_lead_ins'),
    listUnits: strings(raw, 'list_units'),
    aheadWords: strings(raw, 'ahead_words'),
    placeUnits: strings(raw, 'place_units'),
    placeNouns: strings(raw, 'place_nouns').sort(byLength),
    ordinalBodyNouns: strings(raw, 'ordinal_body_nouns').sort(byLength),
    creationVerbs: strings(raw, 'creation_verbs'),
    sharedFacilityEndings: strings(raw, 'shared_facility_endings'),
    namedUnits: strings(raw, 'named_units'),
    countedUnits: strings(raw, 'counted_units'),
    peopleUnits: strings(raw, 'people_units'),
    dengOpenNouns: strings(raw, 'deng_open_nouns'),
    notNameEndings: String(raw.not_name_endings),
    respectivelyPairingVerbs: strings(raw, 'respectively_pairing_verbs').sort(byLength),
    respectivelyByVerbs: strings(raw, 'respectively_by_verbs'),
    respectivelyByRoles: strings(raw, 'respectively_by_roles').sort(byLength),
    kindListPredicateOpeners: strings(raw, 'kind_list_predicate_openers').sort(byLength),
    listStatementSubjects: strings(raw, 'list_statement_subjects').sort(byLength),
    listSubjectNotWriter: strings(raw, 'list_subject_not_writer'),
    listStatementOpeners: strings(raw, 'list_statement_openers').sort(byLength),
    listActionOpeners: strings(raw, 'list_action_openers').sort(byLength),
    listTaskVerbs: strings(raw, 'list_task_verbs').sort(byLength),
    ruleDocumentNouns: strings(raw, 'rule_document_nouns'),
    ruleDocumentKinds: strings(raw, 'rule_document_kinds'),
    listResultVerbs: strings(raw, 'list_result_verbs'),
    rulesAimVerbs: strings(raw, 'rules_aim_verbs'),
    countBridgePurposes: strings(raw, 'count_bridge_purposes'),
    countBridgeVerbs: strings(raw, 'count_bridge_verbs'),
    respectivelyTopicAttributes: strings(raw, 'respectively_topic_attributes').sort(byLength),
    respectivelyMetricEndings: strings(raw, 'respectively_metric_endings').sort(byLength),
    ordinalNameUnits: strings(raw, 'ordinal_name_units'),
    verbsBeforeNoun: strings(raw, 'verbs_before_noun'),
    bracketOrgNouns: strings(raw, 'bracket_org_nouns'),
    namedCountUnits: strings(raw, 'named_count_units'),
    submittedNouns: strings(raw, 'submitted_nouns'),
    bodyEndings: strings(raw, 'body_endings'),
  };
}

/** The data of rules/data/lists.yaml; throws at load on malformed data. */
export const listsData: ListsData = load(listsText);
