/**
 * trend-direction's reading of a base named after 较/比 with the result after the direction
 * ("全年到馆读者较上年的68.4万人次增长至64.9万人次", "比去年同期的312名减少到286名"): the
 * comparison word, a base period and 的, the base value, a direction word, 到/至 and the new
 * value. It says what 从A增长到B says, so A < B for a rise and A > B for a fall. The period
 * and 的 are required: `较…增长` without them states a change (`较上年增长12%`, trend-change.ts),
 * and `比A` with a bare value compares with something else. Offsets are UTF-16 code units
 * into `report.text`; problems use the rule's `wrong`/`ok` messages.
 */
import { sentenceNumbers } from '../data/sentence-numbers';
import type { Report } from '../model/report';
import type { Problem } from '../types';
import { checked, clauseStart, measureOf } from './sentence';
import { TIME, VALUE, valueOf } from './trend-change';

const words = sentenceNumbers.trend;
const BEFORE = '(约|近|不足|不到|超过|逾)?';
/**
 * Sticky at a 较 or 比. Groups: 1 before-qualifier A, 2–6 value A (number, scale, 余/多,
 * unit, after-qualifier), 7 verb, 8 到/至, 9 before-qualifier B, 10–14 value B. Every part
 * bounded: linear time.
 */
const COMPARED = new RegExp(`(?:较|比)(?:${words.timePrefixes}|\\d{4}年(?:初|底|末)?)(?:同期)?的${BEFORE}${VALUE}(${words.up}|${words.down})(了?(?:到|至))${TIME}${BEFORE}${VALUE}`, 'uy');

/** The code unit of 的. */
const DE = 0x7684;

/**
 * The `wrong`/`ok` problems of every compared pair in the report (see the module comment),
 * in document order. A 较 or 比 is tried only when a 的 stands within its next eight code
 * units and a digit follows that 的.
 */
export function comparedBasePairs(report: Report): Problem[] {
  const out: Problem[] = [];
  const { text } = report;
  // Two cursors, each advanced past its own anchor only: each text is scanned once per word.
  for (let nextJiao = text.indexOf('较'), nextBi = text.indexOf('比'); nextJiao >= 0 || nextBi >= 0; ) {
    const at = nextBi < 0 || (nextJiao >= 0 && nextJiao < nextBi) ? nextJiao : nextBi;
    if (at === nextJiao) nextJiao = text.indexOf('较', at + 1);
    else nextBi = text.indexOf('比', at + 1);
    if (!deThenDigit(text, at + 1)) continue;
    COMPARED.lastIndex = at;
    const m = COMPARED.exec(text);
    if (!m) continue;
    const end = at + m[0].length;
    if (report.opaque.overlaps(at, end)) continue;
    const next = text.charCodeAt(end);
    // "分别较上年的65%、70%提高到…": a list, not one pair.
    if (next === 0x3001 /* 、 */ || next === 0x548c /* 和 */) continue;
    const line = report.lines.lineAt(at);
    const lineText = report.lines.lineText(line);
    const from = report.lines.start(line);
    if (words.rankWords.test(lineText.slice(clauseStart(lineText, at - from), at - from))) continue;
    const unitA = m[5] ?? '';
    const unitB = m[13] ?? '';
    // Both values carry a unit of one kind (or only the result does): a bare pair may be
    // anything (a year, an index with a unit the data lacks).
    if (!unitB || (unitA && measureOf(unitA).kind !== measureOf(unitB).kind)) continue;
    if (unitB === '年') continue;
    const a = valueOf(m[1], m[2], m[3], m[4], unitA || unitB, m[6], (m[2] ?? '') + (m[3] ?? '') + (m[4] ?? '') + (m[5] ?? '') + (m[6] ?? ''));
    const b = valueOf(m[9], m[10], m[11], m[12], unitB, m[14], (m[10] ?? '') + (m[11] ?? '') + (m[12] ?? '') + (m[13] ?? '') + (m[14] ?? ''));
    if (!a || !b) continue;
    const up = words.upWords.has(m[7]);
    const verb = m[7].length === 1 ? m[7] + m[8] : m[7];
    const wrong = up ? a.min >= b.max : a.max <= b.min;
    const equal = a.min === a.max && b.min === b.max && a.min === b.min;
    const data = { verb, a: a.text, b: b.text, op: equal ? '=' : wrong === up ? '>' : '<', need: up ? '小于' : '大于', needEn: up ? 'smaller than' : 'larger than' };
    out.push(checked(!wrong, wrong ? 'wrong' : 'ok', data, at, end));
  }
  return out;
}

/** Whether a 的 stands in `[at, at + 8)`, Han characters only before it, and a digit follows it. */
function deThenDigit(text: string, at: number): boolean {
  for (let i = at; i < at + 8 && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === DE) {
      const d = text.charCodeAt(i + 1);
      return d >= 0x30 && d <= 0x39;
    }
    if (c < 0x3400 || c > 0x9fff) return false;
  }
  return false;
}
