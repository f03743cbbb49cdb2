/**
 * `--format json`: one JSON array on stdout, in the shape of ESLint's JSON formatter with
 * LSP severity names (design.md, "The command line").
 */
import type { LineTable } from '../../rules/model/lines';
import type { Finding, Severity } from '../../rules/types';
import { countBySeverity, type FileResult, oneBased } from './results';

export interface JsonRelated {
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface JsonMessage {
  ruleId: string;
  severity: Severity;
  message: string;
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units. */
  column: number;
  endLine: number;
  /** 1-based and exclusive: the column just past the finding. */
  endColumn: number;
  /** `range` is a pair of 0-based UTF-16 offsets into the text without its BOM, end exclusive. */
  fix?: { range: [number, number]; text: string };
  /** Other places that bear on the finding (e.g. where a number was stated differently). */
  relatedInformation?: JsonRelated[];
}

/** A file that could not be linted, as ESLint reports a file it could not parse. */
export interface JsonFatalMessage {
  ruleId: null;
  fatal: true;
  severity: 'error';
  message: string;
}

export interface JsonFileResult {
  /** Absolute path. */
  filePath: string;
  messages: (JsonMessage | JsonFatalMessage)[];
  errorCount: number;
  warningCount: number;
  /** Weighted findings per 10,000 characters (万字差错率, rules/engine/error-rate.ts); absent for a file not linted. */
  errorRate?: { perTenThousand: number; characters: number; weightedErrors: number };
}

/**
 * One finding as the JSON output (and the MCP server's `lint` tool) states it: 1-based lines
 * and UTF-16 columns from `lines`, the fix as a pair of 0-based offsets, related places.
 */
export function toJsonMessage(lines: LineTable, f: Finding): JsonMessage {
  const start = oneBased(lines, f.start);
  const end = oneBased(lines, f.end);
  const message: JsonMessage = {
    ruleId: f.ruleId,
    severity: f.severity,
    message: f.message,
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
  };
  if (f.fix) message.fix = { range: [f.fix.start, f.fix.end], text: f.fix.text };
  if (f.related?.length) {
    message.relatedInformation = f.related.map((r) => {
      const rs = oneBased(lines, r.start);
      const re = oneBased(lines, r.end);
      return { message: r.message, line: rs.line, column: rs.column, endLine: re.line, endColumn: re.column };
    });
  }
  return message;
}

/** Converts file results to the JSON output's objects. */
export function toJson(results: readonly FileResult[]): JsonFileResult[] {
  return results.map(toJsonFile);
}

/** One file's entry of the JSON output. */
export function toJsonFile(result: FileResult): JsonFileResult {
  if (result.fatal !== undefined || !result.lines) {
    const fatal: JsonFatalMessage = { ruleId: null, fatal: true, severity: 'error', message: result.fatal ?? '' };
    return { filePath: result.filePath, messages: [fatal], errorCount: 1, warningCount: 0 };
  }
  const lines = result.lines;
  const messages = result.findings.map((f) => toJsonMessage(lines, f));
  const counts = countBySeverity(result.findings);
  const file: JsonFileResult = { filePath: result.filePath, messages, errorCount: counts.error, warningCount: counts.warning };
  if (result.errorRate) file.errorRate = { ...result.errorRate };
  return file;
}

/** Renders the JSON output: one array, one line, newline-terminated. */
export function formatJson(results: readonly FileResult[]): string {
  return `${JSON.stringify(toJson(results))}\n`;
}
