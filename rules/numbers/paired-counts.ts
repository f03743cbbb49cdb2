/**
 * Counts stated in pairs ("特困户25户31人、低保户218户376人，共计243户409人"): a total and
 * each of its parts carry a second count in another unit written right after (or right
 * before) the first, with nothing between. total-breakdown finds the breakdown of one unit
 * (户); this reads the same breakdown in the other unit (人), which must agree as well.
 */
import type { Quantity } from '../model/quantities';
import { lowerBound } from '../model/lower-bound';
import type { Breakdown, Part } from './breakdowns';
import { compatibleUnits } from './sentence';

/**
 * The breakdown of the partner counts of `found`: its total's partner and, for every part,
 * the partner on the same side in a compatible unit. Null when the total has no partner,
 * or any part lacks one (then the pairs do not line up and nothing is read).
 * `quantities` are the report's, sorted by start.
 */
export function pairedBreakdown(quantities: readonly Quantity[], found: Breakdown): Breakdown | null {
  const { total } = found;
  for (const after of [true, false]) {
    const partner = partnerOf(quantities, total, after);
    if (!partner || compatibleUnits(partner.unit, total.unit)) continue;
    const parts: Part[] = [];
    for (const p of found.parts) {
      const q = partnerOf(quantities, p.q, after);
      if (!q || !compatibleUnits(q.unit, partner.unit) || q.bound === 'approx') return null;
      parts.push({ q, label: p.label, sep: p.sep });
    }
    if (parts.length === 0) return null;
    return { total: partner, parts, mode: found.mode, listed: found.listed };
  }
  return null;
}

/** The quantity written right after `q` (starting at its end) or right before it (ending at its start), or null. */
function partnerOf(quantities: readonly Quantity[], q: Quantity, after: boolean): Quantity | null {
  if (after) {
    const i = lowerBound(quantities, (x) => x.start < q.end);
    const next = quantities[i];
    return next && next.start === q.end ? next : null;
  }
  const i = lowerBound(quantities, (x) => x.start < q.start) - 1;
  const prev = i >= 0 ? quantities[i] : undefined;
  return prev && prev.end === q.start ? prev : null;
}
