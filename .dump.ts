import { buildReport } from '/work/wt-lists4/rules/model/report';
import { readFileSync } from 'node:fs';
const text = process.argv[2].endsWith('.md') ? readFileSync(process.argv[2], 'utf8') : process.argv[2];
const pat = process.argv[3] ?? '';
const r = buildReport(text);
for (const l of r.lists.counted) {
  const span = text.slice(l.count!.start - 30, l.count!.end + 5);
  if (pat && !span.includes(pat) && !text.slice(l.start, l.end).includes(pat)) continue;
  console.log(JSON.stringify({ count: l.count!.text, n: l.count!.value, form: l.form, open: l.open, cont: l.continues, closing: l.closing?.text, distinct: l.distinct, items: l.items.map((i: any) => i.text), conj: l.conjunction?.text ?? l.conjunction }));
}
const resp = (r.lists as any).respectively ?? [];
for (const x of resp) { const s = text.slice(x.start ?? 0, (x.end ?? 0)); if (!pat || s.includes(pat)) console.log('RESP', JSON.stringify(x).slice(0, 400)); }
