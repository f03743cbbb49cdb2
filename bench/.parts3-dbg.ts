import { buildReport } from '../rules/model/report';
import { totalBreakdown } from '../rules/numbers/total-breakdown';
for (const s of process.argv.slice(2)) {
  const report = buildReport(`# 总结\n\n## 一、工作开展情况\n\n${s}\n`);
  const out = totalBreakdown.check(report, {} as any);
  console.log('==', s, '\n  ->', out.map((p: any) => `${p.passed ? 'PASS' : 'FAIL'} ${p.messageId} ${JSON.stringify(p.data)}`).join('\n  -> '));
}
