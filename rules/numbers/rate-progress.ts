/**
 * Fulfilment stated against its own counts, for `percentage-range` (no rate word, so the
 * range itself is not checked: fulfilment may exceed 100%):
 * - of a target: `到账1.86亿元，完成年度目标3.6亿元的51.7%`, `完成4.2万亩，为全年计划4万亩的105%`
 *   — the done value is the count right before the target, of the same kind;
 * - a progress: `计划实施22处，已完工15处，完成进度68.2%` — done ÷ planned, read as a
 *   完成率 is (rate-parts.ts `recompute`: the part's clause shares a word with the rate, the
 *   whole is the one larger count of its kind).
 * These constructions were read in expressway, agriculture and research-institute reports of
 * the pages corpus (`完成年计划任务X的P%`, `完成进度P%`). Offsets are UTF-16 code units.
 */
import type { Quantity } from '../model/quantities';
import type { Report } from '../model/report';
import type { Problem } from '../types';
import { judged, recompute } from './rate-parts';
import { measureOf, quantitiesIn, sentenceStart } from './sentence';

/**
 * The words between a verb of fulfilment and the target's number, anchored at the end of the
 * text before the target: `完成年度目标`, `为全年计划`, `完成了年计划任务`, `达到上级下达任务`.
 */
const TARGET_LEAD = /(?:完成|为|达到|达|占)了?(?:本?年度|全年|年|本年|上级下达的?|全年下达的?)?(?:目标|计划|任务)(?:任务|数)?$/u;
/** A progress named without 率: `完成进度73.2%`, `施工进度为60%`; group 1 is its name. */
const PROGRESS = /((?:完成|施工|建设|工程|实施)进度)(?:为|达到?|已达)?$/u;
/** The farthest back (UTF-16 units) the done value is looked for. */
const BACK = 120;

/**
 * The fulfilment problem of percentage `q` (exact, not in a list) when the text before it
 * on its line, `before` (its clause), states a target or a progress with its counts; null
 * when it states neither or the counts do not single out a done value and a target.
 */
export function recomputeFulfilment(report: Report, q: Quantity, lineText: string, from: number, before: string): Problem | null {
  if (q.bound !== 'exact') return null;
  const at = q.numberStart - from;
  const prev = lineText.charCodeAt(at - 1);
  const next = lineText.charCodeAt(q.end - from);
  if (prev === 0x3001 /* 、 */ || next === 0x3001) return null;
  const progress = PROGRESS.exec(before);
  if (progress) return recompute(report, q, lineText, from, progress[1]);
  if (!before.endsWith('的')) return null;
  return ofTarget(report, q, lineText, from);
}

/** `…1.86亿元，完成年度目标3.6亿元的51.7%`: the done value ÷ the target. */
function ofTarget(report: Report, q: Quantity, lineText: string, from: number): Problem | null {
  const at = q.numberStart - from;
  const own = sentenceStart(lineText, at, BACK);
  const counts = quantitiesIn(report.quantities, from + own, q.start).filter((c) => c.unit !== '%');
  if (counts.length < 2) return null;
  const target = counts[counts.length - 1];
  const done = counts[counts.length - 2];
  // The target ends right before 的, and the words before it name a target.
  const lead = TARGET_LEAD.exec(lineText.slice(own, target.numberStart - from));
  if (target.end !== q.numberStart - 1 || !lead) return null;
  if (target.bound !== 'exact' || done.bound !== 'exact' || measureOf(done.unit).kind !== measureOf(target.unit).kind) return null;
  // Only words stand between the done value and the target's clause: no third count of the kind.
  if (counts.slice(0, -2).some((c) => measureOf(c.unit).kind === measureOf(target.unit).kind)) return null;
  // The message names the target: `年度目标的完成比例`.
  const named = lead[0].replace(/^(?:完成|为|达到|达|占)了?/u, '');
  return judged(report, q, `${named}的完成比例`, done, target);
}
