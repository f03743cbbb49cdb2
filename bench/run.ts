/**
 * `npm run bench`: how fast party-report is, measured against the floor (remark's parse)
 * and a peer (markdownlint), per rule, over the LSP round trip, and in memory.
 *
 * Inputs: the five seeds (../shared/seeds), documents of 100 KB, 1 MB and 10 MB built by
 * repeating them under `# 第N部分` headings, and the project corpus's reports joined (tables,
 * lists and plans the seeds lack); the editor's round trips (keystroke → diagnostics,
 * completion right after an edit: p50/p95/max against the goals of issue #14) are
 * bench/editor.ts. Measured tools are interleaved in one run and
 * medians printed: these machines are noisy, so ratios mean more than absolute times.
 *
 * Flags: `--write` also writes bench/RESULTS.md; `--quick` skips the 10 MB input; `--lint`
 * runs only the in-process tables (floor, the parts of a lint, per rule) and skips the
 * language server, the CLI and the adversarial inputs; `--cpu` times the in-process tables
 * in process CPU time rather than wall clock (steadier on a shared machine).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { lint as markdownlint } from 'markdownlint/sync';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { loadBundle } from '../scripts/load-bundle.mjs';
import type * as Core from './core';
import { measureEditor } from './editor';
import { hostileTable, measureHostile } from './hostile';
import { measureIsolation } from './isolation';
import { measureProcesses } from './processes';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// The linter as it ships: esbuild's bundle, not tsx's per-file transpilation (which wraps
// every closure in a naming helper and would bill us for it).
const { lint, rules, buildReport, parseMarkdown, extractQuantities, findLists } = (await loadBundle(join(ROOT, 'bench', 'core.ts'))) as unknown as typeof Core;
const SEEDS = resolve(ROOT, '..', 'shared', 'seeds');
const args = new Set(process.argv.slice(2));

const seeds = readdirSync(SEEDS)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => ({ name: f.slice(0, 3), text: readFileSync(join(SEEDS, f), 'utf8') }));

/** The seeds repeated under `# 第N部分` headings up to `bytes` UTF-8 bytes. */
function repeated(bytes: number): string {
  const parts: string[] = [];
  let size = 0;
  for (let n = 0; size < bytes; n++) {
    const part = `# 第${n + 1}部分\n\n${seeds[n % seeds.length].text}\n`;
    parts.push(part);
    size += Buffer.byteLength(part);
  }
  return parts.join('');
}

