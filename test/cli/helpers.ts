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
  let stdout = '';
  let stderr = '';
  const code = main(argv, {
    cwd: options.cwd ?? ROOT,
    env: options.env ?? {},
    stdout: { write: (s: string) => (stdout += s), isTTY: options.tty ?? false },
    stderr: { write: (s: string) => (stderr += s), isTTY: false },
  });
  return { code, stdout, stderr };
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
