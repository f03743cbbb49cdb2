/**
 * The `--help` text and the usage hint, apart from the rest of the CLI's words so that
 * `party-report --help` (answered by the launcher, server/cli-launch.ts) loads nothing else.
 */
import type { Locale } from '../../rules/types';

type Words = Record<Locale, string>;

const usage: Words = {
  'zh-CN': `用法：party-report lint [选项] 路径...
      party-report mcp        （通过 MCP 协议经标准输入输出向 AI 助手提供检查）
      party-report convert 报告.docx   （把 Word 草稿输出为 Markdown，每段一行）

检查党建工作总结、述职报告等 Markdown 报告草稿。路径可以是文件、目录或通配符；
目录和通配符展开为 *.md、*.markdown、*.txt、*.docx（跳过 node_modules 和以 . 开头的目录）。

选项：
  -f, --format stylish|json|sarif
                             输出格式（默认 stylish；sarif 为 SARIF 2.1.0，供代码扫描平台读取）
      --fix                  自动修复可以修复的问题，并写回文件（只读文件、读取后被修改的
                             文件和指向检查范围以外的链接不写）
      --follow-symlinks      --fix 时也写入指向检查范围以外的符号链接
  -c, --config 文件          使用这个配置文件，不再查找各文件的 .partyreportrc.*
      --locale zh-CN|en      消息语言（默认取 LC_ALL / LC_MESSAGES / LANG，否则中文）
  -q, --quiet                只报告错误，不报告警告和提示
      --max-error-rate N     有文件的万字差错率高于 N 时以退出码 1 结束
      --sort path|error-rate 文件排序：按路径（默认），或按万字差错率从高到低
      --timeout 秒数         每个文件的检查时限（默认 10 秒）；超时的文件报告为未完成检查，
                             继续检查其余文件（0 表示不限时）
  -j, --jobs N               同时检查的线程数（默认为 CPU 核数，至多 8；1 表示逐个检查）
  -h, --help                 显示本帮助
  -v, --version              显示版本

退出码：0 没有错误；1 有错误级别的问题（或万字差错率超过 --max-error-rate）；2 用法错误、文件无法读取、配置有误，或 --fix 有文件未写回。
`,
  en: `Usage: party-report lint [options] PATH...
       party-report mcp        (serve the checks to AI agents over MCP, stdio)
       party-report convert REPORT.docx   (print a Word draft as Markdown, a paragraph a line)

Lints Party-building report drafts (work summaries, duty reports) written in Markdown.
A PATH is a file, a directory or a glob; directories and globs expand to *.md,
*.markdown, *.txt and *.docx (skipping node_modules and folders starting with a dot).

Options:
  -f, --format stylish|json|sarif
                             output format (default: stylish; sarif is SARIF 2.1.0,
                             for code-scanning dashboards)
      --fix                  fix what can be fixed and write the files back (not
                             read-only files, files changed after reading, or links
                             out of the tree given)
      --follow-symlinks      with --fix, write through links out of the tree given too
  -c, --config FILE          use this config file instead of each file's .partyreportrc.*
      --locale zh-CN|en      message language (default: from LC_ALL / LC_MESSAGES / LANG,
                             else Chinese)
  -q, --quiet                report errors only, not warnings or hints
      --max-error-rate N     exit 1 when a file's errors per 10,000 characters exceed N
      --sort path|error-rate order files by path (default) or by error rate, highest first
      --timeout SECONDS      time budget per file (default: 10); a file over it is
                             reported as not fully checked and the others go on
                             (0: no limit)
  -j, --jobs N               threads linting at once (default: the CPU count, at most 8; 1: one
                             file at a time)
  -h, --help                 show this help
  -v, --version              show the version

Exit status: 0 no error; 1 some error-severity problem (or an error rate above
--max-error-rate); 2 bad usage, an unreadable file, a bad config, or a file --fix
did not write.
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

