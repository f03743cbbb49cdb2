/**
 * A rate named by an outcome (调解成功率, 抽检合格率, 考试通过率: rates.outcome_words), recomputed
 * for `percentage-range` from the two clauses right before it: what was attempted, then how
 * many met the outcome — "排查调处矛盾纠纷2860件，调解成功2680件，调解成功率97.6%", "抽检食品
 * 120批次，合格118批次，合格率…", "参加考试86人，82人通过，通过率…". The general part ÷ whole
 * reading (rate-parts.ts `recompute`) gives up when the sentence holds more counts that share
 * a word with the rate (人民调解委员会246个 … 调处纠纷2860件); the outcome word and the order of the
 * clauses single out part and whole here. Read as the statistics of 人民调解, 抽检 and 考试 word
 * them (pages corpus: "受理调解案件6368件，调解成功6217件，成功率达97.6%").
 * Offsets are UTF-16 code units; `from` is the line's start in the report text.
 */
import { sentenceNumbers } from '../data/sentence-numbers';
import type { Report } from '../model/report';
import type { Problem, ProblemRelated } from '../types';
import type { Quantity } from '../model/quantities';
import { countsIn } from './rate-clauses';
import { judged, standsAlone } from './rate-parts';
import { COMMON } from './rate-roles';
import { checked, clauseEnd, clauseStart, measureOf, percentOf, percentRangeContradicts, written } from './sentence';

const words = sentenceNumbers.rates;

/** A comma that joins two clauses of one statement (not ；: another statement). */
function commaAt(lineText: string, i: number): boolean {
  const c = lineText.charCodeAt(i);
  return c === 0xff0c /* ， */ || c === 0x2c;
}

/** The exact counts of the clause `[start, end)` of the line. */
function clauseCounts(report: Report, from: number, start: number, end: number): Quantity[] {
  return countsIn(report, from + start, from + end);
}

/**
 * The outcome rate `q` named `rate` (ending in an outcome word and 率) recomputed as the one
 * count of the clause right before the rate's (which says the outcome) divided by the one
 * count of its kind in the clause before that (larger, not a 其中 item, not itself saying the
 * outcome), the three clauses joined by commas; a count that negates the outcome (不合格,
 * 未通过, 失败) is what is left out, and the rate is (whole − it) ÷ whole (`complement`). The rate's action before
 * its outcome (调解 of 调解成功率), when it names one, shares a character with one of the two
 * clauses. The rule's `recomputed` problem or its pass; null
 * when the clauses are not so arranged.
 */
export function recomputeOutcome(report: Report, q: Quantity, lineText: string, from: number, rate: string): Problem | null {
  const read = attemptsAndOutcome(report, q, lineText, from, rate);
  if (!read) return null;
  const { part, whole, negated } = read;
  if (!negated) return judged(report, q, rate, part, whole);
  // "抽检样品150批次，不合格4批次，合格率…": the rate's part is what is left, 150 − 4.
  const failedValue = part.value * measureOf(part.unit).factor;
  const wholeValue = whole.value * measureOf(whole.unit).factor;
  if (part.decimals > 0 || whole.decimals > 0 || part.scale !== '' || whole.scale !== '') return null;
  const tolerance = q.decimals > 0 ? 2 * 10 ** -q.decimals : 1 - 1e-6;
  const wrong = percentRangeContradicts(q.value, wholeValue - failedValue, 0, wholeValue, 0, tolerance);
  const data = { rate, value: written(report, q), whole: written(report, whole), failed: written(report, part), computed: String(percentOf(wholeValue - failedValue, wholeValue)) };
  const related: ProblemRelated[] = [
    { start: part.numberStart, end: part.end, messageId: 'failed', data: { failed: data.failed } },
    { start: whole.numberStart, end: whole.end, messageId: 'whole', data: { whole: data.whole } },
  ];
  return checked(!wrong, wrong ? 'complement' : 'complementOk', data, q.numberStart, q.end, related);
}

/**
 * The clauses of an outcome rate (see recomputeOutcome): the one count of the clause right
 * before the rate's that says the outcome (`part`; `negated` when it says it did not happen:
 * 不合格, 未通过, 失败) and the one count of its kind in the clause before that (`whole`,
 * larger, not a 其中 item, not itself saying the outcome). Null for any other arrangement.
 */
