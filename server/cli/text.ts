/**
 * The CLI's own words (usage, file problems, summaries) in each shipped locale. Rule
 * messages come from the rules; these are only what the command line itself says.
 */
import type { Locale, Severity } from '../../rules/types';
import { MAX_FILE_BYTES, type ReadProblemKind } from './files';

type Words = Record<Locale, string>;

export { usageHint, usageText } from './usage';

/** The stylish line under a file's path: its error rate per 10,000 characters. */
export function errorRateLine(rate: { perTenThousand: number; characters: number; weightedErrors: number }, locale: Locale): string {
  const value = rate.perTenThousand.toFixed(2);
  return locale === 'en'
    ? `error rate ${value} per 10,000 characters (${rate.weightedErrors} weighted errors in ${rate.characters} characters)`
    : `万字差错率 ${value}（${rate.characters} 字，加权差错 ${rate.weightedErrors}）`;
}

export const usageErrors = {
  noCommand: { 'zh-CN': '缺少命令：请使用 “party-report lint 路径...”', en: 'missing command: use "party-report lint PATH..."' },
  badErrorRate: { 'zh-CN': '--max-error-rate 应为不小于 0 的数（万字差错率），而不是 “{0}”', en: '--max-error-rate takes a number ≥ 0 (errors per 10,000 characters), not "{0}"' },
  badSort: { 'zh-CN': '未知的排序方式 “{0}”：可用 path、error-rate', en: 'unknown sort "{0}": use path or error-rate' },
  mcpAlone: { 'zh-CN': 'mcp 命令不带其他参数：party-report mcp', en: 'the mcp command takes no arguments: party-report mcp' },
  unknownCommand: { 'zh-CN': '未知命令 “{0}”：可用 lint、convert、mcp', en: 'unknown command "{0}": use lint, convert or mcp' },
  noPaths: { 'zh-CN': '没有指定要检查的文件或目录', en: 'no files or directories to lint' },
  unknownFormat: { 'zh-CN': '未知的输出格式 “{0}”：可用 stylish、json、sarif', en: 'unknown format "{0}": use stylish, json or sarif' },
  badTimeout: { 'zh-CN': '--timeout 应为不小于 0 的秒数（0 表示不限时），而不是 “{0}”', en: '--timeout takes seconds ≥ 0 (0 for no limit), not "{0}"' },
  badJobs: { 'zh-CN': '--jobs 应为不小于 1 的整数，而不是 “{0}”', en: '--jobs takes a whole number ≥ 1, not "{0}"' },
  badOption: { 'zh-CN': '命令行参数有误：{0}', en: 'bad arguments: {0}' },
} satisfies Record<string, Words>;

/** Fills `{0}`, `{1}`… in one of the words above. */
export function say(words: Words, locale: Locale, ...args: string[]): string {
  return words[locale].replace(/\{(\d)\}/g, (_, i: string) => args[Number(i)] ?? '');
}

const readProblems: Record<ReadProblemKind | 'no-match' | 'inaccessible', Words> = {
  missing: { 'zh-CN': '找不到这个文件或目录', en: 'no such file or directory' },
  'no-match': { 'zh-CN': '没有匹配的 *.md、*.markdown、*.txt 或 *.docx 文件', en: 'no *.md, *.markdown, *.txt or *.docx file matches' },
  unreadable: { 'zh-CN': '无法读取：{0}', en: 'cannot be read: {0}' },
  inaccessible: { 'zh-CN': '无法访问：{0}', en: 'cannot be accessed: {0}' },
  'not-a-file': { 'zh-CN': '不是普通文件', en: 'is not a regular file' },
  'too-large': {
    'zh-CN': `文件过大（超过 ${MAX_FILE_BYTES / 1024 / 1024} MB），已跳过`,
    en: `too large (over ${MAX_FILE_BYTES / 1024 / 1024} MB); skipped`,
  },
  binary: { 'zh-CN': '是二进制文件，不是文本', en: 'is a binary file, not text' },
  utf16: { 'zh-CN': '是 UTF-16 编码，请另存为 UTF-8', en: 'is UTF-16; save it as UTF-8' },
  'not-utf8': { 'zh-CN': '不是 UTF-8 编码（可能是 GBK），请另存为 UTF-8', en: 'not UTF-8 (GBK?); save it as UTF-8' },
};

