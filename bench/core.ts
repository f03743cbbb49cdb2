/** What the benchmark measures, gathered in one entry so it can be bundled as it ships. */
export { lint } from '../rules/engine/lint';
export { rules } from '../rules/index';
export { buildReport } from '../rules/model/report';
// The model's parts, timed one by one for the split of its cost (bench/run.ts, measureModel).
export { parseMarkdown } from '../rules/model/parse';
export { extractQuantities } from '../rules/model/quantities';
export { findLists } from '../rules/model/lists';
