/**
 * trend-direction, a direction stated apart from the pair of values it describes:
 * - a change after a from/to pair: `由上年的1860件增至2140件，同比增长15.1%` — the 同比 (环比,
 *   较上年) direction right after the comma must be the pair's (`…，同比下降15.1%` is not);
 * - a from/to pair with no verb and the direction after it: `从上年的9项到今年的14项，数量有所
 *   增加` — A < B for a rise, A > B for a fall;
 * - a base stated in a 与…相比 clause and the direction with the result in the next:
 *   `与上年同期的1.36次相比，事故率下降至1.12次`.
 * Each returns trend-direction's `wrong`/`ok` problem. Only exact values (no 约, 余, 以上) of
 * one kind of unit are compared; equal values are not judged. The constructions were read in
 * 公报-style and expressway, hotline and research-institute reports of the pages corpus.
 * Offsets are UTF-16 code units of the report text.
 */
import { sentenceNumbers } from '../data/sentence-numbers';
import type { Report } from '../model/report';
import type { Problem } from '../types';
import { checked, clauseStart, measureOf, NUMBER_SOURCE, numberValue } from './sentence';
import { TIME } from './trend-change';

const words = sentenceNumbers.trend;
/** A value as written: number (group n), 万/亿, unit, then an optional `/per-unit` (次/百万车公里). */
const PLAIN = `(${NUMBER_SOURCE})(万|亿)?(${words.valueUnits})(/[\\p{Script=Han}A-Za-z]{1,8})?`;
/** Words that may qualify a bare direction: 有所增加, 明显下降. */
const DEGREE = '(?:有所|明显|大幅|显著|稳步|持续|进一步|略有|均有)?';

/**
 * Right after a from/to pair (sticky at its end): `，同比下降15.1%`. Groups: 1 verb, then the
 * change (number, 万/亿, unit, per-unit). The change is not compared, only its direction.
 */
const SAME_YEAR_CHANGE = new RegExp(`[，,](?:同比|环比|较上年同期|较上年|比上年|较去年同期|较去年|比去年)(${words.up}|${words.down})了?${PLAIN}`, 'uy');

/**
 * `从…的9项到…的14项，数量有所减少`: sticky at 从/由. Groups: 1–4 value A, 5–8 value B, 9 the
 * direction verb, after at most six Han characters of subject (数量, 人数) and a degree word.
 */
const TO_PAIR = new RegExp(
  `(?:从|由)${TIME}${PLAIN}(?:到|至)${TIME}${PLAIN}[，,](?:\\p{Script=Han}{0,6}?)(?:同比)?${DEGREE}(${words.up}|${words.down})(?:明显|显著|较多|较大)?(?=[，,。；;！]|$)`,
  'uy',
);

/**
 * `与上年同期的1.36次相比，上半年事故率上升至1.12次`: sticky at 与/同/和. Groups: 1–4 the base,
 * 5 the verb, 6–9 the result. At most sixteen characters of subject (no mark) before the verb.
 */
const COMPARED = new RegExp(
  `(?:与|同|和)${TIME}${PLAIN}相比[，,][^，,。；;！？\\n]{0,16}?(${words.up}|${words.down})(?:到|至|为)${TIME}${PLAIN}`,
  'uy',
);

/** A value of the groups `n…n+3` of `m` in base units, with its text; null when unreadable. */
function valueAt(m: RegExpExecArray, n: number): { value: number; unit: string; per: string; text: string } | null {
  const v = numberValue(m[n]);
  if (!v) return null;
  const scale = m[n + 1] === '万' ? 1e4 : m[n + 1] === '亿' ? 1e8 : 1;
  const unit = m[n + 2];
  const per = m[n + 3] ?? '';
  return { value: v.value * scale * measureOf(unit).factor, unit, per, text: m[n] + (m[n + 1] ?? '') + unit + per };
}

