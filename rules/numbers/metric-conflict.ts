/**
 * metric-conflict: the same count of the same thing in the same scope, stated with two
 * different values in two places ("全镇12个村" and later "全镇13个村"). Reported at the
 * later statement, with `related` pointing at the first one of its kind; a statement that
 * repeats the first value is a passed check.
 *
 * "The same thing" is read strictly, so that counts of different sets never meet:
 * - the same scope word (`quantity.scope`, or a scope before a noun written ahead of its
 *   number: 全镇共有党员326名), the same measure word, the same counted noun;
 * - the count must be a whole: the noun phrase ends at a clause boundary, or continues only
 *   with words that keep the set whole (均, 都, 全部: 辖区13个村均已成立合作社). "全镇8个
 *   村集体经济收入达到了15万元以上" counts some of the villages and is not compared;
 * - exact numbers only (`bound: 'exact'`); statements of goals (力争, 确保, 计划…) and the
 *   plans part of the report are not facts and are skipped; statements dated differently
 *   (2022年 / 2023年, 上半年 / 全年) are not compared;
 * - a scope names the report's own unit only at the highest level the report uses (全镇 in
 *   a town's report): 全村 in a town's report speaks of different villages in different
 *   places and is not compared. 辖区, 全系统… always mean the reporting unit.
 * - a stock count of the report's own unit is one thing however it is written: noun first or
 *   number first, under 现有/共有/下设/全体, a scope that the title makes the unit's own
 *   (全区 and 区内 in a 开发区党工委's report) or a subject naming the unit by its kind
 *   (支部, 局机关, 学校党总支): `现有党员23名` meets `支部全体25名党员`
 *   (rules/model/stock-counts.ts, metric-places.ts). Qualifiers stay in the noun (在职党员 ≠
 *   党员); events (发展, 新增, 表彰 N名党员), 其中 parts and named sub-units are never read.
 *   Among the plans 现有 counts (推动现有5个党支部…) are facts, and a count of the whole
 *   unit (推动全社区13个小区…, 组织全体178名党员…) restates the stock by exceeding it, or in full
 *   where its clause closes it (关心关爱全校62名党员，). A count made whole only
 *   by a verb before it (组织全村89名党员开展…) may be the part mobilised: it is no anchor,
 *   and contradicts the stock only by exceeding it or by transposed digits (6924 of 6942),
 *   whether it stands before the whole or after it (指导全市1426个村（社区）妇联… then 全市1462个
 *   村（社区）妇联均有…: reported at the whole).
 *   Written with 全 and the unit right after the verb (组织全局172名在职党员…, 引导全街道3180名党员…)
 *   it names all of them: at nine tenths of the whole or more it is the whole misstated (nearWhole),
 *   in the plans too; a value the report gives for a kind of member (其中在职党员92名) is that kind.
 *   So too people of a whole place named in the plans, which the stock reader need not know
 *   (面对全县8240名退役军人的期盼 after 全县共有退役军人8420名): planPeople.
 * - a 局's organs (局机关, scope OWN_ORGANS) are a part of the 局 reporting as a whole, so the
 *   whole's count (局属4个党支部全部…, 局属 = the 局's own things) may not be fewer: organsKey.
 * - 今年 (今年以来…) dates a count to the report's own period: as an undated one.
 * - the people of a place counted beyond its stated population (全村共412户1536人 … 全村1563名
 *   群众参与…): rules/numbers/metric-population.ts.
 * - a group's households and people (`N户M人`) restated with one of the two changed
 *   (…的搬迁群众1248户5317人 … 共有搬迁群众1248户5371人): rules/numbers/metric-paired.ts.
 * - a table row restated in the prose (| 第二党支部 | 14 | … 第二党支部15名党员…):
 *   rules/numbers/metric-table.ts; problems counted by the review that found them, restated
 *   (巡察反馈问题12个 … 巡察反馈的13个问题): metric-sourced.ts; a stock of now below what was
 *   built (建成…8个 … 在现有6个…): metric-built.ts; a scope's count above what it has built to
 *   date (全县建成…46个 … 全县48个…): metric-built-scope.ts; an event count of the opening summary
 *   restated in a section (全年召开党委会议26次 … 全年共召开党委会议28次): metric-events.ts;
 *   a plain 党员 count whose digits swap those of the unit's only stock of 在职党员, in a report
 *   naming no retired members (全局共有在职党员412名 … 全局421名党员全部…): metric-qualified.ts;
 *   a staff noun and its 在职 twin, one count where no retired staff are named (现有在职教职工
 *   108人 … 本馆112名教职工全部…): metric-qualified.ts staffTwin.
 * - a stock restated as the base of a subset (现有党员141名中35岁以下的…, 全县电商服务站点131个中，
 *   仍有…): a whole frame closes a noun-first count as its clause's end does, and a word of a
 *   total may stand between noun and number (全县登记社会组织共312家, …总数达到368个):
 *   metric-statements.ts nounBefore, rules/model/stock-counts.ts nounFirst.
 * - whole counts of the shapes the readings above leave (对全局4个党支部的…, 全部21个网格均…,
 *   全场6个管护站中, 支委会7名支委, 其中在职党员276名): the statement model, metric-records.ts;
 *   a statement and a record of one count compared with each other (机关党委下设党支部6个 …
 *   对全局7个党支部的…): metric-counts.ts, where no reading here holds the later one's place.
 *   A statement alone of its scope and unit among the candidates is read for that comparison
 *   only (mayMatter's second list), so the statements compared here stay as they were.
 * Statements are indexed by key in a Map: one pass, linear in the number of quantities.
 * A count is read in full (noun, sentence, time) only if another shares its scope and unit.
 * The vocabulary is data: rules/data/metric-conflict.yaml.
 */
