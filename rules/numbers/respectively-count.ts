/**
 * respectively-count: "A、B分别…X、Y" pairs subjects and values one to one, so there must
 * be as many values as subjects.
 *
 * The model reads each 分别 (rules/model/lists.ts, `report.lists.respectively`): the subjects
 * before it (a list, a count such as `3名书记` or `三个党小组`, or those of the sentence's
 * previous 分别) and the values after it (numbers `2名、3名`, or names `党建、宣传、统战`).
 * This rule compares:
 * - listed subjects and values: equal in number. Where the subjects are numbered groups
 *   (`1名…、3名…`), the values may count groups or members: it fails only when neither fits
 *   and the values are fewer than the groups or more than the members (in between they may
 *   share the members out);
 *   named subjects closed by their count (`张某、李某两名副书记`) are as many as named.
 *   A last value holding 和/及/与 (`党建、宣传和统战`) may be two: it fails only when neither
 *   reading fits;
 * - a count of subjects is only held to having no fewer members than values
 *   (`18个村分别达到三星级、四星级` may share values loosely), unless the values are a list
 *   with a count of their own (`分别承担产业、环境两个项目`): then they must be as many;
 * - a 分别 that introduces a count's list (`4个党支部分别是…`) is enumeration-count's;
 * - measured figures (`供水量、售水量`) with a single amount after 分别 (respectively-metrics.ts);
 * - quantities in the clause before a 分别 that opens its clause (`抗诉14件、检察建议23件，分别比
 *   上年增加5件、8件`) are its subjects, one each, their numbers counting no members; when they
 *   are a total's 其中 parts (`其中A63件、B21件，罚没款分别为…`) the values may also pair the
 *   total first: one per part or one more.
 */
import type { Report } from '../model/report';
import type { Problem, Rule } from '../types';
import type { Quantity } from '../model/quantities';
import { sentenceNumbers } from '../data/sentence-numbers';
import { checked, quantitiesIn } from './sentence';
import { figuresWithOneAmount } from './respectively-metrics';
import { numberedSeries, numeralPairItems, ordinalNames } from '../model/list-numbered-names';

export const respectivelyCount: Rule = {
  id: 'respectively-count',
  meta: {
    family: 'numbers',
    severity: 'warning',
    fixable: false,
    description: {
      'zh-CN': '“分别”前后一一对应：主体有几个，数值就有几个',
      en: 'With 分别 (respectively), as many values as subjects',
    },
    messages: {
      mismatch: {
        'zh-CN': '“{word}”对应的主体有{count}个（{subjects}），数值却有{valueCount}个（{values}），二者个数应一致 ✗',
        en: '{word} (respectively) pairs {count} subjects ({subjects}) with {valueCount} values ({values}); the counts should match ✗',
      },
      ok: {
        'zh-CN': '“{word}”对应的主体{count}个（{subjects}）与数值{valueCount}个（{values}）一一对应 ✓',
        en: '{word} (respectively) pairs {count} subjects ({subjects}) with {valueCount} values ({values}) ✓',
      },
      mismatchNamed: {
        'zh-CN': '“{word}”对应的主体有{count}个（{subjects}），所列名称却有{valueCount}个（{values}），二者个数应一致 ✗',
        en: '{word} (respectively) pairs {count} subjects ({subjects}) with {valueCount} names ({values}); the counts should match ✗',
      },
      okNamed: {
        'zh-CN': '“{word}”对应的主体{count}个（{subjects}）与所列名称{valueCount}个（{values}）一一对应 ✓',
        en: '{word} (respectively) pairs {count} subjects ({subjects}) with {valueCount} names ({values}) ✓',
      },
      subjects: { 'zh-CN': '主体：{subjects}', en: 'subjects: {subjects}' },
    },
  },
  check(report: Report): Problem[] {
    // `供水量、售水量分别达到1.2亿立方米`: figures with one amount (respectively-metrics.ts).
    const problems: Problem[] = figuresWithOneAmount(report);
    for (const r of report.lists.respectively) {
      if (r.announced) continue;
      const values = r.values.items.length;
      const subjects = r.subjects ? r.subjects.items.length : r.subjectCount!.value;
      const valuesMayBe = (n: number) => n === values || (r.values.conjunction !== null && n === values + 1);
      // `一、二年级合并的党小组和…`: bare numerals before a longer item may pair into one
      // subject's modifier or be elided ordinals (`第一、二、三党小组`): either count may hold.
      const paired = r.subjects ? numeralPairItems(r.subjects) : 0;
      const pairFits = paired > 0 && !valuesMayBe(subjects) && valuesMayBe(subjects - paired);
      // The 其中 parts of a total (`其中A63件、B21件，罚没款分别为…`) may be paired after the total itself.
      let ok = valuesMayBe(subjects) || pairFits || (r.wholeToo === true && valuesMayBe(subjects + 1));
      if (!ok && !r.subjects && !r.shared) {
        // A count of two groups (`8个村党组织和党组织书记分别…`) may share values loosely,
        // unless the values are counted too; a count of one kind pairs one value each.
        if (subjects > values && r.values.count === null && /[和及与、]/u.test(r.subjectCount!.noun)) continue;
      } else if (!ok && r.subjects && !r.shared && !r.valueSubjects) {
        // Numbered groups ("1名…、3名…") may count groups or members: quiet unless either fits.
        // `一组、三组、六组分别…`: names of 村民小组 (a numeral and 组 alone), no counts of groups;
        // nor are items numbered in order with one noun (`一期、二期、三期分别…`).
        const members = ordinalNames(r.subjects!) || numberedSeries(r.subjects!) ? null : groupMembers(report, r.subjects!.start, r.subjects!.end);
        // `张某、李某两名副书记`: the count closes the named subjects (as many as named), it
        // numbers no groups.
        // `9名、6名、4名党员分别获评A、B`: counts alone before 分别, names after it. The
        // counts are the groups that each get one name; their members cannot pair with names.
        // Only the last count carries the noun: groups with nouns of their own (`1名机关干部、
        // 3名村干部`) may pair by members, as before.
        const items = r.subjects!.items;
        const countsOnly = !r.numeric && items.every((i, k) => (k === items.length - 1 ? GROUP_COUNT : BARE_COUNT).test(i.text));
        // Values between the groups and their members may share the members out (`1名…、3名…分别
        // 获评A、B、C`): quiet. Fewer values than groups (`18个乡镇、6个社区、3个园区分别建立52个、
        // 17个`) or more than members fit neither reading.
        if (members !== null && members !== subjects && !countsOnly) {
          if (valuesMayBe(members)) ok = true;
          else if (values > subjects && values < members) continue;
        }
      }
      const shown = r.subjects ? r.subjects.items.map((i) => i.text).join('、') : r.subjectCount!.text;
      const span = r.subjects ?? r.subjectCount!;
      const valuesText = report.text.slice(r.values.start, r.values.end);
      // A last value holding 和 read as two where that is what pairs them.
      const shownValues = r.values.conjunction !== null && (ok ? subjects === values + 1 : subjects > values) ? values + 1 : values;
      // 分别, or 依次 (`依次为91.2分、93.6分`), as written.
      // Subjects read with a numeral pair as one (`一、二年级合并的…`) are shown as that count.
      const shownSubjects = pairFits ? subjects - paired : subjects;
      const data = { word: report.text.slice(r.start, r.end), count: shownSubjects, subjects: shown, valueCount: shownValues, values: valuesText };
      const related = [{ start: span.start, end: span.end, messageId: 'subjects', data: { subjects: shown } }];
      // Names (`分管组织、宣传`, `联系一组、二组`) are no numbers: the message says names.
      const messageId = r.numeric ? (ok ? 'ok' : 'mismatch') : ok ? 'okNamed' : 'mismatchNamed';
      problems.push(checked(ok, messageId, data, r.start, r.values.end, related));
    }
    return problems;
  },
};

