/**
 * total-breakdown for shares of bands: "35岁以下占27.0%、36岁至50岁占45.9%、51岁以上占31.1%".
 * Shares of bands of one dimension that do not overlap (age bands, schooling and title
 * levels: dimensions.ts) split one whole, so they add up to at most 100%, and to 100% when
 * the bands cover the whole range — give or take the rounding of each share (half its last
 * digit: 0.05 for one decimal, 0.5 for a whole percentage). The shares are one run in a
 * sentence, one per clause or 、 item, each labelled by its band and a share word (占, 占比,
 * 为…) right before it. Offsets are UTF-16 code units; nothing here throws.
 */
import type { Quantity } from '../model/quantities';
import { sumExact } from '../model/quantities';
import type { Report } from '../model/report';
import type { Problem } from '../types';
import { clauseText, lastSeparator } from './breakdowns';
import { dimensionMode } from './dimensions';
import { formatNumber, quantitiesIn, sentenceEnd, sentenceStart } from './sentence';

/** The share word that ends a band's label (`35岁以下党员占`), removed before reading the band. */
const SHARE_WORD = /(?:所占比例|所占比重|占比为|占比|比例为|比重为|占到|占|为)$/u;

/** The problems of every run of band shares in `report` (sharesMismatch / sharesOk). */
export function bandShares(report: Report): Problem[] {
  const problems: Problem[] = [];
  const { lines } = report;
  const qs = report.quantities;
  let next = 0;
  for (let i = 0; i < qs.length; i++) {
    const q = qs[i];
    if (q.start < next || (q.unit !== '%' && q.unit !== '％')) continue;
    const from = lines.start(q.line);
    const lineText = lines.lineText(q.line);
    const start = sentenceStart(lineText, q.start - from);
    const end = sentenceEnd(lineText, q.end - from);
    next = from + end;
    const run = sharesIn(qs, from, lineText, start, end);
    if (run) problems.push(run);
  }
  return problems;
}

/** The check of the band shares in `lineText[start, end)`, or null when they are not one run of bands. */
function sharesIn(qs: readonly Quantity[], from: number, lineText: string, start: number, end: number): Problem | null {
  const shares: Quantity[] = [];
  const labels: string[] = [];
  let labelFrom = start;
  for (const q of quantitiesIn(qs, from + start, from + end)) {
    // The ages of a band (`35岁以下`) are quantities too: they belong to its label.
    if (q.unit !== '%' && q.unit !== '％') continue;
    const at = q.start - from;
    const cut = lastSeparator(lineText, labelFrom, at);
    labelFrom = q.end - from;
    // One share per clause or 、 item: a second in the same clause is something else.
    if (shares.length > 0 && cut < 0) return null;
    if (q.bound !== 'exact' || q.qualifiers.length > 0) return null;
    const label = clauseText(lineText, cut + 1, at);
    if (!SHARE_WORD.test(label)) return null;
    shares.push(q);
    labels.push(label.replace(SHARE_WORD, ''));
  }
  if (shares.length < 2) return null;
  const mode = dimensionMode(labels);
  if (!mode) return null;
  const sum = sumExact(shares.map((q) => ({ value: q.value, decimals: q.decimals })));
  let slack = 1e-9;
  for (const q of shares) slack += 10 ** -q.decimals / 2;
  const wrong = mode === 'sum' ? Math.abs(sum.value - 100) > slack : sum.value > 100 + slack;
  const expr = shares.map((q) => q.numberText).join('+');
  const last = shares[shares.length - 1];
  return {
    ...(wrong ? {} : { passed: true as const }),
    messageId: wrong ? (mode === 'sum' ? 'sharesMismatch' : 'sharesOver') : 'sharesOk',
    data: { expr, sum: formatNumber(Number(sum.value.toFixed(sum.decimals))) },
    start: shares[0].numberStart,
    end: last.end,
  };
}
