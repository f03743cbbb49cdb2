/**
 * `party-report convert REPORT.docx`: prints a Word draft as the Markdown the checks read
 * (server/docx.ts: one paragraph a line, Word's numbering written into the text), so the
 * writer can go on editing it in VS Code. `party-report convert 报告.docx > 报告.md`
 * gives a file whose findings are those of `party-report lint 报告.docx`, line for line.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Locale } from '../../rules/types';
import type { DocxProblemKind } from '../docx';
import { isDocxPath, loadDocx, loadedDocx } from './docx-lazy';
import type { CliIO } from './options';
import { displayPath } from './results';
import { describeReadProblem, say, usageErrors, usageHint } from './text';

type Words = Record<Locale, string>;

const convertErrors = {
  oneFile: { 'zh-CN': 'convert 需要且只需要一个 .docx 文件：party-report convert 报告.docx', en: 'convert takes exactly one .docx file: party-report convert REPORT.docx' },
  notDocx: { 'zh-CN': '“{0}” 不是 .docx 文件：convert 只转换 Word 草稿', en: '"{0}" is not a .docx file: convert only converts Word drafts' },
} satisfies Record<string, Words>;

/**
 * Why a Word file could not be read, in words: the problems any file can have (missing,
 * unreadable, not a file) as for text files, the Word ones (encrypted, broken, too large)
 * in server/docx.ts's words.
 */
export function describeDocxRead(kind: DocxProblemKind, locale: Locale, detail?: string): string {
  if (kind === 'missing' || kind === 'unreadable' || kind === 'not-a-file') return describeReadProblem(kind, locale, detail);
  return loadedDocx().describeDocxProblem(kind, locale, detail);
}

/**
 * Runs `convert`.
 *
 * @param argv the arguments after `convert`
 * @returns the exit status: 0 printed; 2 bad usage or a file that could not be read (with a
 *   message on stderr)
 */
export async function runConvert(argv: readonly string[], io: CliIO, locale: Locale): Promise<number> {
  const fail = (message: string, hint: boolean) => {
    io.stderr.write(`party-report: ${message}\n${hint ? `${usageHint(locale)}\n` : ''}`);
    return 2;
  };
  let positionals: string[];
  try {
    ({ positionals } = parseArgs({ args: [...argv], allowPositionals: true, strict: true, options: { locale: { type: 'string' } } }));
  } catch (error) {
    return fail(say(usageErrors.badOption, locale, (error as Error).message), true);
  }
  if (positionals.length !== 1) return fail(say(convertErrors.oneFile, locale), true);
  const [path] = positionals;
  if (!isDocxPath(path)) return fail(say(convertErrors.notDocx, locale, path), true);
  const file = resolve(io.cwd, path);
  const read = await (await loadDocx()).readDocxFile(file);
  if (!read.ok) return fail(`${displayPath(file, io.cwd)}: ${describeDocxRead(read.kind, locale, read.detail)}`, false);
  io.stdout.write(`${read.text}\n`);
  return 0;
}
