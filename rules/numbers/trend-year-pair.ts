/**
 * trend-direction, a result and its base in two clauses: "…发生7起，上年为4起" (or 上年同期为,
 * 去年为…) with the direction stated after the pair ("…，上年同期为765万元，同比下降8.8%") or,
 * as a bare direction, in the clause right before it ("护理差错明显减少，全年发生7起，上年为4起").
 * A rise needs base < result, a fall base > result; a change stated after the pair with an
 * amount is also checked by its arithmetic (trend-change.ts judgeChange: 个百分点 for a rate,
 * a relative % for a count or an amount). Equal values are not judged, nor values with
 * qualifiers (约, 余, 以上), nor ranks.
 *
 * Offsets are UTF-16 code units into `report.text`; problems use trend-direction's message ids
 * (wrong/ok, and judgeChange's). Nothing here throws.
 */
import { sentenceNumbers } from '../data/sentence-numbers';
import type { Report } from '../model/report';
import type { Problem } from '../types';
import type { Quantity } from '../model/quantities';
import { lowerBound } from '../model/lower-bound';
import { checked, clauseStart, measureOf, NUMBER_SOURCE } from './sentence';
import { judgeChange, writtenOf, type Written } from './trend-judge';

const words = sentenceNumbers.trend;
/** The base's lead, right after the result's comma: `，上年为`, `，去年同期为`. Literal start: a fast scan. */
const BASE_LEAD = /[，,](?:上年|去年|上一年)(?:同期)?(?:为|是)/gu;
/**
 * The direction right after the base, sticky at its end: `，同比下降8.8%`, `，增加3起`, `，明显
 * 减少`. Groups: 1 verb, 2–4 change (number, 万/亿, unit) when an amount is stated. Without an
 * amount the verb must end its clause ("，增长主要来自…" says no direction of this pair).
 */
const AFTER = new RegExp(
  `[，,](?:同比|环比|较上年|比上年|较去年|比去年)?(?:有所|明显|大幅|显著|稳步|持续|进一步|略有)?(${words.up}|${words.down})了?` +
    `(?:(${NUMBER_SOURCE})(万|亿)?(个百分点|${words.valueUnits})(?![\\d.万亿余多]|以上|以下|左右)|(?=[，,。；;！]|$))`,
  'uy',
);
/**
 * A bare direction ending the clause before the result's (`护理差错明显减少，`). Group 1: the
 * verb, two characters or more (a lone 升/降 may end another word); nothing after it but
 * 明显/显著.
 */
const BEFORE = new RegExp(`(?:有所|明显|大幅|显著|稳步|持续|进一步|略有)?(${words.up}|${words.down})(?:明显|显著)?[，,]$`, 'u');
/** Words in the result's clause that make its quantity something else: a part, a change, a share. */
const NOT_RESULT = /其中|较|比|增|减|降|升|提高|分别|占/u;

/** The problems of every result-and-base pair in `report` (see the module doc). */
export function yearPairs(report: Report): Problem[] {
  const problems: Problem[] = [];
  const { text, lines } = report;
  const qs = report.quantities;
  BASE_LEAD.lastIndex = 0;
  for (let m = BASE_LEAD.exec(text); m; m = BASE_LEAD.exec(text)) {
    const comma = m.index;
    const leadEnd = comma + m[0].length;
    const result = qs[lowerBound(qs, (x) => x.end < comma)];
    const base = qs[lowerBound(qs, (x) => x.start < leadEnd)];
    if (!result || !base || result.end !== comma || base.start !== leadEnd || !exact(result) || !exact(base)) continue;
    if (result.line !== base.line || measureOf(result.unit).kind !== measureOf(base.unit).kind) continue;
    const lineStart = lines.start(result.line);
    const lineText = lines.lineText(result.line);
    const clause = clauseStart(lineText, result.start - lineStart);
    const lead = lineText.slice(clause, result.start - lineStart);
    if (NOT_RESULT.test(lead) || words.rankWords.test(lead)) continue;
    const b = written(base);
    const r = written(result);
    if (!b || !r || b.value === r.value) continue;
    AFTER.lastIndex = base.end;
    const after = AFTER.exec(text);
    const before = after ? null : BEFORE.exec(lineText.slice(Math.max(0, clause - 16), clause));
    const verb = after ? after[1] : before && before[1].length >= 2 ? before[1] : null;
    if (!verb) continue;
    const up = words.upWords.has(verb);
    const wrong = up ? b.value > r.value : b.value < r.value;
    const start = result.numberStart;
    const end = after ? base.end + after[0].length : base.end;
    if (!wrong && after && after[2] !== undefined) {
      const change = writtenOf(after[2], after[3], after[4]);
      const judged = change ? judgeChange(b, verb, change, r, up, start, end) : null;
      if (judged) {
        problems.push(judged);
        continue;
      }
    }
    const data = { verb, a: b.text, b: r.text, op: r.value > b.value ? '<' : '>', need: up ? '小于' : '大于', needEn: up ? 'smaller than' : 'larger than' };
    problems.push(checked(!wrong, wrong ? 'wrong' : 'ok', data, start, end));
  }
  return problems;
}

/** Whether `q` is an exact plain count or measure (no 约, 余, 以上; 达/共 allowed). */
function exact(q: Quantity): boolean {
  return q.bound === 'exact' && q.qualifiers.every((w) => w === '达' || w === '达到' || w === '共');
}

/** `q` as a written value (number, scale, unit), or null when its number is unreadable. */
function written(q: Quantity): Written | null {
  const scale = q.scale === '万' || q.scale === '亿' ? q.scale : undefined;
  if (q.scale === '千') return null;
  return writtenOf(q.numberText, scale, q.unit);
}
