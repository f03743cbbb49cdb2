/**
 * `node --import tsx --import ./test/support/yaml-hook.mjs bench/hostile.ts`: full lint
 * time of the adversarial inputs of issue #15 at 100, 200 and 400 KB, on the shipped
 * bundle. Linear means each step about doubles (the last column near 2); nothing here is
 * asserted, the numbers go to bench/RESULTS.md by hand.
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadBundle } from '../scripts/load-bundle.mjs';
import type * as Core from './core';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { lint } = (await loadBundle(join(ROOT, 'bench', 'core.ts'))) as unknown as typeof Core;

/** `unit` repeated to `bytes` UTF-8 bytes (about). */
function fill(unit: string, bytes: number): string {
  return unit.repeat(Math.max(1, Math.round(bytes / Buffer.byteLength(unit))));
}

/** The inputs, each a function of its size in bytes. */
export const hostileInputs: Record<string, (bytes: number) => string> = {
  'one line of prose with quotes and counts': (b) => `一、工作情况\n${fill('党员“学习”共17名，', b)}\n`,
  'one paragraph of short lines': (b) => `一、工作情况\n${fill('党员共17名，学习“两学一做”。\n', b)}`,
  '“”1名': (b) => fill('“”1名', b),
  'short lines': (b) => fill('党\n', b),
  "'>' × 100 on every line": (b) => `一、工作情况\n${fill(`${'>'.repeat(100)} 党员共17名\n`, b)}`,
  "'- ' × 4000 lines": (b) => `一、工作情况\n${fill(`${'- '.repeat(4000)}党员\n`, b)}`,
};

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const only = process.argv[2];
const sizes = [100, 200, 400];
console.log(`| input | ${sizes.map((k) => `${k} KB`).join(' | ')} | 400 ÷ 200 |`);
console.log(`| --- | ${sizes.map(() => '---:').join(' | ')} | ---: |`);
for (const [name, make] of Object.entries(hostileInputs)) {
  if (only && !name.includes(only)) continue;
  const times = sizes.map((k) => {
    const text = make(k * 1024);
    return median([0, 1, 2].map(() => {
      const t = performance.now();
      lint(text);
      return performance.now() - t;
    }));
  });
  console.log(`| ${name} | ${times.map((t) => t.toFixed(0)).join(' | ')} | ${(times[2] / times[1]).toFixed(2)} |`);
}