/** System errors met on paths, in words; the code itself is added after them. */
const errnoWords: Record<string, Words> = {
  ENOENT: { 'zh-CN': '找不到这个文件或目录', en: 'no such file or directory' },
  ENOTDIR: { 'zh-CN': '路径中有一部分不是目录', en: 'a part of the path is not a directory' },
  ELOOP: { 'zh-CN': '符号链接形成循环', en: 'the symbolic links form a loop' },
  ENAMETOOLONG: { 'zh-CN': '路径或文件名过长', en: 'the path or file name is too long' },
  EACCES: { 'zh-CN': '没有访问权限', en: 'permission denied' },
  EPERM: { 'zh-CN': '操作不被允许', en: 'operation not permitted' },
  EISDIR: { 'zh-CN': '是目录', en: 'is a directory' },
  EMFILE: { 'zh-CN': '打开的文件过多', en: 'too many open files' },
  EIO: { 'zh-CN': '读写出错', en: 'input/output error' },
  EROFS: { 'zh-CN': '文件系统只读', en: 'read-only file system' },
  ENOSPC: { 'zh-CN': '磁盘空间不足', en: 'no space left on the device' },
  EBUSY: { 'zh-CN': '文件正被占用', en: 'the file is busy' },
};

/** A system error code in words with the code after them: `符号链接形成循环（ELOOP）`. */
export function describeErrno(code: string, locale: Locale): string {
  const words = errnoWords[code];
  if (!words) return code;
  return locale === 'en' ? `${words.en} (${code})` : `${words['zh-CN']}（${code}）`;
}

/**
 * Why a path could not be linted, in words (without the path). `detail` is the system
 * error code for `unreadable` and `inaccessible`, put into words by `describeErrno`.
 */
export function describeReadProblem(kind: ReadProblemKind | 'no-match' | 'inaccessible', locale: Locale, detail = ''): string {
  const filled = kind === 'unreadable' || kind === 'inaccessible' ? describeErrno(detail, locale) : detail;
  return say(readProblems[kind], locale, filled);
}

/** The longest path shown whole; longer ones keep their start and end (ENAMETOOLONG). */
const MAX_SHOWN_PATH = 160;

/** The progress line of a long run (on a terminal's stderr). */
export function progressLine(done: number, total: number, locale: Locale): string {
  return locale === 'en' ? `party-report: checked ${done} of ${total} files` : `party-report：已检查 ${done}/${total} 个文件`;
}

/** A path for a message: as it is, or its start and end around `…` when very long. */
export function shortPath(path: string): string {
  if (path.length <= MAX_SHOWN_PATH) return path;
  const half = (MAX_SHOWN_PATH - 1) / 2;
  return `${path.slice(0, Math.ceil(half))}…${path.slice(path.length - Math.floor(half))}`;
}

export const fileErrors = {
  internal: {
    'zh-CN': '内部错误，未能检查这个文件：{0}（请报告此问题）',
    en: 'internal error, the file was not checked: {0} (please report this)',
  },
  timedOut: {
    'zh-CN': '检查超过时限 {0} 秒，已停止，这个文件未完成检查；可用 --timeout 放宽时限（如 --timeout {1}，0 表示不限时）',
    en: 'not fully checked: the analysis took over {0} s and was stopped; raise the budget with --timeout (e.g. --timeout {1}; 0 for no limit)',
  },
} satisfies Record<string, Words>;

/** Why `--fix` left a file as it was. */
export type FixSkip = 'read-only' | 'outside' | 'changed' | 'not-a-file' | 'write-failed' | 'word';

