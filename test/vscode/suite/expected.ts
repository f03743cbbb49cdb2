/**
 * What the extension-host suite expects, from sources other than VS Code: the CLI's JSON
 * output (the same analysis, through the command line) and the fixtures' hand-checked
 * claims about the seeds (`<!-- seed NNN: 3, 9x2 -->`, see test/unit/fixtures.test.ts).
 * Runs inside the extension host, so no import of the project's ESM test support.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

declare const __PROJECT_ROOT__: string;

/** The project checkout (set by the suite's build). */
export const ROOT: string = __PROJECT_ROOT__;
/** The five real reports, beside the project; read where they are, never copied in. */
export const SEEDS_DIR = resolve(ROOT, '..', 'shared', 'seeds');

export interface Seed {
  id: string;
  file: string;
  text: string;
}

export function readSeeds(): Seed[] {
  return readdirSync(SEEDS_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ id: f.slice(0, 3), file: join(SEEDS_DIR, f), text: readFileSync(join(SEEDS_DIR, f), 'utf8') }));
}

/** One message of `party-report lint --format json` (1-based lines, UTF-16 columns). */
export interface CliMessage {
  ruleId: string;
  severity: 'error' | 'warning' | 'information' | 'hint';
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  fix?: { range: [number, number]; text: string };
}

function runCli(args: string[]): { status: number | null; stdout: string; stderr: string } {
  // process.execPath is Node in code-server's extension host and Electron in VS Code's.
  const result = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    timeout: 60_000,
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The CLI's findings on `text` (linted as a file named like `name`), in `locale`. */
export function cliMessages(text: string, locale: string, name = 'report.md'): CliMessage[] {
  const dir = mkdtempSync(join(tmpdir(), 'party-report-suite-'));
  try {
    const file = join(dir, name);
    writeFileSync(file, text);
    const { status, stdout, stderr } = runCli(['lint', '--format', 'json', '--locale', locale, file]);
    if (status !== 0 && status !== 1) throw new Error(`party-report lint exited ${status}: ${stderr}`);
    const [result] = JSON.parse(stdout) as { messages: CliMessage[] }[];
    return result.messages;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `text` after `party-report lint --fix`. */
export function cliFixed(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'party-report-suite-'));
  try {
    const file = join(dir, 'report.md');
    writeFileSync(file, text);
    const { status, stderr } = runCli(['lint', '--fix', '--format', 'json', file]);
    if (status !== 0 && status !== 1) throw new Error(`party-report lint --fix exited ${status}: ${stderr}`);
    return readFileSync(file, 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The fixtures' claims: for each seed id, `rule id → the 1-based lines it reports`
 * (a line once per finding), from `<!-- seed NNN: … -->` in test/fixtures/<rule>/*.md.
 */
export function seedClaims(): Map<string, Map<string, number[]>> {
  const claims = new Map<string, Map<string, number[]>>();
  const fixtures = join(ROOT, 'test', 'fixtures');
  for (const rule of readdirSync(fixtures).sort()) {
    let files: string[];
    try {
      files = readdirSync(join(fixtures, rule)).filter((f) => f.endsWith('.md'));
    } catch {
      continue;
    }
    for (const f of files) {
      const text = readFileSync(join(fixtures, rule, f), 'utf8');
      for (const m of text.matchAll(/<!--\s*seed (\d{3}):\s*([-\dx,\s]+?)\s*-->/g)) {
        const lines =
          m[2].trim() === '-'
            ? []
            : m[2].split(/[,\s]+/).flatMap((item) => {
                const [line, times = '1'] = item.split('x');
                return Array.from({ length: Number(times) }, () => Number(line));
              });
        if (!claims.has(m[1])) claims.set(m[1], new Map());
        claims.get(m[1])!.set(rule, lines);
      }
    }
  }
  return claims;
}

/** The engine's locale for a VS Code display language (as the server resolves it). */
export function localeOf(language: string): 'zh-CN' | 'en' {
  return /^zh\b/i.test(language.replace(/_/g, '-')) ? 'zh-CN' : 'en';
}

/** The 0-based lines of `text` that open a level-1 section (`一、…` at the line start). */
export function levelOneHeadingLines(text: string): number[] {
  return text
    .split(/\r\n|\r|\n/)
    .flatMap((line, i) => (/^[一二三四五六七八九十]+、\S/.test(line) ? [i] : []));
}