/** The project corpus's reports (test/corpus, in name order), one after another: about 1 MB. */
function corpusJoined(): string {
  const dir = join(ROOT, 'test', 'corpus');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md') && f !== 'README.md')
    .sort()
    .map((f) => readFileSync(join(dir, f), 'utf8'))
    .join('\n\n');
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
/**
 * Milliseconds `f` takes: wall clock, or with `--cpu` the process's CPU time (user and
 * system, every thread: GC helpers count), which other jobs on a shared machine do not
 * inflate as they do the wall clock.
 */
const time = args.has('--cpu')
  ? (f: () => unknown) => {
      const t = process.cpuUsage();
      f();
      const d = process.cpuUsage(t);
      return (d.user + d.system) / 1000;
    }
  : (f: () => unknown) => {
      const t = performance.now();
      f();
      return performance.now() - t;
    };
const ms = (x: number) => (x < 10 ? x.toFixed(2) : x.toFixed(0));
const kb = (text: string) => Buffer.byteLength(text) / 1024;

const parser = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']);

interface Row {
  input: string;
  size: string;
  parse: number;
  full: number;
  mdl: number;
}

function measureLint(): Row[] {
  const inputs = [
    ...seeds.map((s) => ({ name: `seed ${s.name}`, text: s.text, runs: 101 })),
    { name: '100 KB', text: repeated(100 * 1024), runs: 31 },
    { name: '1 MB', text: repeated(1024 * 1024), runs: 11 },
    // Reports as they vary (tables, lists, plans, front matter), one after another: the seeds
    // hold no table, and a check quadratic in tables × counts hid behind them.
    { name: 'corpus joined', text: corpusJoined(), runs: 5 },
    ...(args.has('--quick') ? [] : [{ name: '10 MB', text: repeated(10 * 1024 * 1024), runs: 3 }]),
  ];
  const rows: Row[] = [];
  for (const input of inputs) {
    const p: number[] = [];
    const f: number[] = [];
    const m: number[] = [];
    // Warm up: a language server lints the same kinds of text all day, so the steady state
    // of the JIT is what users meet; a handful of cold runs would measure V8's tiers instead.
    const warm = Math.max(2, Math.ceil(input.runs / 3));
    for (let i = 0; i < warm; i++) {
      parser.parse(input.text);
      lint(input.text);
      markdownlint({ strings: { doc: input.text } });
    }
    for (let i = 0; i < input.runs; i++) {
      // Interleaved, so drift on a noisy machine hits all three alike.
      p.push(time(() => parser.parse(input.text)));
      f.push(time(() => lint(input.text)));
      m.push(time(() => markdownlint({ strings: { doc: input.text } })));
    }
    rows.push({ input: input.name, size: `${kb(input.text).toFixed(0)} KB`, parse: median(p), full: median(f), mdl: median(m) });
    process.stderr.write(`  measured ${input.name}\n`);
  }
  return rows;
}

interface ModelRow {
  input: string;
  /** Medians in ms: the floor, then the parts of a full lint. */
  floor: number;
  parse: number;
  quantities: number;
  lists: number;
  /** The rest of buildReport: lines, opaque spans, headings, sections, outline, kind, freezing. */
  outline: number;
  rules: number;
  /** What lint adds: configs, disable comments, findings and their messages, sorting. */
  engine: number;
}

/**
 * A full lint split into its parts, each timed on its own and interleaved with the floor
 * (seeds and the 1 MB input): where the time over the floor goes. The parts are timed on
 * the report of the same text, so their sum may differ a little from the full lint.
 */
function measureModel(): ModelRow[] {
  const inputs = [...seeds.map((s) => ({ name: `seed ${s.name}`, text: s.text, runs: 101 })), { name: '1 MB', text: repeated(1024 * 1024), runs: 7 }];
  return inputs.map((input) => {
    const { text } = input;
    const report = buildReport(text);
    const options = rules.map((rule) => Object.freeze({ ...rule.meta.defaultOptions }));
    const runRules = () => rules.forEach((rule, i) => rule.check(report, options[i]));
    const parts = {
      floor: () => parser.parse(text),
      parse: () => parseMarkdown(text),
      build: () => buildReport(text),
      quantities: () => extractQuantities(report.lines, report.opaque),
      lists: () => findLists(report),
      rules: runRules,
      full: () => lint(text),
    };
    const times = Object.fromEntries(Object.keys(parts).map((k) => [k, [] as number[]])) as Record<keyof typeof parts, number[]>;
    for (let i = 0; i < Math.max(2, Math.ceil(input.runs / 3)); i++) for (const f of Object.values(parts)) f();
    for (let i = 0; i < input.runs; i++) for (const [k, f] of Object.entries(parts)) times[k as keyof typeof parts].push(time(f));
    const m = Object.fromEntries(Object.entries(times).map(([k, xs]) => [k, median(xs)])) as Record<keyof typeof parts, number>;
    process.stderr.write(`  measured the model's parts on ${input.name}\n`);
    return {
      input: input.name,
      floor: m.floor,
      parse: m.parse,
      quantities: m.quantities,
      lists: m.lists,
      outline: m.build - m.parse - m.quantities - m.lists,
      rules: m.rules,
      engine: m.full - m.build - m.rules,
    };
  });
}

function measureRules(text: string): { id: string; ms: number }[] {
  const report = buildReport(text);
  return rules
    .map((rule) => {
      const options = Object.freeze({ ...rule.meta.defaultOptions });
      const runs: number[] = [];
      for (let i = 0; i < 5; i++) runs.push(time(() => rule.check(report, options)));
      return { id: rule.id, ms: median(runs) };
    })
    .sort((a, b) => b.ms - a.ms);
}

/** Spawns dist/server.js over stdio; returns the connection, its pid and a stopper. */
function startServer() {
  const child = spawn(process.execPath, [join(ROOT, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({ enable: true, lintAllMarkdown: true })));
  connection.onRequest('client/registerCapability', () => null);
  connection.listen();
  const init = connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: null,
    capabilities: { textDocument: { diagnostic: { dynamicRegistration: false } }, workspace: { configuration: true } },
  });
  return {
    connection,
    pid: child.pid!,
    ready: init.then(() => connection.sendNotification('initialized', {})),
    stop: async () => {
      await connection.sendRequest('shutdown').catch(() => undefined);
      await connection.sendNotification('exit').catch(() => undefined);
      connection.dispose();
      child.kill();
    },
  };
}

async function measureMemory(documents: number): Promise<number> {
  const server = startServer();
  await server.ready;
  for (let i = 0; i < documents; i++) {
    const uri = pathToFileURL(join(ROOT, 'bench', `doc-${i}.md`)).href;
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: seeds[i % seeds.length].text } });
    await server.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
  }
  const status = readFileSync(`/proc/${server.pid}/status`, 'utf8');
  const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  await server.stop();
  return rssKb / 1024;
}