import { metricConflictData as vocab } from '../data/metric-conflict';
import type { Report } from '../model/report';
import type { Problem, Rule } from '../types';
import { OWN_ORGANS, OWN_UNIT } from '../model/stock-unit';
import { builtConflicts } from './metric-built';
import { builtScopeConflicts } from './metric-built-scope';
import { eventConflicts } from './metric-events';
import { framedConflicts } from './metric-framed';
import { flowConflicts } from './metric-flow';
import { reachConflicts } from './metric-reach';
import { baseConflicts } from './metric-base';
import { developedConflicts } from './metric-developed';
import { placesOf, unitText } from './metric-places';
import { placeOrgConflicts } from './metric-place-orgs';
import { pairedConflicts } from './metric-paired';
import { populationConflicts } from './metric-population';
import { sourcedConflicts } from './metric-sourced';
import { tableConflicts } from './metric-table';
import { tableTotalConflicts } from './metric-table-total';
import { readRecords, recordConflicts } from './metric-records';
import { crossConflicts } from './metric-counts';
import { readStatement, sameSubject, scopeOf, stockOf, unitKey } from './metric-statements';
import type { Quantity } from '../model/quantities';
import type { Candidate, Statement } from './metric-statements';
import type { CountRecord } from './metric-records';
import { restatement } from './metric-restatement';
import { planWholeScope } from './metric-plan';
import { nearWhole } from './metric-scope';
import { namesRetired, servingTwin, kindValueReader, staffMembersFloorKey, staffTwin } from './metric-qualified';
import { amongPartsOf, membersChanged } from './metric-sentence';
import { inRanges, planRanges } from './metric-plan-parts';

