/**
 * Keystrokes in-process: one-character edits at random places of a 10 KB, 100 KB and 1 MB
 * report, each linted with the previous version's report as `previous` (the path the
 * language server's worker takes), p50/p95/max in ms. No LSP, no threads: what the analysis
 * itself costs per keystroke (bench/run.ts measures the stdio round trip).
 *
 *   node --import tsx --import ./test/support/yaml-hook.mjs bench/keystroke.ts [--cpu] [--split] [--edits N]
 *
 * `--cpu` times each keystroke in CPU time (user and system, every thread of the process: GC
 * helpers count) instead of wall time, which other jobs on a shared machine inflate.
 * `--split` also prints where a keystroke's time goes: building the report and each rule.
 * The edits are the same on every run (a fixed pseudo-random sequence), so two builds compare.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadBundle } from '../scripts/load-bundle.mjs';
import type * as Core from './core';
import { seededRandom as random } from '../test/support/seeded-random';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { lint, rules, buildReport } = (await loadBundle(join(ROOT, 'bench', 'core.ts'))) as unknown as typeof Core;
const argv = process.argv.slice(2);
const split = argv.includes('--split');
const cpu = argv.includes('--cpu');
/** Now, in ms: wall clock or the process's CPU time (see `--cpu`). */
const now = cpu
  ? () => {
      const u = process.cpuUsage();
      return (u.user + u.system) / 1000;
    }
  : () => performance.now();
const editsArg = argv.indexOf('--edits');
const EDITS = editsArg >= 0 ? Number(argv[editsArg + 1]) : 200;

const SEEDS = resolve(ROOT, '..', 'shared', 'seeds');
const seeds = readdirSync(SEEDS)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => readFileSync(join(SEEDS, f), 'utf8'));

/** The seeds under `# 第N部分` headings up to `bytes` UTF-8 bytes (as bench/run.ts builds them). */
function repeated(bytes: number): string {
  const parts: string[] = [];
  let size = 0;
  for (let n = 0; size < bytes; n++) {
    const part = `# 第${n + 1}部分\n\n${seeds[n % seeds.length]}\n`;
    parts.push(part);
    size += Buffer.byteLength(part);
  }
  return parts.join('');
}

const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * q))];
const ms = (x: number) => (x < 10 ? x.toFixed(2) : x.toFixed(1));

type Previous = Parameters<typeof lint>[1] extends infer O ? (O extends { previous?: infer P } ? P : never) : never;

/**
 * Types a character at a random offset (a line start never splits a surrogate pair there,
 * as the seeds hold none) and deletes it again, `edits` keystrokes in all, each linted
 * incrementally from the one before. Returns each keystroke's time in ms.
 */
function keystrokes(text: string, edits: number, onReport?: (report: ReturnType<typeof buildReport>, previous: Previous) => void): number[] {
  const next = random(14);
  let current = text;
  let previous: Previous = lint(current).report;
  // Warm up on the same document with keystrokes of its own (a server lints the same kinds of
  // edit all day): re-linting the same text alone never ran the edit path, so the first
  // measured keystrokes paid for compiling it and made most of the p95.
  const warm = random(99);
  for (let i = 0; i < 10; i++) {
    const at = Math.floor(warm() * current.length);
    previous = lint(current.slice(0, at) + '党' + current.slice(at), { previous }).report;
    previous = lint(current, { previous }).report;
  }
  const times: number[] = [];
  let at = 0;
  for (let k = 0; k < edits; k++) {
    if (k % 2 === 0) {
      at = Math.floor(next() * current.length);
      current = flat(current.slice(0, at) + '党' + current.slice(at));
    } else {
      current = flat(current.slice(0, at) + current.slice(at + 1));
    }
    const before = previous;
    const t = now();
    const result = lint(current, { previous });
    times.push(now() - t);
    previous = result.report;
    onReport?.(result.report, before);
  }
  return times;
}

/**
 * `text` as a flat string, as the analysis worker receives it (postMessage copies it): an edit
 * made by concatenation is a rope, which the first read of its whole length flattens, a copy
 * of the document that the worker never makes (7 ms of a 1 MB keystroke, in changedRange).
 */
function flat(text: string): string {
  return Buffer.from(text, 'utf16le').toString('utf16le');
}

const inputs = [
  { name: '10 KB', text: seeds[0] },
  { name: '100 KB', text: repeated(100 * 1024) },
  { name: '1 MB', text: repeated(1024 * 1024) },
];

console.log(`| size | keystrokes | p50 ms | p95 ms | max ms |`);
console.log(`| --- | ---: | ---: | ---: | ---: |`);
for (const input of inputs) {
  const edits = input.name === '1 MB' ? Math.min(EDITS, 100) : EDITS;
  const times = keystrokes(input.text, edits);
  console.log(`| ${input.name} | ${edits} | ${ms(quantile(times, 0.5))} | ${ms(quantile(times, 0.95))} | ${ms(Math.max(...times))} |`);
}

if (split) {
  for (const input of inputs.slice(1)) {
    // Where a keystroke goes: the report built from the previous one, then each rule on it.
    const build: number[] = [];
    const perRule = new Map<string, number[]>();
    keystrokes(input.text, 40, (report, previous) => {
      const t = now();
      buildReport(report.text, { previous });
      build.push(now() - t);
      for (const rule of rules) {
        // Block-scoped rules run on the edited region only: timed on the whole report here.
        if (rule.meta.scope === 'block') continue;
        const r = now();
        rule.check(report, rule.meta.defaultOptions ?? {}, undefined as never);
        (perRule.get(rule.id) ?? perRule.set(rule.id, []).get(rule.id)!).push(now() - r);
      }
    });
    console.log(`\n${input.name}: buildReport p50 ${ms(quantile(build, 0.5))} ms; document-wide rules by p50:`);
    const rows = [...perRule].map(([id, xs]) => [id, quantile(xs, 0.5)] as const).sort((a, b) => b[1] - a[1]);
    for (const [id, p50] of rows.slice(0, 14)) console.log(`  ${id.padEnd(26)} ${ms(p50)}`);
  }
}
