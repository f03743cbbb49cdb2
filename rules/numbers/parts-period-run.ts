/**
 * How total-breakdown reads a total that gathers a period's 、 run of activities under one
 * general noun (`全年开展进社区义诊12场、进校园健康讲座8场、进企业职业健康宣讲5场，累计组织健康宣教
 * 活动29场`): the sentence opens with a period word (全年, 上半年…), so a 累计 right after the run
 * sums that period's activities, not everything since the start; its verb only says they were
 * done (`breakdown.run_total_verbs`: 开展, 组织, 举办…) and its noun ends in a general noun
 * (`whole_nouns`: 活动, 服务…) whose modifier the labels share (健康 of 健康宣教) or that names
 * voluntary or public service (`breakdown.service_umbrellas`: 志愿服务 after visits and checks).
 * parts-before-total.ts reads the stricter totals (a restated verb, every modifier character in
 * the labels); this reading comes after it. Offsets are UTF-16 code units.
 */
import { sentenceNumbers } from '../data/sentence-numbers';
import type { Quantity } from '../model/quantities';
import type { Report } from '../model/report';
import { isTotal } from './breakdowns';
import type { Breakdown } from './breakdowns';
import { NAMING_REACH, runBefore } from './parts-before-total';
import { totalClosingClause } from './sentence';

const words = sentenceNumbers.breakdown;
const IDEOGRAPHIC_COMMA = 0x3001; // 、
/** A period word opening the first part's clause (`全年开展…`). */
const PERIOD_LEAD = new RegExp(`^(?:${words.periodWordsSource})`, 'u');
/** The fewest parts such a run must have: two may be a pair the total goes beyond. */
const MIN_PARTS = 3;

/** The breakdown of `total` over the period's 、 run right before it (see the module), or null. */
export function periodRunTotal(report: Report, total: Quantity): Breakdown | null {
  const closing = totalClosingClause(report, total, words.totalNaming, NAMING_REACH);
  if (!closing) return null;
  const { from, lineText, at, head } = closing;
  // Nothing between the comma and the total word: `，累计组织…`, not `，其中…累计…`.
  if (head[1] !== '' || !words.runTotalVerbs.includes(head[3])) return null;
  const whole = words.wholeNoun.exec(head[4]);
  if (!whole) return null;
  const tail = total.end - from;
  // `…，累计…40场，其余为线上活动`: the sentence names what the listed parts leave out.
  if (/^，(?:其余|其他|另有|另外)/u.test(lineText.slice(tail, tail + 3))) return null;
  if (!isTotal(total, lineText, from)) return null;
  const found = runBefore(report, total, from, lineText, at - head[0].length);
  if (!found) return null;
  const { run, masked } = found;
  if (run.length < MIN_PARTS || !PERIOD_LEAD.test(run[0].label) || /其中|分别|另/u.test(masked)) return null;
  let labels = '';
  for (let i = 0; i < run.length; i++) {
    const p = run[i];
    if (p.q.unit !== total.unit || (i > 0 && p.sep !== IDEOGRAPHIC_COMMA)) return null;
    labels += p.label;
  }
  if (!modifierFits(whole[2], labels)) return null;
  return { total, parts: run, mode: 'sum', listed: true };
}

/**
 * Whether a general noun's modifier (`健康宣教` of 健康宣教活动) gathers the labels: none, one
 * naming voluntary or public service, or one sharing a two-character word with them.
 */
function modifierFits(modifier: string, labels: string): boolean {
  if (modifier === '') return true;
  for (const u of words.serviceUmbrellas) if (modifier.startsWith(u)) return true;
  for (let i = 0; i + 2 <= modifier.length; i++) if (labels.includes(modifier.slice(i, i + 2))) return true;
  return false;
}
