import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
const ROOT = process.argv[2];
const { loadBundle } = await import(join(ROOT, 'scripts/load-bundle.mjs'));
const { rules, buildReport } = (await loadBundle(join(ROOT, 'bench', 'core.ts'))) as any;
const dir = join('/work/wt-parts3', 'test/corpus');
const files = readdirSync(dir).filter((f) => /^r\d+.*\.md$/.test(f)).sort().slice(0, 110);
const text = files.map((f) => readFileSync(join(dir, f), 'utf8')).join('\n\n');
const ids = (process.argv[3] ?? 'percentage-range').split(',');
for (const id of ids) {
  const rule = rules.find((r: any) => r.id === id);
  const options = Object.freeze({ ...rule.meta.defaultOptions });
  let out: any;
  const fresh: number[] = [];
  const warm: number[] = [];
  for (let i = 0; i < 5; i++) {
    const report = buildReport(text);
    let t = performance.now(); out = rule.check(report, options); fresh.push(performance.now() - t);
    t = performance.now(); rule.check(report, options); warm.push(performance.now() - t);
  }
  fresh.sort((a, b) => a - b); warm.sort((a, b) => a - b);
  writeFileSync(`/tmp/parts3-out-${id}-${process.argv[4] ?? 'x'}.json`, JSON.stringify(out));
  console.log(id, 'fresh report: median', fresh[2].toFixed(1), 'min', fresh[0].toFixed(1), '| second run: median', warm[2].toFixed(1), 'min', warm[0].toFixed(1), '| problems', out.length);
}
