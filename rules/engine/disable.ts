/**
 * Inline disable comments, as markdownlint and ESLint spell them:
 *
 * - `<!-- party-report-disable [rule ...] -->` … `<!-- party-report-enable [rule ...] -->`
 * - `<!-- party-report-disable-next-line [rule ...] -->`
 * - `<!-- party-report-disable-line [rule ...] -->` (on the line it stands on)
 * - `<!-- party-report-disable-file [rule ...] -->` (anywhere: the whole file, as
 *   markdownlint's `disable-file` and ESLint's file-level `eslint-disable` comment)
 *
 * No rule ids means every rule. A finding is suppressed when its start lies in a disabled
 * region for its rule.
 */
import type { LineTable } from '../model/lines';

interface Region {
  start: number;
  end: number;
  rules: Set<string> | null;
}

const COMMENT = /<!--\s*party-report-(disable-next-line|disable-line|disable-file|disable|enable)\b([^>]*?)-->/g;

/** Collects the disabled regions of `text` as offset ranges. */
export function disabledRegions(text: string, lines: LineTable): Region[] {
  if (!text.includes('party-report-')) return [];
  const regions: Region[] = [];
  const open = new Map<string, number>(); // rule id (or '*') -> start offset
  for (const m of text.matchAll(COMMENT)) {
    const kind = m[1];
    const ids = m[2].split(/[\s,]+/).filter(Boolean);
    const rules = ids.length ? new Set(ids) : null;
    const at = m.index ?? 0;
    const line = lines.lineAt(at);
    if (kind === 'disable-file') {
      regions.push({ start: 0, end: text.length + 1, rules });
    } else if (kind === 'disable-line') {
      regions.push({ start: lines.start(line), end: lines.end(line) + 1, rules });
    } else if (kind === 'disable-next-line') {
      const next = Math.min(line + 1, lines.count - 1);
      regions.push({ start: lines.start(next), end: lines.end(next) + 1, rules });
    } else if (kind === 'disable') {
      for (const id of ids.length ? ids : ['*']) if (!open.has(id)) open.set(id, at);
    } else {
      for (const id of ids.length ? ids : [...open.keys()]) {
        const start = open.get(id);
        if (start === undefined) continue;
        regions.push({ start, end: at, rules: id === '*' ? null : new Set([id]) });
        open.delete(id);
      }
    }
  }
  for (const [id, start] of open) regions.push({ start, end: text.length + 1, rules: id === '*' ? null : new Set([id]) });
  return regions;
}

/** Whether a finding of `ruleId` starting at `offset` is suppressed by `regions`. */
export function isDisabled(regions: readonly Region[], ruleId: string, offset: number): boolean {
  return regions.some((r) => offset >= r.start && offset < r.end && (r.rules === null || r.rules.has(ruleId)));
}
