/**
 * A stock and its flows (total-breakdown): `年初党员481名，全年发展党员6名、转入9名，转出5名、
 * 去世2名，年末为486名` — the stock at the start, plus what came in (发展, 转入, 接收…), minus
 * what went out (转出, 去世, 除名…), is the stock at the end. The construction is how 党内统计
 * and branch reports account for membership over a year (pages corpus: 支部年度总结, 统计公报).
 * Found at the end stock, in its sentence: every count between the two stocks must be a flow
 * of the same unit whose clause names its direction; any other count and nothing is read.
 * Offsets are UTF-16 code units.
 */
import type { Quantity } from '../model/quantities';
import type { Report } from '../model/report';
import type { Problem, ProblemRelated } from '../types';
import { baseValue, compatibleUnits, formatNumber, quantitiesIn, sentenceStart, written } from './sentence';

/** The words right before the start stock's number: `年初党员`, `年初有党员`, `上年末共有`. */
const START = /(?:年初|上年末|上年底|去年底|去年末)(?:时)?(?:共有|有|共)?\p{Script=Han}{0,4}?(?:共有|有|为|共)?$/u;
/** The words right before the end stock's number: `年末为`, `年底党员`, `截至年底共有`. */
const END = /(?:年末|年底|截至年底|截至年末|截至12月底)(?:时)?(?:共有|有|共|为|达)?\p{Script=Han}{0,4}?(?:共有|有|为|共|达)?$/u;
/** Clauses of inflows: the count enters the stock. */
const IN = /发展|转入|接收|吸收|恢复|迁入|调入|新增/u;
/** Clauses of outflows: the count leaves it. */
const OUT = /转出|去世|逝世|病故|死亡|出党|除名|开除|退党|停止党籍|迁出|调出|减少/u;
/** A label opening a 其中 part (after its mark, in a bracket or not): `，其中女党员`. */
const QIZHONG = /^[，,、；;（(\s]*其中/u;
/** The farthest back (UTF-16 units) the start stock is looked for. */
const BACK = 160;

/** The problem of the stock flow ending at `end`, or null when `end` closes no such flow. */
export function stockFlow(report: Report, end: Quantity): Problem | null {
  if (end.bound !== 'exact') return null;
  const from = report.lines.start(end.line);
  const lineText = report.lines.lineText(end.line);
  const at = end.numberStart - from;
  const head = lineText.slice(Math.max(0, at - 12), at);
  // Most counts have no 年末/年底 before them: one indexOf each before the regex.
  if ((head.indexOf('年末') < 0 && head.indexOf('年底') < 0 && head.indexOf('月底') < 0) || !END.test(head)) return null;
  const counts = quantitiesIn(report.quantities, from + sentenceStart(lineText, at, BACK), end.start);
  // The start stock: the last count of the unit whose words say 年初.
  let first = -1;
  for (let i = counts.length - 1; i >= 0; i--) {
    const c = counts[i];
    const before = lineText.slice(Math.max(0, c.numberStart - from - 12), c.numberStart - from);
    if (compatibleUnits(c.unit, end.unit) && START.test(before)) {
      first = i;
      break;
    }
  }
  if (first < 0) return null;
  const start = counts[first];
  if (start.bound !== 'exact') return null;
  let value = baseValue(start);
  let expr = start.numberText;
  const related: ProblemRelated[] = [{ start: start.numberStart, end: start.end, messageId: 'total', data: { total: written(report, start) } }];
  let flows = 0;
  let labelFrom = start.end - from;
  for (let i = first + 1; i < counts.length; i++) {
    const c = counts[i];
    if (!compatibleUnits(c.unit, end.unit) || c.bound !== 'exact') return null;
    // The clause of the count: from the last mark before it (its label) to it.
    const label = lineText.slice(labelFrom, c.numberStart - from);
    labelFrom = c.end - from;
    // `全年发展党员2名，其中女党员1名，年底党员42名`: a 其中 part of a flow is inside it,
    // no flow of its own.
    if (flows > 0 && QIZHONG.test(label)) continue;
    const inflow = IN.test(label);
    const outflow = OUT.test(label);
    // A clause that names no direction, or both, is no flow this reading can sum.
    if (inflow === outflow) return null;
    value += inflow ? baseValue(c) : -baseValue(c);
    expr += `${inflow ? '+' : '−'}${c.numberText}`;
    related.push({ start: c.numberStart, end: c.end, messageId: 'part', data: { part: written(report, c) } });
    flows++;
  }
  if (flows === 0) return null;
  const ok = Math.abs(value - baseValue(end)) < 1e-9;
  const data = { expr, sum: formatNumber(value), unit: end.unit, total: written(report, end) };
  return { passed: ok, messageId: ok ? 'flowOk' : 'flowMismatch', data, start: end.numberStart, end: end.end, related };
}
