/**
 * Whole-process timings (issue #14): what a user waits for from typing the command to its
 * exit, for our CLI and its peers run as processes on the same files, interleaved (each
 * round runs every command once, in turn), medians.
 *
 * - start-up: `party-report --version`, then one seed-sized report linted by party-report,
 *   AutoCorrect's CLI (`autocorrect --lint`) and markdownlint-cli2;
 * - many files: a folder of 1,000 and of 10,000 seed-sized reports, files per second and
 *   peak RSS (VmHWM of the process, worker threads included), for party-report on all
 *   cores, party-report pinned to one core (`taskset -c 0`), and AutoCorrect's CLI.
 *
 * Run alone: `node --import tsx --import ./test/support/yaml-hook.mjs bench/processes.ts`
 * (after `npm run build`); `npm run bench` runs it after its own sections. On a shared
 * machine the absolute figures move with the load: read the ratios.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const AUTOCORRECT = join(ROOT, 'node_modules', 'autocorrect-node', 'cli.js');
const MARKDOWNLINT = join(ROOT, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs');
const SEEDS = resolve(ROOT, '..', 'shared', 'seeds');

interface Measured {
  /** Wall time, ms. */
  ms: number;
  /** Peak resident set, MiB. */
  peak: number;
}

/** Runs a command to its end (output discarded), measuring wall time and peak RSS. */
function measure(command: string, args: string[], cwd: string): Promise<Measured> {
  return new Promise((done, fail) => {
    const t = performance.now();
    const child = spawn(command, args, { cwd, stdio: 'ignore' });
    let peak = 0;
    const poll = setInterval(() => {
      try {
        peak = Math.max(peak, Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0));
      } catch {
        // It has just exited.
      }
    }, 5);
    child.once('error', fail);
    child.once('exit', () => {
      clearInterval(poll);
      done({ ms: performance.now() - t, peak: peak / 1024 });
    });
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Each command `rounds` times, interleaved; the median wall time and peak RSS of each. */
async function interleaved(commands: Record<string, [string, string[]]>, rounds: number, cwd: string): Promise<Record<string, Measured>> {
  const runs: Record<string, Measured[]> = Object.fromEntries(Object.keys(commands).map((name) => [name, []]));
  for (let round = 0; round < rounds; round++) {
    for (const [name, [command, args]] of Object.entries(commands)) runs[name].push(await measure(command, args, cwd));
  }
  return Object.fromEntries(Object.entries(runs).map(([name, list]) => [name, { ms: median(list.map((m) => m.ms)), peak: median(list.map((m) => m.peak)) }]));
}

function seedTexts(): string[] {
  if (existsSync(SEEDS)) return readdirSync(SEEDS).sort().map((name) => readFileSync(join(SEEDS, name), 'utf8'));
  return readdirSync(join(ROOT, 'examples')).sort().map((name) => readFileSync(join(ROOT, 'examples', name), 'utf8'));
}

/** Whether `taskset` is there to pin a process to one core. */
function hasTaskset(): boolean {
  return ['/usr/bin/taskset', '/bin/taskset'].some(existsSync);
}

/**
 * Measures and returns the section as Markdown lines.
 *
 * @param options rounds of the start-up comparison; folder sizes of the many-files one
 */
export async function measureProcesses(options: { rounds?: number; counts?: number[] } = {}): Promise<string[]> {
  const rounds = options.rounds ?? 15;
  const counts = options.counts ?? [1000, 10000];
  const texts = seedTexts();
  const node = process.execPath;
  const dir = mkdtempSync(join(tmpdir(), 'party-report-processes-'));
  const lines: string[] = [];
  try {
    // The first seed (11 KB), as a .md file so every tool takes it for Markdown.
    const one = join(dir, 'report.md');
    writeFileSync(one, texts[0]);
    const start = await interleaved(
      {
        'party-report --version': [node, [CLI, '--version']],
        'party-report lint': [node, [CLI, 'lint', one]],
        'autocorrect --lint': [node, [AUTOCORRECT, '--lint', one]],
        'markdownlint-cli2': [node, [MARKDOWNLINT, one]],
      },
      rounds,
      dir,
    );
    const ours = start['party-report lint'].ms;
    lines.push(`Whole process, one ${(Buffer.byteLength(texts[0]) / 1024).toFixed(0)} KB report (bench/processes.ts; ${rounds} rounds interleaved, medians):`, '');
    lines.push('| command | ms | ÷ party-report lint | peak RSS MiB |', '| --- | ---: | ---: | ---: |');
    for (const [name, m] of Object.entries(start)) lines.push(`| ${name} | ${m.ms.toFixed(0)} | ${(m.ms / ours).toFixed(2)} | ${m.peak.toFixed(0)} |`);

    const taskset = hasTaskset();
    lines.push('', 'Folders of seed-sized reports (`--format json`), files per second and peak RSS; pinned: `taskset -c 0`, one core:', '');
    lines.push('| files | party-report | pinned to one core | AutoCorrect | all cores ÷ pinned | party-report ÷ AutoCorrect (time) |', '| ---: | --- | --- | --- | ---: | ---: |');
    for (const count of counts) {
      const folder = join(dir, `folder-${count}`);
      mkdirSync(folder);
      for (let i = 0; i < count; i++) writeFileSync(join(folder, `report-${String(i).padStart(5, '0')}.md`), texts[i % texts.length]);
      const commands: Record<string, [string, string[]]> = {
        all: [node, [CLI, 'lint', '--format', 'json', folder]],
        autocorrect: [node, [AUTOCORRECT, '--lint', folder]],
      };
      if (taskset) commands.pinned = ['taskset', ['-c', '0', node, CLI, 'lint', '--format', 'json', folder]];
      const m = await interleaved(commands, count >= 10000 ? 1 : 3, dir);
      const cell = (x: Measured | undefined) => (x ? `${((count * 1000) / x.ms).toFixed(0)} files/s, ${(x.ms / 1000).toFixed(1)} s, ${x.peak.toFixed(0)} MiB` : '—');
      const speedup = m.pinned ? (m.pinned.ms / m.all.ms).toFixed(2) : '—';
      lines.push(`| ${count} | ${cell(m.all)} | ${cell(m.pinned)} | ${cell(m.autocorrect)} | ${speedup} | ${(m.all.ms / m.autocorrect.ms).toFixed(2)} |`);
      rmSync(folder, { recursive: true, force: true });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return lines;
}

// Run alone: print the section.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const counts = process.argv.includes('--quick') ? [1000] : undefined;
  const rounds = process.argv.includes('--quick') ? 7 : undefined;
  process.stdout.write(`${(await measureProcesses({ counts, rounds })).join('\n')}\n`);
}
