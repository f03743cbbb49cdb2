/**
 * How total-breakdown reads a total spread over named places (`全局共有党员186名，分布在机关党支部
 * （72名）、社保中心党支部（48名）…`): right after the total (its comma, or its noun, as in
 * `186名党员分布在…`) a distribution verb
 * (分布在/分布于/分散在/分属, rules/data/sentence-numbers.yaml `distribution_verbs`), then a 、
 * run of two or more named places, each with its share in a bracket right after it (or written
 * right after it with no bracket: `分布在城区支部43名、乡镇支部51名`). Each counted member or
 * thing stands in one place, so a closed run adds up to the total; a run closed by 等 (or by a
 * count of places larger than the run) names only some places: at most the total. Offsets are
 * UTF-16 code units; `from` is a line's absolute start.
 */
import { sentenceNumbers } from '../data/sentence-numbers';
import type { Quantity } from '../model/quantities';
import type { Report } from '../model/report';
import { isHanCode, isTotal } from './breakdowns';
import type { Breakdown, Part } from './breakdowns';
import { compatibleUnits, quantitiesIn, sentenceEnd } from './sentence';

const IDEOGRAPHIC_COMMA = 0x3001; // 、
/** The longest noun between a number-first total and the verb (`186名党员分布在`). */
const NOUN_MAX = 6;
/** A place's label: Han characters and the quotes of a named brand, at most this long. */
const LABEL_MAX = 20;

/** `分布在` and its like right at `at` in `lineText`: the verb's length, or 0. */
function verbAt(lineText: string, at: number): number {
  for (const v of sentenceNumbers.breakdown.distributionVerbs) if (lineText.startsWith(v, at)) return v.length;
  return 0;
}

/**
 * The breakdown of `total` over the places a distribution verb names right after its comma,
 * or null (fewer than two places, a place with no share, a share in another unit, a share
 * that is no exact count).
 */
export function distributedAfterTotal(report: Report, total: Quantity): Breakdown | null {
  // A cheap first test: every verb opens with 分, within reach of the total.
  if (!hasFenSoon(report.text, total.end)) return null;
  const from = report.lines.start(total.line);
  const lineText = report.lines.lineText(total.line);
  // `186名，分布在…`, or the count before its noun: `186名党员分布在…`, `186名党员，分布于…`.
  let at0 = total.end - from;
  const nounEnd = Math.min(lineText.length, at0 + NOUN_MAX);
  while (at0 < nounEnd && verbAt(lineText, at0) === 0 && isHanCode(lineText.charCodeAt(at0))) at0++;
  const c = lineText.charCodeAt(at0);
  if (c === 0xff0c /* ， */ || c === 0x2c) at0++;
  const verb = verbAt(lineText, at0);
  if (verb === 0 || total.bound === 'approx' || !isTotal(total, lineText, from)) return null;
  const start = at0 + verb;
  const end = sentenceEnd(lineText, start);
  const parts: Part[] = [];
  // Where the next place's label starts (an index into the line).
  let at = start;
  for (const q of quantitiesIn(report.quantities, from + start, from + end)) {
    const qAt = q.start - from;
    // The label runs from `at` to the number, or to the bracket that holds it.
    const bracket = lineText.charCodeAt(qAt - 1) === 0xff08 /* （ */ || lineText.charCodeAt(qAt - 1) === 0x28;
    const labelEnd = bracket ? qAt - 1 : qAt;
    const sep = parts.length === 0 ? 0 : lineText.charCodeAt(at);
    if (parts.length > 0 && sep !== IDEOGRAPHIC_COMMA) break;
    const label = lineText.slice(parts.length === 0 ? at : at + 1, labelEnd);
    if (!isLabel(label) || !compatibleUnits(q.unit, total.unit) || q.bound !== 'exact') return null;
    let after = q.end - from;
    if (bracket) {
      const close = lineText.charCodeAt(after);
      if (close !== 0xff09 /* ） */ && close !== 0x29) return null;
      after++;
    }
    parts.push({ q, label, sep });
    at = after;
    const next = lineText.charCodeAt(at);
    if (next !== IDEOGRAPHIC_COMMA) break;
  }
  if (parts.length < 2) return null;
  // `…（19名）等4个党支部` / `…等`: the run names only some of the places.
  // So does a run going on past its last count (`西组（70名）、南组和北组`): places named
  // without their share.
  const next = lineText.charCodeAt(at);
  const open = next === 0x7b49 /* 等 */ || next === IDEOGRAPHIC_COMMA || next === 0x548c /* 和 */ || next === 0x53ca /* 及 */;
  return { total, parts, mode: open ? 'atMost' : 'sum', listed: true };
}

/** Whether `label` can name a place: 1–LABEL_MAX Han characters or quotes, nothing else. */
function isLabel(label: string): boolean {
  if (label.length === 0 || label.length > LABEL_MAX) return false;
  for (let i = 0; i < label.length; i++) {
    const c = label.charCodeAt(i);
    if (!isHanCode(c) && c !== 0x201c /* “ */ && c !== 0x201d /* ” */) return false;
  }
  return true;
}

/** Whether 分 stands in `text[at, at + NOUN_MAX + 2)` (a bounded scan, not indexOf, which may run to the end). */
function hasFenSoon(text: string, at: number): boolean {
  const stop = Math.min(text.length, at + NOUN_MAX + 2);
  for (let i = at; i < stop; i++) if (text.charCodeAt(i) === 0x5206 /* 分 */) return true;
  return false;
}