/** A subject that is only a count of people (`9名`, `全年共有6名`, `4名党员`): a group by its size. */
const GROUP_COUNT = /^(?:\p{Script=Han}{0,4}?(?:共有|共|有))?\d{1,5}(?:名|人|位)(?:\p{Script=Han}{1,4})?$/u;
/** A count of people with no noun (`6名`), perhaps after the clause's opening words (`全年共有9名`). */
const BARE_COUNT = /^(?:\p{Script=Han}{0,4}?(?:共有|共|有))?\d{1,5}(?:名|人|位)$/u;

/** Members of numbered groups in the subject list ("1名…、3名…" → 4), or null if none is numbered. */
function groupMembers(report: Report, start: number, end: number): number | null {
  let total: number | null = null;
  for (const q of quantitiesIn(report.quantities, start, end)) {
    if (sentenceNumbers.respectively.notCountUnits.has(q.unit)) continue;
    // `一支部、二支部、三支部`: ordinal names of branches (支部), no count of 支 (三支部队 is).
    if (q.unit === '支' && q.after.startsWith('部') && !q.after.startsWith('部队')) continue;
    if (ordinalName(report.text, q, start, end)) continue;
    total = (total ?? 0) + q.value;
  }
  return total;
}

/** Measure words of people: `党员三名` counts members even after a noun. */
const PERSON_UNITS: ReadonlySet<string> = new Set(['名', '人', '位']);

/**
 * Whether quantity `q` in the subject list `[start, end)` is part of a subject's name: a
 * Chinese numeral right after Han characters of its item, its measure word closing the item
 * (`业务二部`, `客户一部`, `生产三科`: departments numbered in their names, as 一支部 is), so it
 * counts no members. Counts of people (`党员三名`) and counts that open their item (`两个作业区`)
 * still count.
 */
function ordinalName(text: string, q: Quantity, start: number, end: number): boolean {
  if (q.numeral !== 'chinese' || PERSON_UNITS.has(q.unit) || q.numberStart <= start) return false;
  if (!/\p{Script=Han}/u.test(text[q.numberStart - 1]) || '、，,和及与'.includes(text[q.numberStart - 1])) return false;
  const next = q.end >= end ? '' : text[q.end];
  return next === '' || '、和及与'.includes(next);
}