export const metricConflict: Rule = {
  id: 'metric-conflict',
  meta: {
    family: 'numbers',
    severity: 'warning',
    fixable: false,
    description: {
      'zh-CN': '同一范围内同一事物的数量前后表述一致（如“全镇12个村”）',
      en: 'The same count of the same thing in the same scope is stated with one value throughout',
    },
    messages: {
      conflict: {
        'zh-CN': '“{text}”与第{line}行“{earlier}”不一致：{value}≠{earlierValue} ✗',
        en: '"{text}" contradicts "{earlier}" on line {line}: {value} ≠ {earlierValue} ✗',
      },
      consistent: {
        'zh-CN': '“{text}”与第{line}行“{earlier}”一致：{value}={earlierValue} ✓',
        en: '"{text}" agrees with "{earlier}" on line {line}: {value} = {earlierValue} ✓',
      },
      exceeds: {
        'zh-CN': '“{text}”多于第{line}行所述总人口“{earlier}”：{value}>{earlierValue} ✗',
        en: '"{text}" exceeds the population "{earlier}" stated on line {line}: {value} > {earlierValue} ✗',
      },
      headOrgs: {
        'zh-CN': '“{text}”与第{line}行“{earlier}”矛盾：{org}{value}多于{place}{earlierValue}，每个{place}只有一个{org} ✗',
        en: '"{text}" contradicts "{earlier}" on line {line}: {value} {org} exceed {earlierValue} {place}, and each {place} has one {org} ✗',
      },
      earlier: {
        'zh-CN': '前文表述：“{earlier}”',
        en: 'Stated earlier: "{earlier}"',
      },
    },
  },
  check(report: Report): Problem[] {
    const plans = planRanges(report);
    const candidates: Candidate[] = [];
    const quantities = report.quantities;
    const places = placesOf(unitText(report.title, (line) => report.lines.lineText(line), report.lines.count));
    // An index loop: for-of allocates an iterator result per step until the JIT optimizes.
    for (let i = 0; i < quantities.length; i++) {
      const q = quantities[i];
      if (q.bound !== 'exact') continue;
      const lineStart = report.lines.start(q.line);
      const lineText = report.lines.lineText(q.line);
      // Among the plans only what exists now (推动现有5个党支部…) is a fact.
      const planned = inRanges(plans, q.start);
      const written = planned ? null : scopeOf(lineStart, lineText, q, places.stock.wholeAfter);
      let stock = stockOf(lineStart, lineText, q, places);
      if (planned) {
        // …and a count of the whole unit (推动全社区13个小区…, 组织全体178名党员…): it may
        // name the part the plan mobilises, so it is no anchor and contradicts by exceeding.
        // …and a count of people the unit's own scope leads (我们支部36名党员将…, 全社区413名
        // 党员都要…): members named in a plan are today's. Places and organisations may change
        // by the plan (六是全社区12个小区全面推行…), so a bare count of them is not read.
        // 面对全县8240名退役军人的期盼 (the county's veterans a service centre answers to): people
        // of a whole place named right before their number are today's whatever the stock reader
        // knows of them; read as written, a count that may be a part (planPeople).
        if (stock === null && planPeople(lineStart, lineText, q)) {
          const scope = scopeOf(lineStart, lineText, q)!;
          candidates.push({ scope: places.canonical(scope), stockScope: null, unit: unitKey(q.unit), q, lineStart, lineText, stock: null, planned: true, partOnly: true });
          continue;
        }
        // 推动全县216个建制村全部…, 全院13个二级党组织书记全部纳入…: a whole scope written right
        // before the number puts the whole stock of things to work (metric-plan.ts); read as
        // written, the noun in full (the stock reader may stop at 农村 of 农村供水站). People
        // stay with the readings above and below (planPeople, the stock's lead).
        const unit = unitKey(q.unit);
        if (unit !== '名' && !stock?.present) {
          const scope = scopeOf(lineStart, lineText, q);
          if (planWholeScope(lineText, q.start - lineStart, scope)) {
            candidates.push({ scope: places.canonical(scope!), stockScope: stock ? places.canonical(stock.scope) : null, unit, q, lineStart, lineText, stock, planned: true, planWhole: true });
            continue;
          }
        }
        if (stock === null || !(stock.present || stock.wholeLead || (stock.led && unit === '名'))) continue;
        // A whole count closed by its clause (关心关爱全校62名党员，) names all of them.
        if (!stock.present && !stock.closed) stock = { ...stock, mayBePart: true };
      }
      const scope = written ?? stock?.scope;
      // `16村` may meet `16个村`: place measures are grouped with 个 (see countedThing).
      if (scope === undefined) continue;
      const stockScope = stock ? places.canonical(stock.scope) : null;
      candidates.push({ scope: places.canonical(scope), stockScope, unit: unitKey(q.unit), q, lineStart, lineText, stock, planned });
      // 现有党员17名，均为执业律师: the same count read once more as 党员律师.
      if (stock?.alsoNoun) candidates.push({ scope: places.canonical(scope), stockScope, unit: unitKey(q.unit), q, lineStart, lineText, stock: { ...stock, noun: stock.alsoNoun }, planned });
    }
    // 全村共412户1536人 … 全村1563名群众参与…: the people of a place exceed its population.
    const inPlans = (offset: number) => inRanges(plans, offset);
    // 共安置…的搬迁群众1248户5317人 … 共有搬迁群众1248户5371人: a pair restated with one figure changed.
    const others: Problem[] = [...populationConflicts(report, places, inPlans), ...pairedConflicts(report, places, inPlans), ...tableConflicts(report, places, inPlans), ...tableTotalConflicts(report, places, inPlans), ...sourcedConflicts(report, places, inPlans), ...builtConflicts(report, places, inPlans), ...eventConflicts(report, places, inPlans), ...developedConflicts(report, places, inPlans), ...baseConflicts(report, inPlans), ...flowConflicts(report, places, inPlans)];
    // 在已完成的36个审计项目中 … against 全年共完成审计项目38个 (metric-framed.ts), unless a
    // reading above already holds that count against a statement.
    const framed = [...framedConflicts(report, places, inPlans), ...reachConflicts(report, places, inPlans)];
    // 全县建成…46个 … 全县48个…: a scope's count above what it has built to date
    // (metric-built-scope.ts), where no reading above holds that count.
    framed.push(...builtScopeConflicts(report, places, inPlans).filter((b) => !framed.some((f) => f.start < b.end && b.start < f.end)));
    // The statement model (metric-records.ts): whole counts read once into records and
    // compared; reported where no reading above holds the same place.
    const records = readRecords(report, places, inPlans);
    framed.push(...recordConflicts(records, report.text).filter((r) => !framed.some((f) => f.start < r.end && r.start < f.end)));
    others.push(...framed.filter((f) => !others.some((o) => o.start < f.end && f.start < o.end)));
    others.sort((a, b) => a.start - b.start);
    // A conflict takes two counts: with fewer there is nothing to compare.
    if (candidates.length < 2 && records.length === 0) return others;
    const statements: Statement[] = [];
    // A candidate alone of its scope and unit among the statements may still meet a record of
    // them (metric-counts.ts): read apart, so that it changes nothing the statements compare.
    const [matter, alone] = mayMatter(candidates, recordScopes(records));
    const aloneStatements: Statement[] = [];
    for (const c of alone) {
      const s = readStatement(c, places);
      if (s) aloneStatements.push(s);
    }
    for (const c of matter) {
      const s = readStatement(c, places);
      if (s) statements.push(s);
    }
    // 其中在职党员41名 … 组织全局41名党员…: a count under 全 and the unit whose value the report
    // states for a kind of its noun may be those, the qualifier dropped: no whole restated
    // (metric-qualified.ts kindValueReader, asked only of counts near a whole).
    const kindStated = kindValueReader(report.text);
    const nearStock = (s: Statement, whole: number) => nearWhole(s, whole) && !kindStated(s.key.split('|')[2] ?? '', s.value);
    let top = 0;
    // A count read only up to its predicate (全县5个乡镇参加…, metric-predicate.ts) does not
    // say which level the report speaks of itself at: a town's report names the county so.
    for (const s of statements) if (!s.predicate) top = Math.max(top, vocab.placeScopes.get(s.scope) ?? 0);
    const problems: Problem[] = [];
    const retired = namesRetired(report.text);
    // Each later statement is held against the first one of its key: the first statement
    // is the one a reader met first, and a third statement agreeing with it is not noise.
    const first = new Map<string, Statement>();
    // The statements compared (of the report's own level): 社区党委 are held against 社区 too.
    const compared: Statement[] = [];
    // The first statement of each other unit a key's statements name (see sameSubject).
    const firstNamed = new Map<string, Statement[]>();
    // The first count of a staff's members (党员员工 31) by the plain members' key it floors.
    const floors = new Map<string, Statement>();
    // Counts that may be parts stated before any whole of their key, by key.
    const parts = new Map<string, Statement[]>();
    for (const s of statements) {
      const level = vocab.placeScopes.get(s.scope);
      if (level !== undefined && level < top && !s.key.startsWith(`${OWN_UNIT}|`)) continue;
      compared.push(s);
      // 全院13个二级党组织书记… after 下设二级党组织14个: a compound counts its head's things.
      if (s.headKeys !== undefined && !first.has(s.key)) {
        const head = s.headKeys.find((k) => first.has(k));
        if (head !== undefined) s.key = head;
      }
      let earlier = first.get(s.key);
      if (earlier && !sameSubject(earlier, s)) {
        // A survey of several villages states each one's 全村 count: B村's is held against
        // B村's first, not A村's.
        const named = firstNamed.get(s.key) ?? [];
        earlier = named.find((n) => sameSubject(n, s));
        if (!earlier) {
          if (!s.mayBePart) firstNamed.set(s.key, [...named, s]);
          continue;
        }
      }
      if (!earlier) {
        // 全局共有在职党员412名 … 全局421名党员全部…: where no retired member is named, the only
        // stock of serving members is all of them; swapped digits are a slip (metric-qualified.ts).
        const twin = retired ? undefined : servingTwin(s, first);
        if (twin !== undefined && transposed(s.value, twin.value)) problems.push(restatement(false, s, twin));
        // 图书馆现有在职教职工108人 … 本馆112名教职工全部…: a staff is its serving people.
        const staff = staffTwin(s, first, report.text);
        if (staff !== undefined && !(s.mayBePart && s.value < staff.value)) problems.push(restatement(staff.value === s.value, s, staff));
        // 中心现有员工86人，其中党员31名 … 组织全体29名党员…: the staff's members are all among
        // the unit's members, so a whole count of them cannot be fewer (more may be retired).
        const floor = s.mayBePart ? undefined : floors.get(s.key);
        if (floor !== undefined && s.value < floor.value) problems.push(restatement(false, s, floor));
        const floorKey = s.mayBePart ? null : staffMembersFloorKey(s.key);
        if (floorKey !== null && !floors.has(floorKey)) floors.set(floorKey, s);
        // 局机关现有党支部5个 … 局属4个党支部全部…: the organs are a part of the unit, so a
        // whole count of the unit's things cannot be fewer than the organs' own (organsFloor).
        const organs = s.mayBePart ? undefined : first.get(organsKey(s.key));
        if (organs !== undefined && s.value < organs.value) problems.push(restatement(false, s, organs));
        // A count that may be a part (组织全镇120名党员…) is no anchor for the others; it waits for
        // the whole stated after it (指导全市1426个村（社区）妇联… then 全市1462个村（社区）妇联均…),
        // which it contradicts as it would one stated before: by exceeding it or by transposed digits.
        if (s.mayBePart) {
          const waiting = parts.get(s.key);
          if (waiting) waiting.push(s);
          else parts.set(s.key, [s]);
          continue;
        }
        // …unless a year-end count may follow a change the other came before (membersChanged).
        const changed = (p: Statement) => s.changedAfter === true || ((p.yearEnd || s.yearEnd) && membersChanged(report.text.slice(p.end, s.start)));
        const part = parts.get(s.key)?.find((p) => sameSubject(p, s) && (p.value > s.value || transposed(p.value, s.value) || (nearStock(p, s.value) && (p.planned === true || !membersChanged(report.text.slice(p.end, s.start))))) && !changed(p));
        if (part !== undefined) problems.push(restatement(false, s, part));
        first.set(s.key, s);
        continue;
      }
      // …and contradicts the whole only by exceeding it, or by its digits transposed.
      // 组织全街道3180名党员… against 现有党员3260名: under 全 and the unit, near the whole, the whole
      // restated with a slip (nearWhole).
      // In the work part the count is dated by its event: members who came or went between may
      // make it differ (membersChanged); a plan's members are today's, as the stock is.
      const near = nearStock(s, earlier.value) && (s.planned === true || !membersChanged(report.text.slice(earlier.end, s.start)));
      if (s.mayBePart && s.value < earlier.value && !transposed(s.value, earlier.value) && !near) continue;
      // 现有党员27名 … 全年发展党员2名 … 年底，支部29名党员…: the year-end count may be after a
      // change the undated stock came before (metric-sentence.ts membersChanged).
      // 2025年1月，…共有党员98名，全年发展党员4名。: the change comes after the month's count, in its sentence.
      if ((s.yearEnd || earlier.yearEnd) && s.value !== earlier.value && (s.changedAfter || membersChanged(report.text.slice(earlier.end, s.start)))) continue;
      // 下设党支部共18个，其中机关党支部9个…: one of the parts of the count just stated.
      if (amongPartsOf(report.text, earlier.end, s.start)) continue;
      problems.push(restatement(earlier.value === s.value, s, earlier));
    }
    // 下辖社区党委7个 … 本街道6个社区中: more head organisations than places.
    problems.push(...placeOrgConflicts(compared));
    // 局机关党委下辖7个党支部 … 全局8个党支部均参与…: a statement and a record of one count
    // (metric-counts.ts), where no reading above holds the later one's place.
    // The alone statements are held to the level the others set, as the loop above holds them.
    const ofLevel = (s: Statement) => {
      const level = vocab.placeScopes.get(s.scope);
      return !(level !== undefined && level < top && !s.key.startsWith(`${OWN_UNIT}|`));
    };
    const held = (c: Problem) => [...problems, ...others].some((p) => p.start < c.end && c.start < p.end);
    const cross = crossConflicts([...compared, ...aloneStatements.filter(ofLevel)], records, report.text).filter((c) => !held(c));
    if (cross.length > 0) {
      others.push(...cross);
      others.sort((a, b) => a.start - b.start);
    }
    problems.sort((a, b) => a.start - b.start);
    if (others.length === 0) return problems;
    // A statement checked against a sentence (全市共有党员229名 after 全市共有党员219名) is not
    // checked again against a table total: one defect, reported once, against the sentence (a
    // total that differs from both is reported where it stands, after the sentence).
    // And a statement that contradicts an earlier one the table total already contradicts
    // (上半年，全市77个驿站… then 全市71个驿站…, 合计 71) agrees with the table: the earlier is
    // the one defect, reported there, not once more here.
    const flagged = new Set(others.filter((p) => !p.passed).map((p) => p.start));
    const kept = problems.filter((p) => p.passed || !p.related?.some((r) => flagged.has(r.start)));
    const checked = new Set(kept.map((p) => p.start));
    // A framed count the statements above already hold (与全校38名教练员全部…) is reported once.
    const framedSet = new Set(framed);
    const covered = (f: Problem) => framedSet.has(f) && kept.some((p) => p.start < f.end && f.start < p.end);
    return [...kept, ...others.filter((p) => !checked.has(p.start) && !covered(p))].sort((a, b) => a.start - b.start);
  },
};

