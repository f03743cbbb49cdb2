/**
 * What the CLI hands its formatters: one entry per file it tried to lint.
 */
import { isAbsolute, relative, sep } from 'node:path';
import type { ErrorRate } from '../../rules/engine/error-rate';
import type { LineTable } from '../../rules/model/lines';
import type { Finding, Severity } from '../../rules/types';

export interface FileResult {
  /** Absolute path of the file. */
  filePath: string;
  /** Findings to show, sorted by offset (already filtered by `--quiet`). */
  findings: Finding[];
  /** Line table of the text the findings' offsets index into (after fixes, without BOM). */
  lines: LineTable | null;
  /** Set when the file could not be linted (unreadable, binary, not UTF-8, bad config): why. */
  fatal?: string;
  /** The error rate per 10,000 characters of the linted text (all findings, before `--quiet`). */
  errorRate?: ErrorRate;
}

/** A 1-based line and column (UTF-16 code units), as editors and ESLint show them. */
export interface OneBased {
  line: number;
  column: number;
}

/** Converts a UTF-16 offset to a 1-based line and column. */
export function oneBased(lines: LineTable, offset: number): OneBased {
  const { line, character } = lines.position(offset);
  return { line: line + 1, column: character + 1 };
}

/** Counts findings by severity. */
export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

/** A path as the CLI shows it to people: relative to `cwd` when inside it, else absolute. */
export function displayPath(filePath: string, cwd: string): string {
  const rel = relative(cwd, filePath);
  return rel && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel) ? rel : filePath;
}
