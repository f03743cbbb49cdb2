/**
 * metric-conflict's reading of a period's throughput of one material stated twice: as the
 * verb's amount (`全年全厂原油加工量完成815万吨`) and as verb + material (`全年加工原油832万吨`),
 * or either form twice. Both name one amount of the report's period, so two values conflict.
 *
 * Read strictly, so that different amounts never meet:
 * - a statement: a clause whose words before the number are only scope and own-period time
 *   words (全年, 全厂, 今年…) and 共/完成/实现/达到/为, then the material and a verb of
 *   metric-conflict.yaml `flow_verbs` in either shape (O+V+量, V+O), the number closing its
 *   clause, its measure one of `flow_units` (吨, 立方米…; 万吨 and 吨 compared in base units);
 * - a subject (一车间), another period (上年, 同期, 一季度, a month), a change (增加, 同比),
 *   a goal or the plans keep a clause out (metric-sentence.ts dates and goals);
 * - key: material, verb, measure kind and time tag; the first statement of a key is the one
 *   held against. One pass over the quantities; each reads only its own clause.
 */
import { metricConflictData as vocab } from '../data/metric-conflict';
import type { Report } from '../model/report';
import type { Problem } from '../types';
import type { Places } from './metric-places';
import { restatement, type StatedCount } from './metric-restatement';
import { sentenceTime } from './metric-sentence';
import { ALL_SCOPES, isClauseEnd } from './metric-statements';
import { clauseStart, placeOf, readingInterval, sentenceStart } from './sentence';
import { escapeRegExp as escape } from '../model/alternation';

const VERBS = [...vocab.flowVerbs].sort((a, b) => b.length - a.length).map(escape).join('|');
/** Words a throughput clause may open with: scopes, own-period times, 共, 完成… */
const LEAD = [...ALL_SCOPES, '全年', '今年', '年内', '上半年', '下半年', '共计', '共', '累计完成', '完成', '实现', '达到']
  .sort((a, b) => b.length - a.length)
  .map(escape)
  .join('|');
/** O + V + 量 (原油加工量完成), or V + O (加工原油): the material is 2–4 Han characters. */
const AMOUNT = new RegExp(`^(?:${LEAD})*(?:(\\p{Script=Han}{2,4}?)(${VERBS})量(?:完成|达到|实现|为|达)?|(${VERBS})(\\p{Script=Han}{2,4}))$`, 'u');
/** Another period or a change in the sentence: the amount is not the period's own total. */
const OTHER = /同期|同比|上年|去年|较|比|增加|减少|增长|下降|季度|[0-9０-９一二三四五六七八九十]+月|月份|月底|月末|其中|计划|目标/u;

interface Flow extends StatedCount {
  low: number;
}

/**
 * The `conflict` (and passed `consistent`) problems of a period's throughput restated.
 * `planned(offset)` says whether an offset lies in the plans.
 */
export function flowConflicts(report: Report, places: Places, planned: (offset: number) => boolean): Problem[] {
  const first = new Map<string, Flow>();
  const problems: Problem[] = [];
  for (const q of report.quantities) {
    if (q.bound !== 'exact' || !vocab.flowUnits.includes(q.unit) || planned(q.start)) continue;
    const { lineStart, lineText, at } = placeOf(report, q);
    const endAt = q.end - lineStart;
    if (endAt < lineText.length && !isClauseEnd(lineText.charCodeAt(endAt))) continue;
    const from = clauseStart(lineText, at);
    const m = AMOUNT.exec(lineText.slice(from, at));
    if (!m || OTHER.test(lineText.slice(sentenceStart(lineText, at, 200), at))) continue;
    const time = sentenceTime(lineText, at, places.year, places.period);
    if (time === null) continue;
    const material = m[1] ?? m[4];
    const verb = m[2] ?? m[3];
    const [low] = readingInterval(q);
    const key = `${material}|${verb}|${q.unit}|${time}`;
    const stated: Flow = { low, text: lineText.slice(from, endAt), line: q.line, start: lineStart + from, end: q.end, shown: `${q.numberText}${q.scale}${q.unit}` };
    const earlier = first.get(key);
    if (earlier === undefined) first.set(key, stated);
    else problems.push(restatement(earlier.low === low, stated, earlier));
  }
  return problems;
}
