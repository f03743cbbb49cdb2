/** What the benchmark measures, gathered in one entry so it can be bundled as it ships. */
export { lint } from '../rules/engine/lint';
export { rules } from '../rules/index';
export { buildReport } from '../rules/model/report';