function attemptsAndOutcome(report: Report, q: Quantity, lineText: string, from: number, rate: string): { part: Quantity; whole: Quantity; negated: boolean } | null {
  if (!words.outcome.test(rate) || !standsAlone(q, lineText, from, rate)) return null;
  const outcome = words.outcomeWords.find((w) => rate.endsWith(`${w}率`));
  if (!outcome) return null;
  const rateClause = clauseStart(lineText, q.numberStart - from);
  if (rateClause < 2 || !commaAt(lineText, rateClause - 1)) return null;
  // The part: "调解成功2680件", "82人通过", "其中考核合格67名", "不合格4批次".
  const partStart = clauseStart(lineText, rateClause - 1);
  const partClause = lineText.slice(partStart, rateClause - 1);
  const parts = clauseCounts(report, from, partStart, rateClause - 1);
  if (parts.length !== 1 || !(partClause.includes(outcome) || (outcome === '成功' && partClause.includes('失败')))) return null;
  const negated = negates(outcome).test(partClause);
  const part = parts[0];
  // The whole: "排查调处矛盾纠纷2860件", the clause before the part's.
  if (partStart < 2 || !commaAt(lineText, partStart - 1)) return null;
  let wholeStart = clauseStart(lineText, partStart - 1);
  let wholeEnd = partStart - 1;
  // "共调处纠纷1286件，其中婚姻家庭纠纷412件、…，调解成功1249件，调解成功率…": a 其中 clause
  // between breaks down the attempts by kind; the attempts are the count of the clause before it.
  const kinds = lineText.slice(wholeStart, wholeEnd);
  if (kinds.startsWith('其中') && !kinds.includes(outcome) && wholeStart >= 2 && commaAt(lineText, wholeStart - 1)) {
    wholeEnd = wholeStart - 1;
    wholeStart = clauseStart(lineText, wholeEnd);
  }
  const wholeClause = lineText.slice(wholeStart, wholeEnd);
  if (wholeClause.startsWith('其中') || wholeClause.includes(outcome)) return null;
  const kind = measureOf(part.unit).kind;
  const wholes = clauseCounts(report, from, wholeStart, wholeEnd).filter((c) => measureOf(c.unit).kind === kind);
  if (wholes.length !== 1) return null;
  const whole = wholes[0];
  if (!(whole.value > part.value)) return null;
  // The whole's count closes its clause, or only its noun follows (2860件, 120批次食品).
  const tail = lineText.slice(whole.end - from, clauseEnd(lineText, whole.end - from));
  if (!/^\p{Script=Han}{0,8}$/u.test(tail)) return null;
  const action = rate.slice(0, -outcome.length - 1);
  if (action.length > 0 && ![...action].some((ch) => !COMMON.has(ch) && (wholeClause.includes(ch) || partClause.includes(ch)))) return null;
  return { part, whole, negated };
}

/**
 * `problem` (a recomputation of the rate `rate`) unless the rate is an outcome's and the part
 * it divided says the outcome negated: "抽检样品150批次，不合格4批次，抽检合格率97.3%" counts
 * the failures, whose complement (146 of 150) is the rate's part, so 4 ÷ 150 is no reading of
 * it. Then null: the complement is not recomputed here.
 */
export function withoutNegatedPart(lineText: string, from: number, rate: string, problem: Problem | null): Problem | null {
  if (!problem || !words.outcome.test(rate)) return problem;
  const outcome = words.outcomeWords.find((w) => rate.endsWith(`${w}率`));
  const partAt = problem.related?.find((r) => r.messageId === 'part')?.start;
  if (!outcome || partAt === undefined) return problem;
  const at = partAt - from;
  const clause = lineText.slice(clauseStart(lineText, at), clauseEnd(lineText, at));
  return negates(outcome).test(clause) ? null : problem;
}

/** A clause saying the outcome did not happen: 不合格, 未通过, 没有成功, 失败 (of 成功). */
function negates(outcome: string): RegExp {
  return new RegExp(`(?:不|未|没有?)${outcome}${outcome === '成功' ? '|失败' : ''}`, 'u');
}
