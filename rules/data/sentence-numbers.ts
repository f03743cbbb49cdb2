/**
 * The vocabulary of the sentence-level number rules (total-breakdown, respectively-count,
 * trend-direction, percentage-range), parsed once from sentence-numbers.yaml (bundled as
 * text by esbuild, loaded as text by the mocha hook). Word lists become alternations,
 * longest first, compiled here once.
 */
import { type DataSource, dataOf, wordAlternation, wordList } from './yaml-data';
import quantitiesText from './quantities.yaml';
import text from './sentence-numbers.yaml';

export interface SentenceNumbersData {
  /** Units that count people (名, 人, 位): compatible with each other. */
  peopleUnits: ReadonlySet<string>;
  /** Money units and their factor to 元 (万元 → 10000). */
  moneyFactors: ReadonlyMap<string, number>;
  /** Relative tolerances of 约/左右 (`about`) and 近 (`near`), between 0 and 1. */
  approximation: { about: number; near: number };
  breakdown: {
    notTotalUnits: ReadonlySet<string>;
    /** Anchored at the start of a label: `其他成员` → true. */
    remainder: RegExp;
    /** Anchored at the start: 其他/其余 + an agent or source noun with more words after it (`其他部门配合…`). */
    restAgent: RegExp;
    /** Anchored right after 其中 (an optional ：/: first): `用于培训…` → true (`purpose_words`). */
    purpose: RegExp;
    /**
     * Anchored right after 其中: `研究重大事项…` → true (`agenda_words`: what meetings took up), also
     * after the manner (`以“第一议题”形式传达学习…`; `agenda_manners`).
     */
    agenda: RegExp;
    /**
     * Anchored at the end of a total's clause: an agenda word, then at most 12 characters, then
     * an agenda noun (`研究议题`, `审议重大事项`; `agenda_words`, `agenda_items`).
     */
    agendaCount: RegExp;
    /** Unanchored: a verb placing people into groups (`编入`, `分为`…; `assign_words`). */
    assign: RegExp;
    partitions: readonly (readonly string[])[];
    partitionLabelRest: number;
    /** Sets whose words END a label of a part: distinct ones exhaust the total (`机关党委`, `党支部`). */
    suffixPartitions: readonly (readonly string[])[];
    /** Sets naming every kind there is (金牌/银牌/铜牌): all of them exhaust the total, some leave the rest (`closed_sets`). */
    closedSets: readonly (readonly string[])[];
    /** Levels of government, highest first, each level's words longest first (`funding_levels`). */
    fundingLevels: readonly (readonly string[])[];
    /** Verbs of a 累计 total raising or putting in money (`funding_verbs`). */
    fundingVerbs: readonly string[];
    /** Anchored at the end of a label: a noun of funds (`资金`, `补助`; `funding_nouns`). */
    fundingNoun: RegExp;
    /** Schooling levels, lowest first; each entry the words naming one level. */
    educationLevels: readonly (readonly string[])[];
    /** Professional title levels, lowest first, each level's words longest first (`title_levels`). */
    titleLevels: readonly (readonly string[])[];
    /** Cadre rank tiers, lowest first, each tier's words longest first (`cadre_levels`). */
    cadreLevels: readonly (readonly string[])[];
    /** Words a dimension band's label may hold besides the band (党员, 学历, 的…), longest first. */
    dimensionFillers: readonly string[];
    /** Anchored at the end: the words naming a dimension at the end of an intro (`党员年龄结构`). */
    dimensionEnd: RegExp;
    /**
     * A label that is no part: a stop word anywhere in it, or a non-member word (积极分子,
     * 发展对象) ending it (`入党积极分子`, `确定为发展对象的`, `积极分子中女性`).
     */
    stop: RegExp;
    /** Verbs that only say things were done (完成): a strict total may restate any part's verb by them. */
    doneVerbs: readonly string[];
    /** Anchored at the end: a class word ending a label (`…培训班`): the label names an audience. */
    audienceHead: RegExp;
    /** Unanchored: a stop word anywhere in a label (not the non-member words). */
    stopPlain: RegExp;
    /** Unanchored: a non-member word (a total's clause naming them counts them too). */
    nonMember: RegExp;
    /** Unanchored: a whole of everyone in a unit (`员工`, `职工`): with a 群众 part, non-members are parts too. */
    staffWhole: RegExp;
    /** Anchored at the end: a label naming a workplace (`局机关`, `司法所`, `就业服务中心`): staff_workplaces. */
    staffWorkplace: RegExp;
    /** Unanchored: a whole of residents (`村民`, `居民`), not staff of a workplace. */
    residentWhole: RegExp;
    /**
     * Anchored at the start of a later part's clause: a stock at another time point (`年底`,
     * `2025年末`, `12月底`, `截至`) or a word naming the whole unit, a new subject (`全村`): a new
     * statement, which ends the parts.
     */
    newStatement: RegExp;
    /** Words saying a task is done (`已完成`) and still under way (`正在推进`), longest first. */
    statusDone: readonly string[];
    statusPending: readonly string[];
    /** Words of time that may open a status part (`目前`), longest first. */
    statusLead: readonly string[];
    /** The stages of one procedure in order (`stages`), each level's words longest first. */
    stages: readonly (readonly string[])[];
    /** The stages of joining the Party in order (`member_stages`), each level's words longest first. */
    memberStages: readonly (readonly string[])[];
    /** Verbs spreading a total over named places after its comma (`分布在`, `distribution_verbs`), longest first. */
    distributionVerbs: readonly string[];
    /** Verbs of a total that only say a period's activities were done (`run_total_verbs`). */
    runTotalVerbs: readonly string[];
    /** Modifiers of a general noun naming voluntary or public service (`service_umbrellas`). */
    serviceUmbrellas: readonly string[];
    /** Unanchored: a verb anywhere in a label. */
    verbs: RegExp;
    /** Anchored at the start: a verb saying what counted things reach (`覆盖`), not their parts. */
    reachVerbs: RegExp;
    /** Global: a verb that ends a noun (`社会组织`), after two Han characters, before a conjunction or the end. */
    nounHead: RegExp;
    /** Global: a verb that is part of a place's or body's name (`服务` of `为农服务社`), before a `verb_noun_suffixes` word. */
    verbNoun: RegExp;
    /** Unanchored: an attribute word anywhere in a label (parts that overlap). */
    overlap: RegExp;
    /** Units of an area of land (`area_units`). */
    areaUnits: ReadonlySet<string>;
    /** Global: words naming a kind of crop in a label of land (`land_kind_words`), no attribute there. */
    landKind: RegExp;
    /** Global: fixed terms holding an overlap word that name a kind, not an attribute (`kind_terms`: 社会青年). */
    kindTerms: RegExp;
    /** Unanchored: words in a bracket aside right after the parts saying they overlap (`overlap_stated_aside`: 两类有交叉). */
    overlapStatedAside: RegExp;
    /**
     * Unanchored: words in the clause after the parts saying they overlap (`overlap_stated`:
     * 有重复统计), or that some are in both (`overlap_some` … 均/都/同时 + `overlap_both_verbs`:
     * 部分党员线上线下均参加).
     */
    overlapStated: RegExp;
    /**
     * Anchored: a later part's label that opens with an actor (`班子成员`) and goes on with what
     * it did (`讲授党课`), not ending in an event noun (`agent_words`, `agent_event_ends`).
     */
    agentClause: RegExp;
    /** Unanchored: a word widening a total to every kind of a category (`各类`, `kinds_prefixes`). */
    kindsPrefix: RegExp;
    /** Anchored at the end: a total's clause counting party organisations (`kind_org_totals`). */
    kindOrgTotal: RegExp;
    /** Anchored at the end: a part's label naming a kind of party organisation (`kind_org_parts`). */
    kindOrgPart: RegExp;
    /** The kinds of party organisation (`kind_org_parts`) as a regex alternation source: a unit naming itself (`联合党支部`). */
    kindOrgPartsSource: string;
    /**
     * Anchored at the end of the text before a total's number: `，累计`, `，共计达`, `，全年合计`
     * (group 1 the total word; a period word, `period_words`, may open the clause). The comma
     * opens the total's clause.
     */
    totalAfterParts: RegExp;
    /**
     * Anchored at the end of the text before a total's number: `，全年累计开展` (group 1 what
     * stands before the total word, often a period; 2 the total word; 3 the two-character
     * verb it restates).
     */
    totalRestating: RegExp;
    /** Alternation source of the total words (合计, 累计, 共计, 总计, 共). */
    totalWordsSource: string;
    /** The period words (全年, 上半年…) as a regex alternation source. */
    periodWordsSource: string;
    /** Alternation source of the links after a total word (达到, 为…). */
    totalLinksSource: string;
    /** Alternation source of the words that only widen a whole noun (各类, 各项…; `whole_prefixes`). */
    wholePrefixesSource: string;
    /** Anchored at the end: a word naming the parts' period (全年, 上半年, 一季度). */
    periodEnd: RegExp;
    /**
     * Anchored at the end of the text before a total's number: `，全年累计立项`, `，全年共`
     * (group 1 the period word, 2 the total word, 3 a link (达, 为…), 4 a two-character verb,
     * 5 a noun of 1–6 Han characters after it: `，上半年累计检查社会单位`).
     */
    totalForPeriod: RegExp;
    /**
     * Anchored at the end of the text before a total's number: `，累计召开会议` (group 1
     * what stands before the total word; 2 the total word; 3 the two-character verb; 4 the
     * noun, 1–NAMING_NOUN_MAX Han characters).
     */
    totalNaming: RegExp;
    /** Anchored: the noun of a whole (`各类会议` → group 1 `各类`, 2 ``, 3 `会议`; `技改项目` → 2 `技改`). */
    wholeNoun: RegExp;
    /** Anchored: a generic noun re-counting kinds of places or bodies (`单位`, `各类点位`, `经营单位`: group 3 the noun). */
    countWhole: RegExp;
    /** Measure words of the places or bodies a count_wholes noun re-counts (个, 家, 户, 所…). */
    placeUnits: ReadonlySet<string>;
    /** Measure words of items a 各类 total re-counts (份, 个, 件, 本…). */
    itemUnits: ReadonlySet<string>;
    /** Measure words such a total re-counts items in (份, 件, 个, 件次). */
    itemTotals: ReadonlySet<string>;
    /** Anchored: a noun re-counting business handled as cases (`婚姻登记业务`: group 1 `婚姻登记`; `case_wholes`). */
    caseWhole: RegExp;
    /** Measure words such a total counts cases in (件, 笔…; `case_totals`). */
    caseTotals: ReadonlySet<string>;
    /** Measure words of the kinds of business it re-counts (对, 件, 笔…; `case_units`). */
    caseUnits: ReadonlySet<string>;
    /** Anchored: a noun re-counting events as occasions (`各类活动`, `活动`; `event_wholes`, after whole_prefixes). */
    eventWhole: RegExp;
    /** Measure words such a total counts occasions in (场次; `event_totals`). */
    eventTotals: ReadonlySet<string>;
    /** Measure words of the kinds of events it re-counts (期, 场, 次…; `event_units`). */
    eventUnits: ReadonlySet<string>;
    /** Verbs of holding an event (开展, 举办…; `event_verbs`): the total's may stand for the first label's. */
    eventVerbs: ReadonlySet<string>;
  };
  respectively: {
    conjunctions: ReadonlySet<string>;
    timeUnits: ReadonlySet<string>;
    /** Units of a numbered subject that do not count distinct things (人次, 元, %). */
    notCountUnits: ReadonlySet<string>;
    /** Words that make the partner in `我和X分别…` a group of people (班子成员, 其他支委): no count of subjects. */
    selfPartnerGroups: readonly string[];
    /**
     * Alternation source of the units a value may carry: the quantity layer's measure words
     * (rules/data/quantities.yaml), the rank words and the measurement units (℃) of
     * sentence-numbers.yaml.
     */
    valueUnits: string;
  };
  trend: {
    /** Alternation sources (no groups), longest first. */
    up: string;
    down: string;
    timePrefixes: string;
    /** Alternation source (no groups) of the adverbs that may stand before the verb (进一步, 大幅). */
    adverbs: string;
    upWords: ReadonlySet<string>;
    /** Unanchored: a rank word anywhere in a clause. */
    rankWords: RegExp;
    /**
     * Alternation source of the units a trend's values may carry: `valueUnits`, the durations
     * (分钟, 工作日), physical measures alone or per a unit (`克/千瓦时`) and the score units
     * (分), each score unit guarded so 分钟/分之/分秒 do not read as one.
     */
    valueUnits: string;
  };
  rates: {
    /** Alternation source of the share words. */
    shareWords: string;
    /** Anchored at the end: a rate word that may exceed 100% (`…增长率`). */
    unbounded: RegExp;
    /** Anchored at the end: a rate word that states M of N whatever the words (`…覆盖率`). */
    coverage: RegExp;
    /** Anchored at the end: a financial ratio of two named aggregates (`资产负债率`), never recomputed from nearby amounts. */
    defined: RegExp;
    /** Unanchored: a verb of closing a case (`办结`, `解决`, `答复`). */
    closure: RegExp;
    /**
     * Defined ratios recomputed from the aggregates they name: the ratio's name, the numerator's
     * names, the denominator's; or, for a difference's share (产销差率), no numerator and the names
     * of what is subtracted from the denominator (`less`).
     */
    definedParts: readonly { ratio: string; part: readonly string[]; whole: readonly string[]; less: readonly string[] }[];
    /** Anchored at the end of "占…的" without its 的: a base that is a target (`…目标`). */
    targetBase: RegExp;
    /** Unanchored: a qualifier in a rate name that makes its part a subset the text does not count (`审限内`, `当庭`, `按期`). */
    qualified: RegExp;
    /** Anchored at the end: a rate of the people or things assessed (`培训合格率`, `考试通过率`). */
    assessed: RegExp;
    /** Anchored at the end: a rate of attendance (`参学率`, `参会率`; `attendance_rates`). */
    attendance: RegExp;
    /** Measures of sessions (期, 场, 轮): what a course or meeting is held in, never whom it assesses. */
    sessionUnits: readonly string[];
    /** Anchored at the end: a rate named by an outcome (`调解成功率`, `合格率`: rates.outcome_words). */
    outcome: RegExp;
    /** The outcome words themselves (`成功`, `合格`, `通过`). */
    outcomeWords: readonly string[];
    /** Alternation source of the words naming a population by its standing (`在岗`, `在职`, `全体`). */
    populationQualifiers: string;
    /** Compounds naming a whole staff (`干部职工`), read as their last noun's population. */
    populationCompounds: readonly string[];
    /** Alternation source of the connectors. */
    connectors: string;
    /** Alternation source of the figures that may turn negative (`利润`, `增速`): a fall of theirs may exceed 100%. */
    signedFigures: string;
  };
}

