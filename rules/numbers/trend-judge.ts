/**
 * trend-direction's judgement of a base, a change and a result stated together: result =
 * base ± change as written, give or take each figure's rounding (judgeChange), or, for a
 * count or an amount changed by a percentage, about base × (1 ± P%) (judgeRelative); and the
 * written figures it compares (writtenOf). Split from trend-change.ts, which finds where the
 * three stand, to keep each module under the project's ~400-line guideline. Problems use
 * trend-direction's message ids (changeWrong/changeOk, relativeWrong/relativeOk).
 */
import type { Problem } from '../types';
import { applyChange, checked, formatNumber, measureOf, numberValue } from './sentence';

/** A value written exactly (see writtenOf): number, scale and unit, with its rounding. */
export interface Written {
  /** In base units (万 and money factors applied). */
  value: number;
  decimals: number;
  /** The step of the last digit written, in base units (`1.2万元` → 1000). */
  step: number;
  /** Base units per unit as written (`万元` → 10000): how the expected value is shown. */
  factor: number;
  /** 万 or 亿 as written before the unit, or ''. */
  scale: string;
  unit: string;
  text: string;
}

/**
 * The check of one base, change and result (`start`–`end`: where it is reported), or null
 * when their units do not make one: the result's kind differs from the base's, or a rate
 * changes by anything but 个百分点 (提高2% of a rate or a count is relative: not checked).
 */
export function judgeChange(base: Written, verb: string, change: Written, result: Written, up: boolean, start: number, end: number): Problem | null {
  const baseKind = measureOf(base.unit).kind;
  if (measureOf(result.unit).kind !== baseKind) return null;
  // 较上年的50万元增长12%，达到56万元: a count or an amount grows by a share of itself.
  if (baseKind !== '%' && change.unit === '%') return judgeRelative(base, verb, change, result, up, start, end);
  // A per-mille rate changes by 个千分点 (`0.36‰下降0.08个千分点`), as a percentage by 个百分点.
  const rateStep = baseKind === '%' ? '个百分点' : baseKind === '‰' ? '个千分点' : null;
  if (rateStep ? change.unit !== rateStep : change.unit === '个千分点' || measureOf(change.unit).kind !== baseKind) return null;
  const expected = applyChange(base, change, up);
  // Each written figure may be rounded by half its last digit: counts are exact, whole
  // percentages (and per-mille rates) were rounded to a point.
  const rate = rateStep !== null;
  const slack = (roundedBy(base, rate) + roundedBy(change, rate) + roundedBy(result, rate)) / 2 + 1e-9;
  const wrong = Math.abs(expected.value - result.value) > slack;
  const unitShown = rate ? baseKind : base.scale + base.unit;
  const data = changeData(base, verb, change, result, up, formatNumber(expected.value / base.factor) + unitShown);
  return checked(!wrong, wrong ? 'changeWrong' : 'changeOk', data, start, end);
}

/**
 * The message data of a base-plus-change check (changeOk/changeWrong, relativeOk/relativeWrong
 * in trend-direction's messages): the figures as written, the verb, its direction in English,
 * the sign, and `expected` (the result the base and change give, already formatted).
 */
function changeData(base: Written, verb: string, change: Written, result: Written, up: boolean, expected: string): Record<string, string> {
  return { base: base.text, verb, verbEn: up ? 'up' : 'down', change: change.text, sign: up ? '+' : '−', expected, result: result.text };
}

/**
 * A relative change of a count or an amount: the growth (result − base) ÷ base, over the
 * range the printed figures allow, must come within one point of the stated percentage (a
 * writer rounds a growth rate to a whole point or to one decimal). Also trend-amount-rate.ts's
 * judgement, with a base made from the result and the amount of change.
 */
export function judgeRelative(base: Written, verb: string, change: Written, result: Written, up: boolean, start: number, end: number): Problem | null {
  if (!(base.value > 0)) return null;
  const half = (w: Written) => (w.decimals > 0 || w.factor > 1 ? w.step / 2 : 0);
  const signed = (r: number, b: number) => ((up ? r - b : b - r) / b) * 100;
  const lowest = signed(up ? result.value - half(result) : result.value + half(result), base.value + half(base));
  const highest = signed(up ? result.value + half(result) : result.value - half(result), Math.max(Number.MIN_VALUE, base.value - half(base)));
  const min = Math.min(lowest, highest);
  const max = Math.max(lowest, highest);
  const wrong = change.value < min - 1 - 1e-9 || change.value > max + 1 + 1e-9;
  const expected = base.value * (1 + ((up ? 1 : -1) * change.value) / 100);
  const data = {
    ...changeData(base, verb, change, result, up, formatNumber(Math.round((expected / base.factor) * 100) / 100) + base.scale + base.unit),
    actual: `${formatNumber(Math.round(signed(result.value, base.value) * 10) / 10)}%`,
  };
  return checked(!wrong, wrong ? 'relativeWrong' : 'relativeOk', data, start, end);
}

/** How much a written figure may have been rounded by: its last digit's step (a whole count: 0). */
function roundedBy(w: Written, rate: boolean): number {
  return w.decimals > 0 ? w.step : rate ? 1 : 0;
}


/** A value's number in base units with its decimals, or null (unreadable). */
export function writtenOf(number: string, scale: string | undefined, unit: string): Written | null {
  const n = numberValue(number);
  if (!n) return null;
  const factor = (scale === '万' ? 1e4 : scale === '亿' ? 1e8 : 1) * measureOf(unit).factor;
  return { value: n.value * factor, decimals: n.decimals, step: 10 ** -n.decimals * factor, factor, scale: scale ?? '', unit, text: number + (scale ?? '') + unit };
}
