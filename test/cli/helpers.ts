/** Running the CLI in-process with fake streams, and temp folders for files it may write. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../server/cli';
import { ROOT } from '../support/paths';

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd?: string;
  env?: Record<string, string | undefined>;
  /** Pretend stdout is a terminal. */
  tty?: boolean;
}

/**
 * Runs `party-report <argv>` in-process. The environment is empty unless given, so the
 * caller's LANG or NO_COLOR cannot change what a test sees.
 */
export function run(argv: string[], options: RunOptions = {}): Run {
  const { code, output } = start(argv, options);
  // Only a run that reads a Word file answers asynchronously (server/cli.ts, `main`).
  if (typeof code !== 'number') throw new Error('this run reads a .docx file: use runAsync');
  return { code, ...output };
}

/** `run` for command lines that may read a Word file (`convert`, `lint x.docx`). */
export async function runAsync(argv: string[], options: RunOptions = {}): Promise<Run> {
  const { code, output } = start(argv, options);
  return { code: await code, ...output };
}

function start(argv: string[], options: RunOptions) {
  const output = { stdout: '', stderr: '' };
  const code = main(argv, {
    cwd: options.cwd ?? ROOT,
    env: options.env ?? {},
    stdout: { write: (s: string) => (output.stdout += s), isTTY: options.tty ?? false },
    stderr: { write: (s: string) => (output.stderr += s), isTTY: false },
  });
  return { code, output };
}

/** Runs with `--format json` and parses stdout (which must be one JSON array). */
export function runJson(argv: string[], options: RunOptions = {}): Run & { json: JsonFile[] } {
  const result = run(['lint', '--format', 'json', ...argv], options);
  return { ...result, json: JSON.parse(result.stdout) as JsonFile[] };
}

export interface JsonMessage {
  ruleId: string | null;
  severity: string;
  message: string;
  fatal?: boolean;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  fix?: { range: [number, number]; text: string };
  relatedInformation?: { message: string; line: number; column: number; endLine: number; endColumn: number }[];
}

export interface JsonFile {
  filePath: string;
  messages: JsonMessage[];
  errorCount: number;
  warningCount: number;
}

/** A fresh temp folder, removed by the returned `cleanup`. */
export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'party-report-cli-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export const EXAMPLES = join(ROOT, 'examples');
