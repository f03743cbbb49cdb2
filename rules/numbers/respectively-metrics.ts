/**
 * respectively-count's reading of measured figures with one amount: `全年供水量、售水量分别达到
 * 1.2亿立方米` lists two figures (names ending in 量, 额, 产值, 收入…, `lists.yaml`
 * `respectively_metric_endings`) before 分别 and a single amount after it. The model's 分别
 * (rules/model/lists.ts) needs two values or more, so this construction is read here.
 *
 * One value after 分别 is often right (`两个支部分别开展活动12次`: each did so; `分别…各500亩`),
 * so only figures are read: two different measured quantities are not one amount. Read when
 * the figures fill the clause before 分别 (each item 1–10 Han characters, joined by 、 or
 * one 和), 分别 is followed by 达到/为/完成/实现 (no change verb: `分别增长12%` may be shared)
 * and one amount with a unit (no percentage, change or multiple), ending the clause. Offsets are
 * UTF-16 code units of the report text.
 */
import { listsData } from '../data/lists';
import type { Report } from '../model/report';
import type { Problem } from '../types';
import { checked, clauseStart } from './sentence';

const ENDINGS = listsData.respectivelyMetricEndings.join('|');
const ITEM = `\\p{Script=Han}{1,10}?(?:${ENDINGS})`;
/** The figures filling the clause before 分别: two or more, joined by 、 (the last maybe by 和). */
const FIGURES = new RegExp(`^${ITEM}(?:、${ITEM})*[、和]${ITEM}$`, 'u');
/**
 * 分别, its verb and one amount ending the clause (`分别达到1.2亿立方米，`), sticky at 分别:
 * group 1 the amount (number, 万/亿, a unit of 1–4 Han characters; not read by the quantity
 * layer, which lacks units such as 立方米). No change verb (增长, 下降): a change may be shared.
 */
const ONE_AMOUNT = /分别(?:达到了?|达|为|是|完成了?|实现了?)(\d{1,9}(?:\.\d{1,4})?(?:万|亿)?(?![余多])\p{Script=Han}{1,4}?)(?=[，。；,;\n]|$)/uy;
/** Units that are no amount of a figure: a change or a multiple. */
const NOT_AMOUNTS = /(?:百分点|倍|以上|以下|左右)$/u;

/**
 * The problems of `分别` after a list of measured figures with a single amount (see the module
 * comment): one per 分别, spanning 分别 to the amount, the figures as related; the rule's
 * `mismatch` message with the figures as subjects and one value.
 */
export function figuresWithOneAmount(report: Report): Problem[] {
  const problems: Problem[] = [];
  const { text } = report;
  for (let k = text.indexOf('分别'); k >= 0; k = text.indexOf('分别', k + 2)) {
    ONE_AMOUNT.lastIndex = k;
    const m = ONE_AMOUNT.exec(text);
    if (!m || NOT_AMOUNTS.test(m[1])) continue;
    // The clause, within the line (clauseStart does not stop at a line break).
    const clause = Math.max(clauseStart(text, k), text.lastIndexOf('\n', k) + 1);
    const figures = text.slice(clause, k);
    if (!FIGURES.test(figures) || report.opaque.overlaps(clause, k + m[0].length)) continue;
    const items = figures.split(/[、和]/u);
    if (new Set(items).size !== items.length) continue;
    const subjects = items.join('、');
    const data = { word: '分别', count: items.length, subjects, valueCount: 1, values: m[1] };
    const related = [{ start: clause, end: k, messageId: 'subjects', data: { subjects } }];
    problems.push(checked(false, 'mismatch', data, k, k + m[0].length, related));
  }
  return problems;
}
