/**
 * The CLI's own words (usage, file problems, summaries) in each shipped locale. Rule
 * messages come from the rules; these are only what the command line itself says.
 */
import type { Locale, Severity } from '../../rules/types';
import { MAX_FILE_BYTES, type ReadProblemKind } from './files';

type Words = Record<Locale, string>;

const usage: Words = {
  'zh-CN': `用法：party-report lint [选项] 路径...

检查党建工作总结、述职报告等 Markdown 报告草稿。路径可以是文件、目录或通配符；
目录和通配符展开为 *.md、*.markdown、*.txt（跳过 node_modules 和以 . 开头的目录）。

选项：
  -f, --format stylish|json|sarif
                             输出格式（默认 stylish；sarif 为 SARIF 2.1.0，供代码扫描平台读取）
      --fix                  自动修复可以修复的问题，并写回文件
  -c, --config 文件          使用这个配置文件，不再查找各文件的 .partyreportrc.*
      --locale zh-CN|en      消息语言（默认取 LC_ALL / LC_MESSAGES / LANG，否则中文）
  -q, --quiet                只报告错误，不报告警告和提示
  -h, --help                 显示本帮助
  -v, --version              显示版本

退出码：0 没有错误；1 有错误级别的问题；2 用法错误、文件无法读取或配置有误。
`,
  en: `Usage: party-report lint [options] PATH...

Lints Party-building report drafts (work summaries, duty reports) written in Markdown.
A PATH is a file, a directory or a glob; directories and globs expand to *.md,
*.markdown and *.txt (skipping node_modules and folders starting with a dot).

Options:
  -f, --format stylish|json|sarif
                             output format (default: stylish; sarif is SARIF 2.1.0,
                             for code-scanning dashboards)
      --fix                  fix what can be fixed and write the files back
  -c, --config FILE          use this config file instead of each file's .partyreportrc.*
      --locale zh-CN|en      message language (default: from LC_ALL / LC_MESSAGES / LANG,
                             else Chinese)
  -q, --quiet                report errors only, not warnings or hints
  -h, --help                 show this help
  -v, --version              show the version

Exit status: 0 no error; 1 some error-severity problem; 2 bad usage, an unreadable file
or a bad config.
`,
};

/** The `--help` text. */
export function usageText(locale: Locale): string {
  return usage[locale];
}

/** One-line hint printed after a usage error. */
export function usageHint(locale: Locale): string {
  return locale === 'en' ? 'Run "party-report --help" for usage.' : '运行 “party-report --help” 查看用法。';
}

export const usageErrors = {
  noCommand: { 'zh-CN': '缺少命令：请使用 “party-report lint 路径...”', en: 'missing command: use "party-report lint PATH..."' },
  unknownCommand: { 'zh-CN': '未知命令 “{0}”：目前只有 lint', en: 'unknown command "{0}": the only command is lint' },
  noPaths: { 'zh-CN': '没有指定要检查的文件或目录', en: 'no files or directories to lint' },
  unknownFormat: { 'zh-CN': '未知的输出格式 “{0}”：可用 stylish、json、sarif', en: 'unknown format "{0}": use stylish, json or sarif' },
  badOption: { 'zh-CN': '命令行参数有误：{0}', en: 'bad arguments: {0}' },
} satisfies Record<string, Words>;

/** Fills `{0}`, `{1}`… in one of the words above. */
export function say(words: Words, locale: Locale, ...args: string[]): string {
  return words[locale].replace(/\{(\d)\}/g, (_, i: string) => args[Number(i)] ?? '');
}

const readProblems: Record<ReadProblemKind | 'no-match', Words> = {
  missing: { 'zh-CN': '找不到这个文件或目录', en: 'no such file or directory' },
  'no-match': { 'zh-CN': '没有匹配的 *.md、*.markdown 或 *.txt 文件', en: 'no *.md, *.markdown or *.txt file matches' },
  unreadable: { 'zh-CN': '无法读取（{0}）', en: 'cannot be read ({0})' },
  'not-a-file': { 'zh-CN': '不是普通文件', en: 'is not a regular file' },
  'too-large': {
    'zh-CN': `文件过大（超过 ${MAX_FILE_BYTES / 1024 / 1024} MB），已跳过`,
    en: `too large (over ${MAX_FILE_BYTES / 1024 / 1024} MB); skipped`,
  },
  binary: { 'zh-CN': '是二进制文件，不是文本', en: 'is a binary file, not text' },
  utf16: { 'zh-CN': '是 UTF-16 编码，请另存为 UTF-8', en: 'is UTF-16; save it as UTF-8' },
  'not-utf8': { 'zh-CN': '不是 UTF-8 编码（可能是 GBK），请另存为 UTF-8', en: 'not UTF-8 (GBK?); save it as UTF-8' },
};

/** Why a path could not be linted, in words (without the path). */
export function describeReadProblem(kind: ReadProblemKind | 'no-match', locale: Locale, detail = ''): string {
  return say(readProblems[kind], locale, detail);
}

export const fileErrors = {
  writeFailed: { 'zh-CN': '无法写回修复结果（{0}），文件未改动', en: 'cannot write the fixes ({0}); the file is unchanged' },
} satisfies Record<string, Words>;

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