const WHERE = 'rules/data/sentence-numbers.yaml';

/**
 * The longest noun (in Han characters) a total's clause after its verb may name (`totalNaming`:
 * `，合计化解群众身边烦心问题44件` names an eight-character noun); a whole noun's words before its
 * general noun (`wholeNoun`) may be this less two.
 */
export const NAMING_NOUN_MAX = 10;
const words = (value: unknown, where: string): string[] => wordList(value, WHERE, where);
/** Alternation of `list`, longest first so `分别达到` wins over `分别`. */
const alternation = wordAlternation;

// Raw YAML: `any`, checked field by field.
/**
 * The stop word 共 as a pattern that skips a 共 inside one of `compounds` (sentence-numbers.yaml
 * `breakdown.stop_gong_words`: 中共, 共建单位…): a lookbehind for the text a compound has before
 * its 共, a lookahead for the text after it (`(?<!中|…)共(?!产|建单位|…)`). A compound holding 共
 * twice (共驻共建) gives each 共 its own sides. Throws, naming the field, on a word without 共.
 */
function gongInWords(compounds: readonly string[]): string {
  const before = new Set<string>();
  const after = new Set<string>();
  for (const word of compounds) {
    if (!word.includes('共')) throw new Error(`${WHERE}: breakdown.stop_gong_words: ${word} holds no 共`);
    for (let at = word.indexOf('共'); at >= 0; at = word.indexOf('共', at + 1)) {
      if (at > 0) before.add(word.slice(0, at));
      if (at < word.length - 1) after.add(word.slice(at + 1));
    }
  }
  const behind = before.size > 0 ? `(?<!${alternation([...before])})` : '';
  const ahead = after.size > 0 ? `(?!${alternation([...after])})` : '';
  return `${behind}共${ahead}`;
}

