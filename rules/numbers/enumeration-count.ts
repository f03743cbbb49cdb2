/**
 * enumeration-count: a stated count against the items it announces.
 *
 * The model finds the lists and their counts (rules/model/lists.ts, `report.lists.counted`):
 * `“五个一”`, `“四大行动”`, `“三个聚焦”`, `三个方面`, `制定5项措施：…`, `两个阵地，即…`,
 * `甲队、乙队等三支队伍`, `镇靖、冯庄2村`, `打造…党建示范品牌3个`. This rule compares:
 * - a complete list holds as many items as its count states (items counted by distinct
 *   names; a redacted `**` always counts);
 * - an open list (closed by 等, or introduced by 包括 or 如/例如) holds no more items than its count:
 *   `甲、乙等三支队伍` is quiet, `甲、乙、丙、丁等三支队伍` is not; three or more items one short
 *   of the count before 等 (`甲、乙、丙等四个领域`) the model reads as complete with one dropped
 *   (list-inline.ts `dengOneShort`), so that list is held to its count;
 * - personal names before a count of people (`张某、李某等3名党员`) may be only some of them:
 *   more names than the count fails, fewer is quiet;
 * - a 、-list that may go on after a comma (`：A、B、C，D…`) holds at least its items:
 *   it fails only when they are more than its count;
 * - a list whose last item holds 和/及/与 (`学习、调研和实践`) may hold one item more: it
 *   fails only when neither reading fits;
 * - a range item (`第一至第五检察部党支部`) may name one body or each of its span: it fails
 *   only when neither reading fits.
 * Where the model found no list (the items could not be delimited) the rule says nothing.
 */
import type { EnumeratedList } from '../model/lists';
import { chineseNumeralValue } from '../model/numerals';
import type { Report } from '../model/report';
import type { Problem, Rule } from '../types';
import { listsKnownFormulation } from './known-formulation';
import { checked } from './sentence';

