/**
 * `--format stylish`: the human format, after ESLint's. Per file with findings, the path,
 * then one row per finding `  line:column  severity  message  rule-id` (1-based, columns
 * in UTF-16 code units), related places indented below it; then a summary line. Nothing
 * at all when there is nothing to report.
 */
import type { Locale } from '../../rules/types';
import { countBySeverity, displayPath, type FileResult, oneBased } from './results';
import { errorRateLine, fixableLine, severityLabel, summaryLine } from './text';

export interface StylishOptions {
  locale: Locale;
  /** Whether to emit ANSI colours (the caller decides: TTY and no NO_COLOR). */
  color: boolean;
  /** Paths under this folder are shown relative to it; others absolute. */
  cwd: string;
  /** Whether to add the "can be fixed with --fix" line (not after `--fix` has run). */
  showFixable: boolean;
}

const ansi = {
  bold: [1, 22],
  dim: [2, 22],
  underline: [4, 24],
  red: [31, 39],
  yellow: [33, 39],
  blue: [34, 39],
  green: [32, 39],
} as const;

type Style = keyof typeof ansi;

function paint(color: boolean, style: Style, text: string): string {
  if (!color) return text;
  const [open, close] = ansi[style];
  return `\u001b[${open}m${text}\u001b[${close}m`;
}

/**
 * Terminal columns a string occupies: East Asian wide and full-width characters take two.
 * (Ambiguous-width marks such as “ ” count as one, as most terminals draw them.)
 */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp < 0x20 || (cp >= 0x300 && cp <= 0x36f) || cp === 0x200b) continue;
    width += isWide(cp) ? 2 : 1;
  }
  return width;
}

function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0x303e) ||
    (cp >= 0x3041 && cp <= 0x33ff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xa000 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1f64f) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/** A message on one row: line breaks inside it would break the table. */
function oneLine(message: string): string {
  return escapeControls(message.replace(/\s*[\r\n]+\s*/g, ' '));
}

/**
 * Control characters (C0, DEL, C1) and bidirectional overrides shown as `\x1B` /
 * `\u{202E}`: document text and file names reach the terminal through messages and paths,
 * and an escape sequence in a report must not recolour, move or retitle the terminal.
 */
export function escapeControls(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (ch) => {
    const code = ch.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}` : `\\u{${code.toString(16).toUpperCase()}}`;
  });
}

/** The largest of `values` (0 for none) without spreading them into arguments. */
function widest<T>(items: readonly T[], width: (item: T) => number): number {
  let max = 0;
  for (const item of items) max = Math.max(max, width(item));
  return max;
}

/** Running counts over the files rendered so far, for the summary line. */
export interface StylishTotals {
  errors: number;
  warnings: number;
  others: number;
  fixable: number;
}

/** Totals before the first file. */
export function stylishTotals(): StylishTotals {
  return { errors: 0, warnings: 0, others: 0, fixable: 0 };
}

/**
 * Renders one file's block (empty when it has no findings) and adds its findings to
 * `totals`: the CLI writes each block as its file is done, so a run over thousands of files
 * holds none of them (`formatStylish` is these blocks and the summary, concatenated).
 */
export function stylishFile(result: FileResult, options: StylishOptions, totals: StylishTotals): string {
  const { locale, color } = options;
  if (!result.lines || result.findings.length === 0) return '';
  const lines = result.lines;
  const rows = result.findings.map((f) => {
    const at = oneBased(lines, f.start);
    return {
      finding: f,
      where: `${at.line}:${at.column}`,
      severity: severityLabel(f.severity, locale),
      message: oneLine(f.message),
    };
  });
  // Loops, not Math.max(...rows): a spread of 125,000 arguments overflows the stack.
  const whereWidth = widest(rows, (r) => r.where.length);
  const severityWidth = widest(rows, (r) => displayWidth(r.severity));
  const messageWidth = widest(rows, (r) => displayWidth(r.message));
  let out = `${paint(color, 'underline', escapeControls(displayPath(result.filePath, options.cwd)))}\n`;
  if (result.errorRate) out += `  ${paint(color, 'dim', errorRateLine(result.errorRate, locale))}\n`;
  for (const row of rows) {
    const f = row.finding;
    const severityStyle: Style = f.severity === 'error' ? 'red' : f.severity === 'warning' ? 'yellow' : 'blue';
    out +=
      `  ${paint(color, 'dim', row.where.padStart(whereWidth))}` +
      `  ${paint(color, severityStyle, pad(row.severity, severityWidth))}` +
      `  ${pad(row.message, messageWidth)}` +
      `  ${paint(color, 'dim', f.ruleId)}`.trimEnd() +
      '\n';
    for (const related of f.related ?? []) {
      const at = oneBased(lines, related.start);
      out += `  ${' '.repeat(whereWidth)}  ${paint(color, 'dim', `↳ ${at.line}:${at.column}  ${oneLine(related.message)}`)}\n`;
    }
  }
  out += '\n';
  const counts = countBySeverity(result.findings);
  totals.errors += counts.error;
  totals.warnings += counts.warning;
  totals.others += counts.information + counts.hint;
  for (const f of result.findings) if (f.fix) totals.fixable += 1;
  return out;
}

/** The summary lines after the files' blocks; empty when no file had findings. */
export function stylishSummary(totals: StylishTotals, options: StylishOptions): string {
  const { locale, color } = options;
  const { errors, warnings, others, fixable } = totals;
  const total = errors + warnings + others;
  if (total === 0) return '';
  const summaryStyle: Style = errors > 0 ? 'red' : warnings > 0 ? 'yellow' : 'blue';
  let out = `${paint(color, 'bold', paint(color, summaryStyle, summaryLine(total, errors, warnings, others, locale)))}\n`;
  if (options.showFixable && fixable > 0) out += `${paint(color, summaryStyle, fixableLine(fixable, locale))}\n`;
  return out;
}

/** Renders the stylish output for all files; an empty string when no file has findings. */
export function formatStylish(results: readonly FileResult[], options: StylishOptions): string {
  const totals = stylishTotals();
  let out = '';
  for (const result of results) out += stylishFile(result, options, totals);
  return out + stylishSummary(totals, options);
}
