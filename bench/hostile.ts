/**
 * The adversarial inputs of issue #15 and their timing at 100, 200 and 400 KB on the
 * shipped bundle: `npm run bench` prints them with the rest; alone,
 * `node --import tsx --import ./test/support/yaml-hook.mjs bench/hostile.ts [name filter]`.
 * Linear means each step about doubles (the last column near 2). Nothing is asserted.
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadBundle } from '../scripts/load-bundle.mjs';
import type * as Core from './core';

/** `unit` repeated to about `bytes` UTF-8 bytes. */
function fill(unit: string, bytes: number): string {
  return unit.repeat(Math.max(1, Math.round(bytes / Buffer.byteLength(unit))));
}

/** The inputs, each a function of its size in bytes. */
export const hostileInputs: Record<string, (bytes: number) => string> = {
  'one line of prose with quotes and counts': (b) => `一、工作情况\n${fill('党员“学习”共17名，', b)}\n`,
  'one paragraph of short lines': (b) => `一、工作情况\n${fill('党员共17名，学习“两学一做”。\n', b)}`,
  '“”1名': (b) => fill('“”1名', b),
  'short lines 党⏎': (b) => fill('党\n', b),
  "'>' × 100 on every line": (b) => `一、工作情况\n${fill(`${'>'.repeat(100)} 党员共17名\n`, b)}`,
  "'- ' × 4000 on every line": (b) => `一、工作情况\n${fill(`${'- '.repeat(4000)}党员\n`, b)}`,
  // Review of 2026-12-03: verb runs searched the whole line for each 一X; quoted near words
  // searched the closing quote again for each unclosed opening one.
  'one line of 一抓…，二抓…': (b) => `一、工作情况\n${fill('，一抓学习，二抓作风', b)}\n`,
  'unclosed 做到“ before one far ”': (b) => `一、工作情况\n做到${fill('“甲', b)}”\n`,
  // Review of the blind-set work: each superseded wording searched the rest of the text for 四个意识.
  'one line of 坚定三个自信，': (b) => `一、工作情况\n${fill('坚定三个自信，', b)}\n`,
  // …and the stock-count reader searched each unclosed （ for its ） to the end of the line.
  'one line of （（（（（（（（现有党员5名，': (b) => `# 某支部工作总结\n\n一、工作情况\n${fill('（（（（（（（（现有党员5名，', b)}\n`,
  // …and each 其中 part looked for its stock in the clause before, itself a 其中 part, back to
  // the line's start (these three were timed in test/unit/*-linear.test.ts before: the tests
  // now pin what the bounded scans read, the bench their time).
  'one line of 其中正式党员5名，': (b) => `# 某支部工作总结\n\n一、工作情况\n${fill('其中正式党员5名，', b)}\n`,
  // Each 每 clause looked for its amount up to the line's end (total-breakdown's groups × each).
  'one line of 每个支部各5名，': (b) => `# 某支部工作总结\n\n一、工作情况\n${fill('每个支部各5名，', b)}\n`,
  // A congress's name reads its clause and sentence around it (slogan-congresses.ts, through
  // rules/model/clauses.ts, each scan bounded): a line with no mark holding many names.
  // Review of the eighteenth stop: metric-conflict's records read each count's sentence to the
  // line's ends, and a share's candidates walked back through every Han character (now bounded).
  'one line of 现有党员5名，(records)': (b) => `# 某支部工作总结\n\n一、工作情况\n${fill('现有党员5名，', b)}\n`,
  'one line of 三名党员参加学习 then a share': (b) => `# 某支部工作总结\n\n一、工作情况\n${fill('三名党员参加学习', b)}，女党员占党员总数的50%\n`,
  'one line of 学习贯彻党的十九大': (b) => `# 某支部2025年工作总结\n\n一、工作情况\n${fill('学习贯彻党的十九大', b)}精神\n`,
  // Review of the nineteenth stop: duplicate-char's parallel reading walked each pair's whole
  // sentence (30 s on 400 KB with no 。; now 100 units each way).
  'one line of doubled characters, no 。': (b) => `# 某支部工作总结\n\n一、工作情况\n${fill('加强强对课堂，活动动6次，人人都参加，', b)}\n`,
};

/** Sizes measured, in KB. */
export const HOSTILE_SIZES = [100, 200, 400];

/** Median full-lint ms of each input at each size (3 runs after one warm-up). */
export function measureHostile(lint: (text: string) => unknown, filter = ''): { name: string; times: number[] }[] {
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return Object.entries(hostileInputs)
    .filter(([name]) => name.includes(filter))
    .map(([name, make]) => ({
      name,
      times: HOSTILE_SIZES.map((k) => {
        const text = make(k * 1024);
        lint(text);
        return median(
          [0, 1, 2].map(() => {
            const t = performance.now();
            lint(text);
            return performance.now() - t;
          }),
        );
      }),
    }));
}

/** The results as Markdown table lines. */
export function hostileTable(results: { name: string; times: number[] }[]): string[] {
  const lines = [`| input | ${HOSTILE_SIZES.map((k) => `${k} KB`).join(' | ')} | 400 ÷ 200 |`, `| --- | ${HOSTILE_SIZES.map(() => '---:').join(' | ')} | ---: |`];
  for (const r of results) lines.push(`| ${r.name} | ${r.times.map((t) => t.toFixed(0)).join(' | ')} | ${(r.times[2] / r.times[1]).toFixed(2)} |`);
  return lines;
}

// Run alone: print the table.
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const { lint } = (await loadBundle(join(ROOT, 'bench', 'core.ts'))) as unknown as typeof Core;
  console.log(hostileTable(measureHostile(lint, process.argv[2] ?? '')).join('\n'));
}
