import type { Fix } from '../types';

/**
 * Applies fixes to `text`. Fixes are sorted by position; one that overlaps an earlier
 * accepted fix (or touches the same insertion point) is skipped, so the result never
 * depends on the order rules ran in.
 *
 * @param fixes edits with UTF-16 offsets into `text`, `end` exclusive
 * @returns the new text and which fixes were applied / skipped (in the input's order)
 * @throws RangeError for a fix outside the text or with `end < start` (a rule bug)
 */
export function applyFixes(
  text: string,
  fixes: readonly Fix[],
): { text: string; applied: Fix[]; skipped: Fix[] } {
  for (const fix of fixes) {
    if (!(fix.start >= 0 && fix.end >= fix.start && fix.end <= text.length)) {
      throw new RangeError(`fix [${fix.start}, ${fix.end}) is outside the text (length ${text.length})`);
    }
  }
  const ordered = [...fixes].sort((a, b) => a.start - b.start || a.end - b.end);
  const applied: Fix[] = [];
  const skipped: Fix[] = [];
  let out = '';
  let cursor = 0;
  let lastEnd = -1;
  for (const fix of ordered) {
    if (fix.start < lastEnd || (fix.start === lastEnd && applied.length > 0 && fix.start === fix.end)) {
      skipped.push(fix);
      continue;
    }
    out += text.slice(cursor, fix.start) + fix.text;
    cursor = fix.end;
    lastEnd = fix.end;
    applied.push(fix);
  }
  out += text.slice(cursor);
  return { text: out, applied, skipped };
}
