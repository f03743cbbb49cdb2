/**
 * How total-breakdown reads a set of tasks by where they stand ("共制定整改措施12条，目前已
 * 完成9条、正在推进4条"): right after the total's comma, parts labelled by a status word
 * (done: 已完成, 已整改…; under way: 正在推进, 未完成…; rules/data/sentence-numbers.yaml
 * `status_*`), optionally opened by a time word (目前, 截至目前). Done and under way do not
 * overlap, so the parts are at most the total; one not yet started may go unnamed, so they
 * are not held to add up to it. A total that ends a 、-list of values (`分别提出27条、15条，已办结
 * 35条`) is no total of the tasks: not read.
 */
import { sentenceNumbers } from '../data/sentence-numbers';
import type { Quantity } from '../model/quantities';
import type { Report } from '../model/report';
import { isTotal } from './breakdowns';
import type { Breakdown, Part } from './breakdowns';
import { quantitiesIn, sentenceEnd } from './sentence';

const words = sentenceNumbers.breakdown;
/** A change before the total (`比上年增加12条`): its parts need not add up. */
const CHANGE = new RegExp(`${sentenceNumbers.trend.up}|${sentenceNumbers.trend.down}`, 'u');
/** At most this many characters after the status word in a label (`已完成整改`). */
const LABEL_REST = 2;

/**
 * The status breakdown right after `total` (followed by ， or ,), or null: at least two
 * parts in the total's unit, exact, each in a clause or 、 item of its own labelled by a
 * status word, the first done, another under way, no status twice.
 */
export function statusAfterTotal(report: Report, total: Quantity): Breakdown | null {
  const { text } = report;
  const c = text.charCodeAt(total.end);
  if (c !== 0xff0c /* ， */ && c !== 0x2c) return null;
  // A cheap first test: a done word (they all hold 完成, 整改, 办结, 解决, 销号 or 落实) soon after the comma.
  const ahead = text.slice(total.end + 1, total.end + 12);
  if (!/完成|整改|办结|解决|销号|落实/u.test(ahead)) return null;
  const from = report.lines.start(total.line);
  const lineText = report.lines.lineText(total.line);
  if (total.bound !== 'exact' || !isTotal(total, lineText, from)) return null;
  if (CHANGE.test(lineText.slice(Math.max(0, total.start - from - 6), total.start - from))) return null;
  // `分别提出意见建议27条、15条，已办结35条`: the last value of a list is no total; the tasks are
  // all of its values' (not summed here).
  if (lineText.charCodeAt(total.start - from - 1) === 0x3001 /* 、 */) return null;
  const start = total.end - from + 1;
  const end = sentenceEnd(lineText, start);
  const parts: Part[] = [];
  const seen: string[] = [];
  let done = false;
  let pending = false;
  let labelFrom = start;
  for (const q of quantitiesIn(report.quantities, from + start, from + end)) {
    if (q.unit !== total.unit || q.bound !== 'exact') break;
    const raw = lineText.slice(labelFrom, q.start - from);
    const sep = parts.length === 0 ? 0 : raw.charCodeAt(0);
    if (parts.length > 0 && sep !== 0x3001 /* 、 */ && sep !== 0xff0c /* ， */ && sep !== 0xff1b /* ； */) break;
    const status = statusOf(parts.length === 0 ? raw : raw.slice(1));
    if (!status || seen.includes(status.word)) break;
    seen.push(status.word);
    if (status.done) done = true;
    else pending = true;
    parts.push({ q, label: status.word, sep });
    labelFrom = q.end - from;
  }
  if (parts.length < 2 || !done || !pending || !words.statusDone.includes(parts[0].label)) return null;
  return { total, parts, mode: 'atMost', listed: true };
}

/** The status word of a label (a time word may open it, a short noun may follow), or null. */
function statusOf(label: string): { word: string; done: boolean } | null {
  let text = label;
  for (const lead of words.statusLead) {
    if (text.startsWith(lead)) {
      text = text.slice(lead.length);
      break;
    }
  }
  for (const [list, done] of [[words.statusDone, true], [words.statusPending, false]] as const) {
    for (const word of list) {
      if (text.startsWith(word) && text.length - word.length <= LABEL_REST && /^\p{Script=Han}*$/u.test(text)) return { word, done };
    }
  }
  return null;
}