function load(source: DataSource): SentenceNumbersData {
  const raw = dataOf(source) as any;
  const money = raw?.units?.money as Record<string, unknown> | undefined;
  if (!money || typeof money !== 'object') throw new Error(`${WHERE}: units.money must map units to factors`);
  const moneyFactors = new Map<string, number>();
  for (const [unit, factor] of Object.entries(money)) {
    if (typeof factor !== 'number' || !(factor > 0)) throw new Error(`${WHERE}: units.money.${unit} must be a positive number`);
    moneyFactors.set(unit, factor);
  }
  const b = raw.breakdown ?? {};
  const partitions = (b.partitions as unknown[] | undefined ?? []).map((p, i) => words(p, `breakdown.partitions[${i}]`));
  const rest = b.partition_label_rest;
  // 共 inside a word is no 共 of a total: 公共设施类, 中共党员, 共产党员, 共建单位捐助.
  const stopSource = alternation(words(b.stop_words, 'breakdown.stop_words')).replace(/(^|\|)共(?=\||$)/u, `$1${gongInWords(words(b.stop_gong_words, 'breakdown.stop_gong_words'))}`);
  const nonMemberEnd = `(?:${alternation(words(b.non_member_words, 'breakdown.non_member_words'))})(?:的|中.*)?$`;
  if (typeof rest !== 'number' || rest < 0) throw new Error(`${WHERE}: breakdown.partition_label_rest must be a number ≥ 0`);
  const up = words(raw.trend?.up, 'trend.up');
  const valueUnits = alternation([...words((dataOf(quantitiesText) as any)?.measures, 'quantities.yaml measures'), ...words(raw.respectively?.rank_units, 'respectively.rank_units'), ...words(raw.respectively?.measure_units, 'respectively.measure_units')]);
  const approximation = { about: raw.approximation?.about, near: raw.approximation?.near };
  for (const [key, value] of Object.entries(approximation)) {
    if (typeof value !== 'number' || !(value >= 0 && value < 1)) throw new Error(`${WHERE}: approximation.${key} must be a number in [0, 1)`);
  }
  return {
    peopleUnits: new Set(words(raw.units?.people, 'units.people')),
    moneyFactors,
    approximation: approximation as { about: number; near: number },
    breakdown: {
      notTotalUnits: new Set(words(b.not_total_units, 'breakdown.not_total_units')),
      remainder: new RegExp(`^(?:${alternation(words(b.remainder_words, 'breakdown.remainder_words'))})`, 'u'),
      restAgent: new RegExp(`^(?:${alternation(words(b.remainder_words, 'breakdown.remainder_words'))})(?:${alternation(words(b.rest_agents, 'breakdown.rest_agents'))})\\p{Script=Han}`, 'u'),
      purpose: new RegExp(`^[：:]?(?:${alternation(words(b.purpose_words, 'breakdown.purpose_words'))})`, 'u'),
      agenda: new RegExp(`^[：:]?(?:(?:以|通过)[^，,；;。]{1,12}?(?:${alternation(words(b.agenda_manners, 'breakdown.agenda_manners'))}))?(?:${alternation(words(b.agenda_words, 'breakdown.agenda_words'))})`, 'u'),
      agendaCount: new RegExp(`(?:${alternation(words(b.agenda_words, 'breakdown.agenda_words'))})[^，,；;。]{0,12}(?:${alternation(words(b.agenda_items, 'breakdown.agenda_items'))})$`, 'u'),
      assign: new RegExp(alternation(words(b.assign_words, 'breakdown.assign_words')), 'u'),
      partitions,
      partitionLabelRest: rest,
      suffixPartitions: (b.suffix_partitions as unknown[] | undefined ?? []).map((p, i) => words(p, `breakdown.suffix_partitions[${i}]`)),
      closedSets: (b.closed_sets as unknown[] | undefined ?? []).map((p, i) => words(p, `breakdown.closed_sets[${i}]`)),
      fundingLevels: (b.funding_levels as unknown[] | undefined ?? []).map((p, i) => words(p, `breakdown.funding_levels[${i}]`).sort((x, y) => y.length - x.length)),
      fundingVerbs: words(b.funding_verbs, 'breakdown.funding_verbs'),
      fundingNoun: new RegExp(`(?:${alternation(words(b.funding_nouns, 'breakdown.funding_nouns'))})$`, 'u'),
      titleLevels: (b.title_levels as unknown[] | undefined ?? []).map((p, i) => words(p, `breakdown.title_levels[${i}]`).sort((x, y) => y.length - x.length)),
      cadreLevels: (b.cadre_levels as unknown[] | undefined ?? []).map((p, i) => words(p, `breakdown.cadre_levels[${i}]`).sort((x, y) => y.length - x.length)),
      educationLevels: (b.education_levels as unknown[] | undefined ?? []).map((p, i) => words(p, `breakdown.education_levels[${i}]`).sort((x, y) => y.length - x.length)),
      dimensionFillers: words(b.dimension_fillers, 'breakdown.dimension_fillers').sort((x, y) => y.length - x.length),
      dimensionEnd: new RegExp(`(?:${alternation(words(b.dimension_words, 'breakdown.dimension_words'))})$`, 'u'),
      stop: new RegExp(`${stopSource}|${nonMemberEnd}`, 'u'),
      stopPlain: new RegExp(stopSource, 'u'),
      doneVerbs: words(b.done_verbs, 'breakdown.done_verbs'),
      audienceHead: new RegExp(`(?:${alternation(words(b.audience_heads, 'breakdown.audience_heads'))})$`, 'u'),
      nonMember: new RegExp(alternation(words(b.non_member_words, 'breakdown.non_member_words')), 'u'),
      staffWhole: new RegExp(alternation(words(b.staff_wholes, 'breakdown.staff_wholes')), 'u'),
      staffWorkplace: new RegExp(`(?:${alternation(words(b.staff_workplaces, 'breakdown.staff_workplaces'))})$`, 'u'),
      residentWhole: new RegExp(alternation(words(b.resident_wholes, 'breakdown.resident_wholes')), 'u'),
      newStatement: new RegExp(
        `^(?:(?:\\d{4}|[〇零一二三四五六七八九]{4})年)?(?:\\d{1,2}月[底末]|${alternation(words(b.stock_times, 'breakdown.stock_times'))}|${alternation(words(b.new_subjects, 'breakdown.new_subjects'))}|(?:${alternation(words(b.new_wholes, 'breakdown.new_wholes'))})中(?![心层]))`,
        'u',
      ),
      statusDone: words(b.status_done, 'breakdown.status_done').sort((x, y) => y.length - x.length),
      statusPending: words(b.status_pending, 'breakdown.status_pending').sort((x, y) => y.length - x.length),
      statusLead: words(b.status_lead, 'breakdown.status_lead').sort((x, y) => y.length - x.length),
      stages: (b.stages as unknown[] | undefined ?? []).map((p, i) => words(p, `breakdown.stages[${i}]`).sort((x, y) => y.length - x.length)),
      memberStages: (b.member_stages as unknown[] | undefined ?? []).map((p, i) => words(p, `breakdown.member_stages[${i}]`).sort((x, y) => y.length - x.length)),
      distributionVerbs: words(b.distribution_verbs, 'breakdown.distribution_verbs').sort((x, y) => y.length - x.length),
      runTotalVerbs: words(b.run_total_verbs, 'breakdown.run_total_verbs'),
      serviceUmbrellas: words(b.service_umbrellas, 'breakdown.service_umbrellas'),
      verbs: new RegExp(alternation(words(b.verbs, 'breakdown.verbs')), 'u'),
      reachVerbs: new RegExp(`^(?:${alternation(words(b.reach_verbs, 'breakdown.reach_verbs'))})`, 'u'),
      verbNoun: new RegExp(`(?:${alternation(words(b.verbs, 'breakdown.verbs'))})(?=${alternation(words(b.verb_noun_suffixes, 'breakdown.verb_noun_suffixes'))})`, 'gu'),
      nounHead: new RegExp(`(?<=\\p{Script=Han}{2})(?:${alternation(words(b.noun_heads, 'breakdown.noun_heads'))})(?=[和及与、]|$)`, 'gu'),
      overlap: new RegExp(alternation(words(b.overlap_words, 'breakdown.overlap_words')), 'u'),
      areaUnits: new Set(words(b.area_units, 'breakdown.area_units')),
      landKind: new RegExp(alternation(words(b.land_kind_words, 'breakdown.land_kind_words')), 'gu'),
      kindTerms: new RegExp(alternation(words(b.kind_terms, 'breakdown.kind_terms')), 'gu'),
      overlapStatedAside: new RegExp(alternation(words(b.overlap_stated_aside, 'breakdown.overlap_stated_aside')), 'u'),
      overlapStated: new RegExp(`${alternation(words(b.overlap_stated, 'breakdown.overlap_stated'))}|(?:${alternation(words(b.overlap_some, 'breakdown.overlap_some'))})[^，,。；;]{0,12}?(?:均|都|同时)(?:${alternation(words(b.overlap_both_verbs, 'breakdown.overlap_both_verbs'))})`, 'u'),
      agentClause: new RegExp(`^\\p{Script=Han}{0,4}?(?:${alternation(words(b.agent_words, 'breakdown.agent_words'))})(?!\\p{Script=Han}*(?:${alternation(words(b.agent_event_ends, 'breakdown.agent_event_ends'))})$)\\p{Script=Han}{3,}$`, 'u'),
      kindsPrefix: new RegExp(alternation(words(b.kinds_prefixes, 'breakdown.kinds_prefixes')), 'u'),
      kindOrgTotal: new RegExp(`(?:${alternation(words(b.kind_org_totals, 'breakdown.kind_org_totals'))})$`, 'u'),
      kindOrgPart: new RegExp(`(?:${alternation(words(b.kind_org_parts, 'breakdown.kind_org_parts'))})$`, 'u'),
      kindOrgPartsSource: alternation(words(b.kind_org_parts, 'breakdown.kind_org_parts')),
      totalAfterParts: new RegExp(`[，,](?:${alternation(words(b.period_words, 'breakdown.period_words'))})?(${alternation(words(b.total_words, 'breakdown.total_words'))})(?:${alternation(words(b.total_links, 'breakdown.total_links'))})?$`, 'u'),
      totalRestating: new RegExp(`[，,](\\p{Script=Han}{0,4}?)(${alternation(words(b.total_words, 'breakdown.total_words'))})(\\p{Script=Han}{2})$`, 'u'),
      totalWordsSource: alternation(words(b.total_words, 'breakdown.total_words')),
      periodWordsSource: alternation(words(b.period_words, 'breakdown.period_words')),
      totalLinksSource: alternation(words(b.total_links, 'breakdown.total_links')),
      wholePrefixesSource: alternation(words(b.whole_prefixes, 'breakdown.whole_prefixes')),
      periodEnd: new RegExp(`(?:${alternation(words(b.period_words, 'breakdown.period_words'))})$`, 'u'),
      totalForPeriod: new RegExp(`[，,](${alternation(words(b.period_words, 'breakdown.period_words'))})(${alternation(words(b.total_words, 'breakdown.total_words'))})(${alternation(words(b.total_links, 'breakdown.total_links'))})?(\\p{Script=Han}{2})?(\\p{Script=Han}{1,6})?$`, 'u'),
      totalNaming: new RegExp(`[，,](\\p{Script=Han}{0,4}?)(${alternation(words(b.total_words, 'breakdown.total_words'))})(\\p{Script=Han}{2})(\\p{Script=Han}{1,${NAMING_NOUN_MAX}})$`, 'u'),
      wholeNoun: new RegExp(`^(${alternation(words(b.whole_prefixes, 'breakdown.whole_prefixes'))})?(\\p{Script=Han}{0,${NAMING_NOUN_MAX - 2}}?)(${alternation(words(b.whole_nouns, 'breakdown.whole_nouns'))})$`, 'u'),
      countWhole: new RegExp(`^(${alternation(words(b.whole_prefixes, 'breakdown.whole_prefixes'))})?(\\p{Script=Han}{0,4}?)(${alternation(words(b.count_wholes, 'breakdown.count_wholes'))})$`, 'u'),
      placeUnits: new Set(words(b.place_units, 'breakdown.place_units')),
      itemUnits: new Set(words(b.item_units, 'breakdown.item_units')),
      itemTotals: new Set(words(b.item_totals, 'breakdown.item_totals')),
      caseWhole: new RegExp(`^(\\p{Script=Han}{0,${NAMING_NOUN_MAX - 2}}?)(?:${alternation(words(b.case_wholes, 'breakdown.case_wholes'))})$`, 'u'),
      caseTotals: new Set(words(b.case_totals, 'breakdown.case_totals')),
      caseUnits: new Set(words(b.case_units, 'breakdown.case_units')),
      eventWhole: new RegExp(`^(?:${alternation(words(b.whole_prefixes, 'breakdown.whole_prefixes'))})?(?:${alternation(words(b.event_wholes, 'breakdown.event_wholes'))})$`, 'u'),
      eventTotals: new Set(words(b.event_totals, 'breakdown.event_totals')),
      eventUnits: new Set(words(b.event_units, 'breakdown.event_units')),
      eventVerbs: new Set(words(b.event_verbs, 'breakdown.event_verbs')),
    },
    respectively: {
      conjunctions: new Set(words(raw.respectively?.conjunctions, 'respectively.conjunctions')),
      timeUnits: new Set(words(raw.respectively?.time_units, 'respectively.time_units')),
      notCountUnits: new Set(words(raw.respectively?.not_count_units, 'respectively.not_count_units')),
      selfPartnerGroups: words(raw.respectively?.self_partner_groups, 'respectively.self_partner_groups'),
      // Scores too (`依次为91.2分、93.6分`), but not minutes or fractions (分钟, 三分之一).
      valueUnits: `${valueUnits}|(?:${alternation(words(raw.trend?.score_units, 'trend.score_units'))})(?![钟之秒])`,
    },
    trend: {
      up: alternation(up),
      down: alternation(words(raw.trend?.down, 'trend.down')),
      timePrefixes: alternation(words(raw.trend?.time_prefixes, 'trend.time_prefixes')),
      adverbs: alternation(words(raw.trend?.adverbs, 'trend.adverbs')),
      upWords: new Set(up),
      rankWords: new RegExp(alternation(words(raw.trend?.rank_words, 'trend.rank_words')), 'u'),
      // Durations first: `个工作日` must not stop at the measure word 个. A unit per a unit
      // (`克/千瓦时`, `吨/万元`, `件/人`, `小时/件`: any physical, duration or counting unit over
      // a per unit) before any single one, which would stop at its first part.
      valueUnits: `${alternation(words(raw.trend?.population_rate_units, 'trend.population_rate_units'))}|(?:${alternation(words(raw.trend?.physical_units, 'trend.physical_units'))}|${alternation(words(raw.trend?.time_units, 'trend.time_units'))}|${valueUnits})/(?:${alternation(words(raw.trend?.per_units, 'trend.per_units'))})|${alternation(words(raw.trend?.time_units, 'trend.time_units'))}|${alternation(words(raw.trend?.physical_units, 'trend.physical_units'))}|${valueUnits}|(?:${alternation(words(raw.trend?.score_units, 'trend.score_units'))})(?![钟之秒])`,
    },
    rates: {
      shareWords: alternation(words(raw.rates?.share_words, 'rates.share_words')),
      unbounded: new RegExp(`(?:${alternation(words(raw.rates?.unbounded_rates, 'rates.unbounded_rates'))})$`, 'u'),
      coverage: new RegExp(`(?:${alternation(words(raw.rates?.coverage_rates, 'rates.coverage_rates'))})$`, 'u'),
      defined: new RegExp(`(?:${alternation(words(raw.rates?.defined_ratios, 'rates.defined_ratios'))})$`, 'u'),
      closure: new RegExp(alternation(words(raw.rates?.closure_verbs, 'rates.closure_verbs')), 'u'),
      definedParts: ((raw.rates?.defined_ratio_parts as unknown[] | undefined) ?? []).map((d, i) => {
        const e = d as Record<string, unknown>;
        const at = `rates.defined_ratio_parts[${i}]`;
        return { ratio: String(e.ratio), part: e.part === undefined ? [] : words(e.part, `${at}.part`), whole: words(e.whole, `${at}.whole`), less: e.less === undefined ? [] : words(e.less, `${at}.less`) };
      }),
      targetBase: new RegExp(`(?:${alternation(words(raw.rates?.target_bases, 'rates.target_bases'))})$`, 'u'),
      qualified: new RegExp(alternation(words(raw.rates?.qualified_rates, 'rates.qualified_rates')), 'u'),
      assessed: new RegExp(`(?:${alternation(words(raw.rates?.assessed_rates, 'rates.assessed_rates'))})$`, 'u'),
      attendance: new RegExp(`(?:${alternation(words(raw.rates?.attendance_rates, 'rates.attendance_rates'))})$`, 'u'),
      sessionUnits: words(raw.rates?.session_units, 'rates.session_units'),
      outcome: new RegExp(`(?:${alternation(words(raw.rates?.outcome_words, 'rates.outcome_words'))})率$`, 'u'),
      outcomeWords: words(raw.rates?.outcome_words, 'rates.outcome_words'),
      populationQualifiers: alternation(words(raw.rates?.population_qualifiers, 'rates.population_qualifiers')),
      populationCompounds: words(raw.rates?.population_compounds, 'rates.population_compounds'),
      connectors: alternation(words(raw.rates?.connectors, 'rates.connectors')),
      signedFigures: alternation(words(raw.rates?.signed_figures, 'rates.signed_figures')),
    },
  };
}

/** The sentence-level number rules' vocabulary (rules/data/sentence-numbers.yaml). */
export const sentenceNumbers: SentenceNumbersData = load(text);
