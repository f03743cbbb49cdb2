/**
 * Tier 3: another real client. Neovim (Debian's, headless) opens each seed read-only as
 * Markdown with its built-in LSP client on `node dist/server.js --stdio`
 * (test/e2e/neovim/diagnostics.lua); the diagnostics it ends up with must be the CLI's
 * findings: rule ids, messages, severities, and positions converted to Neovim's byte
 * columns.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readSeeds, ROOT } from '../support/paths';
import { alive, start, stop } from './lib/processes';
import { StepError, steps, type TierResult } from './lib/report';

const NVIM = process.env.PARTY_REPORT_E2E_NVIM ?? 'nvim';
const DEADLINE_MS = 60_000;

interface CliMessage {
  ruleId: string;
  severity: 'error' | 'warning' | 'information' | 'hint';
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

interface NvimDiagnostic {
  lnum: number;
  col: number;
  end_lnum: number;
  end_col: number;
  severity: number;
  message: string;
  source?: string;
  code?: string;
}

interface NvimResult {
  error?: string;
  published?: boolean;
  nvim?: string;
  offset_encoding?: string;
  diagnostics?: NvimDiagnostic[];
}

const SEVERITY = { error: 1, warning: 2, information: 3, hint: 4 } as const;

function cliMessages(file: string): CliMessage[] {
  const result = spawnSync('node', [join(ROOT, 'dist', 'cli.js'), 'lint', '--format', 'json', '--locale', 'zh-CN', file], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (result.status !== 0 && result.status !== 1) throw new Error(`party-report lint exited ${result.status}: ${result.stderr}`);
  return (JSON.parse(result.stdout) as { messages: CliMessage[] }[])[0].messages;
}

/** Neovim's 0-based byte column of 1-based UTF-16 `column` on `line`. */
function byteColumn(line: string, column: number): number {
  return Buffer.byteLength(line.slice(0, column - 1), 'utf8');
}

function key(d: { rule: string; lnum: number; col: number; end_lnum: number; end_col: number; severity: number; message: string }): string {
  return `${d.rule} ${d.lnum}:${d.col}-${d.end_lnum}:${d.end_col} s${d.severity} ${d.message}`;
}

/** Runs the Lua script on `file`; resolves with what it wrote. */
async function diagnosticsInNeovim(file: string, work: string): Promise<NvimResult> {
  const out = join(work, 'nvim.json');
  rmSync(out, { force: true });
  const child = start(NVIM, ['--headless', '--clean', '-R', '-u', 'NONE', '-i', 'NONE', '-c', `luafile ${join(ROOT, 'test', 'e2e', 'neovim', 'diagnostics.lua')}`], {
    stdio: ['ignore', 'pipe', 'pipe'],
    cwd: work,
    env: {
      ...process.env,
      // Neovim answers in the user's language where it sends one; this one is Chinese.
      LANG: 'zh_CN.UTF-8',
      XDG_STATE_HOME: join(work, 'state'),
      XDG_DATA_HOME: join(work, 'data'),
      PARTY_REPORT_FILE: file,
      PARTY_REPORT_SERVER: join(ROOT, 'dist', 'server.js'),
      PARTY_REPORT_NODE: process.execPath,
      PARTY_REPORT_OUT: out,
    },
  });
  let output = '';
  child.stdout?.setEncoding('utf8').on('data', (s: string) => (output += s));
  child.stderr?.setEncoding('utf8').on('data', (s: string) => (output += s));
  let timer: NodeJS.Timeout | undefined;
  try {
    await new Promise<void>((resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`nvim did not finish within ${DEADLINE_MS / 1000} s:\n${output}`)), DEADLINE_MS);
      child.once('error', reject);
      child.once('exit', () => resolve());
    });
  } finally {
    clearTimeout(timer);
    // Neovim is gone or late; its process group (the server it started) goes with it.
    await stop(child, alive(child) ? 2000 : 0);
  }
  if (!existsSync(out)) throw new Error(`nvim wrote no result (exit ${child.exitCode}):\n${output}`);
  return JSON.parse(readFileSync(out, 'utf8')) as NvimResult;
}

export async function neovimTier(): Promise<TierResult> {
  const { step, outcomes } = steps('neovim');
  const work = mkdtempSync(join(tmpdir(), 'party-report-e2e-nvim-'));
  try {
    await step('nvim is installed', async () => {
      const version = spawnSync(NVIM, ['--version'], { encoding: 'utf8', timeout: 10_000 });
      if (version.status !== 0) throw new Error(`${NVIM} --version failed: ${version.stderr || version.error}`);
    });
    for (const seed of readSeeds()) {
      await step(`seed ${seed.id}: Neovim's LSP client gets the CLI's findings (rule ids, messages, byte columns)`, async () => {
        const result = await diagnosticsInNeovim(seed.file, work);
        if (result.error) throw new Error(`the Lua script failed: ${result.error}`);
        if (!result.published) throw new Error(`no publishDiagnostics within 30 s (nvim ${result.nvim})`);
        if (result.offset_encoding !== 'utf-16') throw new Error(`offset encoding ${result.offset_encoding}`);
        const lines = seed.text.split('\n');
        const expected = cliMessages(seed.file).map((m) =>
          key({
            rule: m.ruleId,
            lnum: m.line - 1,
            col: byteColumn(lines[m.line - 1], m.column),
            end_lnum: m.endLine - 1,
            end_col: byteColumn(lines[m.endLine - 1] ?? '', m.endColumn),
            severity: SEVERITY[m.severity],
            message: m.message,
          }),
        );
        const got = (result.diagnostics ?? []).map((d) => {
          if (d.source !== 'party-report') throw new Error(`a diagnostic from ${d.source}`);
          return key({ rule: String(d.code), ...d });
        });
        const missing = expected.filter((k) => !got.includes(k));
        const extra = got.filter((k) => !expected.includes(k));
        if (expected.length === 0) throw new Error('the CLI finds nothing on this seed; nothing to compare');
        if (missing.length || extra.length || got.length !== expected.length) {
          throw new Error(`Neovim's diagnostics differ from the CLI's:\nmissing:\n${missing.join('\n')}\nextra:\n${extra.join('\n')}`);
        }
      });
    }
    return { tests: outcomes };
  } catch (error) {
    return { tests: outcomes, error: error instanceof StepError ? undefined : String(error) };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
