/**
 * The ordered rule list: every rule the engine runs, in catalogue order (design.md).
 * To add a rule: write `rules/<family>/<id>.ts`, add it here, add its fixture under
 * test/fixtures/<id>/ (ARCHITECTURE.md, "How to add a rule").
 */
import { enumerationCount } from './numbers/enumeration-count';
import { metricConflict } from './numbers/metric-conflict';
import { percentageRange } from './numbers/percentage-range';
import { respectivelyCount } from './numbers/respectively-count';
import { tableTotal } from './numbers/table-total';
import { totalBreakdown } from './numbers/total-breakdown';
import { trendDirection } from './numbers/trend-direction';
import { emptySection } from './structure/empty-section';
import { headingPunctuation } from './structure/heading-punctuation';
import { numberingSequence } from './structure/numbering-sequence';
import { numberingStyle } from './structure/numbering-style';
import { requiredSections } from './structure/required-sections';
import { sectionOrder } from './structure/section-order';
import type { Rule } from './types';
import { duplicateChar } from './wording/duplicate-char';
import { duplicatePunctuation } from './wording/duplicate-punctuation';
import { emphasisCjk } from './wording/emphasis-cjk';
import { fullwidthDigit } from './wording/fullwidth-digit';
import { halfWidthPunctuation } from './wording/half-width-punctuation';
import { numberRangeRule } from './wording/number-range';
import { placeholder } from './wording/placeholder';
import { quotePairing } from './wording/quote-pairing';
import { quoteStyle } from './wording/quote-style';
import { quotedSeriesSeparator } from './wording/quoted-series-separator';
import { sloganCanonical } from './wording/slogan-canonical';
import { sloganSpacing } from './wording/slogan-spacing';

export const rules: readonly Rule[] = [
  // Structure
  requiredSections,
  sectionOrder,
  numberingSequence,
  numberingStyle,
  headingPunctuation,
  emptySection,
  // Numbers
  totalBreakdown,
  enumerationCount,
  respectivelyCount,
  tableTotal,
  trendDirection,
  percentageRange,
  metricConflict,
  // Wording and punctuation
  quotePairing,
  placeholder,
  quoteStyle,
  quotedSeriesSeparator,
  halfWidthPunctuation,
  numberRangeRule,
  fullwidthDigit,
  duplicatePunctuation,
  sloganCanonical,
  sloganSpacing,
  duplicateChar,
  emphasisCjk,
];

/** Rule ids, for config validation and docs. */
export const ruleIds: readonly string[] = rules.map((r) => r.id);