/** Peak RSS (MiB) of `node dist/cli.js lint --format json` over a folder of `count` reports. */
async function measureCliMemory(count: number): Promise<{ peak: number; seconds: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'party-report-bench-'));
  try {
    for (let i = 0; i < count; i++) writeFileSync(join(dir, `report-${i}.md`), seeds[i % seeds.length].text);
    const t = performance.now();
    const child = spawn(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'lint', '--format', 'json', dir], { stdio: ['ignore', 'ignore', 'inherit'] });
    let peak = 0;
    const poll = setInterval(() => {
      try {
        const hwm = Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0);
        peak = Math.max(peak, hwm);
      } catch {
        // The process has just exited.
      }
    }, 10);
    await new Promise((resolve) => child.once('exit', resolve));
    clearInterval(poll);
    return { peak: peak / 1024, seconds: (performance.now() - t) / 1000 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Time of a full lint on adversarial inputs of 50, 100 and 200 KB: it should double. */
function measureAdversarial(): { name: string; times: number[] }[] {
  const units: Record<string, string> = {
    'opening quotes “': '“',
    'digits 1': '1',
    'markers （一）⏎': '（一）\n',
    'asterisks *': '*',
    '顿号 list 、“甲”': '、“甲”',
  };
  return Object.entries(units).map(([name, unit]) => ({
    name,
    times: [50, 100, 200].map((k) => {
      const text = unit.repeat(Math.ceil((k * 1024) / unit.length));
      lint(text);
      return median([0, 1, 2].map(() => time(() => lint(text))));
    }),
  }));
}

async function main() {
  process.stderr.write('party-report bench\n');
  const rows = measureLint();
  const model = measureModel();
  const perRule = measureRules(repeated(1024 * 1024));
  const lintOnly = args.has('--lint');

  const lines: string[] = [];
  lines.push(`# Benchmark results`, '');
  lines.push(`${new Date().toISOString().slice(0, 10)} · ${cpus()[0]?.model ?? 'cpu'} × ${cpus().length} · ${(totalmem() / 2 ** 30).toFixed(0)} GiB · Node ${process.version}`, '');
  const clock = args.has('--cpu') ? ' of process CPU time (`--cpu`: user + system, all threads, GC helpers included)' : '';
  lines.push(`Medians in ms${clock}.` + ' *floor*: unified + remark-parse + remark-gfm (+ frontmatter) parse alone; *full*: party-report lint (parse + model + all rules); *markdownlint*: its library API with default rules, same text, interleaved.', '');
  lines.push('| input | size | floor | full | full ÷ floor | markdownlint | full ÷ markdownlint | full ms per 100 KB |');
  lines.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const r of rows) {
    const per100 = r.full / (Number.parseFloat(r.size) / 100);
    lines.push(`| ${r.input} | ${r.size} | ${ms(r.parse)} | ${ms(r.full)} | ${(r.full / r.parse).toFixed(2)} | ${ms(r.mdl)} | ${(r.full / r.mdl).toFixed(2)} | ${ms(per100)} |`);
  }
  lines.push('', 'A full lint split into its parts, each ÷ floor (medians, interleaved; *outline*: the rest of the report model — lines, opaque spans, headings, sections, outline, kind; *engine*: what lint adds to the rules — disable comments, findings, messages, sorting):', '');
  lines.push('| input | floor ms | parse | quantities | lists | outline | rules | engine | sum |');
  lines.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const r of model) {
    const parts = [r.parse, r.quantities, r.lists, r.outline, r.rules, r.engine];
    const sum = parts.reduce((a, b) => a + b, 0);
    lines.push(`| ${r.input} | ${ms(r.floor)} | ${parts.map((x) => (x / r.floor).toFixed(2)).join(' | ')} | ${(sum / r.floor).toFixed(2)} |`);
  }
  lines.push('', 'Time per rule on the 1 MB input (report built once, not counted):', '');
  lines.push('| rule | ms |', '| --- | ---: |');
  for (const r of perRule) lines.push(`| ${r.id} | ${ms(r.ms)} |`);
  if (!lintOnly) lines.push(...(await processTables()));
  const out = lines.join('\n') + '\n';
  process.stdout.write(out);
  // A partial run (--lint) is never written over the full record.
  if (args.has('--write') && !lintOnly) writeFileSync(join(ROOT, 'bench', 'RESULTS.md'), out);
}

/** The tables of what runs as processes or at adversarial sizes: the server, the CLI, hostile inputs. */
async function processTables(): Promise<string[]> {
  const editor = await measureEditor();
  const isolation = await measureIsolation();
  const rss = await measureMemory(50);
  const cli = await measureCliMemory(1000);
  const adversarial = measureAdversarial();
  const hostile = measureHostile(lint);
  const lines: string[] = [];
  lines.push(...editor);
  lines.push(...isolation);
  lines.push('', `Language server peak RSS with 50 seed-sized documents open: ${rss.toFixed(0)} MiB.`);
  lines.push('', `CLI over a folder of 1,000 seed-sized reports (\`--format json\`): ${cli.seconds.toFixed(1)} s, peak RSS ${cli.peak.toFixed(0)} MiB.`);
  lines.push('', 'Adversarial inputs, full lint (ms) at 50 / 100 / 200 KB — linear means each step about doubles:', '');
  lines.push('| input | 50 KB | 100 KB | 200 KB | 200 ÷ 100 |', '| --- | ---: | ---: | ---: | ---: |');
  for (const a of adversarial) lines.push(`| ${a.name} | ${a.times.map(ms).join(' | ')} | ${(a.times[2] / a.times[1]).toFixed(2)} |`);
  lines.push('', 'Issue #15 inputs (bench/hostile.ts), full lint (ms) at 100 / 200 / 400 KB:', '');
  lines.push(...hostileTable(hostile));
  // Whole processes, ours and the peers' (bench/processes.ts): start-up and many files.
  const processes = await measureProcesses({ counts: args.has('--quick') ? [1000] : [1000, 10000] });
  lines.push('', ...processes);
  return lines;
}

await main();
