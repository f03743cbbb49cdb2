/**
 * Freezing the report before rules see it (rules must not change what the others read).
 */
import type { Report } from './report';

/**
 * With `PARTY_REPORT_FREEZE=deep` (the test suite sets it) every object of the model is
 * frozen, as ESLint's RuleTester freezes the AST: a rule that writes to the report throws in
 * its tests. Otherwise the report and its lists are frozen one level deep, so no rule can
 * add, drop or swap what the others see; freezing each of the hundreds of small objects
 * would cost more than several rules (bench/RESULTS.md).
 */
const DEEP_FREEZE = typeof process !== 'undefined' && process.env?.PARTY_REPORT_FREEZE === 'deep';

/**
 * Freezes the report (see DEEP_FREEZE). The mdast tree is never frozen deeply: freezing
 * every node of a 1 MB parse costs more than most rules that read it; its root is frozen
 * so no rule can swap its children, and the contract (ARCHITECTURE.md) is to read it only.
 */
export function freezeReport(report: Report): Report {
  for (const [key, value] of Object.entries(report)) {
    if (value === null || typeof value !== 'object') continue;
    if (key === 'tree' || !DEEP_FREEZE) Object.freeze(value);
    else deepFreeze(value);
  }
  // The lists' two arrays stand one level further down: frozen too, so no rule can add,
  // drop or swap a list the others read.
  if (!DEEP_FREEZE) {
    Object.freeze(report.lists.counted);
    Object.freeze(report.lists.respectively);
  }
  return Object.freeze(report);
}

/**
 * Freezes `value` and everything it holds. An object already frozen counts as done (that
 * guards against cycles too). Arrays are walked by index and objects by `Object.values`:
 * `Reflect.ownKeys` on the line table's arrays would allocate a string per line.
 */
function deepFreeze(value: unknown): void {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return;
  Object.freeze(value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const child: unknown = value[i];
      if (child !== null && typeof child === 'object') deepFreeze(child);
    }
  } else {
    for (const child of Object.values(value)) if (child !== null && typeof child === 'object') deepFreeze(child);
  }
}