export const fixSkips: Record<FixSkip, Words> = {
  'read-only': { 'zh-CN': '文件只读，未写回修复', en: 'read-only; the fixes were not written' },
  outside: {
    'zh-CN': '是指向检查范围以外（{0}）的链接，未写回修复；如需写入请加 --follow-symlinks',
    en: 'is a link out of the tree given ({0}); the fixes were not written (add --follow-symlinks to write through it)',
  },
  changed: { 'zh-CN': '读取后文件已被修改，未写回修复，请重新运行', en: 'changed after it was read; the fixes were not written, run again' },
  'not-a-file': { 'zh-CN': '不是普通文件，未写回修复', en: 'not a regular file; the fixes were not written' },
  'write-failed': { 'zh-CN': '无法写回修复结果（{0}），文件未改动', en: 'cannot write the fixes ({0}); the file is unchanged' },
  // A fix is offsets into the text read from a Word file (server/docx.ts), not into the zip.
  word: {
    'zh-CN': '是 Word 文件，--fix 不会修改它（文件未改动）；可用 party-report convert 转为 Markdown 后再修复',
    en: 'is a Word file: --fix does not change it (the file is unchanged); convert it with party-report convert to fix it as Markdown',
  },
};

const fixSkipNames: Record<FixSkip, Words> = {
  'read-only': { 'zh-CN': '只读', en: 'read-only' },
  outside: { 'zh-CN': '范围外的链接', en: 'link out of the tree' },
  changed: { 'zh-CN': '读取后被修改', en: 'changed since read' },
  'not-a-file': { 'zh-CN': '不是普通文件', en: 'not a regular file' },
  'write-failed': { 'zh-CN': '写入失败', en: 'write failed' },
  word: { 'zh-CN': 'Word 文件', en: 'Word file' },
};

/**
 * The line `--fix` ends with: how many files it wrote and how many it skipped, by reason,
 * e.g. "--fix：写回 2 个文件，跳过 1 个（只读 1 个）".
 */
export function fixSummaryLine(written: number, skipped: ReadonlyMap<FixSkip, number>, locale: Locale): string {
  const total = [...skipped.values()].reduce((a, b) => a + b, 0);
  const reasons = [...skipped].map(([reason, n]) => (locale === 'en' ? `${fixSkipNames[reason].en} ${n}` : `${fixSkipNames[reason]['zh-CN']} ${n} 个`));
  if (locale === 'en') {
    return `--fix: wrote ${plural(written, 'file', 'files')}${total ? `, skipped ${total} (${reasons.join(', ')})` : ''}`;
  }
  return `--fix：写回 ${written} 个文件${total ? `，跳过 ${total} 个（${reasons.join('，')}）` : ''}`;
}

const severityNames: Record<Locale, Record<Severity, string>> = {
  'zh-CN': { error: '错误', warning: '警告', information: '信息', hint: '提示' },
  en: { error: 'error', warning: 'warning', information: 'info', hint: 'hint' },
};

/** A severity as the stylish format shows it. */
export function severityLabel(severity: Severity, locale: Locale): string {
  return severityNames[locale][severity];
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * The stylish summary line, e.g. "✖ 3 个问题（2 个错误，1 个警告）" or
 * "✖ 3 problems (2 errors, 1 warning)"; information and hints are added when present.
 */
export function summaryLine(total: number, errors: number, warnings: number, others: number, locale: Locale): string {
  if (locale === 'en') {
    const parts = [plural(errors, 'error', 'errors'), plural(warnings, 'warning', 'warnings')];
    if (others) parts.push(plural(others, 'note', 'notes'));
    return `✖ ${plural(total, 'problem', 'problems')} (${parts.join(', ')})`;
  }
  const parts = [`${errors} 个错误`, `${warnings} 个警告`];
  if (others) parts.push(`${others} 个提示`);
  return `✖ ${total} 个问题（${parts.join('，')}）`;
}

/** The line telling how many of the problems `--fix` would fix. */
export function fixableLine(fixable: number, locale: Locale): string {
  return locale === 'en'
    ? `  ${plural(fixable, 'problem', 'problems')} can be fixed automatically with --fix.`
    : `  其中 ${fixable} 个问题可以用 --fix 自动修复。`;
}
