import { buildReport } from '../rules/model/report';
import { metricConflict } from '../rules/numbers/metric-conflict';
const r = buildReport('全镇现有11个村党组织、3个社区党组织，党员总数826名。\n\n一是组织生活质量不高。全镇12个村党组织中仍有2个软弱涣散。\n');
console.log(r.quantities.map(q=>[q.numberText,q.unit,q.scope,q.after]));
console.log(metricConflict.check(r, {} as any));