export const enumerationCount: Rule = {
  id: 'enumeration-count',
  meta: {
    family: 'numbers',
    severity: 'warning',
    fixable: false,
    description: {
      'zh-CN': '所述数量与其列举的项数一致（“五个一”、“四大行动”、三个方面、党建示范品牌3个）',
      en: 'A stated count matches the number of items it announces',
    },
    messages: {
      mismatch: {
        'zh-CN': '{label}所述数量为{n}，实际列举{count}项（{summary}），不符 ✗',
        en: '{label} announces {n}, but {count} items are listed ({summary}) ✗',
      },
      match: {
        'zh-CN': '{label}所述数量为{n}，实际列举{count}项（{summary}），相符 ✓',
        en: '{label} announces {n}, and {count} items are listed ({summary}) ✓',
      },
      lowerMatch: {
        'zh-CN': '{label}所述数量为{n}，列举{count}项并以“等”概括（{summary}），未超出 ✓',
        en: '{label} announces {n}; {count} items are listed, ending in 等 ({summary}) ✓',
      },
      lowerMismatch: {
        'zh-CN': '{label}所述数量为{n}，但以“等”概括的列举已有{count}项（{summary}），多于所述数量 ✗',
        en: '{label} announces {n}, but the list ending in 等 already holds {count} items ({summary}) ✗',
      },
      introducedMatch: {
        'zh-CN': '{label}所述数量为{n}，“{intro}”引出的列举有{count}项（{summary}），未超出 ✓',
        en: '{label} announces {n}; the list after {intro} holds {count} items ({summary}), not more ✓',
      },
      introducedMismatch: {
        'zh-CN': '{label}所述数量为{n}，但“{intro}”引出的列举已有{count}项（{summary}），多于所述数量 ✗',
        en: '{label} announces {n}, but the list after {intro} already holds {count} items ({summary}) ✗',
      },
      partialMatch: {
        'zh-CN': '{label}所述数量为{n}，列举{count}项（{summary}），未超出 ✓',
        en: '{label} announces {n}; {count} items are listed ({summary}), not more ✓',
      },
      items: {
        'zh-CN': '所列各项：{count}项',
        en: 'The items listed: {count}',
      },
    },
  },
  check(report: Report): Problem[] {
    const problems: Problem[] = [];
    for (const list of report.lists.counted) {
      const count = list.count!;
      const n = count.value;
      const items = list.distinct;
      // A list that may go on past a comma holds at least its items: only too many is sure.
      const atMost = list.open || list.continues;
      // A range item (`第一至第五检察部党支部`) may name one body or its whole span.
      const spanned = list.ranged > 0 && items + list.ranged === n;
      const ok = atMost ? items <= n : items === n || spanned || (list.conjunction !== null && items + 1 === n);
      // The members of a known formulation under a wrong numeral (“三有” before the four 有 of
      // 四有好老师): the name is misquoted, slogan-canonical's finding, not a miscount.
      if (!ok && list.form === 'inline' && listsKnownFormulation(list.items.map((i) => i.text))) continue;
      // Open without 等 or 包括 (names before a count of people): at most, but no 等 to quote.
      const deng = list.open && list.closing !== null;
      // Open by its introducer alone (`包括A、B`, `如A、B`): the message names the introducer, not 等.
      const introduced = list.open && !deng && list.introducer !== null;
      const messageId = deng
        ? ok ? 'lowerMatch' : 'lowerMismatch'
        : introduced ? (ok ? 'introducedMatch' : 'introducedMismatch') : (list.continues || list.open) && ok ? 'partialMatch' : ok ? 'match' : 'mismatch';
      const label = count.quoted ? count.text : `“${count.text}”`;
      // A last item holding 和 (`调研和实践`) read as two where that is the closer reading.
      const shown = spanned && !atMost ? n : list.conjunction !== null && !list.open && items < n ? items + 1 : items;
      const intro = list.introducer?.text.replace(/[，,：:。]/gu, '') ?? '';
      const data = { label, n, count: shown, summary: summary(list), intro };
      const related = [{ messageId: 'items', data: { count: shown }, start: list.start, end: list.end }];
      problems.push(checked(ok, messageId, data, count.start, count.end, related));
    }
    return problems;
  },
};

/** The items for a message: `一是至四是`, `4个列表项`, or the items (at most six shown). */
function summary(list: EnumeratedList): string {
  const { items } = list;
  const first = items[0];
  const last = items[items.length - 1];
  if (list.form === 'bullet') return `${items.length}个列表项`;
  // A run with a number skipped or repeated (（1）（2）（4）) shows its markers: `（1）至（4）` would say four.
  if (list.form !== 'inline') return items.length < 2 ? first.text : consecutive(items) ? `${first.text}至${last.text}` : items.map((i) => i.text).join('、');
  if (items.length > 6) return `${short(items[0].text)}、${short(items[1].text)}、${short(items[2].text)}、…、${short(last.text)}`;
  return items.map((i) => short(i.text)).join('、');
}

/** Whether a run's markers (`一是`, `（1）`, `（一）`, `1.`) count up by one each. */
function consecutive(items: readonly { text: string }[]): boolean {
  const values = items.map((i) => markerValue(i.text));
  return values.every((v, k) => k === 0 || v === values[k - 1] + 1);
}

/** The number a marker shows (`（四）` → 4, `2.` → 2), 0 when it shows none. */
function markerValue(marker: string): number {
  const digits = /\d+/u.exec(marker);
  if (digits) return Number(digits[0]);
  const han = /[一二三四五六七八九十]+/u.exec(marker);
  return han ? chineseNumeralValue(han[0]) : 0;
}

/** An item as shown in a summary: without asides, at most 8 characters. */
function short(raw: string): string {
  const t = raw.replace(/[（(][^）)]*[）)]/gu, '').trim() || raw;
  return t.length > 8 ? `${t.slice(0, 7)}…` : t;
}