/** The `wrong`/`ok` problem of going from `a` to `b` by `verb`, over `[start, end)`; null for equal values or units of two kinds. */
function judged(verb: string, a: ReturnType<typeof valueAt>, b: ReturnType<typeof valueAt>, start: number, end: number): Problem | null {
  if (!a || !b || measureOf(a.unit).kind !== measureOf(b.unit).kind || a.per !== b.per || a.value === b.value) return null;
  const up = words.upWords.has(verb);
  const wrong = up ? a.value > b.value : a.value < b.value;
  const data = { verb, a: a.text, b: b.text, op: a.value > b.value ? '>' : '<', need: up ? '小于' : '大于', needEn: up ? 'smaller than' : 'larger than' };
  return checked(!wrong, wrong ? 'wrong' : 'ok', data, start, end);
}

/** Whether the clause before `at` on its line names a rank (排名从15位提升到3位: a rank rises as its number falls). */
function rankBefore(report: Report, at: number): boolean {
  const line = report.lines.lineAt(at);
  const from = report.lines.start(line);
  const lineText = report.lines.lineText(line);
  return words.rankWords.test(lineText.slice(clauseStart(lineText, at - from), at - from));
}

/**
 * The direction after a from/to pair whose values `a` (text aText) and `b` went `up` and
 * ended at `end`: a 同比 change right after the comma going the other way is wrong.
 */
export function directionAfterPair(report: Report, end: number, up: boolean, aText: string, bText: string, start: number): Problem | null {
  SAME_YEAR_CHANGE.lastIndex = end;
  const m = SAME_YEAR_CHANGE.exec(report.text);
  if (!m) return null;
  const changeEnd = end + m[0].length;
  if (report.opaque.overlaps(end, changeEnd) || report.text.slice(end, changeEnd).includes('\n')) return null;
  const changeUp = words.upWords.has(m[1]);
  const data = { verb: m[1], a: aText, b: bText, op: up ? '<' : '>', need: changeUp ? '小于' : '大于', needEn: changeUp ? 'smaller than' : 'larger than' };
  return checked(changeUp === up, changeUp === up ? 'ok' : 'wrong', data, start, changeEnd);
}

/** `从A到B，…增加/减少` at `start` (a 从 or 由), or null. */
export function toPair(report: Report, start: number): { problem: Problem; end: number } | null {
  TO_PAIR.lastIndex = start;
  const m = TO_PAIR.exec(report.text);
  if (!m) return null;
  const end = start + m[0].length;
  if (report.opaque.overlaps(start, end) || report.text.slice(start, end).includes('\n') || rankBefore(report, start)) return null;
  // Years and months (从2021年到2023年) are periods, not values.
  if (m[3] === '年' || m[7] === '年' || m[3] === '月' || m[7] === '月') return null;
  const problem = judged(m[9], valueAt(m, 1), valueAt(m, 5), start, end);
  return problem && { problem, end };
}

/** Every `与A相比，…上升至B` of the report (see COMPARED), in text order. */
export function comparedPairs(report: Report): Problem[] {
  const { text } = report;
  const out: Problem[] = [];
  for (let at = text.indexOf('相比'); at >= 0; at = text.indexOf('相比', at + 2)) {
    // The comparison opens at most 24 units before 相比 with 与, 同 or 和.
    for (let s = at - 1; s >= Math.max(0, at - 24); s--) {
      const c = text[s];
      if (c === '\n' || c === '，' || c === '。') break;
      if (c !== '与' && c !== '同' && c !== '和') continue;
      COMPARED.lastIndex = s;
      const m = COMPARED.exec(text);
      if (!m) continue;
      const end = s + m[0].length;
      if (report.opaque.overlaps(s, end) || text.slice(s, end).includes('\n') || rankBefore(report, s)) break;
      const problem = judged(m[5], valueAt(m, 1), valueAt(m, 6), s, end);
      if (problem) out.push(problem);
      break;
    }
  }
  return out;
}