/**
 * The candidates worth reading in full, in order: one that shares scope and unit with
 * another may share its key, and one whose scope level is above another's may set the level
 * below which statements are skipped. Any other candidate can neither meet a statement nor
 * change which are compared, so it is not read (its noun, its sentence, the segmenter): a
 * statement alone of its key reports nothing.
 */
function mayMatter(candidates: readonly Candidate[], recordKeys: ReadonlySet<string>): [Candidate[], Candidate[]] {
  const count = new Map<string, number>();
  let lowest = Infinity;
  // The organs' counts floor the unit's (see organsKey): counted with them.
  const own = (scope: string | null) => (scope === OWN_ORGANS ? OWN_UNIT : scope);
  for (const c of candidates) {
    const key = `${own(c.scope)}|${c.unit}`;
    count.set(key, (count.get(key) ?? 0) + 1);
    // 全体25名党员: written under 全体, read as a stock count of the unit.
    const stockKey = `${own(c.stockScope)}|${c.unit}`;
    if (c.stockScope !== null && c.stockScope !== c.scope) count.set(stockKey, (count.get(stockKey) ?? 0) + 1);
    const level = vocab.placeScopes.get(c.scope);
    if (level !== undefined && level < lowest) lowest = level;
  }
  const matter: Candidate[] = [];
  const alone: Candidate[] = [];
  for (const c of candidates) {
    const level = vocab.placeScopes.get(c.scope);
    if (count.get(`${own(c.scope)}|${c.unit}`)! > 1 || (count.get(`${own(c.stockScope)}|${c.unit}`) ?? 0) > 1 || (level !== undefined && lowest < level)) matter.push(c);
    // …and one that shares them with a record only (metric-counts.ts).
    else if (recordKeys.has(`${c.scope}|${c.unit}`) || (c.stockScope !== null && recordKeys.has(`${c.stockScope}|${c.unit}`))) alone.push(c);
  }
  return [matter, alone];
}

