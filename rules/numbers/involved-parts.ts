/**
 * `志愿服务312人次，涉及农技指导126人次、防汛值守98人次、文明实践76人次`: after a total's
 * comma, 涉及 followed by a 、 run of three or more parts in the total's own unit — a unit
 * that names the counted thing (人次, 场次, 件, 起…), not a bare 个/名/家 whose parts may be
 * other things (`排查问题45个，涉及村12个`) — breaks the total down: the parts add up to it.
 * Open runs (等) and parts that may overlap (listMode) are not read. Offsets are UTF-16 code units.
 */
import type { Quantity } from '../model/quantities';
import type { Report } from '../model/report';
import { type Breakdown, isTotal, readParts } from './breakdowns';
import { listMode } from './breakdown-mode';
import { sentenceEnd } from './sentence';

/** Units that may count something other than the total after 涉及 (villages, people, bodies). */
const AMBIGUOUS_UNITS = new Set(['个', '名', '人', '位', '家', '户', '所', '村', '镇', '乡', '处']);
const IDEOGRAPHIC_COMMA = 0x3001;

/** The breakdown after `，涉及` right after `total`, or null. */
export function involvedAfterTotal(report: Report, total: Quantity): Breakdown | null {
  const { text } = report;
  if (!text.startsWith('涉及', total.end + 1) || AMBIGUOUS_UNITS.has(total.unit) || total.bound !== 'exact') return null;
  const from = report.lines.start(total.line);
  const lineText = report.lines.lineText(total.line);
  if (!isTotal(total, lineText, from)) return null;
  const start = total.end - from + 3;
  const parts = readParts(lineText, from, start, sentenceEnd(lineText, start), total, report.quantities, true);
  if (parts.length < 3 || !parts.every((p, i) => p.q.unit === total.unit && (i === 0 || p.sep === IDEOGRAPHIC_COMMA))) return null;
  const mode = listMode(parts, lineText, from, (sep) => sep === IDEOGRAPHIC_COMMA);
  return mode === 'sum' ? { total, parts, mode, listed: true } : null;
}
