/**
 * trend-direction's unit clash: a count and its change since a base period stated together
 * ("党的基层组织517.6万个，较上年净增11.1万人"). The change counts the same things as the count
 * before it, so its measure word must count them too: organisations and places (个, 家, 所)
 * do not grow by people (名, 人, 位), nor people by organisations. Read only where the change
 * names no noun of its own (`较上年增加党员60名` says what grew: quiet) and ends its clause,
 * and where the count ends right before the comma: nothing else can be what changed.
 * Offsets are UTF-16 code units; the problems are trend-direction's (`unitClash`).
 */
import { sentenceNumbers } from '../data/sentence-numbers';
import type { Report } from '../model/report';
import type { Problem } from '../types';
import { checked, NUMBER_SOURCE } from './sentence';
import { comparisonStarts, resultBefore } from './trend-change';

const words = sentenceNumbers.trend;
/**
 * "较上年净增11.1万人" right after a count and its comma, sticky at the 较/比: the base period
 * named by a word (no number of its own), the verb, the change (groups: 1 verb, 2 number,
 * 3 万/亿, 4 measure word), ending its clause.
 */
const CHANGE = new RegExp(
  `(?:较|比)(?:上年|去年|上一年|前一年|年初|上年同期|去年同期|同期|上年度)(?:同期)?(?:相比)?(净增加|净减少|净增|净减|${words.up}|${words.down})了?(${NUMBER_SOURCE})(万|亿)?(名|人|位|个|家|所)(?=[，,。；;！\n]|$)`,
  'uy',
);
const PEOPLE = '名人位';
const PLACES = '个家所';

/** The clash problems of the text (see the module comment). */
export function unitClashes(report: Report): Problem[] {
  const { text } = report;
  const problems: Problem[] = [];
  for (const start of comparisonStarts(text)) {
    const comma = text.charCodeAt(start - 1);
    if (comma !== 0xff0c /* ， */ && comma !== 0x2c) continue;
    CHANGE.lastIndex = start;
    const m = CHANGE.exec(text);
    if (!m) continue;
    const end = start + m[0].length;
    if (report.opaque.overlaps(start, end)) continue;
    const count = resultBefore(report, start);
    if (!count || count.unit.length !== 1) continue;
    const changeUnit = m[4];
    const clash = (PEOPLE.includes(count.unit) && PLACES.includes(changeUnit)) || (PLACES.includes(count.unit) && PEOPLE.includes(changeUnit));
    if (!clash) continue;
    const data = { count: text.slice(count.numberStart, count.end), change: `${m[1]}${m[2]}${m[3] ?? ''}${changeUnit}`, countUnit: count.unit, changeUnit };
    problems.push(checked(false, 'unitClash', data, count.numberStart, end));
  }
  return problems;
}