/** The `scope|measure` of each stock record (metric-records.ts), as candidates are grouped. */
function recordScopes(records: readonly CountRecord[]): Set<string> {
  const keys = new Set<string>();
  for (const r of records) {
    const [scope, measure, , cls] = r.key.split('|');
    if (cls === 'stock') keys.add(`${scope}|${measure}`);
  }
  return keys;
}

/**
 * The key (`scope|unit|noun|time`) of the organs' count of what a count of the report's own
 * unit counts (`本单位|个|党支部|` → `本单位机关|个|党支部|`), or '' for another scope (no key).
 */
function organsKey(key: string): string {
  return key.startsWith(`${OWN_UNIT}|`) ? OWN_ORGANS + key.slice(OWN_UNIT.length) : '';
}

/**
 * Whether a count in the plans is people of a whole place (全县8240名退役军人, 全镇326名党员):
 * counted in 名 or 人, with a scope word opening with 全 written right before the number. The
 * people a plan names are today's (a plan changes places and bodies, not who lives there), but
 * the plan may name the part it mobilises: read as a count that may be a part (Candidate
 * partOnly), which contradicts only by exceeding or by transposed digits (8240 of 8420).
 */
function planPeople(lineStart: number, lineText: string, q: Quantity): boolean {
  if (unitKey(q.unit) !== '名') return false;
  const scope = scopeOf(lineStart, lineText, q);
  return scope !== null && scope.startsWith('全') && lineText.startsWith(scope, q.start - lineStart - scope.length) && vocab.placeScopes.has(scope);
}

/**
 * Whether two different whole numbers of three or more digits are written with the same
 * digits (6924 and 6942): a slip of the keys far more often than a part that happens to be
 * a permutation of its whole, so a count that may be a part still contradicts the whole.
 */
function transposed(a: number, b: number): boolean {
  if (a === b || !Number.isInteger(a) || !Number.isInteger(b) || a < 100 || b < 100) return false;
  const digits = (n: number) => String(n).split('').sort().join('');
  return digits(a) === digits(b);
}
