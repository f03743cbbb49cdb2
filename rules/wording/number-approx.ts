/**
 * For `number-range`: one number qualified twice over in a way that says nothing or
 * contradicts itself (GB/T 15835-2011 on approximate numbers; standards.md: `约…左右` is
 * redundant; Chinese usage guides on number errors list 将近……余 as self-contradictory and
 * 约……左右 as redundant, pages corpus). Two shapes, read from the quantity layer's qualifiers
 * (rules/model/quantities.ts, bounds from rules/data/quantities.yaml):
 *
 * - an upper bound and a lower bound on one number (`近1700多条`, `近300余场`, `不足50余人`,
 *   `近90%以上`): "nearly N" is below N and "N-odd" above it, so the count has no reading;
 *   the writer meant one of them;
 * - 约 with 左右 (`约300人左右`): both say "about", one is enough.
 *
 * Quiet: a span of time after 近 (`近3年多来`, `近两个月以来`: 近 "recent", not "nearly"), one
 * qualifier alone, 超过…多 (both lower bounds: wordy, not wrong) and text in opaque spans.
 * No fix: which of the two the writer meant cannot be told from the text.
 * Offsets are UTF-16 code units of the report text.
 */
import type { Report } from '../model/report';
import type { Problem } from '../types';
import { qualifierBound } from '../model/quantities';

/** Units of time: after 近 they make a recent period (近3年, 近两个月), not an approximation. */
const TIME_UNITS = new Set(['年', '个月', '月', '周', '星期', '天', '日', '季度', '个季度', '小时', '个小时', '分钟', '年度', '届', '代']);

/**
 * The findings (messageId `approximation`, severity warning, no fix) of `report`: each
 * quantity whose qualifiers set both an upper and a lower bound, or are 约 and 左右.
 * `data.found` is the quantity as written, `data.kind` the Chinese wording of what is wrong.
 */
export function contradictoryApproximations({ text, quantities, opaque }: Report): Problem[] {
  const problems: Problem[] = [];
  for (let k = 0; k < quantities.length; k++) {
    const q = quantities[k];
    if (q.qualifiers.length < 2) continue;
    let upper = false;
    let lower = false;
    for (const w of q.qualifiers) {
      const b = qualifierBound(w);
      if (b === 'upper') upper = true;
      else if (b === 'lower') lower = true;
    }
    const about = q.qualifiers.includes('约') && q.qualifiers.includes('左右');
    if (!(upper && lower) && !about) continue;
    if (upper && lower && TIME_UNITS.has(q.unit)) continue;
    if (opaque.overlaps(q.start, q.end)) continue;
    const found = text.slice(q.start, q.end);
    problems.push({
      messageId: about ? 'approximationRedundant' : 'approximation',
      data: { found },
      start: q.start,
      end: q.end,
    });
  }
  return problems;
}
